"""The only place that wires the stages together: store → select → group → rank."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from theme_research.analyze import Analyzed, Segmenter, analyze, segmenter_for
from theme_research.group import Event, group
from theme_research.rank import DEFAULT_WEIGHTS, RankedEvent, rank
from theme_research.select import Relevance, select
from theme_research.store import NewsStore
from theme_research.themes import ThemePack
from theme_research.window import DEFAULT_AT, Window, report_window


@dataclass(frozen=True)
class DayAnalysis:
    """What every theme of one report window shares: analyzed items, events, context."""

    window: Window
    items: list[Analyzed]
    events: list[Event]
    previous: list[Analyzed]
    sources: list[str]


@dataclass(frozen=True)
class ThemeRanking:
    """One theme's ranked events for a window, with what was read to get them."""

    pack: ThemePack
    window: Window
    ranked: list[RankedEvent]
    relevance: dict[str, Relevance]
    items_read: int
    events_formed: int
    sources: list[str]


def vocabulary(packs: Iterable[ThemePack]) -> tuple[str, ...]:
    """Every pack's dictionary words, for one shared segmenter."""
    return tuple(sorted({w for pack in packs for w in pack.dictionary_words()}))


def window_for(day: date, at: time = DEFAULT_AT, lookback: timedelta | None = None) -> Window:
    return report_window(day, at=at, lookback=lookback)


def analyze_window(
    store: NewsStore,
    window: Window,
    packs: Sequence[ThemePack],
    *,
    sources: Sequence[str] | None = None,
) -> DayAnalysis:
    """Read, analyze and group the window's items once, for every theme to rank."""
    segmenter = segmenter_for(vocabulary(packs))
    items = analyze(store.items_between(window.start, window.end, sources), segmenter)
    previous = _previous_items(store, window, packs, segmenter, sources)
    present = sorted({a.item.source for a in items})
    return DayAnalysis(window, items, group(items), previous, present)


def _previous_items(
    store: NewsStore,
    window: Window,
    packs: Sequence[ThemePack],
    segmenter: Segmenter,
    sources: Sequence[str] | None,
) -> list[Analyzed]:
    """The previous window's items that mention any theme word (for novelty)."""
    start = window.start - (window.end - window.start)
    words = sorted(vocabulary(packs), key=len, reverse=True)
    mentions = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    candidates = [
        item
        for item in store.items_between(start, window.start, sources)
        if mentions.search(item.title) or mentions.search(item.content)
    ]
    return analyze(candidates, segmenter)


def rank_theme(
    day: DayAnalysis,
    pack: ThemePack,
    *,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
) -> ThemeRanking:
    """Select, then rank the day's events for one theme."""
    relevance = select(day.items, pack)
    previous_relevance = select(day.previous, pack)
    previous = [a for a in day.previous if previous_relevance[a.key].kept]
    ranked = rank(day.events, relevance, pack, day.window, previous=previous, weights=weights)
    return ThemeRanking(
        pack=pack,
        window=day.window,
        ranked=ranked,
        relevance=relevance,
        items_read=len(day.items),
        events_formed=len(day.events),
        sources=day.sources,
    )
