"""The configuration file: defaults, validation messages, TOML round trip, config commands."""

from __future__ import annotations

import re
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


# --- optional feeds, their securities, and [fetch] ------------------------------------------


def test_optional_feeds_can_be_enabled_and_are_then_registered(tmp_path):
    from tests.sources.library_server import registry_kept
    from theme_research.sources.live import LIVE_SOURCES
    from theme_research.sources.optional import register_optional

    path = write(
        tmp_path / "c.toml",
        "[sources]\nenabled = ['cls', 'akshare:sina', 'yahoo']\nus_symbols = ['nvda', 'brk.b']\n"
        "a_share_symbols = ['603777']\n",
    )
    settings = load_settings(path)
    assert settings.sources.us_symbols == ("NVDA", "BRK.B")
    assert settings.sources.a_share_symbols == ("603777",)
    with registry_kept():
        assert settings.sources.feed_names() == ["cls", "akshare:sina", "yahoo"]
        register_optional(settings.sources.feed_names())
        assert {"akshare:sina", "yahoo"} <= set(LIVE_SOURCES)
        assert "akshare:futu" not in LIVE_SOURCES


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[sources]\nenabled = ['akshare:nope']\n", "optional feeds: akshare:sina"),
        ("[sources]\na_share_symbols = ['60377']\n", "not 6-digit A-share codes: '60377'"),
        ("[sources]\nus_symbols = ['NV DA']\n", "not US tickers (e.g. 'NVDA'): 'NV DA'"),
        ("[fetch]\ncontact = 'me at example'\n", "fetch.contact: must be an e-mail address"),
        ("[fetch]\ncontact = 'ftp://example.org'\n", "fetch.contact: must be"),
        ('[fetch]\ncontact = "a@b.org\\r\\nX-Evil: 1"\n', "fetch.contact: must be"),
        ("[fetch]\nlibrary_timeout = 0\n", "fetch.library_timeout"),
        ("[fetch]\nproxy = 'x'\n", "fetch.proxy: unknown key"),
    ],
)
def test_optional_feed_and_fetch_errors_name_the_field(tmp_path, text, message):
    with pytest.raises(SettingsError, match=re.escape(message)):
        load_settings(write(tmp_path / "config.toml", text))


def test_fetch_settings_round_trip_and_default_to_no_contact(tmp_path):
    assert Settings().fetch.contact == "" and Settings().fetch.library_timeout == 30.0
    settings = Settings.model_validate(
        {
            "sources": {"enabled": ["yahoo"], "us_symbols": ["NVDA"]},
            "fetch": {"contact": "https://example.org/bot", "library_timeout": 12.5},
        }
    )
    path = write(tmp_path / "c.toml", to_toml(settings))
    assert load_settings(path) == settings
    assert tomllib.loads(DEFAULT_FILE)["fetch"] == {"contact": "", "library_timeout": 30.0}
