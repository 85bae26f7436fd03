"""The LLM answer cache in the store: its migration and its two methods."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from theme_research.models import MARKET_TZ
from theme_research.store import NewsStore
from theme_research.store.db import CachedAnswer
from theme_research.store.migrations import MIGRATIONS, apply_migrations

NOW = datetime(2026, 3, 18, 15, 30, tzinfo=MARKET_TZ)


def test_answers_round_trip_and_a_second_put_replaces(store):
    assert store.cached_answer("k") is None
    store.cache_answer("k", CachedAnswer("m", '{"a": 1}', 10, 5), NOW)
    assert store.cached_answer("k") == CachedAnswer("m", '{"a": 1}', 10, 5)
    store.cache_answer("k", CachedAnswer("m", '{"a": 2}', 1, 1), NOW)
    assert store.cached_answer("k") == CachedAnswer("m", '{"a": 2}', 1, 1)


def test_the_cache_migration_applies_to_a_store_without_it(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    index = [name for name, _ in MIGRATIONS].index("m004_llm_cache")
    for name, migration in MIGRATIONS[:index]:
        migration(conn)
        conn.execute("INSERT INTO _migrations VALUES (?, 'then')", (name,))
    conn.commit()
    assert apply_migrations(conn)[0] == "m004_llm_cache"
    conn.close()
    with NewsStore(path) as store:
        store.cache_answer("k", CachedAnswer("m", "{}", 0, 0), NOW)
        assert store.cached_answer("k") is not None
