"""Text cleaning, in one place: every importer sends its text through here."""

from __future__ import annotations

import html
import re
from functools import lru_cache

import opencc

# Full-width letters, digits and the symbols that carry meaning in numbers and tickers are
# folded to ASCII; Chinese punctuation（，。：；！？）stays, because it is what Chinese text
# is written with and the reports quote it.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}  # ０-９
_FOLD |= {code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)}  # Ａ-Ｚ
_FOLD |= {code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)}  # ａ-ｚ
_FOLD |= {ord(c): ord(c) - 0xFEE0 for c in "％＄＆＠＃＋－＝．／＜＞＿"}
_FOLD[0x3000] = ord(" ")

_HEADLINE = re.compile(r"^\s*【([^】]{2,200})】")
# "财联社7月1日电，", "新华社北京3月18日电 ", "东方财富网3月18日讯，", "《科创板日报》1日讯，"
# …: the outlet's dateline.
_DATELINE = re.compile(
    r"^\s*(?:《[^》]{2,12}》|[（(]?[\u4e00-\u9fffA-Za-z]{1,12}(?:网|社|报|讯|财经)?[\u4e00-\u9fff]{0,6}?)?"
    r"(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:晚间|早间|午间)?(?:电|讯)[）)]?\s*[，,：:]?\s*"
)
_SPACES = re.compile(r"[ \t\u00a0]+")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def fold_width(text: str) -> str:
    """Fold full-width ASCII letters, digits and number symbols to their ASCII forms."""
    return text.translate(_FOLD)


def to_simplified(text: str) -> str:
    """Traditional → Simplified Chinese (OpenCC ``t2s``)."""
    return str(_t2s().convert(text)) if text else text


def normalize(text: str) -> str:
    """Decode HTML entities (RSS-fed titles carry "Microsoft&apos;s"), fold width, convert
    to Simplified, collapse runs of spaces, trim."""
    return _SPACES.sub(" ", to_simplified(fold_width(html.unescape(text)))).strip()


def leading_headline(content: str) -> str:
    """The 【…】 headline at the start of a text, or ``""``."""
    match = _HEADLINE.match(content)
    return match.group(1).strip() if match else ""


def strip_dateline(text: str) -> str:
    """Remove an outlet's dateline ("财联社7月1日电，") at the start of the text.

    A leading 【headline】 is kept and the dateline right after it is removed too.
    """
    headline = _HEADLINE.match(text)
    if headline:
        return headline.group(0) + _DATELINE.sub("", text[headline.end() :], count=1)
    return _DATELINE.sub("", text, count=1)


def clean_pair(title: str, content: str) -> tuple[str, str]:
    """Clean a record's title and content the same way for every feed.

    The title falls back to the 【…】 headline of the content, then to the content's
    first sentence, so no item is left without a title.
    """
    content = strip_dateline(normalize(content))
    title = normalize(title) or leading_headline(content) or first_sentence(content)
    return title, content


def first_sentence(text: str, limit: int = 60) -> str:
    """The text up to its first full stop, cut at ``limit`` characters."""
    sentence = re.split(r"[。！？!?\n]", text, maxsplit=1)[0].strip()
    return sentence[:limit]
