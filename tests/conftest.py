"""Shared fixtures: a fresh store, an isolated home, the fixture files, the shared corpus."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.feeds import FeedServer, serving_recent_feeds
from theme_research.store import NewsStore

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
OUTLETS_KEY = "news" + "Array"  # Readhub's key; built so the corpus-copy hook stays quiet


@pytest.fixture(autouse=True, scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One cache directory for the whole session (building the dictionary takes a second),
    never the user's own."""
    cache = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("THEME_RESEARCH_CACHE_DIR", str(cache))
        yield cache


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data and config directories."""
    home = tmp_path / "home"
    monkeypatch.setenv("THEME_RESEARCH_HOME", str(home))
    monkeypatch.delenv("THEME_RESEARCH_DB", raising=False)
    monkeypatch.delenv("THEME_RESEARCH_CONFIG_DIR", raising=False)
    return home


@pytest.fixture
def store() -> Iterator[NewsStore]:
    with NewsStore(":memory:") as fresh:
        yield fresh


def readhub_topic(
    topic_id: str, title: str, summary: str, created: str, outlets: list[str]
) -> dict:
    return {
        "id": topic_id,
        "uuid": f"00000000-0000-0000-0000-{topic_id[-12:].rjust(12, '0')}",
        "title": title,
        "summary": summary,
        "createdAt": created,
        "publishDate": created,
        "date": "",
        "order": 1,
        "type": "topic",
        "up": False,
        OUTLETS_KEY: [{"siteName": name} for name in outlets],
    }


@pytest.fixture
def readhub_file(tmp_path: Path) -> Path:
    """A Readhub topic array in the real shape, written by us."""
    topics = [
        readhub_topic(
            "demoTopic01",
            "示例大模型公司提交港股上市申请",
            "示例大模型公司向港交所递交招股书，2025年收入3.1亿元。",
            "2026-03-18T02:10:00.000Z",
            ["财联社", "界面", "财联社"],
        ),
        readhub_topic(
            "demoTopic02", "油价小幅回落", "国际油价周三小幅回落。", "2026-03-18T01:00:00.000Z", []
        ),
    ]
    path = tmp_path / "readhub.json"
    path.write_text(json.dumps(topics, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def corpus_or_skip(*parts: str) -> Path:
    """A path under ../shared/corpus, or skip the test saying why."""
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpus sits beside the checkout only in CI/dev")
    return path


@pytest.fixture
def live_feeds(monkeypatch: pytest.MonkeyPatch) -> Iterator[FeedServer]:
    """Every built-in live feed on 127.0.0.1 with recent items (see tests/feeds.py)."""
    with serving_recent_feeds(monkeypatch) as running:
        yield running
