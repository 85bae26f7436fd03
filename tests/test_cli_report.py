"""The demo, report, rank and verify commands through typer's CliRunner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from theme_research import demo
from theme_research.cli import app
from theme_research.themes import builtin_pack_paths, load_pack

runner = CliRunner()
PACKS = [load_pack(path) for path in builtin_pack_paths()]
POSTS = {f"2026-03-18-theme-research-{pack.slug}.md" for pack in PACKS}
AI_POST = "2026-03-18-theme-research-ai.md"


def flat(text: str) -> str:
    """Output without whitespace: rich wraps long paths at the terminal width."""
    return "".join(text.split())


def written(out: Path) -> tuple[set[str], set[str]]:
    return {p.name for p in out.glob("*.md")}, {p.name for p in out.glob("*.json")}


@pytest.fixture(scope="module")
def isolated_env(tmp_path_factory: pytest.TempPathFactory):
    """Module fixtures run outside the autouse home fixture: give them their own home."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("THEME_RESEARCH_HOME", str(tmp_path_factory.mktemp("home")))
        patch.delenv("THEME_RESEARCH_DB", raising=False)
        patch.delenv("THEME_RESEARCH_CONFIG_DIR", raising=False)
        yield


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory, isolated_env):
    """``demo --out DIR`` once for the module: (DIR, result)."""
    out = tmp_path_factory.mktemp("demo") / "posts"
    return out, runner.invoke(app, ["demo", "--out", str(out)])


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, isolated_env) -> Path:
    """A store holding the imported demo day."""
    db = tmp_path_factory.mktemp("store") / "news.db"
    files = [str(p) for p in demo.demo_files()]
    result = runner.invoke(app, ["import", *files, "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db


def report(db: Path, out: Path, *options: str):
    return runner.invoke(
        app, ["report", *options, "--date", "2026-03-18", "--db", str(db), "--out", str(out)]
    )


def test_demo_writes_six_posts_and_twins(demo_run):
    out, result = demo_run
    assert result.exit_code == 0, result.output
    posts, twins = written(out)
    assert posts == POSTS
    assert twins == {Path(p).with_suffix(".json").name for p in POSTS}


def test_demo_says_where_the_reports_are(demo_run):
    out, result = demo_run
    printed = flat(result.stdout)
    assert f"Reportswrittento{out}/" in printed
    for post in POSTS:
        assert flat(str(out / post)) in printed
    assert printed.count("✓verified") == len(POSTS)
    assert "layout:post" in printed  # the start of the first report is shown


def test_demo_reports_the_malformed_lines_with_file_and_line(demo_run):
    _, result = demo_run
    readme = (demo.demo_dir() / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(\w+\.jsonl?:\d+)` \|", readme, re.MULTILINE))
    assert len(documented) == 6
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    reported = {m.group(1) for line in skipped if (m := re.search(r"(\w+\.jsonl?:\d+):", line))}
    assert reported == documented
    assert all(str(demo.demo_dir()) in line for line in skipped)


def test_report_one_theme(demo_db, demo_run, tmp_path):
    out = tmp_path / "posts"
    result = report(demo_db, out, "--theme", "人工智能")
    assert result.exit_code == 0, result.output
    assert written(out) == ({AI_POST}, {AI_POST.replace(".md", ".json")})
    assert flat(str(out / AI_POST)) in flat(result.stdout)
    # the same store contents and window as the demo: the same post
    demo_out, _ = demo_run
    assert (out / AI_POST).read_bytes() == (demo_out / AI_POST).read_bytes()


def test_report_all_themes_strict_passes_on_the_demo_day(demo_db, tmp_path):
    out = tmp_path / "posts"
    result = report(demo_db, out, "--all-themes", "--strict")
    assert result.exit_code == 0, result.output
    assert written(out)[0] == POSTS
    assert "verification" not in result.stderr


def rank(db: Path, *options: str):
    return runner.invoke(
        app, ["rank", "--theme", "人工智能", "--date", "2026-03-18", "--db", str(db), *options]
    )


def test_rank_prints_the_ranked_events_with_their_top_features(demo_db):
    result = rank(demo_db, "--top", "3")
    assert result.exit_code == 0, result.output
    assert "人工智能" in result.stdout and "items" in result.stdout
    rows = [line for line in result.stdout.splitlines() if re.match(r"^│ [1-9]", line)]
    assert [row.split("│")[1].strip() for row in rows] == ["1", "2", "3"]


def test_rank_json_gives_events_scores_parts_items_and_the_links_that_joined_them(demo_db):
    result = rank(demo_db, "--json")
    assert result.exit_code == 0, result.output
    ranking = json.loads(result.stdout)
    events = ranking["events"]
    assert [e["rank"] for e in events] == list(range(1, len(events) + 1))
    assert all(set(e["parts"]) >= {"relevance", "breadth", "event_type"} for e in events)
    # Every event of several items says which rule joined each linked pair of them.
    joined = [e for e in events if len(e["items"]) > 1]
    assert joined
    for event in joined:
        linked = {key for link in event["links"] for key in link["items"]}
        assert linked == set(event["items"]), event
        assert all(link["rule"] for link in event["links"])


def test_report_needs_a_theme_or_all_themes(tmp_path):
    result = report(tmp_path / "news.db", tmp_path / "posts")
    assert result.exit_code == 2
    assert "Usage" in result.stderr and "--all-themes" in result.stderr
    assert not (tmp_path / "posts").exists()


def test_report_of_an_unknown_theme_lists_the_known_ones(tmp_path):
    result = report(tmp_path / "news.db", tmp_path / "posts", "--theme", "量子计算")
    assert result.exit_code == 2
    message = flat(result.stderr)
    assert "量子计算" in message and "Knownthemes" in message
    for pack in PACKS:
        assert f"{pack.name}({pack.slug})" in message
    assert not (tmp_path / "posts").exists()


def test_report_rejects_a_bad_date(tmp_path):
    result = runner.invoke(
        app, ["report", "--theme", "ai", "--date", "2026-13-01", "--db", str(tmp_path / "x.db")]
    )
    assert result.exit_code == 2


@pytest.fixture
def post(demo_run, tmp_path: Path) -> Path:
    """A copy of the demo's 人工智能 post and its twin, free to tamper with."""
    demo_out, _ = demo_run
    for name in (AI_POST, AI_POST.replace(".md", ".json")):
        (tmp_path / name).write_bytes((demo_out / name).read_bytes())
    return tmp_path / AI_POST


def test_verify_passes_a_clean_post(post):
    result = runner.invoke(app, ["verify", str(post)])
    assert result.exit_code == 0, result.output
    assert "✓" in result.stdout and not result.stderr


def test_verify_fails_a_post_tampered_after_writing(post):
    text = post.read_text(encoding="utf-8")
    tampered = re.sub(r"^3\. \*\*", "3. **建议买入", text, count=1, flags=re.MULTILINE)
    assert tampered != text
    post.write_text(tampered, encoding="utf-8")
    result = runner.invoke(app, ["verify", str(post)])
    assert result.exit_code == 1
    assert "twin" in result.stderr


def test_verify_fails_advice_in_the_twin(post):
    twin = post.with_suffix(".json")
    data = json.loads(twin.read_text(encoding="utf-8"))
    data["key_items"][2]["text"] += "建议买入。"
    twin.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["verify", str(post)])
    assert result.exit_code == 1
    assert "advice @ item 3" in result.stderr


def test_verify_fails_a_post_without_its_twin(post):
    post.with_suffix(".json").unlink()
    result = runner.invoke(app, ["verify", str(post)])
    assert result.exit_code == 1
    assert post.name in flat(result.stderr)
