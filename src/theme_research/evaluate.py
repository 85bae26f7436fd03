"""Measure rankings against graded labels (NDCG@10, same-event repeats, precision@10).

Labels are JSON lines ``{"theme", "day", "keys": ["source:id", …], "grade": 0-3,
"event", "text"}`` as in ``../shared/labels/grades.jsonl``. The metric functions are pure;
:func:`evaluate` runs the pipeline for each labelled theme-day.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from theme_research.analyze import shingles
from theme_research.calendar_cn import previous_trading_day
from theme_research.group import jaccard
from theme_research.models import MARKET_TZ
from theme_research.pipeline import DayAnalysis, analyze_window, rank_theme
from theme_research.rank import DEFAULT_WEIGHTS, RankedEvent
from theme_research.store import NewsStore
from theme_research.themes import ThemePack, get_pack
from theme_research.window import DEFAULT_AT, Window

TAGGING_FEEDS = frozenset({"cls"})
"""Feeds whose items carry topic tags (CLS subjects); THS tags only name the market."""
NEAR_DUPLICATE = 0.5
"""Lead bigram Jaccard at which an unlabelled item is taken as a labelled story's copy."""


@dataclass(frozen=True)
class Label:
    theme: str
    day: str
    keys: tuple[str, ...]
    grade: int
    event: str
    text: str


@dataclass(frozen=True)
class Judged:
    """One shown event as the labels see it: its grade and labelled event, if any."""

    grade: int | None
    event: str | None


@dataclass
class DayScore:
    theme: str
    day: str
    ndcg: float
    precision: float
    repeats: int
    unlabelled: int
    shown: int
    judged: list[Judged] = field(default_factory=list)


def load_labels(path: Path) -> list[Label]:
    """Read graded label lines; a bad line raises ValueError naming file and line."""
    labels = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                labels.append(
                    Label(
                        raw["theme"],
                        raw["day"],
                        tuple(raw["keys"]),
                        int(raw["grade"]),
                        raw.get("event") or f"{raw['theme']}|{raw['day']}|line{number}",
                        raw.get("text", ""),
                    )
                )
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise ValueError(f"{path}:{number}: bad label line ({exc})") from exc
    return labels


def dcg(gains: Sequence[float]) -> float:
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


def score_list(judged: Sequence[Judged], labels: Sequence[Label], k: int = 10) -> DayScore:
    """NDCG@k (gain 2^grade − 1, an event credited once), repeats, precision@k (grade ≥ 1)."""
    shown = list(judged[:k])
    credited: set[str] = set()
    gains, repeats = [], 0
    for item in shown:
        if item.event is None or item.grade is None:
            gains.append(0.0)
            continue
        if item.event in credited:
            repeats += 1
            gains.append(0.0)
            continue
        credited.add(item.event)
        gains.append(2.0**item.grade - 1)
    best: dict[str, int] = {}
    for label in labels:
        best[label.event] = max(best.get(label.event, 0), label.grade)
    ideal = sorted((2.0**g - 1 for g in best.values()), reverse=True)[:k]
    relevant = sum(1 for item in shown if item.grade is not None and item.grade >= 1)
    return DayScore(
        theme=labels[0].theme if labels else "",
        day=labels[0].day if labels else "",
        ndcg=dcg(gains) / dcg(ideal) if dcg(ideal) else 0.0,
        precision=relevant / len(shown) if shown else 0.0,
        repeats=repeats,
        unlabelled=sum(1 for item in shown if item.grade is None),
        shown=len(shown),
        judged=shown,
    )


class LabelIndex:
    """Find the labelled story of one theme-day for an item: by key, else by near-duplicate."""

    def __init__(self, labels: Sequence[Label]) -> None:
        self.labels = list(labels)
        self.by_key = {key: label for label in labels for key in label.keys}
        self.grams = [frozenset(shingles(label.text[:200])) for label in labels]

    def find(self, key: str, lead: str) -> Label | None:
        if key in self.by_key:
            return self.by_key[key]
        grams = frozenset(shingles(lead[:200]))
        best = max(
            ((jaccard(grams, g), label) for g, label in zip(self.grams, self.labels, strict=True)),
            default=(0.0, None),
            key=lambda pair: pair[0],
        )
        return best[1] if best[0] >= NEAR_DUPLICATE else None

    def judge(self, ranked: RankedEvent) -> Judged:
        """The best-graded labelled story among the event's items."""
        found = [self.find(a.key, a.lead) for a in ranked.event.items]
        hits = [label for label in found if label is not None]
        if not hits:
            return Judged(None, None)
        top = max(hits, key=lambda label: (label.grade, label.event))
        return Judged(top.grade, top.event)


def calendar_day_window(day: date) -> Window:
    """The labels are per calendar day: 00:00 → 24:00 market time."""
    start = datetime.combine(day, time(0), tzinfo=MARKET_TZ) - timedelta(seconds=1)
    return Window(start=start, end=start + timedelta(days=1))


def analyze_calendar_day(
    store: NewsStore,
    day: date,
    packs: Mapping[str, ThemePack] | Sequence[ThemePack],
    sources: Sequence[str] | None = None,
) -> DayAnalysis:
    """A labelled day analysed as the labels see it: 00:00 → 24:00, from the feeds the
    labels were read from (``sources``), with novelty measured against what the previous
    trading day's report (at the default time) could tell — the previous evening's news is
    new to the market on this day."""
    told = datetime.combine(previous_trading_day(day), DEFAULT_AT, tzinfo=MARKET_TZ)
    chosen = list(packs.values()) if isinstance(packs, Mapping) else list(packs)
    return analyze_window(store, calendar_day_window(day), chosen, sources=sources, told_until=told)


def labelled_feeds(labels: Iterable[Label]) -> list[str]:
    """The feeds the labels' keys come from: other feeds' stories can only be unlabelled."""
    return sorted({key.split(":", 1)[0] for label in labels for key in label.keys})


def group_labels(labels: Iterable[Label]) -> dict[tuple[str, str], list[Label]]:
    grouped: dict[tuple[str, str], list[Label]] = {}
    for label in labels:
        grouped.setdefault((label.theme, label.day), []).append(label)
    return grouped


def summarize(scores: Sequence[DayScore]) -> dict[str, dict[str, float]]:
    """Mean NDCG and precision, total repeats and unlabelled, per theme."""
    themes: dict[str, list[DayScore]] = {}
    for score in scores:
        themes.setdefault(score.theme, []).append(score)
    return {
        theme: {
            "ndcg": sum(s.ndcg for s in rows) / len(rows),
            "precision": sum(s.precision for s in rows) / len(rows),
            "repeats": float(sum(s.repeats for s in rows)),
            "unlabelled": float(sum(s.unlabelled for s in rows)),
            "days": float(len(rows)),
        }
        for theme, rows in themes.items()
    }


def evaluate(
    store: NewsStore,
    labels: Sequence[Label],
    packs: Mapping[str, ThemePack],
    *,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
    k: int = 10,
    days: Iterable[str] | None = None,
) -> list[DayScore]:
    """Rank every labelled theme-day from the store and score the top ``k``."""
    wanted = set(days) if days else None
    grouped = group_labels(labels)
    feeds = labelled_feeds(labels)
    scores = []
    for day in sorted({d for _, d in grouped if wanted is None or d in wanted}):
        analysis = analyze_calendar_day(store, date.fromisoformat(day), packs, feeds)
        for (theme, label_day), day_labels in sorted(grouped.items()):
            if label_day != day:
                continue
            ranking = rank_theme(analysis, get_pack(theme, packs), weights=weights)
            index = LabelIndex(day_labels)
            scores.append(score_list([index.judge(r) for r in ranking.ranked[:k]], day_labels, k))
    return scores


@dataclass
class TagScore:
    """Silver-label measures of one theme-day's top ``k``."""

    theme: str
    day: str
    precision: float
    """Share of the judgeable shown events (those with an item of a tagging feed) tagged."""
    judgeable: int
    same_event_pairs: int
    in_window: float
    shown: int


def load_tag_labels(path: Path) -> dict[str, frozenset[str]]:
    """``{theme: tags}`` from a TOML file of ``[theme] tags = [...]`` tables."""
    import tomllib

    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return {theme: frozenset(table.get("tags", [])) for theme, table in data.items()}


def item_tags(ranked: RankedEvent) -> set[str]:
    tags: set[str] = set()
    for analyzed in ranked.event.items:
        extras = analyzed.item.extras
        tags.update(str(t) for t in extras.get("subjects") or [])
        tags.update(str(t) for t in extras.get("tags") or [])
    return tags


def same_event_pairs(ranked: Sequence[RankedEvent]) -> int:
    """Pairs of shown events whose leads are near duplicates (should have been grouped)."""
    grams = [frozenset(shingles(r.headline.lead)) for r in ranked]
    return sum(
        1
        for i in range(len(grams))
        for j in range(i + 1, len(grams))
        if jaccard(grams[i], grams[j]) >= NEAR_DUPLICATE
    )


def evaluate_tags(
    store: NewsStore,
    tag_labels: Mapping[str, frozenset[str]],
    packs: Mapping[str, ThemePack],
    days: Iterable[str],
    *,
    k: int = 10,
) -> list[TagScore]:
    """Precision@k against feed tags, same-event pairs and window share, per theme-day."""
    scores = []
    for day in sorted(days):
        window = calendar_day_window(date.fromisoformat(day))
        analysis = analyze_calendar_day(store, date.fromisoformat(day), packs)
        for theme, tags in sorted(tag_labels.items()):
            shown = rank_theme(analysis, get_pack(theme, packs)).ranked[:k]
            judgeable = [
                r for r in shown if any(a.item.source in TAGGING_FEEDS for a in r.event.items)
            ]
            tagged = sum(1 for r in judgeable if item_tags(r) & tags)
            inside = sum(
                1 for r in shown if all(window.contains(a.item.published_at) for a in r.event.items)
            )
            scores.append(
                TagScore(
                    theme=theme,
                    day=day,
                    precision=tagged / len(judgeable) if judgeable else 0.0,
                    judgeable=len(judgeable),
                    same_event_pairs=same_event_pairs(shown),
                    in_window=inside / len(shown) if shown else 0.0,
                    shown=len(shown),
                )
            )
    return scores
