"""The site and publish commands through typer's CliRunner (on an app of their own)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from tests.site_helpers import write_posts
from theme_research import cli_site

runner = CliRunner()
app = typer.Typer()
cli_site.register(app)
JEKYLL = shutil.which("jekyll")


def flat(text: str) -> str:
    """Output without whitespace: rich wraps long paths at the terminal width."""
    return "".join(text.split())


@pytest.fixture
def site(tmp_path: Path) -> Path:
    result = runner.invoke(app, ["site", "init", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    return tmp_path / "site"


def test_site_init_writes_the_scaffold(site: Path):
    assert (site / "_config.yml").is_file()
    assert (site / "_layouts" / "post.html").is_file()


def test_site_init_refuses_a_non_empty_dir_without_force(site: Path):
    result = runner.invoke(app, ["site", "init", str(site)])
    assert result.exit_code == 2
    assert "--force" in result.output
    assert runner.invoke(app, ["site", "init", str(site), "--force"]).exit_code == 0


def test_publish_then_publish_again(site: Path, tmp_path: Path):
    posts = write_posts(tmp_path / "posts")
    args = ["publish", "--site", str(site), "--posts", str(posts)]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "12copied" in flat(first.output)
    assert "heat-ai.svg" in flat(first.output)
    second = runner.invoke(app, args)
    assert second.exit_code == 0
    assert "nothingchanged" in flat(second.output)


def test_publish_without_a_site_says_how_to_make_one(tmp_path: Path):
    result = runner.invoke(app, ["publish", "--site", str(tmp_path), "--posts", str(tmp_path)])
    assert result.exit_code == 2
    assert "theme-researchsiteinit" in flat(result.output)


def test_publish_exits_1_when_a_post_was_skipped(site: Path, tmp_path: Path):
    posts = write_posts(tmp_path / "posts")
    next(posts.glob("*.json")).unlink()
    result = runner.invoke(app, ["publish", "--site", str(site), "--posts", str(posts)])
    assert result.exit_code == 1
    assert "noJSONtwin" in flat(result.output)


@pytest.mark.parametrize("action", ["build", "serve"])
def test_site_build_without_jekyll_says_how_to_install_it(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, action: str
):
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = runner.invoke(app, ["site", action, str(site)])
    assert result.exit_code == 2
    assert "apt-getinstalljekyll" in flat(result.output)
    assert "geminstalljekyll" in flat(result.output)


@pytest.mark.skipif(JEKYLL is None, reason="jekyll is not on PATH (apt-get install jekyll)")
def test_site_build_with_jekyll(site: Path, tmp_path: Path):
    posts = write_posts(tmp_path / "posts", history=True)
    assert (
        runner.invoke(app, ["publish", "--site", str(site), "--posts", str(posts)]).exit_code == 0
    )
    result = runner.invoke(app, ["site", "build", str(site)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if re.search(r"Warning|WARN", line)]
    assert warnings == []
    built = site / "_site"
    assert (built / "index.html").is_file()
    themes = json.loads((site / "_data" / "themes.json").read_text(encoding="utf-8"))
    home = (built / "index.html").read_text(encoding="utf-8")
    for theme in themes:
        assert (built / theme["latest"]["url"].strip("/") / "index.html").is_file()
        assert f'href="{theme["latest"]["url"]}"' in home
        assert f"/assets/heat-{theme['slug']}.svg" in home
        assert (built / "themes" / theme["slug"] / "index.html").is_file()
    assert not list(built.rglob("*.json")), "the JSON twins are not pages"
    post = (built / themes[0]["latest"]["url"].strip("/") / "index.html").read_text("utf-8")
    assert "已通过自动核验" in post and "<h1" in post
    assert (built / "tags" / "index.html").is_file()
