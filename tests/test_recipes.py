"""The scheduling recipes in docs/examples: each one runs `theme-research daily` on time."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"
DOC = EXAMPLES.parent / "scheduling.md"


def read(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


def cron_lines(text: str) -> list[str]:
    """Schedule lines: not comments, not ``NAME=value`` settings."""
    lines = [line.strip() for line in text.splitlines()]
    return [s for s in lines if s and not s.startswith("#") and not re.match(r"^\w+=", s)]


def test_the_cron_line_has_five_fields_and_runs_daily_on_shanghai_time():
    text = read("crontab")
    (line,) = cron_lines(text)
    fields = line.split(None, 5)
    assert len(fields) == 6, "five time fields, then the command"
    minute, hour, day, month, weekday, command = fields
    assert (minute, hour, day, month, weekday) == ("35", "15", "*", "*", "1-5")
    assert re.search(r"theme-research\"? daily\b", command)
    assert "CRON_TZ=Asia/Shanghai" in text.splitlines()


def unit(text: str) -> dict[str, dict[str, str]]:
    """A systemd unit's sections and keys (the last value of a repeated key wins)."""
    sections: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = sections.setdefault(header[1], {})
            continue
        key, _, value = line.partition("=")
        current[key.strip()] = value.strip()
    return sections


def test_the_timer_fires_on_weekdays_at_1535_shanghai_time():
    timer = unit(read("theme-research-daily.timer"))
    assert timer["Timer"]["OnCalendar"] == "Mon..Fri *-*-* 15:35:00 Asia/Shanghai"
    assert timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"


def test_the_service_runs_daily_once():
    service = unit(read("theme-research-daily.service"))["Service"]
    assert service["Type"] == "oneshot"
    assert re.search(r"theme-research daily\b", service["ExecStart"])


def test_the_workflow_runs_daily_at_0735_utc_and_commits_posts():
    text = read("daily.yml")
    if importlib.util.find_spec("yaml") is not None:
        import yaml  # type: ignore[import-untyped]

        workflow = yaml.safe_load(text)
        triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
        assert triggers["schedule"] == [{"cron": "35 7 * * 1-5"}]
        assert workflow["permissions"] == {"contents": "write"}
        steps = workflow["jobs"]["daily"]["steps"]
        runs = "\n".join(step.get("run", "") for step in steps)
    else:  # no YAML parser here: check the keys the workflow cannot do without
        for key in ("name", "on", "permissions", "jobs"):
            assert re.search(rf"^{key}:", text, re.MULTILINE), key
        assert re.search(r'^\s+- cron: "35 7 \* \* 1-5"$', text, re.MULTILINE)
        assert re.search(r"^\s+contents: write$", text, re.MULTILINE)
        assert re.search(r"^\s+runs-on: ubuntu-latest$", text, re.MULTILINE)
        assert "\t" not in text, "YAML forbids tabs for indentation"
        runs = text
    assert "theme-research daily" in runs and "git push" in runs


def test_the_pages_workflow_deploys_after_each_daily_run():
    yaml = pytest.importorskip("yaml")
    workflow = yaml.safe_load(read("pages-deploy.yml"))
    daily = yaml.safe_load(read("daily.yml"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["workflow_run"]["workflows"] == [daily["name"]]
    assert triggers["push"] == {"branches": ["main"]}
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = "\n".join(step.get("run", "") for step in build["steps"])
    assert re.search(r"theme-research publish --site \S+ --posts \S+", runs)
    assert 'jekyll -v "~> 4.3"' in runs and "jekyll build" in runs
    uses = [step.get("uses", "") for step in build["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert "docs/examples/pages-deploy.yml" in (EXAMPLES.parent / "site.md").read_text("utf-8")


@pytest.mark.parametrize(
    "name", ["crontab", "theme-research-daily.service", "theme-research-daily.timer", "daily.yml"]
)
def test_every_recipe_is_described_in_the_scheduling_doc(name):
    assert f"docs/examples/{name}" in DOC.read_text(encoding="utf-8")
