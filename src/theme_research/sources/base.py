"""The contract every record format follows, and helpers the parsers share."""

from __future__ import annotations

import ast
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from theme_research.clean import clean_pair
from theme_research.models import MARKET_TZ, NewsItem

Record = Mapping[str, Any]


@dataclass(frozen=True)
class RecordFormat:
    """A format of one feed's records.

    ``sniff`` says whether a decoded record looks like this format; ``parse`` turns it into
    a :class:`NewsItem` or raises ``ValueError``/``KeyError``/``TypeError`` with a reason.
    """

    name: str
    description: str
    sniff: Callable[[Record], bool]
    parse: Callable[[Record], NewsItem]


def unwrap_archive(record: Record, source: str) -> Record:
    """The feed's own API object inside an archive row (``source`` + ``raw``), else the record.

    Archive rows keep the API object in ``raw``, as a dict or as its string form; parsing
    that object means one parser per format, whether the record came from a file or a feed.
    """
    if record.get("source") != source or "raw" not in record:
        return record
    raw = record["raw"]
    if isinstance(raw, str):
        raw = _decode_raw(raw)
    if not isinstance(raw, Mapping):
        raise ValueError(f"'raw' is a {type(raw).__name__}, expected an object")
    return raw


def _decode_raw(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return ast.literal_eval(text)  # archives written by Python store str(dict)


def from_epoch(value: Any) -> datetime:
    """Epoch seconds (int or numeric string) → aware datetime on the market clock."""
    seconds = int(str(value).strip())
    if seconds <= 0:
        raise ValueError(f"bad epoch time {value!r}")
    return datetime.fromtimestamp(seconds, tz=UTC).astimezone(MARKET_TZ)


def from_local(text: str) -> datetime:
    """A naive ``YYYY-MM-DD HH:MM[:SS]`` time of a Chinese feed, read as Asia/Shanghai."""
    parsed = datetime.fromisoformat(str(text).strip())
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=MARKET_TZ)
    return parsed.astimezone(MARKET_TZ)


def from_utc(text: str) -> datetime:
    """An ISO time the format defines as UTC (``Z`` or naive) → aware, market clock."""
    parsed = datetime.fromisoformat(str(text).strip().replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(MARKET_TZ)


def require_text(record: Record, *keys: str) -> str:
    """The first non-empty string among ``keys``, or ``""``."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def build_item(
    *,
    source: str,
    source_id: Any,
    published_at: datetime,
    title: str,
    content: str,
    url: str = "",
    language: str = "zh",
    outlet: str = "",
    extras: dict[str, Any] | None = None,
    raw: str = "",
) -> NewsItem:
    """Clean the text and assemble a :class:`NewsItem`; refuse records with no text."""
    source_id = str(source_id).strip()
    if not source_id or source_id == "None":
        raise ValueError("record has no id")
    title, content = clean_pair(title, content)
    if not title and not content:
        raise ValueError("record has neither title nor content")
    return NewsItem(
        source=source,
        source_id=source_id,
        published_at=published_at,
        title=title,
        content=content or title,
        url=url,
        language=language,
        outlet=outlet,
        extras={k: v for k, v in (extras or {}).items() if v not in (None, "", [], {})},
        raw=raw,
    )
