"""The ``fetch`` and ``sources`` commands, added to the main app by :func:`register`.

No ``from __future__ import annotations`` here: Typer reads the commands' annotations at
run time, and ``DbOption`` is a name local to :func:`register`.
"""

from datetime import datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from theme_research.fetching import SourceRun, fetch_sources
from theme_research.models import MARKET_TZ
from theme_research.settings import SettingsError, load_settings
from theme_research.sources.live import LIVE_SOURCES
from theme_research.sources.optional import OPTIONAL_SOURCES, register_optional
from theme_research.sources.rss_live import register_feeds
from theme_research.store.db import SourceHealth
from theme_research.window import parse_duration

SHOWN_PROBLEMS = 20


def register(app: typer.Typer) -> None:
    """Add ``fetch`` and ``sources`` to ``app`` (``cli.py`` calls this once)."""
    # Imported here: cli.py imports this module to call register().
    from theme_research.cli import DbOption, console, err, open_store

    @app.command("fetch")
    def fetch_command(
        source: Annotated[
            list[str] | None,
            typer.Option(
                "--source",
                "-s",
                metavar="NAME",
                help=f"A live feed to fetch (repeatable): {', '.join(sorted(LIVE_SOURCES))}. "
                "Default: the feeds the config file enables (all built-ins by default).",
                show_default=False,
            ),
        ] = None,
        since: Annotated[
            str,
            typer.Option(
                help="How far back: 24h, 3d, 90m, 1d12h (a stored cursor may stop sooner)."
            ),
        ] = "24h",
        db: DbOption = None,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    ) -> None:
        """Fetch the live feeds into the store (CLS, Eastmoney, THS, Readhub).

        Each feed is paged back from its newest item until --since, or the point its last
        complete fetch reached, is covered. A feed that fails is reported and the others
        still run; the exit status is 1 only when every feed failed.

        \b
        Examples:
          theme-research fetch
          theme-research fetch --source cls --source ths --since 3d
        """
        enabled = register_configured_feeds(err)
        names = list(dict.fromkeys(source or enabled))
        register_optional(names)  # an optional feed asked for by name needs no config
        unknown = [name for name in names if name not in LIVE_SOURCES]
        if unknown:
            known = ", ".join(sorted({*LIVE_SOURCES, *OPTIONAL_SOURCES}))
            err.print(f"[red]Error:[/red] unknown source {', '.join(unknown)}; known: {known}")
            raise typer.Exit(2)
        try:
            span = parse_duration(since)
        except ValueError as exc:
            err.print(f"[red]Error:[/red] --since: {exc}")
            raise typer.Exit(2) from exc
        now = datetime.now(MARKET_TZ)
        with open_store(db) as store, _progress(err, quiet) as progress:
            tasks: dict[str, TaskID] = {}

            def started(name: str) -> None:
                tasks[name] = progress.add_task(f"{name}: fetching", total=None)

            def done(run: SourceRun) -> None:
                state = "done" if run.ok else "[red]failed[/red]"
                progress.update(
                    tasks[run.source], description=f"{run.source}: {state}", total=1, completed=1
                )

            runs = fetch_sources(store, names, now - span, now=now, on_start=started, on_done=done)
        print_fetch_report(runs, console, err)
        if not any(run.ok for run in runs):
            err.print(
                "[red]Every source failed.[/red] See the errors above; "
                "`theme-research sources` shows each feed's health."
            )
            raise typer.Exit(1)

    @app.command("sources")
    def sources_command(db: DbOption = None) -> None:
        """The live feeds and their health: last success, last error, items, latency.

        \b
        Example:
          theme-research sources
        """
        register_configured_feeds(err)
        with open_store(db) as store:
            rows = {row.source: row for row in store.health()}
        console.print(health_table(rows))


def register_configured_feeds(err: Console) -> list[str]:
    """Add the config file's ``[[sources.rss]]`` feeds (``rss:<name>``) and the optional feeds
    it enables to the registry, and return the feeds it enables (the ones it lists, then its
    RSS feeds)."""
    try:
        settings = load_settings()
    except SettingsError as exc:
        err.print(f"[red]Error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    register_feeds((feed.name, feed.url, feed.language) for feed in settings.sources.rss)
    enabled = settings.sources.feed_names()
    register_optional(enabled)  # only once enabled: `sources` lists no feed nobody chose
    return enabled


def _progress(err: Console, quiet: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        TimeElapsedColumn(),
        console=err,
        disable=quiet,
        transient=True,
    )


def print_fetch_report(runs: list[SourceRun], console: Console, err: Console) -> None:
    """The per-source summary table, then errors, warnings and skipped records."""
    table = Table(title="Fetch summary")
    for column in (
        "source",
        "status",
        "pages",
        "fetched",
        "new",
        "updated",
        "unchanged",
        "skipped",
    ):
        table.add_column(column, justify="left" if column in ("source", "status") else "right")
    for run in runs:
        status = "ok" if run.ok and not run.warning else "incomplete" if run.ok else "failed"
        counts = (run.pages, run.fetched, run.counts.new, run.counts.updated, run.counts.unchanged)
        table.add_row(run.source, status, *map(str, counts), str(len(run.problems)))
    console.print(table)
    for run in runs:
        if run.error:
            err.print(f"[red]{run.source} failed:[/red] {run.error}", highlight=False)
        elif run.warning:
            err.print(
                f"[yellow]{run.source}:[/yellow] {run.warning}; its cursor was kept",
                highlight=False,
            )
    problems = [p for run in runs for p in run.problems]
    for problem in problems[:SHOWN_PROBLEMS]:
        err.print(f"[yellow]skipped[/yellow] {problem}", highlight=False)
    if len(problems) > SHOWN_PROBLEMS:
        err.print(f"… and {len(problems) - SHOWN_PROBLEMS} more skipped records")


def health_table(rows: dict[str, SourceHealth]) -> Table:
    """One row per registered feed (and any other feed with a health record)."""
    table = Table(title="Live sources")
    for column in (
        "source",
        "last success",
        "items",
        "latency",
        "last error",
        "error at",
        "cursor",
    ):
        table.add_column(column, justify="right" if column in ("items", "latency") else "left")
    for name in sorted(set(LIVE_SOURCES) | set(rows)):
        row = rows.get(name)
        if row is None:
            table.add_row(name, "never", "", "", "", "", "")
            continue
        latency = f"{row.latency_ms} ms" if row.latency_ms is not None else ""
        table.add_row(
            name,
            row.last_success or "never",
            str(row.items_fetched),
            latency,
            row.last_error or "",
            row.last_error_at or "",
            row.cursor or "",
        )
    return table
