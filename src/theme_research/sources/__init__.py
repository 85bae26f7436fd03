"""Record formats of the feeds, tried in this order when a file's format is sniffed."""

from __future__ import annotations

from theme_research.sources import (
    cls,
    eastmoney,
    eastmoney_stock,
    english,
    futu,
    neutral,
    readhub,
    sina,
    ths,
    yahoo,
)
from theme_research.sources.base import Record, RecordFormat

# The neutral format comes first: a user's file that names its own fields wins over a
# feed's archive layout. Feed formats follow, most specific sniff first.
RECORD_FORMATS: tuple[RecordFormat, ...] = (
    neutral.FORMAT,
    cls.FORMAT,
    eastmoney.FORMAT,
    ths.FORMAT,
    readhub.FORMAT,
    english.FORMAT,
    sina.FORMAT,
    futu.FORMAT,
    eastmoney_stock.FORMAT,
    yahoo.FORMAT,
)
KNOWN_FORMATS = [f.name for f in RECORD_FORMATS] + ["neutral CSV", "trendradar news.db"]


def sniff_record(record: Record) -> RecordFormat | None:
    """The first format whose sniff accepts ``record``."""
    return next((f for f in RECORD_FORMATS if f.sniff(record)), None)


__all__ = ["KNOWN_FORMATS", "RECORD_FORMATS", "RecordFormat", "sniff_record"]
