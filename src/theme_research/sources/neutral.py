"""The project's own neutral format (JSONL or CSV), documented in the README."""

from __future__ import annotations

from theme_research.models import NewsItem, content_key
from theme_research.sources.base import Record, RecordFormat, build_item, from_local

COLUMNS = ("id", "source", "published_at", "title", "content", "url", "language")
REQUIRED = frozenset({"source", "published_at", "title"})


def sniff(record: Record) -> bool:
    """Any record with ``source``, ``published_at`` and ``title``."""
    return record.keys() >= REQUIRED


def parse(record: Record) -> NewsItem:
    """Parse a neutral record; a naive ``published_at`` is read as Asia/Shanghai."""
    source = str(record["source"] or "").strip()
    if not source:
        raise ValueError("empty 'source'")
    title, content = str(record.get("title") or ""), str(record.get("content") or "")
    record_id = record.get("id") or content_key(source, title, content)
    return build_item(
        source=source,
        source_id=record_id,
        published_at=from_local(str(record["published_at"])),
        title=title,
        content=content,
        url=str(record.get("url") or ""),
        language=str(record.get("language") or "zh"),
        outlet=str(record.get("outlet") or source),
    )


FORMAT = RecordFormat(
    "neutral", "theme-research neutral JSONL/CSV (id, source, published_at …)", sniff, parse
)
