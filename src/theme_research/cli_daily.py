"""The ``daily`` and ``config`` commands, added to the main app by :func:`register`.

No ``from __future__ import annotations`` here: Typer reads the commands' annotations at
run time, and ``DbOption`` is a name local to :func:`register`.
"""

from datetime import date, datetime, time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from theme_research import settings as settings_module
from theme_research.cli_fetch import print_fetch_report
from theme_research.daily import DailyResult, run_daily
from theme_research.errors import ThemeResearchError
from theme_research.models import MARKET_TZ
from theme_research.settings import Settings, SettingsError, load_settings, to_toml
from theme_research.window import parse_at


def register(app: typer.Typer) -> None:
    """Add ``daily`` and the ``config`` group to ``app`` (``cli.py`` calls this once)."""
    # Imported here: cli.py imports this module to call register().
    from theme_research.cli import DbOption, console, err, open_store

    config_app = typer.Typer(help="The configuration file (config.toml).", no_args_is_help=True)
    app.add_typer(config_app, name="config")

    @config_app.command("show")
    def config_show(
        path: Annotated[
            Path | None, typer.Option("--file", help="A config file other than the default.")
        ] = None,
    ) -> None:
        """Print the settings in effect as TOML (defaults filled in; no secret is shown).

        \b
        Example:
          theme-research config show
        """
        chosen = path or settings_module.settings_path()
        settings = _load(chosen, err)
        state = "" if chosen.exists() else " (absent: defaults)"
        err.print(f"# {chosen}{state}", highlight=False)
        typer.echo(to_toml(settings), nl=False)

    @config_app.command("init")
    def config_init(
        force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False,
        path: Annotated[
            Path | None, typer.Option("--file", help="Where to write (default: config dir).")
        ] = None,
    ) -> None:
        """Write a commented default config.toml; refuses to overwrite without --force.

        \b
        Example:
          theme-research config init && $EDITOR "$(theme-research config path)"
        """
        try:
            written = settings_module.write_default(path, force=force)
        except SettingsError as exc:
            err.print(f"[red]Error:[/red] {exc}", highlight=False)
            raise typer.Exit(1) from exc
        console.print(f"Wrote {written}", highlight=False)

    @config_app.command("path")
    def config_path() -> None:
        """Print where the config file is read from."""
        typer.echo(str(settings_module.settings_path()))

    @app.command("daily")
    def daily_command(
        at: Annotated[
            str | None, typer.Option("--at", help="Report time HH:MM (default: [report] at).")
        ] = None,
        day: Annotated[
            str, typer.Option("--date", help="Report day YYYY-MM-DD (default: today, Shanghai).")
        ] = "",
        no_fetch: Annotated[
            bool, typer.Option("--no-fetch", help="Write from the store as it is.")
        ] = False,
        out: Annotated[
            Path | None, typer.Option("--out", help="Where posts go (default: [report] out).")
        ] = None,
        db: DbOption = None,
    ) -> None:
        """Fetch every configured feed, then write every configured theme's report.

        Settings come from config.toml (`theme-research config show`). A feed that fails
        is reported and named as missing in the reports. Exit status 0 only when every
        report was written and passed verification.

        \b
        Examples:
          theme-research daily
          theme-research daily --date 2026-07-01 --no-fetch --out site/_posts
        """
        settings = _load(None, err)
        report_day, report_at = _when(day, at or settings.report.at)
        now = datetime.now(MARKET_TZ)
        with open_store(db) as store:
            try:
                result = run_daily(
                    store, settings, report_day, report_at, now=now, fetch=not no_fetch, out=out
                )
            except ThemeResearchError as exc:
                err.print(f"[red]Error:[/red] {exc}", highlight=False)
                raise typer.Exit(2) from exc
        if result.fetches:
            print_fetch_report(result.fetches, console, err)
        print_daily_report(result, console, err)
        if not result.ok:
            raise typer.Exit(1)


def _load(path: Path | None, err: Console) -> Settings:
    try:
        return load_settings(path)
    except SettingsError as exc:
        err.print(f"[red]Error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc


def _when(day: str, at: str) -> tuple[date, time]:
    try:
        parsed_day = date.fromisoformat(day) if day else datetime.now(MARKET_TZ).date()
        return parsed_day, parse_at(at)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


def print_daily_report(result: DailyResult, console: Console, err: Console) -> None:
    """One line per report (paths, items, verification), then the run's verdict."""
    for written in result.reports:
        report = written.report
        mark = "[green]✓ verified[/green]" if written.verified else "[yellow]! findings[/yellow]"
        missing = report.method.feeds_missing
        note = f"  missing: {', '.join(missing)}" if missing else ""
        console.print(
            f"{written.post}  {len(report.key_items)} items  {mark}{note}",
            highlight=False,
            soft_wrap=True,
        )
        for finding in report.verification.findings if report.verification else ():
            err.print(f"  {finding.rule} @ {finding.where}: {finding.message}", highlight=False)
    absent = sorted(set(result.themes) - {w.report.slug for w in result.reports})
    if absent:
        err.print(f"[red]No report written for: {', '.join(absent)}[/red]", highlight=False)
    if result.failed_feeds:
        err.print(f"[yellow]Feeds that failed:[/yellow] {', '.join(result.failed_feeds)}")
    verdict = "[green]Daily run complete.[/green]"
    if not result.ok:
        verdict = "[red]Daily run incomplete.[/red]"
    console.print(f"{verdict} {len(result.reports)}/{len(result.themes)} report(s) written.")
