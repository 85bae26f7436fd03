"""财联社 telegraph roll: objects as the CLS telegraph API returns them, and archive rows."""

from __future__ import annotations

from urllib.parse import urlparse

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
        url=_public_url(telegraph_id, tele.get("shareurl") or ""),
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


def _public_url(telegraph_id: object, shareurl: str) -> str:
    """The telegraph's public page; a share link on another host (a mirror, the demo) wins."""
    host = urlparse(shareurl).hostname or ""
    if shareurl and not host.endswith("cls.cn"):
        return shareurl
    return f"https://www.cls.cn/detail/{telegraph_id}"


FORMAT = RecordFormat("cls", "财联社电报 (CLS telegraph API objects or archive rows)", sniff, parse)
