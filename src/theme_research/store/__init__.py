"""The news store (SQLite by default)."""

from theme_research.store.db import NewsStore, SourceDayCount, UpsertCounts

__all__ = ["NewsStore", "SourceDayCount", "UpsertCounts"]
