"""Live feed adapters against a loopback server that pages the way the real endpoints do.

Nothing here leaves 127.0.0.1: :class:`FeedServer` serves records (written here in the
feeds' real shapes, or taken at test time from ../shared/corpus) newest first, honouring
each endpoint's paging parameter, and injects faults on request.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from tests.conftest import OUTLETS_KEY, corpus_or_skip
from theme_research.models import MARKET_TZ
from theme_research.sources import cls, eastmoney, readhub, ths
from theme_research.sources.base import unwrap_archive
from theme_research.sources.cls_live import ClsLive, sign
from theme_research.sources.eastmoney_live import EastmoneyLive
from theme_research.sources.errors import (
    EmptyResponseError,
    HtmlInsteadOfJsonError,
    InvalidJsonError,
    TruncatedJsonError,
    UndecodableError,
    UnexpectedShapeError,
    UpstreamError,
)
from theme_research.sources.live import (
    CURSOR_OVERLAP,
    LIVE_SOURCES,
    USER_AGENT,
    HttpPolicy,
    LiveSource,
    get_json,
    parse_retry_after,
)
from theme_research.sources.readhub_live import ReadhubLive
from theme_research.sources.ths_live import ThsLive

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
    """A ThreadingHTTPServer on 127.0.0.1 serving :class:`Feed` pages, with faults."""

    def __init__(self) -> None:
        self.feeds: dict[str, Feed] = {}
        self.faults: dict[str, deque[Fault]] = {}
        self.requests: list[tuple[str, dict[str, str], dict[str, str]]] = []
        self._last: dict[str, bytes] = {}
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner._serve(self)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.handle_error = lambda *args: None  # type: ignore[method-assign]
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

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


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server


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


# --- the contract, per feed -------------------------------------------------------------

SOURCES = ["cls", "eastmoney", "ths", "readhub"]


def test_registry_names_every_adapter_with_a_public_https_default():
    assert set(LIVE_SOURCES) == set(SOURCES)
    expected = {"cls": ClsLive, "eastmoney": EastmoneyLive, "ths": ThsLive, "readhub": ReadhubLive}
    for name, source in LIVE_SOURCES.items():
        assert source is expected[name] and source.name == name
        assert source.base_url.startswith("https://") and source().base_url == source.base_url


@pytest.mark.parametrize("name", SOURCES)
def test_pages_back_to_since_losing_and_repeating_nothing(feeds, name):
    rows = records(name, 23)  # five pages of five, the last one short
    feeds.feed(name, rows)
    result = fetch_all(live(name, feeds), since=NOW - timedelta(days=2))
    got = [item.key for item in result.items]
    assert len(got) == len(set(got)) == 23
    assert set(got) == keys(name, rows)
    # CLS asks from one second after the oldest telegraph, so its last page repeats one
    assert result.stopped == "end" and result.complete and result.pages == 6 + (name == "cls")
    assert result.cursor == NOW.isoformat()
    assert not result.problems


@pytest.mark.parametrize("name", SOURCES)
def test_stops_once_since_is_covered_and_leaves_older_items_out(feeds, name):
    feeds.feed(name, records(name, 40))  # 7 minutes apart: 280 minutes
    since = NOW - timedelta(minutes=60)
    result = fetch_all(live(name, feeds), since=since)
    assert result.stopped == "since" and result.pages == 2 + (name == "cls")
    assert all(item.published_at > since for item in result.items)
    assert len(result.items) == 9  # minutes 0, 7 … 56


@pytest.mark.parametrize("name", SOURCES)
def test_each_record_keeps_its_json_as_delivered(feeds, name):
    rows = records(name, 3)
    feeds.feed(name, rows)
    result = fetch_all(live(name, feeds), since=NOW - timedelta(days=1))
    assert [json.loads(item.raw) for item in result.items] == rows


def test_a_cursor_stops_paging_early_and_the_new_items_come_back(feeds):
    feed = feeds.feed("cls", records("cls", 40))
    first = fetch_all(live("cls", feeds), since=NOW - timedelta(days=1))
    later = [cls_record(100 + n, NOW + timedelta(minutes=n + 1)) for n in range(3)]
    feed.records += later
    source = live("cls", feeds, clock=lambda: NOW.timestamp() + 3600)
    second = fetch_all(source, since=NOW - timedelta(days=1), cursor=first.cursor)
    assert second.stopped == "cursor" and second.pages < first.pages
    assert keys("cls", later) <= {item.key for item in second.items}
    assert all(
        item.published_at > NOW - CURSOR_OVERLAP - timedelta(minutes=7) for item in second.items
    )
    assert second.cursor == (NOW + timedelta(minutes=3)).isoformat()


def test_an_unreadable_cursor_is_ignored(feeds):
    feeds.feed("ths", records("ths", 4))
    result = fetch_all(live("ths", feeds), since=NOW - timedelta(days=1), cursor="yesterday")
    assert len(result.items) == 4 and result.cursor == NOW.isoformat()


def test_cls_requests_are_signed_and_carry_the_user_agent_and_referer(feeds):
    feeds.feed("cls", records("cls", 3))
    fetch_all(live("cls", feeds), since=NOW - timedelta(days=1))
    _, params, headers = feeds.requests[0]
    assert params["app"] == "CailianpressWeb" and params["sign"]
    assert params["last_time"] == str(int(NOW.timestamp() + 60))
    assert headers["User-Agent"] == USER_AGENT and "theme-research" in USER_AGENT
    assert headers["Referer"] == "https://www.cls.cn/telegraph"


def test_cls_signature_is_md5_of_sha1_of_the_sorted_query():
    params = {"rn": "20", "app": "CailianpressWeb", "os": "web"}
    sha1 = hashlib.sha1(b"app=CailianpressWeb&os=web&rn=20").hexdigest()
    assert sign(params) == hashlib.md5(sha1.encode()).hexdigest()


def test_cls_refusal_in_the_json_is_a_clear_error(feeds):
    feeds.feed("cls", records("cls", 3))
    feeds.fail("cls", body('{"errno": 10012, "msg": "签名错误"}'.encode()))
    with pytest.raises(UnexpectedShapeError, match="errno 10012 签名错误"):
        fetch_all(live("cls", feeds), since=NOW - timedelta(days=1))


def test_cls_telegraphs_sharing_a_second_across_pages_are_all_kept(feeds):
    rows = [cls_record(n, NOW - timedelta(minutes=n // 3)) for n in range(12)]  # 3 per second
    feeds.feed("cls", rows)
    result = fetch_all(live("cls", feeds, page_size=4), since=NOW - timedelta(days=1))
    assert {item.key for item in result.items} == keys("cls", rows)


def test_eastmoney_pages_by_sort_end(feeds):
    feeds.feed("eastmoney", records("eastmoney", 8))
    fetch_all(live("eastmoney", feeds), since=NOW - timedelta(days=1))
    sort_ends = [params["sortEnd"] for params in feeds.requests_to("eastmoney")]
    assert (
        sort_ends[0] == ""
        and sort_ends[1] == eastmoney_record(4, NOW - timedelta(minutes=28))["realSort"]
    )


def test_readhub_topics_of_the_current_api_are_read_by_the_archive_parser(feeds):
    feeds.feed("readhub", records("readhub", 2))
    item = fetch_all(live("readhub", feeds), since=NOW - timedelta(days=1)).items[0]
    assert item.key == "readhub:liveTopic0000" and item.published_at == NOW
    assert item.extras["outlets"] == ["界面", "财联社"]
    assert "uid" in json.loads(item.raw) and "id" not in json.loads(item.raw)


def test_malformed_records_become_problems_and_the_rest_is_kept(feeds):
    rows = records("cls", 6)
    del rows[2]["ctime"]
    rows[4]["content"] = rows[4]["brief"] = ""
    feeds.feed("ths", records("ths", 1))
    feed = feeds.feed("cls", rows)
    feed.newest_first = lambda: rows  # type: ignore[method-assign]  # keep the broken row in place
    result = fetch_all(live("cls", feeds, page_size=10), since=NOW - timedelta(days=1))
    assert len(result.items) == 4
    assert [str(p) for p in result.problems] == [
        "cls page 1:3: missing field 'ctime'",
        "cls page 1:5: record has neither title nor content",
    ]


def test_pages_are_spaced_by_the_polite_delay(feeds):
    feeds.feed("ths", records("ths", 12))
    sleeps = Sleeps()
    policy = HttpPolicy(page_delay=0.75, backoff=0.01)
    result = fetch_all(live("ths", feeds, sleeps, policy=policy), since=NOW - timedelta(days=1))
    assert sleeps.calls == [0.75] * (result.pages - 1) and result.pages == 4


def test_page_limit_leaves_the_cursor_where_it_was(feeds):
    feeds.feed("ths", records("ths", 30))
    result = fetch_all(live("ths", feeds, max_pages=2), since=NOW - timedelta(days=1), cursor=None)
    assert result.stopped == "max_pages" and not result.complete
    assert len(result.items) == 10 and result.cursor is None


def test_base_url_comes_from_the_environment_when_not_given(monkeypatch, feeds):
    monkeypatch.setenv("THEME_RESEARCH_READHUB_URL", feeds.url + "/")
    assert ReadhubLive().base_url == feeds.url
    assert ReadhubLive(base_url="http://mirror.invalid").base_url == "http://mirror.invalid"


# --- faults through the loopback server --------------------------------------------------


def test_a_timeout_is_retried_and_nothing_is_lost(feeds):
    rows = records("ths", 12)
    feeds.feed("ths", rows)
    feeds.fail("ths", Fault("none"), TIMEOUT)  # the second page times out once
    sleeps = Sleeps()
    result = fetch_all(live("ths", feeds, sleeps), since=NOW - timedelta(days=1))
    assert {item.key for item in result.items} == keys("ths", rows)
    assert sleeps.calls == [0.0075]  # one backoff before the second attempt


def test_server_errors_are_retried_with_growing_backoff(feeds):
    rows = records("eastmoney", 7)
    feeds.feed("eastmoney", rows)
    feeds.fail("eastmoney", status(500), status(503))
    sleeps = Sleeps()
    result = fetch_all(live("eastmoney", feeds, sleeps), since=NOW - timedelta(days=1))
    assert {item.key for item in result.items} == keys("eastmoney", rows)
    assert sleeps.calls[:2] == [0.0075, 0.015]  # equal jitter at 0.5: 3/4 of 0.01, 0.02


def test_429_waits_as_long_as_retry_after_says(feeds):
    feeds.feed("readhub", records("readhub", 3))
    feeds.fail("readhub", status(429, Retry_After="7"))
    sleeps = Sleeps()
    result = fetch_all(live("readhub", feeds, sleeps), since=NOW - timedelta(days=1))
    assert len(result.items) == 3 and sleeps.calls[0] == 7.0


def test_persistent_server_errors_give_up_with_a_typed_error(feeds):
    feeds.feed("cls", records("cls", 3))
    feeds.fail("cls", status(502), status(502), status(502))
    with pytest.raises(UpstreamError, match="HTTP 502 \\(gave up after 3 attempts\\)") as caught:
        fetch_all(live("cls", feeds), since=NOW - timedelta(days=1))
    assert caught.value.status == 502 and caught.value.attempts == 3


def test_truncated_json_is_retried(feeds):
    rows = records("cls", 3)
    feeds.feed("cls", rows)
    feeds.fail("cls", body(b'{"errno": 0, "data": {"roll_data": [{"id": 1'))
    result = fetch_all(live("cls", feeds), since=NOW - timedelta(days=1))
    assert {item.key for item in result.items} == keys("cls", rows)


def test_html_instead_of_json_fails_at_once(feeds):
    feeds.feed("eastmoney", records("eastmoney", 3))
    feeds.fail("eastmoney", body(b"<!DOCTYPE html><html>verify you are human</html>", "text/html"))
    with pytest.raises(HtmlInsteadOfJsonError, match="HTML page instead of JSON"):
        fetch_all(live("eastmoney", feeds), since=NOW - timedelta(days=1))
    assert len(feeds.requests_to("eastmoney")) == 1


@pytest.mark.parametrize("charset", ["gbk", "utf-8"])
def test_gbk_bytes_decode_whether_labelled_gbk_or_mislabelled_utf8(feeds, charset):
    rows = records("ths", 3)
    feeds.feed("ths", rows, charset="gbk")
    payload = {"code": "200", "data": {"list": rows}}
    data = json.dumps(payload, ensure_ascii=False).encode("gbk")
    feeds.fail("ths", body(data, f"application/json; charset={charset}"))
    result = fetch_all(live("ths", feeds, page_size=10), since=NOW - timedelta(days=1))
    assert result.items[0].title == "示例药企0达成授权交易"


def test_an_empty_body_is_retried_and_an_empty_page_ends_the_feed(feeds):
    feeds.feed("readhub", [])
    feeds.fail("readhub", body(b""))
    result = fetch_all(live("readhub", feeds), since=NOW - timedelta(days=1), cursor="c")
    assert (result.pages, result.stopped, result.items, result.cursor) == (1, "end", [], "c")
    assert len(feeds.requests_to("readhub")) == 2


def test_a_page_served_twice_is_asked_for_again(feeds):
    rows = records("cls", 12)
    feeds.feed("cls", rows)
    feeds.fail("cls", Fault("none"), REPEAT)  # the second page comes back as the first
    result = fetch_all(live("cls", feeds), since=NOW - timedelta(days=1))
    got = [item.key for item in result.items]
    assert len(got) == len(set(got)) == 12 and result.complete


def test_a_feed_that_keeps_repeating_itself_stops_incomplete(feeds):
    feeds.feed("ths", records("ths", 12))
    feeds.fail("ths", Fault("none"), REPEAT, REPEAT)
    result = fetch_all(live("ths", feeds), since=NOW - timedelta(days=1), cursor=None)
    assert result.stopped == "repeat" and not result.complete and result.cursor is None
    assert len(result.items) == 5


# --- get_json on its own (httpx.MockTransport) -------------------------------------------


def mock_client(*responses: httpx.Response | Exception) -> httpx.Client:
    queue = deque(responses)

    def handler(request: httpx.Request) -> httpx.Response:
        answer = queue.popleft()
        if isinstance(answer, Exception):
            raise answer
        return answer

    return httpx.Client(transport=httpx.MockTransport(handler))


def ask(client: httpx.Client, sleeps: Sleeps | None = None) -> Any:
    return get_json(
        client, "https://feed.invalid/list", {"page": "1"}, policy=FAST, sleep=sleeps or Sleeps()
    )


def test_get_json_retries_transport_errors_then_returns_the_json():
    request = httpx.Request("GET", "https://feed.invalid/list")
    client = mock_client(
        httpx.ConnectError("refused", request=request), httpx.Response(200, json={"ok": 1})
    )
    assert ask(client) == {"ok": 1}


def test_get_json_does_not_retry_client_errors_and_says_what_to_do():
    client = mock_client(httpx.Response(403, text="forbidden"))
    with pytest.raises(UpstreamError, match=r"HTTP 403.*refused this client"):
        ask(client)


def test_get_json_refuses_to_wait_out_a_very_long_retry_after():
    sleeps = Sleeps()
    client = mock_client(httpx.Response(429, headers={"Retry-After": "3600"}))
    with pytest.raises(UpstreamError, match="asks to wait 3600s"):
        ask(client, sleeps)
    assert sleeps.calls == []


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"   ", EmptyResponseError),
        (b'{"data": [1, 2', TruncatedJsonError),
        (b"callback({})", InvalidJsonError),
        (b'{"a": "\xff\xfe\x80"}', UndecodableError),
    ],
)
def test_get_json_names_what_is_wrong_with_a_body(content, error):
    responses = [httpx.Response(200, content=content) for _ in range(FAST.attempts)]
    with pytest.raises(error):
        ask(mock_client(*responses))


def test_envelope_without_its_list_names_the_missing_key(feeds):
    feeds.feed("readhub", [])
    feeds.fail("readhub", body(b'{"code": 500, "message": "busy"}'))
    with pytest.raises(UnexpectedShapeError, match=r"no 'data' in the response.*busy"):
        fetch_all(live("readhub", feeds), since=NOW - timedelta(days=1))


def test_retry_after_reads_seconds_and_http_dates():
    now = datetime(2026, 7, 1, 8, 0, tzinfo=UTC)
    assert parse_retry_after("12") == 12.0
    assert parse_retry_after("Wed, 01 Jul 2026 08:00:30 GMT", now) == 30.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


# --- the shared corpus, served live ------------------------------------------------------

DAY = "2026-07-01"


def corpus_api_objects(source: str) -> list[dict[str, Any]]:
    path = corpus_or_skip(source, f"{DAY}.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [dict(unwrap_archive(row, source)) for row in rows]


PARSERS = {"cls": cls.parse, "eastmoney": eastmoney.parse, "ths": ths.parse}


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["cls", "eastmoney", "ths"])
def test_a_corpus_day_served_live_arrives_whole(feeds, name):
    objects = corpus_api_objects(name)
    feeds.feed(name, objects)
    day_end = NOW.timestamp() + 86400
    source = live(name, feeds, page_size=50, clock=lambda: day_end)
    result = fetch_all(source, since=NOW - timedelta(days=3))
    expected = {PARSERS[name](obj).key for obj in objects}
    got = [item.key for item in result.items]
    assert len(got) == len(set(got)) and set(got) == expected
    assert result.complete and result.pages > 5


@pytest.mark.corpus
def test_a_readhub_corpus_day_served_live_arrives_whole(feeds):
    topics = json.loads(corpus_or_skip("readhub", f"{DAY}.json").read_text(encoding="utf-8"))
    feeds.feed("readhub", topics)
    result = fetch_all(live("readhub", feeds, page_size=20), since=NOW - timedelta(days=3))
    assert {item.key for item in result.items} == {readhub.parse(t).key for t in topics}
    assert all(OUTLETS_KEY in json.loads(item.raw) for item in result.items)
