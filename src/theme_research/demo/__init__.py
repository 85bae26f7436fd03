"""The bundled demo day: invented news in the feeds' real shapes (see README.md here)."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

from theme_research.window import Window, report_window

DEMO_DAY = date(2026, 3, 18)


def demo_dir() -> Path:
    return Path(str(resources.files("theme_research") / "demo"))


def demo_files() -> list[Path]:
    """The demo day's feed files (CLS, Eastmoney, THS, Readhub)."""
    return sorted(p for p in demo_dir().iterdir() if p.suffix in {".jsonl", ".json"})


def demo_window() -> Window:
    """The demo report's window: the previous trading day 15:30 → 2026-03-18 15:30."""
    return report_window(DEMO_DAY)
