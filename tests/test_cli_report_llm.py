"""`report --engine llm` end to end through the CLI, against a scripted server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.openai_server import serve
from tests.write.test_llm import good_draft
from theme_research import demo, pipeline
from theme_research.cli import app
from theme_research.importer import import_paths
from theme_research.report import Report
from theme_research.store import NewsStore
from theme_research.themes import load_packs

runner = CliRunner()


def demo_db(tmp_path: Path) -> str:
    db = tmp_path / "news.db"
    with NewsStore(db) as store:
        import_paths(demo.demo_files(), store)
    return str(db)


def report_args(db: str, out: Path, url: str) -> list[str]:
    return [
        "report", "--theme", "ai", "--date", "2026-03-18", "--db", db, "--out", str(out),
        "--engine", "llm", "--provider", "vllm", "--base-url", url, "--model", "test-model",
    ]  # fmt: skip


def test_report_with_the_llm_engine_writes_a_verified_llm_post(tmp_path: Path) -> None:
    db = demo_db(tmp_path)
    with NewsStore(db) as store:
        packs = list(load_packs().values())
        day = pipeline.analyze_window(store, demo.demo_window(), packs)
    ranking = pipeline.rank_theme(day, next(p for p in packs if p.slug == "ai"))
    with serve() as server:
        server.answer(json.dumps(good_draft(ranking), ensure_ascii=False))
        result = runner.invoke(app, report_args(db, tmp_path / "out", server.url))
    assert result.exit_code == 0, result.output
    twin = next((tmp_path / "out").glob("*.json"))
    report = Report.model_validate_json(twin.read_text(encoding="utf-8"))
    assert report.engine == "llm"
    assert report.verification is not None and report.verification.passed
    record = report.engine_record
    assert record is not None and record.provider == "vllm" and record.calls == 1
    post = next((tmp_path / "out").glob("*.md")).read_text(encoding="utf-8")
    assert "写作引擎：大语言模型（vllm/test-model）" in post


def test_a_provider_that_fails_gives_the_offline_post_and_says_so(tmp_path: Path) -> None:
    with serve() as server:  # no scripted reply: the server answers 500 to everything
        result = runner.invoke(app, report_args(demo_db(tmp_path), tmp_path / "out", server.url))
    assert result.exit_code == 0, result.output
    twin = next((tmp_path / "out").glob("*.json"))
    assert Report.model_validate_json(twin.read_text(encoding="utf-8")).engine == "offline"
    assert "offline" in result.stderr
