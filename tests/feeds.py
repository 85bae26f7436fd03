"""A loopback server that pages the way the live feeds' real endpoints do, for tests.

Nothing here leaves 127.0.0.1: :class:`FeedServer` serves records (written here in the
feeds' real shapes, or taken at test time from ../shared/corpus) newest first, honouring
each endpoint's paging parameter, and injects faults on request.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from tests.loopback import Loopback
from theme_research.models import MARKET_TZ
from theme_research.sources.cls_live import sign
from theme_research.sources.live import LIVE_SOURCES, HttpPolicy, LiveSource

BUILTIN_FEEDS = ("cls", "eastmoney", "ths", "readhub")

NOW = datetime(2026, 7, 1, 15, 30, tzinfo=MARKET_TZ)
FAST = HttpPolicy(connect_timeout=2.0, read_timeout=0.3, attempts=3, backoff=0.01, page_delay=0.0)

# --- records in the feeds' real shapes (invented text) ---------------------------------


def cls_record(n: int, when: datetime) -> dict[str, Any]:
    telegraph_id = 9300000 + n
    return {
        "id": telegraph_id,
        "ctime": int(when.timestamp()),
        "title": "",
        "content": f"【示例电报{n}】财联社电，示例公司{n}公告获得新订单{n}亿元。",
        "brief": f"示例公司{n}公告获得新订单",
        "level": "C",
        "shareurl": f"https://api3.cls.cn/share/article/{telegraph_id}?os=web",
        "subjects": [{"subject_id": 1, "subject_name": "示例主题"}],
        "stock_list": [],
        "plate_list": [],
        "reading_num": 1000 + n,
    }


def eastmoney_record(n: int, when: datetime) -> dict[str, Any]:
    local = when.astimezone(MARKET_TZ)
    return {
        "code": f"2026{n:014d}",
        "showTime": local.strftime("%Y-%m-%d %H:%M:%S"),
        "title": f"示例快讯{n}：示例指数收涨{n}%",
        "summary": f"【示例快讯{n}：示例指数收涨{n}%】示例指数今日收涨{n}%。",
        "stockList": ["1.600000"],
        "realSort": f"{int(when.timestamp())}{n:06d}",
        "titleColor": 0,
        "image": [],
        "pinglun_Num": 0,
        "share": 0,
    }


def ths_record(n: int, when: datetime) -> dict[str, Any]:
    seq = 700000000 + n
    return {
        "id": str(5000000 + n),
        "seq": str(seq),
        "ctime": str(int(when.timestamp())),
        "rtime": str(int(when.timestamp())),
        "title": f"示例药企{n}达成授权交易",
        "digest": f"示例药企{n}与海外药企达成授权协议，首付款{n}亿美元。",
        "short": "",
        "url": f"https://news.10jqka.com.cn/20260701/c{seq}.shtml",
        "tags": [{"id": "1", "name": "A股"}],
        "stock": [],
        "import": "0",
        "color": "1",
    }


def readhub_record(n: int, when: datetime) -> dict[str, Any]:
    """A topic as ``topic/list`` returns it now: ``uid`` and ``newsAggList``."""
    stamp = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return {
        "uid": f"liveTopic{n:04d}",
        "title": f"示例科技公司{n}发布新模型",
        "summary": f"示例科技公司{n}发布新一代模型，参数规模提升{n}倍。",
        "createdAt": stamp,
        "publishDate": stamp,
        "siteNameDisplay": "界面 等2家",
        "newsAggList": [{"siteName": "界面"}, {"siteName": "财联社"}],
        "entityList": [],
        "tagList": [],
    }


MAKERS: dict[str, Callable[[int, datetime], dict[str, Any]]] = {
    "cls": cls_record,
    "eastmoney": eastmoney_record,
    "ths": ths_record,
    "readhub": readhub_record,
}
ID_FIELD = {"cls": "id", "eastmoney": "code", "ths": "seq", "readhub": "uid"}


def records(source: str, count: int, newest: datetime = NOW, step_minutes: int = 7) -> list:
    """``count`` records of ``source``, newest first, ``step_minutes`` apart."""
    make = MAKERS[source]
    return [make(n, newest - timedelta(minutes=step_minutes * n)) for n in range(count)]


def keys(source: str, rows: list[dict[str, Any]]) -> set[str]:
    id_field = "id" if source == "readhub" and "id" in rows[0] else ID_FIELD[source]
    return {f"{source}:{row[id_field]}" for row in rows}


# --- the loopback server ----------------------------------------------------------------


def _time(source: str, record: dict[str, Any]) -> float:
    if source == "eastmoney":
        return float(record["realSort"])
    if source == "readhub":
        return datetime.fromisoformat(record["createdAt"].replace("Z", "+00:00")).timestamp()
    return float(record["ctime"])


@dataclass
class Feed:
    """One endpoint's records and its real paging rule."""

    source: str
    records: list[dict[str, Any]] = field(default_factory=list)
    charset: str = "utf-8"

    def newest_first(self) -> list[dict[str, Any]]:
        return sorted(self.records, key=lambda r: _time(self.source, r), reverse=True)

    def page(self, params: dict[str, str]) -> dict[str, Any]:
        rows = self.newest_first()
        return getattr(self, f"_{self.source}")(rows, params)

    def _cls(self, rows: list[dict[str, Any]], params: dict[str, str]) -> dict[str, Any]:
        unsigned = {k: v for k, v in params.items() if k != "sign"}
        if params.get("sign") != sign(unsigned):
            return {"errno": 10012, "msg": "签名错误"}
        before = int(params["last_time"])
        page = [r for r in rows if int(r.get("ctime", 0)) < before][: int(params["rn"])]
        return {"errno": 0, "data": {"roll_data": page}}

    def _eastmoney(self, rows: list[dict[str, Any]], params: dict[str, str]) -> dict[str, Any]:
        end = params.get("sortEnd")
        if end:
            rows = [r for r in rows if int(r["realSort"]) < int(end)]
        page = rows[: int(params["pageSize"])]
        sort_end = page[-1]["realSort"] if page else ""
        return {
            "code": "1",
            "message": "success",
            "data": {"fastNewsList": page, "sortEnd": sort_end},
        }

    def _ths(self, rows: list[dict[str, Any]], params: dict[str, str]) -> dict[str, Any]:
        size, page = int(params["pagesize"]), int(params["page"])
        return {"code": "200", "msg": "ok", "data": {"list": rows[(page - 1) * size : page * size]}}

    def _readhub(self, rows: list[dict[str, Any]], params: dict[str, str]) -> dict[str, Any]:
        size, page = int(params["size"]), int(params["page"])
        return {"data": {"items": rows[(page - 1) * size : page * size], "totalItems": len(rows)}}


@dataclass
class Fault:
    """What the next request to a path gets instead of its page."""

    kind: str  # status, timeout, body, repeat
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    seconds: float = 0.0


def status(code: int, **headers: str) -> Fault:
    return Fault(
        "status", status=code, headers={k.replace("_", "-"): v for k, v in headers.items()}
    )


def body(data: bytes, content_type: str = "application/json") -> Fault:
    return Fault("body", body=data, headers={"Content-Type": content_type})


TIMEOUT = Fault("timeout", seconds=1.0)
REPEAT = Fault("repeat")
PATHS = {"cls": "/v1/roll/get_roll_list", "eastmoney": "/comm/web/getFastNewsList"}
PATHS |= {"ths": "/tapp/news/push/stock/", "readhub": "/topic/list"}


class FeedServer:
    """A loopback server serving :class:`Feed` pages, with faults."""

    def __init__(self) -> None:
        self.feeds: dict[str, Feed] = {}
        self.faults: dict[str, deque[Fault]] = {}
        self.requests: list[tuple[str, dict[str, str], dict[str, str]]] = []
        self._last: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self._server = Loopback(self._serve, quiet_errors=True)
        self.url = self._server.url

    def __enter__(self) -> FeedServer:
        self._server.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.__exit__(*exc)

    def feed(self, source: str, rows: list[dict[str, Any]], charset: str = "utf-8") -> Feed:
        self.feeds[PATHS[source]] = Feed(source, list(rows), charset)
        return self.feeds[PATHS[source]]

    def fail(self, source: str, *faults: Fault) -> None:
        self.faults.setdefault(PATHS[source], deque()).extend(faults)

    def requests_to(self, source: str) -> list[dict[str, str]]:
        return [params for path, params, _ in self.requests if path == PATHS[source]]

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        url = urlsplit(handler.path)
        params = dict(parse_qsl(url.query, keep_blank_values=True))
        with self._lock:
            self.requests.append((url.path, params, dict(handler.headers)))
            queue = self.faults.get(url.path)
            fault = queue.popleft() if queue else None
        code, headers, data = self._answer(url.path, params, fault)
        try:
            handler.send_response(code)
            for name, value in headers.items():
                handler.send_header(name, value)
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the timeout fault)

    def _answer(
        self, path: str, params: dict[str, str], fault: Fault | None
    ) -> tuple[int, dict[str, str], bytes]:
        if fault and fault.kind == "timeout":
            time.sleep(fault.seconds)
        if fault and fault.kind == "status":
            return fault.status, fault.headers, b'{"error": "busy"}'
        if fault and fault.kind == "body":
            return 200, fault.headers, fault.body
        feed = self.feeds.get(path)
        if feed is None:
            return 404, {"Content-Type": "text/html"}, b"<html>Not Found</html>"
        if fault and fault.kind == "repeat" and path in self._last:
            data = self._last[path]
        else:
            data = json.dumps(feed.page(params), ensure_ascii=False).encode(feed.charset)
        self._last[path] = data
        return 200, {"Content-Type": f"application/json; charset={feed.charset}"}, data


@dataclass
class Sleeps:
    """An injected sleep that records instead of waiting."""

    calls: list[float] = field(default_factory=list)

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def live(
    source: str, server: FeedServer, sleeps: Sleeps | None = None, **options: Any
) -> LiveSource:
    options.setdefault("policy", FAST)
    options.setdefault("page_size", 5)
    options.setdefault("clock", lambda: NOW.timestamp() + 60)
    return LIVE_SOURCES[source](
        base_url=server.url, sleep=sleeps or Sleeps(), jitter=lambda: 0.5, **options
    )


def fetch_all(source: LiveSource, since: datetime, cursor: str | None = None):
    with httpx.Client() as client:
        return source.fetch(client, since, cursor)


@contextmanager
def serving_recent_feeds(monkeypatch: pytest.MonkeyPatch) -> Iterator[FeedServer]:
    """Every built-in feed with 5 items 7 hours apart, ending a minute ago (one page covers
    24 hours), and each feed's URL environment variable pointing at the server."""
    newest = datetime.now(MARKET_TZ) - timedelta(minutes=1)
    with FeedServer() as running:
        for name in BUILTIN_FEEDS:
            running.feed(name, records(name, 5, newest=newest, step_minutes=7 * 60))
            monkeypatch.setenv(f"THEME_RESEARCH_{name.upper()}_URL", running.url)
        yield running
