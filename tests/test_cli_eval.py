"""The eval command on the demo day, with hand-written graded and tag labels."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from theme_research import demo
from theme_research.cli import app
from theme_research.importer import read_news_file

runner = CliRunner()


def demo_db(tmp_path: Path) -> str:
    db = str(tmp_path / "news.db")
    result = runner.invoke(app, ["import", *map(str, demo.demo_files()), "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    return db


def demo_item_with(text: str) -> str:
    for path in demo.demo_files():
        for _, item in read_news_file(path):
            if not isinstance(item, Exception) and text in item.title:
                return item.key
    raise AssertionError(f"no demo item mentions {text}")


def test_eval_grades_reports_ndcg_per_theme_day(tmp_path: Path) -> None:
    key = demo_item_with("寒武纪")
    grades = tmp_path / "grades.jsonl"
    line = {"theme": "人工智能", "day": "2026-03-18", "keys": [key], "grade": 3, "event": "e1"}
    grades.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "--grades", str(grades), "--db", demo_db(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (
        "人工智能" in result.stdout and "2026-03-18" in result.stdout and "NDCG@10" in result.stdout
    )


def test_eval_reports_a_bad_label_line_with_file_and_line(tmp_path: Path) -> None:
    grades = tmp_path / "grades.jsonl"
    grades.write_text('{"theme": "人工智能"}\n', encoding="utf-8")
    result = runner.invoke(app, ["eval", "--grades", str(grades), "--db", demo_db(tmp_path)])
    assert result.exit_code == 2 and "grades.jsonl:1" in result.stderr


def test_eval_tags_reports_silver_precision(tmp_path: Path) -> None:
    tags = tmp_path / "tags.toml"
    tags.write_text('["人工智能"]\ntags = ["人工智能", "算力"]\n', encoding="utf-8")
    args = ["eval", "--tags", str(tags), "--day", "2026-03-18", "--db", demo_db(tmp_path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "P@10 (tags)" in result.stdout and "人工智能" in result.stdout


def test_eval_without_labels_is_a_usage_error(tmp_path: Path) -> None:
    assert runner.invoke(app, ["eval", "--db", str(tmp_path / "x.db")]).exit_code == 2
