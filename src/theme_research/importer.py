"""Import news files into the store: sniff each file's format, stream its records.

A malformed record becomes a :class:`ParseError` with file and line, and the rest of the
file still imports. Files are read line by line (JSONL, CSV), item by item (JSON arrays)
or row by row (SQLite), never whole.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

import ijson

from theme_research.errors import ParseError, UnknownFormatError
from theme_research.models import NewsItem
from theme_research.sources import KNOWN_FORMATS, RecordFormat, neutral, sniff_record, trendradar
from theme_research.store import NewsStore, UpsertCounts

Parsed = tuple[int, NewsItem | ParseError]
Progress = Callable[[int], None]
"""Called with the number of bytes consumed since the last call."""

DIRECTORY_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv", ".db", ".sqlite"}
BATCH = 2000


@dataclass
class SourceTally:
    """Per-source import counts, as the summary table shows them."""

    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0

    def add_counts(self, counts: UpsertCounts) -> None:
        self.new += counts.new
        self.updated += counts.updated
        self.unchanged += counts.unchanged


@dataclass
class ImportReport:
    """What an import did: tallies per source, problems per record, files not understood."""

    tallies: dict[str, SourceTally] = field(default_factory=dict)
    problems: list[ParseError] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return sum(t.new + t.updated + t.unchanged for t in self.tallies.values())

    def tally(self, source: str) -> SourceTally:
        return self.tallies.setdefault(source, SourceTally())


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the data files inside given directories (sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix in DIRECTORY_SUFFIXES
            )
        else:
            files.append(path)
    return files


def import_paths(
    paths: Iterable[Path],
    store: NewsStore,
    *,
    all_platforms: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import every file under ``paths`` into ``store``; see :class:`ImportReport`.

    Example::

        with NewsStore("news.db") as store:
            report = import_paths([Path("cls.jsonl")], store)
    """
    report = ImportReport()
    for path in expand_paths(paths):
        try:
            records = read_news_file(path, all_platforms=all_platforms, progress=progress)
            _store_records(records, store, report)
        except (UnknownFormatError, OSError) as exc:
            report.unreadable.append(str(exc))
    return report


def _store_records(records: Iterator[Parsed], store: NewsStore, report: ImportReport) -> None:
    batch: list[NewsItem] = []
    for _, parsed in records:
        if isinstance(parsed, ParseError):
            report.problems.append(parsed)
            report.tally(parsed.source).skipped += 1
            continue
        report.tally(parsed.source).read += 1
        batch.append(parsed)
        if len(batch) >= BATCH:
            _flush(batch, store, report)
    _flush(batch, store, report)


def _flush(batch: list[NewsItem], store: NewsStore, report: ImportReport) -> None:
    by_source: dict[str, list[NewsItem]] = {}
    for item in batch:
        by_source.setdefault(item.source, []).append(item)
    for source, items in by_source.items():
        report.tally(source).add_counts(store.upsert(items))
    batch.clear()


def read_news_file(
    path: Path, *, all_platforms: bool = False, progress: Progress | None = None
) -> Iterator[Parsed]:
    """Yield ``(line or record number, item or error)`` for every record of ``path``."""
    kind = _sniff_container(path)
    if kind == "sqlite":
        platforms = None if all_platforms else trendradar.FINANCIAL_PLATFORMS
        for row_id, parsed in trendradar.iter_rows(path, platforms):
            yield row_id, _as_error(parsed, path, row_id, "trendradar")
        return
    with path.open("rb") as fh:
        if kind == "json-array":
            yield from _read_json_array(path, fh, progress)
        elif kind == "jsonl":
            yield from _read_jsonl(path, fh, progress)
        else:
            yield from _read_csv(path, fh, progress)


def _as_error(
    parsed: NewsItem | ValueError, path: Path, line: int, source: str
) -> NewsItem | ParseError:
    if isinstance(parsed, ValueError):
        return ParseError(path, line, str(parsed), source)
    return parsed


def _sniff_container(path: Path) -> str:
    with path.open("rb") as fh:
        head = fh.read(4096)
    if head.startswith(trendradar.SQLITE_MAGIC):
        if trendradar.is_trendradar(path):
            return "sqlite"
        raise UnknownFormatError(path, KNOWN_FORMATS)
    text = head.decode("utf-8-sig", errors="replace").lstrip()
    if text.startswith("["):
        return "json-array"
    if text.startswith("{"):
        return "jsonl"
    first_line = text.splitlines()[0] if text else ""
    header = {c.strip() for c in first_line.split(",")}
    if header >= neutral.REQUIRED:
        return "csv"
    raise UnknownFormatError(path, KNOWN_FORMATS)


def _read_jsonl(path: Path, fh: IO[bytes], progress: Progress | None) -> Iterator[Parsed]:
    fmt: RecordFormat | None = None
    for number, line in enumerate(fh, start=1):
        if progress:
            progress(len(line))
        if not line.strip():
            continue
        try:
            text = line.decode("utf-8-sig").strip()
            record = json.loads(text)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield number, ParseError(path, number, f"not valid JSON ({exc})", _name(fmt))
            continue
        fmt = fmt or _sniff_or_fail(path, record)
        yield number, _parse(fmt, record, path, number, text)


def _read_json_array(path: Path, fh: IO[bytes], progress: Progress | None) -> Iterator[Parsed]:
    fmt: RecordFormat | None = None
    position = 0
    try:
        for number, record in enumerate(ijson.items(fh, "item", use_float=True), start=1):
            if progress:
                progress(fh.tell() - position)
                position = fh.tell()
            fmt = fmt or _sniff_or_fail(path, record)
            raw = json.dumps(record, ensure_ascii=False)
            yield number, _parse(fmt, record, path, number, raw)
    except ijson.JSONError as exc:
        yield -1, ParseError(path, -1, f"JSON array broken off: {exc}", _name(fmt))


def _read_csv(path: Path, fh: IO[bytes], progress: Progress | None) -> Iterator[Parsed]:
    text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
    reader = csv.DictReader(text)
    for record in reader:
        number = reader.line_num
        raw = json.dumps(record, ensure_ascii=False)
        yield number, _parse(neutral.FORMAT, record, path, number, raw)
    if progress:
        progress(path.stat().st_size)


def _sniff_or_fail(path: Path, record: Any) -> RecordFormat:
    fmt = sniff_record(record) if isinstance(record, dict) else None
    if fmt is None:
        raise UnknownFormatError(path, KNOWN_FORMATS)
    return fmt


def _parse(
    fmt: RecordFormat, record: Any, path: Path, number: int, raw: str
) -> NewsItem | ParseError:
    """Parse one record, keeping its original text as the item's ``raw``."""
    if not isinstance(record, dict):
        return ParseError(
            path, number, f"expected an object, got {type(record).__name__}", fmt.name
        )
    try:
        return replace(fmt.parse(record), raw=raw)
    except KeyError as exc:
        return ParseError(path, number, f"missing field {exc}", fmt.name)
    except (ValueError, TypeError, SyntaxError) as exc:
        return ParseError(path, number, str(exc), fmt.name)


def _name(fmt: RecordFormat | None) -> str:
    return fmt.name if fmt else "unknown"
