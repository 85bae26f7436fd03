"""同花顺 快讯: objects as the THS API returns them, and archive rows."""

from __future__ import annotations

from theme_research.models import NewsItem
from theme_research.sources.base import (
    Record,
    RecordFormat,
    build_item,
    from_epoch,
    require_text,
    unwrap_archive,
)

SOURCE = "ths"
OUTLET = "同花顺"


def sniff(record: Record) -> bool:
    """An archive row of the feed, or an API object (``seq`` + ``digest``)."""
    return record.get("source") == SOURCE or {"seq", "digest", "ctime"} <= record.keys()


def parse(record: Record) -> NewsItem:
    """Parse one THS 快讯; its stable id is ``seq`` (the archive's ``id``)."""
    flash = unwrap_archive(record, SOURCE)
    return build_item(
        source=SOURCE,
        source_id=flash.get("seq") or flash["id"],
        published_at=from_epoch(flash.get("ctime") or flash["rtime"]),
        title=flash.get("title") or "",
        content=require_text(flash, "digest", "short", "title"),
        url=flash.get("url") or flash.get("shareUrl") or "",
        outlet=OUTLET,
        extras={
            "tags": [t.get("name") for t in flash.get("tags") or [] if isinstance(t, dict)],
            "stocks": [
                {"code": s.get("stockCode"), "name": s.get("name")}
                for s in flash.get("stock") or []
                if isinstance(s, dict)
            ],
            "important": flash.get("import") not in (None, "", "0", 0),
        },
    )


FORMAT = RecordFormat("ths", "同花顺快讯 (API objects or archive rows)", sniff, parse)
