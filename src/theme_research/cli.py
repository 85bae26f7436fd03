"""Command-line interface: parse options, call the library, print. Nothing more."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from theme_research import config, demo, evaluate, pipeline, render, themes
from theme_research.errors import ThemeResearchError
from theme_research.importer import ImportReport, expand_paths, import_paths
from theme_research.models import MARKET_TZ
from theme_research.rank import ThemeRanking
from theme_research.report import Report
from theme_research.store import NewsStore
from theme_research.window import Window, parse_at, parse_duration

app = typer.Typer(
    help="Daily theme research reports for the China market, from real news feeds.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar=config.ENV_DB,
        help="News store (SQLite). Default: the user data directory's news.db.",
        show_default=False,
    ),
]


@contextmanager
def open_store(db: Path | None) -> Iterator[NewsStore]:
    """Open the store, turning library errors into a clean exit."""
    try:
        with NewsStore(db or config.default_db_path()) as store:
            yield store
    except ThemeResearchError as exc:
        err.print(f"[red]Error:[/red] {exc}")
        raise typer.Exit(2) from exc


@app.command("import")
def import_command(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to import.")],
    db: DbOption = None,
    all_platforms: Annotated[
        bool, typer.Option(help="TrendRadar: import every platform, not only the financial ones.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Import news files; the format of each is recognised from its content.

    \b
    Examples:
      theme-research import ../shared/corpus/cls/2026-07-01.jsonl
      theme-research import ../shared/corpus --db /tmp/news.db
    """
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        err.print(f"[red]Error:[/red] no such file or directory: {', '.join(missing)}")
        raise typer.Exit(2)
    total = sum(p.stat().st_size for p in expand_paths(paths))
    with open_store(db) as store, _progress(quiet) as progress:
        task = progress.add_task("importing", total=total)
        report = import_paths(
            paths,
            store,
            all_platforms=all_platforms,
            progress=lambda n: progress.advance(task, n),
        )
    print_import_report(report)
    if report.imported == 0:
        err.print("[red]Nothing was imported.[/red] Check the problems listed above.")
        raise typer.Exit(1)


def _progress(quiet: bool) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=err,
        disable=quiet,
        transient=True,
    )


def print_import_report(report: ImportReport, shown_problems: int = 20) -> None:
    """The per-source summary table, then the problems (file:line: reason)."""
    table = Table(title="Import summary")
    for column in ("source", "read", "new", "updated", "unchanged", "skipped"):
        table.add_column(column, justify="left" if column == "source" else "right")
    for source, tally in sorted(report.tallies.items()):
        counts = (tally.read, tally.new, tally.updated, tally.unchanged, tally.skipped)
        table.add_row(source, *map(str, counts))
    console.print(table)
    for problem in report.problems[:shown_problems]:
        err.print(f"[yellow]skipped[/yellow] {problem}", markup=True, highlight=False)
    if len(report.problems) > shown_problems:
        err.print(f"… and {len(report.problems) - shown_problems} more skipped records")
    for message in report.unreadable:
        err.print(f"[red]not imported:[/red] {message}", highlight=False)


@app.command()
def stats(db: DbOption = None) -> None:
    """Items per source per day, and the time range the store covers."""
    with open_store(db) as store:
        rows = store.day_counts()
        path = store.path
    if not rows:
        console.print(f"The store at {path} is empty. Import news with: theme-research import PATH")
        return
    table = Table(title=f"News store {path}")
    for column in ("day", "source", "items", "first", "last"):
        table.add_column(column, justify="right" if column == "items" else "left")
    for row in rows:
        table.add_row(row.day, row.source, str(row.items), row.first[11:19], row.last[11:19])
    console.print(table)
    first, last = min(r.first for r in rows), max(r.last for r in rows)
    console.print(f"{sum(r.items for r in rows)} items from {first} to {last} (Asia/Shanghai)")


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to find (3 characters or more).")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="At most this many results.")] = 20,
) -> None:
    """Full-text search over the stored news (newest first)."""
    with open_store(db) as store:
        found = store.search(text, limit=limit)
    for item in found:
        console.print(f"{item.published_at:%Y-%m-%d %H:%M} [cyan]{item.key}[/cyan] {item.title}")
    if not found:
        console.print("No match.")


themes_app = typer.Typer(help="Theme packs: list, show, validate.", no_args_is_help=True)
app.add_typer(themes_app, name="themes")


@themes_app.command("list")
def themes_list() -> None:
    """The theme packs available (built-in and the user's own)."""
    table = Table(title=f"Theme packs (your own go in {themes.user_pack_dir()})")
    for column in ("slug", "name", "aliases", "segments", "securities", "ETFs"):
        table.add_column(column)
    for pack in _load_packs().values():
        table.add_row(
            pack.slug,
            pack.name,
            ", ".join(pack.aliases),
            str(len(pack.segments)),
            str(len(pack.all_securities())),
            str(len(pack.etfs)),
        )
    console.print(table)


@themes_app.command("show")
def themes_show(theme: Annotated[str, typer.Argument(help="Name, slug or alias.")]) -> None:
    """Show one pack: keywords, segments with their securities, ETFs, risks."""
    pack = _get_pack(theme)
    console.print(f"[bold]{pack.name}[/bold] ({pack.slug}) — {pack.description}")
    top = sorted(pack.keywords.items(), key=lambda kv: -kv[1])
    console.print("keywords: " + ", ".join(f"{k} {v:g}" for k, v in top))
    console.print("exclude: " + ", ".join(pack.exclude))
    for segment in pack.segments:
        names = ", ".join(
            f"{s.name} {s.ticker}{' *' if s.core else ''}" for s in segment.securities
        )
        console.print(f"[cyan]{segment.name}[/cyan]: {names}")
    console.print("ETFs: " + ", ".join(f"{e.name} {e.ticker}" for e in pack.etfs))
    console.print("risks: " + ", ".join(r.label for r in pack.risks))


@themes_app.command("validate")
def themes_validate(
    files: Annotated[list[Path] | None, typer.Argument(help="Pack files (default: all).")] = None,
) -> None:
    """Check pack files: schema, code formats per exchange, duplicates. Exit 1 on problems."""
    paths = files or [*themes.builtin_pack_paths(), *sorted(themes.user_pack_dir().glob("*.toml"))]
    problems = [problem for path in paths for problem in themes.validate_pack(path)]
    for problem in problems:
        err.print(f"[red]✗[/red] {problem}", highlight=False)
    if problems:
        raise typer.Exit(1)
    console.print(f"[green]✓[/green] {len(paths)} pack(s) valid")


def _load_packs() -> dict[str, themes.ThemePack]:
    try:
        return themes.load_packs()
    except ThemeResearchError as exc:
        err.print(f"[red]Error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc


def _get_pack(name: str) -> themes.ThemePack:
    try:
        return themes.get_pack(name, _load_packs())
    except ThemeResearchError as exc:
        err.print(f"[red]Error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc


def _parse_window(day: str, at: str, lookback: str | None) -> Window:
    try:
        return pipeline.window_for(
            date.fromisoformat(day), parse_at(at), parse_duration(lookback) if lookback else None
        )
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


DayOption = Annotated[str, typer.Option("--date", help="Report day, YYYY-MM-DD (market time).")]
AtOption = Annotated[str, typer.Option("--at", help="Report time HH:MM, Asia/Shanghai.")]
LookbackOption = Annotated[
    str | None,
    typer.Option(help="Window length, e.g. 24h, 3d (default: since the previous trading day)."),
]


@app.command("rank")
def rank_command(
    theme: Annotated[str, typer.Option("--theme", "-t", help="Theme name, slug or alias.")],
    day: DayOption = "",
    at: AtOption = "15:30",
    lookback: LookbackOption = None,
    top: Annotated[int, typer.Option(help="How many events to show.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Full structure as JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Rank the events of a theme's report window.

    \b
    Example:
      theme-research rank --theme 人工智能 --date 2026-07-01
    """
    pack = _get_pack(theme)
    window = _parse_window(day or _today(), at, lookback)
    with open_store(db) as store:
        day_analysis = pipeline.analyze_window(store, window, list(_load_packs().values()))
    ranking = pipeline.rank_theme(day_analysis, pack)
    if as_json:
        typer.echo(json.dumps(ranking_json(ranking, top), ensure_ascii=False, indent=2))
        return
    print_ranking(ranking, top)


def _today() -> str:
    return datetime.now(MARKET_TZ).date().isoformat()


def print_ranking(ranking: ThemeRanking, top: int) -> None:
    console.print(
        f"[bold]{ranking.pack.name}[/bold] {ranking.window.label()}: "
        f"{ranking.items_read} items, {ranking.events_formed} events, "
        f"{len(ranking.ranked)} about the theme"
    )
    table = Table()
    for column in ("#", "score", "headline", "feeds", "top features"):
        table.add_column(column)
    for ranked in ranking.ranked[:top]:
        best = sorted(ranked.parts.items(), key=lambda kv: -abs(kv[1]))[:3]
        table.add_row(
            str(ranked.rank),
            f"{ranked.score:.2f}",
            ranked.headline.title,
            ",".join(sorted(ranked.event.sources)),
            " ".join(f"{k}={v:+.2f}" for k, v in best),
        )
    console.print(table)


def ranking_json(ranking: ThemeRanking, top: int) -> dict[str, object]:
    """The ranking as plain data: window, counts, and each event with parts and item keys."""
    return {
        "theme": ranking.pack.name,
        "window": {
            "start": ranking.window.start.isoformat(),
            "end": ranking.window.end.isoformat(),
        },
        "items_read": ranking.items_read,
        "events_formed": ranking.events_formed,
        "events": [
            {
                "rank": r.rank,
                "score": r.score,
                "parts": r.parts,
                "headline": r.headline.title,
                "event_type": r.event_type,
                "tickers": list(r.tickers),
                "segments": list(r.segments),
                "matched": list(r.matched),
                "items": [a.key for a in r.event.items],
                "links": [{"items": [link.a, link.b], "rule": link.rule} for link in r.event.links],
            }
            for r in ranking.ranked[:top]
        ],
    }


EngineOption = Annotated[
    str, typer.Option(help="Writer engine: offline (default) or llm (see `llm providers`).")
]
OutOption = Annotated[Path, typer.Option("--out", help="Where posts go (a site's _posts).")]


@app.command("report")
def report_command(
    theme: Annotated[
        str | None, typer.Option("--theme", "-t", help="Theme name, slug or alias.")
    ] = None,
    all_themes: Annotated[bool, typer.Option("--all-themes", help="Every theme pack.")] = False,
    day: DayOption = "",
    at: AtOption = "15:30",
    lookback: LookbackOption = None,
    out: OutOption = Path("site/_posts"),
    engine: EngineOption = "offline",
    provider: Annotated[
        str | None, typer.Option(help="LLM provider preset (default: config [llm] or deepseek).")
    ] = None,
    model: Annotated[str | None, typer.Option(help="LLM model (default: the preset's).")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible base URL.")] = None,
    strict: Annotated[bool, typer.Option(help="Fail when verification finds anything.")] = False,
    db: DbOption = None,
) -> None:
    """Write the theme report(s): a Jekyll post and its JSON twin per theme.

    \b
    Examples:
      theme-research report --theme 人工智能 --date 2026-07-01
      theme-research report --all-themes --date 2026-07-01 --lookback 3d --out site/_posts
    """
    packs = _load_packs()
    if not theme and not all_themes:
        raise typer.BadParameter("name a theme with --theme, or pass --all-themes")
    chosen = list(packs.values()) if all_themes else [_get_pack(theme or "")]
    if engine not in (*pipeline.ENGINES, "llm"):
        known = ", ".join((*pipeline.ENGINES, "llm"))
        raise typer.BadParameter(f"unknown engine {engine!r}; known: {known}")
    window = _parse_window(day or _today(), at, lookback)
    with open_store(db) as store:
        writer = _llm_writer(store, provider, model, base_url) if engine == "llm" else None
        reports = pipeline.build_reports(
            store, chosen, window, all_packs=list(packs.values()), engine=engine, writer=writer
        )
    failed = _save_and_list(reports, out)
    if strict and failed:
        err.print(f"[red]{failed} report(s) failed verification (--strict).[/red]")
        raise typer.Exit(1)


def _llm_writer(
    store: NewsStore, provider: str | None, model: str | None, base_url: str | None
) -> pipeline.Writer:
    """The LLM writer from the options, falling back to the config file's [llm] table."""
    from theme_research import cli_llm
    from theme_research.settings import load_settings
    from theme_research.write.llm import llm_writer

    try:
        configured = load_settings().llm
    except ThemeResearchError as exc:
        err.print(f"[red]Error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    settings = cli_llm.settings_from_options(
        provider or configured.provider or "deepseek",
        model or configured.model or None,
        base_url or configured.base_url or None,
    ).model_copy(
        update={
            "api_key_env": configured.api_key_env or None,
            "relevance_check": configured.relevance_check,
        }
    )
    return llm_writer(settings, cache=store, on_result=lambda r: cli_llm.print_llm_result(r, err))


def _save_and_list(reports: list[Report], out: Path) -> int:
    """Save each report, print its paths and verification; return how many failed it."""
    failed = 0
    for report in reports:
        post, twin = pipeline.save_report(report, out)
        verification = report.verification
        ok = verification is not None and verification.passed
        failed += not ok
        mark = "[green]✓ verified[/green]" if ok else "[yellow]! verification findings[/yellow]"
        console.print(f"{post}  {twin.name}  {len(report.key_items)} items  {mark}")
        for finding in verification.findings if verification else ():
            err.print(f"  {finding.rule} @ {finding.where}: {finding.message}", highlight=False)
    return failed


@app.command("verify")
def verify_command(
    posts: Annotated[list[Path], typer.Argument(help="Posts (.md) with their JSON twins beside.")],
) -> None:
    """Re-check existing posts against their JSON twins' evidence. Exit 1 on findings."""
    bad = 0
    for post in posts:
        try:
            result = pipeline.verify_post(post, _load_packs())
        except (OSError, ValueError, ThemeResearchError) as exc:
            err.print(f"[red]✗[/red] {post}: {exc}", highlight=False)
            bad += 1
            continue
        bad += not result.passed
        console.print(f"{'[green]✓[/green]' if result.passed else '[red]✗[/red]'} {post}")
        for finding in result.findings:
            err.print(f"  {finding.rule} @ {finding.where}: {finding.message}", highlight=False)
    if bad:
        raise typer.Exit(1)


@app.command("demo")
def demo_command(
    out: OutOption = Path("site/_posts"),
    show: Annotated[int, typer.Option(help="Lines of the first report to show.")] = 30,
) -> None:
    """Import the bundled demo day into a fresh store and write every theme's report.

    Offline: no network, no API key. The store is a temporary file; the posts go to
    ./site/_posts unless --out says otherwise.
    """
    packs = _load_packs()
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "demo.db") as store:
        console.print(f"[bold]Importing the demo day[/bold] ({demo.DEMO_DAY}) …")
        print_import_report(import_paths(demo.demo_files(), store))
        reports = pipeline.build_reports(
            store, list(packs.values()), demo.demo_window(), engine="offline"
        )
    _save_and_list(reports, out)
    first = out / render.post_filename(reports[0])
    console.print(f"\n[bold]Reports written to {out}/[/bold]. The start of {first.name}:\n")
    typer.echo("\n".join(first.read_text(encoding="utf-8").splitlines()[:show]))


@app.command("eval")
def eval_command(
    grades: Annotated[
        Path | None, typer.Option(help="Graded labels JSONL (NDCG@10, repeats, precision@10).")
    ] = None,
    tags: Annotated[
        Path | None, typer.Option(help="Theme → feed-tag TOML (silver precision@10).")
    ] = None,
    days: Annotated[
        list[str] | None, typer.Option("--day", help="Only these days (repeatable).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Measure the ranking against labelled days.

    \b
    Examples:
      theme-research eval --grades ../shared/labels/grades.jsonl
      theme-research eval --tags docs/examples/tag-labels.toml --day 2026-07-01
    """
    if not grades and not tags:
        raise typer.BadParameter("give --grades FILE and/or --tags FILE")
    packs = _load_packs()
    with open_store(db) as store:
        if grades:
            _eval_grades(store, grades, packs, days)
        if tags:
            chosen = days or sorted({row.day for row in store.day_counts()})
            _eval_tags(store, tags, packs, chosen)


def _eval_grades(
    store: NewsStore, path: Path, packs: dict[str, themes.ThemePack], days: list[str] | None
) -> None:
    try:
        labels = evaluate.load_labels(path)
    except (OSError, ValueError) as exc:
        err.print(f"[red]Error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    with _progress(False) as progress:
        progress.add_task("ranking labelled days", total=None)
        scores = evaluate.evaluate(store, labels, packs, days=days)
    table = Table(title=f"Graded evaluation ({path.name})")
    for column in ("theme", "day", "NDCG@10", "P@10", "repeats", "unlabelled"):
        table.add_column(column)
    for s in scores:
        table.add_row(
            s.theme, s.day, f"{s.ndcg:.3f}", f"{s.precision:.2f}", str(s.repeats), str(s.unlabelled)
        )
    for theme, f in evaluate.summarize(scores).items():
        table.add_row(
            f"[bold]{theme}[/bold]",
            "mean",
            f"{f['ndcg']:.3f}",
            f"{f['precision']:.2f}",
            str(int(f["repeats"])),
            str(int(f["unlabelled"])),
        )
    console.print(table)


def _eval_tags(
    store: NewsStore, path: Path, packs: dict[str, themes.ThemePack], days: list[str]
) -> None:
    try:
        tag_labels = evaluate.load_tag_labels(path)
    except (OSError, ValueError) as exc:  # tomllib.TOMLDecodeError is a ValueError
        err.print(f"[red]Error:[/red] {path}: {exc}", highlight=False)
        raise typer.Exit(2) from exc
    scores = evaluate.evaluate_tags(store, tag_labels, packs, days)
    table = Table(title=f"Silver-label evaluation ({path.name})")
    for column in ("theme", "day", "P@10 (tags)", "judgeable", "same-event pairs", "in window"):
        table.add_column(column)
    for s in scores:
        table.add_row(
            s.theme,
            s.day,
            f"{s.precision:.2f}",
            str(s.judgeable),
            str(s.same_event_pairs),
            f"{s.in_window:.0%}",
        )
    console.print(table)


@app.command("schema")
def schema_command() -> None:
    """Print the JSON schema of the report's JSON twin (see docs/report.schema.json)."""
    typer.echo(json.dumps(Report.model_json_schema(), ensure_ascii=False, indent=2))


# The live-source commands (fetch, sources) live in their own module; registered last because
# cli_fetch reads this module's options and helpers.
from theme_research import cli_fetch  # noqa: E402

cli_fetch.register(app)

from theme_research import cli_daily, cli_llm, cli_site  # noqa: E402

cli_daily.register(app)
cli_llm.register(app)
cli_site.register(app)
