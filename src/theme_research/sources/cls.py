"""财联社 telegraph roll: objects as the CLS telegraph API returns them, and archive rows."""

from __future__ import annotations

from theme_research.models import NewsItem
from theme_research.sources.base import Record, RecordFormat, build_item, from_epoch, unwrap_archive

SOURCE = "cls"
OUTLET = "财联社"


def sniff(record: Record) -> bool:
    """An archive row of the CLS feed, or a raw telegraph (``ctime`` + ``level`` + ``content``)."""
    if record.get("source") == SOURCE:
        return True
    if "source" in record:  # other feeds' archive rows share the telegraph's field names
        return False
    return {"id", "ctime", "content", "level", "shareurl"} <= record.keys()


def parse(record: Record) -> NewsItem:
    """Parse a CLS telegraph (or the archive row wrapping one)."""
    tele = unwrap_archive(record, SOURCE)
    telegraph_id = tele["id"]
    return build_item(
        source=SOURCE,
        source_id=telegraph_id,
        published_at=from_epoch(tele["ctime"]),
        title=tele.get("title") or "",
        content=tele.get("content") or tele.get("brief") or "",
        url=f"https://www.cls.cn/detail/{telegraph_id}",
        outlet=OUTLET,
        extras={
            "level": tele.get("level"),
            "subjects": [s.get("subject_name") for s in tele.get("subjects") or []],
            "stocks": [
                {"code": s.get("StockID"), "name": s.get("name"), "move": s.get("RiseRange")}
                for s in tele.get("stock_list") or []
            ],
            "plates": [p.get("name") for p in tele.get("plate_list") or [] if isinstance(p, dict)],
            "reading_num": tele.get("reading_num"),
        },
    )


FORMAT = RecordFormat("cls", "财联社电报 (CLS telegraph API objects or archive rows)", sniff, parse)
