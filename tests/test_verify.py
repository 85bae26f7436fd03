"""Verification: a good report of the demo day passes; each planted error is caught by its rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from theme_research import demo, pipeline
from theme_research.importer import import_paths
from theme_research.render import render_markdown
from theme_research.report import REQUIRED_SECTIONS, Finding, Paragraph, Report
from theme_research.store import NewsStore
from theme_research.themes import ThemePack, builtin_pack_paths, load_pack
from theme_research.verify import CHECKS, verify


@pytest.fixture(scope="module")
def packs() -> dict[str, ThemePack]:
    return {p.slug: p for p in map(load_pack, builtin_pack_paths())}


@pytest.fixture(scope="module")
def pack(packs: dict[str, ThemePack]) -> ThemePack:
    return packs["ai"]


@pytest.fixture(scope="module")
def good(packs: dict[str, ThemePack], pack: ThemePack) -> Report:
    """The demo day's 人工智能 report, as the pipeline writes and verifies it."""
    with NewsStore(":memory:") as store:
        import_paths(demo.demo_files(), store)
        [report] = pipeline.build_reports(
            store, [pack], demo.demo_window(), all_packs=list(packs.values())
        )
    return report


def findings(report: Report, pack: ThemePack, markdown: str | None = None) -> list[Finding]:
    text = render_markdown(report) if markdown is None else markdown
    return list(verify(report, text, pack).findings)


def rules(report: Report, pack: ThemePack, markdown: str | None = None) -> set[str]:
    return {f.rule for f in findings(report, pack, markdown)}


def with_item(report: Report, rank: int, **update: object) -> Report:
    """The report with key item ``rank`` changed."""
    items = list(report.key_items)
    items[rank - 1] = items[rank - 1].model_copy(update=update)
    return report.model_copy(update={"key_items": tuple(items)})


def appended(report: Report, rank: int, extra: str) -> Report:
    return with_item(report, rank, text=report.key_items[rank - 1].text + extra)


def test_the_demo_report_verifies_clean(good, pack):
    assert good.verification is not None
    assert good.verification.passed, good.verification.findings
    assert good.verification.checks == CHECKS
    assert len(good.key_items) == 10 and not good.shortfall
    assert findings(good, pack) == []


def test_an_uncited_number_is_caught(good, pack):
    found = findings(appended(good, 1, "预计市场规模达9999亿元。"), pack)
    assert [(f.rule, f.where) for f in found] == [("numbers", "item 1")]
    assert "9999" in found[0].message


def test_a_number_from_another_event_is_not_evidence_for_this_one(good, pack):
    """Numbers must be in the items a paragraph cites, not merely somewhere in the report."""
    evidence = good.evidence()
    own = "\n".join(f"{evidence[k].title}{evidence[k].content}" for k in good.key_items[0].cites)
    other = "\n".join(f"{i.title}{i.content}" for e in good.events[1:] for i in e.items)
    pack_numbers = {n for t in pack.known_tickers() for n in re.findall(r"\d+", t)}
    foreign = sorted(
        n
        for n in set(re.findall(r"\d+(?:\.\d+)?", other))
        if n not in re.findall(r"\d+(?:\.\d+)?", own) and n not in pack_numbers and len(n) >= 3
    )
    assert foreign, "the demo day should have numbers only other events report"
    found = findings(appended(good, 1, f"另据报道为{foreign[0]}。"), pack)
    assert [f.rule for f in found] == ["numbers"]


def test_uncited_prose_may_use_numbers_from_any_item(good, pack):
    content = "".join(i.content for e in good.events for i in e.items)
    number = max(re.findall(r"\d+\.\d+", content), key=len, default="")
    assert number, "the demo day's events should state decimal figures"
    overview = Paragraph(text=f"本期多项数据为{number}。")
    assert findings(good.model_copy(update={"overview": overview}), pack) == []
    overview = Paragraph(text="本期多项数据为9999.99。")
    assert rules(good.model_copy(update={"overview": overview}), pack) == {"numbers"}


@pytest.mark.parametrize(
    ("mention", "ticker", "expected"),
    [
        ("（ABCD.US）", "ABCD.US", {"tickers"}),
        ("另有ABCD.US", "ABCD.US", {"tickers"}),
        # a code is also a number no item holds
        ("（600999.SH）", "600999.SH", {"tickers", "numbers"}),
        ("提及600999.SH涨停", "600999.SH", {"tickers", "numbers"}),
        ("（09999.HK）", "09999.HK", {"tickers", "numbers"}),
    ],
)
def test_an_unknown_ticker_is_caught(good, pack, mention, ticker, expected):
    found = findings(appended(good, 2, f"同时{mention}。"), pack)
    assert {f.rule for f in found} == expected
    [problem] = [f for f in found if f.rule == "tickers"]
    assert problem.where == "item 2" and problem.message.startswith(ticker + " ")


def test_a_ticker_of_the_theme_pack_is_allowed(good, pack):
    ticker = sorted(pack.known_tickers())[0]
    assert findings(appended(good, 2, f"相关标的（{ticker}）。"), pack) == []


@pytest.mark.parametrize("heading", REQUIRED_SECTIONS)
def test_a_missing_section_is_caught(good, pack, heading):
    markdown = render_markdown(good)
    assert heading + "\n" in markdown
    cut = "".join(
        line for line in markdown.splitlines(keepends=True) if line.rstrip("\n") != heading
    )
    found = findings(good, pack, cut)
    assert [(f.rule, f.where) for f in found] == [("sections", heading)]


def test_traditional_characters_are_caught(good, pack):
    found = findings(appended(good, 3, "臺積電擴產。"), pack)
    assert [(f.rule, f.where) for f in found] == [("simplified", "item 3")]
    assert {"臺", "積", "電", "擴", "產"} <= set(found[0].message)


@pytest.mark.parametrize("phrase", ["建议买入", "目标价", "建议增持", "稳赚"])
def test_advice_phrasing_is_caught(good, pack, phrase):
    found = findings(appended(good, 4, f"机构{phrase}。"), pack)
    assert [(f.rule, f.where) for f in found] == [("advice", "item 4")]
    assert phrase in found[0].message


def test_advice_is_caught_in_every_kind_of_prose(good, pack):
    drivers = list(good.drivers)
    paragraph = drivers[0].paragraphs[0]
    changed = paragraph.model_copy(update={"text": paragraph.text + "建议买入。"})
    drivers[0] = drivers[0].model_copy(update={"paragraphs": (changed,)})
    found = findings(good.model_copy(update={"drivers": tuple(drivers)}), pack)
    assert [(f.rule, f.where) for f in found] == [("advice", f"driver {drivers[0].title}")]


def test_a_missing_disclaimer_is_caught(good, pack):
    markdown = render_markdown(good)
    lines = markdown.splitlines(keepends=True)
    assert lines[-1].startswith("> **免责声明**")
    assert rules(good, pack, "".join(lines[:-1])) == {"disclaimer"}
    # the text without its blockquote marker is not the disclaimer either
    assert rules(good, pack, "".join([*lines[:-1], lines[-1][2:]])) == {"disclaimer"}


def test_fewer_than_ten_items_need_a_shortfall_note(good, pack):
    short = good.model_copy(update={"key_items": good.key_items[:7], "shortfall": ""})
    found = findings(short, pack)
    assert [(f.rule, f.where) for f in found] == [("items", "key items")]
    assert "7" in found[0].message
    noted = short.model_copy(update={"shortfall": "本期窗口内仅有7条信息符合标准，其余不作填充。"})
    assert findings(noted, pack) == []


def test_a_cite_of_an_unknown_key_is_caught(good, pack):
    found = findings(with_item(good, 5, cites=("cls:does-not-exist",)), pack)
    cited = [f for f in found if f.rule == "citations"]
    assert [f.where for f in cited] == ["item 5", "item 5"]
    assert "cls:does-not-exist" in cited[0].message and cited[1].message == "no linked source"
    # the item's figures now rest on nothing, so they are flagged too
    assert {f.rule for f in found} - {"citations"} <= {"numbers"}


def test_an_unknown_cite_beside_a_good_one_is_still_caught(good, pack):
    item = good.key_items[5]
    found = findings(with_item(good, 6, cites=(*item.cites, "ths:0")), pack)
    assert [(f.rule, f.where) for f in found] == [("citations", "item 6")]


def test_a_key_item_whose_sources_have_no_url_is_caught(good, pack):
    events = tuple(
        event.model_copy(
            update={"items": tuple(i.model_copy(update={"url": ""}) for i in event.items)}
        )
        for event in good.events
    )
    found = findings(good.model_copy(update={"events": events}), pack)
    unlinked = {f.where for f in found if f.message == "no linked source"}
    assert unlinked == {f"item {i}" for i in range(1, 11)}


@pytest.mark.parametrize(
    "link",
    [
        "据[财联社 06-29 23:17](https://www.cls.cn/detail/98765431)报道",
        "〔[东方财富 06-29 23:17](https://finance.eastmoney.com/a/202606294006220793.html)〕",
    ],
)
def test_numbers_inside_citation_links_are_not_flagged(good, pack, link):
    assert findings(appended(good, 1, link + "。"), pack) == []
    # the same characters outside a link are numbers that need a source
    bare = re.sub(r"[\[\]()〔〕]", " ", link)
    assert rules(appended(good, 1, bare + "。"), pack) == {"numbers"}


def test_verify_post_catches_a_post_edited_after_writing(good, pack, tmp_path: Path):
    post, _ = pipeline.save_report(good, tmp_path)
    assert pipeline.verify_post(post, {pack.slug: pack}).passed
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("\n1. **", "\n1. **建议买入", 1), encoding="utf-8")
    result = pipeline.verify_post(post, {pack.slug: pack})
    assert not result.passed
    assert [f.rule for f in result.findings] == ["twin"]
