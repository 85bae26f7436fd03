"""The LLM writer: grounded prose from any OpenAI-compatible model, checked before use.

The model sees the ranked events as numbered evidence (``E1``, ``E2`` …) and the theme
pack's securities and ETFs, and answers with JSON (:class:`Draft`) in which every claim
names the evidence ids it rests on. Code, not the model, turns ids into cited item keys
(and so into links); the parts the model does not write (sectors, ETFs, method, events)
come from the offline writer. The assembled report is verified, and every part with a
finding is replaced by the offline writer's text for that part.

With ``relevance_check`` on, one call first re-judges the top candidate events for the
theme; those judged not relevant are dropped before the draft is asked for.

Provider trouble (down, bad key, out of budget, retries used up, unusable answers) never
raises: the result is then the offline report, with a note saying why.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Protocol, TypeVar, cast

import openai
from openai import OpenAI
from openai.types.chat import ChatCompletionMessageParam
from openai.types.chat.completion_create_params import ResponseFormat
from pydantic import BaseModel, ConfigDict, ValidationError

from theme_research.models import MARKET_TZ
from theme_research.rank import RankedEvent, ThemeRanking
from theme_research.render import render_markdown
from theme_research.report import (
    EngineRecord,
    Finding,
    KeyItem,
    Paragraph,
    RelevanceVerdict,
    ReplacedPart,
    Report,
    Section,
)
from theme_research.store.db import CachedAnswer
from theme_research.themes import ThemePack
from theme_research.verify import verify
from theme_research.write.offline import DEFAULT_FEEDS, DRIVERS, cites, write_offline
from theme_research.write.providers import LLMSettings, ProviderError

ENGINE = "llm"
BACKOFF = (1.0, 30.0)
"""First retry delay and cap, in seconds; the delay doubles per retry."""
_CHARS_PER_TOKEN = 1.0
"""Conservative for Chinese text, where a token is about one to one and a half characters."""
_ID_MARK = re.compile(r"\s*[\[（(【]\s*E\d+(?:\s*[,，、;；]\s*E\d+)*\s*[\]）)】]")
_FENCE = re.compile(r"^\s*```(?:json)?\s*|\s*```\s*$")
_URL = re.compile(r"https?://|www\.|\]\(")
MIN_EVENTS = 5
"""Over budget, the lowest-ranked events are dropped from the evidence down to this many."""
CJK_SHARE_MIN = 0.6
"""Below this share of CJK characters the prose gets a note (it may not be Chinese)."""
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
RELEVANCE_TOP = 30
"""How many of the top candidate events the relevance re-check judges."""
RELEVANCE_LEAD = 120
"""How much of each candidate's lead the re-check shows (characters)."""
_WHY_CHARS = 80
"""A verdict's reason is cut to this many characters in the record."""
JSON_MODE: dict[str, Any] = {"type": "json_object"}
_Answer = TypeVar("_Answer", bound=BaseModel)


# --- what the model answers -------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Claim(_Strict):
    """A piece of prose and the evidence ids (``E1`` …) it rests on."""

    text: str
    evidence: list[str]


class ItemDraft(_Strict):
    """One of the ten items: ``id`` is the evidence it reports (``E3``)."""

    id: str
    text: str
    evidence: list[str]


class SectionDraft(_Strict):
    """A titled driver or risk."""

    title: str
    text: str
    evidence: list[str]


class Draft(_Strict):
    """The prose sections the model writes; everything else is filled in by code."""

    overview: Claim
    items: list[ItemDraft]
    summary: list[Claim]
    drivers: list[SectionDraft]
    risks: list[SectionDraft]


class Verdict(BaseModel):
    """The re-check's verdict on one candidate (``id`` is its ``E`` number)."""

    model_config = ConfigDict(extra="ignore", frozen=True, strict=True)

    id: str
    relevant: bool
    why: str


class Verdicts(BaseModel):
    """The re-check's answer; each verdict is validated on its own (a bad one is skipped)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    verdicts: list[Any]


# --- what the writer returns ------------------------------------------------------------


@dataclass
class Usage:
    """Tokens spent by one report; answers served from the cache cost nothing."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    requests: int = 0
    cached: bool = False

    @property
    def total(self) -> int:
        return self.prompt_tokens + self.completion_tokens


@dataclass(frozen=True)
class Replacement:
    """A part of the model's report replaced by the offline writer's, and why."""

    part: str
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class LLMResult:
    """The report, what of it was replaced, notes on provider trouble, and token usage."""

    report: Report
    replaced: tuple[Replacement, ...] = ()
    notes: tuple[str, ...] = ()
    usage: Usage = field(default_factory=Usage)

    @property
    def engine(self) -> str:
        return self.report.engine


class AnswerCache(Protocol):
    """Where answers are kept by prompt hash (:class:`~theme_research.store.NewsStore`)."""

    def cached_answer(self, key: str) -> CachedAnswer | None: ...

    def cache_answer(self, key: str, answer: CachedAnswer, at: datetime) -> None: ...


class LLMUnavailable(Exception):
    """Provider trouble that makes the writer fall back to the offline report."""


# --- the writer -------------------------------------------------------------------------


def write_llm(
    ranking: ThemeRanking,
    *,
    settings: LLMSettings,
    client: OpenAI | None = None,
    cache: AnswerCache | None = None,
    expected_feeds: Sequence[str] = DEFAULT_FEEDS,
    sleep: Callable[[float], None] = time.sleep,
) -> LLMResult:
    """Write one theme's report with the model, verified part by part against its evidence.

    Parameters: ``settings`` say which provider and model and what it may cost;
    ``client`` is an ``openai.OpenAI`` to use instead of one made from the settings (its
    own retries are turned off: this function retries, sleeping with ``sleep``); ``cache``
    (a ``NewsStore``) serves answers to prompts already asked.

    Example::

        with NewsStore(path) as store:
            result = write_llm(ranking, settings=LLMSettings(provider="deepseek"), cache=store)
        print(result.engine, result.usage.total, [r.part for r in result.replaced])
    """
    usage = Usage()
    notes: list[str] = []
    verdicts: tuple[RelevanceVerdict, ...] = ()
    if settings.relevance_check:
        ranking, verdicts, checked = recheck_relevance(
            ranking, settings=settings, client=client, cache=cache, usage=usage, sleep=sleep
        )
        notes += checked
    offline = write_offline(ranking, expected_feeds=expected_feeds)
    ranks = {event.rank for event in offline.events}
    events = [r for r in ranking.ranked if r.rank in ranks]

    def result(report: Report, **kwargs: Any) -> LLMResult:
        usage.cached = usage.cached and usage.requests == 0
        kwargs.setdefault("notes", tuple(notes))
        return _result(report, settings, usage, relevance=verdicts, **kwargs)

    if not events:
        notes.append("no qualifying event: nothing for the model to write")
        return result(offline)
    try:
        prompt = fit_prompt(ranking.pack, events, settings)
        notes += prompt.notes
        draft = _ask(prompt.messages, settings, client, cache, usage, sleep)
    except LLMUnavailable as exc:
        notes.append(f"offline report used: {exc}")
        return result(offline)
    report, replaced = assemble(draft, events, offline, ranking.pack, shown=prompt.events)
    share = cjk_share(report)
    if share < CJK_SHARE_MIN:
        notes.append(
            f"cjk-share: {share:.2f} of the prose is CJK characters, below {CJK_SHARE_MIN}"
        )
    return result(report, replaced=replaced, shown=prompt.events, share=share)


def _result(
    report: Report,
    settings: LLMSettings,
    usage: Usage,
    replaced: tuple[Replacement, ...] = (),
    notes: tuple[str, ...] = (),
    shown: int = 0,
    share: float | None = None,
    relevance: tuple[RelevanceVerdict, ...] = (),
) -> LLMResult:
    """The result, its report carrying the :class:`EngineRecord` of this run."""
    record = EngineRecord(
        provider=settings.provider,
        model=_model_name(settings),
        calls=usage.requests,
        prompt_tokens=usage.prompt_tokens,
        completion_tokens=usage.completion_tokens,
        cached=usage.cached,
        events_in_prompt=shown,
        cjk_share=None if share is None else round(share, 3),
        replaced=tuple(
            ReplacedPart(
                part=r.part,
                rules=tuple(sorted({f.rule for f in r.findings})),
                reason="; ".join(f"{f.where}: {f.message}" for f in r.findings),
            )
            for r in replaced
        ),
        relevance=relevance,
        notes=notes,
    )
    report = report.model_copy(update={"engine_record": record})
    return LLMResult(report, replaced=replaced, notes=notes, usage=usage)


def _model_name(settings: LLMSettings) -> str:
    try:
        return settings.resolved_model()
    except ProviderError:
        return settings.model or ""


def cjk_share(report: Report) -> float:
    """The share of CJK characters among the letters, digits and CJK of the prose.

    The prose is what a writer engine writes: overview, items, summary, drivers and risks
    (titles included). 1.0 for a report with no such characters at all.
    """
    texts = [report.overview.text, *(i.text for i in report.key_items)]
    texts += [p.text for p in report.summary]
    for section in (*report.drivers, *report.risks):
        texts += [section.title, *(p.text for p in section.paragraphs)]
    text = "".join(texts)
    cjk = len(_CJK.findall(text))
    counted = cjk + sum(1 for ch in text if ch.isascii() and ch.isalnum())
    return cjk / counted if counted else 1.0


@dataclass(frozen=True)
class Prompt:
    """The messages, and how much evidence they show: events and characters per item."""

    messages: list[dict[str, str]]
    events: int
    chars: int
    notes: tuple[str, ...] = ()


def prompt_messages(
    pack: ThemePack, events: Sequence[RankedEvent], settings: LLMSettings
) -> list[dict[str, str]]:
    """The system and user messages: rules, then the numbered evidence and the whitelist."""
    return fit_prompt(pack, events, settings).messages


def fit_prompt(pack: ThemePack, events: Sequence[RankedEvent], settings: LLMSettings) -> Prompt:
    """The prompt, trimmed to fit ``settings.prompt_budget`` and ``settings.token_budget``
    (with ``max_tokens`` reserved).

    First each item's text is halved down to 60 characters; then, at the shortest text, the
    lowest-ranked events are dropped one by one, keeping at least :data:`MIN_EVENTS` (or all
    there are). :class:`LLMUnavailable` when even that does not fit.
    """
    budget = min(settings.prompt_budget, settings.token_budget - settings.max_tokens)

    def fits(count: int, chars: int) -> list[dict[str, str]] | None:
        payload = _payload(pack, events[:count], chars)
        user = json.dumps(payload, ensure_ascii=False, indent=1)
        if (len(SYSTEM) + len(user)) / _CHARS_PER_TOKEN <= budget:
            return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]
        return None

    chars, total = settings.chars_per_item, len(events)
    shortest = chars
    while chars >= 60:
        messages = fits(total, chars)
        if messages is not None:
            notes = () if chars == settings.chars_per_item else (_trim_note(chars),)
            return Prompt(messages, total, chars, notes)
        shortest, chars = chars, chars // 2
    for count in range(total - 1, min(MIN_EVENTS, total) - 1, -1):
        messages = fits(count, shortest)
        if messages is not None:
            dropped = (
                f"over budget: the {total - count} lowest-ranked events were left out of the "
                f"prompt ({count} of {total} shown); their items keep the offline text"
            )
            return Prompt(messages, count, shortest, (_trim_note(shortest), dropped))
    raise LLMUnavailable(f"out of budget: the evidence does not fit {budget} prompt tokens")


def _trim_note(chars: int) -> str:
    return f"over budget: each item's text cut to {chars} characters in the prompt"


LENGTHS = {"overview": 200, "items": 80, "summary": 100, "drivers": 120, "risks": 80}
"""The most characters the prompt allows each piece of prose (one summary paragraph, one
driver …): with 10 items, 3 paragraphs, 5 drivers and 4 risks that is about 2,400
characters, so a compliant answer fits ``max_tokens`` (3,000) with its JSON."""

SYSTEM = f"""你是中国市场主题研究的编辑。只根据用户给出的编号证据（E1、E2……）写作，用简体中文。
规则：
1. 每段文字的 evidence 列出它依据的证据编号；不得引用不存在的编号。
2. 数字只能照抄所引证据中出现的数字；不得计算、换算或估计。
3. 证券代码只能使用“标的”清单中的或所引证据中出现的代码。
4. 不写网址、不写链接、不在正文里写证据编号。
5. 不给投资建议：不出现“建议买入/卖出/增持/减持”“目标价”“买入评级”“稳赚”“必涨”等。
6. items 按证据编号顺序，每条证据一条，id 为该证据编号，一句话写出事实要点。
7. drivers 写3到5项核心驱动，每项有简短标题；risks 写2到4项主要风险，每项有简短标题。
8. 英文证据：用中文转述其事实，不照抄英文句子；公司、产品名可保留原文。
9. 篇幅：overview 不超过{LENGTHS["overview"]}字；items 每条不超过{LENGTHS["items"]}字；\
summary 2到3段，每段不超过{LENGTHS["summary"]}字；drivers 每项不超过{LENGTHS["drivers"]}字；\
risks 每项不超过{LENGTHS["risks"]}字。
只返回一个JSON对象，结构为：
{{"overview": {{"text": "", "evidence": ["E1"]}},
 "items": [{{"id": "E1", "text": "", "evidence": ["E1"]}}],
 "summary": [{{"text": "", "evidence": ["E1"]}}],
 "drivers": [{{"title": "", "text": "", "evidence": ["E1"]}}],
 "risks": [{{"title": "", "text": "", "evidence": []}}]}}"""


def _payload(pack: ThemePack, events: Sequence[RankedEvent], chars: int) -> dict[str, Any]:
    return {
        "主题": pack.name,
        "标的": [f"{s.name}（{s.ticker}）" for s in pack.all_securities()],
        "ETF": [f"{e.name}（{e.ticker}）" for e in pack.etfs],
        "证据": [_evidence_entry(f"E{i}", r, chars) for i, r in enumerate(events, start=1)],
    }


def _evidence_entry(eid: str, ranked: RankedEvent, chars: int) -> dict[str, Any]:
    by_key = {a.key: a for a in ranked.event.items}
    reports = [by_key[key] for key in cites(ranked)]  # the headline item first
    return {
        "id": eid,
        "类型": ranked.event_type,
        "细分": list(ranked.segments),
        "报道": [
            {
                "key": a.key,
                "来源": a.item.outlet or a.item.source,
                "时间": a.item.published_at.astimezone(MARKET_TZ).strftime("%m-%d %H:%M"),
                "标题": a.title,
                "正文": a.body[:chars],
            }
            for a in reports
        ],
    }


# --- the relevance re-check -----------------------------------------------------------------


RELEVANCE_SYSTEM = """你是中国市场主题研究的编辑。逐条判断候选事件是否与给定主题直接相关：
事件的主体、产品、技术或政策属于该主题的，判为相关；只是顺带提及、同名巧合或属于其他主题的，判为不相关。
每条候选事件给出一条判断，id 为其编号，why 用不超过12个词说明理由。
只返回一个JSON对象，结构为：
{"verdicts": [{"id": "E1", "relevant": true, "why": ""}]}"""


def relevance_messages(pack: ThemePack, candidates: Sequence[RankedEvent]) -> list[dict[str, str]]:
    """The re-check's messages: the theme, then each candidate's id, headline and lead."""
    payload = {
        "主题": pack.name,
        "主题说明": pack.description,
        "候选事件": [
            {"id": f"E{i}", "标题": r.headline.title, "导语": r.headline.body[:RELEVANCE_LEAD]}
            for i, r in enumerate(candidates, start=1)
        ],
    }
    user = json.dumps(payload, ensure_ascii=False, indent=1)
    return [{"role": "system", "content": RELEVANCE_SYSTEM}, {"role": "user", "content": user}]


def recheck_relevance(
    ranking: ThemeRanking,
    *,
    settings: LLMSettings,
    client: OpenAI | None = None,
    cache: AnswerCache | None = None,
    usage: Usage | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[ThemeRanking, tuple[RelevanceVerdict, ...], tuple[str, ...]]:
    """The ranking without the events the model judges not relevant, the verdicts, notes.

    One call (cached like the draft, one repair round) judges the top :data:`RELEVANCE_TOP`
    events the offline writer would consider. An event with no usable verdict is kept;
    when the call fails the ranking is returned unchanged, with a note saying why.
    """
    usage = usage if usage is not None else Usage()
    ranks = {e.rank for e in write_offline(ranking, top=RELEVANCE_TOP).events}
    candidates = [r for r in ranking.ranked if r.rank in ranks]
    if not candidates:
        return ranking, (), ()
    messages = relevance_messages(ranking.pack, candidates)
    try:
        answer = _ask_json(
            messages, settings, client, cache, usage, sleep, parse_verdicts, JSON_MODE
        )
    except LLMUnavailable as exc:
        return ranking, (), (f"relevance re-check skipped: {exc}",)
    judged: dict[int, Verdict] = {}
    for raw in answer.verdicts:
        try:
            verdict = Verdict.model_validate(raw)
        except ValidationError:
            continue
        index = _evidence_index(verdict.id, len(candidates))
        if index is not None:
            judged.setdefault(index, verdict)
    records = tuple(
        RelevanceVerdict(
            event_id=candidates[i].event.items[0].key,
            relevant=v.relevant,
            why=v.why.strip()[:_WHY_CHARS],
        )
        for i, v in sorted(judged.items())
    )
    dropped = {candidates[i].rank for i, v in judged.items() if not v.relevant}
    notes: list[str] = []
    if len(judged) < len(candidates):
        missing = len(candidates) - len(judged)
        notes.append(
            f"relevance re-check: {missing} of {len(candidates)} events had no usable "
            "verdict and were kept"
        )
    if dropped:
        notes.append(
            f"relevance re-check: {len(dropped)} of {len(candidates)} events judged not "
            "relevant and dropped"
        )
    kept = [r for r in ranking.ranked if r.rank not in dropped]
    ranked = [replace(r, rank=n) for n, r in enumerate(kept, start=1)]
    return replace(ranking, ranked=ranked), records, tuple(notes)


def _evidence_index(eid: str, count: int) -> int | None:
    match = re.fullmatch(r"\s*E(\d+)\s*", eid)
    if match is None or not 1 <= int(match.group(1)) <= count:
        return None
    return int(match.group(1)) - 1


def parse_verdicts(content: str) -> Verdicts:
    """The verdict list in an answer (code fences tolerated); ``ValueError`` says what is wrong."""
    return _parse_answer(Verdicts, content)


# --- asking the model -------------------------------------------------------------------


def prompt_key(model: str, messages: Sequence[dict[str, str]]) -> str:
    """SHA-256 of the model and the messages: the cache key."""
    text = json.dumps({"model": model, "messages": list(messages)}, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _ask(
    messages: list[dict[str, str]],
    settings: LLMSettings,
    client: OpenAI | None,
    cache: AnswerCache | None,
    usage: Usage,
    sleep: Callable[[float], None],
) -> Draft:
    """The model's draft: from the cache, else asked (with one repair round) and cached."""
    before = usage.requests
    draft = _ask_json(
        messages, settings, client, cache, usage, sleep, parse_draft, response_format(settings)
    )
    usage.cached = usage.requests == before
    return draft


def _ask_json(
    messages: list[dict[str, str]],
    settings: LLMSettings,
    client: OpenAI | None,
    cache: AnswerCache | None,
    usage: Usage,
    sleep: Callable[[float], None],
    parse: Callable[[str], _Answer],
    fmt: dict[str, Any],
) -> _Answer:
    """An answer ``parse`` accepts: from the cache, else asked (one repair round), cached."""
    try:
        model = settings.resolved_model()
        key = prompt_key(model, messages)
        cached = _from_cache(cache, key, parse)
        if cached is not None:
            return cached
        chat = _client(settings, client)
    except ProviderError as exc:
        raise LLMUnavailable(str(exc)) from exc
    spent = _tokens(usage)
    answer = _answer(chat, model, messages, settings, usage, sleep, parse, fmt)
    if cache is not None:
        tokens = (usage.prompt_tokens - spent[0], usage.completion_tokens - spent[1])
        kept = CachedAnswer(model, answer.model_dump_json(), *tokens)
        cache.cache_answer(key, kept, datetime.now(MARKET_TZ))
    return answer


def _from_cache(
    cache: AnswerCache | None, key: str, parse: Callable[[str], _Answer]
) -> _Answer | None:
    hit = cache.cached_answer(key) if cache is not None else None
    if hit is None:
        return None
    try:
        return parse(hit.response)
    except ValueError:  # kept by an older answer schema: ask again
        return None


def _answer(
    chat: OpenAI,
    model: str,
    messages: list[dict[str, str]],
    settings: LLMSettings,
    usage: Usage,
    sleep: Callable[[float], None],
    parse: Callable[[str], _Answer],
    fmt: dict[str, Any],
) -> _Answer:
    content = _complete(chat, model, messages, settings, usage, sleep, fmt)
    try:
        return parse(content)
    except ValueError as exc:
        if usage.total >= settings.token_budget:
            raise LLMUnavailable("out of budget before the repair round") from exc
        repair = [*messages, _assistant(content), _repair_request(exc)]
        content = _complete(chat, model, repair, settings, usage, sleep, fmt)
    try:
        return parse(content)
    except ValueError as exc:
        raise LLMUnavailable(f"the answer was not valid JSON after one repair: {exc}") from None


def _tokens(usage: Usage) -> tuple[int, int]:
    return usage.prompt_tokens, usage.completion_tokens


def _assistant(content: str) -> dict[str, str]:
    return {"role": "assistant", "content": content}


def _repair_request(error: ValueError) -> dict[str, str]:
    reason = str(error)[:800]
    text = f"上面的回答不是符合要求的JSON（{reason}）。请只返回修正后的完整JSON对象，不要其他文字。"
    return {"role": "user", "content": text}


def _client(settings: LLMSettings, client: OpenAI | None) -> OpenAI:
    """A client with the settings' timeout and no retries of its own (we retry)."""
    if client is None:
        client = OpenAI(api_key=settings.api_key(), base_url=settings.resolved_base_url())
    return client.with_options(timeout=settings.timeout, max_retries=0)


def response_format(settings: LLMSettings) -> dict[str, Any]:
    """JSON-schema mode where the provider supports it, else JSON mode."""
    if not settings.supports_json_schema():
        return {"type": "json_object"}
    schema = {"name": "report_draft", "schema": Draft.model_json_schema(), "strict": True}
    return {"type": "json_schema", "json_schema": schema}


def _complete(
    chat: OpenAI,
    model: str,
    messages: list[dict[str, str]],
    settings: LLMSettings,
    usage: Usage,
    sleep: Callable[[float], None],
    fmt: dict[str, Any],
) -> str:
    """One completion, retried on timeouts, 429 and 5xx with bounded exponential backoff."""
    delay, cap = BACKOFF
    for attempt in range(settings.max_retries + 1):
        try:
            response = chat.chat.completions.create(
                model=model,
                messages=cast("list[ChatCompletionMessageParam]", messages),
                response_format=cast("ResponseFormat", fmt),
                max_tokens=settings.max_tokens,
                temperature=0.2,
            )
        except (openai.APIConnectionError, openai.RateLimitError, openai.APIStatusError) as exc:
            usage.requests += 1
            if not _retryable(exc) or attempt == settings.max_retries:
                raise LLMUnavailable(_describe(exc, attempt + 1)) from exc
            sleep(min(cap, delay * 2**attempt))
            continue
        except openai.APIError as exc:  # an answer the SDK cannot read
            raise LLMUnavailable(f"unusable answer from the provider: {exc}") from exc
        usage.requests += 1
        if response.usage is not None:
            usage.prompt_tokens += response.usage.prompt_tokens
            usage.completion_tokens += response.usage.completion_tokens
        if not response.choices:
            return ""
        if response.choices[0].finish_reason == "length":
            # A cut-off answer is broken JSON, and a repair round would be cut off again.
            raise LLMUnavailable(
                f"the answer reached max_tokens ({settings.max_tokens}) and was cut off; "
                "raise llm.max_tokens in the config file if your model writes long"
            )
        return response.choices[0].message.content or ""
    raise AssertionError("unreachable")  # pragma: no cover


def _retryable(exc: openai.APIError) -> bool:
    if isinstance(exc, openai.APIConnectionError):  # timeouts included
        return True
    if isinstance(exc, openai.APIStatusError):
        if exc.status_code == 429:
            return not _out_of_quota(exc)
        return exc.status_code >= 500
    return False


def _out_of_quota(exc: openai.APIStatusError) -> bool:
    # OpenAI reports an exhausted account as a 429 with code insufficient_quota.
    return exc.code == "insufficient_quota" or "quota" in str(exc.message).lower()


def _describe(exc: openai.APIError, attempts: int) -> str:
    if isinstance(exc, openai.APITimeoutError):
        return f"the provider timed out ({attempts} attempts)"
    if isinstance(exc, openai.APIConnectionError):
        return f"the provider cannot be reached ({attempts} attempts)"
    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return "the provider refused the API key (check the key's environment variable)"
    if isinstance(exc, openai.APIStatusError):
        if exc.status_code == 402 or _out_of_quota(exc):
            return "the provider account is out of budget"
        return f"the provider answered HTTP {exc.status_code} ({attempts} attempts)"
    return str(exc)  # pragma: no cover


def parse_draft(content: str) -> Draft:
    """The draft in an answer (code fences tolerated); ``ValueError`` says what is wrong."""
    return _parse_answer(Draft, content)


def _parse_answer(model: type[_Answer], content: str) -> _Answer:
    try:
        return model.model_validate_json(_FENCE.sub("", content.strip()))
    except ValidationError as exc:
        raise ValueError(_short_error(exc)) from None


def _short_error(exc: ValidationError) -> str:
    errors = exc.errors(include_url=False)
    parts = [f"{'.'.join(map(str, e['loc'])) or 'JSON'}: {e['msg']}" for e in errors[:5]]
    return "; ".join(parts)


# --- assembling and checking ------------------------------------------------------------


def assemble(
    draft: Draft,
    events: Sequence[RankedEvent],
    offline: Report,
    pack: ThemePack,
    *,
    shown: int | None = None,
) -> tuple[Report, tuple[Replacement, ...]]:
    """The model's parts in the offline report, every part with a finding replaced.

    Only the first ``shown`` events (default: all) were in the prompt: the items of the
    others keep the offline text, and ids naming them are unknown.
    """
    shown = len(events) if shown is None else shown
    ids = {f"E{i}": cites(r) for i, r in enumerate(events[:shown], start=1)}
    parts = _model_parts(draft, ids, offline, shown)
    report = offline.model_copy(update={**parts, "engine": ENGINE})
    # What the offline text itself is found to have is no reason to replace a part with it.
    known = set(_findings(offline, pack))
    replaced: list[Replacement] = []
    for _ in range(3):  # a replaced part is the offline text: this settles in one round
        parts = _by_part([f for f in _findings(report, pack) if f not in known])
        if not parts:
            return report, tuple(replaced)
        report = _replace(report, offline, parts)
        replaced += [Replacement(part, tuple(found)) for part, found in parts.items()]
    left = tuple(f for f in _findings(report, pack) if f not in known)  # pragma: no cover
    return offline, (*replaced, Replacement("all", left))  # pragma: no cover


def _model_parts(
    draft: Draft, ids: dict[str, tuple[str, ...]], offline: Report, shown: int
) -> dict[str, Any]:
    def keys(evidence: Sequence[str]) -> tuple[str, ...]:
        # An unknown id stays as it is, so the citation check reports it.
        return tuple(dict.fromkeys(k for e in evidence for k in ids.get(e.strip(), (e,))))

    def para(text: str, evidence: Sequence[str]) -> Paragraph:
        return Paragraph(text=_clean(text), cites=keys(evidence))

    by_id = {item.id.strip(): item for item in draft.items}
    items = []
    for offline_item in offline.key_items:
        if offline_item.rank > shown:  # not in the prompt: the offline text stands
            items.append(offline_item)
            continue
        drafted = by_id.get(f"E{offline_item.rank}")
        if drafted is None:
            items.append(KeyItem(rank=offline_item.rank, text="", cites=()))
            continue
        cited = keys(drafted.evidence or [drafted.id])
        items.append(KeyItem(rank=offline_item.rank, text=_sentence(drafted.text), cites=cited))
    return {
        "overview": para(draft.overview.text, draft.overview.evidence),
        "key_items": tuple(items),
        "summary": tuple(para(c.text, c.evidence) for c in draft.summary),
        "drivers": tuple(
            Section(title=_clean(s.title), paragraphs=(para(s.text, s.evidence),))
            for s in draft.drivers[: DRIVERS[1]]
        ),
        "risks": tuple(
            Section(title=_clean(s.title), paragraphs=(para(s.text, s.evidence),))
            for s in draft.risks
        ),
    }


def _clean(text: str) -> str:
    return _ID_MARK.sub("", text).strip()


def _sentence(text: str) -> str:
    text = _clean(text)
    return text if not text or text.endswith(("。", "！", "？")) else text + "。"


def _findings(report: Report, pack: ThemePack) -> list[Finding]:
    """Verification findings plus this writer's own: links, blanks, driver count.

    Section titles are checked with their paragraphs (verify reads paragraphs only).
    """
    result = verify(_titled(report), render_markdown(report), pack)
    found = list(result.findings)
    for where, paragraph in _prose(report):
        if _URL.search(paragraph.text):
            found.append(Finding(rule="links", where=where, message="the model wrote a link"))
        if not paragraph.text.strip():
            found.append(Finding(rule="empty", where=where, message="the model wrote nothing"))
    if not DRIVERS[0] <= len(report.drivers) <= DRIVERS[1]:
        message = f"{len(report.drivers)} drivers, not {DRIVERS[0]}–{DRIVERS[1]}"
        found.append(Finding(rule="drivers", where="drivers", message=message))
    if not report.summary:
        found.append(Finding(rule="empty", where="summary", message="no summary paragraph"))
    if not report.risks:
        found.append(Finding(rule="empty", where="risks", message="no risk"))
    return found


def _titled(report: Report) -> Report:
    """The report with each section's title leading its paragraphs, for the checks."""

    def titled(sections: tuple[Section, ...]) -> tuple[Section, ...]:
        return tuple(
            s.model_copy(
                update={
                    "paragraphs": tuple(
                        p.model_copy(update={"text": f"{s.title}：{p.text}"}) for p in s.paragraphs
                    )
                }
            )
            for s in sections
        )

    return report.model_copy(
        update={"drivers": titled(report.drivers), "risks": titled(report.risks)}
    )


def _prose(report: Report) -> list[tuple[str, Paragraph]]:
    places = [("overview", report.overview)]
    places += [(f"item {i.rank}", Paragraph(text=i.text, cites=i.cites)) for i in report.key_items]
    places += [(f"summary {n}", p) for n, p in enumerate(report.summary, start=1)]
    places += [(f"driver {s.title}", p) for s in report.drivers for p in s.paragraphs]
    places += [(f"risk {s.title}", p) for s in report.risks for p in s.paragraphs]
    return places


def part_of(where: str) -> str | None:
    """The replaceable part a finding's ``where`` falls in (None: not the model's)."""
    if where in ("overview", "summary", "drivers", "risks"):
        return where
    if where.startswith("item "):
        return where
    for prefix, part in (("summary ", "summary"), ("driver ", "drivers"), ("risk ", "risks")):
        if where.startswith(prefix):
            return part
    return None


def _by_part(findings: Sequence[Finding]) -> dict[str, list[Finding]]:
    parts: dict[str, list[Finding]] = {}
    for finding in findings:
        part = part_of(finding.where)
        if part is not None:
            parts.setdefault(part, []).append(finding)
    return parts


def _replace(report: Report, offline: Report, parts: dict[str, list[Finding]]) -> Report:
    update: dict[str, Any] = {}
    items = list(report.key_items)
    for part in parts:
        if part.startswith("item "):
            rank = int(part.split()[1])
            items[rank - 1] = offline.key_items[rank - 1]
        else:
            update[part] = getattr(offline, part)
    return report.model_copy(update={**update, "key_items": tuple(items)})


# --- wiring helpers -----------------------------------------------------------------------


def llm_writer(
    settings: LLMSettings,
    *,
    cache: AnswerCache | None = None,
    client: OpenAI | None = None,
    on_result: Callable[[LLMResult], None] | None = None,
) -> Callable[..., Report]:
    """A writer with the pipeline's signature (``writer(ranking, expected_feeds=...)``).

    ``on_result`` sees each :class:`LLMResult` (to print notes, replacements, usage).
    """

    def write(ranking: ThemeRanking, *, expected_feeds: Sequence[str] = DEFAULT_FEEDS) -> Report:
        result = write_llm(
            ranking, settings=settings, client=client, cache=cache, expected_feeds=expected_feeds
        )
        if on_result is not None:
            on_result(result)
        return result.report

    return write


@dataclass(frozen=True)
class CheckResult:
    """Whether the provider answered a one-line request, and how fast."""

    ok: bool
    provider: str
    model: str
    base_url: str
    message: str
    latency_ms: int


def check_provider(settings: LLMSettings, *, client: OpenAI | None = None) -> CheckResult:
    """Send one tiny request (no retries) and say whether the provider answers.

    Example::

        result = check_provider(LLMSettings(provider="qwen"))
        print(result.ok, result.message)
    """
    started = time.monotonic()
    base_url = settings.base_url or (settings.preset().base_url if _known(settings) else "")

    def done(ok: bool, message: str, model: str = "") -> CheckResult:
        elapsed = int((time.monotonic() - started) * 1000)
        return CheckResult(ok, settings.provider, model, base_url, message, elapsed)

    try:
        model = settings.resolved_model()
        chat = _client(settings, client)
    except ProviderError as exc:
        return done(False, str(exc))
    try:
        response = chat.chat.completions.create(
            model=model,
            messages=[{"role": "user", "content": "请只回复：OK"}],
            max_tokens=8,
        )
    except openai.APIError as exc:
        return done(False, _describe(exc, 1), model)
    text = (response.choices[0].message.content or "").strip() if response.choices else ""
    return done(True, f"answered {text[:40]!r}", response.model or model)


def _known(settings: LLMSettings) -> bool:
    try:
        settings.preset()
    except ProviderError:
        return False
    return True
