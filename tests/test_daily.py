"""The daily run end to end against loopback feeds: fetch, then every theme's report."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import httpx
import pytest
import typer
from typer.testing import CliRunner

from tests.feeds import NOW, PATHS, FeedServer, live, records, status
from tests.sources.test_rss_live import RSS, StaticServer
from theme_research.cli_daily import register
from theme_research.daily import run_daily, source_factory
from theme_research.settings import Settings, settings_path
from theme_research.sources.live import LiveSource
from theme_research.store import NewsStore

BUILTINS = ["cls", "eastmoney", "ths", "readhub"]
DAY, AT = date(2026, 7, 1), time(15, 30)


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    with FeedServer() as running:
        for name in BUILTINS:
            running.feed(name, records(name, 12))
        yield running


@pytest.fixture
def rss() -> Iterator[StaticServer]:
    with StaticServer() as running:
        running.pages["/rss.xml"] = (RSS, "application/rss+xml")
        yield running


def settings_for(rss: StaticServer, themes: list[str]) -> Settings:
    return Settings.model_validate(
        {
            "sources": {"rss": [{"name": "example", "url": rss.url + "/rss.xml"}]},
            "report": {
                "themes": themes,
                "expected_feeds": ["cls", "eastmoney", "ths", "rss:example"],
            },
        }
    )


def run(store: NewsStore, feeds: FeedServer, settings: Settings, out: Path, **options):
    builtin = source_factory(settings)

    def make(name: str) -> LiveSource:
        if name in PATHS:
            return live(name, feeds, clock=lambda: NOW.timestamp() + 3600)
        return builtin(name)

    return run_daily(
        store, settings, DAY, AT, httpx.Client, NOW, out=out, make_source=make, **options
    )


def twin(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_configured_theme_gets_a_report_and_a_failed_feed_is_named(
    store, feeds, rss, tmp_path
):
    feeds.fail("eastmoney", status(500), status(500), status(500))
    settings = settings_for(rss, ["人工智能", "robotics"])
    result = run(store, feeds, settings, tmp_path / "_posts")
    assert [r.source for r in result.fetches] == [*BUILTINS, "rss:example"]
    assert result.failed_feeds == ["eastmoney"]
    assert store.count() == 3 * 12 + 3  # three JSON feeds and the RSS feed's dated entries
    assert sorted(w.report.slug for w in result.reports) == ["ai", "robotics"]
    for written in result.reports:
        assert written.post.exists() and written.twin.exists()
        assert written.post.name.startswith("2026-07-01-theme-research-")
        method = twin(written.twin)["method"]
        assert method["feeds_missing"] == ["eastmoney"]
        assert "rss:example" in method["feeds_used"]
        assert "东方财富" in written.post.read_text(encoding="utf-8")  # 本期缺失：东方财富
    assert result.ok == all(w.verified for w in result.reports)


def test_no_fetch_writes_from_the_store_and_names_every_feed_missing(store, feeds, rss, tmp_path):
    settings = settings_for(rss, ["ai"])
    result = run(store, feeds, settings, tmp_path, fetch=False)
    assert result.fetches == [] and feeds.requests == [] and rss.hits == []
    (written,) = result.reports
    assert twin(written.twin)["method"]["feeds_missing"] == [
        "cls",
        "eastmoney",
        "ths",
        "rss:example",
    ]


def test_an_unknown_theme_is_an_error_before_anything_is_fetched(store, feeds, rss, tmp_path):
    from theme_research.errors import ThemeNotFoundError

    with pytest.raises(ThemeNotFoundError):
        run(store, feeds, settings_for(rss, ["不存在的主题"]), tmp_path)
    assert feeds.requests == []


# --- the command ------------------------------------------------------------------------

app = typer.Typer()
register(app)
runner = CliRunner()


def test_daily_command_fetches_and_writes_every_pack(tmp_path, live_feeds):
    live_feeds.feeds.pop(PATHS["ths"])  # its endpoint now answers 404
    out, db = tmp_path / "_posts", str(tmp_path / "news.db")
    result = runner.invoke(app, ["daily", "--db", db, "--out", str(out)])
    posts = sorted(p.name for p in out.glob("*.md"))
    assert len(posts) == 6, result.output  # every built-in pack: [report] themes is empty
    assert "Fetch summary" in result.stdout and "ths failed" in result.stderr
    assert "missing: ths" in result.stdout
    verified = all(twin(p)["verification"]["passed"] for p in out.glob("*.json"))
    assert result.exit_code == (0 if verified else 1), result.output
    assert ("Daily run complete." in result.stdout) == verified


def test_daily_command_reads_themes_from_the_config_file(tmp_path):
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text("[report]\nthemes = ['机器人']\nat = '15:00'\n", encoding="utf-8")
    out = tmp_path / "_posts"
    args = ["daily", "--no-fetch", "--date", "2026-07-01", "--db", str(tmp_path / "n.db")]
    result = runner.invoke(app, [*args, "--out", str(out)])
    assert [p.name for p in out.glob("*.md")] == ["2026-07-01-theme-research-robotics.md"]
    window = twin(out / "2026-07-01-theme-research-robotics.json")["window"]
    assert window["end"].startswith("2026-07-01T15:00")
    assert "1/1 report(s) written" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--at", "25:00"], "invalid time"), (["--date", "July 1st"], "Invalid isoformat")],
)
def test_daily_command_refuses_bad_options(tmp_path, args, message):
    result = runner.invoke(app, ["daily", "--no-fetch", "--db", str(tmp_path / "n.db"), *args])
    assert result.exit_code == 2 and message in result.output
