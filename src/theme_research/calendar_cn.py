"""The Shanghai/Shenzhen exchanges' trading calendar.

Weekends are always closed: the makeup working weekends (调休) of the State Council's
holiday schedule are working days for offices but *not* trading days. Holidays below
are the closure ranges of the exchanges' annual notices (关于 XXXX 年部分节假日休市安排的
通知); ranges may include weekend days, exactly as the notices print them. Outside
``COVERED_YEARS`` the calendar falls back to weekdays-only.

Example::

    >>> from datetime import date
    >>> is_trading_day(date(2025, 1, 28))  # 春节
    False
    >>> previous_trading_day(date(2025, 2, 5))
    datetime.date(2025, 1, 27)
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from .errors import ParseError

_ONE_DAY = timedelta(days=1)
_MAX_SEARCH_DAYS = 366
CSV_CLOSED_NAME = "休市"
"""Name given to a weekday a calendar CSV marks closed but no built-in holiday names."""


@dataclass(frozen=True, slots=True)
class Holiday:
    """One closure of the exchanges: ``start`` to ``end`` inclusive."""

    name: str
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"holiday {self.name}: end {self.end} is before start {self.start}")

    def days(self) -> Iterator[date]:
        """Every calendar day of the closure, weekends included."""
        day = self.start
        while day <= self.end:
            yield day
            day += _ONE_DAY


HOLIDAYS: tuple[Holiday, ...] = (
    # 2024 — SSE/SZSE notice of 2023-12-26 (除夕 2月9日 closed although not a public holiday).
    Holiday("元旦", date(2023, 12, 30), date(2024, 1, 1)),
    Holiday("春节", date(2024, 2, 9), date(2024, 2, 17)),
    Holiday("清明节", date(2024, 4, 4), date(2024, 4, 6)),
    Holiday("劳动节", date(2024, 5, 1), date(2024, 5, 5)),
    Holiday("端午节", date(2024, 6, 10), date(2024, 6, 10)),
    Holiday("中秋节", date(2024, 9, 15), date(2024, 9, 17)),
    Holiday("国庆节", date(2024, 10, 1), date(2024, 10, 7)),
    # 2025 — the exchanges' notice for 2025; 中秋 (10月6日) falls inside the National Day closure.
    Holiday("元旦", date(2025, 1, 1), date(2025, 1, 1)),
    Holiday("春节", date(2025, 1, 28), date(2025, 2, 4)),
    Holiday("清明节", date(2025, 4, 4), date(2025, 4, 6)),
    Holiday("劳动节", date(2025, 5, 1), date(2025, 5, 5)),
    Holiday("端午节", date(2025, 5, 31), date(2025, 6, 2)),
    Holiday("国庆节、中秋节", date(2025, 10, 1), date(2025, 10, 8)),
    # 2026 — notice of 2025-12-22: a 9-day Spring Festival and a separate 中秋 closure.
    Holiday("元旦", date(2026, 1, 1), date(2026, 1, 3)),
    Holiday("春节", date(2026, 2, 15), date(2026, 2, 23)),
    Holiday("清明节", date(2026, 4, 4), date(2026, 4, 6)),
    Holiday("劳动节", date(2026, 5, 1), date(2026, 5, 5)),
    Holiday("端午节", date(2026, 6, 19), date(2026, 6, 21)),
    Holiday("中秋节", date(2026, 9, 25), date(2026, 9, 27)),
    Holiday("国庆节", date(2026, 10, 1), date(2026, 10, 7)),
)
"""The exchanges' holiday closures, by hand from their official notices."""

COVERED_YEARS: frozenset[int] = frozenset({2024, 2025, 2026})
"""Years whose holidays are known; other years are treated as weekdays-only."""


class TradingCalendar:
    """Which days the exchanges trade: weekdays, minus holidays, plus explicit openings.

    ``opened`` lists days that trade although the weekday rule says otherwise (only a
    calendar CSV sets it). A day both closed and opened counts as closed.
    """

    def __init__(
        self,
        holidays: Iterable[Holiday] = (),
        covered_years: Iterable[int] = (),
        opened: Iterable[date] = (),
    ) -> None:
        self._closed: dict[date, str] = {d: h.name for h in holidays for d in h.days()}
        self._opened = frozenset(opened)
        self.covered_years = frozenset(covered_years)

    def covers(self, day: date) -> bool:
        """Whether ``day``'s year has a known holiday list (else weekdays-only is a guess)."""
        return day.year in self.covered_years

    def holiday_name(self, day: date) -> str | None:
        """The closure ``day`` belongs to (``"春节"`` …), or None."""
        return self._closed.get(day)

    def is_trading_day(self, day: date) -> bool:
        """Whether the exchanges are open on ``day``."""
        if day in self._closed:
            return False
        return day in self._opened or day.weekday() < 5

    def previous_trading_day(self, day: date) -> date:
        """The last trading day strictly before ``day``."""
        return self._step(day, -_ONE_DAY)

    def next_trading_day(self, day: date) -> date:
        """The first trading day strictly after ``day``."""
        return self._step(day, _ONE_DAY)

    def trading_days(self, start: date, end: date) -> list[date]:
        """Trading days from ``start`` to ``end``, both inclusive (empty if start > end)."""
        days = (start + timedelta(days=i) for i in range((end - start).days + 1))
        return [d for d in days if self.is_trading_day(d)]

    def override(self, statuses: Mapping[date, bool]) -> TradingCalendar:
        """A copy in which each listed day is open (True) or closed (False).

        Example: ``DEFAULT_CALENDAR.override({date(2027, 2, 8): False})``.
        """
        closed = {d: n for d, n in self._closed.items() if d not in statuses}
        opened = {d for d in self._opened if d not in statuses}
        for day, is_open in statuses.items():
            if is_open:
                opened.add(day)
            elif day.weekday() < 5 or day in self._closed:
                closed[day] = self._closed.get(day, CSV_CLOSED_NAME)
        holidays = (Holiday(name, d, d) for d, name in closed.items())
        return TradingCalendar(holidays, self.covered_years | {d.year for d in statuses}, opened)

    def _step(self, day: date, step: timedelta) -> date:
        for _ in range(_MAX_SEARCH_DAYS):
            day += step
            if self.is_trading_day(day):
                return day
        raise ValueError(f"no trading day within {_MAX_SEARCH_DAYS} days of {day}")


DEFAULT_CALENDAR = TradingCalendar(HOLIDAYS, COVERED_YEARS)
"""The built-in calendar: ``HOLIDAYS`` over ``COVERED_YEARS``."""


def is_trading_day(day: date) -> bool:
    """Whether the exchanges are open on ``day`` (built-in calendar)."""
    return DEFAULT_CALENDAR.is_trading_day(day)


def previous_trading_day(day: date) -> date:
    """The last trading day strictly before ``day`` (built-in calendar)."""
    return DEFAULT_CALENDAR.previous_trading_day(day)


def next_trading_day(day: date) -> date:
    """The first trading day strictly after ``day`` (built-in calendar)."""
    return DEFAULT_CALENDAR.next_trading_day(day)


def trading_days(start: date, end: date) -> list[date]:
    """Trading days from ``start`` to ``end`` inclusive (built-in calendar)."""
    return DEFAULT_CALENDAR.trading_days(start, end)


_CSV_COLUMNS = ("trade_date", "trade_status")


def load_calendar_csv(path: Path | str, base: TradingCalendar | None = None) -> TradingCalendar:
    """A calendar from a CSV of ``trade_date,trade_status[,day_week]`` rows.

    ``trade_status`` is 1 for open, 0 for closed; ``day_week`` (if given) counts Sunday
    as 1, as the exchanges' data does, and is checked against the date. Listed days
    override ``base`` (default: weekdays-only); unlisted days keep ``base``'s answer.

    Example: ``load_calendar_csv("cn_trading_days_2027.csv", base=DEFAULT_CALENDAR)``.

    Raises ``ParseError`` naming the first bad line.
    """
    return (base or TradingCalendar()).override(_read_statuses(Path(path)))


def _read_statuses(path: Path) -> dict[date, bool]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in _CSV_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ParseError(path, 1, f"missing column(s) {', '.join(missing)}")
        statuses = {}
        for row in reader:
            day, is_open = _parse_row(path, reader.line_num, row)
            statuses[day] = is_open
    if not statuses:
        raise ParseError(path, 1, "no calendar rows")
    return statuses


def _parse_row(path: Path, line: int, row: dict[str, str | None]) -> tuple[date, bool]:
    text = (row.get("trade_date") or "").strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ParseError(path, line, f"bad trade_date {text!r}") from None
    status = (row.get("trade_status") or "").strip()
    if status not in ("0", "1"):
        raise ParseError(path, line, f"trade_status must be 0 or 1, got {status!r}")
    week = (row.get("day_week") or "").strip()
    if week and week != str(day.isoweekday() % 7 + 1):
        raise ParseError(path, line, f"day_week {week} does not match {day} (Sunday is 1)")
    return day, status == "1"
