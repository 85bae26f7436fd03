"""RSS 2.0 and Atom feeds, live: any feed the configuration file lists.

Each configured feed (``[[sources.rss]]`` in ``config.toml``: ``name``, ``url``,
``language``) becomes its own :class:`RssLive` subclass named ``rss:<name>``, so ``fetch``
and ``daily`` treat it like the built-in feeds (cursor, health, idempotent upsert). The
body is read with :func:`get_bytes` (same timeouts, retries and typed errors as the JSON
feeds) and parsed by ``feedparser``. Each entry becomes a record of the neutral format
(``sources/neutral.py``): times from ``published_parsed`` or ``updated_parsed`` (UTC, as
feedparser normalises them), or the fetch time when the entry has none; ids from the
entry's ``id``, else its ``link``, else a hash of its text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, ClassVar

import feedparser
import httpx

from theme_research.models import MARKET_TZ
from theme_research.sources import neutral
from theme_research.sources.errors import PayloadError
from theme_research.sources.live import LIVE_SOURCES, LiveSource, Page, get_bytes

PREFIX = "rss:"
_BREAK = re.compile(r"<(?:br|/p|/div|/li|/h[1-6])\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\r\f\v]+")


class RssLive(LiveSource):
    """One RSS or Atom feed; a feed is a single page (feeds carry no paging)."""

    name = "rss"
    title = "RSS/Atom"
    record_format = neutral.FORMAT
    language: ClassVar[str] = "zh"

    @classmethod
    def env_var(cls) -> str:
        """``$THEME_RESEARCH_RSS_<NAME>_URL`` replaces the feed's address."""
        return "THEME_RESEARCH_" + re.sub(r"\W", "_", cls.name.upper()) + "_URL"

    def fetch_page(self, client: httpx.Client, token: str | None) -> Page:
        body, _ = get_bytes(
            client, self.base_url, policy=self.policy, sleep=self.sleep, jitter=self.jitter
        )
        fetched = datetime.fromtimestamp(self.clock(), tz=UTC)
        return Page(parse_feed(body, self.base_url, self.name, self.language, fetched), None)


def parse_feed(
    body: bytes, url: str, source: str, language: str, fetched: datetime
) -> list[dict[str, Any]]:
    """The entries of an RSS/Atom document as neutral records, newest first.

    Raises :class:`PayloadError` when the body is not a feed at all (an HTML page, JSON).
    """
    parsed = feedparser.parse(body)
    if not parsed.get("version") and not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no RSS or Atom document")
        raise PayloadError(
            url, f"not an RSS or Atom feed ({reason})", "check the feed's address in config.toml"
        )
    outlet = str(parsed.feed.get("title") or source)
    records = [_record(entry, source, language, outlet, fetched) for entry in parsed.entries]
    return sorted(records, key=lambda r: str(r["published_at"]), reverse=True)


def _record(
    entry: Any, source: str, language: str, outlet: str, fetched: datetime
) -> dict[str, Any]:
    title = _text(entry.get("title"))
    content = _text(entry.get("summary") or _first_content(entry))
    link = str(entry.get("link") or "")
    return {
        "id": str(entry.get("id") or link) or None,  # None: neutral hashes the text
        "source": source,
        "published_at": entry_time(entry, fetched).astimezone(MARKET_TZ).isoformat(),
        "title": title,
        "content": content,
        "url": link,
        "language": language,
        "outlet": outlet,
    }


def entry_time(entry: Any, fetched: datetime) -> datetime:
    """An entry's publication (else update) time as an aware UTC time, else ``fetched``."""
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            year, month, day, hour, minute, second = value[:6]
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    return fetched


def _first_content(entry: Any) -> str:
    contents = entry.get("content") or []
    return str(contents[0].get("value") or "") if contents else ""


def _text(value: Any) -> str:
    """Markup stripped and entities decoded: feeds put HTML in titles and summaries."""
    text = html.unescape(_TAG.sub("", _BREAK.sub("\n", str(value or ""))))
    return "\n".join(_SPACE.sub(" ", line).strip() for line in text.splitlines()).strip()


def feed_source(name: str, url: str, language: str = "zh") -> type[RssLive]:
    """A :class:`RssLive` subclass for one configured feed, named ``rss:<name>``.

    Example::

        source = feed_source("ft-china", "https://www.ft.com/china?format=rss", "en")()
    """
    attrs = {"name": PREFIX + name, "title": name, "base_url": url, "language": language}
    return type("RssLive_" + re.sub(r"\W", "_", name), (RssLive,), attrs)


def register_feeds(feeds: Iterable[tuple[str, str, str]]) -> list[str]:
    """Add ``(name, url, language)`` feeds to ``LIVE_SOURCES``; return their source names."""
    names = []
    for name, url, language in feeds:
        source = feed_source(name, url, language)
        LIVE_SOURCES[source.name] = source
        names.append(source.name)
    return names


__all__ = ["PREFIX", "RssLive", "entry_time", "feed_source", "parse_feed", "register_feeds"]
