"""Regenerate the golden files: the demo day's 人工智能 post and its JSON twin.

``tests/test_golden.py`` writes the same report afresh and compares it with
``tests/golden/`` byte for byte, so any change to cleaning, selection, grouping, ranking,
writing or rendering shows up there as a failing test with a diff.

Run this only after a *deliberate* change to ranking or writing, then review and commit:

    python scripts/update_golden.py
    git diff tests/golden/        # read it: is every change in the report one you meant?
    git add tests/golden/ && git commit

Never run it just to make a failing test pass without reading the diff. The report is
built from the bundled demo day (``theme_research.demo``) and the built-in theme packs
only, so a user's own packs never leak into the golden files.
"""

from __future__ import annotations

from pathlib import Path

from theme_research import demo, pipeline
from theme_research.importer import import_paths
from theme_research.report import Report
from theme_research.store import NewsStore
from theme_research.themes import builtin_pack_paths, load_pack

GOLDEN = Path(__file__).resolve().parents[1] / "tests" / "golden"
THEME = "ai"


def golden_report(theme: str = THEME) -> Report:
    """The demo day's report of ``theme`` (a slug), written and verified offline."""
    packs = [load_pack(path) for path in builtin_pack_paths()]
    [pack] = [p for p in packs if p.slug == theme]
    with NewsStore(":memory:") as store:
        import_paths(demo.demo_files(), store)
        [report] = pipeline.build_reports(store, [pack], demo.demo_window(), all_packs=packs)
    return report


def main() -> None:
    before = {p.name: p.read_bytes() for p in GOLDEN.glob("*")} if GOLDEN.exists() else {}
    for path in pipeline.save_report(golden_report(), GOLDEN):
        state = "unchanged" if before.get(path.name) == path.read_bytes() else "updated"
        print(f"{state}: {path}")


if __name__ == "__main__":
    main()
