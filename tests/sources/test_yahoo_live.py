"""Yahoo Finance news through the real yfinance, against 127.0.0.1.

yfinance's own code makes every request (the cookie, the crumb, the POST to ``/xhr/ncp``)
with its curl_cffi session; :func:`route` sends them to a loopback server that answers
with stories written here in the endpoint's real shape (invented text).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.feeds import FAST, NOW, FeedServer, live, records
from tests.sources.library_server import Reply, Request, RouteServer, registry_kept, route
from theme_research.fetching import fetch_sources
from theme_research.settings import settings_path
from theme_research.sources.library import (
    DeadlineExceededError,
    LibraryError,
    MissingExtraError,
    pack_symbols,
)
from theme_research.sources.live import LIVE_SOURCES, LiveSource
from theme_research.sources.yahoo_live import YahooLive, yahoo_symbol
from theme_research.themes import load_packs

yfinance_cache = pytest.importorskip("yfinance.cache")

SINCE = NOW - timedelta(days=1)
NEWS_PATH = "/xhr/ncp"
CRUMB_PATH = "/v1/test/getcrumb"


@pytest.fixture(autouse=True)
def _registry() -> Iterator[None]:
    with registry_kept():
        yield


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path) -> Iterator[RouteServer]:
    # yfinance keeps a cookie cache on disk: keep it in the test's own directory
    yfinance_cache.set_cache_location(str(tmp_path / "yfinance"))
    with RouteServer() as running:
        running.routes[CRUMB_PATH] = lambda _: Reply(b"exampleCrumb", "text/plain")
        route(monkeypatch, running)
        yield running


# --- stories in the endpoint's real shape (invented text) ----------------------------------


def story(n: int, when: datetime, tickers: list[str]) -> dict[str, Any]:
    uid = f"00000000-0000-4000-8000-{n:012d}"
    page = f"https://finance.yahoo.com/news/example-chip-story-{n}.html"
    stamp = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "id": uid,
        "content": {
            "id": uid,
            "contentType": "STORY",
            "title": f"Example chipmaker {n} raises its data-center outlook",
            "description": "",
            "summary": f"Example chipmaker {n} said data-center sales rose {n}0% in the quarter.",
            "pubDate": stamp,
            "displayTime": stamp,
            "isHosted": True,
            "bypassModal": False,
            "previewUrl": None,
            "thumbnail": None,
            "provider": {
                "displayName": "Example Wire",
                "url": "https://wire.example.com/",
                "sourceId": "wire.example.com",
            },
            "canonicalUrl": {"url": page, "site": "finance", "region": "US", "lang": "en-US"},
            "clickThroughUrl": {"url": page, "site": "finance", "region": "US", "lang": "en-US"},
            "metadata": {"editorsPick": False},
            "finance": {
                "premiumFinance": {"isPremiumNews": False, "isPremiumFreeNews": False},
                "stockTickers": [{"symbol": ticker} for ticker in tickers],
            },
            "storyline": None,
        },
    }


AD = {"id": "ad-0001", "content": {"title": "Sponsored"}, "ad": [{"adId": "example"}]}


def news_route(stories_by_ticker: dict[str, list[dict[str, Any]]], delay: float = 0.0):
    """``/xhr/ncp``: the stream of the ticker named in the POSTed service config."""

    def answer(request: Request) -> Reply:
        (ticker,) = json.loads(request.body)["serviceConfig"]["s"]
        stream = [*stories_by_ticker.get(ticker, []), AD]
        body = {
            "status": "OK",
            "data": {"tickerStream": {"stream": stream, "nextPage": False}},
        }
        return Reply(json.dumps(body).encode(), delay=delay)

    return answer


def asked_tickers(server: RouteServer) -> list[str]:
    return [json.loads(hit.body)["serviceConfig"]["s"][0] for hit in server.hits(NEWS_PATH)]


def fetch(source: LiveSource):
    with httpx.Client() as client:
        return source.fetch(client, SINCE, None)


# --- mapping ----------------------------------------------------------------------------------


def test_stories_become_english_items_with_utc_aware_times(server):
    shared = story(1, NOW - timedelta(hours=2), ["NVDA", "AMD"])
    server.routes[NEWS_PATH] = news_route(
        {"NVDA": [shared, story(2, NOW - timedelta(hours=1), ["NVDA"])], "AMD": [shared]}
    )
    result = fetch(YahooLive(symbols=["NVDA", "AMD"], deadline=10, policy=FAST))
    assert asked_tickers(server) == ["NVDA", "AMD"]
    (first_ask, *_) = server.hits(NEWS_PATH)
    assert first_ask.method == "POST" and first_ask.query["queryRef"] == "latestNews"
    assert first_ask.query["crumb"] == "exampleCrumb"  # yfinance's crumb dance ran too
    assert json.loads(first_ask.body)["serviceConfig"]["snippetCount"] == 10
    assert "https://finance.yahoo.com/xhr/ncp?queryRef=latestNews&serviceKey=ncp_fin" in (
        server.asked
    )
    by_id = {item.source_id: item for item in result.items}
    assert len(by_id) == 2 and "ad-0001" not in by_id  # yfinance drops the adverts
    item = by_id[shared["id"]]
    assert item.source == "yahoo" and item.language == "en"
    assert item.title == "Example chipmaker 1 raises its data-center outlook"
    assert item.content == "Example chipmaker 1 said data-center sales rose 10% in the quarter."
    assert item.outlet == "Example Wire"
    assert item.url == "https://finance.yahoo.com/news/example-chip-story-1.html"
    assert item.published_at == NOW - timedelta(hours=2) and item.published_at.tzinfo
    assert item.published_at.astimezone(UTC).hour == 5  # 13:30 Beijing is 05:30 UTC
    assert item.extras["tickers"] == ["NVDA", "AMD"]
    assert item.extras["searched"] == ["NVDA", "AMD"]
    assert json.loads(item.raw) == shared
    assert result.cursor == (NOW - timedelta(hours=1)).isoformat()


def test_share_classes_are_asked_for_as_yahoo_spells_them(server):
    server.routes[NEWS_PATH] = news_route({})
    fetch(YahooLive(symbols=["BRK.B"], deadline=10, policy=FAST))
    assert asked_tickers(server) == ["BRK-B"] and yahoo_symbol(" brk.b ") == "BRK-B"


def test_without_a_list_the_packs_us_securities_are_asked(server):
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("[report]\nthemes = ['semiconductor']\n", encoding="utf-8")
    server.routes[NEWS_PATH] = news_route({})
    fetch(YahooLive(deadline=10, policy=FAST))
    securities = load_packs()["semiconductor"].all_securities()
    expected = [yahoo_symbol(code) for code in pack_symbols([securities], {"US"})]
    assert asked_tickers(server) == expected and "NVDA" in expected


# --- failures -------------------------------------------------------------------------------


def test_a_story_call_past_the_deadline_is_a_clear_error_and_ends_the_fetch(server):
    server.routes[NEWS_PATH] = news_route({}, delay=10)
    started = time.monotonic()
    with pytest.raises(DeadlineExceededError) as caught:
        fetch(YahooLive(symbols=["NVDA", "AMD"], deadline=0.5, policy=FAST))
    assert time.monotonic() - started < 4
    assert "yfinance.Ticker('NVDA').get_news() gave no answer within 0.5 s" in str(caught.value)
    assert asked_tickers(server) == ["NVDA"]  # AMD is not asked once the feed hangs


def test_a_page_that_is_not_json_is_an_error_not_a_quiet_day(server):
    server.routes[NEWS_PATH] = lambda _: Reply(b"<html>Will be back soon</html>", "text/html")
    with pytest.raises(LibraryError, match="could not read the feed's answer"):
        fetch(YahooLive(symbols=["NVDA"], deadline=10, policy=FAST))


def test_a_malformed_story_is_skipped_and_reported(server):
    good = story(1, NOW - timedelta(hours=1), ["NVDA"])
    broken = story(2, NOW, ["NVDA"])
    del broken["content"]["pubDate"], broken["content"]["displayTime"]
    server.routes[NEWS_PATH] = news_route({"NVDA": [good, broken]})
    result = fetch(YahooLive(symbols=["NVDA"], deadline=10, policy=FAST))
    assert [item.source_id for item in result.items] == [good["id"]]
    (problem,) = result.problems
    assert "story has no pubDate" in str(problem) and str(problem.path) == "yahoo NVDA"


def test_a_hanging_yahoo_fails_alone_and_health_records_it(server, store):
    server.routes[NEWS_PATH] = news_route({}, delay=10)
    with FeedServer() as feeds:
        feeds.feed("ths", records("ths", 4))

        def make(name: str) -> LiveSource:
            if name == "yahoo":
                return YahooLive(symbols=["NVDA"], deadline=0.5, policy=FAST)
            return live(name, feeds)

        runs = fetch_sources(store, ["yahoo", "ths"], SINCE, httpx.Client, NOW, make_source=make)
    assert not runs[0].ok and "gave no answer within 0.5 s" in str(runs[0].error)
    assert runs[1].ok and runs[1].fetched == 4
    health = {row.source: row for row in store.health()}
    assert "gave no answer" in str(health["yahoo"].last_error)
    assert health["ths"].last_error is None


def test_without_yfinance_the_feed_fails_with_the_install_hint(monkeypatch, store):
    monkeypatch.setitem(sys.modules, "yfinance", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'theme-research\[yahoo\]'"):
        fetch(YahooLive(symbols=["NVDA"], deadline=1))
    assert "yahoo" not in LIVE_SOURCES
    (run,) = fetch_sources(store, ["yahoo"], SINCE, httpx.Client, NOW)
    assert "pip install 'theme-research[yahoo]'" in str(run.error)
    assert LIVE_SOURCES["yahoo"] is YahooLive  # fetch_sources registered the named feed
