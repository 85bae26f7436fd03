"""富途牛牛 快讯: rows as akshare's ``stock_info_global_futu`` returns them, and archive rows.

A row is ``{"标题", "内容", "发布时间", "链接"}``. akshare writes ``发布时间`` from the
feed's epoch seconds in the clock of the machine it runs on; the adapter
(``akshare_live.py``) gives that time its zone before parsing, so here a naive time is
read as Beijing time like every other Chinese feed's. The id is the flash's number in its
link (``https://news.futunn.com/flash/16512345?src=3``), else a hash of link and text.
"""

from __future__ import annotations

import re

from theme_research.models import NewsItem, content_key
from theme_research.sources.base import (
    Record,
    RecordFormat,
    build_item,
    from_local,
    require_text,
    unwrap_archive,
)

SOURCE = "akshare:futu"
OUTLET = "富途牛牛"
COLUMNS = frozenset({"标题", "内容", "发布时间", "链接"})
_FLASH_ID = re.compile(r"/flash/(\d+)")


def sniff(record: Record) -> bool:
    """An archive row of the feed, or an akshare row (exactly the four :data:`COLUMNS`)."""
    return record.get("source") == SOURCE or record.keys() == COLUMNS


def parse(record: Record) -> NewsItem:
    """Parse one Futu flash."""
    row = unwrap_archive(record, SOURCE)
    link = str(row.get("链接") or "")
    content = require_text(row, "内容", "标题")
    number = _FLASH_ID.search(link)
    return build_item(
        source=SOURCE,
        source_id=number.group(1) if number else content_key(link, content),
        published_at=from_local(str(row["发布时间"])),
        title=str(row.get("标题") or ""),
        content=content,
        url=link,
        outlet=OUTLET,
    )


FORMAT = RecordFormat(
    "akshare:futu", "富途牛牛快讯 (akshare stock_info_global_futu rows)", sniff, parse
)
