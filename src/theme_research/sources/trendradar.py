"""TrendRadar ``news.db``: hot lists written by the TrendRadar aggregator (SQLite)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from theme_research.models import MARKET_TZ, NewsItem, content_key
from theme_research.sources.base import build_item

SOURCE_PREFIX = "trendradar"
FINANCIAL_PLATFORMS = frozenset({"cls-hot", "wallstreetcn-hot"})
SQLITE_MAGIC = b"SQLite format 3\x00"

_QUERY = """
SELECT n.id, n.title, n.platform_id, p.name, n.rank, n.url, n.first_crawl_time,
       n.last_crawl_time, n.crawl_count, n.created_at
FROM news_items n LEFT JOIN platforms p ON p.id = n.platform_id
ORDER BY n.id
"""


def is_trendradar(path: Path) -> bool:
    """A SQLite file with TrendRadar's ``news_items`` and ``platforms`` tables."""
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            return False
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {"news_items", "platforms"} <= names


def iter_rows(
    path: Path, platforms: frozenset[str] | None = FINANCIAL_PLATFORMS
) -> Iterator[tuple[int, NewsItem | ValueError]]:
    """Yield ``(row id, item or error)``; ``platforms=None`` takes every platform."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for row in conn.execute(_QUERY):
            if platforms is None or row[2] in platforms:
                yield row[0], _parse_row(row)
    finally:
        conn.close()


def _parse_row(row: tuple[object, ...]) -> NewsItem | ValueError:
    row_id, title, platform, name, rank, url, first, last, count, created = row
    try:
        day = str(created)[:10]
        published = datetime.fromisoformat(f"{day}T{str(first).replace('-', ':')}")
        return build_item(
            source=f"{SOURCE_PREFIX}:{platform}",
            # Row ids restart in every day's database: the key is the day's sighting of a
            # headline, so each day's hot list keeps its own entries.
            source_id=content_key(day, str(title), str(url or "")),
            published_at=published.replace(tzinfo=MARKET_TZ),
            title=str(title),
            content="",
            url=str(url or ""),
            outlet=str(name or platform),
            extras={"rank": rank, "crawl_count": count, "last_seen": last},
            raw=json.dumps({"id": row_id, "platform_id": platform, "url": url}, ensure_ascii=False),
        )
    except ValueError as exc:
        return exc
