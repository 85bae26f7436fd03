"""Theme-independent text analysis, done once per run: tokens, numbers, shingles.

Selection, grouping and ranking all read an item's :class:`Analyzed` form, so the costly
work (jieba segmentation) happens once however many themes are ranked.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jieba

from theme_research.models import NewsItem

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(万亿|亿|万)?\s*(美元|元|港元|欧元|日元|人民币)")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_BLOCK = jieba.re_han_default
"""What jieba segments as one block (its own pattern)."""
SEGMENTED = 400
"""Body characters segmented into tokens; longer texts are matched by substring beyond."""
_LEAD = 160
"""Characters of the body (after the title) that grouping compares: a story's lead."""


@dataclass(frozen=True, slots=True)
class Analyzed:
    """An item with the text features every later stage reads."""

    item: NewsItem
    title: str
    body: str
    tokens: frozenset[str]
    title_tokens: frozenset[str]
    numbers: frozenset[str]
    amounts_yuan: tuple[float, ...]
    percents: tuple[float, ...]

    @property
    def key(self) -> str:
        return self.item.key

    @property
    def lead(self) -> str:
        """Title plus the start of the body: what two reports of one story share."""
        return f"{self.title} {self.body[:_LEAD]}"


class Segmenter:
    """A jieba tokenizer whose dictionary knows every theme pack's words.

    Tokens only decide whether a two-character Chinese term stands as a word of its own
    (see ``select.occurs``), so a text holding none of ``short_terms`` is not segmented:
    segmentation is the costliest step of a run.

    With a ``cache_dir``, the finished dictionary (jieba's plus the packs' words) is kept
    there as a pickle, keyed by jieba's version and the words: loading it takes a quarter
    of the time jieba's own cache takes, and the packs' words need not be added again.
    """

    def __init__(
        self,
        words: Iterable[str] = (),
        short_terms: Iterable[str] | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        jieba.setLogLevel(logging.WARNING)
        self._jieba = _tokenizer(sorted(set(words)), cache_dir)
        shorts = sorted({t.lower() for t in short_terms or ()})
        self._short = re.compile("|".join(map(re.escape, shorts))) if shorts else None
        self._always = short_terms is None

    def tokens(self, text: str) -> list[str]:
        """Tokens of ``text``, lower-cased, punctuation and blanks dropped.

        Only the blocks that hold a short term are segmented: jieba segments each block
        (a run between punctuation or blanks) on its own, so their tokens are the same.
        """
        if not self._always:
            blocks = [b for b in _BLOCK.findall(text) if self._holds_short_term(b)]
            text = " ".join(blocks)
        return [t.lower() for t in self._jieba.lcut(text, HMM=False) if not _PUNCT.fullmatch(t)]

    def _holds_short_term(self, block: str) -> bool:
        return bool(self._short and self._short.search(block.lower()))


_PACK_WORD_FREQ = 200_000
"""A high frequency keeps pack terms whole ("人形机器人", "AI芯片")."""


def _tokenizer(words: list[str], cache_dir: Path | None) -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    cached = cache_dir / f"jieba-{_dictionary_key(words)}.pickle" if cache_dir else None
    if cached and cached.is_file():
        try:
            with cached.open("rb") as file:
                tokenizer.FREQ, tokenizer.total = pickle.load(file)
            tokenizer.initialized = True
            return tokenizer
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            logging.getLogger(__name__).debug("unreadable dictionary cache %s", cached)
    for word in words:
        tokenizer.add_word(word, freq=_PACK_WORD_FREQ)
    if cached:
        _save_dictionary(tokenizer, cached)
    return tokenizer


def _dictionary_key(words: list[str]) -> str:
    text = "\n".join([jieba.__version__, str(_PACK_WORD_FREQ), *words])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _save_dictionary(tokenizer: jieba.Tokenizer, path: Path) -> None:
    """Write the cache atomically; a cache that cannot be written is only slower."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as file:
            pickle.dump((tokenizer.FREQ, tokenizer.total), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError as error:
        logging.getLogger(__name__).debug("dictionary cache not written: %s", error)
        if temporary:  # a half-written file would only fill the directory
            Path(temporary).unlink(missing_ok=True)


@lru_cache(maxsize=4)
def segmenter_for(
    words: tuple[str, ...],
    short_terms: tuple[str, ...] | None = None,
    cache_dir: Path | None = None,
) -> Segmenter:
    """A cached :class:`Segmenter` for one vocabulary (building one costs about a second)."""
    return Segmenter(words, short_terms, cache_dir)


def analyze(items: Sequence[NewsItem], segmenter: Segmenter | None) -> list[Analyzed]:
    """Analyze every item once; without a segmenter, tokens are left empty (cheap)."""
    return [analyze_item(item, segmenter) for item in items]


def analyze_item(item: NewsItem, segmenter: Segmenter | None) -> Analyzed:
    title = strip_headline_brackets(item.title)
    body = body_text(item)
    if segmenter is None:
        title_tokens = body_tokens = frozenset[str]()
    else:
        title_tokens = with_heads(segmenter.tokens(title))
        body_tokens = with_heads(segmenter.tokens(body[:SEGMENTED]))
    text = f"{title}\n{body}"
    return Analyzed(
        item=item,
        title=title,
        body=body,
        tokens=title_tokens | body_tokens,
        title_tokens=title_tokens,
        numbers=frozenset(numbers_in(text)),
        amounts_yuan=tuple(amounts_in_yuan(text)),
        percents=tuple(float(m) for m in _PERCENT.findall(text)),
    )


def with_heads(tokens: Iterable[str]) -> frozenset[str]:
    """Tokens plus the two-character head of longer Chinese tokens.

    "芯片股" then also yields "芯片", so a two-character term matches the start of a
    compound but not its tail ("电池" is not found in "储能电池组" through "池组").
    """
    found = set(tokens)
    found.update(t[:2] for t in list(found) if len(t) > 2 and has_cjk(t[:2]))
    return frozenset(found)


def body_text(item: NewsItem) -> str:
    """The content without a leading 【title】 that only repeats the title."""
    content = item.content
    if content.startswith("【"):
        end = content.find("】")
        if 0 < end < 220:
            content = content[end + 1 :]
    return content.strip()


def strip_headline_brackets(title: str) -> str:
    """A title wholly inside 【…】 loses the brackets; a column tag 【…】 before it stays."""
    title = title.strip()
    if title.startswith("【") and title.endswith("】") and title.count("【") == 1:
        return title[1:-1].strip()
    return title


def numbers_in(text: str) -> list[str]:
    """Every number written in the text ("3.1", "40"; "50,624" read as "50624")."""
    return _NUMBER.findall(strip_thousands(text))


def strip_thousands(text: str) -> str:
    """The text with thousands separators dropped ("50,624" → "50624")."""
    return _THOUSANDS.sub("", text)


_UNIT = {"万亿": 1e12, "亿": 1e8, "万": 1e4, None: 1.0, "": 1.0}
_CURRENCY = {"美元": 7.0, "欧元": 7.8, "港元": 0.9, "日元": 0.05}


def amounts_in_yuan(text: str) -> list[float]:
    """Money amounts in the text, roughly converted to yuan (for magnitude only)."""
    found = []
    for value, unit, currency in _AMOUNT.findall(text):
        found.append(float(value) * _UNIT[unit or None] * _CURRENCY.get(currency, 1.0))
    return found


def mask_numbers(text: str) -> str:
    """Numbers replaced by ``#``: successive updates of one story then read alike."""
    return _NUMBER.sub("#", text)


def normalized(text: str) -> str:
    """Lower-case text without blanks or punctuation, for shingling."""
    return _PUNCT.sub("", text).lower()


def shingles(text: str, size: int = 2) -> set[str]:
    """Character n-grams of the normalized text."""
    flat = normalized(text)
    if len(flat) <= size:
        return {flat} if flat else set()
    # Joining shifted copies runs in C: thrice as fast as slicing in a comprehension.
    return set(map("".join, zip(*(flat[k:] for k in range(size)), strict=False)))


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))
