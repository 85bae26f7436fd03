"""Typed errors raised by the library; the CLI turns them into friendly messages."""

from __future__ import annotations

from pathlib import Path


class ThemeResearchError(Exception):
    """Base class of every error this package raises on purpose."""


class UnknownFormatError(ThemeResearchError):
    """A file whose content matches none of the known formats."""

    def __init__(self, path: Path, known: list[str]) -> None:
        self.path = path
        self.known = known
        super().__init__(
            f"{path}: unrecognised format. Known formats: {', '.join(known)}. "
            "See README 'Import formats' for the neutral JSONL/CSV layout."
        )


class ParseError(ThemeResearchError):
    """One malformed record: where it is and why it was skipped."""

    def __init__(self, path: Path | str, line: int, reason: str, source: str = "unknown") -> None:
        self.path = path
        self.line = line
        self.reason = reason
        self.source = source
        super().__init__(f"{path}:{line}: {reason}")


class ThemeNotFoundError(ThemeResearchError):
    """No theme pack of that name, slug or alias."""


class StoreError(ThemeResearchError):
    """The news store cannot be opened or migrated."""
