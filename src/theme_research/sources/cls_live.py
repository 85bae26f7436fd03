"""财联社 telegraph roll, live: the signed JSON endpoint the telegraph web page pages with.

``GET https://www.cls.cn/v1/roll/get_roll_list`` with ``app=CailianpressWeb, os=web, sv``,
``last_time`` (epoch seconds: telegraphs older than it), ``refresh_type=1``, ``rn`` (page
size) and ``sign`` = md5(sha1(the other parameters sorted by name, ``k=v&…``)). The answer
is ``{"errno": 0, "data": {"roll_data": [telegraph, …]}}``, newest first; each telegraph is
the object ``sources/cls.py`` parses.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

import httpx

from theme_research.sources import cls
from theme_research.sources.errors import UnexpectedShapeError
from theme_research.sources.live import LiveSource, Page, envelope, register

PATH = "/v1/roll/get_roll_list"
CLIENT = {"app": "CailianpressWeb", "os": "web", "sv": "8.7.9"}
"""The web client's name and version, part of the signed parameters."""


def sign(params: Mapping[str, str]) -> str:
    """The web client's request signature: md5 of the sha1 of the sorted query string."""
    query = "&".join(f"{key}={params[key]}" for key in sorted(params, key=str.upper))
    digest = hashlib.sha1(query.encode("utf-8"), usedforsecurity=False).hexdigest()
    return hashlib.md5(digest.encode("utf-8"), usedforsecurity=False).hexdigest()


@register
class ClsLive(LiveSource):
    """财联社电报, paged back by ``last_time``."""

    name = "cls"
    title = "财联社电报"
    record_format = cls.FORMAT
    referer = "https://www.cls.cn/telegraph"
    default_page_size = 20
    base_url = "https://www.cls.cn"

    def fetch_page(self, client: httpx.Client, token: str | None) -> Page:
        params = {
            **CLIENT,
            "last_time": token or str(int(self.clock())),
            "refresh_type": "1",
            "rn": str(self.page_size),
        }
        params["sign"] = sign(params)
        payload = self.get(client, PATH, params)
        url = self.base_url + PATH
        _check_errno(payload, url)
        records = envelope(payload, url, "data", "roll_data")
        return Page(records, _older_than(records))


def _check_errno(payload: Any, url: str) -> None:
    errno = payload.get("errno", 0) if isinstance(payload, dict) else 0
    if errno not in (0, "0", None):
        message = payload.get("msg") or payload.get("message") or ""
        raise UnexpectedShapeError(
            url,
            f"the feed refused the request: errno {errno} {message}".rstrip(),
            "the signed client parameters (app, os, sv) may have changed; see docs/live-sources.md",
        )


def _older_than(records: list[Any]) -> str | None:
    """``last_time`` for the next page: one second after the oldest telegraph here.

    The feed returns telegraphs strictly older than ``last_time``; asking from one second
    later re-reads the oldest second, so telegraphs sharing it are never skipped.
    """
    times = [
        int(record["ctime"])
        for record in records
        if isinstance(record, dict) and str(record.get("ctime", "")).strip().isdigit()
    ]
    return str(min(times) + 1) if times else None
