"""Verification: check a report against its evidence before anyone reads it.

Pure functions of the report, its rendered Markdown and its theme pack. Each rule yields
:class:`Finding` objects; an empty list means the report passed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from theme_research.clean import to_simplified
from theme_research.report import (
    ADVICE,
    REQUIRED_SECTIONS,
    Finding,
    Paragraph,
    Report,
    Verification,
)
from theme_research.themes import ThemePack

CHECKS = (
    "sections",
    "items",
    "citations",
    "numbers",
    "tickers",
    "simplified",
    "advice",
    "disclaimer",
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)|〔[^〕]*〕")
# ASCII-only boundaries, not \w/\b: CJK characters count as \w, so "提及600999.SH涨停" would
# otherwise hide its code from the check.
_TICKER = re.compile(
    r"(?<![A-Za-z0-9.])(?:(\d{6})\.(SH|SZ|BJ)|(\d{4,5})\.HK|([A-Z]{1,5})\.US)(?![A-Za-z0-9])"
)
TOP = 10


def verify(report: Report, markdown: str, pack: ThemePack) -> Verification:
    """Run every check; ``passed`` is true when there is no finding."""
    findings = [
        *check_sections(markdown, report.theme),
        *check_items(report),
        *check_citations(report),
        *check_numbers(report, pack),
        *check_tickers(report, pack),
        *check_simplified(report),
        *check_advice(report),
        *check_disclaimer(markdown),
    ]
    return Verification(passed=not findings, checks=CHECKS, findings=tuple(findings))


def prose(report: Report) -> Iterator[tuple[str, Paragraph]]:
    """Every piece of prose that makes claims, with where it sits."""
    yield "overview", report.overview
    for item in report.key_items:
        yield f"item {item.rank}", Paragraph(text=item.text, cites=item.cites)
    for index, paragraph in enumerate(report.summary, start=1):
        yield f"summary {index}", paragraph
    for section in report.drivers:
        for paragraph in section.paragraphs:
            yield f"driver {section.title}", paragraph
    for index, paragraph in enumerate(report.sectors, start=1):
        yield f"sector {index}", paragraph
    for section in report.risks:
        for paragraph in section.paragraphs:
            yield f"risk {section.title}", paragraph


def check_sections(markdown: str, theme: str) -> Iterator[Finding]:
    lines = {line.strip() for line in markdown.splitlines()}
    for heading in (f"# {theme}主题市场研究摘要", *REQUIRED_SECTIONS):
        if heading not in lines:
            yield Finding(rule="sections", where=heading, message=f"missing section '{heading}'")


def check_items(report: Report) -> Iterator[Finding]:
    if len(report.key_items) < TOP and not report.shortfall:
        yield Finding(
            rule="items",
            where="key items",
            message=f"{len(report.key_items)} items and no note saying why fewer than {TOP}",
        )


def check_citations(report: Report) -> Iterator[Finding]:
    evidence = report.evidence()
    for where, paragraph in prose(report):
        unknown = [k for k in paragraph.cites if k not in evidence]
        if unknown:
            yield Finding(rule="citations", where=where, message=f"cites unknown items {unknown}")
    for item in report.key_items:
        if not any(evidence[k].url for k in item.cites if k in evidence):
            yield Finding(rule="citations", where=f"item {item.rank}", message="no linked source")


def _evidence_text(report: Report, keys: Iterable[str]) -> str:
    evidence = report.evidence()
    return "\n".join(f"{evidence[k].title}\n{evidence[k].content}" for k in keys if k in evidence)


def _pack_numbers(pack: ThemePack) -> set[str]:
    return {n for ticker in pack.known_tickers() for n in _NUMBER.findall(ticker)}


def check_numbers(report: Report, pack: ThemePack) -> Iterator[Finding]:
    """Every number in the prose is in a cited item (or, uncited prose, in any item)."""
    allowed_everywhere = _pack_numbers(pack)
    all_keys = list(report.evidence())
    for where, paragraph in prose(report):
        source = _evidence_text(report, paragraph.cites or all_keys)
        known = set(_NUMBER.findall(source)) | allowed_everywhere
        for number in _NUMBER.findall(_LINK.sub("", paragraph.text)):
            if number not in known:
                yield Finding(
                    rule="numbers", where=where, message=f"number {number} is in no cited item"
                )


def check_tickers(report: Report, pack: ThemePack) -> Iterator[Finding]:
    known = pack.known_tickers()
    for where, paragraph in prose(report):
        source = _evidence_text(report, paragraph.cites)
        for match in _TICKER.finditer(paragraph.text):
            ticker = match.group(0)
            code = next(g for g in match.groups() if g and g not in ("SH", "SZ", "BJ"))
            if ticker not in known and code not in source:
                yield Finding(
                    rule="tickers",
                    where=where,
                    message=f"{ticker} is neither in the theme pack nor in a cited item",
                )


def check_simplified(report: Report) -> Iterator[Finding]:
    for where, paragraph in prose(report):
        changed = {
            a for a, b in zip(paragraph.text, to_simplified(paragraph.text), strict=False) if a != b
        }
        if changed:
            yield Finding(
                rule="simplified",
                where=where,
                message=f"Traditional characters: {''.join(sorted(changed))}",
            )


def check_advice(report: Report) -> Iterator[Finding]:
    for where, paragraph in prose(report):
        match = ADVICE.search(paragraph.text)
        if match:
            yield Finding(rule="advice", where=where, message=f"advice phrasing '{match.group(0)}'")


def check_disclaimer(markdown: str) -> Iterator[Finding]:
    if not any(line.startswith("> **免责声明**") for line in markdown.splitlines()):
        yield Finding(rule="disclaimer", where="end", message="the 免责声明 blockquote is missing")


def twin_path(post: Path) -> Path:
    """The JSON twin beside a post."""
    return post.with_suffix(".json")
