"""The LLM writer against a scripted OpenAI-compatible server on 127.0.0.1, via the real SDK."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

import httpx
import pytest
from openai import OpenAI

from tests.openai_server import Reply, Server, completion, serve
from theme_research import demo, pipeline
from theme_research.importer import import_paths
from theme_research.rank import RankedEvent, ThemeRanking
from theme_research.render import render_json, render_markdown
from theme_research.report import RelevanceVerdict, Report
from theme_research.store import NewsStore
from theme_research.themes import builtin_pack_paths, load_pack
from theme_research.verify import verify
from theme_research.write.llm import (
    CJK_SHARE_MIN,
    LENGTHS,
    RELEVANCE_LEAD,
    RELEVANCE_TOP,
    Draft,
    LLMResult,
    check_provider,
    cjk_share,
    llm_writer,
    parse_draft,
    prompt_key,
    prompt_messages,
    write_llm,
)
from theme_research.write.offline import cites, write_offline
from theme_research.write.providers import PRESETS, LLMSettings, ProviderError

PACKS = [load_pack(path) for path in builtin_pack_paths()]


@pytest.fixture
def server() -> Iterator[Server]:
    with serve() as state:
        yield state


@pytest.fixture
def client(server: Server) -> Iterator[OpenAI]:
    with httpx.Client(trust_env=False) as http:  # no proxy from the environment
        yield OpenAI(base_url=server.url, api_key="test-key", http_client=http, max_retries=0)


@pytest.fixture(scope="module")
def ranking() -> ThemeRanking:
    with NewsStore(":memory:") as store:
        import_paths(demo.demo_files(), store)
        day = pipeline.analyze_window(store, demo.demo_window(), PACKS)
    pack = next(p for p in PACKS if p.slug == "ai")
    return pipeline.rank_theme(day, pack)


SETTINGS = LLMSettings(provider="deepseek", model="test-model", timeout=5, max_retries=2)


def good_draft(ranking: ThemeRanking) -> dict[str, Any]:
    """A draft whose every claim is taken from its cited evidence (it verifies)."""
    offline = write_offline(ranking)
    heads = [event.headline.rstrip("。") for event in offline.events]
    return {
        "overview": {"text": f"{heads[0]}。{heads[1]}。", "evidence": ["E1", "E2"]},
        "items": [
            {"id": f"E{item.rank}", "text": item.text, "evidence": [f"E{item.rank}"]}
            for item in offline.key_items
        ],
        "summary": [{"text": f"本期最受关注的是：{heads[2]}。", "evidence": ["E3"]}],
        "drivers": [
            {"title": f"驱动{n}", "text": f"{heads[i]}。", "evidence": [f"E{i + 1}"]}
            for n, i in (("一", 3), ("二", 4), ("三", 5))
        ],
        "risks": [{"title": "政策节奏", "text": "相关政策落地节奏存在不确定性。", "evidence": []}],
    }


def run(ranking: ThemeRanking, client: OpenAI, **kwargs: Any) -> LLMResult:
    sleeps: list[float] = kwargs.pop("sleeps", [])
    settings = kwargs.pop("settings", SETTINGS)
    return write_llm(ranking, settings=settings, client=client, sleep=sleeps.append, **kwargs)


def bare(report: Report) -> Report:
    """The report without its engine record (to compare with the offline writer's)."""
    return report.model_copy(update={"engine_record": None})


def passes(report: Report, ranking: ThemeRanking) -> bool:
    result = verify(report, render_markdown(report), ranking.pack)
    assert result.passed, result.findings
    return True


def test_a_good_answer_verifies_and_cites_real_keys(server, client, ranking):
    server.answer(json.dumps(good_draft(ranking), ensure_ascii=False))
    result = run(ranking, client)
    report = result.report
    assert result.engine == report.engine == "llm"
    assert result.replaced == () and result.notes == ()
    assert passes(report, ranking)
    evidence = report.evidence()
    offline = write_offline(ranking)
    ranked = [r for r in ranking.ranked if r.rank in {e.rank for e in offline.events}]
    for item, event in zip(report.key_items, ranked, strict=True):
        assert item.cites == cites(event)
        assert set(item.cites) <= set(evidence)
    assert report.overview.cites == (*cites(ranked[0]), *cites(ranked[1]))
    assert report.sectors == offline.sectors and report.etfs == offline.etfs
    assert report.events == offline.events and report.method == offline.method
    assert (result.usage.prompt_tokens, result.usage.completion_tokens) == (100, 50)
    [request] = server.requests
    assert request["path"] == "/v1/chat/completions"
    assert request["body"]["response_format"] == {"type": "json_object"}
    assert "http" not in request["body"]["messages"][1]["content"]


def test_the_prompt_numbers_the_evidence_and_lists_the_pack(ranking):
    messages = prompt_messages(ranking.pack, ranking.ranked[:3], SETTINGS)
    payload = json.loads(messages[1]["content"])
    assert [e["id"] for e in payload["证据"]] == ["E1", "E2", "E3"]
    assert payload["证据"][0]["报道"][0]["key"] == ranking.ranked[0].headline.key
    assert all(
        len(r["正文"]) <= SETTINGS.chars_per_item for e in payload["证据"] for r in e["报道"]
    )
    assert any(ranking.pack.etfs[0].ticker in etf for etf in payload["ETF"])


def test_a_schema_capable_provider_gets_json_schema_mode(server, client, ranking):
    server.answer(json.dumps(good_draft(ranking), ensure_ascii=False))
    settings = LLMSettings(provider="vllm", model="qwen", timeout=5)
    assert run(ranking, client, settings=settings).engine == "llm"
    sent = server.requests[0]["body"]["response_format"]
    assert sent["type"] == "json_schema"
    assert sent["json_schema"]["schema"] == Draft.model_json_schema()


def test_malformed_json_gets_one_repair_round(server, client, ranking):
    server.answer('{"overview": {"text": "半截')
    server.answer("```json\n" + json.dumps(good_draft(ranking), ensure_ascii=False) + "\n```")
    result = run(ranking, client)
    assert result.engine == "llm" and result.replaced == ()
    assert result.usage.requests == 2 and result.usage.prompt_tokens == 200
    repair = server.requests[1]["body"]["messages"]
    assert repair[-2] == {"role": "assistant", "content": '{"overview": {"text": "半截'}
    assert "JSON" in repair[-1]["content"]


def test_two_malformed_answers_give_the_offline_report(server, client, ranking):
    server.answer("not json")
    server.answer("still not json")
    result = run(ranking, client)
    assert result.engine == "offline" and bare(result.report) == write_offline(ranking)
    assert "repair" in result.notes[0]
    record = result.report.engine_record
    assert record is not None and record.notes == result.notes and record.calls == 2


def test_an_answer_cut_at_max_tokens_gives_the_offline_report_without_a_repair(
    server, client, ranking
):
    server.answer('{"overview": {"text": "半截', finish_reason="length")
    result = run(ranking, client)
    assert result.engine == "offline" and bare(result.report) == write_offline(ranking)
    assert len(server.requests) == 1
    assert "max_tokens (3000)" in result.notes[0]
    assert server.requests[0]["body"]["max_tokens"] == 3000


def test_the_prompt_sets_lengths_that_fit_max_tokens_and_asks_to_translate_english(ranking):
    system = prompt_messages(ranking.pack, ranking.ranked[:3], SETTINGS)[0]["content"]
    assert "英文证据" in system and "转述" in system
    assert f"items 每条不超过{LENGTHS['items']}字" in system
    longest = LENGTHS["overview"] + 10 * LENGTHS["items"] + 3 * LENGTHS["summary"]
    longest += 5 * LENGTHS["drivers"] + 4 * LENGTHS["risks"]
    assert longest < SETTINGS.max_tokens  # one token per character or fewer, JSON aside


def test_bad_parts_are_replaced_by_offline_text_and_recorded(server, client, ranking):
    draft = good_draft(ranking)
    draft["overview"]["text"] += "相关收入增长987654%。"  # a number in no cited item
    draft["items"][1]["evidence"] = ["E42"]  # an unknown id
    draft["summary"][0]["text"] += "另有999999.SZ受益。"  # a ticker outside pack and items
    draft["drivers"][0]["text"] = "人工智能產業發展迅速。"  # Traditional characters
    server.answer(json.dumps(draft, ensure_ascii=False))
    result = run(ranking, client)
    offline = write_offline(ranking)
    report = result.report
    assert result.engine == "llm"
    rules = {r.part: {f.rule for f in r.findings} for r in result.replaced}
    assert set(rules) == {"overview", "item 2", "summary", "drivers"}
    assert rules["overview"] == {"numbers"} and rules["drivers"] == {"simplified"}
    assert "citations" in rules["item 2"]  # its numbers are then in no cited item either
    assert rules["summary"] == {"numbers", "tickers"}
    assert report.overview == offline.overview
    assert report.key_items[1] == offline.key_items[1]
    assert report.key_items[0].text == draft["items"][0]["text"]
    assert report.summary == offline.summary and report.drivers == offline.drivers
    assert report.risks[0].title == "政策节奏"
    assert passes(report, ranking)


def test_advice_and_links_are_replaced(server, client, ranking):
    draft = good_draft(ranking)
    draft["risks"][0]["text"] = "短期波动加大，建议买入龙头。"
    draft["items"][0]["text"] = "详见 https://example.com/x 。"
    server.answer(json.dumps(draft, ensure_ascii=False))
    result = run(ranking, client)
    parts = {r.part: {f.rule for f in r.findings} for r in result.replaced}
    assert parts == {"risks": {"advice"}, "item 1": {"links"}}
    assert passes(result.report, ranking)


def test_429_is_retried_with_backoff(server, client, ranking):
    server.fail(429, "rate limited", "rate_limit_exceeded")
    server.answer(json.dumps(good_draft(ranking), ensure_ascii=False))
    sleeps: list[float] = []
    result = run(ranking, client, sleeps=sleeps)
    assert result.engine == "llm" and len(server.requests) == 2
    assert sleeps == [1.0]


def test_500_forever_gives_the_offline_report_with_a_note(server, client, ranking):
    sleeps: list[float] = []
    result = run(ranking, client, sleeps=sleeps)
    assert result.engine == "offline" and bare(result.report) == write_offline(ranking)
    assert len(server.requests) == 3 and sleeps == [1.0, 2.0]
    assert "HTTP 500" in result.notes[0]


def test_bad_auth_and_exhausted_quota_are_not_retried(server, client, ranking):
    server.fail(401, "invalid api key")
    result = run(ranking, client)
    assert result.engine == "offline" and "API key" in result.notes[0]
    server.fail(429, "You exceeded your current quota", "insufficient_quota")
    result = run(ranking, client)
    assert result.engine == "offline" and "out of budget" in result.notes[0]
    assert len(server.requests) == 2


def test_a_slow_answer_past_the_timeout_gives_the_offline_report(server, client, ranking):
    server.replies.put(Reply(completion("{}", 1, 1), delay=2.0))
    settings = LLMSettings(provider="deepseek", model="m", timeout=0.3, max_retries=0)
    started = time.monotonic()
    result = run(ranking, client, settings=settings)
    assert time.monotonic() - started < 1.5
    assert result.engine == "offline" and "timed out" in result.notes[0]


def test_a_provider_that_is_down_gives_the_offline_report(ranking):
    with httpx.Client(trust_env=False) as http:
        down = OpenAI(base_url="http://127.0.0.1:9/v1", api_key="k", http_client=http)
        result = run(ranking, down, settings=SETTINGS.model_copy(update={"max_retries": 1}))
    assert result.engine == "offline" and "cannot be reached" in result.notes[0]


def test_a_second_identical_call_is_served_from_the_cache(server, client, ranking):
    server.answer(json.dumps(good_draft(ranking), ensure_ascii=False))
    with NewsStore(":memory:") as store:
        first = run(ranking, client, cache=store)
        second = run(ranking, client, cache=store)
    assert len(server.requests) == 1
    assert bare(first.report) == bare(second.report) and second.engine == "llm"
    record = second.report.engine_record
    assert record is not None and record.cached and record.calls == 0
    assert "答案取自缓存" in render_markdown(second.report)
    assert second.usage.cached and second.usage.total == 0 and first.usage.total == 150


def test_the_cache_keeps_the_repaired_answer(server, client, ranking):
    server.answer("oops")
    server.answer(json.dumps(good_draft(ranking), ensure_ascii=False))
    with NewsStore(":memory:") as store:
        run(ranking, client, cache=store)
        assert run(ranking, client, cache=store).usage.cached
    assert len(server.requests) == 2


def test_out_of_budget_asks_nothing(server, client, ranking):
    settings = LLMSettings(provider="deepseek", model="m", token_budget=1000, max_tokens=900)
    result = run(ranking, client, settings=settings)
    assert result.engine == "offline" and "budget" in result.notes[0]
    assert server.requests == []


def test_prompt_key_is_the_sha256_of_model_and_messages():
    messages = [{"role": "user", "content": "你好"}]
    assert prompt_key("a", messages) != prompt_key("b", messages)
    assert len(prompt_key("a", messages)) == 64


def test_parse_draft_names_what_is_wrong():
    with pytest.raises(ValueError, match="overview"):
        parse_draft('{"items": [], "summary": [], "drivers": [], "risks": []}')


# --- providers ----------------------------------------------------------------------------


def test_presets_cover_the_providers():
    assert set(PRESETS) == {
        "deepseek",
        "qwen",
        "glm",
        "kimi",
        "openai",
        "ollama",
        "vllm",
        "llamacpp",
    }
    assert all(p.base_url.startswith("http") for p in PRESETS.values())


def test_the_key_comes_only_from_the_environment(monkeypatch, ranking):
    monkeypatch.delenv("DEEPSEEK_API_KEY", raising=False)
    settings = LLMSettings(provider="deepseek")
    with pytest.raises(ProviderError, match="DEEPSEEK_API_KEY"):
        settings.api_key()
    result = write_llm(ranking, settings=settings)  # no key: offline, nothing sent
    assert result.engine == "offline" and "DEEPSEEK_API_KEY" in result.notes[0]
    monkeypatch.setenv("MY_KEY", "sk-secret")
    settings = LLMSettings(provider="deepseek", api_key_env="MY_KEY")
    assert settings.api_key() == "sk-secret"
    assert "sk-secret" not in repr(settings) + settings.model_dump_json()
    assert LLMSettings(provider="ollama").api_key()  # local servers need no key


def test_unknown_provider_and_missing_model_are_errors():
    with pytest.raises(ProviderError, match="known"):
        LLMSettings(provider="nope").preset()
    with pytest.raises(ProviderError, match="--model"):
        LLMSettings(provider="vllm").resolved_model()


# --- checking a provider and wiring ---------------------------------------------------------


def test_check_provider_says_whether_it_answers(server, client):
    server.answer("OK")
    result = check_provider(SETTINGS, client=client)
    assert result.ok and "OK" in result.message and result.model == "test-model"
    server.fail(503, "overloaded")
    result = check_provider(SETTINGS, client=client)
    assert not result.ok and "HTTP 503" in result.message
    assert len(server.requests) == 2  # a check never retries


def test_llm_writer_has_the_pipeline_signature(server, client, ranking):
    server.answer(json.dumps(good_draft(ranking), ensure_ascii=False))
    seen: list[LLMResult] = []
    writer = llm_writer(SETTINGS, client=client, on_result=seen.append)
    report = writer(ranking, expected_feeds=("cls", "eastmoney", "ths", "readhub"))
    assert report.engine == "llm" and seen[0].report == report
    assert report.method.feeds_missing == ("readhub",)


def test_section_titles_are_checked_too(server, client, ranking):
    draft = good_draft(ranking)
    draft["drivers"][1]["title"] = "必涨逻辑"
    draft["risks"][0]["title"] = "監管風險"
    server.answer(json.dumps(draft, ensure_ascii=False))
    result = run(ranking, client)
    parts = {r.part: {f.rule for f in r.findings} for r in result.replaced}
    assert parts == {"drivers": {"advice"}, "risks": {"simplified"}}
    assert result.report.drivers == write_offline(ranking).drivers


def test_too_few_drivers_are_replaced(server, client, ranking):
    draft = good_draft(ranking)
    draft["drivers"] = draft["drivers"][:2]
    server.answer(json.dumps(draft, ensure_ascii=False))
    result = run(ranking, client)
    assert [r.part for r in result.replaced] == ["drivers"]
    assert passes(result.report, ranking)


# --- the engine record, the budget rule, the CJK share ---------------------------------------


def shown_events(ranking: ThemeRanking) -> list[Any]:
    ranks = {event.rank for event in write_offline(ranking).events}
    return [r for r in ranking.ranked if r.rank in ranks]


def test_the_engine_record_says_what_the_model_did(server, client, ranking):
    draft = good_draft(ranking)
    draft["risks"][0]["text"] = "短期波动加大，建议买入龙头。"
    server.answer(json.dumps(draft, ensure_ascii=False))
    result = run(ranking, client)
    record = result.report.engine_record
    assert record is not None
    assert (record.provider, record.model, record.calls) == ("deepseek", "test-model", 1)
    assert (record.prompt_tokens, record.completion_tokens, record.cached) == (100, 50, False)
    assert record.events_in_prompt == len(result.report.key_items)
    assert record.cjk_share is not None and record.cjk_share >= CJK_SHARE_MIN
    [replaced] = record.replaced
    assert (replaced.part, replaced.rules) == ("risks", ("advice",))
    assert "advice" in replaced.reason or "建议" in replaced.reason
    twin = Report.model_validate_json(render_json(result.report))
    assert twin == result.report and twin.schema_version == "1.2"
    markdown = render_markdown(result.report)
    method = markdown.split("### 数据来源与方法", 1)[1]
    assert "写作引擎：大语言模型（deepseek/test-model），调用 1 次" in method
    assert "1 个部分改用离线抽取文本" in method


def test_a_fallback_records_the_offline_engine_and_why(server, client, ranking):
    result = run(ranking, client, settings=SETTINGS.model_copy(update={"max_retries": 0}))
    record = result.report.engine_record
    assert result.engine == "offline" and record is not None
    assert record.calls == 1 and record.cjk_share is None and "HTTP 500" in record.notes[0]
    assert "本期未能使用" in render_markdown(result.report)
    plain = render_markdown(write_offline(ranking))
    assert "- 写作引擎：" not in plain  # plain offline reports print no engine line


@pytest.mark.parametrize("binding", ["token_budget", "prompt_budget"])
def test_over_budget_the_lowest_ranked_events_are_dropped_first(server, client, ranking, binding):
    events = shown_events(ranking)
    wide = SETTINGS.model_copy(
        update={"chars_per_item": 100, "token_budget": 10**6, "prompt_budget": 10**6}
    )
    size = sum(len(m["content"]) for m in prompt_messages(ranking.pack, events[:7], wide))
    limits = {"token_budget": size + SETTINGS.max_tokens, "prompt_budget": size}
    other = "prompt_budget" if binding == "token_budget" else "token_budget"
    settings = SETTINGS.model_copy(update={binding: limits[binding], other: 10**6})
    draft = good_draft(ranking)  # cites E1–E6 only outside the items
    server.answer(json.dumps(draft, ensure_ascii=False))
    result = run(ranking, client, settings=settings)
    payload = json.loads(server.requests[0]["body"]["messages"][1]["content"])
    assert [e["id"] for e in payload["证据"]] == [f"E{i}" for i in range(1, 8)]
    assert all(len(r["正文"]) <= 100 for e in payload["证据"] for r in e["报道"])
    assert result.engine == "llm" and result.replaced == ()
    offline = write_offline(ranking)
    assert result.report.key_items[7:] == offline.key_items[7:]
    assert any(f"{len(events) - 7} lowest-ranked events" in note for note in result.notes)
    record = result.report.engine_record
    assert record is not None and record.events_in_prompt == 7 and record.notes == result.notes
    assert passes(result.report, ranking)


def test_over_budget_at_least_five_events_are_kept(server, client, ranking):
    events = shown_events(ranking)
    wide = SETTINGS.model_copy(update={"chars_per_item": 100, "token_budget": 10**6})
    size = sum(len(m["content"]) for m in prompt_messages(ranking.pack, events[:4], wide))
    settings = SETTINGS.model_copy(update={"token_budget": size + SETTINGS.max_tokens})
    result = run(ranking, client, settings=settings)
    assert result.engine == "offline" and "out of budget" in result.notes[-1]
    assert server.requests == []


def test_cjk_share_counts_cjk_among_letters_digits_and_cjk(ranking):
    offline = write_offline(ranking)
    assert cjk_share(offline) >= CJK_SHARE_MIN
    english = offline.model_copy(
        update={
            "overview": offline.overview.model_copy(update={"text": "AI chips。"}),
            "key_items": (offline.key_items[0].model_copy(update={"text": "人工智能 ab12"}),),
            "summary": (),
            "drivers": (),
            "risks": (),
        }
    )
    assert cjk_share(english) == 4 / (4 + 7 + 4)  # 人工智能 / AIchips ab12


def test_prose_in_english_gets_a_cjk_share_note(server, client, ranking):
    draft = good_draft(ranking)
    draft["overview"]["text"] = "Chip makers and model labs drew the most attention."
    draft["summary"] = [{"text": "Attention went to chips and models.", "evidence": ["E1"]}]
    for n, driver in enumerate(draft["drivers"]):
        driver["title"], driver["text"] = f"Driver {'abc'[n]}", "Demand for compute kept rising."
    draft["risks"] = [{"title": "Policy", "text": "Policy timing is uncertain.", "evidence": []}]
    for item in draft["items"]:
        item["text"] = "A company announced progress on its artificial intelligence plans."
    server.answer(json.dumps(draft, ensure_ascii=False))
    result = run(ranking, client)
    record = result.report.engine_record
    assert record is not None and record.cjk_share is not None
    assert record.cjk_share < CJK_SHARE_MIN
    assert any(note.startswith("cjk-share") for note in result.notes)


# --- the relevance re-check ------------------------------------------------------------------

RECHECK = SETTINGS.model_copy(update={"relevance_check": True})


def verdicts(count: int, irrelevant: Sequence[int] = ()) -> str:
    """A re-check answer for ``count`` candidates, judging the ``irrelevant`` ids (1-based) out."""
    return json.dumps(
        {
            "verdicts": [
                {"id": f"E{i}", "relevant": i not in irrelevant, "why": f"理由{i}"}
                for i in range(1, count + 1)
            ]
        },
        ensure_ascii=False,
    )


def candidates(ranking: ThemeRanking) -> list[RankedEvent]:
    ranks = {e.rank for e in write_offline(ranking, top=RELEVANCE_TOP).events}
    return [r for r in ranking.ranked if r.rank in ranks]


def without(ranking: ThemeRanking, dropped: RankedEvent) -> ThemeRanking:
    kept = [r for r in ranking.ranked if r is not dropped]
    return replace(ranking, ranked=[replace(r, rank=n) for n, r in enumerate(kept, start=1)])


def test_the_relevance_recheck_is_off_by_default(server, client, ranking):
    assert not LLMSettings().relevance_check
    server.answer(json.dumps(good_draft(ranking), ensure_ascii=False))
    result = run(ranking, client)
    assert len(server.requests) == 1 and result.engine == "llm"
    record = result.report.engine_record
    assert record is not None and record.relevance == () and record.calls == 1


def test_events_judged_not_relevant_are_dropped_before_writing(server, client, ranking):
    shown = candidates(ranking)
    assert 10 < len(shown) <= RELEVANCE_TOP
    dropped = shown[1]
    server.answer(verdicts(len(shown), irrelevant=[2]), 80, 40)
    server.answer(json.dumps(good_draft(without(ranking, dropped)), ensure_ascii=False))
    result = run(ranking, client, settings=RECHECK)
    report = result.report
    assert result.engine == "llm" and result.replaced == ()
    assert passes(report, ranking)
    # the dropped event is gone: the ten come from the rest
    assert len(report.key_items) == 10
    assert dropped.headline.title not in {e.headline for e in report.events}
    assert all(dropped.headline.key not in item.cites for item in report.key_items)
    assert [e.rank for e in report.events] == list(range(1, len(report.events) + 1))
    # what the re-check was shown
    first = server.requests[0]["body"]
    assert first["response_format"] == {"type": "json_object"}
    payload = json.loads(first["messages"][1]["content"])
    assert payload["主题"] == ranking.pack.name and payload["主题说明"] == ranking.pack.description
    assert [c["id"] for c in payload["候选事件"]] == [f"E{i}" for i in range(1, len(shown) + 1)]
    assert payload["候选事件"][1]["标题"] == dropped.headline.title
    assert all(len(c["导语"]) <= RELEVANCE_LEAD for c in payload["候选事件"])
    # the record, in the twin
    record = report.engine_record
    assert record is not None
    assert (record.calls, record.prompt_tokens, record.completion_tokens) == (2, 180, 90)
    assert len(record.relevance) == len(shown)
    assert record.relevance[1] == RelevanceVerdict(
        event_id=dropped.event.items[0].key, relevant=False, why="理由2"
    )
    assert sum(not v.relevant for v in record.relevance) == 1
    assert any("1 of" in note and "dropped" in note for note in record.notes)
    twin = Report.model_validate_json(render_json(report))
    assert twin.engine_record is not None and twin.engine_record.relevance == record.relevance
    assert twin.schema_version == "1.2"


def test_malformed_verdicts_keep_every_event(server, client, ranking):
    shown = candidates(ranking)
    answer = {
        "verdicts": [
            {"id": "E1", "relevant": "false", "why": "字符串不是布尔值"},
            {"id": "E2", "relevant": False},  # no reason
            {"id": "E99", "relevant": False, "why": "没有这个编号"},
            "junk",
        ]
    }
    server.answer(json.dumps(answer, ensure_ascii=False))
    server.answer(json.dumps(good_draft(ranking), ensure_ascii=False))
    result = run(ranking, client, settings=RECHECK)
    assert result.engine == "llm" and result.replaced == ()
    assert bare(result.report).events == write_offline(ranking).events
    record = result.report.engine_record
    assert record is not None and record.relevance == () and record.calls == 2
    assert any(
        f"{len(shown)} of {len(shown)} events had no usable verdict" in n for n in result.notes
    )


def test_a_failing_recheck_skips_the_filter_with_a_note(server, client, ranking):
    server.answer("not json")
    server.answer('{"verdicts": "still not a list"}')
    server.answer(json.dumps(good_draft(ranking), ensure_ascii=False))
    result = run(ranking, client, settings=RECHECK)
    assert result.engine == "llm" and len(server.requests) == 3
    assert bare(result.report).events == write_offline(ranking).events
    assert result.notes[0].startswith("relevance re-check skipped: ")
    record = result.report.engine_record
    assert record is not None and record.relevance == () and record.calls == 3
    # provider trouble too: the filter is skipped, the draft still asked for
    server.fail(401, "invalid api key")
    server.answer(json.dumps(good_draft(ranking), ensure_ascii=False))
    result = run(ranking, client, settings=RECHECK)
    assert result.engine == "llm" and "API key" in result.notes[0]


def test_the_recheck_is_served_from_the_cache_on_a_rerun(server, client, ranking):
    shown = candidates(ranking)
    server.answer(verdicts(len(shown), irrelevant=[2]))
    server.answer(json.dumps(good_draft(without(ranking, shown[1])), ensure_ascii=False))
    with NewsStore(":memory:") as store:
        first = run(ranking, client, settings=RECHECK, cache=store)
        second = run(ranking, client, settings=RECHECK, cache=store)
    assert len(server.requests) == 2
    assert bare(first.report) == bare(second.report) and second.engine == "llm"
    record, again = first.report.engine_record, second.report.engine_record
    assert record is not None and again is not None
    assert not record.cached and record.calls == 2
    assert again.cached and again.calls == 0 and again.relevance == record.relevance
    assert second.usage.total == 0
