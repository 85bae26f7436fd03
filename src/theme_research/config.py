"""Where things live: data and config directories, with environment overrides."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "theme-research"
ENV_DB = "THEME_RESEARCH_DB"
ENV_HOME = "THEME_RESEARCH_HOME"
ENV_CONFIG = "THEME_RESEARCH_CONFIG_DIR"
ENV_CACHE = "THEME_RESEARCH_CACHE_DIR"


def data_dir() -> Path:
    """The user's data directory (``$THEME_RESEARCH_HOME`` overrides it)."""
    home = os.environ.get(ENV_HOME)
    return Path(home) if home else Path(platformdirs.user_data_dir(APP_NAME))


def config_dir() -> Path:
    """The user's config directory (``$THEME_RESEARCH_CONFIG_DIR`` overrides it)."""
    explicit = os.environ.get(ENV_CONFIG)
    if explicit:
        return Path(explicit)
    home = os.environ.get(ENV_HOME)
    return Path(home) / "config" if home else Path(platformdirs.user_config_dir(APP_NAME))


def cache_dir() -> Path:
    """Where rebuildable files live (the segmentation dictionary):
    ``$THEME_RESEARCH_CACHE_DIR``, else ``$THEME_RESEARCH_HOME/cache``, else the user's
    cache directory."""
    explicit = os.environ.get(ENV_CACHE)
    if explicit:
        return Path(explicit)
    home = os.environ.get(ENV_HOME)
    return Path(home) / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME))


def default_db_path() -> Path:
    """The store's path: ``--db`` beats ``$THEME_RESEARCH_DB`` beats the data directory."""
    explicit = os.environ.get(ENV_DB)
    return Path(explicit) if explicit else data_dir() / "news.db"
