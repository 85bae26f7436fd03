"""The wired stages on one real day of ../shared/corpus (skipped where it is absent)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import corpus_or_skip
from theme_research.importer import import_paths
from theme_research.pipeline import (
    DayAnalysis,
    analyze_window,
    canonical_names,
    collector_paused,
    entity_names,
    rank_theme,
    window_for,
)
from theme_research.rank import ThemeRanking
from theme_research.store import NewsStore
from theme_research.themes import ThemePack, builtin_pack_paths, get_pack, load_pack

pytestmark = pytest.mark.corpus

FEEDS = ("cls", "eastmoney", "ths")
DAYS = ("2026-06-30", "2026-07-01")  # 06-30 holds the previous window, for novelty
REPORT_DAY = date(2026, 7, 1)
THEMES = ("人工智能", "半导体")


def day_files() -> list[Path]:
    return [corpus_or_skip(feed, f"{day}.jsonl") for feed in FEEDS for day in DAYS]


@pytest.fixture(scope="module")
def packs() -> dict[str, ThemePack]:
    builtin = {p.slug: p for p in map(load_pack, builtin_pack_paths())}
    return {name: get_pack(name, builtin) for name in THEMES}


@pytest.fixture(scope="module")
def day(tmp_path_factory: pytest.TempPathFactory, packs: dict[str, ThemePack]) -> DayAnalysis:
    files = day_files()
    with NewsStore(tmp_path_factory.mktemp("corpus") / "news.db") as store:
        report = import_paths(files, store)
        assert not report.problems and not report.unreadable
        return analyze_window(store, window_for(REPORT_DAY), list(packs.values()))


@pytest.fixture(scope="module")
def rankings(day: DayAnalysis, packs: dict[str, ThemePack]) -> dict[str, ThemeRanking]:
    return {name: rank_theme(day, pack) for name, pack in packs.items()}


def test_the_day_reads_every_feed_and_the_previous_window(day):
    assert set(day.sources) == set(FEEDS)
    assert day.items
    assert len(day.events) < len(day.items)  # the feeds overlap, so some reports join
    told = day.previous.matches(day.items)
    assert told and set(told) <= {a.key for a in day.items}


@pytest.mark.parametrize("theme", THEMES)
def test_top_ten_events_share_no_item(rankings, theme):
    top = rankings[theme].ranked[:10]
    assert len(top) == 10
    keys = [a.key for r in top for a in r.event.items]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("theme", THEMES)
def test_top_ten_lie_inside_the_window(rankings, theme):
    ranking = rankings[theme]
    for r in ranking.ranked[:10]:
        assert all(ranking.window.contains(a.item.published_at) for a in r.event.items), r.rank


@pytest.mark.parametrize("theme", THEMES)
def test_top_ten_events_each_hold_a_kept_item(rankings, theme):
    ranking = rankings[theme]
    for r in ranking.ranked[:10]:
        event_keys = {a.key for a in r.event.items}
        assert r.kept_keys and set(r.kept_keys) <= event_keys
        assert all(ranking.relevance[key].kept for key in r.kept_keys)
        assert r.headline.key in r.kept_keys


@pytest.mark.parametrize("theme", THEMES)
def test_ranking_is_ordered(rankings, theme):
    ranked = rankings[theme].ranked
    assert [r.rank for r in ranked] == list(range(1, len(ranked) + 1))
    assert [r.score for r in ranked] == sorted((r.score for r in ranked), reverse=True)


def cross_feed_events(ranking: ThemeRanking, *words: str) -> list[int]:
    """Ranks of events whose headlines naming every word come from two or more feeds."""
    found = []
    for r in ranking.ranked:
        naming = [a for a in r.event.items if all(w in a.title for w in words)]
        if len({a.item.source for a in naming}) >= 2:
            found.append(r.rank)
    return found


def test_a_cross_feed_ai_story_is_one_event(rankings):
    # Anthropic's news that the US lifted export controls on its models, told by every feed.
    assert cross_feed_events(rankings["人工智能"], "Anthropic", "出口管制")


def test_a_cross_feed_semiconductor_story_is_one_event(rankings):
    # The Philadelphia semiconductor index's move, flashed by several feeds.
    assert cross_feed_events(rankings["半导体"], "费城半导体")


def test_every_other_name_of_a_company_stands_for_it_in_grouping():
    robotics = load_pack(next(p for p in builtin_pack_paths() if p.stem == "robotics"))
    same_as = canonical_names([robotics])
    assert same_as["tesla"] == "特斯拉"  # an alias
    assert same_as["optimus"] == "特斯拉"  # a product
    assert {"optimus", "擎天柱"} <= entity_names([robotics])


def test_the_cycle_collector_resumes_as_it_was():
    import gc

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a stage fails")
    assert gc.isenabled()
