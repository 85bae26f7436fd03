"""The only writer of site files: scaffold a Jekyll site, publish posts, data and heat charts.

A site is a plain Jekyll directory that GitHub Pages builds as is. :func:`init_site` copies
the scaffold shipped under ``site_template/``; :func:`publish` copies posts and their JSON
twins into ``_posts`` and regenerates everything derived from the twins (``_data``, theme
pages, heat charts). Every write is skipped when the bytes would not change, so publishing
twice changes nothing, not even a file's mtime.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from pydantic import ValidationError

from theme_research.errors import ThemeResearchError
from theme_research.heat import HeatDay, heat_svg
from theme_research.report import Report

TEMPLATE = "site_template"
RENAMES = {"gitignore": ".gitignore"}
"""Template files stored under another name (package data globs skip dotfiles)."""
POST_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)\.md$")
JEKYLL_HINT = (
    "jekyll is not on PATH. Install it with `sudo apt-get install jekyll` (Debian/Ubuntu) "
    "or `gem install jekyll` (any system with Ruby), then run this again."
)


class SiteError(ThemeResearchError):
    """The site directory cannot be scaffolded, published to or built; says what to do."""


@dataclass
class PublishResult:
    """What :func:`publish` did, path by path (relative to the site)."""

    copied: list[str] = field(default_factory=list)
    """Posts and twins that were new or changed."""
    written: list[str] = field(default_factory=list)
    """Derived files (data, theme pages, charts) whose content changed."""
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)
    """``name: reason`` for posts left out (no twin, unreadable twin)."""

    @property
    def changed(self) -> bool:
        return bool(self.copied or self.written)


# --- scaffold -------------------------------------------------------------------------------


def template_files() -> Iterator[tuple[str, Traversable]]:
    """``(relative path in the site, packaged file)`` for every scaffold file."""
    root = resources.files("theme_research") / TEMPLATE

    def walk(node: Traversable, prefix: str) -> Iterator[tuple[str, Traversable]]:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.name == "__pycache__":
                continue
            if child.is_dir():
                yield from walk(child, f"{prefix}{child.name}/")
            else:
                yield f"{prefix}{RENAMES.get(child.name, child.name)}", child

    yield from walk(root, "")


def init_site(site: Path, *, force: bool = False) -> list[Path]:
    """Scaffold a Jekyll site in ``site`` and return the files written.

    Refuses a non-empty directory unless ``force``; with ``force`` the scaffold's own files
    are overwritten and every other file (posts, data) is left alone.

    Example::

        init_site(Path("site"))   # then publish(Path("site"), Path("site/_posts"))
    """
    if site.exists() and not site.is_dir():
        raise SiteError(f"{site} is a file, not a directory.")
    if site.is_dir() and any(site.iterdir()) and not force:
        raise SiteError(
            f"{site} is not empty. Choose an empty or new directory, or pass --force to "
            "overwrite the scaffold's files (other files are kept)."
        )
    written = []
    for relative, source in template_files():
        target = site / relative
        _write_if_changed(target, source.read_bytes())
        written.append(target)
    return written


# --- publish --------------------------------------------------------------------------------


def publish(site: Path, posts: Path) -> PublishResult:
    """Copy new or changed posts and twins from ``posts`` into ``site/_posts``, then
    regenerate ``_data/themes.json``, ``_data/heat/<slug>.json``, ``themes/<slug>.html`` and
    ``assets/heat-<slug>.svg`` from every twin in the site.

    ``posts`` may be the site's own ``_posts`` (then nothing is copied).

    Example::

        result = publish(Path("site"), Path("site/_posts"))
        print(result.copied, result.written)
    """
    if not (site / "_config.yml").is_file():
        raise SiteError(
            f"{site} is not a theme-research site (no _config.yml). "
            f"Create one with `theme-research site init {site}`."
        )
    if not posts.is_dir():
        raise SiteError(
            f"{posts} does not exist. Write reports first (`theme-research report "
            f"--all-themes --out {posts}`) or point --posts at them."
        )
    result = PublishResult()
    _copy_posts(posts, site / "_posts", result)
    reports = _read_twins(site / "_posts", result)
    for relative, data in derived_files(reports).items():
        _record(result, relative, _write_if_changed(site / relative, data))
    return result


def _copy_posts(source: Path, target: Path, result: PublishResult) -> None:
    same = target.exists() and source.resolve() == target.resolve()
    for post in sorted(source.glob("*.md")):
        if not POST_NAME.match(post.name):
            continue
        twin = post.with_suffix(".json")
        if not twin.is_file():
            result.skipped.append(f"{post.name}: no JSON twin beside it")
            continue
        if same:
            continue
        for path in (post, twin):
            changed = _write_if_changed(target / path.name, path.read_bytes())
            if changed:
                result.copied.append(f"_posts/{path.name}")
            else:
                result.unchanged += 1


def _read_twins(posts: Path, result: PublishResult) -> list[tuple[str, Report]]:
    """``(post file name, report)`` for every post in the site with a readable twin."""
    reports = []
    for post in sorted(posts.glob("*.md")) if posts.is_dir() else ():
        twin = post.with_suffix(".json")
        if not POST_NAME.match(post.name) or not twin.is_file():
            continue
        try:
            report = Report.model_validate_json(twin.read_text(encoding="utf-8"))
        except (OSError, ValueError, ValidationError) as exc:
            reason = str(exc).splitlines()[0]
            result.skipped.append(f"{twin.name}: unreadable twin ({reason})")
            continue
        reports.append((post.name, report))
    return reports


def _record(result: PublishResult, relative: str, changed: bool) -> None:
    if changed:
        result.written.append(relative)
    else:
        result.unchanged += 1


def derived_files(reports: Sequence[tuple[str, Report]]) -> dict[str, bytes]:
    """Every file :func:`publish` derives from the twins: site path → content."""
    by_slug: dict[str, list[tuple[str, Report]]] = {}
    for name, report in sorted(reports, key=lambda r: (r[1].date, r[0])):
        by_slug.setdefault(report.slug, []).append((name, report))
    files: dict[str, bytes] = {}
    themes = []
    for slug, history in sorted(by_slug.items()):
        days = heat_days([report for _, report in history])
        themes.append(theme_entry(history, days))
        name = history[-1][1].theme
        files[f"_data/heat/{slug}.json"] = _json([day.as_dict() for day in days])
        files[f"themes/{slug}.html"] = theme_page(slug, name).encode()
        files[f"assets/heat-{slug}.svg"] = heat_svg(name, days).encode()
    files["_data/themes.json"] = _json(themes)
    return files


def heat_days(reports: Sequence[Report]) -> list[HeatDay]:
    """One point per report day (the latest report of a day wins), oldest first."""
    by_day = {report.date: report for report in reports}
    return [
        HeatDay(
            date=day,
            events_relevant=report.method.events_relevant,
            items_relevant=report.method.items_relevant,
            top_score=round(max((e.score for e in report.events), default=0.0), 2),
            headline=report.events[0].headline if report.events else "",
        )
        for day, report in sorted(by_day.items())
    ]


def theme_entry(
    history: Sequence[tuple[str, Report]], days: Sequence[HeatDay]
) -> dict[str, object]:
    """The theme's line in ``_data/themes.json``: name, slug, latest post, counts."""
    name, latest = history[-1]
    verified = bool(latest.verification and latest.verification.passed)
    return {
        "name": latest.theme,
        "slug": latest.slug,
        "latest": {
            "url": post_url(name),
            "date": latest.date,
            "headline": latest.events[0].headline if latest.events else "",
            "verified": verified,
            "file": name,
        },
        "counts": {
            "reports": len(days),
            "key_items": len(latest.key_items),
            "events_relevant": latest.method.events_relevant,
            "items_relevant": latest.method.items_relevant,
        },
    }


def post_url(name: str) -> str:
    """The post's URL under the scaffold's ``permalink: /:year/:month/:day/:title/``."""
    match = POST_NAME.match(name)
    if not match:
        raise ValueError(f"not a post file name: {name}")
    year, month, day, title = match.groups()
    return f"/{year}/{month}/{day}/{title}/"


def theme_page(slug: str, name: str) -> str:
    """``themes/<slug>.html``: front matter only; ``_layouts/theme.html`` draws the page,
    served at ``/themes/<slug>/``."""
    title = json.dumps(f"{name}主题研究", ensure_ascii=False)
    theme_name = json.dumps(name, ensure_ascii=False)
    return (
        f"---\nlayout: theme\ntitle: {title}\ntheme_name: {theme_name}\n"
        f'theme_slug: "{slug}"\npermalink: /themes/{slug}/\n---\n'
    )


def _json(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()


def _write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` unless ``path`` already holds exactly it; True when written."""
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


# --- jekyll ---------------------------------------------------------------------------------


def jekyll_command(site: Path, action: str, *extra: str) -> list[str]:
    """The ``jekyll build|serve`` command line for ``site``; raises :class:`SiteError` with
    the install hint when jekyll is not on PATH."""
    jekyll = shutil.which("jekyll")
    if jekyll is None:
        raise SiteError(JEKYLL_HINT)
    if not (site / "_config.yml").is_file():
        raise SiteError(f"{site} has no _config.yml. Run `theme-research site init {site}`.")
    return [jekyll, action, "--source", str(site), "--destination", str(site / "_site"), *extra]


def run_jekyll(site: Path, action: str, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run ``jekyll build`` (output captured) and return the finished process."""
    command = jekyll_command(site, action, *extra)
    return subprocess.run(command, capture_output=True, text=True, check=False)
