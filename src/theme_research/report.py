"""The report as data: what the writer produces, verify checks and render turns into files.

The same models define the JSON twin (``Report.model_dump``) and its schema
(``Report.model_json_schema()``); ``SCHEMA_VERSION`` changes whenever the twin's shape does.
"""

from __future__ import annotations

import re
from datetime import datetime

from pydantic import BaseModel, ConfigDict

SCHEMA_VERSION = "1.2"
REQUIRED_SECTIONS = (
    "## 简要部分",
    "### 主要话题与市场趋势概述",
    "### 对交易影响可能最大的10个信息",
    "## 详细部分",
    "### 1. 事件或主题概述",
    "### 2. 核心驱动与影响分析",
    "### 3. 相关ETF或行业的潜在影响",
    "#### 直接受益领域",
    "#### 相关ETF推荐",
    "### 4. 主要风险与不确定性",
)
ADVICE = re.compile(
    r"建议(买入|卖出|增持|减持)|买入评级|增持评级|目标价|稳赚|必涨|抄底|满仓|重仓|保本|翻倍股"
)
"""Advice phrasing a research summary must not contain."""
DISCLAIMER = (
    "**免责声明**：本报告由程序根据公开新闻自动整理，不构成投资建议。市场有风险，投资需谨慎。"
    "文中事实均引自所列来源，可能与实际情况存在偏差，请以公司公告和官方信息为准。"
)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EvidenceItem(_Model):
    """One news item a report rests on."""

    key: str
    source: str
    source_id: str
    outlet: str
    url: str
    published_at: datetime
    title: str
    content: str


class Paragraph(_Model):
    """A piece of prose and the evidence keys it cites."""

    text: str
    cites: tuple[str, ...] = ()


class ReportEvent(_Model):
    """A ranked event with its score parts and every item that reported it."""

    rank: int
    score: float
    parts: dict[str, float]
    headline: str
    event_type: str
    segments: tuple[str, ...]
    tickers: tuple[str, ...]
    items: tuple[EvidenceItem, ...]


class KeyItem(_Model):
    """One of the ten items: a sentence with its key fact, citing its event's items."""

    rank: int
    text: str
    cites: tuple[str, ...]


class Section(_Model):
    """A titled block of paragraphs (a driver, a sector, a risk)."""

    title: str
    paragraphs: tuple[Paragraph, ...]


class EtfLine(_Model):
    market: str
    etfs: tuple[str, ...]


class Finding(_Model):
    """One verification result: which rule, where, and what is wrong."""

    rule: str
    where: str
    message: str


class Verification(_Model):
    passed: bool
    checks: tuple[str, ...]
    findings: tuple[Finding, ...]


class Window(_Model):
    start: datetime
    end: datetime


class Method(_Model):
    """How the report was made: feeds read and missing, window, counts."""

    feeds_used: tuple[str, ...]
    feeds_missing: tuple[str, ...]
    items_read: int
    items_relevant: int
    events_formed: int
    events_relevant: int


class ReplacedPart(_Model):
    """A part of the model's prose replaced by the offline writer's text, and why."""

    part: str
    """``overview``, ``summary``, ``drivers``, ``risks`` or ``item N``."""
    rules: tuple[str, ...]
    """The checks it failed (``numbers``, ``citations``, ``advice`` …)."""
    reason: str
    """The findings' messages, joined."""


class RelevanceVerdict(_Model):
    """The relevance re-check's verdict on one candidate event."""

    event_id: str
    """The key of the event's first item."""
    relevant: bool
    why: str


class EngineRecord(_Model):
    """What the model-backed writer did for this report (absent for plain offline reports).

    ``Report.engine`` says who wrote the prose in the end: ``llm``, or ``offline`` when the
    writer fell back (``notes`` then say why).
    """

    provider: str
    model: str
    calls: int = 0
    """Requests sent to the provider (retries and the repair round included)."""
    prompt_tokens: int = 0
    completion_tokens: int = 0
    """Tokens as the provider reported them; zero when the answer came from the cache."""
    cached: bool = False
    events_in_prompt: int = 0
    """Events shown to the model as evidence (fewer than the report's when over budget)."""
    cjk_share: float | None = None
    """Share of CJK characters in the prose (letters, digits and CJK counted; llm only)."""
    replaced: tuple[ReplacedPart, ...] = ()
    relevance: tuple[RelevanceVerdict, ...] = ()
    """The relevance re-check's verdicts (empty when it is off or failed); events judged not
    relevant were dropped before writing."""
    notes: tuple[str, ...] = ()


class Report(_Model):
    """A whole report; ``verification`` is filled in by the verify stage."""

    schema_version: str = SCHEMA_VERSION
    theme: str
    slug: str
    date: str
    window: Window
    engine: str
    overview: Paragraph
    key_items: tuple[KeyItem, ...]
    shortfall: str = ""
    summary: tuple[Paragraph, ...]
    drivers: tuple[Section, ...]
    sectors: tuple[Paragraph, ...]
    etfs: tuple[EtfLine, ...]
    risks: tuple[Section, ...]
    method: Method
    events: tuple[ReportEvent, ...]
    verification: Verification | None = None
    engine_record: EngineRecord | None = None

    def evidence(self) -> dict[str, EvidenceItem]:
        """Every item of every event, by key."""
        return {item.key: item for event in self.events for item in event.items}
