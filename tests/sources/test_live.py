"""Live feed adapters against a loopback server that pages the way the real endpoints do.

Nothing here leaves 127.0.0.1: :class:`FeedServer` serves records (written here in the
feeds' real shapes, or taken at test time from ../shared/corpus) newest first, honouring
each endpoint's paging parameter, and injects faults on request.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.conftest import OUTLETS_KEY, corpus_or_skip
from tests.feeds import (
    FAST,
    NOW,
    REPEAT,
    TIMEOUT,
    Fault,
    FeedServer,
    Sleeps,
    body,
    cls_record,
    eastmoney_record,
    fetch_all,
    keys,
    live,
    records,
    status,
)
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
    get_json,
    parse_retry_after,
)
from theme_research.sources.readhub_live import ReadhubLive
from theme_research.sources.ths_live import ThsLive


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server


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
