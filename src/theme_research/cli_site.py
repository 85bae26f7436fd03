"""The ``site`` group (init, build, serve) and ``publish``, added to the app by :func:`register`.

No ``from __future__ import annotations`` here: Typer reads the commands' annotations at
run time.
"""

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console

from theme_research.publish import (
    PublishResult,
    SiteError,
    init_site,
    jekyll_command,
    publish,
    run_jekyll,
)

T = TypeVar("T")

SiteArgument = Annotated[Path, typer.Argument(help="The Jekyll site directory.", show_default=True)]


def register(app: typer.Typer) -> None:
    """Add the ``site`` group and ``publish`` to ``app`` (``cli.py`` calls this once)."""
    # Imported here: cli.py imports this module to call register().
    from theme_research.cli import console, err

    site_app = typer.Typer(help="The Jekyll blog of the reports.", no_args_is_help=True)
    app.add_typer(site_app, name="site")

    @site_app.command("init")
    def site_init(
        site: Annotated[Path, typer.Argument(help="Directory to create the site in.")],
        force: Annotated[
            bool, typer.Option(help="Overwrite the scaffold's files in a non-empty DIR.")
        ] = False,
    ) -> None:
        """Scaffold a Jekyll site that GitHub Pages builds as is.

        \b
        Example:
          theme-research site init site && theme-research publish --site site
        """
        written = _or_exit(err, lambda: init_site(site, force=force))
        console.print(f"Wrote {len(written)} files into {site}/", highlight=False)
        console.print(f"Next: theme-research publish --site {site}", highlight=False)

    @app.command("publish")
    def publish_command(
        site: Annotated[Path, typer.Option("--site", help="The Jekyll site.")] = Path("site"),
        posts: Annotated[
            Path, typer.Option("--posts", help="Where the reports were written.")
        ] = Path("site/_posts"),
    ) -> None:
        """Copy new or changed posts and JSON twins into the site, then regenerate its data
        files, theme pages and heat charts. Publishing twice changes nothing.

        \b
        Example:
          theme-research report --all-themes --out site/_posts
          theme-research publish --site site
        """
        result = _or_exit(err, lambda: publish(site, posts))
        print_publish_result(result, site, console, err)
        if result.skipped:
            raise typer.Exit(1)

    @site_app.command("build")
    def site_build(site: SiteArgument = Path("site")) -> None:
        """Run `jekyll build` on the site (into DIR/_site).

        \b
        Example:
          theme-research site build site
        """
        done = _or_exit(err, lambda: run_jekyll(site, "build"))
        typer.echo(done.stdout, nl=False)
        typer.echo(done.stderr, nl=False, err=True)
        if done.returncode:
            err.print(f"[red]jekyll build failed (exit {done.returncode}).[/red]")
            raise typer.Exit(done.returncode)
        console.print(f"Built {site / '_site'}", highlight=False)

    @site_app.command("serve")
    def site_serve(site: SiteArgument = Path("site")) -> None:
        """Run `jekyll serve --host 127.0.0.1` on the site until interrupted.

        \b
        Example:
          theme-research site serve site   # then open http://127.0.0.1:4000/
        """
        command = _or_exit(err, lambda: jekyll_command(site, "serve", "--host", "127.0.0.1"))
        try:
            code = subprocess.call(command)
        except KeyboardInterrupt:
            code = 0
        if code:
            raise typer.Exit(code)


def _or_exit(err: Console, action: Callable[[], T]) -> T:
    """Run ``action``; a :class:`SiteError` becomes its message and exit status 2."""
    try:
        return action()
    except SiteError as exc:
        err.print(f"[red]Error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc


def print_publish_result(result: PublishResult, site: Path, console: Console, err: Console) -> None:
    """One line per copied or written file, the skipped posts, then a summary."""
    for path in (*result.copied, *result.written):
        console.print(f"  {site / path}", highlight=False)
    for line in result.skipped:
        err.print(f"[yellow]skipped[/yellow] {line}", highlight=False)
    if result.changed:
        summary = f"{len(result.copied)} copied, {len(result.written)} regenerated"
    else:
        summary = "nothing changed"
    console.print(f"Published to {site}/: {summary}, {result.unchanged} unchanged.")
