"""Same-event grouping: the reports of one story, from any feed, become one event.

Candidates come from MinHash LSH (datasketch) over character shingles of each item's lead
and of its number-masked title; a candidate pair is joined when the texts are near
duplicates, or when the titles read alike once numbers are masked (a developing story:
"指数涨超3%" … "指数收涨5.2%") and the items are close in time. Events are the connected
components of the joined pairs, so the result does not depend on input order.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import cached_property
from itertools import combinations
from typing import NamedTuple

import ahocorasick
from datasketch import MinHash, MinHashLSH

from theme_research.analyze import (
    Analyzed,
    mask_numbers,
    numbers_in,
    shingles,
    strip_thousands,
)
from theme_research.classify import headline_kinds, title_kinds
from theme_research.select import is_digest

NUM_PERM = 64
LEAD_JACCARD = 0.42
"""Lead bigram Jaccard at which two items are one story (outlets' rewrites share ~half)."""
TITLE_DICE = 0.62
"""Masked-title bigram Dice at which two close items are updates of one story."""
FACT_TITLE_DICE = 0.3
ENTITY_TITLE_DICE = 0.45
"""Title likeness that, with a shared company name, marks one story told two ways."""
"""Title likeness still needed when two items share an entity and a specific figure."""
DUPLICATE_GAP = timedelta(hours=36)
FACT_GAP = timedelta(hours=24)
DEED_KINDS = frozenset(
    {
        "earnings",
        "financing",
        "orders",
        "approval",
        "policy",
        "state-policy",
        "export-control",
        "data",
        "clarification",
    }
)
"""Event kinds a company rarely reports twice a day: its results, a deal, an order, a
clarification (with the exchange notice it comes in)."""
ROUNDUP_NAMES = 3
"""A headline naming no one whose lead names this many companies is a roundup ("“蔚小理”披露
5月新车交付数据"), no teaser of one of them."""
HOUR_GAP = timedelta(hours=1)
"""Two reports naming one known company this close share a deed when they share its terms,
whatever kind of event each title reads as ("OpenAI提议向美国政府提供5%股权" and "OpenAI提议让
美国政府持有公司5%股份")."""
BURST_GAP = timedelta(minutes=10)
"""One speaker's flashes this close are one document or briefing told in parts."""
ISSUE_GAP = timedelta(minutes=20)
"""How long after a document's issue ("深圳出台…") the flashes of its measures still come."""
RELEASE_GAP = timedelta(minutes=30)
"""Reports this close in time that tell one round amount tell one release."""
SESSION_GAP = timedelta(hours=7)
"""Price-move updates this close in time belong to one trading session's story."""
_SUBJECT = re.compile(r"^([^：:，,。\s]{2,14})[：:]")
_PROPER_NAME = re.compile(r"(?<![A-Za-z])([A-Z][a-z]{3,}(?:\s?[A-Z][a-z]+)?)(?![A-Za-z])")
_GENERIC_SUBJECTS = frozenset(
    {"公司", "企业", "多家公司", "上市公司", "机构", "政府", "美国", "中国", "官方", "消息", "报道"}
    | {"外媒", "媒体", "台媒", "日媒", "韩媒", "美媒", "港媒", "知情人士", "消息人士", "分析师"}
)
"""Who speaks, not whom the news is about: "外媒：A获大单" and "外媒：B获大单" are two stories."""
_PRODUCT = re.compile(
    r"(?<![A-Za-z0-9])(?=[A-Za-z0-9])"  # the lookahead makes the scan of CJK text quick
    r"([A-Za-z]*(?:[a-z][A-Za-z]*\d*|\d[A-Za-z0-9]*)(?: \d+(?:\.\d+)?)?)"
    r"(?![A-Za-z0-9])"
)
_CAPITALS = re.compile(r"(?<=[A-Z] )[A-Z]{4,}(?![A-Za-z0-9])")
"""A model's name in capitals after its line's ("SPARK" of "RTX SPARK"); a word in capitals
alone is an acronym or an index ("DRAM", "KOSPI")."""
_NUMBER = re.compile(r"[\d .]+")
_DATE = re.compile(r"\d{1,4}\s*[年月日号]|\d{1,2}[/-]\d{1,2}")
_YEAR = re.compile(r"(?:19|20)\d\d")
_MODEL = re.compile(r"[a-z]\d|\d[a-z]")
_QUOTED = re.compile(r"[“「《]([^”」》]{2,12})[”」》]")
_DOCUMENT = re.compile(
    r"《[^》]{2,40}(?:意见|方案|规划|计划|办法|通知|规定|条例|纲要|指南|措施|倡议|决定|法)》"
)
"""A document's name ("《…供应商账款支付规范倡议》"), not an outlet's ("《华尔街日报》")."""
_MONEY = r"(?:万亿|亿|万)(?:美元|韩元|日元|欧元|港元|英镑|元)"
_MONEY_AT_END = re.compile(_MONEY + "$")
_TOLD_FIGURE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(" + _MONEY + r"|[美韩日欧港]?元|%|(?:万|亿)?[辆台吨])"
)
"""A figure with its unit ("169.4%", "371.6亿美元", "85982辆")."""
_CLASS_NOUN = re.compile(r"企业|公司|厂商|[提供制造开发服务]+商|独角兽|创企|巨头|龙头")
_CLASS_NOUN_AT_END = re.compile(f"(?:{_CLASS_NOUN.pattern})$")
_DOER = re.compile(r"^[^，,。：:\s]{0,20}?([\u4e00-\u9fff]{2,6})(?:完成|获得|宣布|签署|拟|将)")
_NUMBER_PART = re.compile(r"[\d.]+")
_OFFICIAL = re.compile(
    r"(?:部|部门|局|委|委员会|办|院|署|厅|政府|协会|分会|联合会|交易所)$|^(?:北京|天津|上海|重庆|"
    r"河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|"
    r"云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|深圳|广州|杭州|南京|苏州|武汉|成都|"
    r"西安|合肥|厦门|宁波|青岛|无锡|长沙|郑州|济南|沈阳|大连)(?:省|市)?$"
)
"""A speaker that issues documents: an agency, an association, a province or a city; not a
company or a person, whose remarks of one interview are several stories."""
_ISSUER = re.compile(r"([^：:，,。\s]{2,8}?)(?:出台|印发|发布|公布)")
_OPINION = re.compile(r"看好|推荐|关注|评级|目标价|预计|预期|认为|表示")
"""A view, not a document."""
_FRAME_WORDS = (
    *("首席执行官", "董事长", "总裁", "表示", "宣布", "推出", "发布", "正式", "新款"),
    *("售价", "元起", "目标价", "上调", "下调", "控股子公司", "子公司"),
    *("注射用", "治疗", "临床试验"),
    *("美元", "英镑", "欧元", "日元", "韩元", "港元", "亿元", "万元"),
)
"""Words that frame any company's news ("…首席执行官表示", "宣布推出", "售价…元起", an
amount's currency), no term of one deed."""
_DEAL = re.compile(r"合作|携手|联手|牵手|协议|签约|签署|联合")
_TWO_STORIES = re.compile(r"[；;|｜]|ETF")
"""Titles pasting two stories: "…；…", or a story beside a fund's move ("…！某ETF涨4%")."""
_SURGE = r"(?:概念|板块|股|赛道)(?:全线|集体)?爆发"
"""A sector's burst ("机器人概念全线爆发"), not demand's ("需求爆发")."""
_MOVE = re.compile(
    r"涨|跌|重回|走强|走弱|拉升|跳水|走高|走低|下挫|飙升|反弹|回落|回暖|异动|活跃|" + _SURGE
)
_US = re.compile(r"美股|纳指|纳斯达克|道指|标普|费城|盘前|夜盘|[报破至上]\d[\d.]*美元|美元/股")
"""A US move names its market, its session or a share price in dollars ("跌破1000美元")."""
_HK = re.compile(r"港股|恒生|恒指|港交所|两倍做[多空]")  # leveraged products list in Hong Kong only
_MARKETS = (
    ("US", _US),
    ("HK", _HK),
    ("KR", re.compile(r"韩股|韩国股市|KOSPI|韩国综合指数|首尔")),
    ("JP", re.compile(r"日股|日本股市|日经|东证|东京股市")),
    ("TW", re.compile(r"台股|台湾股市|台湾加权|台指")),
    ("EU", re.compile(r"欧股|欧洲股市|斯托克|DAX|富时100|CAC")),
)
"""Markets told apart by name; a move that names none is an A-share move."""
_SECTOR = re.compile(r"板块|概念|指数|ETF|产业链|赛道|[A-Za-z]股|[^个]股[大集全普走齐纷持]|股票")
"""A move of many stocks (a sector, an index, a fund), not of one company."""
_COLUMN = re.compile(r"^[^：:，,]{1,5}[：:]")
"""A column's label before the news ("午评：", "ETF收评：")."""
_SENTENCE = re.compile(r"[。！!？?\n]")
_CLAUSE = re.compile(r"[，,！!；;？?]")
"""A title's first clause says what it is about: "…涨价！某ETF涨3%" is news, not a move."""
_TITLE_CLAUSE = re.compile(r"[，,！!；;？?]|(?<![A-Za-z0-9])\s|\s(?![A-Za-z0-9])")
"""What ends a title's clause: punctuation, or a blank that does not sit inside Latin
words and figures ("Fable 5")."""
_MOVE_KINDS = frozenset({"stock-move", "index-move"})
_PRICE_CHANGE = re.compile(r"涨价|提价|降价|调价|价格")
"""A product's price moving is news of its own, not a market move."""
_NOT_A_MOVE = re.compile(r"(?:有望|或将|料将|预计将?)[^，,。！!；;？?\s]{0,4}")
"""What reads like a move but is none: a forecast ("板块有望持续走强")."""
_OVERSOLD = re.compile(r"超跌")
_UP = re.compile(r"涨|重回|走强|拉升|走高|飙升|反弹|回暖|活跃|新高|上扬|攀升|" + _SURGE)
_DOWN = re.compile(r"跌|走弱|跳水|走低|下挫|回落|调整|重挫|新低|低开|承压|杀跌")
UPDATE_GAP = timedelta(hours=10)
RARE_SHARE = 0.005
"""A title bigram in at most this share of the window's titles (10 of a day's 2,000) is a
story's own term."""
_CJK_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")
_SEED = 7
PRIOR_JACCARD = 0.45
"""Lead likeness at which a story counts as told in the previous window."""


class Link(NamedTuple):
    """Why two items of an event are one story: the rule of :data:`STORY_RULES` that joins
    them, "told_facts" (:func:`told_facts`) or "theme_move" (:func:`merge_moves`)."""

    a: str
    b: str
    rule: str


@dataclass(frozen=True)
class Event:
    """One story: every item that reports it, oldest first, and the links that joined them."""

    items: tuple[Analyzed, ...]
    links: tuple[Link, ...] = ()

    @property
    def id(self) -> str:
        return min(a.key for a in self.items)

    @property
    def sources(self) -> frozenset[str]:
        return frozenset(a.item.source for a in self.items)

    @property
    def outlets(self) -> frozenset[str]:
        """Every outlet that carried the story, including those a Readhub topic lists."""
        names = {a.item.outlet or a.item.source for a in self.items}
        for a in self.items:
            names.update(a.item.extras.get("outlets") or [])
        return frozenset(names)


@dataclass(frozen=True)
class _Features:
    lead: frozenset[str]
    title: frozenset[str]
    entities: frozenset[str]
    anchors: frozenset[str]
    subject: str
    """Who the headline is about (see :func:`subject`)."""
    known: bool
    """Whether the subject is a known name, not a guess from the title's shape."""
    kinds: frozenset[str]
    """The kinds of event the headline reports (see :mod:`theme_research.classify`)."""
    move: str
    """The market whose price move the title reports ("A", "US", "HK"), or ""."""
    topics: frozenset[str]
    products: frozenset[str]
    """Named products in the title ("Fable 5", "Optimus", "U1"), the subject left out."""
    lead_products: frozenset[str]
    """Named products in the lead (the title and the start of the body)."""
    figures: frozenset[str]
    """The title's figures that tell a fact ("2500", "37.16", "20"), not its dates or years."""
    speaker: str = ""
    """The agency or place the title quotes ("深圳" of "深圳：…"), see :func:`_official`."""
    told: frozenset[str] = frozenset()
    """The facts the title tells that two stories rarely share (see :func:`told_facts`)."""
    digest: bool = False
    """Whether the item is a roundup of many stories (see :func:`select.is_digest`)."""
    own: frozenset[str] = frozenset()
    """The title's bigrams outside the names, theme words and news frames it uses ("首席执行官",
    "宣布推出"), not even half inside one ("达首" of "英伟达首席…"): where a deed's own terms
    can be."""
    teased: str = ""
    """For a title that names no one ("“机器人伴侣”订单破1万台"), the first company its lead
    names: whom the teaser is about."""
    partners: frozenset[str] = frozenset()
    """The known companies a deal's title names ("英伟达联手宇树…"), by their shortest known
    name: empty unless the title tells a deal ("合作", "联手", "签署"…) and names two."""
    rare: frozenset[str] = frozenset()
    """Chinese title bigrams few titles of the window share ("车船", "智博"): a name or a
    term of this story that no list knows (set by :func:`group`)."""


def group(
    items: Sequence[Analyzed],
    entities: Iterable[str] = (),
    topics: Iterable[str] = (),
    *,
    same_as: Mapping[str, str] | None = None,
) -> list[Event]:
    """Group items into events of same-story pairs (see :func:`_merge`).

    ``entities`` are names (companies, securities, leaders): a headline's first name is
    its subject. ``topics`` are theme words: price-move reports of one market and session
    that share one in their titles are updates of one developing story ("机器人板块走强" …
    "机器人概念股午后拉升"). A shared name or theme word with a shared specific figure marks
    two differently worded reports as one story. ``same_as`` maps a company's other names
    to its name (lower-cased), so a headline's subject is the company whatever it is called.
    """
    ordered, features = _prepared(items, entities, topics, same_as or {})
    joined = _joined(ordered, features)
    strengths = {pair: _strength(features[pair[0]], features[pair[1]]) for pair in joined}
    members, told = _join_told_facts(_merge(len(ordered), strengths), ordered, features)
    joined.update(dict.fromkeys(told, "told_facts"))  # the reason two groups became one
    owner = {i: g for g, group in enumerate(members) for i in group}
    links: dict[int, list[Link]] = {}
    for (i, j), rule in sorted(joined.items()):
        if owner[i] == owner[j]:
            links.setdefault(owner[i], []).append(Link(ordered[i].key, ordered[j].key, rule))
    events = [
        Event(
            tuple(sorted((ordered[i] for i in group), key=lambda a: (a.item.published_at, a.key))),
            tuple(links.get(g, ())),
        )
        for g, group in enumerate(members)
    ]
    return sorted(events, key=lambda e: e.id)


def joined_by(
    items: Sequence[Analyzed],
    entities: Iterable[str] = (),
    topics: Iterable[str] = (),
    *,
    same_as: Mapping[str, str] | None = None,
) -> dict[tuple[str, str], str]:
    """The rule (a name in :data:`STORY_RULES`) that joins each pair of items :func:`group`
    joins, by the items' keys: what to read when an event holds a report it should not, or
    misses one. Two joined items can still end in two events (see :func:`_merge`)."""
    ordered, features = _prepared(items, entities, topics, same_as or {})
    joined = _joined(ordered, features)
    return {(ordered[i].key, ordered[j].key): rule for (i, j), rule in joined.items()}


def _prepared(
    items: Sequence[Analyzed],
    entities: Iterable[str],
    topics: Iterable[str],
    same_as: Mapping[str, str],
) -> tuple[list[Analyzed], list[_Features]]:
    """The items in a canonical order (so input order is moot) and their features."""
    ordered = sorted(items, key=lambda a: a.key)
    names = frozenset(e.lower() for e in entities)
    index = NameIndex(names | frozenset(t.lower() for t in topics))
    return ordered, _with_rare_terms([_features(a, names, index, same_as) for a in ordered])


def _joined(
    ordered: Sequence[Analyzed], features: Sequence[_Features]
) -> dict[tuple[int, int], str]:
    """Each candidate pair a rule joins, and that rule's name."""
    joined = {}
    for i, j in _candidate_pairs(features):
        rule, verdict = story_rule(ordered[i], ordered[j], features[i], features[j])
        if verdict:
            joined[(i, j)] = rule
    return joined


def _with_rare_terms(features: list[_Features]) -> list[_Features]:
    """Set each item's rare title terms. In a small window nothing is known to be rare."""
    frequency = Counter(g for f in features for g in f.title)
    most = RARE_SHARE * len(features)
    rare = {g for g, count in frequency.items() if 1 < count <= most and _CJK_PAIR.fullmatch(g)}
    return [replace(f, rare=f.title & rare) if f.title & rare else f for f in features]


def _merge(count: int, links: dict[tuple[int, int], float]) -> list[list[int]]:
    """Join linked items, strongest links first, refusing merges that would chain stories.

    Two groups merge only when more than half of the pairs across them are linked
    themselves: a single bridging item (a feed item pasting two flashes, a session wrap
    naming many stocks) can no longer glue unrelated stories into one event.
    """
    groups = {i: [i] for i in range(count)}
    owner = list(range(count))
    for (i, j), _ in sorted(links.items(), key=lambda kv: (-kv[1], kv[0])):
        a, b = owner[i], owner[j]
        if a == b:
            continue
        cross = [(min(x, y), max(x, y)) for x in groups[a] for y in groups[b]]
        if 2 * sum(pair in links for pair in cross) <= len(cross):
            continue
        for x in groups[b]:
            owner[x] = a
        groups[a] += groups.pop(b)
    return list(groups.values())


def _join_told_facts(
    members: list[list[int]], ordered: Sequence[Analyzed], features: Sequence[_Features]
) -> tuple[list[list[int]], list[tuple[int, int]]]:
    """Join groups that tell one fact: a release told as its total and as its chip figure
    ("…半导体出口大增169.4%", "半导体出口额达371.6亿美元 同比猛增169.4%"), a plan told by the
    government and by the companies in it ("800万亿韩元"), an initiative and the answers to
    it ("《…倡议》"). Such reports share too little else for most pairs across the groups
    to be linked, which :func:`_merge` asks for; a told fact is specific enough not to.
    Returns the groups and the pairs whose one fact joined two groups."""
    owner = {i: g for g, group in enumerate(members) for i in group}
    parent = list(range(len(members)))

    def root(g: int) -> int:
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    told = []
    for i, j in sorted(_bucket_pairs(((fact, "") for fact in f.told) for f in features)):
        if root(owner[i]) != root(owner[j]) and _tell_one_fact(
            ordered[i], ordered[j], features[i], features[j]
        ):
            parent[root(owner[j])] = root(owner[i])
            told.append((i, j))
    joined: dict[int, list[int]] = {}
    for g, group in enumerate(members):
        joined.setdefault(root(g), []).extend(group)
    return list(joined.values()), told


def _tell_one_fact(a: Analyzed, b: Analyzed, fa: _Features, fb: _Features) -> bool:
    """Two titles telling one fact within a day: a document's name; an exact amount of money
    with a shared name or kind of event; an exact figure ("169.4%"), which unrelated figures
    share more often ("同比增长17.6%"), with a shared name; a round amount ("800万亿韩元")
    with a shared name within half an hour (two start-ups' "估值超200亿元" hours apart)."""
    gap = abs(a.item.published_at - b.item.published_at)
    shared = fa.told & fb.told
    if gap > FACT_GAP:
        return False
    if any(fact.startswith("《") for fact in shared):
        return True
    named = bool(fa.entities & fb.entities)
    if any(_is_exact(fact) and _is_money(fact) for fact in shared):
        return named or bool(fa.kinds & fb.kinds)
    if any(_is_exact(fact) for fact in shared):
        return named
    return named and gap <= RELEASE_GAP


def _is_money(fact: str) -> bool:
    """An amount of money ("371.6亿美元"), not a share price ("545美元") or a share (%)."""
    return _MONEY_AT_END.search(fact) is not None


def _is_exact(fact: str) -> bool:
    """An amount or figure not round: "847.5亿美元", "169.4", not "800万亿韩元"."""
    number = _NUMBER_PART.match(fact)
    return number is not None and len(number.group(0).replace(".", "").strip("0")) >= 3


def told_facts(title: str) -> frozenset[str]:
    """What a title tells that two stories rarely share by chance: a document's name
    ("《…倡议》"), an exact figure with its unit ("169.4%", "371.6亿美元"; not "23.76%" and
    "23.76万辆" alike) or an amount of money ("800万亿韩元"). A title pasting two stories
    ("…；…", a story beside an ETF's move) tells none, so it binds neither."""
    if _TWO_STORIES.search(title):
        return frozenset()
    facts = {m.group(0) for m in _DOCUMENT.finditer(title)}
    for m in _TOLD_FIGURE.finditer(_DATE.sub(" ", strip_thousands(title))):
        number, unit = m.groups()
        if _is_exact(number) or _is_money(unit):
            facts.add(number + unit)
    return frozenset(facts)


def _strength(fa: _Features, fb: _Features) -> float:
    """How alike two linked items read: the order in which links are merged."""
    return max(jaccard(fa.lead, fb.lead), dice(fa.title, fb.title))


def _features(
    item: Analyzed, names: frozenset[str], index: NameIndex, same_as: Mapping[str, str]
) -> _Features:
    in_lead = index.find(item.lead.lower())  # the lead starts with the title
    in_title = [(i, n) for i, n in in_lead if i + len(n) <= len(item.title)]
    deed_kinds = title_kinds(_deed_clauses(item.title, in_title, names))
    move = "" if _is_news(item.title, deed_kinds) else move_market(item.title)
    named = [(i, n) for i, n in in_title if n in names]
    found = subject(item.title, found=named, words=in_title)
    subject_name = same_as.get(found, found)
    in_body = [(i, n) for i, n in in_lead if n in names] if not found else []
    digest = is_digest(item)
    partners = _deal_partners(item.title, in_title, names, same_as) if not (move or digest) else ()
    roundup = digest or len(_distinct_names(same_as.get(n, n) for _, n in in_body)) >= ROUNDUP_NAMES
    teased = min(in_body)[1] if in_body and not roundup else ""
    return _Features(
        lead=frozenset(shingles(item.lead)),
        title=frozenset(shingles(mask_numbers(item.title))),
        # Any known name or theme word counts as a shared entity; the subject is a name.
        entities=frozenset(n for _, n in in_lead),
        anchors=frozenset(n for n in numbers_in(item.lead) if is_anchor(n)),
        subject=subject_name,
        known=bool(named),
        kinds=deed_kinds & DEED_KINDS,
        move=move,
        topics=frozenset(n for _, n in in_title) if move else frozenset(),
        products=products_in(item.title, names) - {subject_name},
        lead_products=products_in(item.lead, names) - {subject_name},
        figures=figures_in(item.title),
        speaker="" if named else _official(item.title),
        told=frozenset() if digest else told_facts(item.title),
        digest=digest,
        own=_own_bigrams(item.title, [n for _, n in in_title]),
        teased=same_as.get(teased, teased),
        partners=frozenset(partners) if len(partners) >= 2 else frozenset(),
    )


def _deal_partners(
    title: str,
    in_title: Iterable[tuple[int, str]],
    names: frozenset[str],
    same_as: Mapping[str, str],
) -> set[str]:
    """The companies a deal's title names, each by its shortest known name, so that "宇树"
    and "宇树科技", "石药" and "石药集团" are one company."""
    if not _DEAL.search(title):
        return set()
    return {_root(same_as.get(n, n), names, same_as) for _, n in in_title if n in names}


def _root(name: str, names: frozenset[str], same_as: Mapping[str, str]) -> str:
    """The shortest known name that ``name`` starts with ("宇树" of "宇树科技")."""
    for end in range(2, len(name)):
        if name[:end] in names:
            return same_as.get(name[:end], name[:end])
    return name


def _own_bigrams(title: str, names: Iterable[str]) -> frozenset[str]:
    """The title's bigrams in the runs between its names, theme words and frame words."""
    text = mask_numbers(title.lower())
    for word in sorted({*names, *_FRAME_WORDS}, key=len, reverse=True):
        text = text.replace(word, "|")
    return frozenset(g for run in text.split("|") for g in shingles(run) if len(g) == 2)


def _distinct_names(names: Iterable[str]) -> set[str]:
    """The names, less those inside another ("海力士" beside "SK海力士")."""
    found = set(names)
    return {n for n in found if not any(n != other and n in other for other in found)}


class NameIndex:
    """Finds every known name in a text in one pass (an Aho-Corasick automaton: checking
    thousands of names against thousands of items one by one is too slow)."""

    def __init__(self, names: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for name in names:
            if len(name) >= 2:
                self._automaton.add_word(name, name)
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[tuple[int, str]]:
        """``(position, name)`` for every occurrence start of every name in ``text``."""
        if self._empty:
            return []
        return sorted((end - len(name) + 1, name) for end, name in self._automaton.iter(text))

    def any_in(self, text: str) -> bool:
        """Does any name occur in ``text``?"""
        return not self._empty and next(self._automaton.iter(text), None) is not None


def subject(
    title: str,
    names: Iterable[str] = (),
    found: Sequence[tuple[int, str]] | None = None,
    words: Sequence[tuple[int, str]] = (),
) -> str:
    """Who a headline is about, or "": the first known name in it (the shortest at that
    place, so "美光科技" and "美光" agree); else the "X" of "X：…"; else a Latin proper
    name ("Crusoe"); else the words before its verb ("泉智博完成…融资" → "泉智博").

    Flashes about different companies share templates ("X：预计上半年净利润同比增长…",
    "X股价下跌6.1%，报…美元/股"); a different subject keeps them apart however alike the
    rest of the titles reads. ``found`` gives the names' positions when already known. The
    words before a verb are no one when they start inside a known word of the title
    (``words``): "首批L3级自动驾驶车型产品获得…" has no doer "驾驶车型产品".
    """
    if found is None:
        low = title.lower()
        found = [(i, n) for n in names for i in [low.find(n)] if i >= 0]
    if found:
        return min((i, len(n), n) for i, n in found)[2]
    for pattern in (_SUBJECT, _PROPER_NAME, _DOER):
        match = pattern.search(title)
        if match and match.group(1) not in _GENERIC_SUBJECTS:
            if pattern is _DOER and (
                _cuts_a_word(match.start(1), words) or _CLASS_NOUN_AT_END.search(match.group(1))
            ):
                return _named_after_a_class(title[: match.end(1)])
            return match.group(1).lower()
    return ""


def _cuts_a_word(at: int, words: Sequence[tuple[int, str]]) -> bool:
    """Does position ``at`` fall inside one of the ``(position, word)`` words?"""
    return any(start < at < start + len(word) for start, word in words)


def _named_after_a_class(doer: str) -> str:
    """The name after the last class noun of a described doer ("通用智能机器人企业智平方" →
    "智平方"), or "" for a description alone ("首批L3级自动驾驶车型产品", "国际存储巨头")."""
    parts = _CLASS_NOUN.split(doer)
    return parts[-1].lower() if len(parts) > 1 and len(parts[-1]) >= 2 else ""


def _deed_clauses(title: str, in_title: Sequence[tuple[int, str]], names: frozenset[str]) -> str:
    """The part of the title that tells its subject's deed. A title opening with a clause
    about its industry (a theme word, no name) before it names its subject tells the
    subject's part in it: "新能源汽车零售渗透率高达63% 比亚迪涨近9%" reports 比亚迪's
    move, not 比亚迪's data. ``in_title`` holds the known names and words of the title."""
    at = min((i for i, n in in_title if n in names), default=0)
    cut = max((m.end() for m in _TITLE_CLAUSE.finditer(title, 0, at)), default=0)
    before = [n for i, n in in_title if i + len(n) <= cut]
    return title[cut:] if before and not any(n in names for n in before) else title


def products_in(title: str, known: frozenset[str] = frozenset()) -> frozenset[str]:
    """Named products in a title, lower-cased: Latin names with a small letter or a digit
    ("Fable 5", "Optimus", "U1"; not acronyms such as "AI" or "GPU"), names in capitals
    after a line's name ("SPARK" of "RTX SPARK", not the ``known`` "ISAAC") and quoted
    names."""
    names = {m.group(1).lower() for m in _PRODUCT.finditer(title)}
    names |= {m.group(0).lower() for m in _CAPITALS.finditer(title)} - known
    names |= {m.group(1).lower() for m in _QUOTED.finditer(title)}
    return frozenset(n for n in names if len(n) >= 2 and not _NUMBER.fullmatch(n))


def figures_in(title: str) -> frozenset[str]:
    """The figures of a title that tell its facts: "20" of "20亿元", "37.16" of "37.16%";
    not a year ("2026年"), a date ("6月30日") or a single digit."""
    text = _DATE.sub(" ", title)
    return frozenset(
        n for n in numbers_in(text) if (len(n) >= 2 or "." in n) and not _YEAR.fullmatch(n)
    )


def merge_moves(
    events: Sequence[Event], theme_words: Callable[[Analyzed], Iterable[str]]
) -> list[Event]:
    """One theme's market moves in one market and one direction, as one event.

    For a theme, a day's "机器人概念逆势活跃", "午评：…机器人概念走强" and "减速器板块拉升"
    are updates of one developing story, though grouping (which knows no theme) keeps them
    apart for want of a shared word; so are the single-stock moves of that session
    ("Nebius盘前跌超9%") once a sector's move is there to join. ``theme_words`` gives the
    theme's words an item matched: the direction read is the one that follows them. A stock
    move with news of its own, and everything else, is left as it is.
    """
    buckets: dict[tuple[str, str], list[tuple[Event, bool]]] = {}
    kept: list[Event] = []
    for event in events:
        move = _theme_move(event, theme_words)
        if move is None:
            kept.append(event)
        else:
            key, sector = move
            buckets.setdefault(key, []).append((event, sector))
    for members in buckets.values():
        if not any(sector for _, sector in members):
            kept.extend(event for event, _ in members)
            continue
        items = {a.key: a for event, _ in members for a in event.items}
        first = members[0][0].id
        links = [link for event, _ in members for link in event.links]
        links += [Link(first, event.id, "theme_move") for event, _ in members[1:]]
        kept.append(
            Event(
                tuple(sorted(items.values(), key=lambda a: (a.item.published_at, a.key))),
                tuple(links),
            )
        )
    return sorted(kept, key=lambda e: e.id)


class _Move(NamedTuple):
    """A price move a title reports."""

    market: str
    direction: str
    sector: bool
    """Whether many stocks moved (a sector, an index, a fund), not one company."""
    named: bool
    """Whether the text names the market; a title naming none is read as an A-share move."""


def _theme_move(
    event: Event, theme_words: Callable[[Analyzed], Iterable[str]]
) -> tuple[tuple[str, str], bool] | None:
    """((market, "up" | "down"), whether a sector moved) when most of the event's titles
    that name the theme report a move that way; other titles have no say. A title naming
    no market says nothing of where the story's move was when another of its titles does
    ("比亚迪股份高开高走涨超8%" beside "…港股新能源汽车股走强"): it abstains."""
    moves: list[_Move | None] = []
    for item in event.items:
        words = [w for w in theme_words(item) if w.lower() in item.title.lower()]
        move = _title_move(item, item.title, words) if words else None
        if move is None:
            move = _opening_move(item, theme_words(item))
        if words or move:
            moves.append(move)
    if any(m and m.named for m in moves):
        moves = [m for m in moves if m is None or m.named]
    votes = Counter((m.market, m.direction) for m in moves if m)
    if not votes:
        return None
    key, count = max(votes.items(), key=lambda kv: (kv[1], kv[0]))
    sector = any(m.sector for m in moves if m and (m.market, m.direction) == key)
    return (key, sector) if 2 * count > len(moves) else None


def _opening_move(item: Analyzed, theme_words: Iterable[str]) -> _Move | None:
    """The sector move the body's first sentence reports, for a session wrap whose title
    tells none ("盘中大涨50%！万亿赛道暴力拉升！" opening "人形机器人概念股暴力拉升")."""
    opening = _SENTENCE.split(item.body, maxsplit=1)[0]
    words = [w for w in theme_words if w.lower() in opening.lower()]
    move = _title_move(item, opening, words) if words else None
    return move if move and move.sector else None


def _title_move(item: Analyzed, title: str, words: Sequence[str]) -> _Move | None:
    """The move the title's clause about the theme reports.

    That clause, not the first, says what the title is about: "量产信号…共振，机器人板块
    回暖！" is a sector move, "近20家…半导体企业涨价！某ETF涨3%" a price rise.
    """
    clauses = _CLAUSE.split(_COLUMN.sub("", title, count=1))
    about = [c for c in clauses if any(w.lower() in c.lower() for w in words)]
    if not about or _PRICE_CHANGE.search(about[0]):
        return None
    clause = next((c for c in about if move_market(c)), "")
    if not move_market(clause) or _PRICE_CHANGE.search(clause):
        return None
    # A clause that names no market is in the market named before it ("韩国KOSPI指数跌超5%，
    # SK海力士跌8%" is a Korean move throughout).
    market = named_market(clause) or named_market(title[: title.find(clause) + len(clause)])
    sector = bool(_SECTOR.search(clause))
    if not sector and headline_kinds(item) - _MOVE_KINDS:
        return None  # a company's move beside news of its own ("…跌9%，财报不及预期")
    direction = move_direction(clause, words)
    return _Move(market or "A", direction, sector, bool(market)) if direction else None


def _is_news(title: str, kinds: frozenset[str]) -> bool:
    """Does a title tell a product's price or a figure, and no market's move ("三季度存储器
    价格受AI服务器支撑，但涨幅收敛", "韩国5月芯片出口飙升至372亿美元")?"""
    told = _PRICE_CHANGE.search(title) or "data" in kinds
    return bool(told) and not _SECTOR.search(title)


def move_direction(title: str, words: Iterable[str]) -> str:
    """Whether a title reports a move "up" or "down" (or "" for neither): the first move
    word after the first of ``words`` in it, or else the first in the whole title.
    "超跌" (oversold) describes where a move starts, not the move: "超跌反弹" is up."""
    title = _OVERSOLD.sub("", title)
    lowered = title.lower()
    found = [lowered.find(w.lower()) for w in words]
    start = min((i for i in found if i >= 0), default=0)
    for text in (title[start:], title):
        up, down = _UP.search(text), _DOWN.search(text)
        if up or down:
            if up and (not down or up.start() < down.start()):
                return "up"
            return "down"
    return ""


def same_subject(a: str, b: str) -> bool:
    """Equal subjects, or one the tail of the other ("提供商泉智博" and "泉智博")."""
    return a == b or (min(len(a), len(b)) >= 2 and (a.endswith(b) or b.endswith(a)))


def move_market(title: str) -> str:
    """Which market's price move a title reports: "US", "HK", "KR", "JP", "TW", "EU", "A",
    or "" for none."""
    if not _MOVE.search(_NOT_A_MOVE.sub(" ", title)):
        return ""
    return named_market(title) or "A"


def named_market(text: str) -> str:
    """The market a text names ("韩国KOSPI…" → "KR"), or "" when it names none."""
    return next((market for market, pattern in _MARKETS if pattern.search(text)), "")


def is_anchor(number: str) -> bool:
    """A figure specific enough to identify a story: 2.64, 5403, not 3 or a year."""
    if "." in number:
        return True
    return len(number) >= 3 and not (len(number) == 4 and number[:2] in ("19", "20"))


def _candidate_pairs(features: Sequence[_Features]) -> set[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    for attribute, threshold in (("lead", LEAD_JACCARD * 0.8), ("title", TITLE_DICE * 0.6)):
        sets = [getattr(f, attribute) for f in features]
        pairs |= _lsh_pairs(sets, threshold)
    rules = (
        _fact_pairs,
        _move_pairs,
        _deed_pairs,
        _term_pairs,
        _product_pairs,
        _figure_pairs,
        _speaker_pairs,
        _partner_pairs,
    )
    return pairs.union(*(rule(features) for rule in rules))


def _term_pairs(features: Sequence[_Features]) -> set[tuple[int, int]]:
    """Items of one kind of event sharing a rare title term."""
    return _bucket_pairs(((kind, g) for kind in f.kinds for g in f.rare) for f in features)


def _deed_pairs(features: Sequence[_Features]) -> set[tuple[int, int]]:
    """Items about the same company reporting the same kind of event, product or figure."""
    return _bucket_pairs(
        ((f.subject[-2:], tag) for tag in f.kinds | f.products | f.figures) if f.subject else ()
        for f in features
    )


def _product_pairs(features: Sequence[_Features]) -> set[tuple[int, int]]:
    """Items whose leads name one product (a product few items name)."""
    keys = (((p, "") for p in f.lead_products) for f in features)
    return _bucket_pairs(keys, largest=lambda _: 40)


def _figure_pairs(features: Sequence[_Features]) -> set[tuple[int, int]]:
    """Items whose titles share an exact figure (one few titles share)."""
    keys = (((n, "") for n in f.figures if _is_precise(n)) for f in features)
    return _bucket_pairs(keys, largest=lambda _: 12)


def _speaker_pairs(features: Sequence[_Features]) -> set[tuple[int, int]]:
    """Items whose titles quote one agency or place ("深圳：…", see :func:`_official`)."""
    keys = (((f.speaker, ""),) if f.speaker else () for f in features)
    return _bucket_pairs(keys, largest=lambda _: 40)


def _partner_pairs(features: Sequence[_Features]) -> set[tuple[int, int]]:
    """Deals between the same two companies."""
    return _bucket_pairs(
        ((f"{a}|{b}", "") for a, b in combinations(sorted(f.partners), 2)) for f in features
    )


def _move_pairs(features: Sequence[_Features]) -> set[tuple[int, int]]:
    """Price-move reports of one market that share a topic word in their titles."""
    return _bucket_pairs(((f.move, t) for t in f.topics) if f.move else () for f in features)


def _fact_pairs(features: Sequence[_Features]) -> set[tuple[int, int]]:
    """Items that name the same entity (with the same specific figure, or alone).

    A key nearly every item shares identifies nothing, so crowded buckets are left out: a
    name alone in more than 40 items, a name with a figure in more than 12.
    """
    keys = (
        [key for e in f.entities for key in [(e, ""), *((e, a) for a in f.anchors)]]
        for f in features
    )
    return _bucket_pairs(keys, largest=lambda key: 40 if key[1] == "" else 12)


def _bucket_pairs(
    keys_per_item: Iterable[Iterable[tuple[str, str]]],
    largest: Callable[[tuple[str, str]], int] = lambda _: 1_000_000,
) -> set[tuple[int, int]]:
    """Every pair of items sharing a key, skipping buckets larger than ``largest(key)``."""
    buckets: dict[tuple[str, str], list[int]] = {}
    for index, keys in enumerate(keys_per_item):
        for key in keys:
            buckets.setdefault(key, []).append(index)
    return {
        (a, b)
        for key, members in buckets.items()
        if len(members) <= largest(key)
        for i, a in enumerate(members)
        for b in members[i + 1 :]
    }


def _lsh_pairs(sets: Sequence[frozenset[str]], threshold: float) -> set[tuple[int, int]]:
    """Candidate pairs of items whose sets may reach ``threshold`` Jaccard: items whose
    MinHashes share a bucket in any band of the LSH index.

    Feeds repeat one another word for word, so each distinct set is hashed once. Reading
    the index's buckets once gives the same pairs as querying it with every set, at half
    the cost.
    """
    holders: dict[frozenset[str], list[int]] = {}
    for index, grams in enumerate(sets):
        holders.setdefault(grams, []).append(index)
    members = list(holders.values())
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    for index, minhash in enumerate(_minhashes(list(holders))):
        lsh.insert(index, minhash)
    alike = [same for same in members if len(same) > 1]  # a set meets itself
    for table in lsh.hashtables:
        for key, size in table.itemcounts().items():
            if size > 1:
                alike.append([i for b in table.get(key) for i in members[b]])
    return {(a, b) for same in alike for a in same for b in same if a < b}


def _minhashes(sets: Sequence[frozenset[str]]) -> list[MinHash]:
    # bulk() shares one set of permutations; crc32 is a stable, fast 32-bit hash. A
    # MinHash does not depend on the order its values come in.
    encoded = [[g.encode("utf-8") for g in grams] for grams in sets]
    return list(
        MinHash.bulk(encoded, num_perm=NUM_PERM, seed=_SEED, hashfunc=zlib.crc32, scheme="legacy")
    )


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not (a and b):
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def same_story(a: Analyzed, b: Analyzed, fa: _Features, fb: _Features) -> bool:
    """Do two items tell one story? The first of :data:`STORY_RULES` that has a say decides
    (see :func:`story_rule`)."""
    return story_rule(a, b, fa, fb)[1]


def story_rule(a: Analyzed, b: Analyzed, fa: _Features, fb: _Features) -> tuple[str, bool]:
    """The rule that decides whether two items tell one story, and what it decides."""
    pair = _Pair(a, b, fa, fb, abs(a.item.published_at - b.item.published_at))
    for rule in STORY_RULES:
        verdict = rule(pair)
        if verdict is not None:
            return rule.__name__.lstrip("_"), verdict
    return "", False


@dataclass(frozen=True)
class _Pair:
    """Two items a rule compares, with their features and the time between them."""

    a: Analyzed
    b: Analyzed
    fa: _Features
    fb: _Features
    gap: timedelta

    @property
    def subjects_agree(self) -> bool:
        """Equal subjects, or a title with none."""
        fa, fb = self.fa, self.fb
        return not (fa.subject and fb.subject) or same_subject(fa.subject, fb.subject)

    @cached_property
    def deed_terms(self) -> frozenset[str]:
        return _deed_terms(self.a, self.b, self.fa, self.fb)

    def within_a_day(self, condition: bool) -> bool | None:
        """What a one-day rule says: one story if close enough, no say if ``condition`` fails."""
        return self.gap <= FACT_GAP if condition else None


def _rewrite(p: _Pair) -> bool | None:
    """An outlet's rewrite: near-duplicate leads within a day and a half."""
    near = p.gap <= DUPLICATE_GAP and jaccard(p.fa.lead, p.fb.lead) >= LEAD_JACCARD
    return True if near else None


def _two_markets(p: _Pair) -> bool | None:
    """Moves in two markets are two stories, however alike they read."""
    return False if p.fa.move and p.fb.move and p.fa.move != p.fb.move else None


def _update(p: _Pair) -> bool | None:
    """Like titles within hours, about one subject and one sector: a developing story's
    updates ("指数涨超3%" … "指数收涨5.2%")."""
    alike = p.gap <= UPDATE_GAP and dice(p.fa.title, p.fb.title) >= TITLE_DICE
    one = alike and _one_subject(p.a, p.b, p.fa, p.fb) and _one_topic(p.fa, p.fb)
    return True if one else None


def _session_move(p: _Pair) -> bool | None:
    """One market's move on a shared theme word within a session, told the same way."""
    shared = p.fa.topics & p.fb.topics
    if p.fa.move and p.fa.move == p.fb.move and shared and p.gap <= SESSION_GAP:
        return _same_way(p.a.title, p.b.title, shared)
    return None


def _company_deed(p: _Pair) -> bool | None:
    """One company, one kind of event, product or figure, one day."""
    fa, fb = p.fa, p.fb
    one_company = bool(fa.subject) and same_subject(fa.subject, fb.subject)
    deed = bool(fa.kinds & fb.kinds or fa.figures & fb.figures) or _one_product(fa, fb)
    return p.within_a_day(one_company and deed)


def _exact_figures(p: _Pair) -> bool | None:
    """Two exact figures in both titles: one fact, told twice."""
    exact = sum(_is_precise(f) for f in p.fa.figures & p.fb.figures)
    return p.within_a_day(p.subjects_agree and exact >= 2)


def _teaser(p: _Pair) -> bool | None:
    """A teaser headline and its company's report (see :func:`_teaser_of`). A market move,
    a digest or a title pasting two stories (an ETF note) is neither: moves have their own
    rules ("韩国KOSPI指数涨幅扩大至2%，此前一度跌超3.5%" is no teaser of the morning's fall)."""
    for item, features in ((p.a, p.fa), (p.b, p.fb)):
        if features.move or features.digest or _TWO_STORIES.search(item.title):
            return None
    return p.within_a_day(_teaser_of(p.fa, p.fb) or _teaser_of(p.fb, p.fa))


def _two_speakers(p: _Pair) -> bool | None:
    """One product, told by its maker and by its chief."""
    shared = bool(p.fa.products & p.fb.products)
    return p.within_a_day(shared and _name_each_other(p.a, p.b, p.fa, p.fb))


def _deed_term(p: _Pair) -> bool | None:
    """One deed, named by terms only its reports use; not a digest's, and not two subjects'
    (when one title has a subject, the other names it: "量坤科技完成数亿元天使轮融资" and "简智
    机器人完成数亿元多轮融资" are two start-ups' rounds)."""
    a, b, fa, fb = p.a, p.b, p.fa, p.fb
    if fa.digest or fb.digest:
        return None
    named = (
        same_subject(fa.subject, fb.subject)
        or _names_the_other(a, fb.subject)
        or _names_the_other(b, fa.subject)
    )
    deed = bool((fa.kinds & fb.kinds) - {"data"})
    return p.within_a_day(deed and len(p.deed_terms) >= 2 and named)


def _company_hour(p: _Pair) -> bool | None:
    """One known company's own terms within the hour, whatever kind each title reads as."""
    fa, fb = p.fa, p.fb
    one_known = fa.known and fb.known and same_subject(fa.subject, fb.subject)
    return True if one_known and p.gap <= HOUR_GAP and len(p.deed_terms) >= 2 else None


def _one_deal(p: _Pair) -> bool | None:
    """Two companies' deal, told by each side or by outlets in other words ("英伟达联手宇树、
    Sharpa 打造…" and "英伟达将与宇树科技等…合作开发…")."""
    return p.within_a_day(len(p.fa.partners & p.fb.partners) >= 2)


def _document(p: _Pair) -> bool | None:
    """One agency's flashes minutes apart: one document or briefing, told in parts."""
    if not p.fa.speaker or p.fa.speaker != p.fb.speaker:
        return None
    issued = _ISSUER.match(p.a.title) or _ISSUER.match(p.b.title)
    return p.gap <= (ISSUE_GAP if issued else BURST_GAP)


def _shared_name(p: _Pair) -> bool:
    """One name within a day, with one specific figure and somewhat alike titles, or with
    alike titles."""
    if not (p.fa.entities & p.fb.entities) or p.gap > FACT_GAP:
        return False
    likeness = dice(p.fa.title, p.fb.title)
    if p.fa.anchors & p.fb.anchors:
        return likeness >= FACT_TITLE_DICE
    return p.subjects_agree and likeness >= ENTITY_TITLE_DICE


STORY_RULES: tuple[Callable[[_Pair], bool | None], ...] = (
    _rewrite,
    _two_markets,
    _update,
    _session_move,
    _company_deed,
    _exact_figures,
    _teaser,
    _two_speakers,
    _deed_term,
    _company_hour,
    _one_deal,
    _document,
    _shared_name,
)
"""The rules for a candidate pair, in order: each says "one story", "two stories" or nothing,
and the first to say something decides. The last always says."""


def _one_topic(fa: _Features, fb: _Features) -> bool:
    """Could two alike move titles be about one sector? Not when one names a theme word the
    other does not share: "电机板块短线拉升" and "生猪养殖板块短线拉升" are one template."""
    if not (fa.move and fb.move) or fa.topics & fb.topics:
        return True
    return not (fa.topics or fb.topics)


def _same_way(a: str, b: str, topics: Iterable[str]) -> bool:
    """Do two move titles move the same way where they name the shared topics? A wrap
    ("机器人ETF领涨10%，创新药ETF领跌8%") is a fall for 创新药 and a rise for 机器人."""
    first, second = move_direction(a, topics), move_direction(b, topics)
    return not (first and second and first != second)


def _deed_terms(a: Analyzed, b: Analyzed, fa: _Features, fb: _Features) -> frozenset[str]:
    """The rare title terms two items share, outside the speakers their titles open with
    ("国家发改委：…" and "国家发改委刘刚带队赴小米集团…" share an agency, not a deed) and
    outside the names and known words in them ("渗透率" of a carmaker's and a retailer's
    figure) and the frame of any company's news ("首席执行官", "宣布推出"), and not half
    inside either ("达首" of "英伟达首席…", see :attr:`_Features.own`)."""
    speakers = shingles(_speaker(a.title)) | shingles(_speaker(b.title))
    return (fa.rare & fb.rare & fa.own & fb.own) - speakers


def _speaker(title: str) -> str:
    """Who a title quotes ("国家发改委" of "国家发改委：…"), or ""."""
    match = _SUBJECT.match(title)
    return match.group(1) if match else ""


def _official(title: str) -> str:
    """The agency, association or place a title quotes ("深圳" of "深圳：鼓励…") or whose
    document it tells ("深圳" of "深圳出台…"), or ""."""
    issuer = _ISSUER.match(title)
    speaker = _speaker(title) or (issuer.group(1) if issuer else "")
    official = _OFFICIAL.search(speaker) and not _OPINION.search(title)
    return speaker if official else ""


def _one_subject(a: Analyzed, b: Analyzed, fa: _Features, fb: _Features) -> bool:
    """Are two alike titles about one subject? Equal subjects; or the one whose title has
    none names in its lead the other's subject, when that is a known name. Titles of one
    template about two subjects ("…带队赴小米集团开展工作调研" and "…带队赴中国钢铁工业协会
    开展工作调研", where only 小米集团 is a known name) read alike but are two stories."""
    if fa.subject and fb.subject:
        return same_subject(fa.subject, fb.subject)
    if fa.known:
        return fa.subject in b.lead.lower()
    return not fb.known or fb.subject in a.lead.lower()


def _is_precise(figure: str) -> bool:
    """A figure of four digits or more ("448.2", "89091"): rarely shared by chance."""
    return sum(c.isdigit() for c in figure) >= 4


def _one_product(fa: _Features, fb: _Features) -> bool:
    """Do both name one product: in their titles, or a model ("U1", "GB300") in one title
    and the other's lead?"""
    if fa.products & fb.products:
        return True
    return any(
        _MODEL.search(p) for p in fa.products & fb.lead_products | fb.products & fa.lead_products
    )


def _teaser_of(teaser: _Features, report: _Features) -> bool:
    """Is ``teaser`` a title naming no one whose lead names the report's company and a
    model ("U1") the report's lead names too, or a figure of the report's title and some of
    its words ("五千亿级投资来袭！…建厂计划官宣" whose lead tells the "392万亿韩元投资计划")?"""
    models = {p for p in teaser.lead_products & report.lead_products if _MODEL.search(p)}
    figures = {n for n in report.figures & teaser.anchors if is_anchor(n)}
    told = figures or teaser.kinds & report.kinds
    shared = models or (told and teaser.title & report.title)  # a digest's title shares none
    named = report.subject in teaser.entities or teaser.teased == report.subject
    return bool(teaser.teased) and named and bool(shared)


def _name_each_other(a: Analyzed, b: Analyzed, fa: _Features, fb: _Features) -> bool:
    """Does each lead name the other's subject ("马斯克：Grok 4.5内测…" and "马斯克宣布Grok
    4.5开启SpaceX与特斯拉内部私测", whose subject is 特斯拉 and whose title names 马斯克)?"""
    return bool(fa.subject and fb.subject) and (
        fa.subject in b.lead.lower() and fb.subject in a.lead.lower()
    )


def _names_the_other(item: Analyzed, name: str) -> bool:
    """Does the item's title name the other's subject (or its last three characters, as
    "提供商泉智博" is named by "泉智博")? Not as the speaker it quotes: "乘联分会：特斯拉中国
    6月批发销量…" is 特斯拉's figure, not the 乘联分会's national one."""
    title = _speaker_removed(item.title.lower(), name)
    return bool(name) and (name in title or (len(name) > 3 and name[-3:] in title))


def _speaker_removed(title: str, name: str) -> str:
    """The title without its opening "name：", when it opens so."""
    return title[len(name) + 1 :] if name and _speaker(title) == name else title


@dataclass(frozen=True)
class PriorMatch:
    """An item's closest report in the previous window: how alike, and its figures."""

    similarity: float
    numbers: frozenset[str]


class PriorIndex:
    """The previous window's reports, indexed for novelty checks.

    Built once per window; each theme then asks only about its own items (matching every
    item of a full day would cost more than ranking one theme).
    """

    def __init__(self, previous: Sequence[Analyzed]) -> None:
        self._previous = list(previous)
        self._sets = [frozenset(shingles(a.lead)) for a in self._previous]
        self._lsh = MinHashLSH(threshold=PRIOR_JACCARD * 0.8, num_perm=NUM_PERM)
        for index, minhash in enumerate(_minhashes(self._sets)):
            self._lsh.insert(index, minhash)

    def matches(self, items: Sequence[Analyzed]) -> dict[str, PriorMatch]:
        """For each item that resembles a previous-window item, its closest such match.

        Candidates come from MinHash LSH over lead shingles; the similarity is exact
        Jaccard.
        """
        if not items or not self._previous:
            return {}
        new_sets = [frozenset(shingles(a.lead)) for a in items]
        matches: dict[str, PriorMatch] = {}
        for item, grams, minhash in zip(items, new_sets, _minhashes(new_sets), strict=True):
            scored = [(jaccard(grams, self._sets[i]), i) for i in self._lsh.query(minhash)]
            similarity, index = max(scored, default=(0.0, -1))
            if similarity >= PRIOR_JACCARD:
                matches[item.key] = PriorMatch(similarity, self._previous[index].numbers)
        return matches
