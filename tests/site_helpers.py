"""The demo day's reports for the site tests, built once per session with the pipeline."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from theme_research import demo, pipeline
from theme_research.importer import import_paths
from theme_research.report import Report
from theme_research.store import NewsStore
from theme_research.themes import builtin_pack_paths, load_pack

DEMO_DAY = "2026-03-18"
EARLIER_DAY = "2026-03-17"


@cache
def demo_reports() -> tuple[Report, ...]:
    """Every built-in theme's report of the demo day (offline writer, verified)."""
    packs = [load_pack(path) for path in builtin_pack_paths()]
    with NewsStore(":memory:") as store:
        import_paths(demo.demo_files(), store)
        return tuple(pipeline.build_reports(store, packs, demo.demo_window()))


def earlier(report: Report, day: str = EARLIER_DAY) -> Report:
    """The report moved to an earlier day with fewer relevant events: a second chart day.

    The window moves too: the post's front-matter ``date`` is the window's end, and Jekyll's
    permalink takes the day from it, so a window left on the later day would give both posts
    one URL (a Jekyll "Conflict").
    """
    shift = date.fromisoformat(day) - date.fromisoformat(report.date)
    window = report.window.model_copy(
        update={"start": report.window.start + shift, "end": report.window.end + shift}
    )
    method = report.method.model_copy(update={"events_relevant": 5})
    return report.model_copy(update={"date": day, "window": window, "method": method})


def write_posts(out: Path, *, history: bool = False) -> Path:
    """Save the demo posts and twins into ``out`` (plus an earlier 人工智能 day with
    ``history``) and return ``out``."""
    reports = list(demo_reports())
    if history:
        reports.append(earlier(next(r for r in reports if r.slug == "ai")))
    for report in reports:
        pipeline.save_report(report, out)
    return out
