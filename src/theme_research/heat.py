"""The theme heat chart: a static SVG built as a string (no plotting library).

x = report day, bars = relevant events that day, a line with markers = the day's top impact
score (right axis). Deterministic output: the same days give the same bytes.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from html import escape

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 60, 60, 56, 52
MAX_DAYS = 60
"""Days drawn (the latest); the data file keeps every day."""
MAX_LABELS = 8
FONT = (
    "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', "
    "'Noto Sans CJK SC', sans-serif"
)
BAR, LINE, INK, MUTED, GRID = "#4c8bf5", "#d9480f", "#1f2328", "#59636e", "#d1d9e0"


@dataclass(frozen=True)
class HeatDay:
    """One report day of a theme, as charted and as written to ``_data/heat/<slug>.json``."""

    date: str
    events_relevant: int
    items_relevant: int
    top_score: float
    headline: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def nice_max(value: float) -> float:
    """The smallest 4 × (1, 2, 2.5 or 5 × 10ⁿ) ≥ ``value``: an axis top with four even steps."""
    if value <= 0:
        return 1.0
    step = 10.0 ** math.floor(math.log10(value / 4))
    for factor in (1, 2, 2.5, 5, 10):
        if value <= 4 * step * factor:
            return 4 * step * factor
    return 40 * step  # unreachable: factor 10 always fits


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def heat_svg(theme: str, days: list[HeatDay]) -> str:
    """The chart of ``theme`` over ``days`` (oldest first) as an SVG document.

    Example::

        heat_svg("人工智能", [HeatDay("2026-03-18", 22, 33, 7.4, "寒武纪…")])
    """
    days = days[-MAX_DAYS:]
    parts = [_head(theme, days)]
    if days:
        parts += _axes(days) + _bars(days) + _score_line(days)
    else:
        parts.append(_text(WIDTH / 2, TOP + 90, "暂无数据", anchor="middle", fill=MUTED))
    parts.append("</svg>\n")
    return "\n".join(parts)


def _head(theme: str, days: list[HeatDay]) -> str:
    span = f"{days[0].date} 至 {days[-1].date}" if days else "暂无报告"
    title = f"{theme}主题热度"
    desc = f"{span}，每日相关事件数（柱）与最高影响分（折线）"
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="t d" '
            f'font-family="{FONT}" font-size="12">',
            f'<title id="t">{escape(title)}</title>',
            f'<desc id="d">{escape(desc)}</desc>',
            f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
            _text(LEFT, 24, title, size=16, weight="bold", cls="chart-title"),
            _text(LEFT, 42, desc, fill=MUTED, cls="chart-subtitle"),
        ]
    )


def _text(
    x: float,
    y: float,
    text: str,
    *,
    anchor: str = "start",
    fill: str = INK,
    size: int = 12,
    weight: str = "normal",
    cls: str = "",
    rotate: bool = False,
) -> str:
    extra = f' class="{cls}"' if cls else ""
    extra += f' transform="rotate(-90 {_num(x)} {_num(y)})"' if rotate else ""
    bold = f' font-weight="{weight}"' if weight != "normal" else ""
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}" fill="{fill}" '
        f'font-size="{size}"{bold}{extra}>{escape(text)}</text>'
    )


def _plot() -> tuple[float, float, float, float]:
    """Left, top, width and height of the plot area."""
    return LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM


def _x(index: int, count: int) -> float:
    left, _, width, _ = _plot()
    return left + width * (index + 0.5) / count


def _y(value: float, top_value: float) -> float:
    _, top, _, height = _plot()
    return top + height * (1 - value / top_value)


def _axes(days: list[HeatDay]) -> list[str]:
    left, top, width, height = _plot()
    bottom, right = top + height, left + width
    events_max = nice_max(max(d.events_relevant for d in days))
    score_max = nice_max(max(d.top_score for d in days))
    out = []
    for step in range(5):
        y = top + height * step / 4
        out.append(
            f'<line x1="{left}" y1="{_num(y)}" x2="{right}" y2="{_num(y)}" stroke="{GRID}"/>'
        )
        fraction = 1 - step / 4
        out.append(_text(left - 6, y + 4, _num(events_max * fraction), anchor="end", fill=BAR))
        out.append(_text(right + 6, y + 4, _num(score_max * fraction), fill=LINE))
    out.append(_text(16, top + height / 2, "相关事件数", anchor="middle", fill=BAR, rotate=True))
    out.append(
        _text(WIDTH - 12, top + height / 2, "最高影响分", anchor="middle", fill=LINE, rotate=True)
    )
    every = math.ceil(len(days) / MAX_LABELS)
    for index, day in enumerate(days):
        if index % every == 0 or index == len(days) - 1:
            label = day.date[5:]
            out.append(_text(_x(index, len(days)), bottom + 16, label, anchor="middle", cls="day"))
    out.append(_text(left + width / 2, HEIGHT - 10, "日期", anchor="middle", fill=MUTED))
    return out


def _bars(days: list[HeatDay]) -> list[str]:
    _, _, width, _ = _plot()
    events_max = nice_max(max(d.events_relevant for d in days))
    bar = min(width / len(days) * 0.6, 36.0)
    bottom = _y(0, events_max)
    out = []
    for index, day in enumerate(days):
        y = _y(day.events_relevant, events_max)
        tip = f"{day.date}：相关事件 {day.events_relevant} 个，最高影响分 {_num(day.top_score)}"
        out.append(
            f'<rect class="bar" data-day="{day.date}" x="{_num(_x(index, len(days)) - bar / 2)}" '
            f'y="{_num(y)}" width="{_num(bar)}" height="{_num(bottom - y)}" fill="{BAR}" '
            f'fill-opacity="0.75"><title>{escape(tip)}</title></rect>'
        )
    return out


def _score_line(days: list[HeatDay]) -> list[str]:
    score_max = nice_max(max(d.top_score for d in days))
    points = [(_x(i, len(days)), _y(d.top_score, score_max)) for i, d in enumerate(days)]
    out = []
    if len(points) > 1:
        joined = " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
        out.append(
            f'<polyline class="top-score" points="{joined}" fill="none" stroke="{LINE}" '
            'stroke-width="2"/>'
        )
    for (x, y), day in zip(points, days, strict=True):
        out.append(
            f'<circle class="top-score-marker" cx="{_num(x)}" cy="{_num(y)}" r="3.5" '
            f'fill="{LINE}"><title>{escape(day.date)} 最高影响分 {_num(day.top_score)}</title>'
            "</circle>"
        )
    return out
