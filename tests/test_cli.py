from typer.testing import CliRunner

from tests.conftest import FIXTURES
from theme_research.cli import app

runner = CliRunner()


def test_import_then_stats(tmp_path):
    db = tmp_path / "news.db"
    result = runner.invoke(app, ["import", str(FIXTURES / "cls_api.jsonl"), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    assert "Import summary" in result.stdout
    assert "cls_api.jsonl:4" in result.stderr
    stats = runner.invoke(app, ["stats", "--db", str(db)])
    assert stats.exit_code == 0 and "2026-03-18" in stats.stdout and "cls" in stats.stdout


def test_import_exits_nonzero_only_when_nothing_imports(tmp_path):
    db = str(tmp_path / "news.db")
    result = runner.invoke(app, ["import", str(FIXTURES / "unknown.csv"), "--db", db, "-q"])
    assert result.exit_code == 1
    assert "Known formats" in result.stderr


def test_import_missing_path_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["import", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_db_defaults_to_data_dir_and_env_overrides(tmp_path, isolated_home, monkeypatch):
    runner.invoke(app, ["import", str(FIXTURES / "ths.jsonl"), "-q"])
    assert (isolated_home / "news.db").exists()
    monkeypatch.setenv("THEME_RESEARCH_DB", str(tmp_path / "env.db"))
    runner.invoke(app, ["import", str(FIXTURES / "ths.jsonl"), "-q"])
    assert (tmp_path / "env.db").exists()


def test_search_finds_imported_text(tmp_path):
    db = str(tmp_path / "news.db")
    runner.invoke(app, ["import", str(FIXTURES / "eastmoney.jsonl"), "--db", db, "-q"])
    result = runner.invoke(app, ["search", "新能源车", "--db", db])
    assert result.exit_code == 0 and "eastmoney:202603183700000004" in result.stdout
