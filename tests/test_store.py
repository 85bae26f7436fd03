import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta

from theme_research.models import MARKET_TZ, NewsItem
from theme_research.store import NewsStore
from theme_research.store.migrations import MIGRATIONS, apply_migrations

T0 = datetime(2026, 3, 18, 9, 30, tzinfo=MARKET_TZ)


def make_item(n: int, **changes) -> NewsItem:
    item = NewsItem(
        source="demo",
        source_id=str(n),
        published_at=T0 + timedelta(minutes=n),
        title=f"半导体设备订单第{n}号",
        content=f"样例公司获得半导体设备订单，金额{n}亿元。",
    )
    return replace(item, **changes)


def test_upsert_is_idempotent_and_updates_changed_items(store):
    first = store.upsert([make_item(1), make_item(2)])
    again = store.upsert([make_item(1), make_item(2)])
    changed = store.upsert([make_item(1, content="更正后的内容")])
    assert (first.new, again.new, again.unchanged) == (2, 0, 2)
    assert (changed.updated, store.count()) == (1, 2)
    assert store.search("更正后")[0].key == "demo:1"


def test_an_older_version_of_an_item_does_not_overwrite_a_newer_one(store):
    store.upsert([make_item(1, published_at=T0 + timedelta(hours=2), content="新版本")])
    counts = store.upsert([make_item(1, content="旧版本")])
    assert counts.unchanged == 1
    assert store.items_between(T0, T0 + timedelta(days=1))[0].content == "新版本"


def test_items_between_excludes_start_includes_end_and_filters_sources(store):
    store.upsert([make_item(n) for n in range(5)])
    store.upsert([make_item(9, source="other")])
    window = store.items_between(T0 + timedelta(minutes=1), T0 + timedelta(minutes=3))
    assert [i.source_id for i in window] == ["2", "3"]
    only = store.items_between(T0, T0 + timedelta(hours=1), sources=["other"])
    assert [i.key for i in only] == ["other:9"]


def test_items_round_trip_with_timezone_and_extras(store):
    item = make_item(3, extras={"tags": ["芯片"]}, url="https://example.invalid/3")
    store.upsert([item])
    (back,) = store.items_between(T0, T0 + timedelta(hours=1))
    assert back == item and back.extras == {"tags": ["芯片"]}
    assert back.published_at.utcoffset() == timedelta(hours=8)


def test_search_indexes_new_rows_and_follows_updates(store):
    store.upsert([make_item(1)])
    assert [i.key for i in store.search("设备订单")] == ["demo:1"]
    store.upsert([make_item(1, title="机器人减速器订单", content="改写")])
    assert store.search("设备订单") == []
    assert [i.key for i in store.search("减速器")] == ["demo:1"]


def test_day_counts_per_source_and_day(store):
    store.upsert([make_item(n) for n in range(3)] + [make_item(2000)])
    rows = {(r.source, r.day): r.items for r in store.day_counts()}
    assert rows == {("demo", "2026-03-18"): 3, ("demo", "2026-03-19"): 1}


def test_migrations_run_once_from_blank_and_from_an_older_schema(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    name, first_migration = MIGRATIONS[0]
    first_migration(conn)
    conn.execute("INSERT INTO _migrations VALUES (?, 'then')", (name,))
    conn.commit()
    assert apply_migrations(conn) == [n for n, _ in MIGRATIONS[1:]]
    assert apply_migrations(conn) == []
    conn.close()
    with NewsStore(path) as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
