"""End to end on the shared corpus: every day, every built-in theme (skipped when absent)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import CORPUS, corpus_or_skip
from theme_research import pipeline
from theme_research.importer import import_paths
from theme_research.report import Report
from theme_research.store import NewsStore
from theme_research.themes import load_packs

pytestmark = pytest.mark.corpus
FEED_DAYS = sorted(p.stem for p in (CORPUS / "cls").glob("*.jsonl")) if CORPUS.exists() else []


@pytest.fixture(scope="module")
def feed_store(tmp_path_factory: pytest.TempPathFactory) -> NewsStore:
    root = corpus_or_skip()
    store = NewsStore(tmp_path_factory.mktemp("corpus") / "news.db")
    import_paths([root / "cls", root / "eastmoney", root / "ths"], store)
    return store


@pytest.mark.parametrize("day", FEED_DAYS)
def test_every_theme_report_of_a_feed_day_is_written_and_verifies_clean(
    day: str, feed_store: NewsStore, tmp_path: Path
) -> None:
    packs = list(load_packs().values())
    window = pipeline.window_for(date.fromisoformat(day))
    reports = pipeline.build_reports(feed_store, packs, window)
    assert len(reports) == len(packs)
    for report in reports:
        assert report.verification is not None
        assert report.verification.passed, (report.slug, report.verification.findings)
        assert report.key_items or report.shortfall
        post, twin = pipeline.save_report(report, tmp_path)
        assert Report.model_validate_json(twin.read_text(encoding="utf-8")) == report
        assert post.read_text(encoding="utf-8").startswith("---\nlayout: post\n")


def test_the_readhub_days_of_the_example_report_give_its_main_ai_stories(tmp_path: Path) -> None:
    root = corpus_or_skip()
    store = NewsStore(tmp_path / "news.db")
    days = [date(2025, 12, 15) + timedelta(days=n) for n in range(8)]
    files = [root / "readhub" / f"{d}.json" for d in days]
    files += [root / "trendradar" / f"{d}" / "news.db" for d in days]
    files += sorted((root / "english").glob("*.jsonl"))
    import_paths([f for f in files if f.exists()], store)
    window = pipeline.window_for(date(2025, 12, 20), lookback=timedelta(hours=72))
    packs = load_packs()
    (report,) = pipeline.build_reports(store, [packs["ai"]], window, all_packs=list(packs.values()))
    items = " ".join(k.text for k in report.key_items)
    assert "智谱" in items  # the IPO filing
    assert "美光" in items  # the US AI-hardware rebound on Micron's results
    assert "密歇根" in items  # Oracle/OpenAI data-centre power approval
    for off_theme in ("俄罗斯", "央行", "镍", "原油", "油价"):
        assert off_theme not in items, off_theme
    assert report.verification is not None and report.verification.passed
