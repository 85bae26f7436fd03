"""The only place that wires the stages together: store → select → group → rank."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from theme_research import config
from theme_research.analyze import Analyzed, analyze, has_cjk, segmenter_for
from theme_research.group import Event, NameIndex, PriorIndex, group
from theme_research.rank import DEFAULT_WEIGHTS, ThemeRanking, rank
from theme_research.render import post_filename, render_json, render_markdown
from theme_research.report import Finding, Report, Verification
from theme_research.select import defer_to_other_themes, select
from theme_research.store import NewsStore
from theme_research.themes import ThemePack, get_pack
from theme_research.verify import verify
from theme_research.window import DEFAULT_AT, Window, report_window
from theme_research.write.offline import DEFAULT_FEEDS, write_offline

Writer = Callable[..., Report]


@dataclass(frozen=True)
class DayAnalysis:
    """What every theme of one report window shares: analyzed items, events, context."""

    window: Window
    items: list[Analyzed]
    events: list[Event]
    previous: PriorIndex
    """The previous window's reports, which novelty compares against."""
    sources: list[str]
    packs: tuple[ThemePack, ...] = ()
    """Every theme the window was analyzed for: a marginal item goes to the one it fits best."""


def vocabulary(packs: Iterable[ThemePack]) -> tuple[str, ...]:
    """Every pack's dictionary words, for one shared segmenter."""
    return tuple(sorted({w for pack in packs for w in pack.dictionary_words()}))


def short_terms(packs: Iterable[ThemePack]) -> tuple[str, ...]:
    """Two-character Chinese terms that count for relevance: the ones that need tokens."""
    words = {w for pack in packs for w in pack.dictionary_words()}
    return tuple(sorted(w for w in words if len(w) == 2 and has_cjk(w)))


def entity_names(packs: Iterable[ThemePack]) -> frozenset[str]:
    """Every security name, alias and product and every leader of every pack
    (lower-cased)."""
    names = {n for pack in packs for s in pack.all_securities() for n in (*s.names, *s.products)}
    names |= {n for pack in packs for n in pack.leaders}
    return frozenset(n.lower() for n in names if len(n) >= 2)


def canonical_names(packs: Iterable[ThemePack]) -> dict[str, str]:
    """Each security alias and product (lower-cased) and the name it stands for: "美光" →
    "美光科技", "问界" → "赛力斯", "Optimus" → "特斯拉". Grouping then sees one company
    under every name."""
    return {
        other.lower(): s.name.lower()
        for pack in packs
        for s in pack.all_securities()
        for other in (*s.aliases, *s.products)
        if len(other) >= 2
    }


def topic_words(packs: Iterable[ThemePack]) -> frozenset[str]:
    """Theme keywords and segment words (weak words left out): what a move is about."""
    words = {w for pack in packs for w in pack.keywords}
    words |= {w for pack in packs for segment in pack.segments for w in segment.keywords}
    return frozenset(w for w in words if len(w) >= 2)


def window_for(day: date, at: time = DEFAULT_AT, lookback: timedelta | None = None) -> Window:
    return report_window(day, at=at, lookback=lookback)


def analyze_window(
    store: NewsStore,
    window: Window,
    packs: Sequence[ThemePack],
    *,
    sources: Sequence[str] | None = None,
    told_until: datetime | None = None,
) -> DayAnalysis:
    """Read, analyze and group the window's items once, for every theme to rank.

    ``told_until`` is when the previous report was written (default: the window's start):
    the stories it could tell are what novelty compares against.
    """
    with collector_paused():
        segmenter = segmenter_for(vocabulary(packs), short_terms(packs), config.cache_dir())
        items = analyze(store.items_between(window.start, window.end, sources), segmenter)
        told = window.start if told_until is None else min(told_until, window.start)
        previous = _previous_items(store, Window(told - window.duration, told), packs, sources)
        present = sorted({a.item.source for a in items})
        events = group(
            items, entity_names(packs), topic_words(packs), same_as=canonical_names(packs)
        )
        return DayAnalysis(window, items, events, PriorIndex(previous), present, tuple(packs))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for a stage that builds hundreds of thousands of small
    containers (tokens, shingle sets, features) and drops none: its passes over them would
    cost a tenth of a run. Cyclic garbage made meanwhile is collected once it resumes."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _previous_items(
    store: NewsStore,
    previous: Window,
    packs: Sequence[ThemePack],
    sources: Sequence[str] | None,
) -> list[Analyzed]:
    """The previous window's items that mention any theme word, for novelty.

    Novelty only compares texts, so these are analyzed without segmentation.
    """
    index = NameIndex(w.lower() for w in vocabulary(packs))
    candidates = [
        item
        for item in store.items_between(previous.start, previous.end, sources)
        if index.any_in(f"{item.title}\n{item.content}".lower())
    ]
    return analyze(candidates, None)


def rank_theme(
    day: DayAnalysis,
    pack: ThemePack,
    *,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
) -> ThemeRanking:
    """Select, then rank the day's events for one theme."""
    with collector_paused():
        return _rank_theme(day, pack, weights)


def _rank_theme(day: DayAnalysis, pack: ThemePack, weights: Mapping[str, float]) -> ThemeRanking:
    others = [p for p in day.packs if p.slug != pack.slug]
    relevance = defer_to_other_themes(day.items, select(day.items, pack), others)
    # Novelty is checked only for the items of events this theme keeps: a tenth of the day.
    theme_items = [
        item
        for event in day.events
        if any(relevance[a.key].kept for a in event.items)
        for item in event.items
    ]
    ranked = rank(
        day.events,
        relevance,
        pack,
        day.window,
        prior=day.previous.matches(theme_items),
        weights=weights,
    )
    return ThemeRanking(
        pack=pack,
        window=day.window,
        ranked=ranked,
        relevance=relevance,
        items_read=len(day.items),
        events_formed=len(day.events),
        sources=day.sources,
    )


ENGINES: dict[str, Writer] = {"offline": write_offline}


def build_reports(
    store: NewsStore,
    packs: Sequence[ThemePack],
    window: Window,
    *,
    all_packs: Sequence[ThemePack] | None = None,
    engine: str = "offline",
    expected_feeds: Sequence[str] = DEFAULT_FEEDS,
    writer: Writer | None = None,
) -> list[Report]:
    """Write, verify and return one report per pack for the window (nothing is saved).

    ``writer`` replaces the engine's writer (the LLM writer is built with its settings).
    """
    analysis = analyze_window(store, window, list(all_packs or packs))
    writer = writer or ENGINES[engine]
    reports = []
    for pack in packs:
        report = writer(rank_theme(analysis, pack), expected_feeds=expected_feeds)
        reports.append(verified(report, pack))
    return reports


def verified(report: Report, pack: ThemePack) -> Report:
    """The report with its verification results (checked on the rendered post)."""
    return report.model_copy(update={"verification": verify(report, render_markdown(report), pack)})


def save_report(report: Report, out_dir: Path) -> tuple[Path, Path]:
    """Write the post and its JSON twin into ``out_dir`` (a site's ``_posts``)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    post = out_dir / post_filename(report)
    post.write_text(render_markdown(report), encoding="utf-8")
    twin = post.with_suffix(".json")
    twin.write_text(render_json(report), encoding="utf-8")
    return post, twin


def verify_post(post: Path, packs: Mapping[str, ThemePack]) -> Verification:
    """Verify a saved post against the evidence recorded in its JSON twin.

    The prose checks read the twin, so the post must also be exactly the twin's rendering:
    a post edited after it was written gets a ``twin`` finding.
    """
    report = Report.model_validate_json(post.with_suffix(".json").read_text(encoding="utf-8"))
    markdown = post.read_text(encoding="utf-8")
    result = verify(report, markdown, get_pack(report.slug, packs))
    findings = list(result.findings)
    if markdown != render_markdown(report):
        message = "the post differs from its JSON twin: it was edited after it was written"
        findings.append(Finding(rule="twin", where=post.name, message=message))
    return Verification(
        passed=not findings, checks=(*result.checks, "twin"), findings=tuple(findings)
    )
