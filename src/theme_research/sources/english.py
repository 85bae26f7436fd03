"""English tech/business headlines (JSONL: date, time in UTC, title, url)."""

from __future__ import annotations

from urllib.parse import urlparse

from theme_research.models import NewsItem, content_key
from theme_research.sources.base import Record, RecordFormat, build_item, from_utc

SOURCE = "headlines"


def sniff(record: Record) -> bool:
    """A headline row: ``date`` + ``time`` + ``title`` + ``url`` and no body."""
    return {"date", "time", "title", "url"} <= record.keys() and "content" not in record


def parse(record: Record) -> NewsItem:
    """Parse one headline; the feed has no id, so the key hashes title and url."""
    title, url = record["title"], record.get("url") or ""
    if not isinstance(title, str) or not title.strip():
        raise ValueError("headline has no title")
    return build_item(
        source=SOURCE,
        source_id=content_key(title, url),
        published_at=from_utc(f"{record['date']}T{record['time']}"),
        title=title,
        content="",
        url=url,
        language="en",
        outlet=urlparse(url).hostname or "",
        extras={"discussion_url": record.get("discussion_url")},
    )


FORMAT = RecordFormat(
    "headlines", "English headlines JSONL (date, time UTC, title, url)", sniff, parse
)
