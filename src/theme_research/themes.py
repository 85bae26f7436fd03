"""Theme packs: one TOML file per theme with its keywords, segments, securities, ETFs and risks.

Built-in packs ship in ``theme_research/packs``; a user adds or overrides one by dropping a
``*.toml`` file into ``config_dir() / "themes"`` (see ``docs/theme-packs.md``).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from theme_research.config import config_dir
from theme_research.errors import ThemeNotFoundError, ThemeResearchError

Exchange = Literal["SH", "SZ", "BJ", "HK", "US"]
Market = Literal["A股", "港股", "美股"]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Weight = Annotated[float, Field(gt=0)]

MAX_WEIGHT = 5.0
"""Keyword weights above this are flagged by ``validate_pack`` (the usual range is 0.5–3)."""

_STOCK_CODE = {
    "SH": (r"6\d{5}", "6 digits starting with 6 (e.g. 600000, 688256)"),
    "SZ": (r"[03]\d{5}", "6 digits starting with 0 or 3 (e.g. 000977, 300308)"),
    "BJ": (r"[48]\d{5}|92\d{4}", "6 digits starting with 4, 8 or 92 (e.g. 430047, 920045)"),
    "HK": (r"\d{4,5}", "4 or 5 digits (e.g. 0700, 9988)"),
    "US": (r"[A-Z]{1,5}(\.[A-Z])?", "1-5 uppercase letters, optionally .CLASS (e.g. NVDA, BRK.B)"),
}
_ETF_CODE = {
    **_STOCK_CODE,
    "SH": (r"5\d{5}", "6 digits starting with 5 for an ETF (e.g. 515070)"),
    "SZ": (r"1\d{5}", "6 digits starting with 1 for an ETF (e.g. 159819)"),
}
_MARKET_EXCHANGES: dict[str, set[str]] = {
    "A股": {"SH", "SZ", "BJ"},
    "港股": {"HK"},
    "美股": {"US"},
}
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


class PackError(ThemeResearchError):
    """A theme pack file that cannot be read or does not match the schema."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__(
            "\n".join(problems)
            + f"\nRun 'theme-research themes validate {path}' to check the file in full."
        )


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Security(_Model):
    """One listed security of a theme: a stock as news names it."""

    code: Text
    exchange: Exchange
    name: Text
    aliases: tuple[Text, ...] = ()
    products: tuple[Text, ...] = ()
    """Brands and products that stand for the company when reports are grouped ("Optimus"
    for 特斯拉): "马斯克：Optimus…" is news of 特斯拉. Unlike an alias, a product named is
    not the security named."""
    core: bool = False
    weak: bool = False
    """Its name alone is only a passing tie (a carmaker in the robot pack): like a weak
    word, it tags an item already about the theme but never makes one so."""

    @property
    def ticker(self) -> str:
        """``code.exchange``: ``688256.SH``, ``0700.HK``, ``NVDA.US``."""
        return f"{self.code}.{self.exchange}"

    @property
    def names(self) -> tuple[str, ...]:
        """The short name followed by every alias."""
        return (self.name, *self.aliases)


class Segment(_Model):
    """A part of a theme's value chain (e.g. 算力芯片), with its own terms and securities."""

    name: Text
    keywords: tuple[Text, ...] = ()
    securities: tuple[Security, ...] = ()


class Etf(_Model):
    """An exchange-traded fund that tracks the theme."""

    code: Text
    exchange: Exchange
    name: Text
    market: Market

    @property
    def ticker(self) -> str:
        """``code.exchange``: ``515070.SH``, ``SMH.US``."""
        return f"{self.code}.{self.exchange}"


class Risk(_Model):
    """A risk to the theme: the words that evidence it in news and a neutral sentence."""

    label: Text
    terms: tuple[Text, ...] = ()
    text: Text
    standing: bool = False


class ThemePack(_Model):
    """Everything the pipeline knows about one theme."""

    name: Text
    slug: Text
    aliases: tuple[Text, ...] = ()
    description: Text
    exclude: tuple[Text, ...] = ()
    weak: tuple[Text, ...] = ()
    leaders: tuple[Text, ...] = ()
    """Unlisted theme leaders (OpenAI, 宇树): named like core securities in the impact score."""
    keywords: dict[Text, Weight]
    segments: tuple[Segment, ...] = ()
    etfs: tuple[Etf, ...] = ()
    risks: tuple[Risk, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        """Every way to name the theme: name, slug and aliases."""
        return (self.name, self.slug, *self.aliases)

    def all_securities(self) -> list[Security]:
        """Every security of every segment, in file order."""
        return [security for segment in self.segments for security in segment.securities]

    def securities_by_name(self) -> dict[str, Security]:
        """Map every name and alias to its security; a dual listing's first entry wins."""
        found: dict[str, Security] = {}
        for security in self.all_securities():
            for name in security.names:
                found.setdefault(name, security)
        return found

    def known_tickers(self) -> set[str]:
        """Tickers of every security and ETF of the theme."""
        return {s.ticker for s in self.all_securities()} | {e.ticker for e in self.etfs}

    def dictionary_words(self) -> list[str]:
        """Every term the theme matches on, for a jieba user dictionary (no blanks inside).

        Example::

            for word in pack.dictionary_words():
                jieba.add_word(word)
        """
        words = {*self.keywords, *self.weak, *self.exclude, *self.leaders}
        for segment in self.segments:
            words.update(segment.keywords)
            for security in segment.securities:
                words.update(security.names)
        words.update(etf.name for etf in self.etfs)
        words.update(term for risk in self.risks for term in risk.terms)
        return sorted(word for word in words if not any(ch.isspace() for ch in word))


def builtin_pack_paths() -> list[Path]:
    """The TOML files of the packs shipped with the package, sorted by name."""
    folder = resources.files("theme_research") / "packs"
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".toml"))


def user_pack_dir() -> Path:
    """Where a user's own packs live: ``config_dir() / "themes"``."""
    return config_dir() / "themes"


def load_pack(path: Path) -> ThemePack:
    """Read one theme pack file.

    Raises ``PackError`` naming the file and each problem when the file is not TOML or
    does not match the schema. Example: ``load_pack(Path("my-theme.toml")).slug``.
    """
    data = _read_toml(path)
    try:
        return ThemePack.model_validate(data)
    except ValidationError as exc:
        raise PackError(path, [_describe_error(path, err, data) for err in exc.errors()]) from exc


def load_packs(extra_dir: Path | None = None) -> dict[str, ThemePack]:
    """All theme packs by slug: built-ins, then the user's pack dir, then ``extra_dir``.

    A later pack replaces an earlier one of the same slug, so a user's ``ai.toml`` with
    ``slug = "ai"`` overrides the built-in 人工智能 pack. Example: ``load_packs()["ai"]``.
    """
    packs: dict[str, ThemePack] = {}
    user_dirs = [user_pack_dir(), *([extra_dir] if extra_dir else [])]
    for path in [*builtin_pack_paths(), *_toml_files(user_dirs)]:
        pack = load_pack(path)
        packs[pack.slug] = pack
    return packs


def get_pack(name: str, packs: Mapping[str, ThemePack] | None = None) -> ThemePack:
    """The pack whose slug, name or alias is ``name`` (case-insensitive).

    ``packs`` defaults to ``load_packs()``. Raises ``ThemeNotFoundError`` listing the known
    themes. Example: ``get_pack("人工智能") == get_pack("ai") == get_pack("AI")``.
    """
    packs = load_packs() if packs is None else packs
    wanted = name.strip().casefold()
    for pack in sorted(packs.values(), key=lambda p: p.slug.casefold() != wanted):
        if wanted in {label.casefold() for label in pack.labels}:
            return pack
    known = ", ".join(f"{p.name} ({p.slug})" for p in packs.values()) or "none"
    raise ThemeNotFoundError(
        f"No theme pack named '{name}'. Known themes: {known}. "
        f"To add one, put a TOML file in {user_pack_dir()} (see docs/theme-packs.md)."
    )


def validate_pack(path: Path) -> list[str]:
    """Every problem of one pack file, each a sentence naming the file and the place.

    An empty list means the pack is clean. Example::

        for problem in validate_pack(Path("my-theme.toml")):
            print(problem)
    """
    try:
        pack = load_pack(path)
    except PackError as exc:
        return exc.problems
    return [f"{path}: {problem}" for problem in _lint(pack)]


def _toml_files(folders: Iterable[Path]) -> Iterator[Path]:
    for folder in folders:
        if folder.is_dir():
            yield from sorted(folder.glob("*.toml"))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise PackError(path, [f"{path}: cannot read the file: {exc.strerror}."]) from exc
    except UnicodeDecodeError as exc:
        raise PackError(path, [f"{path}: the file is not UTF-8 text."]) from exc
    except tomllib.TOMLDecodeError as exc:
        raise PackError(path, [f"{path}: not valid TOML: {exc}."]) from exc


def _describe_error(path: Path, error: Mapping[str, Any], data: Any) -> str:
    """One pydantic error as a sentence: where in the file, then what is wrong."""
    where = _where(error["loc"], data)
    kind = error["type"]
    if kind == "missing":
        return f"{path}: {where} is required but missing."
    if kind == "extra_forbidden":
        return f"{path}: {where} is not a known field (check its spelling)."
    return f"{path}: {where}: {error['msg']} (got {error.get('input')!r})."


def _where(loc: Iterable[str | int], data: Any) -> str:
    """``segments[0] (算力芯片).securities[2] (寒武纪).code`` from a pydantic location."""
    out, node = "", data
    for key in loc:
        node = _child(node, key)
        if isinstance(key, int):
            label = (node.get("name") or node.get("label")) if isinstance(node, dict) else None
            out += f"[{key}]" + (f" ({label})" if label else "")
        else:
            out += f".{key}" if out else str(key)
    return f"'{out}'" if out else "the file"


def _child(node: Any, key: str | int) -> Any:
    if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
        return node[key]
    return node.get(key) if isinstance(node, dict) else None


def _lint(pack: ThemePack) -> list[str]:
    return [
        *_check_slug(pack),
        *_check_terms(pack),
        *_check_segments(pack),
        *_check_codes(pack),
        *_check_duplicate_tickers(pack),
        *_check_risks(pack),
    ]


def _check_slug(pack: ThemePack) -> Iterator[str]:
    if not pack.slug.isascii():
        yield f"slug '{pack.slug}' is not ASCII; use lowercase letters, digits and hyphens."
    elif not _SLUG.fullmatch(pack.slug):
        yield f"slug '{pack.slug}' must be lowercase letters and digits joined by hyphens."


def _check_terms(pack: ThemePack) -> Iterator[str]:
    if not pack.keywords:
        yield "[keywords] is empty; a theme needs at least one weighted keyword."
    for term, weight in pack.keywords.items():
        if weight > MAX_WEIGHT:
            yield f"keyword '{term}' has weight {weight}, above {MAX_WEIGHT} (use 0.5-3)."
    lists = {"[keywords]": list(pack.keywords), "exclude": pack.exclude, "weak": pack.weak}
    seen: dict[str, list[str]] = {}
    for where, terms in lists.items():
        for term in terms:
            seen.setdefault(term.casefold(), []).append(where)
    for term, places in seen.items():
        if len(places) > 1:
            yield f"term '{term}' appears more than once, in {' and '.join(places)}."


def _check_segments(pack: ThemePack) -> Iterator[str]:
    excluded = {term.casefold() for term in pack.exclude}
    for name, count in Counter(segment.name for segment in pack.segments).items():
        if count > 1:
            yield f"segment name '{name}' is used {count} times."
    for segment in pack.segments:
        if not segment.keywords and not segment.securities:
            yield f"segment '{segment.name}' is empty: give it keywords or securities."
        for term in segment.keywords:
            if term.casefold() in excluded:
                yield f"segment '{segment.name}' keyword '{term}' is also in exclude."


def _check_codes(pack: ThemePack) -> Iterator[str]:
    for segment in pack.segments:
        for security in segment.securities:
            pattern, rule = _STOCK_CODE[security.exchange]
            if not re.fullmatch(pattern, security.code):
                yield (
                    f"security '{security.name}' in segment '{segment.name}' has code "
                    f"'{security.code}', not a valid {security.exchange} code: {rule}."
                )
    for etf in pack.etfs:
        pattern, rule = _ETF_CODE[etf.exchange]
        if not re.fullmatch(pattern, etf.code):
            yield (
                f"ETF '{etf.name}' has code '{etf.code}', not a valid {etf.exchange} code: {rule}."
            )
        if etf.exchange not in _MARKET_EXCHANGES[etf.market]:
            yield f"ETF '{etf.name}' trades on {etf.exchange} but is marked market '{etf.market}'."


def _check_duplicate_tickers(pack: ThemePack) -> Iterator[str]:
    tickers = [s.ticker for s in pack.all_securities()] + [e.ticker for e in pack.etfs]
    for ticker, count in Counter(tickers).items():
        if count > 1:
            yield f"ticker {ticker} is listed {count} times; list each security or ETF once."


def _check_risks(pack: ThemePack) -> Iterator[str]:
    for label, count in Counter(risk.label for risk in pack.risks).items():
        if count > 1:
            yield f"risk label '{label}' is used {count} times."
    for risk in pack.risks:
        if not risk.terms and not risk.standing:
            yield f"risk '{risk.label}' has no terms and is not standing, so it can never show."
        if any(ch.isdigit() for ch in risk.text):
            yield f"risk '{risk.label}' text contains a number; state the risk without figures."
