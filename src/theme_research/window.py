"""The report window: which stretch of news a day's report covers.

A report for ``day`` ends at ``day`` at the report time (15:30 by default, after the
close) in Asia/Shanghai, and starts at the previous trading day's report time, so a
Monday report covers Friday 15:30 → Monday 15:30, and the first report after a holiday
covers everything since the last trading day before it. ``lookback`` replaces the start
with ``end - lookback``.

Example::

    >>> from datetime import date
    >>> report_window(date(2025, 2, 5)).label()
    '2025-01-27 15:30 → 2025-02-05 15:30 Asia/Shanghai (9d)'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .calendar_cn import DEFAULT_CALENDAR, TradingCalendar
from .models import MARKET_TZ

DEFAULT_AT = time(15, 30)
"""Default report time: after the 15:00 close, once the closing news is out."""

_UNITS = (("d", 86_400), ("h", 3_600), ("m", 60))
_DURATION_RE = re.compile(r"(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?")
_AT_RE = re.compile(r"(\d{1,2}):(\d{2})")


@dataclass(frozen=True, slots=True)
class Window:
    """A half-open span of time ``(start, end]`` in the market's time zone."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("window bounds must be timezone-aware")
        if self.start >= self.end:
            raise ValueError(f"window start {self.start} is not before its end {self.end}")

    @property
    def duration(self) -> timedelta:
        """``end - start``."""
        return self.end - self.start

    def contains(self, moment: datetime) -> bool:
        """Whether ``moment`` falls in ``(start, end]``; a naive time is read as market time.

        An item stamped exactly at ``start`` belongs to the previous report.
        """
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=MARKET_TZ)
        return self.start < moment <= self.end

    def label(self) -> str:
        """For display, e.g. ``2025-02-07 15:30 → 2025-02-10 15:30 Asia/Shanghai (3d)``."""
        start, end = self.start.astimezone(MARKET_TZ), self.end.astimezone(MARKET_TZ)
        span = format_duration(self.duration)
        return f"{start:%Y-%m-%d %H:%M} → {end:%Y-%m-%d %H:%M} {MARKET_TZ.key} ({span})"


def parse_duration(text: str) -> timedelta:
    """Parse ``"24h"``, ``"3d"``, ``"90m"`` or a combination in d-h-m order (``"1d12h"``).

    Raises ValueError with an example of the accepted form.
    """
    match = _DURATION_RE.fullmatch(text.strip().lower())
    if not text.strip() or match is None:
        raise ValueError(
            f"invalid duration {text!r}: use whole numbers with units d, h, m in that "
            "order, e.g. '24h', '3d', '90m' or '1d12h'"
        )
    seconds = sum(int(n) * s for n, (_, s) in zip(match.groups(), _UNITS, strict=True) if n)
    if seconds == 0:
        raise ValueError(f"invalid duration {text!r}: must be longer than zero")
    return timedelta(seconds=seconds)


def format_duration(span: timedelta) -> str:
    """The inverse of ``parse_duration`` for whole minutes: ``timedelta(hours=36)`` → ``1d12h``."""
    remaining = int(span.total_seconds()) // 60 * 60
    parts = []
    for unit, seconds in _UNITS:
        count, remaining = divmod(remaining, seconds)
        if count:
            parts.append(f"{count}{unit}")
    return "".join(parts) or "0m"


def parse_at(text: str) -> time:
    """Parse a 24-hour ``HH:MM`` report time, e.g. ``"15:30"`` or ``"9:00"``."""
    match = _AT_RE.fullmatch(text.strip())
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError(f"invalid time {text!r}: use 24-hour HH:MM, e.g. '15:30'")
    return time(int(match[1]), int(match[2]))


def report_window(
    day: date,
    at: time = DEFAULT_AT,
    lookback: timedelta | None = None,
    calendar: TradingCalendar = DEFAULT_CALENDAR,
) -> Window:
    """The window a report for ``day`` covers.

    Parameters:
        day: the report's date (any day, trading or not).
        at: the report time, market-local; must be naive.
        lookback: if given, the window is the ``lookback`` before the end.
        calendar: trading days used for the default start.

    Example: ``report_window(date(2025, 2, 10))`` covers Friday 2025-02-07 15:30 to
    Monday 2025-02-10 15:30.
    """
    if at.tzinfo is not None:
        raise ValueError("the report time is market-local: pass a naive time")
    end = datetime.combine(day, at, tzinfo=MARKET_TZ)
    if lookback is None:
        start = datetime.combine(calendar.previous_trading_day(day), at, tzinfo=MARKET_TZ)
    elif lookback <= timedelta(0):
        raise ValueError(f"lookback must be positive, got {lookback}")
    else:
        start = end - lookback
    return Window(start, end)
