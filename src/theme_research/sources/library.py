"""Feeds read through a third-party library (akshare, yfinance) rather than our own requests.

Such a library does its own HTTP, with its own headers, retries (or none) and timeouts (or
none: akshare calls ``requests.get`` without one). This module makes its calls behave like
our own feeds:

- :func:`call_with_deadline` gives every call a hard deadline, whatever the library does;
- an exception the library raises becomes a :class:`SourceError` (a connection failure an
  :class:`UpstreamError`, an answer it could not read a :class:`LibraryError`), so
  ``fetch`` records it as the feed's failure and the other feeds still run;
- a library that is not installed is a :class:`MissingExtraError` naming the extra to
  install;
- :class:`LibrarySource` and :class:`PerSymbolSource` are the :class:`LiveSource` bases of
  the adapters (``akshare_live.py``, ``yahoo_live.py``).
"""

from __future__ import annotations

import importlib
import json
import threading
from abc import abstractmethod
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from types import ModuleType
from typing import Any, ClassVar, TypeVar

import httpx

from theme_research.errors import ParseError, ThemeResearchError
from theme_research.models import MARKET_TZ, NewsItem
from theme_research.sources.errors import PayloadError, SourceError, UpstreamError
from theme_research.sources.live import FetchResult, LiveSource, Page
from theme_research.sources.live import _Run as Run  # the paging state LiveSource.fetch keeps
from theme_research.themes import Security, get_pack, load_packs

T = TypeVar("T")
DEFAULT_DEADLINE = 30.0
"""Seconds one library call may take when ``[fetch] library_timeout`` is not read."""


class MissingExtraError(SourceError):
    """The library a feed is read through is not installed."""

    def __init__(self, module: str, extra: str, url: str) -> None:
        super().__init__(
            url,
            f"this feed is read through {module}, which is not installed",
            f"install it with: pip install 'theme-research[{extra}]'",
        )
        self.module = module
        self.extra = extra


class DeadlineExceededError(UpstreamError):
    """A library call that had not returned by its deadline, and was abandoned."""

    def __init__(self, url: str, what: str, seconds: float) -> None:
        super().__init__(
            url,
            f"{what} gave no answer within {seconds:g} s and was abandoned",
            "the feed may be down or very slow; [fetch] library_timeout sets the deadline",
        )
        self.seconds = seconds


class LibraryError(PayloadError):
    """The library failed on the feed's answer (its API changed, or it sent no data)."""


# --- one call -------------------------------------------------------------------------


def call_with_deadline(
    call: Callable[[], T],
    seconds: float,
    *,
    what: str,
    url: str,
    upstream: tuple[type[BaseException], ...] = (),
) -> T:
    """``call()``'s result, or a :class:`SourceError` once ``seconds`` have passed.

    The call runs in a worker thread; this thread waits for it at most ``seconds``.
    ``what`` names the call in messages (``akshare.stock_info_global_sina()``), ``url``
    is the endpoint the library asks. Exceptions are translated by
    :func:`library_error`; ``upstream`` names more exception types that mean "the server
    refused or failed" (a library's rate-limit error).

    Example::

        frame = call_with_deadline(ak.stock_info_global_sina, 30, what="…", url="…")
    """
    values: list[T] = []
    errors: list[Exception] = []
    done = threading.Event()

    def work() -> None:
        try:
            values.append(call())
        except Exception as exc:  # handed to the waiting thread, which raises it
            errors.append(exc)
        finally:
            done.set()

    # A thread cannot be killed. One that misses its deadline is abandoned: it runs on
    # until the library's call returns by itself (when the server finally answers or closes
    # the connection, or at the library's own timeout if it has one) and its result is
    # dropped. It is a daemon thread, so it never keeps the process alive at exit. An
    # adapter stops asking its feed after a missed deadline, so a feed that hangs leaves
    # at most one such thread per fetch. (A subprocess could be killed, but would have to
    # import the library afresh and pickle its answer on every call.)
    worker = threading.Thread(target=work, name=f"theme-research {what}", daemon=True)
    worker.start()
    if not done.wait(seconds):
        raise DeadlineExceededError(url, what, seconds)
    if errors:
        raise library_error(errors[0], what, url, upstream) from errors[0]
    if not values:  # the call ended the thread itself (SystemExit …)
        raise LibraryError(url, f"{what} ended without an answer")
    return values[0]


def library_error(
    exc: Exception, what: str, url: str, upstream: tuple[type[BaseException], ...] = ()
) -> SourceError:
    """The :class:`SourceError` that says what a library's exception means for the feed."""
    if isinstance(exc, SourceError):
        return exc
    described = f"{type(exc).__name__}: {exc}".rstrip(": ")
    # requests' and curl_cffi's errors are OSErrors, but so is their JSONDecodeError, which
    # is also a ValueError: a ValueError is an answer that could not be read.
    if isinstance(exc, upstream) or (isinstance(exc, OSError) and not isinstance(exc, ValueError)):
        return UpstreamError(url, f"{what} failed: {described}", retryable=True)
    return LibraryError(
        url,
        f"{what} could not read the feed's answer ({described})",
        "the feed's API may have changed, or the library is out of date (pip install -U)",
    )


def require(module: str, extra: str, url: str) -> ModuleType:
    """Import an optional library, or raise :class:`MissingExtraError` naming its extra."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(module, extra, url) from exc


def table_rows(frame: Any, what: str, url: str) -> list[dict[str, Any]]:
    """A pandas DataFrame's rows as plain JSON objects (no NaN, no numpy scalars)."""
    to_json = getattr(frame, "to_json", None)
    if not callable(to_json):
        raise LibraryError(url, f"{what} returned {type(frame).__name__}, not a table")
    try:
        rows = json.loads(to_json(orient="records", force_ascii=False, date_format="iso"))
    except (ValueError, TypeError) as exc:
        raise library_error(exc, what, url) from exc
    if not isinstance(rows, list):
        raise LibraryError(url, f"{what} returned a table that is not a list of rows")
    return rows


def library_timeout() -> float:
    """``[fetch] library_timeout`` from ``config.toml``, else :data:`DEFAULT_DEADLINE`."""
    # Imported here: the settings module is the configuration layer above the feeds.
    from theme_research.settings import SettingsError, load_settings

    try:
        return load_settings().fetch.library_timeout
    except SettingsError:  # reported by `fetch` and `daily` before any feed is asked
        return DEFAULT_DEADLINE


# --- the adapters' bases --------------------------------------------------------------


class LibrarySource(LiveSource):
    """A feed read through a library call; ``base_url`` names the endpoint the library asks.

    The library hard-codes its endpoints, so neither ``base_url`` nor its environment
    variable moves the feed (tests route the library's HTTP to a local server instead).
    ``deadline`` (seconds per call) defaults to ``[fetch] library_timeout``.
    """

    library: ClassVar[str]
    """The module to import (``akshare``, ``yfinance``)."""
    extra: ClassVar[str]
    """The ``theme-research[…]`` extra that installs it."""
    upstream_errors: ClassVar[tuple[str, ...]] = ()
    """The library's exception classes (``module.Class``) that mean the server refused."""

    def __init__(self, *, deadline: float | None = None, **options: Any) -> None:
        super().__init__(**options)
        self.base_url = type(self).base_url  # the library's endpoint: nothing moves it
        self.deadline = deadline

    def module(self) -> ModuleType:
        """The library, imported on first use (so a missing one fails only its feeds)."""
        return require(self.library, self.extra, self.base_url)

    def call(self, what: str, call: Callable[[], T]) -> T:
        """``call()`` with this feed's deadline and error translation."""
        seconds = self.deadline if self.deadline is not None else library_timeout()
        upstream = tuple(_named_class(name) for name in self.upstream_errors)
        return call_with_deadline(call, seconds, what=what, url=self.base_url, upstream=upstream)


def _named_class(dotted: str) -> type[BaseException]:
    module, _, name = dotted.rpartition(".")
    found = getattr(importlib.import_module(module), name)
    if not (isinstance(found, type) and issubclass(found, BaseException)):
        raise TypeError(f"{dotted} is not an exception class")
    return found


class PerSymbolSource(LibrarySource):
    """A feed asked once per security: each call returns that security's latest news.

    The securities are ``symbols`` if given, else the configured list (``[sources]
    a_share_symbols`` / ``us_symbols``), else every security of the packs ``[report]
    themes`` selects that trades on one of ``exchanges``. A fetch asks for each in turn
    (``policy.page_delay`` apart), keeps the items published after ``since`` and merges an
    item found for several securities into one, listing them all in ``extras.searched``.

    A security whose answer cannot be read is skipped and reported as a problem; the fetch
    fails only when no security could be read. A deadline missed or a server refusing
    ends the fetch at once: asking it again for the next security would only wait again.
    """

    exchanges: ClassVar[frozenset[str]]
    symbols_setting: ClassVar[str]
    """The ``[sources]`` key listing the securities to ask for."""

    def __init__(self, *, symbols: Sequence[str] | None = None, **options: Any) -> None:
        super().__init__(**options)
        self.symbols = list(symbols) if symbols is not None else None

    @abstractmethod
    def fetch_symbol(self, symbol: str) -> list[Any]:
        """The records the feed returns for one security, newest first."""

    def fetch_page(self, client: httpx.Client, token: str | None) -> Page:
        """The records of the ``token``-th security (the first when None)."""
        symbols = self.symbol_list()
        index = int(token or "0")
        if index >= len(symbols):
            return Page([], None)
        following = str(index + 1) if index + 1 < len(symbols) else None
        return Page(self.fetch_symbol(symbols[index]), following)

    def symbol_list(self) -> list[str]:
        """The securities to ask for, in order (core securities of the packs first)."""
        if self.symbols is not None:
            return self.symbols
        return configured_symbols(self.symbols_setting, self.exchanges, self.base_url)

    def fetch(self, client: httpx.Client, since: datetime, cursor: str | None) -> FetchResult:
        """Ask for every security's news; keep what was published after ``since``."""
        since = since if since.tzinfo else since.replace(tzinfo=MARKET_TZ)
        self.module()  # a missing library fails here, once, not once per security
        symbols = self.symbol_list()
        if not symbols:
            raise SourceError(
                self.base_url,
                f"no securities to ask {self.name} about",
                f"list them in [sources] {self.symbols_setting}, or select theme packs "
                "that have some in [report] themes",
            )
        run = Run(since=since, stopped="end" if len(symbols) <= self.max_pages else "max_pages")
        found: dict[str, NewsItem] = {}
        unreadable: list[SourceError] = []
        for number, symbol in enumerate(symbols[: self.max_pages], start=1):
            if run.pages and self.policy.page_delay:
                self.sleep(self.policy.page_delay)
            run.pages += 1
            try:
                records = self.fetch_symbol(symbol)
            except PayloadError as exc:  # this security's answer only; the next may be fine
                unreadable.append(exc)
                run.problems.append(
                    ParseError(f"{self.name} {symbol}", number, str(exc), self.record_format.name)
                )
                continue
            self._collect(records, symbol, found, run)
        if unreadable and len(unreadable) == run.pages:
            raise unreadable[0]
        run.items = [item for item in found.values() if item.published_at > since]
        return self._result(run, cursor)

    def _collect(
        self, records: list[Any], symbol: str, found: dict[str, NewsItem], run: Run
    ) -> None:
        where = f"{self.name} {symbol}"
        for number, record in enumerate(records, start=1):
            parsed = self.parse_record(record, where, number)
            if isinstance(parsed, ParseError):
                run.problems.append(parsed)
                continue
            earlier = found.get(parsed.key)
            searched = [*(earlier.extras.get("searched", []) if earlier else []), symbol]
            kept = earlier or parsed
            extras = {**kept.extras, "searched": list(dict.fromkeys(searched))}
            found[parsed.key] = replace(kept, extras=extras)


def configured_symbols(setting: str, exchanges: Collection[str], url: str) -> list[str]:
    """``[sources] <setting>`` if it lists any, else the selected packs' securities."""
    # Imported here: the settings module is the configuration layer above the feeds.
    from theme_research.settings import load_settings

    try:
        settings = load_settings()
        listed: tuple[str, ...] = getattr(settings.sources, setting)
        if listed:
            return list(dict.fromkeys(listed))
        packs = load_packs()
        themes = settings.report.themes
        chosen = [get_pack(name, packs) for name in themes] if themes else list(packs.values())
    except ThemeResearchError as exc:
        raise SourceError(url, f"cannot choose the securities to ask about: {exc}") from exc
    return pack_symbols((pack.all_securities() for pack in chosen), exchanges)


def pack_symbols(securities: Iterable[Iterable[Security]], exchanges: Collection[str]) -> list[str]:
    """The codes of the securities on ``exchanges``, core ones first, each once."""
    listed = [s for group in securities for s in group if s.exchange in exchanges]
    ordered = sorted(listed, key=lambda security: not security.core)  # stable: file order
    return list(dict.fromkeys(security.code for security in ordered))


__all__ = [
    "DEFAULT_DEADLINE",
    "DeadlineExceededError",
    "LibraryError",
    "LibrarySource",
    "MissingExtraError",
    "PerSymbolSource",
    "call_with_deadline",
    "configured_symbols",
    "library_error",
    "library_timeout",
    "pack_symbols",
    "require",
    "table_rows",
]
