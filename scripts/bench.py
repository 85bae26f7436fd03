"""Benchmarks (not timed tests): run with `make bench`; figures go in the README.

Each benchmark runs in a fresh child process so its peak RSS is its own.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def bench_import() -> dict[str, float]:
    from theme_research.importer import import_paths
    from theme_research.store import NewsStore

    with tempfile.TemporaryDirectory() as tmp, NewsStore(Path(tmp) / "bench.db") as store:
        start = time.perf_counter()
        report = import_paths([CORPUS], store)
        seconds = time.perf_counter() - start
    return {"items": report.imported, "seconds": seconds, "items_per_s": report.imported / seconds}


BENCHMARKS = {"import": bench_import}


def run_child(name: str) -> None:
    result = BENCHMARKS[name]()
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        run_child(sys.argv[2])
        return
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is absent: the benchmarks read the shared corpus beside the checkout.")
    for name in sys.argv[1:] or list(BENCHMARKS):
        out = subprocess.run(
            [sys.executable, __file__, "--child", name], capture_output=True, text=True, check=True
        )
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{name:>10}: " + ", ".join(f"{k}={v:,.1f}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
