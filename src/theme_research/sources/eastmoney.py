"""东方财富 7x24 快讯: objects as the Eastmoney API returns them, and archive rows."""

from __future__ import annotations

from theme_research.models import NewsItem
from theme_research.sources.base import (
    Record,
    RecordFormat,
    build_item,
    from_local,
    require_text,
    unwrap_archive,
)

SOURCE = "eastmoney"
OUTLET = "东方财富"


def sniff(record: Record) -> bool:
    """An archive row of the feed, or an API object (``code`` + ``showTime``)."""
    return record.get("source") == SOURCE or {"code", "showTime"} <= record.keys()


def parse(record: Record) -> NewsItem:
    """Parse one Eastmoney 快讯 (naive ``showTime`` is Beijing time)."""
    flash = unwrap_archive(record, SOURCE)
    code = flash["code"]
    return build_item(
        source=SOURCE,
        source_id=code,
        published_at=from_local(flash["showTime"]),
        title=flash.get("title") or "",
        content=require_text(flash, "summary", "digest", "title"),
        url=flash.get("url") or f"https://finance.eastmoney.com/a/{code}.html",
        outlet=OUTLET,
        extras={
            "stocks": [s.split(".", 1)[-1] for s in flash.get("stockList") or []],
            "highlight": flash.get("titleColor"),
        },
    )


FORMAT = RecordFormat("eastmoney", "东方财富 7x24 快讯 (API objects or archive rows)", sniff, parse)
