"""A fresh run of the demo day writes exactly the golden 人工智能 post and JSON twin.

After a deliberate change to ranking or writing, run ``python scripts/update_golden.py``,
review ``git diff tests/golden/`` and commit it.
"""

from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from theme_research import pipeline
from theme_research.report import Report

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
SCRIPT = ROOT / "scripts" / "update_golden.py"
NAMES = ("2026-03-18-theme-research-ai.md", "2026-03-18-theme-research-ai.json")


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_golden", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The golden report written afresh into a temporary directory."""
    out = tmp_path_factory.mktemp("fresh")
    pipeline.save_report(load_script().golden_report(), out)
    return out


def test_the_script_writes_into_tests_golden():
    assert load_script().GOLDEN == GOLDEN


def test_the_golden_files_exist():
    missing = [name for name in NAMES if not (GOLDEN / name).exists()]
    assert not missing, f"{missing} missing: run python scripts/update_golden.py"


@pytest.mark.parametrize("name", NAMES)
def test_a_fresh_run_matches_the_golden_file(fresh, name):
    assert sorted(p.name for p in fresh.iterdir()) == sorted(NAMES)
    golden, now = (GOLDEN / name).read_bytes(), (fresh / name).read_bytes()
    if golden != now:
        diff = difflib.unified_diff(
            golden.decode().splitlines(),
            now.decode().splitlines(),
            f"golden/{name}",
            f"fresh/{name}",
            lineterm="",
        )
        shown = "\n".join(list(diff)[:60])
        pytest.fail(
            f"{name} differs from the golden file. If the change is deliberate, run "
            f"python scripts/update_golden.py, review git diff tests/golden/, commit.\n{shown}"
        )


def test_the_golden_report_is_verified():
    report = Report.model_validate_json((GOLDEN / NAMES[1]).read_text(encoding="utf-8"))
    assert report.verification is not None and report.verification.passed
    assert len(report.key_items) == 10
    assert "verified: true" in (GOLDEN / NAMES[0]).read_text(encoding="utf-8")
