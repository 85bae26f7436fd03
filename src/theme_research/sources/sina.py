"""新浪财经 7x24: rows as akshare's ``stock_info_global_sina`` returns them, and archive rows.

A row is ``{"时间": "2026-07-01 14:30:05", "内容": "【…】…"}``: Beijing time as the feed
gives it, and the flash's text (its 【…】 headline becomes the title). akshare keeps
neither the flash's id nor its link, so the id is a hash of the time and the text.
"""

from __future__ import annotations

from theme_research.models import NewsItem, content_key
from theme_research.sources.base import Record, RecordFormat, build_item, from_local, unwrap_archive

SOURCE = "akshare:sina"
OUTLET = "新浪财经"
COLUMNS = frozenset({"时间", "内容"})


def sniff(record: Record) -> bool:
    """An archive row of the feed, or an akshare row (exactly ``时间`` + ``内容``)."""
    return record.get("source") == SOURCE or record.keys() == COLUMNS


def parse(record: Record) -> NewsItem:
    """Parse one 7x24 flash (naive ``时间`` is Beijing time)."""
    row = unwrap_archive(record, SOURCE)
    when, text = str(row["时间"]), row["内容"]
    if not isinstance(text, str) or not text.strip():
        raise ValueError("flash has no text")
    return build_item(
        source=SOURCE,
        source_id=content_key(when, text),
        published_at=from_local(when),
        title="",
        content=text,
        outlet=OUTLET,
    )


FORMAT = RecordFormat(
    "akshare:sina", "新浪财经 7x24 (akshare stock_info_global_sina rows)", sniff, parse
)
