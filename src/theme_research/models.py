"""Plain data objects passed between the pipeline's stages."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

MARKET_TZ = ZoneInfo("Asia/Shanghai")
"""The market's clock: every naive time of a Chinese feed is read in this zone."""


def content_key(*parts: str) -> str:
    """A stable id for a record whose feed gives none: a hash of its defining text."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return "h" + digest[:16]


@dataclass(frozen=True, slots=True)
class NewsItem:
    """One news record, in the fields every source shares.

    ``content`` is the cleaned text used downstream; ``raw`` keeps the record exactly as
    the feed delivered it (JSON text), so nothing is lost by cleaning. ``extras`` holds a
    feed's own metadata (tags, linked stocks, importance flags) apart from shared fields.
    """

    source: str
    source_id: str
    published_at: datetime
    title: str
    content: str
    url: str = ""
    language: str = "zh"
    outlet: str = ""
    extras: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    raw: str = field(default="", compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        if self.published_at.tzinfo is None:
            raise ValueError("published_at must be timezone-aware")

    @property
    def key(self) -> str:
        """The item's stable identity: ``source:source_id``."""
        return f"{self.source}:{self.source_id}"

    @property
    def text(self) -> str:
        """Title and content joined, for matching and grouping."""
        if self.title and self.content.startswith(self.title):
            return self.content
        return f"{self.title}\n{self.content}" if self.title else self.content

    @property
    def fingerprint(self) -> str:
        """Hash of the fields that matter: a changed fingerprint means an updated item."""
        return content_key(self.title, self.content, self.url, self.published_at.isoformat())
