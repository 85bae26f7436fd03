"""The ``llm`` commands, against a scripted OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import typer
from rich.console import Console
from typer.testing import CliRunner

from tests.openai_server import Server, serve
from theme_research import cli_llm
from theme_research.write.llm import LLMResult, Replacement, Usage
from theme_research.write.offline import write_offline

runner = CliRunner()


@pytest.fixture
def app() -> typer.Typer:
    fresh = typer.Typer()
    cli_llm.register(fresh)
    return fresh


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")  # the command builds its own client
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    with serve() as state:
        yield state


def test_check_reports_an_answering_provider(app, server):
    server.answer("OK")
    args = ["llm", "check", "--provider", "vllm", "--model", "m", "--base-url", server.url]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "✓" in result.output and "'OK'" in result.output
    assert server.requests[0]["body"]["model"] == "m"


def test_check_fails_clearly_without_a_key(app, server, monkeypatch):
    monkeypatch.delenv("DEEPSEEK_API_KEY", raising=False)
    result = runner.invoke(app, ["llm", "check", "--base-url", server.url])
    assert result.exit_code == 1
    assert "DEEPSEEK_API_KEY" in result.output and server.requests == []


def test_check_fails_on_a_refused_key(app, server, monkeypatch):
    monkeypatch.setenv("DEEPSEEK_API_KEY", "wrong")
    server.fail(401, "invalid api key")
    result = runner.invoke(app, ["llm", "check", "--base-url", server.url])
    assert result.exit_code == 1 and "API key" in result.output
    assert len(server.requests) == 1  # no retries for a check


def test_providers_lists_every_preset(app):
    result = runner.invoke(app, ["llm", "providers"])
    assert result.exit_code == 0
    for name in ("deepseek", "qwen", "glm", "kimi", "openai", "ollama", "vllm", "llamacpp"):
        assert name in result.output


def test_print_llm_result_names_notes_replacements_and_tokens(rankings_ai_offline):
    console = Console(record=True, width=200)
    result = LLMResult(
        rankings_ai_offline,
        replaced=(Replacement("overview", ()),),
        notes=("offline report used: the provider timed out (1 attempts)",),
        usage=Usage(prompt_tokens=10, completion_tokens=5, requests=1),
    )
    cli_llm.print_llm_result(result, console)
    text = console.export_text()
    assert "timed out" in text and "overview replaced" in text and "10+5 tokens" in text


@pytest.fixture(scope="module")
def rankings_ai_offline():
    from theme_research import demo, pipeline
    from theme_research.importer import import_paths
    from theme_research.store import NewsStore
    from theme_research.themes import builtin_pack_paths, load_pack

    packs = [load_pack(path) for path in builtin_pack_paths()]
    with NewsStore(":memory:") as store:
        import_paths(demo.demo_files(), store)
        day = pipeline.analyze_window(store, demo.demo_window(), packs)
    pack = next(p for p in packs if p.slug == "ai")
    return write_offline(pipeline.rank_theme(day, pack))
