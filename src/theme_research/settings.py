"""The configuration file: ``config.toml`` in the config directory.

Three tables, every key optional (the defaults below apply when the file or a key is
absent)::

    [sources]
    enabled = ["cls", "eastmoney", "ths", "readhub"]   # built-in live feeds to fetch
    since = "24h"                                      # how far back a fetch looks

    [[sources.rss]]                                    # any number of RSS/Atom feeds
    name = "example"                                   # stored as source "rss:example"
    url = "https://example.com/feed.xml"
    language = "zh"

    [report]
    themes = []             # names, slugs or aliases; empty: every theme pack
    at = "15:30"            # report time, Asia/Shanghai
    out = "site/_posts"
    expected_feeds = ["cls", "eastmoney", "ths"]       # named as missing when absent

    [llm]                   # the LLM writer (report --engine llm)
    provider = ""
    model = ""
    base_url = ""
    api_key_env = ""        # the NAME of the environment variable holding the key

The API key itself is never read from or written to this file.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from theme_research.config import config_dir
from theme_research.errors import ThemeResearchError
from theme_research.window import parse_at, parse_duration

CONFIG_FILE = "config.toml"
BUILTIN_FEEDS = ("cls", "eastmoney", "ths", "readhub")
_FEED_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class SettingsError(ThemeResearchError):
    """The configuration file cannot be read, or a field in it is wrong."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RssFeed(_Strict):
    """One RSS or Atom feed to fetch."""

    name: str
    url: str
    language: str = "zh"

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not _FEED_NAME.fullmatch(value):
            raise ValueError("use lower-case letters, digits, '-' and '_' (e.g. 'ft-china')")
        return value

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @property
    def source(self) -> str:
        """The name its items are stored under: ``rss:<name>``."""
        return f"rss:{self.name}"


class SourcesSettings(_Strict):
    enabled: tuple[str, ...] = BUILTIN_FEEDS
    since: str = "24h"
    rss: tuple[RssFeed, ...] = ()

    @field_validator("enabled")
    @classmethod
    def _enabled(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [name for name in value if name not in BUILTIN_FEEDS]
        if unknown:
            known = ", ".join(BUILTIN_FEEDS)
            raise ValueError(
                f"unknown feed {', '.join(map(repr, unknown))}; built-in feeds: {known} "
                "(RSS feeds go into [[sources.rss]])"
            )
        return value

    @field_validator("since")
    @classmethod
    def _since(cls, value: str) -> str:
        parse_duration(value)
        return value

    @model_validator(mode="after")
    def _unique_rss(self) -> SourcesSettings:
        names = [feed.name for feed in self.rss]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise ValueError(f"RSS feed name(s) used twice: {', '.join(repeated)}")
        return self

    def feed_names(self) -> list[str]:
        """Every feed to fetch: the enabled built-ins, then each RSS feed's ``rss:<name>``."""
        return [*self.enabled, *(feed.source for feed in self.rss)]


class ReportSettings(_Strict):
    themes: tuple[str, ...] = ()
    at: str = "15:30"
    out: Path = Path("site/_posts")
    expected_feeds: tuple[str, ...] = ("cls", "eastmoney", "ths")

    @field_validator("at")
    @classmethod
    def _at(cls, value: str) -> str:
        parse_at(value)
        return value


class LlmSettings(_Strict):
    """The LLM writer's defaults (``report --engine llm``). The key stays in the environment."""

    provider: str = ""
    model: str = ""
    base_url: str = ""
    api_key_env: str = ""
    relevance_check: bool = False
    """Before writing, one call re-judges the top candidate events for the theme."""

    @model_validator(mode="before")
    @classmethod
    def _no_key_here(cls, data: Any) -> Any:
        if isinstance(data, dict) and {"api_key", "key"} & data.keys():
            raise ValueError(
                "an API key does not belong in the config file: put it in an environment "
                "variable and name that variable in api_key_env (e.g. api_key_env = "
                '"DEEPSEEK_API_KEY")'
            )
        return data

    @field_validator("api_key_env")
    @classmethod
    def _env_name(cls, value: str) -> str:
        if value and not _ENV_NAME.fullmatch(value):
            raise ValueError("must be an environment variable's name, e.g. 'DEEPSEEK_API_KEY'")
        return value


class Settings(_Strict):
    """The whole configuration file."""

    sources: SourcesSettings = Field(default_factory=SourcesSettings)
    report: ReportSettings = Field(default_factory=ReportSettings)
    llm: LlmSettings = Field(default_factory=LlmSettings)


def settings_path() -> Path:
    """``config.toml`` in the config directory (``$THEME_RESEARCH_CONFIG_DIR`` moves it)."""
    return config_dir() / CONFIG_FILE


def load_settings(path: Path | None = None) -> Settings:
    """The settings in ``path`` (default :func:`settings_path`); defaults if it is absent.

    Raises :class:`SettingsError` naming the file and the field that is wrong.

    Example::

        settings = load_settings()
        settings.report.themes or "every theme"
    """
    path = path or settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot be read ({exc})") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from exc
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        raise SettingsError(f"{path}: " + "; ".join(_problems(exc))) from exc


def _problems(exc: ValidationError) -> list[str]:
    problems = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"]) or "(top level)"
        message = str(error["msg"]).removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown key (see `theme-research config init` for the known keys)"
        problems.append(f"{where}: {message}")
    return problems


# --- writing TOML (tomllib only reads) -----------------------------------------------------


def to_toml(settings: Settings) -> str:
    """The settings as TOML text, every key written out (the API key never exists here)."""
    data = settings.model_dump(mode="json")
    rss = data["sources"].pop("rss")
    lines = ["[sources]", *_pairs(data["sources"])]
    for feed in rss:
        lines += ["", "[[sources.rss]]", *_pairs(feed)]
    for table in ("report", "llm"):
        lines += ["", f"[{table}]", *_pairs(data[table])]
    return "\n".join(lines) + "\n"


def _pairs(table: dict[str, Any]) -> list[str]:
    return [f"{key} = {_value(value)}" for key, value in table.items()]


def _value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a TOML basic string


DEFAULT_FILE = """\
# theme-research configuration. Every key is optional; the values shown are the defaults.
# `theme-research config show` prints the settings in effect.

[sources]
# Built-in live feeds that `fetch` and `daily` read: cls, eastmoney, ths, readhub.
enabled = ["cls", "eastmoney", "ths", "readhub"]
# How far back a fetch looks (a feed's stored cursor may stop it sooner): 24h, 3d, 1d12h.
since = "24h"

# RSS or Atom feeds, one [[sources.rss]] table each; items are stored as "rss:<name>".
# [[sources.rss]]
# name = "example"
# url = "https://example.com/feed.xml"
# language = "zh"

[report]
# Themes to report on (name, slug or alias); empty means every theme pack.
themes = []
# Report time, HH:MM Asia/Shanghai; the window ends here.
at = "15:30"
# Where posts and their JSON twins go (a Jekyll site's _posts).
out = "site/_posts"
# Feeds a report expects; one with no items in the window is named as missing.
expected_feeds = ["cls", "eastmoney", "ths"]

[llm]
# The LLM writer (report --engine llm); command-line options override these.
provider = ""
model = ""
base_url = ""
# The NAME of the environment variable that holds the API key. Never put the key here.
api_key_env = ""
# Before writing, one call re-judges the top 30 candidate events for the theme and drops
# those it finds not relevant (recorded in the JSON twin).
relevance_check = false
"""


class ConfigExistsError(SettingsError):
    """``config init`` would overwrite an existing file."""


def write_default(path: Path | None = None, *, force: bool = False) -> Path:
    """Write the commented default file; refuse to overwrite one unless ``force``."""
    path = path or settings_path()
    if path.exists() and not force:
        raise ConfigExistsError(f"{path} already exists; pass --force to overwrite it")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(DEFAULT_FILE, encoding="utf-8")
    return path


__all__ = [
    "BUILTIN_FEEDS",
    "CONFIG_FILE",
    "DEFAULT_FILE",
    "ConfigExistsError",
    "LlmSettings",
    "ReportSettings",
    "RssFeed",
    "Settings",
    "SettingsError",
    "SourcesSettings",
    "load_settings",
    "settings_path",
    "to_toml",
    "write_default",
]
