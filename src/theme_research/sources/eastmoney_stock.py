"""东方财富 个股新闻: rows as akshare's ``stock_news_em(code)`` returns them, and archive rows.

A row is ``{"关键词": code searched, "新闻标题", "新闻内容" (a snippet), "发布时间"
(Beijing time), "文章来源" (the outlet), "新闻链接"}``; akshare has already removed the
search's ``<em>`` highlighting. The id is the article code in the link
(``http://finance.eastmoney.com/a/202607013456789012.html``), else a hash of link and
title.
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

SOURCE = "akshare:eastmoney-stock"
OUTLET = "东方财富"
_ARTICLE_CODE = re.compile(r"/a/(\d+)\.html")


def sniff(record: Record) -> bool:
    """An archive row of the feed, or an akshare row (``关键词`` + ``新闻标题`` + ``新闻链接``)."""
    return record.get("source") == SOURCE or {"关键词", "新闻标题", "新闻链接"} <= record.keys()


def parse(record: Record) -> NewsItem:
    """Parse one article found for a security."""
    row = unwrap_archive(record, SOURCE)
    link = str(row.get("新闻链接") or "")
    title = str(row.get("新闻标题") or "")
    code = _ARTICLE_CODE.search(link)
    return build_item(
        source=SOURCE,
        source_id=code.group(1) if code else content_key(link, title),
        published_at=from_local(str(row["发布时间"])),
        title=title,
        content=require_text(row, "新闻内容", "新闻标题"),
        url=link,
        outlet=str(row.get("文章来源") or OUTLET),
        extras={"stocks": [str(row["关键词"])] if row.get("关键词") else []},
    )


FORMAT = RecordFormat(
    "akshare:eastmoney-stock", "东方财富个股新闻 (akshare stock_news_em rows)", sniff, parse
)
