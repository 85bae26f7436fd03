"""Relevance: does an item truly concern a theme? Explainable, precision first.

An item is scored against a theme pack by weighted term matches (title counts double the
body), security mentions and exclusion rules. It is *kept* only when the theme is its
subject — a strong term in its title or several distinct strong terms in its body — and it
is not a digest of many unrelated stories. The matched terms are kept with the score.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from theme_research.analyze import Analyzed, has_cjk
from theme_research.themes import ThemePack

KEEP_SCORE = 2.5
"""The least score a kept item needs: one core term in the title, or a few in the body."""
BODY_FACTOR = 0.5
WEAK_WEIGHT = 0.0
"""Weak words ("智能", "数字化") are recorded as matched but add nothing on their own."""
ALIAS_WEIGHT = 2.0
SECURITY_WEIGHT = 2.0
CORE_SECURITY_WEIGHT = 2.5
SEGMENT_WEIGHT = 1.5

_DIGEST_TITLE = re.compile(
    r"早报|晚报|午报|早餐|要闻|精选|一览|汇总|速递|必读|集锦|周报|日报|前瞻|盘前|"
    r"新闻联播|热点|复盘|公告[汇精]|今日.{0,4}(看点|关注)|知道|连板|涨停分析|龙虎榜|盘中宝|资金监控|盘点|避雷针"
)
_CLAUSES = re.compile(r"[，,；;]")
_MOVE_WORD = re.compile(r"[涨跌]|走强|走弱|走高|走低|爆发|放量|拉升|下挫|跳水|反弹|回落|飙升")
WRAP_MOVES = 4
"""A title listing this many moves, clause after clause, is a wrap of the day's moves."""
_LATIN_WORD = re.compile(r"[a-z0-9]+")
"""A run of Latin letters and digits: how a one-word Latin term is found ("ai" in "ai芯片")."""
_WRAP_TITLE = re.compile(
    r"收盘|收评|午评|开盘|收市|早盘|盘前|盘后|三大指数|集体(收涨|收跌|高开|低开)"
)
_COLUMN_TAG = re.compile(r"^【[^】]{2,12}】.")
"""A title opening with a column's bracketed tag ("【公告全知道】…") is a roundup piece."""
_ENUMERATION = re.compile(r"(?:^|[\s。；;】])(?:\d{1,2}[、.．]|[①②③④⑤⑥⑦⑧⑨⑩])")


@dataclass(frozen=True)
class Term:
    """One matchable word of a theme: its weight, kind and, for securities, its ticker."""

    text: str
    weight: float
    kind: str  # keyword | segment | security | alias | weak
    segment: str = ""
    ticker: str = ""


@dataclass(frozen=True)
class Relevance:
    """How an item relates to a theme, and why."""

    key: str
    score: float
    kept: bool
    matched: tuple[str, ...] = ()
    tickers: tuple[str, ...] = ()
    segments: tuple[str, ...] = ()
    flags: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Matcher:
    """A pack compiled for matching: terms by how they must be matched.

    Checking hundreds of terms against thousands of items is the hot loop, so terms are
    indexed: two-character Chinese terms by token, longer ones by their first two
    characters (only terms whose opening pair occurs in the text are tried), Latin words
    by word.
    """

    pack: ThemePack
    terms: tuple[Term, ...]
    exclude: tuple[str, ...]
    by_token: dict[str, tuple[Term, ...]] = field(default_factory=dict)
    by_head: dict[str, tuple[Term, ...]] = field(default_factory=dict)
    latin_words: dict[str, tuple[Term, ...]] = field(default_factory=dict)
    latin: tuple[Term, ...] = ()

    def find(self, text: str, tokens: frozenset[str]) -> list[Term]:
        """Every term occurring in lower-cased ``text`` (see :func:`occurs`)."""
        found = [t for token in tokens if token in self.by_token for t in self.by_token[token]]
        heads = {text[i : i + 2] for i in range(len(text) - 1)}
        for head in heads & self.by_head.keys():
            found += [t for t in self.by_head[head] if t.text.lower() in text]
        for word in set(_LATIN_WORD.findall(text)) & self.latin_words.keys():
            found += self.latin_words[word]
        # A substring test first: most Latin terms are absent, and it is far cheaper.
        found += [t for t in self.latin if t.text.lower() in text and occurs(t.text, text, tokens)]
        return found


def compile_pack(pack: ThemePack) -> Matcher:
    """Collect every term of a pack with its weight (the strongest wins on duplicates)."""
    found: dict[str, Term] = {}

    def add(term: Term) -> None:
        # A word listed twice (a keyword that is also a security or a segment word) keeps
        # the heavier weight and every attribute either entry gives it.
        key = term.text.lower()
        old = found.get(key)
        if old is None:
            found[key] = term
            return
        heavier = term if term.weight > old.weight else old
        found[key] = Term(
            text=old.text,
            weight=heavier.weight,
            kind=heavier.kind,
            segment=old.segment or term.segment,
            ticker=old.ticker or term.ticker,
        )

    for word, weight in pack.keywords.items():
        add(Term(word, weight, "keyword"))
    for alias in pack.aliases:
        add(Term(alias, ALIAS_WEIGHT, "alias"))
    for segment in pack.segments:
        for word in segment.keywords:
            add(Term(word, pack.keywords.get(word, SEGMENT_WEIGHT), "segment", segment.name))
        for security in segment.securities:
            weight = CORE_SECURITY_WEIGHT if security.core else SECURITY_WEIGHT
            kind = "weak" if security.weak else "security"
            for name in security.names:
                add(
                    Term(
                        name,
                        WEAK_WEIGHT if security.weak else weight,
                        kind,
                        segment.name,
                        security.ticker,
                    )
                )
    for word in pack.weak:
        found.setdefault(word.lower(), Term(word, WEAK_WEIGHT, "weak"))
    return _indexed(pack, tuple(found.values()))


def _indexed(pack: ThemePack, terms: tuple[Term, ...]) -> Matcher:
    by_token: dict[str, list[Term]] = {}
    by_head: dict[str, list[Term]] = {}
    latin_words: dict[str, list[Term]] = {}
    latin = []
    for term in terms:
        low = term.text.lower()
        if _LATIN_WORD.fullmatch(low):
            latin_words.setdefault(low, []).append(term)
        elif not has_cjk(low):
            latin.append(term)
        elif len(low) <= 2:
            by_token.setdefault(low, []).append(term)
        else:
            by_head.setdefault(low[:2], []).append(term)
    return Matcher(
        pack=pack,
        terms=terms,
        exclude=tuple(w.lower() for w in pack.exclude),
        by_token={k: tuple(v) for k, v in by_token.items()},
        by_head={k: tuple(v) for k, v in by_head.items()},
        latin_words={k: tuple(v) for k, v in latin_words.items()},
        latin=tuple(latin),
    )


@lru_cache(maxsize=4096)
def _ascii_pattern(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z0-9]){re.escape(term.lower())}(?![a-z0-9])")


def occurs(term: str, text: str, tokens: frozenset[str]) -> bool:
    """Does ``term`` occur in lower-cased ``text``?

    Latin terms match on word boundaries ("AI" not in "MAIN"); two-character Chinese terms
    must be a jieba token or a token's head ("芯片" in "芯片股", not in "微芯片"); longer
    ones match as substrings.
    """
    low = term.lower()
    if not has_cjk(low):
        return _ascii_pattern(low).search(text) is not None
    if len(low) <= 2:
        return low in tokens
    return low in text


def _mentions(text: str, exclusion: str) -> bool:
    """Does lower-cased ``text`` hold an exclusion term? Chinese ones anywhere ("农药" in
    "生物农药"), Latin ones on word boundaries ("RPA" is not in "Sharpa")."""
    if has_cjk(exclusion):
        return exclusion in text
    return _ascii_pattern(exclusion).search(text) is not None


def is_digest(item: Analyzed) -> bool:
    """A roundup of many stories: a digest title, or four or more numbered points."""
    if _DIGEST_TITLE.search(item.title) or _COLUMN_TAG.match(item.item.title):
        return True
    return len(_ENUMERATION.findall(item.body)) >= 4


def score(item: Analyzed, matcher: Matcher) -> Relevance:
    """Score one analyzed item against a compiled pack."""
    title, body = item.title.lower(), item.body.lower()
    # Sorted, so sums and ties never depend on set iteration order (hash seeds vary).
    in_title = sorted(set(matcher.find(title, item.title_tokens)), key=lambda t: t.text)
    # An excluded word in the body of a title that names the theme is a passing mention:
    # 乘联分会's NEV figure may cite 成品油 prices, a robot rally list 地平线机器人 as a mover.
    on_theme = _names_the_theme(in_title)
    excluded = [
        w for w in matcher.exclude if _mentions(title, w) or (not on_theme and _mentions(body, w))
    ]
    hits = sorted(set(in_title + matcher.find(body, item.tokens)), key=lambda t: t.text)
    total, strong_title, strong_distinct = _weigh(hits, in_title)
    flags = [f"excluded:{w}" for w in excluded]
    if is_digest(item):
        flags.append("digest")
    if _security_list(hits, in_title) or _market_wrap(item.title, in_title):
        flags.append("market-wrap")
    kept = (
        not flags and total >= KEEP_SCORE and (strong_title >= ALIAS_WEIGHT or strong_distinct >= 3)
    )
    if not kept and total >= KEEP_SCORE and not flags:
        flags.append("passing-mention")
    return Relevance(
        key=item.key,
        score=round(total, 3),
        kept=kept,
        matched=tuple(sorted({t.text for t in hits})),
        tickers=tuple(sorted({t.ticker for t in hits if t.ticker})),
        segments=tuple(sorted({t.segment for t in hits if t.segment})),
        flags=tuple(flags),
    )


def _names_the_theme(in_title: Sequence[Term]) -> bool:
    """Does the title name the theme itself, by a strong word that is no company's name?"""
    return any(
        t.kind in ("keyword", "segment", "alias") and not t.ticker and t.weight >= ALIAS_WEIGHT
        for t in in_title
    )


def _market_wrap(title: str, in_title: Sequence[Term]) -> bool:
    """A session wrap-up ("美股收盘：…", "港股午评：…") whose title names no theme word, or
    a title listing the day's moves ("创业板涨超3%，…，碳酸锂期货涨超7%，沪银涨超5%") that
    names the theme in one of them, not the first: the theme's stocks appear in it only as
    some of the day's movers."""
    if _WRAP_TITLE.search(title):
        return not any(t.kind in ("keyword", "segment") and not t.ticker for t in in_title)
    clauses = [c for c in _CLAUSES.split(title.lower()) if c.strip()]
    if sum(bool(_MOVE_WORD.search(c)) for c in clauses) < WRAP_MOVES:
        return False
    terms = [t.text.lower() for t in in_title if t.kind != "weak"]
    naming = [any(term in c for term in terms) for c in clauses]
    return not naming[0] and sum(naming) <= 1


def _security_list(hits: Sequence[Term], in_title: Sequence[Term]) -> bool:
    """Three or more securities named and no theme word in the title: a market wrap-up
    that lists big names ("美股收评 … 英伟达、微软、Meta …"), not news about the theme."""
    securities = {t.ticker for t in hits if t.ticker}
    return len(securities) >= 3 and not any(t.kind != "weak" and not t.ticker for t in in_title)


def _weigh(hits: Sequence[Term], in_title: Sequence[Term]) -> tuple[float, float, int]:
    """Total score, strong weight in the title, and the number of distinct strong concepts.

    A company named twice ("百度集团", "百度") is one concept and counts once, at its
    heaviest weight and at full weight if any of its names is in the title.
    """
    title_texts = {t.text for t in in_title}
    concepts: dict[str, tuple[float, bool]] = {}
    for term in hits:
        if term.kind == "weak":
            continue
        concept = term.ticker or term.text.lower()
        weight, titled = concepts.get(concept, (0.0, False))
        concepts[concept] = (max(weight, term.weight), titled or term.text in title_texts)
    total = sum(w * (1.0 if titled else BODY_FACTOR) for w, titled in concepts.values())
    strong_title = sum(w for w, titled in concepts.values() if titled)
    return total, strong_title, len(concepts)


def select(items: Iterable[Analyzed], pack: ThemePack) -> dict[str, Relevance]:
    """Score every item; return the relevance of each item, kept or not, by key."""
    matcher = compile_pack(pack)
    return {item.key: score(item, matcher) for item in items}


MARGINAL_SCORE = 3.0
"""Below this an item is kept on a single tie (one leader's name, one keyword)."""
OTHER_THEME_FACTOR = 1.5
"""How much more another theme must claim a marginal item for it to belong there."""


def defer_to_other_themes(
    items: Sequence[Analyzed],
    relevance: Mapping[str, Relevance],
    others: Iterable[ThemePack],
) -> dict[str, Relevance]:
    """Drop the items this theme keeps on a single tie that another theme claims far more.

    "机器人ETF涨超5%，特斯拉机器人排产爬坡" names 特斯拉, a 新能源车 leader, but it is robots'
    news; a SiC maker's IPO that lists 宁德时代 among its holders is chips'. Only marginal
    items are scored against the other themes, so this costs little.
    """
    result = dict(relevance)
    marginal = [a for a in items if result[a.key].kept and result[a.key].score < MARGINAL_SCORE]
    for other in others if marginal else ():
        for key, theirs in select(marginal, other).items():
            mine = result[key]
            if mine.kept and theirs.kept and theirs.score >= OTHER_THEME_FACTOR * mine.score:
                flags = (*mine.flags, f"belongs-to:{other.slug}")
                result[key] = replace(mine, kept=False, flags=flags)
    return result
