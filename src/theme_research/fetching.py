"""Fetch live feeds into the store, one feed after another.

For each feed: read its cursor, fetch (see :mod:`theme_research.sources.live`), upsert the
items, advance the cursor only when the fetch succeeded, and record the feed's health. A
feed that fails is recorded and the others still run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

import httpx

from theme_research.errors import ParseError
from theme_research.sources.errors import SourceError, UnknownSourceError
from theme_research.sources.live import LIVE_SOURCES, FetchResult, LiveSource, default_client
from theme_research.sources.optional import register_optional
from theme_research.store import NewsStore, UpsertCounts

ClientFactory = Callable[[], httpx.Client]
SourceFactory = Callable[[str], LiveSource]

_STOPPED = {
    "repeat": "the feed served the same page twice (is it ignoring the paging parameter?)",
    "max_pages": "stopped at the page limit before reaching the start of the window",
}


@dataclass
class SourceRun:
    """What fetching one feed did. ``error`` is None when the fetch succeeded."""

    source: str
    error: str | None = None
    fetched: int = 0
    counts: UpsertCounts = field(default_factory=UpsertCounts)
    pages: int = 0
    problems: list[ParseError] = field(default_factory=list)
    stopped: str = ""
    cursor: str | None = None
    latency_ms: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def warning(self) -> str | None:
        """Why a successful fetch is incomplete (its cursor was then kept), if it is."""
        return _STOPPED.get(self.stopped)


def fetch_sources(
    store: NewsStore,
    names: Iterable[str],
    since: datetime,
    client_factory: ClientFactory = default_client,
    now: datetime | None = None,
    *,
    make_source: SourceFactory | None = None,
    on_start: Callable[[str], None] | None = None,
    on_done: Callable[[SourceRun], None] | None = None,
) -> list[SourceRun]:
    """Fetch each named feed back to ``since`` (or its cursor) into ``store``.

    ``client_factory`` makes one ``httpx.Client`` per feed; ``now`` stamps the cursors
    and health records; ``make_source`` builds a feed's adapter from its name (tests
    point it at a local server). Optional feeds (``akshare:sina``, ``yahoo`` …) named in
    ``names`` are registered first. Raises :class:`UnknownSourceError` before fetching
    anything if a name is not registered.

    Example::

        with NewsStore("news.db") as store:
            since = datetime.now(MARKET_TZ) - timedelta(days=1)
            runs = fetch_sources(store, ["cls", "ths"], since)
    """
    wanted = list(names)
    register_optional(wanted)
    build = make_source or _registered
    if make_source is None:
        unknown = [name for name in wanted if name not in LIVE_SOURCES]
        if unknown:
            raise UnknownSourceError(unknown, sorted(LIVE_SOURCES))
    stamp = now or datetime.now(since.tzinfo)
    runs = []
    for name in wanted:
        if on_start:
            on_start(name)
        run = fetch_one(store, build(name), since, client_factory, stamp)
        if on_done:
            on_done(run)
        runs.append(run)
    return runs


def fetch_one(
    store: NewsStore,
    source: LiveSource,
    since: datetime,
    client_factory: ClientFactory,
    now: datetime,
) -> SourceRun:
    """Fetch one feed into ``store``; a failure is recorded and returned, not raised."""
    cursor = store.get_cursor(source.name)
    started = time.perf_counter()
    try:
        with client_factory() as client:
            result = source.fetch(client, since, cursor)
    except (httpx.HTTPError, SourceError, ValueError) as exc:
        latency = _ms_since(started)
        message = str(exc) or type(exc).__name__
        store.record_health(source.name, now, error=message, latency_ms=latency)
        return SourceRun(source.name, error=message, cursor=cursor, latency_ms=latency)
    return _store_result(store, result, cursor, now, _ms_since(started))


def _store_result(
    store: NewsStore, result: FetchResult, cursor: str | None, now: datetime, latency: int
) -> SourceRun:
    counts = store.upsert(result.items)
    if result.cursor and result.cursor != cursor:
        store.set_cursor(result.source, result.cursor, now)
    store.record_health(result.source, now, items=len(result.items), latency_ms=latency)
    run = SourceRun(
        source=result.source,
        fetched=len(result.items),
        counts=counts,
        pages=result.pages,
        problems=result.problems,
        stopped=result.stopped,
        cursor=result.cursor,
        latency_ms=latency,
    )
    if run.warning:  # it worked, but `sources` should show why the cursor stood still
        store.record_health(result.source, now, error=run.warning, latency_ms=latency)
    return run


def _registered(name: str) -> LiveSource:
    return LIVE_SOURCES[name]()


def _ms_since(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)
