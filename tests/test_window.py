"""The China trading calendar and the report window built on it."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from theme_research.calendar_cn import (
    COVERED_YEARS,
    DEFAULT_CALENDAR,
    TradingCalendar,
    is_trading_day,
    load_calendar_csv,
    next_trading_day,
    previous_trading_day,
    trading_days,
)
from theme_research.errors import ParseError
from theme_research.models import MARKET_TZ
from theme_research.window import (
    Window,
    format_duration,
    parse_at,
    parse_duration,
    report_window,
)

SHARED_CALENDAR = Path(__file__).resolve().parents[2] / "shared/reference/calendar"
HEADER = "trade_date,trade_status,day_week\n"
_DAY = timedelta(days=1)


def at(day: date, hour: int = 15, minute: int = 30) -> datetime:
    """A market-time datetime on ``day``."""
    return datetime.combine(day, time(hour, minute), tzinfo=MARKET_TZ)


# --- report_window -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "since"),
    [
        (date(2025, 2, 10), date(2025, 2, 7)),  # Monday: since Friday
        (date(2025, 2, 11), date(2025, 2, 10)),  # Tuesday: since Monday
        (date(2025, 2, 8), date(2025, 2, 7)),  # Saturday: since Friday
        (date(2025, 2, 9), date(2025, 2, 7)),  # Sunday: since Friday
        (date(2025, 2, 5), date(2025, 1, 27)),  # after 春节 2025
        (date(2026, 2, 24), date(2026, 2, 13)),  # after the 9-day 春节 2026
        (date(2024, 2, 19), date(2024, 2, 8)),  # after 春节 2024 (除夕 closed)
        (date(2025, 10, 9), date(2025, 9, 30)),  # after 国庆节、中秋节 2025
        (date(2026, 1, 5), date(2025, 12, 31)),  # after 元旦 2026, across the year
        (date(2026, 2, 28), date(2026, 2, 27)),  # 调休 Saturday: still not a trading day
    ],
)
def test_default_window_starts_at_previous_trading_day(day: date, since: date) -> None:
    window = report_window(day)
    assert window.start == at(since)
    assert window.end == at(day)


def test_tuesday_window_is_one_day() -> None:
    assert report_window(date(2025, 2, 11)).duration == timedelta(days=1)


def test_window_uses_report_time_at_both_ends() -> None:
    window = report_window(date(2025, 2, 10), at=parse_at("09:00"))
    assert (window.start, window.end) == (at(date(2025, 2, 7), 9, 0), at(date(2025, 2, 10), 9, 0))


def test_window_is_in_market_time() -> None:
    window = report_window(date(2025, 2, 11))
    assert window.end.utcoffset() == timedelta(hours=8)
    assert window.start.tzinfo is MARKET_TZ


def test_explicit_lookback_replaces_start() -> None:
    window = report_window(date(2025, 2, 10), lookback=parse_duration("1d12h"))
    assert window.end == at(date(2025, 2, 10))
    assert window.start == datetime(2025, 2, 9, 3, 30, tzinfo=MARKET_TZ)


@pytest.mark.parametrize("lookback", [timedelta(0), timedelta(hours=-1)])
def test_non_positive_lookback_is_refused(lookback: timedelta) -> None:
    with pytest.raises(ValueError, match="lookback must be positive"):
        report_window(date(2025, 2, 10), lookback=lookback)


def test_aware_report_time_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        report_window(date(2025, 2, 10), at=time(15, 30, tzinfo=MARKET_TZ))


def test_custom_calendar_is_used() -> None:
    calendar = TradingCalendar()  # weekdays only: 2025-02-04 is open
    assert report_window(date(2025, 2, 5), calendar=calendar).start == at(date(2025, 2, 4))


# --- Window ----------------------------------------------------------------------------


def test_contains_is_half_open() -> None:
    window = report_window(date(2025, 2, 11))
    assert not window.contains(window.start)
    assert window.contains(window.start + timedelta(seconds=1))
    assert window.contains(window.end)
    assert not window.contains(window.end + timedelta(seconds=1))


def test_contains_reads_naive_as_market_time_and_compares_across_zones() -> None:
    window = report_window(date(2025, 2, 11))
    assert window.contains(datetime(2025, 2, 11, 15, 0))
    assert window.contains(datetime(2025, 2, 11, 7, 0, tzinfo=UTC))  # 15:00 in Shanghai
    assert not window.contains(datetime(2025, 2, 11, 8, 0, tzinfo=UTC))  # 16:00


def test_label() -> None:
    label = report_window(date(2025, 2, 10)).label()
    assert label == "2025-02-07 15:30 → 2025-02-10 15:30 Asia/Shanghai (3d)"


def test_window_refuses_naive_or_empty() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        Window(datetime(2025, 1, 1), at(date(2025, 1, 2)))
    with pytest.raises(ValueError, match="not before"):
        Window(at(date(2025, 1, 2)), at(date(2025, 1, 2)))


# --- parse_duration / parse_at ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24h", timedelta(hours=24)),
        ("3d", timedelta(days=3)),
        ("90m", timedelta(minutes=90)),
        ("1d12h", timedelta(days=1, hours=12)),
        ("2d3h15m", timedelta(days=2, hours=3, minutes=15)),
        (" 6H ", timedelta(hours=6)),
    ],
)
def test_parse_duration(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text", ["", "   ", "24", "h", "1h1d", "-1h", "1.5h", "1 d", "3w", "abc", "1d 12h"]
)
def test_bad_durations_say_what_is_accepted(text: str) -> None:
    with pytest.raises(ValueError, match=r"invalid duration .*e\.g\. '24h'"):
        parse_duration(text)


@pytest.mark.parametrize("text", ["0h", "0d0m"])
def test_zero_duration_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="longer than zero"):
        parse_duration(text)


@given(st.integers(min_value=1, max_value=60 * 24 * 400))
def test_format_duration_round_trips(minutes: int) -> None:
    span = timedelta(minutes=minutes)
    assert parse_duration(format_duration(span)) == span


@pytest.mark.parametrize(
    ("text", "expected"), [("15:30", time(15, 30)), ("9:05", time(9, 5)), ("00:00", time(0))]
)
def test_parse_at(text: str, expected: time) -> None:
    assert parse_at(text) == expected


@pytest.mark.parametrize("text", ["", "1530", "24:00", "15:60", "15:3", "3pm", "15:30:00"])
def test_bad_report_times(text: str) -> None:
    with pytest.raises(ValueError, match="HH:MM"):
        parse_at(text)


# --- properties ---------------------------------------------------------------------------

days = st.dates(min_value=date(2023, 6, 1), max_value=date(2027, 6, 30))
times = st.times().map(lambda t: t.replace(second=0, microsecond=0))


@given(days, times)
def test_default_window_property(day: date, report_at: time) -> None:
    window = report_window(day, at=report_at)
    assert window.start < window.end
    assert is_trading_day(window.start.date())
    assert window.end.date() == day
    assert window.duration <= timedelta(days=14)
    between = trading_days(window.start.date() + _DAY, day - _DAY)
    assert between == []  # no trading day is skipped


@given(days, times, st.timedeltas(min_value=timedelta(minutes=1), max_value=timedelta(days=30)))
def test_lookback_window_property(day: date, report_at: time, lookback: timedelta) -> None:
    window = report_window(day, at=report_at, lookback=lookback)
    assert window.start < window.end
    assert window.start == window.end - lookback


# --- calendar -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "is_open"),
    [
        (date(2024, 2, 9), False),  # 除夕 2024, closed by the exchanges only
        (date(2024, 2, 4), False),  # 调休 Sunday
        (date(2024, 2, 19), True),
        (date(2024, 9, 14), False),  # 调休 Saturday
        (date(2024, 10, 8), True),
        (date(2025, 1, 26), False),  # 调休 Sunday
        (date(2025, 6, 2), False),  # 端午节
        (date(2026, 1, 2), False),  # 元旦 2026
        (date(2026, 9, 25), False),  # 中秋节 2026
        (date(2026, 10, 8), True),
        (date(2026, 10, 10), False),  # 调休 Saturday
    ],
)
def test_is_trading_day(day: date, is_open: bool) -> None:
    assert is_trading_day(day) is is_open


def test_trading_day_counts() -> None:
    counts = {y: len(trading_days(date(y, 1, 1), date(y, 12, 31))) for y in (2024, 2025, 2026)}
    assert counts == {2024: 242, 2025: 243, 2026: 242}


def test_previous_and_next_are_strict() -> None:
    assert previous_trading_day(date(2025, 2, 11)) == date(2025, 2, 10)
    assert next_trading_day(date(2025, 1, 27)) == date(2025, 2, 5)
    assert trading_days(date(2025, 2, 5), date(2025, 2, 4)) == []


def test_holiday_names() -> None:
    assert DEFAULT_CALENDAR.holiday_name(date(2026, 2, 15)) == "春节"
    assert DEFAULT_CALENDAR.holiday_name(date(2025, 10, 6)) == "国庆节、中秋节"
    assert DEFAULT_CALENDAR.holiday_name(date(2025, 2, 10)) is None


def test_outside_covered_years_is_weekdays_only() -> None:
    assert date(2030, 1, 1).year not in COVERED_YEARS
    assert not DEFAULT_CALENDAR.covers(date(2030, 1, 1))
    assert is_trading_day(date(2030, 1, 1))  # a Tuesday: unknown holidays are not guessed
    assert not is_trading_day(date(2030, 1, 5))  # a Saturday
    assert DEFAULT_CALENDAR.covers(date(2025, 6, 1))


def test_a_calendar_with_no_trading_day_fails_clearly() -> None:
    closed = TradingCalendar().override({date(2030, 1, 1) + _DAY * i: False for i in range(400)})
    with pytest.raises(ValueError, match="no trading day"):
        closed.previous_trading_day(date(2031, 2, 1))


# --- calendar CSV ---------------------------------------------------------------------------


def write_csv(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "calendar.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_load_calendar_csv_overrides_listed_days(tmp_path: Path) -> None:
    # 2027-02-08 (Mon) closed, 2027-02-06 (Sat) open, 2025-02-04 (春节) reopened.
    path = write_csv(tmp_path, "2027-02-08,0,2\n2027-02-06,1,7\n2025-02-04,1,3\n")
    calendar = load_calendar_csv(path, base=DEFAULT_CALENDAR)
    assert not calendar.is_trading_day(date(2027, 2, 8))
    assert calendar.holiday_name(date(2027, 2, 8)) == "休市"
    assert calendar.is_trading_day(date(2027, 2, 6))
    assert calendar.is_trading_day(date(2025, 2, 4))
    assert not calendar.is_trading_day(date(2025, 2, 3))  # unlisted: base's 春节
    assert calendar.covers(date(2027, 3, 1))
    assert report_window(date(2027, 2, 9), calendar=calendar).start == at(date(2027, 2, 6))


def test_load_calendar_csv_defaults_to_weekdays(tmp_path: Path) -> None:
    calendar = load_calendar_csv(write_csv(tmp_path, "2027-02-08,0,2\n"))
    assert calendar.is_trading_day(date(2025, 1, 28))  # no built-in holidays
    assert calendar.covered_years == {2027}


def test_load_calendar_csv_accepts_bom_and_no_day_week(tmp_path: Path) -> None:
    path = tmp_path / "calendar.csv"
    path.write_text("\ufefftrade_date,trade_status\n2027-02-08,0\n", encoding="utf-8")
    assert not load_calendar_csv(path).is_trading_day(date(2027, 2, 8))


@pytest.mark.parametrize(
    ("body", "line", "reason"),
    [
        ("2027-02-08,0,2\n2027-13-01,0,1\n", 3, "bad trade_date"),
        ("2027-02-08,yes,2\n", 2, "trade_status must be 0 or 1"),
        ("2027-02-08,0,1\n", 2, "day_week 1 does not match"),
        ("2027-02-08\n", 2, "trade_status must be 0 or 1"),
        ("", 1, "no calendar rows"),
    ],
)
def test_load_calendar_csv_names_bad_line(
    tmp_path: Path, body: str, line: int, reason: str
) -> None:
    with pytest.raises(ParseError, match=reason) as caught:
        load_calendar_csv(write_csv(tmp_path, body))
    assert caught.value.line == line


def test_load_calendar_csv_needs_columns(tmp_path: Path) -> None:
    path = tmp_path / "calendar.csv"
    path.write_text("date,open\n2027-02-08,0\n", encoding="utf-8")
    with pytest.raises(ParseError, match="missing column"):
        load_calendar_csv(path)


# --- against the exchanges' published calendar ---------------------------------------------


@pytest.mark.skipif(
    not SHARED_CALENDAR.is_dir(), reason=f"reference calendar CSVs absent: {SHARED_CALENDAR}"
)
@pytest.mark.parametrize("year", [2025, 2026])
def test_calendar_matches_reference_csv(year: int) -> None:
    path = SHARED_CALENDAR / f"cn_trading_days_{year}.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        expected = {
            date.fromisoformat(r["trade_date"]): r["trade_status"] == "1"
            for r in csv.DictReader(handle)
        }
    assert len(expected) == (date(year + 1, 1, 1) - date(year, 1, 1)).days
    actual = {d: is_trading_day(d) for d in expected}
    assert {d for d in expected if actual[d] != expected[d]} == set()
    loaded = load_calendar_csv(path)
    assert {d for d in expected if loaded.is_trading_day(d) != expected[d]} == set()
