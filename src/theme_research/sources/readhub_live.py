"""Readhub topics, live: the JSON list readhub.cn's topic page loads.

``GET https://api.readhub.cn/topic/list`` with ``type=1`` (hot topics), ``page`` (1 =
newest) and ``size``. The answer is ``{"data": {"items": [topic, …]}}``, newest first.
Topics of this API name their id ``uid`` and their outlets ``newsAggList``, where the
archived topics ``sources/readhub.py`` parses say ``id`` and the older outlets key; the
missing names are filled in (``raw`` keeps the topic as delivered).
"""

from __future__ import annotations

from typing import Any

import httpx

from theme_research.sources import readhub
from theme_research.sources.live import LiveSource, Page, envelope, register

PATH = "/topic/list"
ALIASES = {"id": "uid", readhub.OUTLETS_KEY: "newsAggList", "createdAt": "publishDate"}
"""Archive name → this API's name, used only when the archive name is absent."""


@register
class ReadhubLive(LiveSource):
    """Readhub hot topics, paged back by page number."""

    name = "readhub"
    title = "Readhub"
    record_format = readhub.FORMAT
    referer = "https://readhub.cn/"
    default_page_size = 20
    base_url = "https://api.readhub.cn"

    def fetch_page(self, client: httpx.Client, token: str | None) -> Page:
        page = int(token or "1")
        params = {"type": "1", "page": str(page), "size": str(self.page_size)}
        payload = self.get(client, PATH, params)
        records = envelope(payload, self.base_url + PATH, "data", "items")
        return Page(records, str(page + 1) if records else None)

    def normalise(self, record: dict[str, Any]) -> dict[str, Any]:
        missing = {
            name: record[alias]
            for name, alias in ALIASES.items()
            if name not in record and alias in record
        }
        return {**record, **missing} if missing else record
