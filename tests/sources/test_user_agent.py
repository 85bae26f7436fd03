"""The User-Agent: the product and version, and the operator's contact from config.toml."""

from __future__ import annotations

from datetime import timedelta
from importlib import metadata

import pytest

from tests.feeds import NOW, FeedServer, live, records
from theme_research.settings import OPTIONAL_FEEDS, settings_path
from theme_research.sources.live import PRODUCT, USER_AGENT, default_client, user_agent
from theme_research.sources.optional import OPTIONAL_SOURCES


def write_config(text: str) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_without_a_contact_the_agent_is_the_product_and_version_alone():
    assert f"theme-research/{metadata.version('theme-research')}" == PRODUCT
    assert USER_AGENT == user_agent() == PRODUCT
    assert "http" not in USER_AGENT  # no address that nobody answers at


@pytest.mark.parametrize(
    ("contact", "shown"),
    [
        ("ops@example.org", "(+mailto:ops@example.org)"),
        ("mailto:ops@example.org", "(+mailto:ops@example.org)"),
        ("https://example.org/about-our-bot", "(+https://example.org/about-our-bot)"),
        ("  ", ""),
    ],
)
def test_a_contact_is_added_as_mailto_or_url(contact, shown):
    assert user_agent(contact) == f"{PRODUCT} {shown}".rstrip()


def test_default_client_takes_the_contact_from_the_config_file_and_requests_carry_it():
    write_config('[fetch]\ncontact = "ops@example.org"\n')
    with FeedServer() as server:
        server.feed("ths", records("ths", 2))
        with default_client() as client:
            live("ths", server).fetch(client, NOW - timedelta(days=1), None)
        _, _, headers = server.requests[0]
    assert headers["User-Agent"] == f"{PRODUCT} (+mailto:ops@example.org)"


def test_default_client_without_a_readable_config_has_no_contact():
    write_config("[fetch]\ncontact = 'not an address'\n")
    with default_client() as client:
        assert client.headers["User-Agent"] == USER_AGENT
    with default_client(contact="https://example.org/bot") as client:
        assert client.headers["User-Agent"] == f"{PRODUCT} (+https://example.org/bot)"


def test_every_optional_feed_the_settings_accept_has_an_adapter():
    assert set(OPTIONAL_SOURCES) == set(OPTIONAL_FEEDS)
    assert all(OPTIONAL_SOURCES[name].name == name for name in OPTIONAL_FEEDS)
