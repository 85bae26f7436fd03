"""The store's schema as named, append-only migrations, each applied in one transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


def m001_items(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE items (
            source TEXT NOT NULL,
            source_id TEXT NOT NULL,
            published_at TEXT NOT NULL,
            ts INTEGER NOT NULL,
            title TEXT NOT NULL,
            content TEXT NOT NULL,
            url TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT 'zh',
            outlet TEXT NOT NULL DEFAULT '',
            extras TEXT NOT NULL DEFAULT '{}',
            raw TEXT NOT NULL DEFAULT '',
            fingerprint TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            PRIMARY KEY (source, source_id)
        )
        """
    )
    conn.execute("CREATE INDEX items_ts ON items (ts)")
    conn.execute("CREATE INDEX items_source_ts ON items (source, ts)")


def m002_items_fts(conn: sqlite3.Connection) -> None:
    # Trigram tokens make substring search work for Chinese, which has no spaces.
    conn.execute(
        "CREATE VIRTUAL TABLE items_fts USING fts5("
        "title, content, content='items', content_rowid='rowid', tokenize='trigram')"
    )
    # New rows are indexed in bulk when a search needs them (see NewsStore.refresh_index):
    # trigram indexing costs more than the import itself and the daily run never searches.
    # Rows already indexed are kept in step by the triggers.
    conn.execute("CREATE TABLE fts_state (indexed_upto INTEGER NOT NULL)")
    conn.execute("INSERT INTO fts_state VALUES (0)")
    for trigger in _FTS_TRIGGERS:
        conn.execute(trigger)


_INDEXED = "old.rowid <= (SELECT indexed_upto FROM fts_state)"
# Separate statements, not executescript(): that would commit the open transaction.
_FTS_TRIGGERS = (
    f"""CREATE TRIGGER items_ad AFTER DELETE ON items WHEN {_INDEXED} BEGIN
      INSERT INTO items_fts(items_fts, rowid, title, content)
      VALUES ('delete', old.rowid, old.title, old.content);
    END""",
    f"""CREATE TRIGGER items_au AFTER UPDATE ON items WHEN {_INDEXED} BEGIN
      INSERT INTO items_fts(items_fts, rowid, title, content)
      VALUES ('delete', old.rowid, old.title, old.content);
      INSERT INTO items_fts(rowid, title, content) VALUES (new.rowid, new.title, new.content);
    END""",
)


def m003_fetch_state(conn: sqlite3.Connection) -> None:
    # Live fetching: where each feed's last complete fetch got to, and how each feed fares.
    conn.execute(
        """
        CREATE TABLE source_cursor (
            source TEXT PRIMARY KEY,
            cursor TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE source_health (
            source TEXT PRIMARY KEY,
            last_success TEXT,
            last_error TEXT,
            last_error_at TEXT,
            items_fetched INTEGER NOT NULL DEFAULT 0,
            latency_ms INTEGER
        )
        """
    )


def m004_llm_cache(conn: sqlite3.Connection) -> None:
    # The LLM writer's answers by SHA-256 of the prompt, so a re-run costs no tokens.
    conn.execute(
        """
        CREATE TABLE llm_cache (
            key TEXT PRIMARY KEY,
            model TEXT NOT NULL,
            response TEXT NOT NULL,
            prompt_tokens INTEGER NOT NULL DEFAULT 0,
            completion_tokens INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        )
        """
    )


MIGRATIONS: list[tuple[str, Migration]] = [
    ("m001_items", m001_items),
    ("m002_items_fts", m002_items_fts),
    ("m003_fetch_state", m003_fetch_state),
    ("m004_llm_cache", m004_llm_cache),
]


def apply_migrations(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations not yet recorded; return the names applied."""
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    done = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    applied = []
    for name, migration in MIGRATIONS:
        if name in done:
            continue
        with conn:  # one transaction per migration: a failure leaves the schema as it was
            migration(conn)
            conn.execute(
                "INSERT INTO _migrations VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))", (name,)
            )
        applied.append(name)
    return applied
