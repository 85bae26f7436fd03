"""SQLite news store: idempotent upserts, time-window queries, full-text search.

The rest of the package talks to :class:`NewsStore` only, so a server database could
stand in its place by offering the same methods.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from theme_research.errors import StoreError
from theme_research.models import MARKET_TZ, NewsItem
from theme_research.store.migrations import apply_migrations

_COLUMNS = (
    "source, source_id, published_at, ts, title, content, url, language, outlet, extras, raw, "
    "fingerprint, imported_at"
)
_INSERT = f"INSERT INTO items ({_COLUMNS}) VALUES ({', '.join('?' * 13)})"
_UPDATE = (
    "UPDATE items SET published_at=?, ts=?, title=?, content=?, url=?, language=?, outlet=?, "
    "extras=?, raw=?, fingerprint=?, imported_at=? WHERE source=? AND source_id=?"
)
_SELECT = (
    "SELECT source, source_id, published_at, title, content, url, language, outlet, extras "
    "FROM items"
)


@dataclass
class UpsertCounts:
    """How a batch landed: brand new, changed since last import, or identical."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, other: UpsertCounts) -> None:
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged


@dataclass(frozen=True)
class SourceDayCount:
    source: str
    day: str
    items: int
    first: str
    last: str


class NewsStore:
    """The embedded store. ``NewsStore(":memory:")`` gives a throwaway one for tests."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            apply_migrations(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"cannot open the news store at {self.path}: {exc}. "
                "Pass another path with --db or $THEME_RESEARCH_DB."
            ) from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> NewsStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def upsert(self, items: Sequence[NewsItem]) -> UpsertCounts:
        """Insert new items, update changed ones, leave identical ones alone."""
        known = self._fingerprints(items)
        counts = UpsertCounts()
        inserts, updates, seen = [], [], set()
        now = datetime.now(MARKET_TZ).isoformat(timespec="seconds")
        for item in items:
            if item.key in seen:  # the same record twice in one batch counts once
                counts.unchanged += 1
                continue
            seen.add(item.key)
            previous = known.get(item.key)
            if previous is None:
                inserts.append(_row(item, now))
                counts.new += 1
            elif _supersedes(item, *previous):
                row = _row(item, now)
                updates.append((*row[2:], item.source, item.source_id))
                counts.updated += 1
            else:
                counts.unchanged += 1
        with self.conn:
            self.conn.executemany(_INSERT, inserts)
            self.conn.executemany(_UPDATE, updates)
        return counts

    def _fingerprints(self, items: Sequence[NewsItem]) -> dict[str, tuple[str, int]]:
        by_source: dict[str, list[str]] = {}
        for item in items:
            by_source.setdefault(item.source, []).append(item.source_id)
        found: dict[str, tuple[str, int]] = {}
        for source, ids in by_source.items():
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                query = (
                    "SELECT source_id, fingerprint, ts FROM items "
                    f"WHERE source = ? AND source_id IN ({marks})"
                )
                for source_id, fingerprint, ts in self.conn.execute(query, (source, *chunk)):
                    found[f"{source}:{source_id}"] = (fingerprint, ts)
        return found

    def items_between(
        self, start: datetime, end: datetime, sources: Iterable[str] | None = None
    ) -> list[NewsItem]:
        """Items published in ``(start, end]`` (the report window's convention), oldest first."""
        query = f"{_SELECT} WHERE ts > ? AND ts <= ?"
        params: list[object] = [int(start.timestamp()), int(end.timestamp())]
        wanted = list(sources or [])
        if wanted:
            query += f" AND source IN ({','.join('?' * len(wanted))})"
            params += wanted
        return [
            _item(row)
            for row in self.conn.execute(query + " ORDER BY ts, source, source_id", params)
        ]

    def refresh_index(self) -> int:
        """Index the rows added since the last search; return how many were indexed."""
        with self.conn:
            upto = self.conn.execute("SELECT indexed_upto FROM fts_state").fetchone()[0]
            cursor = self.conn.execute(
                "INSERT INTO items_fts(rowid, title, content) "
                "SELECT rowid, title, content FROM items WHERE rowid > ?",
                (upto,),
            )
            self.conn.execute("UPDATE fts_state SET indexed_upto = (SELECT max(rowid) FROM items)")
        return int(cursor.rowcount)

    def search(self, text: str, limit: int = 50) -> list[NewsItem]:
        """Full-text search over title and content (substring match, ≥ 3 characters)."""
        self.refresh_index()
        query = (
            f"{_SELECT} WHERE rowid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?) "
            "ORDER BY ts DESC LIMIT ?"
        )
        phrase = '"' + text.replace('"', '""') + '"'
        return [_item(row) for row in self.conn.execute(query, (phrase, limit))]

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM items").fetchone()[0])

    def sources(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT DISTINCT source FROM items ORDER BY 1")]

    def day_counts(self) -> list[SourceDayCount]:
        """Items per source per market day, with each group's first and last time."""
        query = (
            "SELECT source, substr(published_at, 1, 10) AS day, count(*), "
            "min(published_at), max(published_at) FROM items GROUP BY source, day "
            "ORDER BY day, source"
        )
        return [SourceDayCount(*row) for row in self.conn.execute(query)]

    def iter_all(self) -> Iterator[NewsItem]:
        for row in self.conn.execute(f"{_SELECT} ORDER BY ts"):
            yield _item(row)

    def get_cursor(self, source: str) -> str | None:
        """Where the last complete live fetch of ``source`` got to, or None."""
        query = "SELECT cursor FROM source_cursor WHERE source = ?"
        row = self.conn.execute(query, (source,)).fetchone()
        return str(row[0]) if row else None

    def set_cursor(self, source: str, cursor: str, at: datetime) -> None:
        """Store ``source``'s cursor; call it only after a fetch that succeeded."""
        with self.conn:
            self.conn.execute(
                "INSERT INTO source_cursor (source, cursor, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (source) DO UPDATE SET "
                "cursor = excluded.cursor, updated_at = excluded.updated_at",
                (source, cursor, at.astimezone(MARKET_TZ).isoformat(timespec="seconds")),
            )

    def record_health(
        self,
        source: str,
        at: datetime,
        *,
        error: str | None = None,
        items: int = 0,
        latency_ms: int | None = None,
    ) -> None:
        """Record one live fetch of ``source``: a success, or (``error`` given) a failure.

        A success sets the last-success time and the items it brought; a failure sets the
        last error and its time and leaves the last success as it was.
        """
        stamp = at.astimezone(MARKET_TZ).isoformat(timespec="seconds")
        values: tuple[object, object]
        if error is None:
            columns, values = "last_success, items_fetched", (stamp, items)
        else:
            columns, values = "last_error, last_error_at", (error, stamp)
        names = [*columns.split(", "), "latency_ms"]
        updates = ", ".join(f"{name} = excluded.{name}" for name in names)
        with self.conn:
            self.conn.execute(
                f"INSERT INTO source_health (source, {', '.join(names)}) VALUES (?, ?, ?, ?) "
                f"ON CONFLICT (source) DO UPDATE SET {updates}",
                (source, *values, latency_ms),
            )

    def health(self) -> list[SourceHealth]:
        """Every live feed fetched so far: last success, last error, items, latency, cursor."""
        query = (
            "SELECT h.source, h.last_success, h.last_error, h.last_error_at, h.items_fetched, "
            "h.latency_ms, c.cursor FROM source_health h "
            "LEFT JOIN source_cursor c ON c.source = h.source ORDER BY h.source"
        )
        return [SourceHealth(*row) for row in self.conn.execute(query)]

    def cached_answer(self, key: str) -> CachedAnswer | None:
        """The LLM answer stored under ``key`` (a prompt's SHA-256), or None."""
        query = (
            "SELECT model, response, prompt_tokens, completion_tokens FROM llm_cache WHERE key = ?"
        )
        row = self.conn.execute(query, (key,)).fetchone()
        return CachedAnswer(str(row[0]), str(row[1]), int(row[2]), int(row[3])) if row else None

    def cache_answer(self, key: str, answer: CachedAnswer, at: datetime) -> None:
        """Store (or replace) the LLM answer for ``key``."""
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO llm_cache (key, model, response, prompt_tokens, "
                "completion_tokens, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    key,
                    answer.model,
                    answer.response,
                    answer.prompt_tokens,
                    answer.completion_tokens,
                    at.astimezone(MARKET_TZ).isoformat(timespec="seconds"),
                ),
            )


def _supersedes(item: NewsItem, fingerprint: str, ts: int) -> bool:
    """A changed record replaces the stored one unless it is an older version of it.

    Feeds re-publish an id with a later time (Eastmoney does across midnight); keeping the
    latest makes importing the same files again, in any order, change nothing.
    """
    return item.fingerprint != fingerprint and item.published_at.timestamp() >= ts


def _row(item: NewsItem, imported_at: str) -> tuple[object, ...]:
    published = item.published_at.astimezone(MARKET_TZ)
    return (
        item.source,
        item.source_id,
        published.isoformat(),
        int(published.timestamp()),
        item.title,
        item.content,
        item.url,
        item.language,
        item.outlet,
        json.dumps(item.extras, ensure_ascii=False, sort_keys=True, default=str),
        item.raw,
        item.fingerprint,
        imported_at,
    )


def _item(row: Sequence[object]) -> NewsItem:
    source, source_id, published, title, content, url, language, outlet, extras = row
    return NewsItem(
        source=str(source),
        source_id=str(source_id),
        published_at=datetime.fromisoformat(str(published)),
        title=str(title),
        content=str(content),
        url=str(url),
        language=str(language),
        outlet=str(outlet),
        extras=json.loads(str(extras)),
    )


@dataclass(frozen=True)
class SourceHealth:
    """How a live feed fares (times are ISO strings, Asia/Shanghai; None when never)."""

    source: str
    last_success: str | None
    last_error: str | None
    last_error_at: str | None
    items_fetched: int
    latency_ms: int | None
    cursor: str | None


@dataclass(frozen=True)
class CachedAnswer:
    """A model's answer as the LLM cache keeps it, with the tokens it cost at the time."""

    model: str
    response: str
    prompt_tokens: int
    completion_tokens: int
