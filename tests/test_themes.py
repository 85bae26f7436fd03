"""Theme packs: the built-ins load clean, validation finds planted problems, lookup works."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest

from theme_research.errors import ThemeNotFoundError
from theme_research.themes import (
    PackError,
    Security,
    ThemePack,
    builtin_pack_paths,
    get_pack,
    load_pack,
    load_packs,
    validate_pack,
)

A_SHARE_CSV = Path(__file__).parents[1].parent / "shared/reference/securities/a_share_codes.csv"
BUILTIN_SLUGS = {"ai", "semiconductor", "robotics", "nev", "innovative-drugs", "low-altitude"}

GOOD_PACK = """\
name = "测试主题"
slug = "test-theme"
aliases = ["Test"]
description = "用于测试的主题"
exclude = ["排除词"]
weak = ["弱词"]

[keywords]
"核心词" = 3.0
"一般词" = 1.0

[[segments]]
name = "环节一"
keywords = ["核心词"]

[[segments.securities]]
code = "600000"
exchange = "SH"
name = "示例股份"
aliases = ["Example"]
core = true

[[segments.securities]]
code = "ABCD"
exchange = "US"
name = "示例美股"

[[etfs]]
code = "510000"
exchange = "SH"
name = "示例ETF"
market = "A股"

[[risks]]
label = "示例风险"
terms = ["风险词"]
text = "一句中性的风险描述。"
standing = true
"""


@pytest.fixture
def user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty config dir; its ``themes`` folder holds the user's packs."""
    config = tmp_path / "config"
    (config / "themes").mkdir(parents=True)
    monkeypatch.setenv("THEME_RESEARCH_CONFIG_DIR", str(config))
    return config


def write_pack(folder: Path, text: str, filename: str = "test-theme.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / filename
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("path", builtin_pack_paths(), ids=lambda p: p.name)
def test_builtin_pack_loads_and_validates_clean(path: Path) -> None:
    pack = load_pack(path)
    assert validate_pack(path) == []
    assert path.stem == pack.slug
    assert 15 <= len(pack.all_securities()) <= 100  # curated, not a whole board
    assert any(security.core for security in pack.all_securities())
    assert pack.etfs and pack.segments and pack.keywords
    assert any(risk.standing for risk in pack.risks)


def test_builtin_slugs(user_config: Path) -> None:
    assert set(load_packs()) == BUILTIN_SLUGS


def test_security_ticker_and_names() -> None:
    security = Security(code="0700", exchange="HK", name="腾讯控股", aliases=("腾讯", "Tencent"))
    assert security.ticker == "0700.HK"
    assert security.names == ("腾讯控股", "腾讯", "Tencent")
    assert Security(code="NVDA", exchange="US", name="英伟达").ticker == "NVDA.US"


def test_pack_helpers(user_config: Path) -> None:
    ai = load_packs()["ai"]
    by_name = ai.securities_by_name()
    assert by_name["英伟达"].ticker == by_name["NVIDIA"].ticker == "NVDA.US"
    assert by_name["寒武纪"].ticker == "688256.SH"
    assert {"688256.SH", "0700.HK", "NVDA.US", "515070.SH"} <= ai.known_tickers()
    words = ai.dictionary_words()
    assert {"大模型", "光模块", "寒武纪", "Cambricon", "算力芯片"} <= set(words)
    assert not any(" " in word for word in words)


def test_dual_listing_name_maps_to_first_listing(user_config: Path) -> None:
    semis = load_packs()["semiconductor"]
    assert {"688981.SH", "0981.HK"} <= semis.known_tickers()
    assert semis.securities_by_name()["中芯国际"].ticker == "688981.SH"


def test_good_pack_is_clean(tmp_path: Path) -> None:
    path = write_pack(tmp_path, GOOD_PACK)
    assert validate_pack(path) == []
    assert isinstance(load_pack(path), ThemePack)


PLANTED = [
    ('code = "600000"', 'code = "60000"', ["'60000'", "SH", "示例股份", "6 digits"]),
    (
        'code = "ABCD"\nexchange = "US"',
        'code = "600000"\nexchange = "SH"',
        ["600000.SH", "2 times"],
    ),
    ('slug = "test-theme"', 'slug = "测试"', ["slug '测试'", "not ASCII"]),
    ('exclude = ["排除词"]', 'exclude = ["排除词", "一般词"]', ["'一般词'", "exclude"]),
    ('market = "A股"', 'market = "美股"', ["示例ETF", "SH", "美股"]),
    ('code = "510000"', 'code = "159000"', ["示例ETF", "'159000'", "ETF"]),
    ('text = "一句中性的风险描述。"', 'text = "风险上升30%。"', ["示例风险", "number"]),
    ('description = "用于测试的主题"\n', "", ["'description'", "required"]),
    ("core = true", 'core = true\ncolour = "red"', ["colour", "not a known field"]),
    ('exchange = "US"', 'exchange = "NY"', ["securities[1] (示例美股).exchange", "'NY'"]),
    ('"核心词" = 3.0', '"核心词" = "high"', ["keywords.核心词"]),
]


@pytest.mark.parametrize(("old", "new", "fragments"), PLANTED, ids=lambda v: str(v)[:24])
def test_validate_reports_planted_problem(
    tmp_path: Path, old: str, new: str, fragments: list[str]
) -> None:
    assert old in GOOD_PACK
    path = write_pack(tmp_path, GOOD_PACK.replace(old, new, 1))
    problems = validate_pack(path)
    assert problems, f"no problem found after replacing {old!r}"
    assert all(problem.startswith(str(path)) for problem in problems)
    joined = "\n".join(problems)
    for fragment in fragments:
        assert fragment in joined


def test_validate_reports_empty_segment(tmp_path: Path) -> None:
    path = write_pack(tmp_path, GOOD_PACK + '\n[[segments]]\nname = "空环节"\n')
    assert any("segment '空环节' is empty" in problem for problem in validate_pack(path))


def test_bad_toml_is_reported_and_raises(tmp_path: Path) -> None:
    path = write_pack(tmp_path, GOOD_PACK + "\nbroken = [\n")
    problems = validate_pack(path)
    assert len(problems) == 1
    assert str(path) in problems[0] and "not valid TOML" in problems[0]
    with pytest.raises(PackError, match="not valid TOML") as caught:
        load_pack(path)
    assert caught.value.path == path


def test_missing_file_is_reported(tmp_path: Path) -> None:
    problems = validate_pack(tmp_path / "nope.toml")
    assert problems and "cannot read" in problems[0]


def test_user_pack_overrides_and_adds(user_config: Path) -> None:
    themes = user_config / "themes"
    override = GOOD_PACK.replace('slug = "test-theme"', 'slug = "ai"').replace("测试主题", "我的AI")
    write_pack(themes, override, "ai.toml")
    write_pack(themes, GOOD_PACK, "extra.toml")
    packs = load_packs()
    assert packs["ai"].name == "我的AI"
    assert packs["test-theme"].name == "测试主题"
    assert set(packs) >= BUILTIN_SLUGS


def test_extra_dir_overrides_user_dir(user_config: Path, tmp_path: Path) -> None:
    write_pack(user_config / "themes", GOOD_PACK)
    extra = write_pack(tmp_path / "extra", GOOD_PACK.replace("测试主题", "另一个")).parent
    assert load_packs(extra)["test-theme"].name == "另一个"


def test_broken_user_pack_raises_naming_the_file(user_config: Path) -> None:
    path = write_pack(user_config / "themes", "name = ", "bad.toml")
    with pytest.raises(PackError, match=r"bad\.toml"):
        load_packs()
    assert path.exists()


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("ai", "ai"),
        ("AI", "ai"),
        ("人工智能", "ai"),
        (" 半导体 ", "semiconductor"),
        ("semiconductor", "semiconductor"),
        ("芯片", "semiconductor"),
        ("Robotics", "robotics"),
        ("新能源汽车", "nev"),
        ("创新药", "innovative-drugs"),
        ("eVTOL", "low-altitude"),
    ],
)
def test_get_pack_by_name_slug_or_alias(user_config: Path, query: str, slug: str) -> None:
    assert get_pack(query).slug == slug


def test_get_pack_uses_given_packs(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path, GOOD_PACK))
    assert get_pack("test", {pack.slug: pack}) is pack


def test_unknown_theme_lists_known_themes(user_config: Path) -> None:
    with pytest.raises(ThemeNotFoundError) as caught:
        get_pack("量子计算")
    message = str(caught.value)
    assert "量子计算" in message
    assert "人工智能 (ai)" in message and "低空经济 (low-altitude)" in message
    assert str(user_config / "themes") in message


def _a_share_names() -> dict[tuple[str, str], str]:
    if not A_SHARE_CSV.exists():
        pytest.skip(f"{A_SHARE_CSV} is absent: the shared reference sits beside the checkout")
    with A_SHARE_CSV.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle)
        return {(row["stock_code"], row["exchange"]): row["short_name"] for row in rows}


@pytest.mark.parametrize("path", builtin_pack_paths(), ids=lambda p: p.name)
def test_a_share_codes_and_names_match_reference(path: Path) -> None:
    names = _a_share_names()
    wrong = []
    for security in load_pack(path).all_securities():
        if security.exchange not in {"SH", "SZ", "BJ"}:
            continue
        listed = names.get((security.code, security.exchange))
        if listed is None or unicodedata.normalize("NFKC", listed) != security.name:
            wrong.append(f"{security.ticker} {security.name} (reference: {listed})")
    assert wrong == []
