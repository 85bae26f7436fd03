"""theme-research: daily China-market theme research reports from real news feeds."""

from theme_research.importer import ImportReport, import_paths
from theme_research.models import MARKET_TZ, NewsItem
from theme_research.store import NewsStore

__all__ = ["MARKET_TZ", "ImportReport", "NewsItem", "NewsStore", "import_paths"]
