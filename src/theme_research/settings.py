"""The configuration file: ``config.toml`` in the config directory.

Four tables, every key optional (the defaults below apply when the file or a key is
absent)::

    [sources]
    enabled = ["cls", "eastmoney", "ths", "readhub"]   # built-in live feeds to fetch
    since = "24h"                                      # how far back a fetch looks
    a_share_symbols = []    # akshare:eastmoney-stock; empty: the packs' A-share codes
    us_symbols = []         # yahoo; empty: the packs' US tickers

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

    [fetch]
    contact = ""            # e-mail or http(s) URL added to the User-Agent
    library_timeout = 30.0  # seconds one akshare/yfinance call may take

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
OPTIONAL_FEEDS = ("akshare:sina", "akshare:futu", "akshare:eastmoney-stock", "yahoo")
"""Feeds read through an optional library (``sources/optional.py``): off unless enabled."""
_FEED_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_A_SHARE_CODE = re.compile(r"\d{6}")
_US_TICKER = re.compile(r"[A-Z][A-Z0-9.-]{0,9}")
_EMAIL = re.compile(r"(?:mailto:)?[^@\s()<>;,\"]+@[^@\s()<>;,\"]+\.[^@\s()<>;,\"]+")
_WEB_ADDRESS = re.compile(r"https?://[^\s()<>;,\"]+")


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
    a_share_symbols: tuple[str, ...] = ()
    """The codes ``akshare:eastmoney-stock`` searches; empty: the packs' SH/SZ/BJ codes."""
    us_symbols: tuple[str, ...] = ()
    """The tickers ``yahoo`` asks for; empty: the packs' US tickers."""
    rss: tuple[RssFeed, ...] = ()

    @field_validator("enabled")
    @classmethod
    def _enabled(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [name for name in value if name not in (*BUILTIN_FEEDS, *OPTIONAL_FEEDS)]
        if unknown:
            known = ", ".join(BUILTIN_FEEDS)
            optional = ", ".join(OPTIONAL_FEEDS)
            raise ValueError(
                f"unknown feed {', '.join(map(repr, unknown))}; built-in feeds: {known}; "
                f"optional feeds: {optional} (RSS feeds go into [[sources.rss]])"
            )
        return value

    @field_validator("a_share_symbols")
    @classmethod
    def _a_share_symbols(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        wrong = [code for code in value if not _A_SHARE_CODE.fullmatch(code)]
        if wrong:
            raise ValueError(f"not 6-digit A-share codes: {', '.join(map(repr, wrong))}")
        return value

    @field_validator("us_symbols")
    @classmethod
    def _us_symbols(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        upper = tuple(ticker.strip().upper() for ticker in value)
        wrong = [ticker for ticker in upper if not _US_TICKER.fullmatch(ticker)]
        if wrong:
            raise ValueError(f"not US tickers (e.g. 'NVDA'): {', '.join(map(repr, wrong))}")
        return upper

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
        """Every feed to fetch: the enabled feeds, then each RSS feed's ``rss:<name>``.

        The optional feeds among them are registered by whoever fetches or lists them
        (``sources.optional.register_optional``), not here.
        """
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


class FetchSettings(_Strict):
    """How the project introduces itself to the feeds, and how long a library call may take."""

    contact: str = ""
    """An e-mail address or http(s) URL, added to the User-Agent as ``(+mailto:…)``/``(+…)``."""
    library_timeout: float = Field(default=30.0, gt=0, le=600)
    """Seconds one akshare or yfinance call may take before it is abandoned."""

    @field_validator("contact")
    @classmethod
    def _contact(cls, value: str) -> str:
        value = value.strip()
        if value and not (_EMAIL.fullmatch(value) or _WEB_ADDRESS.fullmatch(value)):
            raise ValueError(
                "must be an e-mail address (you@example.org) or an http(s):// URL, "
                "with no spaces, brackets or quotes (it goes into the User-Agent header)"
            )
        return value


class Settings(_Strict):
    """The whole configuration file."""

    sources: SourcesSettings = Field(default_factory=SourcesSettings)
    report: ReportSettings = Field(default_factory=ReportSettings)
    llm: LlmSettings = Field(default_factory=LlmSettings)
    fetch: FetchSettings = Field(default_factory=FetchSettings)


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
    for table in ("report", "llm", "fetch"):
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
# Optional feeds, off until listed here, each needing an extra (docs/live-sources.md):
#   akshare:sina, akshare:futu, akshare:eastmoney-stock  pip install 'theme-research[akshare]'
#   yahoo (English news of the packs' US names)          pip install 'theme-research[yahoo]'
enabled = ["cls", "eastmoney", "ths", "readhub"]
# How far back a fetch looks (a feed's stored cursor may stop it sooner): 24h, 3d, 1d12h.
since = "24h"
# A-share codes akshare:eastmoney-stock searches; empty: every SH/SZ/BJ security of the
# packs [report] themes selects.
a_share_symbols = []
# US tickers yahoo asks for; empty: every US security of those packs.
us_symbols = []

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

[fetch]
# How the feeds can reach whoever runs the fetch: an e-mail address or an http(s) URL,
# sent in the User-Agent as "theme-research/<version> (+mailto:you@example.org)".
contact = ""
# Seconds one akshare or yfinance call may take before it is abandoned (they have no
# timeout of their own).
library_timeout = 30.0
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
    "OPTIONAL_FEEDS",
    "ConfigExistsError",
    "FetchSettings",
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
