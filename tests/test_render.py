"""Rendering: the Jekyll post's front matter and layout, and its JSON twin, on the demo day."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SHARED
from theme_research import demo, pipeline
from theme_research.importer import import_paths
from theme_research.render import post_filename, render_json, render_markdown
from theme_research.report import DISCLAIMER, SCHEMA_VERSION, Finding, Report
from theme_research.store import NewsStore
from theme_research.themes import builtin_pack_paths, load_pack
from theme_research.verify import CHECKS

PACKS = [load_pack(path) for path in builtin_pack_paths()]
SLUGS = [pack.slug for pack in PACKS]
EXAMPLE = SHARED / "reference" / "example-report-2025-12-20.md"
POSTTIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0800$")
ITEM = re.compile(r"^(\d+)\. \*\*(.+)\*\* 〔(.+)〕$")
LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    """Every built-in theme's report of the demo day, by slug."""
    with NewsStore(":memory:") as store:
        import_paths(demo.demo_files(), store)
        built = pipeline.build_reports(store, PACKS, demo.demo_window())
    return {report.slug: report for report in built}


@pytest.fixture(scope="module")
def ai(reports: dict[str, Report]) -> Report:
    return reports["ai"]


def front_matter(markdown: str) -> dict[str, Any]:
    """The ``---`` block as a dict; each value must be a JSON scalar or list (or a bare word)."""
    lines = markdown.splitlines()
    assert lines[0] == "---"
    end = lines.index("---", 1)
    fields: dict[str, Any] = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(": ")
        assert sep and key not in fields, line
        try:
            fields[key] = json.loads(value)
        except json.JSONDecodeError:
            assert re.fullmatch(r"[a-z]+", value), f"unquoted value {value!r}"
            fields[key] = value
    return fields


def body(markdown: str) -> list[str]:
    lines = markdown.splitlines()
    return lines[lines.index("---", 1) + 1 :]


def headings(markdown: str) -> list[str]:
    return [line for line in body(markdown) if line.startswith("#")]


def item_lines(markdown: str) -> list[str]:
    lines = body(markdown)
    start = lines.index("### 对交易影响可能最大的10个信息")
    end = lines.index("---", start)
    return [line for line in lines[start + 1 : end] if re.match(r"^\d+\. ", line)]


def test_front_matter(ai):
    fields = front_matter(render_markdown(ai))
    assert fields["layout"] == "post"
    assert fields["title"] == "theme_research_人工智能_2026-03-18"
    assert fields["date"] == fields["posttime"] == "2026-03-18 15:30:00 +0800"
    assert fields["categories"] == ["人工智能"]
    assert fields["tags"] == ["人工智能", "主题研究", "ai"]
    assert fields["theme_slug"] == "ai" and fields["engine"] == "offline"
    assert fields["verified"] is True
    assert fields["description"].startswith("人工智能主题 2026-03-18 收盘后研究摘要：")
    assert ai.events[0].headline in fields["description"]


@pytest.mark.parametrize("slug", SLUGS)
def test_front_matter_of_every_theme(reports, slug):
    report = reports[slug]
    fields = front_matter(render_markdown(report))
    assert fields["title"] == f"theme_research_{report.theme}_{report.date}"
    assert POSTTIME.match(fields["date"]) and fields["posttime"] == fields["date"]
    assert fields["categories"] == [report.theme]
    assert report.theme in fields["tags"] and slug in fields["tags"]
    assert "\n" not in fields["description"] and fields["description"]


def test_a_quote_in_the_top_headline_keeps_the_front_matter_valid(ai):
    events = list(ai.events)
    events[0] = events[0].model_copy(update={"headline": '英伟达称"Rubin"已量产'})
    fields = front_matter(render_markdown(ai.model_copy(update={"events": tuple(events)})))
    assert "Rubin" in fields["description"] and '"' not in fields["description"]


def test_no_verification_means_verified_false(ai):
    unverified = ai.model_copy(update={"verification": None})
    markdown = render_markdown(unverified)
    assert front_matter(markdown)["verified"] is False
    assert "（已通过自动核验）" not in markdown


@pytest.mark.parametrize("slug", SLUGS)
def test_headings_follow_the_example_layout(reports, slug):
    report = reports[slug]
    assert headings(render_markdown(report)) == [
        f"# {report.theme}主题市场研究摘要",
        "## 简要部分",
        "### 主要话题与市场趋势概述",
        "### 对交易影响可能最大的10个信息",
        "## 详细部分",
        "### 1. 事件或主题概述",
        "### 2. 核心驱动与影响分析",
        *(f"#### {driver.title}" for driver in report.drivers),
        "### 3. 相关ETF或行业的潜在影响",
        "#### 直接受益领域",
        "#### 相关ETF推荐",
        "### 4. 主要风险与不确定性",
        "### 数据来源与方法",
    ]


def test_headings_match_the_reference_example(ai):
    """Our layout is the reference's, plus the drivers we name and a method section."""
    if not EXAMPLE.exists():
        pytest.skip(f"{EXAMPLE} is absent: ../shared sits beside the checkout only in CI/dev")
    example = EXAMPLE.read_text(encoding="utf-8").replace("人工智能", "{theme}")

    def skeleton(markdown: str) -> list[str]:
        lines = headings(markdown)
        drivers = lines.index("### 2. 核心驱动与影响分析")
        after = lines.index("### 3. 相关ETF或行业的潜在影响")
        return [*lines[: drivers + 1], *lines[after:]]

    ours = render_markdown(ai).replace("人工智能", "{theme}")
    assert [h for h in skeleton(ours) if h != "### 数据来源与方法"] == skeleton(example)


@pytest.mark.parametrize("slug", SLUGS)
def test_the_disclaimer_blockquote_comes_last(reports, slug):
    lines = render_markdown(reports[slug]).rstrip("\n").splitlines()
    assert lines[-1] == f"> {DISCLAIMER}"
    assert sum(line.startswith("> **免责声明**") for line in lines) == 1


def test_a_rule_separates_the_brief_and_the_detailed_parts(ai):
    lines = body(render_markdown(ai))
    brief, detail = lines.index("## 简要部分"), lines.index("## 详细部分")
    assert "---" in lines[brief:detail]


@pytest.mark.parametrize("slug", SLUGS)
def test_ten_numbered_bold_items_each_with_a_link(reports, slug):
    report = reports[slug]
    evidence = report.evidence()
    lines = item_lines(render_markdown(report))
    assert len(lines) == 10
    for number, (line, item) in enumerate(zip(lines, report.key_items, strict=True), start=1):
        match = ITEM.match(line)
        assert match, line
        assert int(match.group(1)) == number and match.group(2) == item.text
        links = LINK.findall(match.group(3))
        assert links, line
        assert {url for _, url in links} <= {evidence[k].url for k in item.cites}
        for label, _ in links:
            assert re.fullmatch(r"\S+ \d{2}-\d{2} \d{2}:\d{2}", label), label


def test_a_shortfall_note_is_a_blockquote_before_the_items(ai):
    note = "本期窗口内仅有2条信息符合主题相关性和影响力标准，其余不作填充。"
    short = ai.model_copy(update={"key_items": ai.key_items[:2], "shortfall": note})
    lines = body(render_markdown(short))
    heading = lines.index("### 对交易影响可能最大的10个信息")
    assert lines.index(f"> {note}") < lines.index(next(x for x in lines if x.startswith("1. **")))
    assert lines.index(f"> {note}") > heading
    assert len(item_lines(render_markdown(short))) == 2


def test_the_method_section_names_feeds_window_and_counts(ai):
    markdown = render_markdown(ai)
    assert "- 时间窗口：2026-03-17 15:30 至 2026-03-18 15:30（北京时间）" in markdown
    assert "财联社" in markdown and "东方财富" in markdown and "同花顺" in markdown
    assert (
        f"读取新闻 {ai.method.items_read} 条，合并为 {ai.method.events_formed} 个事件" in markdown
    )


@pytest.mark.parametrize("slug", SLUGS)
def test_post_filename(reports, slug):
    name = post_filename(reports[slug])
    assert name == f"2026-03-18-theme-research-{slug}.md"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-theme-research-[a-z0-9-]+\.md", name)


def test_the_json_twin_round_trips(ai):
    assert Report.model_validate_json(render_json(ai)) == ai


def test_the_json_twin_holds_ranked_events_with_their_items(ai):
    twin = json.loads(render_json(ai))
    assert twin["schema_version"] == SCHEMA_VERSION
    assert twin["theme"] == "人工智能" and twin["slug"] == "ai" and twin["date"] == "2026-03-18"
    events = twin["events"]
    assert [e["rank"] for e in events] == list(range(1, len(events) + 1)) and len(events) == 10
    for event in events:
        assert event["headline"] and event["parts"] and event["items"]
        assert event["headline"] in {item["title"] for item in event["items"]}
        for item in event["items"]:
            assert item["key"] == f"{item['source']}:{item['source_id']}"
            assert item["url"].startswith("https://") and item["title"]
            assert datetime.fromisoformat(item["published_at"]).utcoffset() is not None


def test_key_items_cite_the_event_of_their_rank(ai):
    for item, event in zip(ai.key_items, ai.events, strict=True):
        assert item.rank == event.rank
        assert set(item.cites) <= {i.key for i in event.items}


def test_the_json_twin_records_the_verification(ai):
    verification = json.loads(render_json(ai))["verification"]
    assert verification == {"passed": True, "checks": list(CHECKS), "findings": []}
    finding = Finding(rule="advice", where="item 1", message="advice phrasing '目标价'")
    failed = ai.verification.model_copy(update={"passed": False, "findings": (finding,)})
    twin = json.loads(render_json(ai.model_copy(update={"verification": failed})))
    assert twin["verification"]["passed"] is False
    assert twin["verification"]["findings"] == [finding.model_dump()]


@pytest.mark.parametrize("slug", SLUGS)
def test_rendering_is_deterministic(reports, slug):
    report = reports[slug]
    assert render_markdown(report).encode() == render_markdown(report).encode()
    assert render_json(report).encode() == render_json(report).encode()
    copy = Report.model_validate_json(render_json(report))
    assert render_markdown(copy) == render_markdown(report)


def test_documented_json_schema_is_current():
    """docs/report.schema.json is what `theme-research schema` prints; regenerate it with
    `theme-research schema > docs/report.schema.json` after changing the report models."""
    documented = Path(__file__).parents[1] / "docs" / "report.schema.json"
    current = json.dumps(Report.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
    assert documented.read_text(encoding="utf-8") == current
