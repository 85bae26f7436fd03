"""fetch_sources against the loopback feed server: store, cursors, health, the CLI."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta

import httpx
import pytest
import typer
from typer.testing import CliRunner

from tests.feeds import (
    NOW,
    PATHS,
    REPEAT,
    Fault,
    FeedServer,
    body,
    cls_record,
    keys,
    live,
    records,
    status,
)
from theme_research.cli_fetch import register
from theme_research.fetching import SourceRun, fetch_sources
from theme_research.sources.errors import UnknownSourceError
from theme_research.store import NewsStore
from theme_research.store.migrations import MIGRATIONS, apply_migrations

SOURCES = ["cls", "eastmoney", "ths", "readhub"]
SINCE = NOW - timedelta(days=1)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        for name in SOURCES:
            running.feed(name, records(name, 12))
        yield running


def run(
    store: NewsStore, server: FeedServer, names: list[str] = SOURCES, now: datetime = NOW
) -> dict[str, SourceRun]:
    def make(name: str):
        return live(name, server, clock=lambda: now.timestamp() + 3600)

    runs = fetch_sources(store, names, SINCE, httpx.Client, now, make_source=make)
    return {r.source: r for r in runs}


def test_every_feed_lands_in_the_store_with_its_cursor_and_health(store, server):
    runs = run(store, server)
    assert all(r.ok and r.fetched == 12 and r.counts.new == 12 for r in runs.values())
    assert store.count() == 48
    assert {r.source for r in store.health()} == set(SOURCES)
    for health in store.health():
        assert health.last_success == NOW.isoformat() and health.items_fetched == 12
        assert health.last_error is None and health.latency_ms is not None
        assert health.cursor == NOW.isoformat() == store.get_cursor(health.source)


def test_a_second_fetch_changes_nothing(store, server):
    run(store, server)
    again = run(store, server, now=NOW + timedelta(minutes=10))
    assert all(r.counts.new == r.counts.updated == 0 for r in again.values())
    assert all(r.counts.unchanged == r.fetched > 0 for r in again.values())
    assert store.count() == 48 and store.get_cursor("cls") == NOW.isoformat()


def test_a_failing_feed_is_recorded_and_the_others_finish(store, server):
    server.fail("eastmoney", status(500), status(500), status(500))
    runs = run(store, server)
    assert not runs["eastmoney"].ok and "HTTP 500" in str(runs["eastmoney"].error)
    assert [r.source for r in runs.values() if r.ok] == ["cls", "ths", "readhub"]
    assert store.count() == 36 and store.get_cursor("eastmoney") is None
    health = {h.source: h for h in store.health()}
    assert health["eastmoney"].last_success is None
    assert "gave up after 3 attempts" in str(health["eastmoney"].last_error)
    assert health["eastmoney"].last_error_at == NOW.isoformat()


def test_the_cursor_advances_only_on_success_and_nothing_is_lost(store, server):
    run(store, server, ["cls"])
    later = [cls_record(100 + n, NOW + timedelta(minutes=5 * (n + 1))) for n in range(3)]
    server.feeds[PATHS["cls"]].records += later
    server.fail("cls", body(b"<html>maintenance</html>", "text/html"))
    failed = run(store, server, ["cls"], now=NOW + timedelta(hours=1))["cls"]
    assert not failed.ok and store.get_cursor("cls") == NOW.isoformat()
    health = store.health()[0]
    assert health.last_success == NOW.isoformat() and "HTML" in str(health.last_error)
    recovered = run(store, server, ["cls"], now=NOW + timedelta(hours=2))["cls"]
    assert recovered.ok and recovered.counts.new == 3
    assert keys("cls", later) <= {item.key for item in store.iter_all()}
    assert store.get_cursor("cls") == (NOW + timedelta(minutes=15)).isoformat()


def test_an_incomplete_fetch_keeps_its_items_but_not_a_new_cursor(store, server):
    server.fail("ths", Fault("none"), REPEAT, REPEAT)
    result = run(store, server, ["ths"])["ths"]
    assert result.ok and result.stopped == "repeat" and result.counts.new == 5
    assert store.get_cursor("ths") is None
    assert "same page twice" in str(store.health()[0].last_error)


def test_parse_problems_are_reported_without_failing_the_feed(store, server):
    broken = records("readhub", 3)
    del broken[1]["title"], broken[1]["summary"]
    server.feed("readhub", broken)
    result = run(store, server, ["readhub"])["readhub"]
    assert result.ok and result.fetched == 2 and len(result.problems) == 1


def test_unknown_feeds_are_refused_before_anything_is_fetched(store):
    with pytest.raises(UnknownSourceError, match=r"'nope'.*known: cls, eastmoney"):
        fetch_sources(store, ["cls", "nope"], SINCE)
    assert store.health() == []


def test_health_keeps_the_last_success_through_a_failure(store):
    store.record_health("cls", NOW, items=5, latency_ms=120)
    store.record_health("cls", NOW + timedelta(hours=1), error="HTTP 502", latency_ms=900)
    (health,) = store.health()
    assert (health.last_success, health.items_fetched) == (NOW.isoformat(), 5)
    assert (health.last_error, health.latency_ms) == ("HTTP 502", 900)
    store.set_cursor("cls", "2026-07-01T15:00:00+08:00", NOW)
    store.set_cursor("cls", "2026-07-01T15:30:00+08:00", NOW)
    assert store.get_cursor("cls") == "2026-07-01T15:30:00+08:00" == store.health()[0].cursor


def test_fetch_state_migration_applies_to_an_older_store(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for name, migration in MIGRATIONS[:2]:
        migration(conn)
        conn.execute("INSERT INTO _migrations VALUES (?, 'then')", (name,))
    conn.commit()
    assert apply_migrations(conn) == [n for n, _ in MIGRATIONS[2:]]
    conn.close()
    with NewsStore(path) as store:
        assert store.get_cursor("cls") is None and store.health() == []


# --- the commands -----------------------------------------------------------------------

app = typer.Typer()
register(app)
runner = CliRunner()


def test_fetch_command_fills_the_store_and_sources_shows_health(tmp_path, live_feeds):
    db = str(tmp_path / "news.db")
    result = runner.invoke(app, ["fetch", "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    assert "Fetch summary" in result.stdout and "readhub" in result.stdout
    with NewsStore(db) as store:
        assert store.count() == 16  # 0, 7, 14 and 21 hours old, from each feed
    shown = runner.invoke(app, ["sources", "--db", db])
    assert shown.exit_code == 0 and "Live sources" in shown.stdout
    assert shown.stdout.count("never") == 0


def test_fetch_command_exits_1_only_when_every_feed_failed(tmp_path, live_feeds):
    db = str(tmp_path / "news.db")
    live_feeds.feeds.pop(PATHS["ths"])  # its endpoint now answers 404
    partial = runner.invoke(app, ["fetch", "--db", db, "-q", "-s", "ths", "-s", "cls"])
    assert partial.exit_code == 0 and "failed" in partial.stdout
    assert "ths failed" in partial.stderr and "HTTP 404" in partial.stderr
    live_feeds.feeds.clear()
    failed = runner.invoke(app, ["fetch", "--db", db, "-q", "--since", "3d"])
    assert failed.exit_code == 1 and "Every source failed" in failed.stderr
    shown = runner.invoke(app, ["sources", "--db", db])
    assert "HTTP 404" in shown.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [(["-s", "sina"], "unknown source sina"), (["--since", "yesterday"], "invalid duration")],
)
def test_fetch_command_refuses_bad_options(tmp_path, args, message):
    result = runner.invoke(app, ["fetch", "--db", str(tmp_path / "n.db"), *args])
    assert result.exit_code == 2 and message in result.stderr


def test_fetch_without_sources_takes_the_feeds_the_config_enables(
    tmp_path, live_feeds, monkeypatch
):
    config = tmp_path / "config"
    config.mkdir()
    (config / "config.toml").write_text('[sources]\nenabled = ["cls", "ths"]\n', encoding="utf-8")
    monkeypatch.setenv("THEME_RESEARCH_CONFIG_DIR", str(config))
    db = str(tmp_path / "news.db")
    result = runner.invoke(app, ["fetch", "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    with NewsStore(db) as store:
        assert set(store.sources()) == {"cls", "ths"}
