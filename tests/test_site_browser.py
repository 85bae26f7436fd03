"""The built demo site in headless Chromium: pages, links, the ten items and the heat charts.

The site is scaffolded, published from the demo day (with a second 人工智能 day) and built
with the real ``jekyll`` once per module, served by a stdlib HTTP server on 127.0.0.1 and
opened in Debian's ``chromium`` through Playwright (never ``playwright install``: the browser
is the system one). Full-page screenshots go to ``test-artifacts/screenshots/`` (or
``$TEST_ARTIFACTS/screenshots/``). Everything is skipped without jekyll, the browser tests
without chromium or the playwright package, each saying what to install;
``scripts/system_deps.sh`` (run by ``make test``) installs them.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
import typer
from typer.testing import CliRunner

from tests.site_helpers import DEMO_DAY, write_posts
from theme_research import cli_site

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page, Response

JEKYLL = shutil.which("jekyll")
CHROMIUM = shutil.which("chromium")
INSTALL = "sudo apt-get install jekyll chromium, or run `make test` as root"
pytestmark = pytest.mark.skipif(JEKYLL is None, reason=f"jekyll is not on PATH ({INSTALL})")

# Debian's chromium, as CI runs it: no sandbox (root), no GPU, a fresh profile, and none of
# the background connections to Google's hosts that a closed network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}
KEY_ITEMS_HEADING = "对交易影响可能最大的10个信息"
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS") or Path(__file__).parents[1] / "test-artifacts")
SCREENSHOTS = ARTIFACTS / "screenshots"


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    build_stdout: str
    build_stderr: str
    themes: list[dict[str, Any]]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """site init → publish the demo posts → site build, through the CLI, once."""
    tmp = tmp_path_factory.mktemp("browser")
    site = tmp / "site"
    app = typer.Typer()
    cli_site.register(app)
    runner = CliRunner()
    posts = write_posts(tmp / "posts", history=True)
    for args in (
        ["site", "init", str(site)],
        ["publish", "--site", str(site), "--posts", str(posts)],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    build = runner.invoke(app, ["site", "build", str(site)])
    assert build.exit_code == 0, build.output
    themes = json.loads((site / "_data" / "themes.json").read_text(encoding="utf-8"))
    return BuiltSite(site / "_site", build.stdout, build.stderr, themes)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output to the failures; Chromium's requests are checked below."""


@pytest.fixture(scope="module")
def base_url(built: BuiltSite) -> Iterator[str]:
    """``_site`` served on 127.0.0.1 (a free port) in a thread, as GitHub Pages would."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=built.root))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def browser() -> Iterator[BrowserContext]:
    """Debian's chromium with a fresh temporary profile (skips the test without it)."""
    if CHROMIUM is None:
        pytest.skip(f"chromium is not on PATH ({INSTALL})")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the playwright package is missing (pip install -e '.[dev]')"
    )
    with sync_api.sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport=VIEWPORT,
        )
        context.set_default_timeout(15_000)
        try:
            yield context
        finally:
            context.close()


@dataclass
class Visit:
    """A page opened in the browser, with every same-origin response that failed."""

    page: Page
    failed: list[str]


Visitor = Callable[[str, str], Visit]


@pytest.fixture
def visit(browser: BrowserContext, base_url: str) -> Iterator[Visitor]:
    """``visit(path, shot)`` opens ``base_url + path`` in a new tab, waits for it to load
    (images included), saves a full-page screenshot as ``shot`` and returns the visit."""
    pages: list[Page] = []

    def open_page(path: str, shot: str) -> Visit:
        page = browser.new_page()
        pages.append(page)
        failed: list[str] = []

        def record_error(response: Response) -> None:
            if response.url.startswith(base_url) and response.status >= 400:
                failed.append(f"{response.url} ({response.status})")

        page.on("response", record_error)
        page.on("requestfailed", lambda request: failed.append(f"{request.url} (failed)"))
        response = page.goto(base_url + path, wait_until="load")
        assert response is not None and response.status == 200, path
        load_lazy_images(page)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / shot, full_page=True)
        return Visit(page, failed)

    yield open_page
    for page in pages:
        page.close()


def load_lazy_images(page: Page) -> None:
    """Scroll every image into view and wait until it has loaded or failed: the charts are
    ``loading="lazy"``, so those below the fold would otherwise never be fetched."""
    images = page.locator("img")
    for index in range(images.count()):
        images.nth(index).scroll_into_view_if_needed()
    page.wait_for_function("[...document.images].every(img => img.complete)")
    page.evaluate("window.scrollTo(0, 0)")


def chart_sizes(page: Page) -> list[dict[str, Any]]:
    """``src``, natural and drawn width of every heat chart on the page."""
    sizes: list[dict[str, Any]] = page.eval_on_selector_all(
        "figure.heat img",
        """imgs => imgs.map(img => ({
            src: img.getAttribute('src'),
            natural: img.naturalWidth,
            drawn: img.getBoundingClientRect().width,
        }))""",
    )
    return sizes


def assert_charts_drawn(page: Page, slugs: list[str]) -> None:
    """One chart per slug, decoded by the browser (an unreadable SVG has no natural width)
    and drawn at a readable size: its text shrunk by a fifth at most."""
    charts = chart_sizes(page)
    assert sorted(c["src"] for c in charts) == sorted(f"/assets/heat-{s}.svg" for s in slugs)
    for chart in charts:
        assert chart["natural"] > 0, f"{chart['src']} did not load as an image"
        drawn, natural = chart["drawn"], chart["natural"]
        assert drawn >= 0.8 * natural, f"{chart['src']} drawn {drawn}px wide of {natural}px"


def test_jekyll_build_is_warning_free(built: BuiltSite):
    # Jekyll logs warnings and errors (Conflict, Deprecation, Liquid…) to stderr.
    assert built.build_stderr.strip() == ""
    assert "Warning" not in built.build_stdout and "Conflict" not in built.build_stdout
    assert "done in" in built.build_stdout


def test_home_page_shows_every_themes_latest_report_and_chart(built: BuiltSite, visit: Visitor):
    home = visit("/", "home.png")
    assert home.page.title().endswith("主题研究日报")
    cards = home.page.locator("section.theme-card")
    assert cards.count() == len(built.themes) == 6
    for theme in built.themes:
        card = cards.filter(has=home.page.get_by_role("heading", name=theme["name"]))
        latest = card.locator(f'a[href="{theme["latest"]["url"]}"]')
        assert latest.inner_text() == theme["latest"]["headline"]
        assert "已通过自动核验" in card.locator(".badge").inner_text()
    assert_charts_drawn(home.page, [t["slug"] for t in built.themes])
    assert home.failed == []


def test_theme_page_shows_the_chart_and_every_report(visit: Visitor):
    theme = visit("/themes/ai/", "theme-ai.png")
    assert theme.page.locator("h1").inner_text() == "人工智能主题研究"
    assert_charts_drawn(theme.page, ["ai"])
    reports = theme.page.locator("ul.post-list li time")
    assert reports.all_inner_texts() == [DEMO_DAY, "2026-03-17"]
    rows = theme.page.locator("table.heat-table tbody tr")
    assert rows.count() == 2
    assert theme.failed == []


def test_report_page_has_ten_items_each_with_a_source_link(built: BuiltSite, visit: Visitor):
    ai = next(t for t in built.themes if t["slug"] == "ai")
    report = visit(ai["latest"]["url"], "report-ai.png")
    page = report.page
    assert page.locator("article.post h1").inner_text() == "人工智能主题市场研究摘要"
    assert "已通过自动核验" in page.locator(".post-meta .badge").inner_text()
    items = page.locator(f"xpath=//h3[.='{KEY_ITEMS_HEADING}']/following-sibling::ol[1]/li")
    assert items.count() == 10
    for index in range(10):
        item = items.nth(index)
        assert item.locator("strong").inner_text().strip(), f"item {index + 1} has no text"
        sources = item.locator("a[href]").evaluate_all("links => links.map(a => a.href)")
        external = [url for url in sources if urlsplit(url).hostname != "127.0.0.1"]
        assert external, f"item {index + 1} links no source"
        assert all(urlsplit(url).scheme in {"http", "https"} for url in external)
    theme_link = page.locator("a.theme-link")
    assert theme_link.get_attribute("href") == "/themes/ai/"
    assert report.failed == []


def test_every_internal_link_resolves(
    built: BuiltSite, visit: Visitor, browser: BrowserContext, base_url: str
):
    ai = next(t for t in built.themes if t["slug"] == "ai")
    pages = [
        ("/", "home.png"),
        ("/themes/ai/", "theme-ai.png"),
        (ai["latest"]["url"], "report-ai.png"),
    ]
    links: set[str] = set()
    for path, shot in pages:
        links.update(
            visit(path, shot).page.eval_on_selector_all(
                "a[href], link[href], img[src]", "els => els.map(e => e.href || e.src)"
            )
        )
    internal = {urldefrag(url).url for url in links if url.startswith(base_url)}
    # Every theme page, the reports, the tags page, the style sheet and the charts at least.
    assert len(internal) >= 6 + 6 + 1 + 1 + 6
    broken = [
        f"{url} ({status})"
        for url in sorted(internal)
        if (status := browser.request.get(url).status) != 200
    ]
    assert broken == []


def test_every_internal_anchor_exists(built: BuiltSite, visit: Visitor, base_url: str):
    # The post's tags link into /tags/#<tag>: each anchor must be on that page.
    ai = next(t for t in built.themes if t["slug"] == "ai")
    links = visit(ai["latest"]["url"], "report-ai.png").page.eval_on_selector_all(
        "a[href*='#']", "links => links.map(a => a.href)"
    )
    anchors: dict[str, set[str]] = {}
    for url in links:
        address, fragment = urldefrag(url)
        if address.startswith(base_url) and fragment:
            anchors.setdefault(address, set()).add(unquote(fragment))
    assert set(anchors) == {f"{base_url}/tags/"}
    assert anchors[f"{base_url}/tags/"] == {"人工智能", "主题研究", "ai"}
    tags = visit("/tags/", "tags.png").page
    for anchor in sorted(anchors[f"{base_url}/tags/"]):
        assert tags.locator(f'[id="{anchor}"]').count() == 1, f"/tags/ lacks #{anchor}"
