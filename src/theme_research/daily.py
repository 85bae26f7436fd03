"""The daily run: fetch every configured feed, then write every configured theme's report.

One function, :func:`run_daily`, used by ``theme-research daily`` and by schedulers that
prefer Python. A feed that fails does not stop the run: its items are simply absent, and
the reports name it as missing (``method.feeds_missing``) when it is an expected feed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from theme_research import pipeline
from theme_research.fetching import ClientFactory, SourceFactory, SourceRun, fetch_sources
from theme_research.models import MARKET_TZ
from theme_research.report import Report
from theme_research.settings import Settings
from theme_research.sources.live import LIVE_SOURCES, LiveSource, default_client
from theme_research.sources.rss_live import feed_source
from theme_research.store import NewsStore
from theme_research.themes import ThemePack, get_pack, load_packs
from theme_research.window import parse_duration


@dataclass(frozen=True)
class WrittenReport:
    """One saved report: its paths and whether it passed verification."""

    report: Report
    post: Path
    twin: Path

    @property
    def verified(self) -> bool:
        return self.report.verification is not None and self.report.verification.passed


@dataclass
class DailyResult:
    """What a daily run did: each feed's fetch, then each theme's report."""

    fetches: list[SourceRun] = field(default_factory=list)
    reports: list[WrittenReport] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    """The slugs the run was asked to write, so a missing report is noticed."""

    @property
    def ok(self) -> bool:
        """Every configured theme's report was written and passed verification."""
        written = {r.report.slug for r in self.reports}
        return written >= set(self.themes) and all(r.verified for r in self.reports)

    @property
    def failed_feeds(self) -> list[str]:
        return [run.source for run in self.fetches if not run.ok]


def chosen_packs(settings: Settings, packs: Mapping[str, ThemePack]) -> list[ThemePack]:
    """The packs ``[report] themes`` names (any name, slug or alias), else every pack.

    Raises ``ThemeNotFoundError`` for a theme no pack answers to.
    """
    if not settings.report.themes:
        return list(packs.values())
    chosen = [get_pack(name, packs) for name in settings.report.themes]
    return list({pack.slug: pack for pack in chosen}.values())


def source_factory(settings: Settings) -> SourceFactory:
    """Build a feed's adapter by name: built-ins from the registry, RSS from the settings."""
    rss = {feed.source: feed for feed in settings.sources.rss}

    def make(name: str) -> LiveSource:
        if name in rss:
            feed = rss[name]
            return feed_source(feed.name, feed.url, feed.language)()
        return LIVE_SOURCES[name]()

    return make


def run_daily(
    store: NewsStore,
    settings: Settings,
    day: date,
    at: time,
    client_factory: ClientFactory = default_client,
    now: datetime | None = None,
    *,
    fetch: bool = True,
    out: Path | None = None,
    packs: Mapping[str, ThemePack] | None = None,
    make_source: SourceFactory | None = None,
) -> DailyResult:
    """Fetch the configured feeds into ``store``, then write each configured theme's report.

    ``now`` stamps the fetch (and its ``since``: ``now - [sources] since``); ``out``
    replaces ``[report] out``; ``packs`` defaults to :func:`load_packs`; ``make_source``
    replaces :func:`source_factory` (tests point feeds at a local server). Reports are
    saved even when they fail verification; :attr:`DailyResult.ok` says whether all passed.

    Example::

        with NewsStore("news.db") as store:
            result = run_daily(store, load_settings(), date(2026, 7, 1), time(15, 30))
        assert result.ok
    """
    packs = packs if packs is not None else load_packs()
    chosen = chosen_packs(settings, packs)
    result = DailyResult(themes=[pack.slug for pack in chosen])
    if fetch:
        stamp = now or datetime.now(MARKET_TZ)
        since = stamp - parse_duration(settings.sources.since)
        result.fetches = fetch_sources(
            store,
            settings.sources.feed_names(),
            since,
            client_factory,
            stamp,
            make_source=make_source or source_factory(settings),
        )
    result.reports = write_reports(store, settings, chosen, packs, day, at, out)
    return result


def write_reports(
    store: NewsStore,
    settings: Settings,
    chosen: Sequence[ThemePack],
    packs: Mapping[str, ThemePack],
    day: date,
    at: time,
    out: Path | None = None,
) -> list[WrittenReport]:
    """Build, verify and save the reports of ``chosen`` for the window ending ``day at``."""
    window = pipeline.window_for(day, at)
    reports = pipeline.build_reports(
        store,
        chosen,
        window,
        all_packs=list(packs.values()),
        expected_feeds=settings.report.expected_feeds,
    )
    target = out or settings.report.out
    written = []
    for report in reports:
        post, twin = pipeline.save_report(report, target)
        written.append(WrittenReport(report, post, twin))
    return written


__all__ = ["DailyResult", "WrittenReport", "chosen_packs", "run_daily", "source_factory"]
