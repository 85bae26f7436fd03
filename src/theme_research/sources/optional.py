"""The live feeds read through an optional library: registered only once enabled.

Unlike the built-in feeds (always in :data:`LIVE_SOURCES`), these need an extra installed
(akshare, yfinance) and are off by default: :func:`register_optional` adds the ones
``[sources] enabled`` names, which ``SourcesSettings.feed_names()`` and ``fetch_sources``
call, so ``sources`` never lists a feed nobody enabled. The names match
``settings.OPTIONAL_FEEDS``.
"""

from __future__ import annotations

from collections.abc import Iterable

from theme_research.sources.akshare_live import EastmoneyStockLive, FutuLive, SinaLive
from theme_research.sources.live import LIVE_SOURCES, LiveSource
from theme_research.sources.yahoo_live import YahooLive

OPTIONAL_SOURCES: dict[str, type[LiveSource]] = {
    source.name: source for source in (SinaLive, FutuLive, EastmoneyStockLive, YahooLive)
}


def register_optional(names: Iterable[str]) -> list[str]:
    """Add the optional feeds among ``names`` to ``LIVE_SOURCES``; return their names.

    Other names are ignored (built-in and RSS feeds are registered elsewhere).

    Example::

        register_optional(["cls", "yahoo"])  # ['yahoo']
    """
    added = []
    for name in names:
        source = OPTIONAL_SOURCES.get(name)
        if source is not None:
            LIVE_SOURCES[name] = source
            added.append(name)
    return added


__all__ = ["OPTIONAL_SOURCES", "register_optional"]
