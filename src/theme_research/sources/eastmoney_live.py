"""东方财富 7x24 快讯, live: the JSON list the kuaixun.eastmoney.com page loads.

``GET https://np-weblist.eastmoney.com/comm/web/getFastNewsList`` with ``client=web,
biz=web_724, fastColumn=102`` (the 7x24 column), ``pageSize``, ``req_trace`` (a
timestamp) and ``sortEnd`` (empty for the newest page, else the ``realSort`` of the last
item seen). The answer is ``{"code": "1", "data": {"fastNewsList": [快讯, …], "sortEnd":
…}}``, newest first; each 快讯 is the object ``sources/eastmoney.py`` parses.
"""

from __future__ import annotations

from typing import Any

import httpx

from theme_research.sources import eastmoney
from theme_research.sources.live import LiveSource, Page, envelope, register

PATH = "/comm/web/getFastNewsList"


@register
class EastmoneyLive(LiveSource):
    """东方财富 7x24 快讯, paged back by ``sortEnd``."""

    name = "eastmoney"
    title = "东方财富 7x24"
    record_format = eastmoney.FORMAT
    referer = "https://kuaixun.eastmoney.com/"
    default_page_size = 100
    base_url = "https://np-weblist.eastmoney.com"

    def fetch_page(self, client: httpx.Client, token: str | None) -> Page:
        params = {
            "client": "web",
            "biz": "web_724",
            "fastColumn": "102",
            "sortEnd": token or "",
            "pageSize": str(self.page_size),
            "req_trace": str(int(self.clock() * 1000)),
        }
        payload = self.get(client, PATH, params)
        records = envelope(payload, self.base_url + PATH, "data", "fastNewsList")
        return Page(records, _sort_end(payload, records))


def _sort_end(payload: Any, records: list[Any]) -> str | None:
    """The ``sortEnd`` the feed hands back, else the last item's ``realSort``."""
    if not records:
        return None
    given = payload["data"].get("sortEnd") if isinstance(payload.get("data"), dict) else None
    if given:
        return str(given)
    last = records[-1]
    value = last.get("realSort") if isinstance(last, dict) else None
    return str(value) if value else None
