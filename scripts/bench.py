"""Benchmarks (not timed tests): run with `make bench`; figures go in the README.

Each benchmark runs in a fresh child process so its peak RSS is its own.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
RUNS = 5
"""Each benchmark runs this many times, each in a fresh process: the machine is noisy."""


def bench_import() -> dict[str, float]:
    from theme_research.importer import import_paths
    from theme_research.store import NewsStore

    with tempfile.TemporaryDirectory() as tmp, NewsStore(Path(tmp) / "bench.db") as store:
        start = time.perf_counter()
        report = import_paths([CORPUS], store)
        seconds = time.perf_counter() - start
    return {"items": report.imported, "seconds": seconds, "items_per_s": report.imported / seconds}


def _corpus_store(tmp: str) -> object:
    from theme_research.importer import import_paths
    from theme_research.store import NewsStore

    store = NewsStore(Path(tmp) / "bench.db")
    days = ("2026-07-01", "2026-06-30")
    import_paths(
        [CORPUS / feed / f"{d}.jsonl" for feed in ("cls", "eastmoney", "ths") for d in days], store
    )
    return store


def _rank(themes: int | None) -> dict[str, float]:
    """Analyze and group one full day once, then rank ``themes`` packs (None: all)."""
    from theme_research.pipeline import analyze_window, rank_theme, window_for
    from theme_research.themes import load_packs

    with tempfile.TemporaryDirectory() as tmp:
        store = _corpus_store(tmp)
        start = time.perf_counter()
        packs = list(load_packs().values())
        day = analyze_window(store, window_for(date(2026, 7, 1)), packs)
        for pack in packs[:themes]:
            rank_theme(day, pack)
        seconds = time.perf_counter() - start
    return {"themes": len(packs[:themes]), "items": len(day.items), "seconds": seconds}


def bench_rank_one() -> dict[str, float]:
    """One theme, one full day (CLS + Eastmoney + THS), after import."""
    return _rank(1)


def bench_rank_one_cold() -> dict[str, float]:
    """The same on a first run, while the segmentation dictionary's cache is built."""
    return _rank(1)


def warm_cache() -> dict[str, float]:
    """Build the dictionary cache the other benchmarks read (not a benchmark)."""
    from theme_research import config
    from theme_research.pipeline import analyze_window, window_for
    from theme_research.store import NewsStore
    from theme_research.themes import load_packs

    with NewsStore(":memory:") as store:
        analyze_window(store, window_for(date(2026, 7, 1)), list(load_packs().values()))
    return {"files": len(list(config.cache_dir().glob("*")))}


def bench_rank_all() -> dict[str, float]:
    """All built-in themes for one day: analyze and group once, rank per theme."""
    return _rank(None)


def bench_demo() -> dict[str, float]:
    """`theme-research demo` end to end: import the demo day, write all six reports."""
    from typer.testing import CliRunner

    from theme_research.cli import app

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        result = CliRunner().invoke(app, ["demo", "--out", str(Path(tmp) / "_posts")])
        seconds = time.perf_counter() - start
        if result.exit_code != 0:
            raise SystemExit(result.output)
    return {"reports": 6, "seconds": seconds}


BENCHMARKS = {
    "import": bench_import,
    "rank_one_cold": bench_rank_one_cold,
    "rank_one": bench_rank_one,
    "rank_all": bench_rank_all,
    "demo": bench_demo,
}


def run_child(name: str) -> None:
    result = warm_cache() if name == "warm_cache" else BENCHMARKS[name]()
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        run_child(sys.argv[2])
        return
    names = sys.argv[1:] or list(BENCHMARKS)
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: only the demo benchmark runs without the shared corpus.")
        names = [n for n in names if n == "demo"]
    with tempfile.TemporaryDirectory() as warm:
        _child("warm_cache", warm)
        for name in names:
            runs = []
            for _ in range(RUNS):
                with tempfile.TemporaryDirectory() as cold:
                    runs.append(_child(name, cold if name.endswith("_cold") else warm))
            print(f"{name:>13}: " + ", ".join(_spread(k, [r[k] for r in runs]) for k in runs[0]))


def _spread(key: str, values: list[float]) -> str:
    """``key=median (min–max)`` over the runs."""
    low, mid, high = min(values), statistics.median(values), max(values)
    return f"{key}={mid:,.1f}" + (f" ({low:,.1f}–{high:,.1f})" if high - low >= 0.05 else "")


def _child(name: str, cache_dir: str) -> dict[str, float]:
    """Run one benchmark in a fresh process with its own dictionary cache directory."""
    env = {**os.environ, "THEME_RESEARCH_CACHE_DIR": cache_dir}
    out = subprocess.run(
        [sys.executable, __file__, "--child", name],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    figures: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return figures


if __name__ == "__main__":
    main()
