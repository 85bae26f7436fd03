"""The offline writer on the demo day: structure, citations, securities, ETFs, risks, shortfall."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from theme_research import demo, pipeline
from theme_research.importer import import_paths
from theme_research.rank import ThemeRanking
from theme_research.render import render_markdown
from theme_research.report import ADVICE, REQUIRED_SECTIONS, Report
from theme_research.store import NewsStore
from theme_research.themes import ThemePack, builtin_pack_paths, load_pack
from theme_research.verify import verify
from theme_research.write.offline import MARKETS, MIN_SCORE, write_offline

PACKS = [load_pack(path) for path in builtin_pack_paths()]
SLUGS = [pack.slug for pack in PACKS]
TICKER = r"(?:\d{6}\.(?:SH|SZ|BJ)|\d{4,5}\.HK|[A-Z][A-Z.]{0,5}\.US)"
LABEL = re.compile(rf"[^（）、；：*]+（({TICKER})）")


@pytest.fixture(scope="module")
def rankings() -> dict[str, ThemeRanking]:
    """Every built-in theme's ranking of the demo day, by slug."""
    with NewsStore(":memory:") as store:
        import_paths(demo.demo_files(), store)
        day = pipeline.analyze_window(store, demo.demo_window(), PACKS)
    return {pack.slug: pipeline.rank_theme(day, pack) for pack in PACKS}


@pytest.fixture(scope="module")
def reports(rankings: dict[str, ThemeRanking]) -> dict[str, Report]:
    return {slug: write_offline(ranking) for slug, ranking in rankings.items()}


def pack_of(slug: str) -> ThemePack:
    return next(pack for pack in PACKS if pack.slug == slug)


@pytest.mark.parametrize("slug", SLUGS)
def test_ten_key_items_each_cite_a_linked_item(reports, slug):
    report = reports[slug]
    evidence = report.evidence()
    assert [item.rank for item in report.key_items] == list(range(1, 11))
    assert not report.shortfall
    for item in report.key_items:
        assert item.cites and set(item.cites) <= set(evidence)
        assert any(evidence[k].url.startswith("https://") for k in item.cites), item
        assert item.text.endswith("。")


@pytest.mark.parametrize("slug", SLUGS)
def test_key_items_start_with_their_event_headline(reports, slug):
    report = reports[slug]
    for item, event in zip(report.key_items, report.events, strict=True):
        assert item.text.startswith(event.headline.rstrip("。"))
        assert item.cites[0] in {i.key for i in event.items}


@pytest.mark.parametrize("slug", SLUGS)
def test_three_to_five_drivers_each_paragraph_cited(reports, slug):
    report = reports[slug]
    evidence = report.evidence()
    assert 3 <= len(report.drivers) <= 5
    titles = [section.title for section in report.drivers]
    assert len(set(titles)) == len(titles)
    for section in report.drivers:
        assert section.paragraphs
        for paragraph in section.paragraphs:
            assert (
                paragraph.text.startswith(f"{section.title}方面，") or section.title == "证据说明"
            )
            assert paragraph.cites and set(paragraph.cites) <= set(evidence)


@pytest.mark.parametrize("slug", SLUGS)
def test_sectors_name_securities_with_their_exchange(reports, slug):
    report = reports[slug]
    pack = pack_of(slug)
    segments = {segment.name for segment in pack.segments}
    assert report.sectors
    for paragraph in report.sectors:
        segment = re.match(r"\*\*(.+?)\*\*：", paragraph.text)
        assert segment and segment.group(1) in segments, paragraph.text
        tickers = LABEL.findall(paragraph.text)
        assert tickers, paragraph.text
        assert set(tickers) <= pack.known_tickers()
        if "今日消息提及" in paragraph.text:
            assert paragraph.cites, paragraph.text


@pytest.mark.parametrize("slug", SLUGS)
def test_etfs_are_grouped_by_market(reports, slug):
    report = reports[slug]
    pack = pack_of(slug)
    markets = [line.market for line in report.etfs]
    assert markets == [m for m in MARKETS if m in markets]  # each once, in the fixed order
    listed = []
    for line in report.etfs:
        for label in line.etfs:
            [ticker] = LABEL.findall(label)
            [etf] = [e for e in pack.etfs if e.ticker == ticker]
            assert etf.market == line.market and label == f"{etf.name}（{ticker}）"
            listed.append(ticker)
    assert sorted(listed) == sorted(e.ticker for e in pack.etfs if e.market in MARKETS)


@pytest.mark.parametrize("slug", SLUGS)
def test_risks_are_numbered_labelled_and_evidenced_ones_cite(reports, slug):
    report = reports[slug]
    risks = {risk.label: risk for risk in pack_of(slug).risks}
    assert report.risks
    for section in report.risks:
        risk = risks[section.title]
        [paragraph] = section.paragraphs
        assert paragraph.text.startswith(risk.text)
        if paragraph.text != risk.text:  # evidenced: the standing text plus today's news
            assert "本期相关消息：" in paragraph.text
            assert paragraph.cites and set(paragraph.cites) <= set(report.evidence())
        else:
            assert risk.standing and not paragraph.cites
    markdown = render_markdown(report)
    section = markdown[markdown.index("### 4. 主要风险与不确定性") :]
    numbered = re.findall(r"^(\d+)\. \*\*(.+?)\*\*：", section, re.MULTILINE)
    assert numbered == [(str(i), s.title) for i, s in enumerate(report.risks, start=1)]


def test_some_risks_of_the_demo_day_are_evidenced(reports):
    evidenced = [
        (slug, section.title)
        for slug, report in reports.items()
        for section in report.risks
        if section.paragraphs[0].cites
    ]
    assert len(evidenced) >= 3


def test_two_qualifying_events_give_two_items_and_a_shortfall_note(rankings):
    ranking = rankings["ai"]
    report = write_offline(replace(ranking, ranked=ranking.ranked[:2]))
    assert len(report.key_items) == 2 and len(report.events) == 2
    assert "2条" in report.shortfall
    markdown = render_markdown(report)
    assert f"> {report.shortfall}" in markdown
    result = verify(report, markdown, ranking.pack)
    assert result.passed, result.findings


def test_thin_evidence_is_said_in_the_drivers_not_padded(rankings):
    ranking = rankings["ai"]
    report = write_offline(replace(ranking, ranked=ranking.ranked[:1]))
    titles = [section.title for section in report.drivers]
    assert titles[-1] == "证据说明" and len(titles) == 2
    assert not report.drivers[-1].paragraphs[0].cites


def test_low_scoring_events_do_not_fill_the_ten(rankings):
    ranking = rankings["ai"]
    weak = [replace(r, score=MIN_SCORE - 0.01) for r in ranking.ranked[3:]]
    report = write_offline(replace(ranking, ranked=[*ranking.ranked[:3], *weak]))
    assert len(report.key_items) == 3 and "3条" in report.shortfall


def test_no_qualifying_event_gives_a_complete_empty_report(rankings):
    ranking = rankings["ai"]
    report = write_offline(replace(ranking, ranked=[]))
    assert report.key_items == () and report.events == ()
    assert "没有" in report.shortfall
    markdown = render_markdown(report)
    lines = {line.strip() for line in markdown.splitlines()}
    assert set(REQUIRED_SECTIONS) <= lines
    result = verify(report, markdown, ranking.pack)
    assert result.passed, result.findings


@pytest.mark.parametrize("slug", SLUGS)
def test_no_advice_phrasing_anywhere(reports, slug):
    report = reports[slug]
    markdown = render_markdown(report)
    assert not ADVICE.search(markdown), ADVICE.search(markdown)
    result = verify(report, markdown, pack_of(slug))
    assert result.passed, result.findings


def test_an_advice_sentence_in_the_news_is_not_written(rankings):
    """The writer quotes body sentences; one that gives advice is passed over."""
    ranking = rankings["ai"]
    top = ranking.ranked[0]
    advice = "某券商给予该公司买入评级，建议买入，目标价200元。"
    planted = replace(top, headline=replace(top.headline, body=advice + top.headline.body))
    report = write_offline(replace(ranking, ranked=[planted, *ranking.ranked[1:]]))
    assert ADVICE.search(advice)
    assert not ADVICE.search(render_markdown(report))


def test_the_writer_is_deterministic(rankings):
    ranking = rankings["semiconductor"]
    assert write_offline(ranking) == write_offline(ranking)
    assert render_markdown(write_offline(ranking)) == render_markdown(write_offline(ranking))
