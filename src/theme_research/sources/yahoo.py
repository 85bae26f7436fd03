"""Yahoo Finance news stories as yfinance's ``Ticker.get_news()`` returns them.

A story is ``{"id": …, "content": {"id", "title", "summary", "pubDate" (ISO 8601, UTC),
"provider": {"displayName"}, "canonicalUrl": {"url"}, "clickThroughUrl": {"url"},
"finance": {"stockTickers": [{"symbol"}]}, …}}`` (the stream of Yahoo's ``/xhr/ncp``
endpoint, which yfinance reads). Stories are English; the time is stored on the market
clock like every other feed's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from theme_research.models import NewsItem
from theme_research.sources.base import (
    Record,
    RecordFormat,
    build_item,
    from_utc,
    require_text,
    unwrap_archive,
)

SOURCE = "yahoo"
OUTLET = "Yahoo Finance"


def sniff(record: Record) -> bool:
    """An archive row of the feed, or a story (``id`` + a ``content`` object with ``pubDate``)."""
    if record.get("source") == SOURCE:
        return True
    content = record.get("content")
    return "id" in record and isinstance(content, Mapping) and "pubDate" in content


def parse(record: Record) -> NewsItem:
    """Parse one story: title, summary, publisher, time (UTC), link and related tickers."""
    story = unwrap_archive(record, SOURCE)
    content = story["content"]
    if not isinstance(content, Mapping):
        raise TypeError(f"'content' is a {type(content).__name__}, expected an object")
    published = require_text(content, "pubDate", "displayTime")
    if not published:
        raise ValueError("story has no pubDate")
    return build_item(
        source=SOURCE,
        source_id=content.get("id") or story["id"],
        published_at=from_utc(published),
        title=require_text(content, "title"),
        content=require_text(content, "summary", "description"),
        url=_url(content),
        language="en",
        outlet=str(_field(content, "provider", "displayName") or OUTLET),
        extras={"tickers": _tickers(content)},
    )


def _field(content: Mapping[str, Any], key: str, inner: str) -> Any:
    node = content.get(key)
    return node.get(inner) if isinstance(node, Mapping) else None


def _url(content: Mapping[str, Any]) -> str:
    """The story's canonical address, else the one Yahoo's page links through to."""
    for key in ("canonicalUrl", "clickThroughUrl"):
        url = _field(content, key, "url")
        if isinstance(url, str) and url:
            return url
    return ""


def _tickers(content: Mapping[str, Any]) -> list[str]:
    listed = _field(content, "finance", "stockTickers") or []
    return [
        str(entry["symbol"])
        for entry in listed
        if isinstance(entry, Mapping) and entry.get("symbol")
    ]


FORMAT = RecordFormat(
    "yahoo", "Yahoo Finance news stories (yfinance Ticker.get_news)", sniff, parse
)
