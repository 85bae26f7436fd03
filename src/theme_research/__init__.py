"""theme-research: daily China-market theme research reports from real news feeds.

The public API; the CLI is a thin layer over these::

    from theme_research import NewsStore, build_reports, load_packs, save_report, window_for
"""

from theme_research.importer import ImportReport, import_paths
from theme_research.models import MARKET_TZ, NewsItem
from theme_research.pipeline import (
    analyze_window,
    build_reports,
    rank_theme,
    save_report,
    verify_post,
    window_for,
)
from theme_research.report import Report
from theme_research.store import NewsStore
from theme_research.themes import ThemePack, get_pack, load_packs

__all__ = [
    "MARKET_TZ",
    "ImportReport",
    "NewsItem",
    "NewsStore",
    "Report",
    "ThemePack",
    "analyze_window",
    "build_reports",
    "get_pack",
    "import_paths",
    "load_packs",
    "rank_theme",
    "save_report",
    "verify_post",
    "window_for",
]
