"""Import every file of ../shared/corpus (skipped where it is absent)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import corpus_or_skip
from theme_research.importer import read_news_file
from theme_research.models import MARKET_TZ

pytestmark = pytest.mark.corpus
DATELINE_LEFT = ("财联社", "新华社")


def feed_files() -> list[Path]:
    root = corpus_or_skip()
    return sorted(p for feed in ("cls", "eastmoney", "ths") for p in (root / feed).glob("*.jsonl"))


def count_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


def test_feed_days_import_every_record_inside_its_day():
    for path in feed_files():
        parsed = list(read_news_file(path))
        items = [i for _, i in parsed if not isinstance(i, Exception)]
        assert len(items) == count_lines(path), path
        assert len({i.key for i in items}) == len(items), f"duplicate keys in {path}"
        day = date.fromisoformat(path.stem)
        for item in items:
            local = item.published_at.astimezone(MARKET_TZ).date()
            # Eastmoney re-publishes a few late-evening items just after midnight, filed
            # under the next day with their original date in the id: allow one day back.
            assert day - timedelta(days=1) <= local <= day, (path, item.key)
            assert item.title.strip(), (path, item.key)
            assert not item.content.startswith(DATELINE_LEFT) or "电" not in item.content[:12]


def test_readhub_days_import_every_topic():
    for path in sorted(corpus_or_skip("readhub").glob("*.json")):
        expected = len(json.loads(path.read_text(encoding="utf-8")))
        items = [i for _, i in read_news_file(path) if not isinstance(i, Exception)]
        assert len(items) == expected, path
        assert all(i.title for i in items)


def test_english_headlines_and_trendradar_import():
    english = next(corpus_or_skip("english").glob("*.jsonl"))
    items = [i for _, i in read_news_file(english) if not isinstance(i, Exception)]
    assert len(items) == count_lines(english)
    # The feed's titles come HTML-escaped ("Microsoft&apos;s"); the store keeps the text.
    assert not any("&apos;" in i.title or "&amp;" in i.title for i in items)
    for db in sorted(corpus_or_skip("trendradar").glob("*/news.db")):
        parsed = [i for _, i in read_news_file(db)]
        assert parsed and all(not isinstance(i, Exception) for i in parsed)
        assert {i.source for i in parsed} <= {"trendradar:cls-hot", "trendradar:wallstreetcn-hot"}


def test_whole_corpus_reimport_is_idempotent(tmp_path):
    from theme_research.importer import import_paths
    from theme_research.store import NewsStore

    root = corpus_or_skip()
    with NewsStore(tmp_path / "c.db") as store:
        first = import_paths([root], store)
        count = store.count()
        again = import_paths([root], store)
        assert store.count() == count == first.imported - first_duplicates(first)
        assert sum(t.new + t.updated for t in again.tallies.values()) == 0
        assert not first.problems and not first.unreadable


def first_duplicates(report) -> int:
    # Records that repeat an id already seen in an earlier file (the Eastmoney re-publish).
    return sum(t.updated for t in report.tallies.values()) + sum(
        t.unchanged for t in report.tallies.values()
    )
