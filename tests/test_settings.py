"""The configuration file: defaults, validation messages, TOML round trip, config commands."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from theme_research.cli_daily import register
from theme_research.settings import (
    DEFAULT_FILE,
    ConfigExistsError,
    RssFeed,
    Settings,
    SettingsError,
    load_settings,
    settings_path,
    to_toml,
    write_default,
)

app = typer.Typer()
register(app)
runner = CliRunner()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_when_the_file_is_absent(isolated_home):
    assert settings_path() == isolated_home / "config" / "config.toml"
    settings = load_settings()
    assert settings == Settings()
    assert settings.sources.feed_names() == ["cls", "eastmoney", "ths", "readhub"]
    assert settings.report.themes == () and settings.report.at == "15:30"
    assert settings.report.expected_feeds == ("cls", "eastmoney", "ths")


def test_the_default_file_parses_to_the_defaults(tmp_path):
    path = write_default(tmp_path / "config.toml")
    assert load_settings(path) == Settings()
    assert tomllib.loads(DEFAULT_FILE)["report"]["at"] == "15:30"


def test_a_full_file_is_read(tmp_path):
    path = write(
        tmp_path / "c.toml",
        """
[sources]
enabled = ["cls"]
since = "3d"
[[sources.rss]]
name = "ft-china"
url = "https://example.com/ft.xml"
language = "en"
[report]
themes = ["人工智能", "semiconductor"]
at = "16:00"
out = "public/_posts"
expected_feeds = ["cls", "rss:ft-china"]
[llm]
provider = "openai-compatible"
model = "deepseek-chat"
api_key_env = "DEEPSEEK_API_KEY"
""",
    )
    settings = load_settings(path)
    assert settings.sources.feed_names() == ["cls", "rss:ft-china"]
    assert settings.sources.rss == (
        RssFeed(name="ft-china", url="https://example.com/ft.xml", language="en"),
    )
    assert settings.report.out == Path("public/_posts") and settings.report.at == "16:00"
    assert settings.llm.api_key_env == "DEEPSEEK_API_KEY"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[report]\nat = '25:00'\n", "report.at: invalid time '25:00'"),
        ("[sources]\nsince = 'yesterday'\n", "sources.since: invalid duration"),
        ("[sources]\nenabled = ['sina']\n", "sources.enabled: unknown feed 'sina'"),
        ("[report]\nthemes = 'ai'\n", "report.themes"),
        ("[report]\ncolour = 'red'\n", "report.colour: unknown key"),
        ("[llm]\napi_key = 'sk-123'\n", "llm: an API key does not belong in the config file"),
        ("[llm]\napi_key_env = 'sk-123 456'\n", "llm.api_key_env: must be an environment"),
        ("[[sources.rss]]\nname = 'X Y'\nurl = 'https://a.b/'\n", "sources.rss.0.name"),
        ("[[sources.rss]]\nname = 'x'\nurl = 'ftp://a.b/'\n", "sources.rss.0.url: must start"),
        ("[sources\n", "not valid TOML"),
    ],
)
def test_errors_name_the_file_and_the_field(tmp_path, text, message):
    path = write(tmp_path / "config.toml", text)
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)
    assert "sk-123" not in str(caught.value)


def test_repeated_rss_names_are_refused(tmp_path):
    feed = "[[sources.rss]]\nname = 'x'\nurl = 'https://a.b/'\n"
    with pytest.raises(SettingsError, match="used twice: x"):
        load_settings(write(tmp_path / "c.toml", feed * 2))


def test_to_toml_round_trips(tmp_path):
    settings = Settings.model_validate(
        {
            "sources": {"rss": [{"name": "a", "url": "https://a.example/rss", "language": "en"}]},
            "report": {"themes": ["机器人"], "out": "x/_posts"},
            "llm": {"api_key_env": "MY_KEY", "model": 'quote " inside'},
        }
    )
    path = write(tmp_path / "c.toml", to_toml(settings))
    assert load_settings(path) == settings


def test_config_init_writes_once_and_force_overwrites(isolated_home):
    first = runner.invoke(app, ["config", "init"])
    assert first.exit_code == 0, first.output
    path = settings_path()
    assert path.read_text(encoding="utf-8") == DEFAULT_FILE
    path.write_text("# mine\n", encoding="utf-8")
    again = runner.invoke(app, ["config", "init"])
    assert again.exit_code == 1 and "--force" in again.stderr
    assert path.read_text(encoding="utf-8") == "# mine\n"
    forced = runner.invoke(app, ["config", "init", "--force"])
    assert forced.exit_code == 0 and path.read_text(encoding="utf-8") == DEFAULT_FILE
    with pytest.raises(ConfigExistsError):
        write_default()


def test_config_show_prints_the_effective_settings_and_no_secret(isolated_home, monkeypatch):
    monkeypatch.setenv("DEEPSEEK_API_KEY", "sk-secret-value")
    write(settings_path(), "[report]\nthemes = ['ai']\n[llm]\napi_key_env = 'DEEPSEEK_API_KEY'\n")
    shown = runner.invoke(app, ["config", "show"])
    assert shown.exit_code == 0, shown.output
    parsed = tomllib.loads(shown.stdout)
    assert parsed["report"]["themes"] == ["ai"] and parsed["sources"]["since"] == "24h"
    assert parsed["llm"]["api_key_env"] == "DEEPSEEK_API_KEY"
    assert "sk-secret-value" not in shown.output


def test_config_show_reports_a_bad_file(isolated_home):
    write(settings_path(), "[report]\nat = 'noon'\n")
    shown = runner.invoke(app, ["config", "show"])
    assert shown.exit_code == 2 and "report.at" in shown.stderr
