"""同花顺 快讯, live: the JSON list the news.10jqka.com.cn real-time news page loads.

``GET https://news.10jqka.com.cn/tapp/news/push/stock/`` with ``page`` (1 = newest),
``pagesize``, ``tag=`` and ``track=website``. The answer is ``{"code": "200", "data":
{"list": [快讯, …]}}``, newest first; each 快讯 is the object ``sources/ths.py`` parses.
"""

from __future__ import annotations

import httpx

from theme_research.sources import ths
from theme_research.sources.live import LiveSource, Page, envelope, register

PATH = "/tapp/news/push/stock/"


@register
class ThsLive(LiveSource):
    """同花顺快讯, paged back by page number."""

    name = "ths"
    title = "同花顺快讯"
    record_format = ths.FORMAT
    referer = "https://news.10jqka.com.cn/realtimenews.html"
    default_page_size = 100
    base_url = "https://news.10jqka.com.cn"

    def fetch_page(self, client: httpx.Client, token: str | None) -> Page:
        page = int(token or "1")
        params = {"page": str(page), "tag": "", "track": "website", "pagesize": str(self.page_size)}
        payload = self.get(client, PATH, params)
        records = envelope(payload, self.base_url + PATH, "data", "list")
        return Page(records, str(page + 1) if records else None)
