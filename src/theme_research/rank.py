"""Impact score: an explainable sum of weighted features per event.

Every feature is a number in [0, 1] (a penalty in [-1, 0]) computed from the text and the
feeds that carried the event, so the score works for every source. The CLS editorial
``level`` is a feature too, but its weight is 0 unless the user turns it on.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from theme_research.analyze import Analyzed
from theme_research.group import Event, PriorMatch
from theme_research.select import Relevance
from theme_research.themes import ThemePack
from theme_research.window import Window

DEFAULT_WEIGHTS: dict[str, float] = {
    "relevance": 2.0,
    "breadth": 1.5,
    "authority": 0.5,
    "event_type": 2.0,
    "magnitude": 1.0,
    "leaders": 1.0,
    "recency": 0.3,
    "novelty": 1.0,
    "minor": 1.5,
    "cls_level": 0.0,
}
"""Feature weights; ``novelty`` and ``minor`` are penalties (their features are ≤ 0)."""

SOURCE_AUTHORITY: dict[str, float] = {
    "cls": 1.0,
    "eastmoney": 0.9,
    "ths": 0.9,
    "readhub": 0.8,
    "headlines": 0.6,
}
DEFAULT_AUTHORITY = 0.6

# Event types, strongest first: (name, value, pattern). General vocabulary of market news.
EVENT_TYPES: tuple[tuple[str, float, re.Pattern[str]], ...] = tuple(
    (name, value, re.compile(pattern))
    for name, value, pattern in (
        ("export-control", 1.0, r"出口管制|实体清单|禁令|制裁|限制出口|出口许可|关税"),
        (
            "policy",
            1.0,
            r"国务院|国常会|发改委|工信部|商务部|证监会|财政部|央行|政策|规划|"
            r"意见|通知|办法|条例|法案|监管|部署|行动方案|补贴",
        ),
        (
            "earnings",
            0.85,
            r"业绩|净利润|营收|营业收入|财报|预增|预减|扭亏|指引|季报|年报|"
            r"半年报|毛利率",
        ),
        (
            "financing",
            0.8,
            r"IPO|上市申请|招股|递表|融资|募资|定增|收购|并购|重组|估值|"
            r"入股|控股权",
        ),
        (
            "index-move",
            0.75,
            r"指数.{0,6}(涨|跌)|板块.{0,8}(涨|跌|走强|走弱|拉升|下挫|异动)|"
            r"概念股?.{0,6}(涨|跌|走强|走弱)|ETF.{0,8}(涨|跌)|领涨|领跌|集体(涨|跌)|大涨|大跌|暴跌|重挫",
        ),
        ("orders", 0.7, r"订单|合同|中标|签约|签署|合作协议|采购|扩产|投产|产能|建厂|投资.{0,6}亿"),
        ("release", 0.6, r"发布|推出|上线|开源|亮相|首发|量产|突破|获批|问世"),
        ("price", 0.6, r"涨价|降价|价格|报价|提价"),
        ("stock-move", 0.35, r"涨停|跌停|涨超|跌超|涨逾|跌逾|创新高|新低"),
    )
)
_COMMENTARY = re.compile(
    r"^(分析|评论|观点|解读|前瞻|展望|专家|业内人士|知情人士称|机构|研报|报告|调查|测评|社论)[：:]|"
    r"^[^：:]{0,10}(证券|研究院|研究所|资管|基金|券商|分析师|经济学家|首席)[^：:]{0,6}[：:]"
)
COMMENTARY_VALUE = 0.3
LEAD_FACTOR = 0.6
"""An event type seen only in the lead, not the headline, counts for this much."""
_MINOR = re.compile(r"互动平台|投资者提问|回复投资者|投资者关系|接受.{0,4}调研|问询函|董秘")


@dataclass(frozen=True)
class RankedEvent:
    """An event with its impact score, the score's parts and what it matched."""

    event: Event
    score: float
    parts: dict[str, float]
    headline: Analyzed
    relevance: float
    event_type: str = ""
    tickers: tuple[str, ...] = ()
    segments: tuple[str, ...] = ()
    matched: tuple[str, ...] = ()
    rank: int = 0
    kept_keys: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ThemeRanking:
    """One theme's ranked events for a window, with what was read to get them."""

    pack: ThemePack
    window: Window
    ranked: list[RankedEvent]
    relevance: dict[str, Relevance]
    items_read: int
    events_formed: int
    sources: list[str]


def rank(
    events: Sequence[Event],
    relevance: Mapping[str, Relevance],
    pack: ThemePack,
    window: Window,
    *,
    prior: Mapping[str, PriorMatch] | None = None,
    weights: Mapping[str, float] = DEFAULT_WEIGHTS,
) -> list[RankedEvent]:
    """Score the events that hold at least one kept item; best first, ranks from 1."""
    core = {s.ticker for s in pack.all_securities() if s.core}
    leader_names = leaders_of(pack)
    prior = prior or {}
    scored = []
    for event in events:
        kept = [a for a in event.items if relevance[a.key].kept]
        if kept:
            scored.append(
                _score_event(event, kept, relevance, (core, leader_names), window, prior, weights)
            )
    scored.sort(key=lambda r: (-r.score, r.event.id))
    return [_with_rank(r, i) for i, r in enumerate(scored, start=1)]


def _with_rank(ranked: RankedEvent, position: int) -> RankedEvent:
    return replace(ranked, rank=position)


def _score_event(
    event: Event,
    kept: list[Analyzed],
    relevance: Mapping[str, Relevance],
    leading: tuple[set[str], frozenset[str]],
    window: Window,
    prior: Mapping[str, PriorMatch],
    weights: Mapping[str, float],
) -> RankedEvent:
    rels = [relevance[a.key] for a in kept]
    headline = max(
        kept, key=lambda a: (relevance[a.key].score, -a.item.published_at.timestamp(), a.key)
    )
    tickers = sorted({t for r in rels for t in r.tickers})
    type_name, type_value = event_type(headline)
    features = {
        "relevance": min(1.0, max(r.score for r in rels) / 8.0),
        "breadth": breadth(event),
        "authority": max(
            SOURCE_AUTHORITY.get(a.item.source, DEFAULT_AUTHORITY) for a in event.items
        ),
        "event_type": type_value,
        "magnitude": magnitude(event.items),
        "leaders": leaders(headline, set(tickers), *leading),
        "recency": recency(event, window),
        "novelty": -staleness(event, prior),
        "minor": -1.0 if any(_MINOR.search(a.title + a.body[:80]) for a in kept) else 0.0,
        "cls_level": cls_level(event),
    }
    parts = {name: round(weights.get(name, 0.0) * value, 4) for name, value in features.items()}
    return RankedEvent(
        event=event,
        score=round(sum(parts.values()), 4),
        parts=parts,
        headline=headline,
        relevance=max(r.score for r in rels),
        event_type=type_name,
        tickers=tuple(tickers),
        segments=tuple(sorted({s for r in rels for s in r.segments})),
        matched=tuple(sorted({m for r in rels for m in r.matched})),
        kept_keys=tuple(a.key for a in kept),
    )


def leaders_of(pack: ThemePack) -> frozenset[str]:
    """Names of the theme's leaders: its core securities and its unlisted leaders."""
    names = {n for s in pack.all_securities() if s.core for n in s.names}
    return frozenset(n.lower() for n in names | set(pack.leaders))


def leaders(headline: Analyzed, tickers: set[str], core: set[str], names: frozenset[str]) -> float:
    """A theme leader in the headline's title (1.0) or lead (0.6); another pack security 0.4."""
    title, lead = headline.title.lower(), headline.lead.lower()
    if any(n in title for n in names):
        return 1.0
    if core & tickers or any(n in lead for n in names):
        return 0.6
    return 0.4 if tickers else 0.0


def breadth(event: Event) -> float:
    """Distinct feeds and outlets, on a log scale: 1 feed ≈ 0.3, 4+ outlets → 1."""
    count = len(event.sources) + 0.5 * max(0, len(event.outlets) - len(event.sources))
    return min(1.0, math.log2(1 + count) / math.log2(6))


def event_type(item: Analyzed) -> tuple[str, float]:
    """The strongest event type the headline shows; failing that, the lead's, discounted.

    Commentary ("分析：…", "某证券：…") is news about opinions, not events: it is
    recognised first and weighs little whatever words it uses.
    """
    if _COMMENTARY.search(item.title):
        return "commentary", COMMENTARY_VALUE
    for text, factor in ((item.title, 1.0), (item.lead, LEAD_FACTOR)):
        for name, value, pattern in EVENT_TYPES:
            if pattern.search(text):
                return name, round(value * factor, 3)
    return "", 0.0


def magnitude(items: Sequence[Analyzed]) -> float:
    """Size of the money and percentages involved: 1亿元 ≈ 0.2, 1000亿元 → 0.8, 10% ≈ 0.5."""
    amounts = [x for a in items for x in a.amounts_yuan]
    percents = [x for a in items for x in a.percents if x < 1000]
    money = min(1.0, max(0.0, (math.log10(max(amounts)) - 7.3) / 4.5)) if amounts else 0.0
    share = min(1.0, max(percents) / 20) if percents else 0.0
    return max(money, share)


def recency(event: Event, window: Window) -> float:
    """Where the event's latest report falls in the window: 0 at the start, 1 at the end."""
    latest = max(a.item.published_at for a in event.items)
    span = (window.end - window.start).total_seconds()
    return min(1.0, max(0.0, (latest - window.start).total_seconds() / span)) if span else 1.0


def staleness(event: Event, prior: Mapping[str, PriorMatch]) -> float:
    """How much of the story the previous window already told: 0 new, 1 a repeat.

    Only a retelling is stale: a story that brings figures its earlier report did not have
    (an update, or the same daily template with today's numbers) counts as new.
    """
    matches = [(prior[a.key], a) for a in event.items if a.key in prior]
    if not matches:
        return 0.0
    best, _ = max(matches, key=lambda m: m[0].similarity)
    if any(a.numbers - best.numbers for a in event.items):
        return 0.0
    return 1.0 if best.similarity >= 0.6 else 0.5


def cls_level(event: Event) -> float:
    """CLS editors' highlight (level A/B); off by default since only one feed has it."""
    levels = {a.item.extras.get("level") for a in event.items if a.item.source == "cls"}
    return 1.0 if "A" in levels else (0.5 if "B" in levels else 0.0)
