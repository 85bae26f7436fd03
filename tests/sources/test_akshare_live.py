"""akshare's news functions, run for real against 127.0.0.1.

akshare's own code makes every request; :func:`route` sends them to a loopback server
that answers with payloads written here in the feeds' real shapes (invented text).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import typer
from typer.testing import CliRunner

from tests.feeds import FAST, NOW, FeedServer, Sleeps, live, records
from tests.sources.library_server import Reply, Request, RouteServer, registry_kept, route
from theme_research.fetching import fetch_sources
from theme_research.models import MARKET_TZ
from theme_research.settings import load_settings, settings_path
from theme_research.sources.akshare_live import EastmoneyStockLive, FutuLive, SinaLive
from theme_research.sources.library import DeadlineExceededError, LibraryError, MissingExtraError
from theme_research.sources.live import LIVE_SOURCES, LiveSource
from theme_research.sources.optional import register_optional
from theme_research.store import NewsStore

pytest.importorskip("akshare")

SINCE = NOW - timedelta(days=1)
SINA_PATH = "/api/zhibo/feed"
FUTU_PATH = "/news-site-api/main/get-flash-list"
SEARCH_PATH = "/search/jsonp"


@pytest.fixture(autouse=True)
def _registry() -> Iterator[None]:
    with registry_kept():
        yield


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[RouteServer]:
    with RouteServer() as running:
        route(monkeypatch, running)
        yield running


def as_json(payload: Any) -> Reply:
    return Reply(json.dumps(payload, ensure_ascii=False).encode("utf-8"))


# --- payloads in the feeds' real shapes (invented text) -----------------------------------


def sina_flash(n: int, when: datetime) -> dict[str, Any]:
    flash_id = 4300000 + n
    stamp = when.astimezone(MARKET_TZ).strftime("%Y-%m-%d %H:%M:%S")
    doc = f"https://finance.sina.com.cn/7x24/2026-07-01/doc-example{flash_id}.shtml"
    return {
        "id": flash_id,
        "zhibo_id": 152,
        "type": 0,
        "rich_text": f"【示例储能公司{n}获得订单】示例储能公司{n}公告，获得海外储能订单{n}亿元。",
        "multimedia": "",
        "commentid": f"comos:zhibo-152-{flash_id}",
        "compere_id": 0,
        "creator": "editor@example.com",
        "mender": "editor@example.com",
        "create_time": stamp,
        "update_time": stamp,
        "is_need_check": "0",
        "is_delete": 0,
        "tag": [{"id": "10", "name": "A股"}],
        "like_nums": 0,
        "old_live_cid": "0",
        "top_value": "",
        "docurl": doc,
        "ext": json.dumps({"stocks": [], "needPushWB": False, "docurl": doc}),
    }


def sina_payload(flashes: list[dict[str, Any]]) -> dict[str, Any]:
    ids = [flash["id"] for flash in flashes] or [0]
    return {
        "result": {
            "status": {"code": 0, "msg": "OK"},
            "timestamp": "Wed Jul 01 15:30:00 +0800 2026",
            "data": {
                "zhibo": {"id": 152, "title": "财经", "type": 0},
                "feed": {"list": flashes, "max_id": max(ids), "min_id": min(ids), "html": ""},
            },
        }
    }


def futu_flash(n: int, when: datetime) -> dict[str, Any]:
    flash_id = str(165000000 + n)
    return {
        "id": flash_id,
        "title": f"示例芯片公司{n}盘前涨{n}%" if n % 2 else "",
        "content": f"示例芯片公司{n}发布财报，数据中心收入同比增长{n}0%。",
        "time": str(int(when.timestamp())),
        "detailUrl": f"https://news.futunn.com/flash/{flash_id}?src=3",
        "level": 0,
        "quote": [{"code": "NVDA", "market": 11, "name": "示例芯片"}],
        "isImportant": False,
    }


def futu_payload(flashes: list[dict[str, Any]]) -> dict[str, Any]:
    return {"code": 0, "message": "", "data": {"data": {"news": flashes, "hasMore": True}}}


def em_article(code: str, n: int, when: datetime, symbol: str) -> dict[str, Any]:
    stamp = when.astimezone(MARKET_TZ).strftime("%Y-%m-%d %H:%M:%S")
    return {
        "date": stamp,
        "mediaName": "示例证券报",
        "code": code,
        "title": f"示例公司(<em>{symbol}</em>)第{n}季度订单增长",
        "content": f"示例公司(<em>{symbol}</em>)披露，第{n}季度新签订单同比增长{n}成。\u3000",
        "image": "",
        "url": f"http://finance.eastmoney.com/a/{code}.html",
    }


def em_search(articles_by_symbol: dict[str, list[dict[str, Any]]]):
    """The JSONP search endpoint: articles for the searched keyword, wrapped in ``cb(…)``."""

    def answer(request: Request) -> Reply:
        keyword = json.loads(request.query["param"])["keyword"]
        articles = articles_by_symbol.get(keyword, [])
        body = {
            "code": 0,
            "msg": "成功",
            "hitsTotal": len(articles),
            "result": {"cmsArticleWebOld": articles},
            "searchId": "example-search",
        }
        text = request.query["cb"] + "(" + json.dumps(body, ensure_ascii=False) + ")"
        return Reply(text.encode("utf-8"), "application/javascript; charset=utf-8")

    return answer


def fetch(source: LiveSource, since: datetime = SINCE):
    with httpx.Client() as client:
        return source.fetch(client, since, None)


# --- mapping ------------------------------------------------------------------------------


def test_sina_rows_become_items_and_each_row_is_kept_as_raw(server):
    flashes = [sina_flash(n, NOW - timedelta(minutes=3 * n)) for n in range(4)]
    server.routes[SINA_PATH] = lambda _: as_json(sina_payload(flashes))
    result = fetch(SinaLive(deadline=10, policy=FAST))
    assert server.asked == ["https://zhibo.sina.com.cn/api/zhibo/feed"]
    assert server.hits(SINA_PATH)[0].query["zhibo_id"] == "152"
    assert len(result.items) == 4 and result.complete and not result.problems
    first = max(result.items, key=lambda item: item.published_at)
    assert first.source == "akshare:sina" and first.outlet == "新浪财经"
    assert first.published_at == NOW and first.published_at.tzinfo is not None
    assert first.title == "示例储能公司0获得订单"
    assert "获得海外储能订单0亿元" in first.content
    assert json.loads(first.raw) == {"时间": "2026-07-01 15:30:00", "内容": flashes[0]["rich_text"]}
    assert result.cursor == NOW.isoformat()


@pytest.fixture
def machine_clock_new_york() -> Iterator[None]:
    """The process's local zone is New York (akshare writes Futu's times in it)."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = saved
        time.tzset()


def test_futu_times_are_right_whatever_zone_the_machine_runs_in(server, machine_clock_new_york):
    flashes = [futu_flash(n, NOW - timedelta(minutes=10 * n)) for n in range(1, 4)]
    server.routes[FUTU_PATH] = lambda _: as_json(futu_payload(flashes))
    result = fetch(FutuLive(deadline=10, policy=FAST))
    assert server.asked == ["https://news.futunn.com/news-site-api/main/get-flash-list"]
    by_id = {item.source_id: item for item in result.items}
    assert sorted(by_id) == ["165000001", "165000002", "165000003"]
    first = by_id["165000001"]
    # akshare wrote 03:20 (New York); the item is still 15:20 in Beijing
    assert json.loads(first.raw)["发布时间"] == "2026-07-01 03:20:00"
    assert first.published_at == NOW - timedelta(minutes=10)
    assert first.url == "https://news.futunn.com/flash/165000001?src=3"
    assert first.title == "示例芯片公司1盘前涨1%" and first.outlet == "富途牛牛"
    untitled = by_id["165000002"]
    assert untitled.title.startswith("示例芯片公司2发布财报")  # first sentence of the text


def test_eastmoney_stock_asks_once_per_code_and_merges_shared_articles(server):
    shared = "202607010000000001"
    articles = {
        "603777": [
            em_article(shared, 1, NOW - timedelta(hours=1), "603777"),
            em_article("202607010000000002", 2, NOW - timedelta(hours=2), "603777"),
        ],
        "300750": [em_article(shared, 1, NOW - timedelta(hours=1), "300750")],
    }
    server.routes[SEARCH_PATH] = em_search(articles)
    sleeps = Sleeps()
    source = EastmoneyStockLive(
        symbols=["603777", "300750"], deadline=10, policy=FAST, sleep=sleeps
    )
    result = fetch(source)
    searched = [json.loads(hit.query["param"])["keyword"] for hit in server.hits(SEARCH_PATH)]
    assert searched == ["603777", "300750"] and result.pages == 2
    assert all(url == "https://search-api-web.eastmoney.com/search/jsonp" for url in server.asked)
    by_id = {item.source_id: item for item in result.items}
    assert sorted(by_id) == [shared, "202607010000000002"]
    merged = by_id[shared]
    assert merged.extras["searched"] == ["603777", "300750"]
    assert merged.extras["stocks"] == ["603777"]
    assert merged.title == "示例公司603777第1季度订单增长"  # akshare drops "(<em>" and "</em>)"
    assert merged.outlet == "示例证券报" and merged.url.endswith(f"/a/{shared}.html")
    assert merged.published_at == NOW - timedelta(hours=1)
    assert json.loads(merged.raw)["关键词"] == "603777"


def test_eastmoney_stock_takes_its_codes_from_the_config_file(server):
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("[sources]\na_share_symbols = ['688256']\n", encoding="utf-8")
    server.routes[SEARCH_PATH] = em_search(
        {"688256": [em_article("202607010000000009", 1, NOW, "688256")]}
    )
    result = fetch(EastmoneyStockLive(deadline=10, policy=FAST))
    assert [item.source_id for item in result.items] == ["202607010000000009"]
    assert len(server.hits(SEARCH_PATH)) == 1


# --- failures -------------------------------------------------------------------------------


def test_a_call_past_the_deadline_is_a_clear_error(server):
    server.routes[SINA_PATH] = lambda _: Reply(b"{}", delay=10)
    started = time.monotonic()
    with pytest.raises(DeadlineExceededError) as caught:
        fetch(SinaLive(deadline=0.3, policy=FAST))
    assert time.monotonic() - started < 3
    assert "akshare.stock_info_global_sina() gave no answer within 0.3 s" in str(caught.value)
    assert "library_timeout" in str(caught.value)


@pytest.mark.parametrize(
    ("reply", "words"),
    [
        (Reply(b"<html><body>Service busy</body></html>", "text/html"), "JSONDecodeError"),
        (as_json({"result": {"status": {"code": 1, "msg": "bad zhibo id"}}}), "KeyError: 'data'"),
    ],
)
def test_a_bad_payload_is_an_error_naming_what_akshare_could_not_read(server, reply, words):
    server.routes[SINA_PATH] = lambda _: reply
    with pytest.raises(LibraryError) as caught:
        fetch(SinaLive(deadline=10, policy=FAST))
    assert "akshare.stock_info_global_sina() could not read the feed's answer" in str(caught.value)
    assert words in str(caught.value)


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    with FeedServer() as running:
        running.feed("cls", records("cls", 6))
        yield running


def test_a_slow_and_a_broken_feed_fail_alone_and_health_records_them(server, feeds, store):
    server.routes[SINA_PATH] = lambda _: Reply(b"{}", delay=10)
    server.routes[FUTU_PATH] = lambda _: Reply(b"<html>blocked</html>", "text/html")

    def make(name: str) -> LiveSource:
        if name == "akshare:sina":  # hangs: a short deadline
            return SinaLive(deadline=0.3, policy=FAST)
        if name == "akshare:futu":  # answers at once, if with a block page
            return FutuLive(deadline=10, policy=FAST)
        return live(name, feeds)

    started = time.monotonic()
    names = ["akshare:sina", "cls", "akshare:futu"]
    runs = {
        r.source: r for r in fetch_sources(store, names, SINCE, httpx.Client, NOW, make_source=make)
    }
    assert time.monotonic() - started < 5
    assert "gave no answer within 0.3 s" in str(runs["akshare:sina"].error)
    assert "could not read the feed's answer" in str(runs["akshare:futu"].error)
    assert runs["cls"].ok and runs["cls"].fetched == 6 and store.count() == 6
    health = {row.source: row for row in store.health()}
    assert "gave no answer within 0.3 s" in str(health["akshare:sina"].last_error)
    assert health["akshare:sina"].last_success is None
    assert health["cls"].last_success == NOW.isoformat()
    assert store.get_cursor("akshare:sina") is None


def test_a_good_fetch_is_stored_with_its_cursor_and_health(server, store):
    flashes = [sina_flash(n, NOW - timedelta(minutes=n)) for n in range(3)]
    server.routes[SINA_PATH] = lambda _: as_json(sina_payload(flashes))

    def make(name: str) -> LiveSource:
        return LIVE_SOURCES[name](deadline=10, policy=FAST)

    (run,) = fetch_sources(store, ["akshare:sina"], SINCE, httpx.Client, NOW, make_source=make)
    assert run.ok and run.counts.new == 3
    assert store.get_cursor("akshare:sina") == NOW.isoformat()
    (health,) = store.health()
    assert health.items_fetched == 3 and health.last_error is None


def test_without_akshare_the_feeds_fail_with_the_install_hint(monkeypatch, store):
    monkeypatch.setitem(sys.modules, "akshare", None)  # import akshare now raises ImportError
    with pytest.raises(MissingExtraError, match=r"pip install 'theme-research\[akshare\]'"):
        fetch(SinaLive(deadline=1))
    names = ["akshare:sina", "akshare:eastmoney-stock"]

    def make(name: str) -> LiveSource:
        if name == "akshare:eastmoney-stock":
            return EastmoneyStockLive(symbols=["603777"], deadline=1)
        return SinaLive(deadline=1)

    runs = fetch_sources(store, names, SINCE, httpx.Client, NOW, make_source=make)
    assert all("pip install 'theme-research[akshare]'" in str(run.error) for run in runs)
    assert {row.source for row in store.health()} == set(names)


# --- registry and configuration -------------------------------------------------------------


def test_the_feeds_are_registered_only_once_the_config_enables_them(tmp_path):
    assert "akshare:sina" not in LIVE_SOURCES
    path = tmp_path / "config.toml"
    path.write_text("[sources]\nenabled = ['cls', 'akshare:sina']\n", encoding="utf-8")
    names = load_settings(path).sources.feed_names()
    assert "akshare:sina" not in LIVE_SOURCES  # reading the config registers nothing
    register_optional(names)
    assert names == ["cls", "akshare:sina"] and LIVE_SOURCES["akshare:sina"] is SinaLive
    assert "akshare:futu" not in LIVE_SOURCES


def test_the_fetch_command_reads_an_enabled_akshare_feed(server, tmp_path):
    from theme_research.cli_fetch import register

    flashes = [sina_flash(n, datetime.now(UTC) - timedelta(minutes=n)) for n in range(2)]
    server.routes[SINA_PATH] = lambda _: as_json(sina_payload(flashes))
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(
        "[sources]\nenabled = ['akshare:sina']\n[fetch]\nlibrary_timeout = 10\n", encoding="utf-8"
    )
    app = typer.Typer()
    register(app)
    db = str(tmp_path / "news.db")
    result = CliRunner().invoke(app, ["fetch", "-q", "--db", db])
    assert result.exit_code == 0, result.output
    shown = CliRunner().invoke(app, ["sources", "--db", db])
    assert "akshare:" in shown.stdout  # a narrow table may wrap the name
    with NewsStore(db) as store:
        assert store.count() == 2 and set(store.sources()) == {"akshare:sina"}


def test_the_fetch_command_takes_an_optional_feed_by_name_without_config(server, tmp_path):
    from theme_research.cli_fetch import register

    flashes = [sina_flash(n, datetime.now(UTC) - timedelta(minutes=n)) for n in range(3)]
    server.routes[SINA_PATH] = lambda _: as_json(sina_payload(flashes))
    app = typer.Typer()
    register(app)
    db = str(tmp_path / "news.db")
    result = CliRunner().invoke(app, ["fetch", "-q", "--db", db, "--source", "akshare:sina"])
    assert result.exit_code == 0, result.output
    with NewsStore(db) as store:
        assert store.count() == 3 and set(store.sources()) == {"akshare:sina"}
    unknown = CliRunner().invoke(app, ["fetch", "-q", "--db", db, "--source", "sina"])
    assert unknown.exit_code == 2 and "akshare:sina" in unknown.output
