"""RSS 2.0 and Atom feeds served on 127.0.0.1: times, ids, errors, the registry."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler

import httpx
import pytest

from tests.loopback import Loopback
from theme_research.models import MARKET_TZ
from theme_research.sources.errors import PayloadError
from theme_research.sources.live import LIVE_SOURCES, HttpPolicy
from theme_research.sources.rss_live import RssLive, feed_source, register_feeds

NOW = datetime(2026, 7, 1, 15, 30, tzinfo=MARKET_TZ)
FAST = HttpPolicy(connect_timeout=2.0, read_timeout=1.0, attempts=2, backoff=0.01, page_delay=0)

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>示例财经</title><link>https://example.com/</link><description>示例</description>
  <item>
    <title>示例芯片公司发布新款AI芯片</title>
    <link>https://example.com/news/1</link>
    <guid isPermaLink="false">example-1</guid>
    <description>&lt;p&gt;示例芯片公司今日发布新款&lt;b&gt;AI芯片&lt;/b&gt;，算力提升3倍。&lt;/p&gt;</description>
    <pubDate>Wed, 01 Jul 2026 09:00:00 +0800</pubDate>
  </item>
  <item>
    <title>示例机器人公司获得订单</title>
    <link>https://example.com/news/2</link>
    <description>示例机器人公司获得2亿元订单。</description>
    <pubDate>Wed, 01 Jul 2026 02:15:00 GMT</pubDate>
  </item>
  <item>
    <title>没有时间的条目</title>
    <description>这条新闻没有发布时间。</description>
  </item>
  <item>
    <title>很早以前的条目</title>
    <link>https://example.com/news/old</link>
    <pubDate>Mon, 01 Jun 2026 09:00:00 +0800</pubDate>
  </item>
</channel></rss>
""".encode()

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Tech</title>
  <id>urn:example:feed</id>
  <updated>2026-07-01T07:00:00Z</updated>
  <entry>
    <title>Example Corp ships a new AI accelerator</title>
    <id>urn:example:entry:1</id>
    <link href="https://example.org/a/1"/>
    <published>2026-07-01T10:00:00+08:00</published>
    <updated>2026-07-01T11:00:00+08:00</updated>
    <summary>Example Corp said its accelerator is 3x faster.</summary>
  </entry>
  <entry>
    <title>Only an update time</title>
    <id>urn:example:entry:2</id>
    <link href="https://example.org/a/2"/>
    <updated>2026-06-30T23:45:00Z</updated>
    <content type="html">&lt;p&gt;Body in &lt;em&gt;content&lt;/em&gt;.&lt;/p&gt;</content>
  </entry>
</feed>
"""


class StaticServer(Loopback):
    """Serves fixed bodies by path on 127.0.0.1 (404 for anything else)."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[bytes, str]] = {}
        self.hits: list[str] = []
        super().__init__(self._answer)

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        self.hits.append(handler.path)
        data, kind = self.pages.get(handler.path, (b"<html>Not Found</html>", ""))
        handler.send_response(200 if kind else 404)
        handler.send_header("Content-Type", kind or "text/html")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)


@pytest.fixture
def server() -> Iterator[StaticServer]:
    with StaticServer() as running:
        running.pages["/rss.xml"] = (RSS, "application/rss+xml; charset=utf-8")
        running.pages["/atom.xml"] = (ATOM, "application/atom+xml")
        running.pages["/page.html"] = (b"<html><body>Blocked</body></html>", "text/html")
        yield running


def source(server: StaticServer, path: str, name: str = "example", language: str = "zh") -> RssLive:
    cls = feed_source(name, server.url + path, language)
    return cls(policy=FAST, sleep=lambda _: None, clock=NOW.timestamp)


def fetch(server: StaticServer, path: str, **kwargs: str):
    with httpx.Client() as client:
        return source(server, path, **kwargs).fetch(client, NOW - timedelta(days=1), None)


def test_rss_items_have_utc_aware_times_ids_and_clean_text(server):
    result = fetch(server, "/rss.xml")
    by_title = {item.title: item for item in result.items}
    first = by_title["示例芯片公司发布新款AI芯片"]
    assert first.source == "rss:example" and first.source_id == "example-1"
    assert first.published_at == datetime(2026, 7, 1, 1, 0, tzinfo=UTC)
    assert first.published_at.utcoffset() is not None
    assert first.content == "示例芯片公司今日发布新款AI芯片，算力提升3倍。"  # markup stripped
    assert first.outlet == "示例财经" and first.url == "https://example.com/news/1"
    second = by_title["示例机器人公司获得订单"]
    assert second.published_at == datetime(2026, 7, 1, 10, 15, tzinfo=MARKET_TZ)
    assert second.source_id == "https://example.com/news/2"  # no guid: the link


def test_an_entry_without_a_time_gets_the_fetch_time_and_a_content_hash(server):
    result = fetch(server, "/rss.xml")
    undated = next(item for item in result.items if item.title == "没有时间的条目")
    assert undated.published_at == NOW
    assert undated.source_id.startswith("h")  # neither guid nor link: a hash of the text


def test_entries_before_since_are_left_out_and_the_fetch_is_complete(server):
    result = fetch(server, "/rss.xml")
    assert "很早以前的条目" not in {item.title for item in result.items}
    assert len(result.items) == 3 and result.complete and result.pages == 1
    assert result.cursor == NOW.isoformat()


def test_atom_published_wins_over_updated_and_updated_is_the_fallback(server):
    result = fetch(server, "/atom.xml", language="en")
    by_id = {item.source_id: item for item in result.items}
    first = by_id["urn:example:entry:1"]
    assert first.published_at == datetime(2026, 7, 1, 2, 0, tzinfo=UTC)
    assert first.language == "en" and first.outlet == "Example Tech"
    second = by_id["urn:example:entry:2"]
    assert second.published_at == datetime(2026, 7, 1, 7, 45, tzinfo=MARKET_TZ)
    assert second.content == "Body in content." and second.url == "https://example.org/a/2"


def test_a_page_that_is_not_a_feed_is_a_payload_error(server):
    with pytest.raises(PayloadError, match="not an RSS or Atom feed"):
        fetch(server, "/page.html")


def test_register_feeds_adds_named_sources_and_env_overrides_the_address(server, monkeypatch):
    saved = dict(LIVE_SOURCES)
    try:
        names = register_feeds([("my-feed", "https://unused.invalid/rss", "zh")])
        assert names == ["rss:my-feed"] and LIVE_SOURCES["rss:my-feed"].name == "rss:my-feed"
        cls = LIVE_SOURCES["rss:my-feed"]
        assert cls.env_var() == "THEME_RESEARCH_RSS_MY_FEED_URL"
        monkeypatch.setenv(cls.env_var(), server.url + "/rss.xml")
        assert cls().base_url == server.url + "/rss.xml"
    finally:
        LIVE_SOURCES.clear()
        LIVE_SOURCES.update(saved)


def test_fetch_command_picks_up_the_configured_feeds(server, tmp_path):
    import typer
    from typer.testing import CliRunner

    from theme_research.cli_fetch import register
    from theme_research.settings import settings_path
    from theme_research.store import NewsStore

    app = typer.Typer()
    register(app)
    settings_path().parent.mkdir(parents=True)
    feed = f"[[sources.rss]]\nname = 'example'\nurl = '{server.url}/rss.xml'\n"
    settings_path().write_text(feed, encoding="utf-8")
    db = str(tmp_path / "news.db")
    saved = dict(LIVE_SOURCES)
    try:
        result = CliRunner().invoke(
            app, ["fetch", "-q", "--db", db, "-s", "rss:example", "--since", "3650d"]
        )
        shown = CliRunner().invoke(app, ["sources", "--db", db])
    finally:
        LIVE_SOURCES.clear()
        LIVE_SOURCES.update(saved)
    assert result.exit_code == 0, result.output
    assert "rss:" in result.stdout and "rss:" in shown.stdout  # narrow tables may wrap names
    with NewsStore(db) as store:
        assert store.count() == 4  # every entry: --since reaches back past the oldest
