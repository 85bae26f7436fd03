"""Ranking evaluation on the graded shared days: full figures, leave-one-day-out, ablation.

    PYTHONPATH=src python scripts/evaluate_ranking.py [--db news.db] [--search]

Needs ../shared/labels/grades.jsonl and the graded days imported into the store (the
script imports ../shared/corpus/{cls,eastmoney,ths} for them into a temporary
store when no --db is given). Prints Markdown tables for the README.

- *full*: NDCG@10, precision@10 and same-event repeats per theme with DEFAULT_WEIGHTS.
- *leave one day out*: with --search, the weights are tuned by a small coordinate search
  on two days and scored on the third, for each day in turn; without it, the fixed
  default weights are scored per held-out day (there is nothing fitted to leave out).
- *ablation*: mean NDCG@10 with each feature's weight set to 0.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from theme_research.evaluate import (
    DayScore,
    LabelIndex,
    analyze_calendar_day,
    group_labels,
    labelled_feeds,
    load_labels,
    score_list,
    summarize,
)
from theme_research.importer import import_paths
from theme_research.pipeline import DayAnalysis, rank_theme
from theme_research.rank import DEFAULT_WEIGHTS
from theme_research.store import NewsStore
from theme_research.themes import get_pack, load_packs

SHARED = Path(__file__).resolve().parents[2] / "shared"
STEPS = (0.0, 0.5, 1.5, 2.0)


def analyses(store: NewsStore, days: Sequence[str], feeds: Sequence[str]) -> dict[str, DayAnalysis]:
    packs = list(PACKS.values())
    return {d: analyze_calendar_day(store, date.fromisoformat(d), packs, feeds) for d in days}


PACKS = load_packs()


def score(
    days: Mapping[str, DayAnalysis],
    grouped: Mapping[tuple[str, str], list],
    weights: Mapping[str, float],
) -> list[DayScore]:
    packs = PACKS
    scores = []
    for (theme, day), labels in sorted(grouped.items()):
        if day in days:
            ranked = rank_theme(days[day], get_pack(theme, packs), weights=weights).ranked[:10]
            index = LabelIndex(labels)
            scores.append(score_list([index.judge(r) for r in ranked], labels))
    return scores


def mean_ndcg(scores: Sequence[DayScore]) -> float:
    return sum(s.ndcg for s in scores) / len(scores)


def search(
    days: Mapping[str, DayAnalysis], grouped: Mapping, start: Mapping[str, float]
) -> dict[str, float]:
    """Coordinate search: scale one weight at a time, keep a change that helps clearly."""
    best, best_value = dict(start), mean_ndcg(score(days, grouped, start))
    for name in [n for n in start if start[n]]:
        for step in STEPS:
            trial = dict(best) | {name: round(start[name] * step, 3)}
            value = mean_ndcg(score(days, grouped, trial))
            if value > best_value + 0.005:
                best, best_value = trial, value
    return best


def table(rows: list[list[str]], header: list[str]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--search", action="store_true")
    args = parser.parse_args()
    labels = load_labels(SHARED / "labels" / "grades.jsonl")
    grouped = group_labels(labels)
    day_names = sorted({d for _, d in grouped})
    with tempfile.TemporaryDirectory() as tmp:
        store = NewsStore(args.db or Path(tmp) / "eval.db")
        if not args.db:
            feeds = ("cls", "eastmoney", "ths")
            files = [SHARED / "corpus" / f / f"{d}.jsonl" for f in feeds for d in day_names]
            import_paths([p for p in files if p.exists()], store)
        days = analyses(store, day_names, labelled_feeds(labels))
        full = score(days, grouped, DEFAULT_WEIGHTS)
        figures = summarize(full)
        print(
            table(
                [
                    [t, f"{f['ndcg']:.3f}", f"{f['precision']:.2f}", str(int(f["repeats"]))]
                    for t, f in figures.items()
                ],
                ["theme", "NDCG@10", "P@10", "same-event repeats"],
            )
        )
        rows = []
        for held in day_names:
            train = {d: a for d, a in days.items() if d != held}
            weights = (
                search(train, grouped, DEFAULT_WEIGHTS) if args.search else dict(DEFAULT_WEIGHTS)
            )
            held_scores = summarize(score({held: days[held]}, grouped, weights))
            changed = [f"{n} {w:g}" for n, w in weights.items() if w != DEFAULT_WEIGHTS[n]]
            rows.append(
                [held]
                + [f"{held_scores[t]['ndcg']:.3f}" for t in figures]
                + [", ".join(changed) or "none"]
            )
        print()
        print(table(rows, ["held-out day", *figures, "weights the search changed"]))
        base = mean_ndcg(full)
        ablation = []
        for name, weight in DEFAULT_WEIGHTS.items():
            if weight:
                value = mean_ndcg(score(days, grouped, dict(DEFAULT_WEIGHTS) | {name: 0.0}))
                ablation.append([name, f"{weight:g}", f"{value - base:+.3f}"])
        print()
        print(
            table(
                sorted(ablation, key=lambda r: float(r[2])), ["feature", "weight", "ΔNDCG when off"]
            )
        )


if __name__ == "__main__":
    main()
