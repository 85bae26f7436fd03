"""The ``llm check`` and ``llm providers`` commands, added to the main app by :func:`register`.

Also the model options ``report --engine llm`` takes (:data:`ProviderOption` …) and
:func:`settings_from_options`, so ``cli.py`` only has to declare and pass them.

No ``from __future__ import annotations`` here: Typer reads the commands' annotations at
run time.
"""

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from theme_research.write.llm import LLMResult, check_provider
from theme_research.write.providers import PRESETS, LLMSettings

ProviderOption = Annotated[
    str,
    typer.Option(
        "--provider",
        envvar="THEME_RESEARCH_LLM_PROVIDER",
        help=f"LLM provider for --engine llm: {', '.join(PRESETS)}.",
    ),
]
ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="Model name. Default: the provider's.", show_default=False),
]
BaseUrlOption = Annotated[
    str | None,
    typer.Option(
        "--base-url",
        help="OpenAI-compatible base URL (overrides the provider's).",
        show_default=False,
    ),
]
TimeoutOption = Annotated[float, typer.Option("--timeout", help="Seconds per request.")]


def settings_from_options(
    provider: str, model: str | None, base_url: str | None, timeout: float = 120.0
) -> LLMSettings:
    """The settings the options describe (the key is read later, from the environment)."""
    return LLMSettings(provider=provider, model=model, base_url=base_url, timeout=timeout)


def print_llm_result(result: LLMResult, err: Console) -> None:
    """One line per note and replaced part, then the tokens spent."""
    slug = result.report.slug
    for note in result.notes:
        err.print(f"  [yellow]{slug}: {note}[/yellow]", highlight=False)
    for replaced in result.replaced:
        rules = ", ".join(sorted({f.rule for f in replaced.findings}))
        err.print(f"  {slug}: {replaced.part} replaced by offline text ({rules})", highlight=False)
    usage = result.usage
    spent = "cached" if usage.cached else f"{usage.prompt_tokens}+{usage.completion_tokens} tokens"
    err.print(f"  {slug}: engine {result.engine}, {spent}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add the ``llm`` command group to ``app`` (``cli.py`` calls this once)."""
    from theme_research.cli import console, err

    llm_app = typer.Typer(help="The LLM writer's providers.", no_args_is_help=True)
    app.add_typer(llm_app, name="llm")

    @llm_app.command("check")
    def check_command(
        provider: ProviderOption = "deepseek",
        model: ModelOption = None,
        base_url: BaseUrlOption = None,
        timeout: TimeoutOption = 30.0,
    ) -> None:
        """Send the provider one tiny request and say whether it answers.

        The API key is read from the provider's environment variable
        (``theme-research llm providers`` lists them).

        \b
        Examples:
          DEEPSEEK_API_KEY=sk-… theme-research llm check
          theme-research llm check --provider ollama --model qwen2.5:7b
        """
        settings = settings_from_options(provider, model, base_url, timeout)
        result = check_provider(settings)
        where = f"{result.provider} {result.model} @ {result.base_url}"
        if not result.ok:
            err.print(f"[red]✗[/red] {where}: {result.message}", highlight=False)
            raise typer.Exit(1)
        console.print(f"[green]✓[/green] {where}: {result.message} in {result.latency_ms} ms")

    @llm_app.command("providers")
    def providers_command() -> None:
        """List the built-in providers: base URL, default model, key variable, JSON schema."""
        table = Table("provider", "base URL", "default model", "API key variable", "JSON schema")
        for preset in PRESETS.values():
            key = preset.key_env if preset.key_required else f"{preset.key_env} (optional)"
            schema = "yes" if preset.json_schema else "JSON mode"
            table.add_row(preset.name, preset.base_url, preset.model or "—", key, schema)
        console.print(table)
