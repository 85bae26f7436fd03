"""Command-line interface: parse options, call the library, print. Nothing more."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from theme_research import config
from theme_research.errors import ThemeResearchError
from theme_research.importer import ImportReport, expand_paths, import_paths
from theme_research.store import NewsStore

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
