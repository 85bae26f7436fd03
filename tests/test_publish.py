"""publish.py: the site scaffold, publishing posts, data files and heat charts."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.site_helpers import DEMO_DAY, EARLIER_DAY, demo_reports, write_posts
from theme_research.heat import HeatDay, heat_svg, nice_max
from theme_research.publish import SiteError, init_site, post_url, publish, template_files

SVG = "{http://www.w3.org/2000/svg}"
SCAFFOLD = {
    "_config.yml",
    ".gitignore",
    "_layouts/default.html",
    "_layouts/post.html",
    "_layouts/theme.html",
    "_includes/head.html",
    "_includes/badge.html",
    "index.html",
    "tags.html",
    "assets/site.css",
}


def files(root: Path) -> dict[str, tuple[int, bytes]]:
    """Every file under ``root``: relative path → (mtime in ns, content)."""
    return {
        str(p.relative_to(root)): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def posts(tmp_path: Path) -> Path:
    return write_posts(tmp_path / "posts", history=True)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    init_site(tmp_path / "site")
    return tmp_path / "site"


def test_init_scaffolds_a_jekyll_site(tmp_path: Path):
    written = init_site(tmp_path / "blog")
    names = {str(p.relative_to(tmp_path / "blog")) for p in written}
    assert names >= SCAFFOLD
    config = (tmp_path / "blog" / "_config.yml").read_text(encoding="utf-8")
    for line in ("lang: zh-CN", "timezone: Asia/Shanghai", "markdown: kramdown", "permalink:"):
        assert line in config
    assert "theme:" not in config and "plugins:" not in config


def test_the_scaffold_loads_nothing_from_other_hosts():
    remote = re.compile(r"""(src|href)=["']?(https?:)?//|url\(|@import""")
    for relative, source in template_files():
        assert not remote.search(source.read_text(encoding="utf-8")), relative


def test_init_refuses_a_non_empty_directory(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SiteError, match="--force"):
        init_site(tmp_path)
    assert not (tmp_path / "_config.yml").exists()


def test_init_force_rewrites_the_scaffold_and_keeps_other_files(site: Path):
    (site / "_config.yml").write_text("title: changed\n", encoding="utf-8")
    (site / "_posts").mkdir()
    (site / "_posts" / "keep.md").write_text("x", encoding="utf-8")
    init_site(site, force=True)
    assert "lang: zh-CN" in (site / "_config.yml").read_text(encoding="utf-8")
    assert (site / "_posts" / "keep.md").read_text(encoding="utf-8") == "x"


def test_publish_copies_posts_and_twins(site: Path, posts: Path):
    result = publish(site, posts)
    expected = sorted(p.name for p in posts.iterdir())
    assert sorted(p.name for p in (site / "_posts").iterdir()) == expected
    assert len(result.copied) == len(expected) == 2 * (len(demo_reports()) + 1)
    for name in expected:
        assert (site / "_posts" / name).read_bytes() == (posts / name).read_bytes()
    assert result.skipped == []


def test_publish_writes_the_themes_data(site: Path, posts: Path):
    publish(site, posts)
    themes = json.loads((site / "_data" / "themes.json").read_text(encoding="utf-8"))
    assert sorted(t["slug"] for t in themes) == sorted(r.slug for r in demo_reports())
    ai = next(t for t in themes if t["slug"] == "ai")
    assert ai["name"] == "人工智能"
    assert ai["latest"]["date"] == DEMO_DAY
    assert ai["latest"]["url"] == "/2026/03/18/theme-research-ai/"
    assert ai["latest"]["verified"] is True
    assert ai["latest"]["headline"]
    assert ai["counts"]["reports"] == 2
    heat = json.loads((site / "_data" / "heat" / "ai.json").read_text(encoding="utf-8"))
    assert [d["date"] for d in heat] == [EARLIER_DAY, DEMO_DAY]
    assert heat[0]["events_relevant"] == 5
    page = (site / "themes" / "ai.html").read_text(encoding="utf-8")
    assert page.startswith("---\nlayout: theme\n") and 'theme_slug: "ai"' in page


def test_publish_draws_one_bar_per_day(site: Path, posts: Path):
    publish(site, posts)
    ai = ET.parse(site / "assets" / "heat-ai.svg").getroot()
    bars = [r for r in ai.iter(f"{SVG}rect") if r.get("class") == "bar"]
    assert [b.get("data-day") for b in bars] == [EARLIER_DAY, DEMO_DAY]
    assert float(bars[0].get("height", 0)) < float(bars[1].get("height", 0))
    texts = {t.text for t in ai.iter(f"{SVG}text")}
    assert {"人工智能主题热度", "相关事件数", "最高影响分", "日期", "03-17", "03-18"} <= texts
    assert ai.findtext(f"{SVG}title") == "人工智能主题热度"
    assert len([c for c in ai.iter(f"{SVG}circle")]) == 2
    assert ai.find(f"{SVG}polyline") is not None
    nev = ET.parse(site / "assets" / "heat-nev.svg").getroot()
    assert len([r for r in nev.iter(f"{SVG}rect") if r.get("class") == "bar"]) == 1


def test_publishing_twice_changes_nothing(site: Path, posts: Path):
    assert publish(site, posts).changed
    before = files(site)
    again = publish(site, posts)
    assert not again.changed and again.copied == again.written == []
    assert files(site) == before


def test_publish_copies_only_what_changed(site: Path, posts: Path):
    publish(site, posts)
    ai = posts / f"{DEMO_DAY}-theme-research-ai.md"
    ai.write_text(ai.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = publish(site, posts)
    assert result.copied == [f"_posts/{ai.name}"]
    assert result.written == []


def test_publish_from_the_sites_own_posts(site: Path):
    write_posts(site / "_posts")
    result = publish(site, site / "_posts")
    assert result.copied == []
    assert "_data/themes.json" in result.written


def test_publish_skips_a_post_without_its_twin(site: Path, posts: Path):
    (posts / f"{DEMO_DAY}-theme-research-ai.json").unlink()
    result = publish(site, posts)
    assert result.skipped == [f"{DEMO_DAY}-theme-research-ai.md: no JSON twin beside it"]


def test_publish_needs_a_site_and_posts(tmp_path: Path, site: Path):
    with pytest.raises(SiteError, match="site init"):
        publish(tmp_path / "nowhere", tmp_path)
    with pytest.raises(SiteError, match="does not exist"):
        publish(site, tmp_path / "no-posts")


def test_post_url_follows_the_permalink():
    assert post_url("2026-03-18-theme-research-nev.md") == "/2026/03/18/theme-research-nev/"
    with pytest.raises(ValueError):
        post_url("notes.md")


def test_heat_chart_without_days_is_well_formed():
    root = ET.fromstring(heat_svg("机器人", []))
    assert "暂无数据" in {t.text for t in root.iter(f"{SVG}text")}


def test_heat_chart_escapes_and_is_deterministic():
    days = [HeatDay(f"2026-03-{d:02d}", d, d * 2, d / 3, "<A&B>") for d in range(1, 31)]
    svg = heat_svg("A&B", days)
    root = ET.fromstring(svg)
    assert root.findtext(f"{SVG}title") == "A&B主题热度"
    assert svg == heat_svg("A&B", days)
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "day"]
    assert 2 <= len(labels) <= 9 and labels[-1] == "03-30"


@pytest.mark.parametrize(
    ("value", "expected"), [(0, 1), (1, 1), (7.4, 8), (22, 40), (3, 4), (0.3, 0.4), (100, 100)]
)
def test_nice_max(value: float, expected: float):
    assert nice_max(value) == pytest.approx(expected)
