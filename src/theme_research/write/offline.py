"""The offline writer: deterministic, extractive Chinese prose from the ranked events.

Every sentence it writes is either a fixed connective phrase or a sentence taken from a
cited item, so every number, name and code in the report can be traced to its source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from theme_research.analyze import Analyzed, numbers_in
from theme_research.rank import RankedEvent, ThemeRanking
from theme_research.report import (
    ADVICE,
    EtfLine,
    EvidenceItem,
    KeyItem,
    Method,
    Paragraph,
    Report,
    ReportEvent,
    Section,
    Window,
)
from theme_research.themes import Security, ThemePack

ENGINE = "offline"
TOP = 10
MIN_SCORE = 2.5
"""An event below this impact score does not qualify for the ten, however few remain."""
MAX_CITES = 3
DRIVERS = (3, 5)
THIN_DRIVERS = "本期有来源支持的驱动因素不足三项，以上仅列出可以引证的部分，其余不作推断。"
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_TYPE_GROUPS = {
    "policy": "政策与监管",
    "state-policy": "政策与监管",
    "approval": "政策与监管",
    "export-control": "政策与监管",
    "earnings": "业绩与经营",
    "orders": "订单与产能",
    "financing": "资本运作",
    "index-move": "市场表现",
    "stock-move": "市场表现",
    "price": "价格与供需",
    "release": "产品与技术",
}
MARKETS = ("A股", "港股", "美股")
MARKET_TYPES = frozenset({"index-move", "stock-move"})
DEFAULT_FEEDS = ("cls", "eastmoney", "ths")


def write_offline(
    ranking: ThemeRanking, *, expected_feeds: Sequence[str] = DEFAULT_FEEDS, top: int = TOP
) -> Report:
    """Write the report of one theme-window from its ranking (no network, no model)."""
    pack = ranking.pack
    # A headline that gives advice (a broker's "建议增持…") is not a fact to report.
    qualified = [
        r for r in ranking.ranked if r.score >= MIN_SCORE and not ADVICE.search(r.headline.title)
    ][:top]
    events = tuple(report_event(r) for r in qualified)
    return Report(
        theme=pack.name,
        slug=pack.slug,
        date=ranking.window.end.date().isoformat(),
        window=Window(start=ranking.window.start, end=ranking.window.end),
        engine=ENGINE,
        overview=overview(pack, qualified),
        key_items=tuple(key_item(r, i) for i, r in enumerate(qualified, start=1)),
        shortfall=shortfall(len(qualified), top),
        summary=summary(qualified),
        drivers=drivers(pack, qualified),
        sectors=sectors(pack, qualified),
        etfs=etf_lines(pack),
        risks=risks(pack, qualified),
        method=method(ranking, expected_feeds),
        events=events,
    )


def evidence(analyzed: Analyzed) -> EvidenceItem:
    item = analyzed.item
    return EvidenceItem(
        key=item.key,
        source=item.source,
        source_id=item.source_id,
        outlet=item.outlet or item.source,
        url=item.url,
        published_at=item.published_at,
        title=item.title,
        content=item.content,
    )


def report_event(ranked: RankedEvent) -> ReportEvent:
    return ReportEvent(
        rank=ranked.rank,
        score=ranked.score,
        parts=ranked.parts,
        headline=ranked.headline.title,
        event_type=ranked.event_type,
        segments=ranked.segments,
        tickers=ranked.tickers,
        items=tuple(evidence(a) for a in ranked.event.items),
    )


def cites(ranked: RankedEvent, limit: int = MAX_CITES) -> tuple[str, ...]:
    """The headline item first, then other outlets' reports, earliest first."""
    chosen = [ranked.headline]
    outlets = {ranked.headline.item.outlet}
    for analyzed in ranked.event.items:
        if len(chosen) >= limit:
            break
        if analyzed.item.outlet not in outlets:
            chosen.append(analyzed)
            outlets.add(analyzed.item.outlet)
    return tuple(a.key for a in chosen)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if len(s.strip()) >= 6]


def key_sentence(ranked: RankedEvent) -> str:
    """The body sentence that best states the event's key fact, advice excluded.

    News leads put the fact first, so the first sentences are preferred; a sentence gains
    for numbers the headline lacks and for theme words, and loses for repeating the headline.
    """
    headline = ranked.headline.title
    said = set(numbers_in(headline))
    terms = [m.lower() for m in ranked.matched]
    candidates = [
        (position, s)
        for position, s in enumerate(sentences(ranked.headline.body)[:4])
        if not ADVICE.search(s) and 12 <= len(s) <= 110
    ]
    if not candidates:
        return ""

    def value(candidate: tuple[int, str]) -> float:
        position, sentence = candidate
        new_numbers = len(set(numbers_in(sentence)) - said)
        themed = sum(t in sentence.lower() for t in terms)
        return (
            2 * min(new_numbers, 3) + min(themed, 2) - position - 3 * _overlap(headline, sentence)
        )

    best = max(candidates, key=value)[1]
    return best.rstrip("。！？!?")


def lead_sentence(ranked: RankedEvent) -> str:
    """The event's first self-contained sentence (for running prose), else its headline."""
    for sentence in sentences(ranked.headline.body)[:2]:
        if 12 <= len(sentence) <= 110 and not ADVICE.search(sentence):
            return sentence.rstrip("。！？!?")
    return ranked.headline.title.rstrip("。")


def item_text(ranked: RankedEvent) -> str:
    """ "Headline：key fact" — one sentence, or the headline alone when no sentence adds."""
    headline = ranked.headline.title.rstrip("。")
    fact = key_sentence(ranked)
    if not fact or _overlap(headline, fact) > 0.6:
        return f"{headline}。"
    return f"{headline}：{fact}。"


def _overlap(a: str, b: str) -> float:
    grams_a = {a[i : i + 2] for i in range(len(a) - 1)}
    grams_b = {b[i : i + 2] for i in range(len(b) - 1)}
    return len(grams_a & grams_b) / max(1, min(len(grams_a), len(grams_b)))


def key_item(ranked: RankedEvent, position: int) -> KeyItem:
    return KeyItem(rank=position, text=item_text(ranked), cites=cites(ranked))


def shortfall(count: int, top: int) -> str:
    if count >= top:
        return ""
    if count == 0:
        return "本期窗口内没有符合主题相关性和影响力标准的信息，本报告不作填充。"
    return f"本期窗口内仅有{count}条信息符合主题相关性和影响力标准，其余不作填充。"


def segment_names(pack: ThemePack, events: Sequence[RankedEvent]) -> list[str]:
    """The pack's segments that today's events fall in, most important first."""
    order: list[str] = []
    for ranked in events:
        primary = primary_group(pack, ranked)
        if primary not in order:
            order.append(primary)
    return order


def primary_group(pack: ThemePack, ranked: RankedEvent) -> str:
    """An event's driver group: market moves form their own group (a sector's index move is
    not news of one segment); else the event's first segment in pack order; else its type."""
    if ranked.event_type in MARKET_TYPES:
        return _TYPE_GROUPS[ranked.event_type]
    for segment in pack.segments:
        if segment.name in ranked.segments:
            return segment.name
    return _TYPE_GROUPS.get(ranked.event_type, "其他动态")


def overview(pack: ThemePack, events: Sequence[RankedEvent]) -> Paragraph:
    if not events:
        return Paragraph(text=f"本期窗口内，{pack.name}主题没有达到报告标准的重要信息。")
    groups = "、".join(segment_names(pack, events)[:3])
    headlines = "；".join(r.headline.title.rstrip("。") for r in events[:3])
    text = f"{pack.name}主题本期消息主要集中在{groups}等方向。{headlines}。"
    return Paragraph(text=text, cites=tuple(r.headline.key for r in events[:3]))


def fact_paragraph(events: Sequence[RankedEvent], lead: str = "") -> Paragraph:
    """A paragraph of each event's key sentence (or headline), each cited."""
    parts = [lead_sentence(ranked) + "。" for ranked in events]
    return Paragraph(
        text=lead + "".join(parts), cites=tuple(c for r in events for c in cites(r, 2))
    )


def summary(events: Sequence[RankedEvent]) -> tuple[Paragraph, ...]:
    if not events:
        return (Paragraph(text="本期窗口内可供引用的主题信息不足，暂无概述。"),)
    market = [r for r in events if r.event_type in ("index-move", "stock-move", "price")]
    others = [r for r in events if r not in market]
    paragraphs = [fact_paragraph(others[:3], "本期最受关注的进展包括：")] if others else []
    if market:
        # Headlines only: the 市场表现 driver below gives these moves' details.
        moves = "；".join(r.headline.title.rstrip("。") for r in market[:3])
        cited = tuple(c for r in market[:3] for c in cites(r, 1))
        paragraphs.append(Paragraph(text=f"市场表现方面，{moves}。", cites=cited))
    elif len(others) > 3:
        paragraphs.append(fact_paragraph(others[3:6], "此外，"))
    return tuple(paragraphs)


def drivers(pack: ThemePack, events: Sequence[RankedEvent]) -> tuple[Section, ...]:
    """3–5 driver subsections: the groups today's events fall in, best first."""
    grouped: dict[str, list[RankedEvent]] = {}
    for ranked in events:
        grouped.setdefault(primary_group(pack, ranked), []).append(ranked)
    if len(grouped) < DRIVERS[0]:
        by_type = _by_event_type(events)
        grouped = by_type if len(by_type) > len(grouped) else grouped
    sections = [
        Section(title=name, paragraphs=(fact_paragraph(members[:3], f"{name}方面，"),))
        for name, members in list(grouped.items())[: DRIVERS[1]]
    ]
    if len(sections) < DRIVERS[0]:
        # Thin evidence is said, not padded: no driver is invented to fill the section.
        sections.append(Section(title="证据说明", paragraphs=(Paragraph(text=THIN_DRIVERS),)))
    return tuple(sections)


def _by_event_type(events: Sequence[RankedEvent]) -> dict[str, list[RankedEvent]]:
    grouped: dict[str, list[RankedEvent]] = {}
    for ranked in events:
        grouped.setdefault(_TYPE_GROUPS.get(ranked.event_type, "其他动态"), []).append(ranked)
    return grouped


def _security_label(security: Security) -> str:
    return f"{security.name}（{security.ticker}）"


def sectors(pack: ThemePack, events: Sequence[RankedEvent]) -> tuple[Paragraph, ...]:
    """Segments whose securities today's events name first, then the pack's core names."""
    named: dict[str, list[RankedEvent]] = {}
    for ranked in events:
        for ticker in ranked.tickers:
            named.setdefault(ticker, []).append(ranked)
    lines = []
    for segment in sorted(pack.segments, key=lambda s: _first_mention(s.securities, named)):
        today = [s for s in segment.securities if s.ticker in named]
        core = [s for s in segment.securities if s.core and s.ticker not in named]
        if not today and not core:
            continue
        text = f"**{segment.name}**："
        if today:
            text += "今日消息提及" + "、".join(_security_label(s) for s in today) + "；"
        if core:
            text += "主题核心标的" + "、".join(_security_label(s) for s in core[:4]) + "。"
        sources = tuple(dict.fromkeys(named[s.ticker][0].headline.key for s in today))
        lines.append(
            Paragraph(text=text.rstrip("；") + ("" if text.endswith("。") else "。"), cites=sources)
        )
    return tuple(lines)


def _first_mention(securities: Sequence[Security], named: dict[str, list[RankedEvent]]) -> int:
    ranks = [named[s.ticker][0].rank for s in securities if s.ticker in named]
    return min(ranks) if ranks else 10_000


def etf_lines(pack: ThemePack) -> tuple[EtfLine, ...]:
    lines = []
    for market in MARKETS:
        etfs = [f"{e.name}（{e.ticker}）" for e in pack.etfs if e.market == market]
        if etfs:
            lines.append(EtfLine(market=market, etfs=tuple(etfs)))
    return tuple(lines)


def risks(pack: ThemePack, events: Sequence[RankedEvent]) -> tuple[Section, ...]:
    """The pack's risks evidenced by today's events (cited), then its standing risks."""
    evidenced, standing = [], []
    for risk in pack.risks:
        hits = [
            r for r in events if any(t in r.headline.title + r.headline.body for t in risk.terms)
        ]
        if hits:
            note = f"{risk.text}本期相关消息：{hits[0].headline.title.rstrip('。')}。"
            evidenced.append(
                Section(
                    title=risk.label, paragraphs=(Paragraph(text=note, cites=cites(hits[0], 1)),)
                )
            )
        elif risk.standing:
            standing.append(Section(title=risk.label, paragraphs=(Paragraph(text=risk.text),)))
    return tuple(evidenced[:4] + standing)[:6]


def method(ranking: ThemeRanking, expected: Sequence[str]) -> Method:
    relevant_items = sum(1 for r in ranking.relevance.values() if r.kept)
    return Method(
        feeds_used=tuple(ranking.sources),
        feeds_missing=tuple(f for f in expected if f not in ranking.sources),
        items_read=ranking.items_read,
        items_relevant=relevant_items,
        events_formed=ranking.events_formed,
        events_relevant=len(ranking.ranked),
    )
