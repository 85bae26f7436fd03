"""akshare's news functions as live feeds, where they add what our own adapters lack.

- ``akshare:sina``: ``stock_info_global_sina()`` asks zhibo.sina.com.cn/api/zhibo/feed
  for 新浪财经 7x24, the 20 latest flashes;
- ``akshare:futu``: ``stock_info_global_futu()`` asks news.futunn.com's flash list for
  富途 快讯 (much of it on the HK and US markets), the 50 latest;
- ``akshare:eastmoney-stock``: ``stock_news_em(code)`` asks Eastmoney's article search
  (search-api-web.eastmoney.com/search/jsonp) once per A-share code, 10 articles each.

``stock_info_global_em``, ``_ths`` and ``_cls`` read the feeds our own ``eastmoney``,
``ths`` and ``cls`` adapters already page through, so they are not used. akshare has no
paging here: each call returns its feed's latest items, so a fetch is one call (one per
security for ``akshare:eastmoney-stock``), run under the hard deadline of
``sources/library.py`` since akshare sets no timeout. Each DataFrame row is parsed by its
format's one parser (``sources/sina.py``, ``futu.py``, ``eastmoney_stock.py``) and kept,
as akshare delivered it, in ``raw``.

akshare is an optional extra (``pip install 'theme-research[akshare]'``); these feeds are
registered only when ``[sources] enabled`` lists them (``sources/optional.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, ClassVar

import httpx

from theme_research.sources import eastmoney_stock, futu, sina
from theme_research.sources.library import LibraryError, LibrarySource, PerSymbolSource, table_rows
from theme_research.sources.live import Page

EXTRA = "akshare"


class AkshareSource(LibrarySource):
    """A feed read with one akshare function that takes no argument; one call, one page."""

    library = "akshare"
    extra = EXTRA
    function: ClassVar[str]
    """The akshare function's name."""

    def fetch_page(self, client: httpx.Client, token: str | None) -> Page:
        what = f"akshare.{self.function}()"
        frame = self.call(what, akshare_function(self, self.function))
        return Page(table_rows(frame, what, self.base_url), None)


def akshare_function(source: LibrarySource, name: str) -> Callable[..., Any]:
    """The akshare function ``name``; a :class:`LibraryError` if this akshare has none."""
    function: Callable[..., Any] | None = getattr(source.module(), name, None)
    if function is None or not callable(function):
        raise LibraryError(
            source.base_url,
            f"the installed akshare has no function {name}",
            "install a version this project supports: pip install -U 'theme-research[akshare]'",
        )
    return function


class SinaLive(AkshareSource):
    """新浪财经 7x24 (zhibo 152), the 20 latest flashes."""

    name = sina.SOURCE
    title = "新浪财经 7x24 (akshare)"
    record_format = sina.FORMAT
    function = "stock_info_global_sina"
    base_url = "https://zhibo.sina.com.cn/api/zhibo/feed"


class FutuLive(AkshareSource):
    """富途牛牛 快讯, the 50 latest flashes."""

    name = futu.SOURCE
    title = "富途快讯 (akshare)"
    record_format = futu.FORMAT
    function = "stock_info_global_futu"
    base_url = "https://news.futunn.com/news-site-api/main/get-flash-list"

    def normalise(self, record: dict[str, Any]) -> dict[str, Any]:
        """Give ``发布时间`` the zone akshare wrote it in: this machine's.

        akshare turns the feed's epoch seconds into text with ``datetime.fromtimestamp``,
        the local clock of whatever machine runs it (UTC on most servers), not Beijing
        time; ``astimezone()`` reads a naive time back in that same local zone. (In the
        hour a local clock repeats when summer time ends, the first reading is taken.)
        """
        text = record.get("发布时间")
        if not isinstance(text, str):
            return record
        try:
            written = datetime.fromisoformat(text.strip())
        except ValueError:
            return record  # the parser says what is wrong with it
        if written.tzinfo is not None:
            return record
        return {**record, "发布时间": written.astimezone().isoformat()}


class EastmoneyStockLive(PerSymbolSource):
    """东方财富 article search, once per A-share code: the 10 latest articles naming it."""

    name = eastmoney_stock.SOURCE
    title = "东方财富个股新闻 (akshare)"
    record_format = eastmoney_stock.FORMAT
    library = "akshare"
    extra = EXTRA
    base_url = "https://search-api-web.eastmoney.com/search/jsonp"
    exchanges = frozenset({"SH", "SZ", "BJ"})
    symbols_setting = "a_share_symbols"

    def fetch_symbol(self, symbol: str) -> list[Any]:
        what = f"akshare.stock_news_em({symbol!r})"
        function = akshare_function(self, "stock_news_em")
        frame = self.call(what, lambda: function(symbol=symbol))
        return table_rows(frame, what, self.base_url)


__all__ = ["AkshareSource", "EastmoneyStockLive", "FutuLive", "SinaLive", "akshare_function"]
