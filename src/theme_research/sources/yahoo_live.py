"""Yahoo Finance news of the packs' US securities, live, through yfinance.

For each ticker (``[sources] us_symbols``, else every US security of the packs ``[report]
themes`` selects) ``yfinance.Ticker(symbol).get_news(count, tab="news")`` asks Yahoo's
``https://finance.yahoo.com/xhr/ncp?queryRef=latestNews`` for the latest stories (after
fetching the cookie and crumb Yahoo wants) and drops the adverts. Each story is parsed by
``sources/yahoo.py`` and kept, as yfinance delivered it, in ``raw``; a story found for
several tickers is stored once, naming them all in ``extras.searched``. Every call runs
under the hard deadline of ``sources/library.py``.

yfinance is an optional extra (``pip install 'theme-research[yahoo]'``); the feed is
registered only when ``[sources] enabled`` lists ``yahoo`` (``sources/optional.py``).
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from theme_research.sources import yahoo
from theme_research.sources.library import LibraryError, PerSymbolSource


class YahooLive(PerSymbolSource):
    """Yahoo Finance's latest news stories, once per US ticker."""

    name = yahoo.SOURCE
    title = "Yahoo Finance news (yfinance)"
    record_format = yahoo.FORMAT
    library = "yfinance"
    extra = "yahoo"
    upstream_errors = ("yfinance.exceptions.YFRateLimitError",)
    base_url = "https://finance.yahoo.com/xhr/ncp"
    default_page_size = 10
    exchanges = frozenset({"US"})
    symbols_setting = "us_symbols"

    def fetch_symbol(self, symbol: str) -> list[Any]:
        yf = self.module()
        raise_library_errors(yf)
        ticker = yahoo_symbol(symbol)
        what = f"yfinance.Ticker({ticker!r}).get_news()"
        stories = self.call(
            what, lambda: yf.Ticker(ticker).get_news(count=self.page_size, tab="news")
        )
        if not isinstance(stories, list):
            raise LibraryError(self.base_url, f"{what} returned {type(stories).__name__}")
        return stories


def raise_library_errors(yf: ModuleType) -> None:
    """Have yfinance raise on an answer it cannot read, instead of returning no news.

    By default yfinance logs a malformed answer (a block page, cut-off JSON) and returns
    an empty list, which would look like a quiet day. This switch is process-wide; the
    project makes no other yfinance calls.
    """
    config = getattr(yf, "config", None)
    if config is not None:
        config.debug.hide_exceptions = False


def yahoo_symbol(code: str) -> str:
    """The ticker as Yahoo spells it: share classes take a dash (``BRK.B`` → ``BRK-B``)."""
    return code.strip().upper().replace(".", "-")


__all__ = ["YahooLive", "raise_library_errors", "yahoo_symbol"]
