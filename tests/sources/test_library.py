"""Library calls as feeds: the hard deadline, error translation, per-security fetching."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from tests.feeds import FAST, NOW, Sleeps
from tests.sources.library_server import registry_kept
from theme_research.models import MARKET_TZ
from theme_research.settings import settings_path
from theme_research.sources import neutral
from theme_research.sources.errors import PayloadError, SourceError, UpstreamError
from theme_research.sources.library import (
    DeadlineExceededError,
    LibraryError,
    MissingExtraError,
    PerSymbolSource,
    call_with_deadline,
    configured_symbols,
    library_error,
    pack_symbols,
    require,
)
from theme_research.sources.live import HttpPolicy
from theme_research.themes import Security

URL = "https://feed.example/api"


@pytest.fixture(autouse=True)
def _registry() -> Iterator[None]:
    with registry_kept():
        yield


# --- the deadline -----------------------------------------------------------------------


def test_a_call_within_its_deadline_returns_its_value():
    assert call_with_deadline(lambda: [1, 2], 5, what="f()", url=URL) == [1, 2]


def test_a_call_past_its_deadline_is_abandoned_with_a_clear_error():
    release = threading.Event()
    workers: list[threading.Thread] = []

    def hang() -> str:
        workers.append(threading.current_thread())
        release.wait(10)
        return "too late"

    started = time.monotonic()
    with pytest.raises(DeadlineExceededError) as caught:
        call_with_deadline(hang, 0.2, what="akshare.slow()", url=URL)
    waited = time.monotonic() - started
    assert 0.2 <= waited < 2
    assert "akshare.slow() gave no answer within 0.2 s and was abandoned" in str(caught.value)
    assert isinstance(caught.value, UpstreamError) and caught.value.url == URL
    (worker,) = workers
    assert worker.daemon and worker.is_alive()  # abandoned, not killed; never blocks exit
    release.set()
    worker.join(2)
    assert not worker.is_alive()


@pytest.mark.parametrize(
    ("error", "kind", "words"),
    [
        (ConnectionError("refused"), UpstreamError, "f() failed: ConnectionError: refused"),
        (TimeoutError(), UpstreamError, "f() failed: TimeoutError"),
        (KeyError("result"), LibraryError, "could not read the feed's answer (KeyError: 'result')"),
        (json.JSONDecodeError("Expecting value", "<html>", 0), LibraryError, "JSONDecodeError"),
        (RuntimeError("odd"), LibraryError, "RuntimeError: odd"),
    ],
)
def test_library_exceptions_become_source_errors(error, kind, words):
    def fail() -> None:
        raise error

    with pytest.raises(SourceError) as caught:
        call_with_deadline(fail, 5, what="f()", url=URL)
    assert type(caught.value) is kind and words in str(caught.value)
    assert caught.value.__cause__ is error


def test_a_library_error_class_can_be_named_upstream_and_source_errors_pass_through():
    class RateLimited(Exception):
        pass

    limited = library_error(RateLimited("Too Many Requests"), "f()", URL, (RateLimited,))
    assert isinstance(limited, UpstreamError) and limited.retryable
    own = PayloadError(URL, "already ours")
    assert library_error(own, "f()", URL) is own


def test_a_missing_library_names_the_extra_to_install():
    with pytest.raises(MissingExtraError) as caught:
        require("no_such_library_for_theme_research", "akshare", URL)
    assert "pip install 'theme-research[akshare]'" in str(caught.value)
    assert "no_such_library_for_theme_research, which is not installed" in str(caught.value)


# --- asking once per security -----------------------------------------------------------


def record(code: str, minutes_ago: int, title: str | None = None) -> dict[str, Any]:
    when = NOW - timedelta(minutes=minutes_ago)
    return {
        "id": code,
        "source": "per-symbol",
        "published_at": when.isoformat(),
        "title": title or f"Story {code}",
        "content": f"Body of story {code}.",
    }


class FakePerSymbol(PerSymbolSource):
    """Answers from a dict; a value that is an exception is raised for that symbol."""

    name = "per-symbol"
    title = "per symbol"
    record_format = neutral.FORMAT
    library = "json"  # always importable: these tests are about the loop, not a library
    extra = "none"
    base_url = URL
    exchanges = frozenset({"US"})
    symbols_setting = "us_symbols"

    def __init__(self, answers: dict[str, Any], **options: Any) -> None:
        options.setdefault("symbols", list(answers))
        super().__init__(policy=FAST, **options)
        self.answers = answers
        self.asked: list[str] = []

    def fetch_symbol(self, symbol: str) -> list[Any]:
        self.asked.append(symbol)
        answer = self.answers[symbol]
        if isinstance(answer, Exception):
            raise answer
        return answer


def fetch(source: PerSymbolSource, since_hours: int = 24, cursor: str | None = None):
    with httpx.Client() as client:
        return source.fetch(client, NOW - timedelta(hours=since_hours), cursor)


def test_every_security_is_asked_and_shared_items_are_merged():
    sleeps = Sleeps()
    source = FakePerSymbol(
        {"NVDA": [record("a", 5), record("b", 60)], "AMD": [record("a", 5), record("c", 30)]},
        sleep=sleeps,
    )
    result = fetch(source)
    assert source.asked == ["NVDA", "AMD"] and result.pages == 2
    by_id = {item.source_id: item for item in result.items}
    assert sorted(by_id) == ["a", "b", "c"]
    assert by_id["a"].extras["searched"] == ["NVDA", "AMD"]
    assert by_id["c"].extras["searched"] == ["AMD"]
    assert result.complete and result.cursor == (NOW - timedelta(minutes=5)).isoformat()


def test_a_pause_separates_two_calls():
    sleeps = Sleeps()
    source = FakePerSymbol({"A": [], "B": [], "C": []}, sleep=sleeps)
    source.policy = HttpPolicy(page_delay=0.5)
    fetch(source)
    assert sleeps.calls == [0.5, 0.5]


def test_items_before_since_are_left_out():
    result = fetch(FakePerSymbol({"NVDA": [record("new", 30), record("old", 60 * 30)]}))
    assert [item.source_id for item in result.items] == ["new"]


def test_an_unreadable_security_is_a_problem_and_the_others_are_kept():
    broken = LibraryError(URL, "f('AMD') could not read the feed's answer (KeyError: 'code')")
    result = fetch(FakePerSymbol({"NVDA": [record("a", 5)], "AMD": broken, "MU": [{"x": 1}]}))
    assert [item.source_id for item in result.items] == ["a"]
    assert [str(problem.path) for problem in result.problems] == ["per-symbol AMD", "per-symbol MU"]
    assert "KeyError: 'code'" in str(result.problems[0])


def test_the_fetch_fails_when_no_security_could_be_read():
    first = LibraryError(URL, "first")
    with pytest.raises(LibraryError, match="first"):
        fetch(FakePerSymbol({"NVDA": first, "AMD": LibraryError(URL, "second")}))


def test_a_missed_deadline_ends_the_fetch_without_asking_the_rest():
    source = FakePerSymbol(
        {"NVDA": [record("a", 5)], "AMD": DeadlineExceededError(URL, "f('AMD')", 1), "MU": []}
    )
    with pytest.raises(DeadlineExceededError):
        fetch(source)
    assert source.asked == ["NVDA", "AMD"]


def test_no_securities_at_all_is_an_error_that_says_where_to_list_them():
    with pytest.raises(SourceError, match=r"\[sources\] us_symbols"):
        fetch(FakePerSymbol({}))


def security(code: str, exchange: str, core: bool = False) -> Security:
    return Security(code=code, exchange=exchange, name=code, core=core)


def test_pack_symbols_filters_by_exchange_puts_core_first_and_lists_each_once():
    first = [security("AMD", "US"), security("600000", "SH"), security("NVDA", "US", core=True)]
    second = [security("AMD", "US", core=True), security("0700", "HK")]
    assert pack_symbols([first, second], {"US"}) == ["NVDA", "AMD"]
    assert pack_symbols([first, second], {"SH", "SZ"}) == ["600000"]


def test_configured_symbols_come_from_the_config_file_else_the_selected_packs():
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("[report]\nthemes = ['ai']\n", encoding="utf-8")
    from_packs = configured_symbols("us_symbols", {"US"}, URL)
    assert "NVDA" in from_packs and "LLY" not in from_packs  # a drug maker: not in the AI pack
    path.write_text("[sources]\nus_symbols = ['msft', 'nvda']\n", encoding="utf-8")
    assert configured_symbols("us_symbols", {"US"}, URL) == ["MSFT", "NVDA"]


def test_a_bad_theme_in_the_config_is_a_source_error():
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("[report]\nthemes = ['no-such-theme']\n", encoding="utf-8")
    with pytest.raises(SourceError, match="cannot choose the securities"):
        configured_symbols("us_symbols", {"US"}, URL)


def test_published_times_stay_aware_on_the_market_clock():
    result = fetch(FakePerSymbol({"NVDA": [record("a", 5)]}))
    assert result.items[0].published_at.tzinfo is not None
    assert result.items[0].published_at == NOW.astimezone(MARKET_TZ) - timedelta(minutes=5)
