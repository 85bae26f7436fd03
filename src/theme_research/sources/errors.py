"""Errors of the live feeds: what failed, at which address, and what to do next.

Every error here is a :class:`SourceError`, so a caller that runs several feeds can catch
one named exception per feed and let the others finish.
"""

from __future__ import annotations

from theme_research.errors import ThemeResearchError


class SourceError(ThemeResearchError):
    """A live feed could not be read.

    ``retryable`` says whether asking again later may help (a cut-off body, a busy server);
    ``get_json`` retries those by itself before giving up.
    """

    retryable = False

    def __init__(self, url: str, reason: str, hint: str = "") -> None:
        self.url = url
        self.reason = reason
        self.hint = hint
        self.attempts = 1
        """Requests made before giving up (set by ``get_json``)."""
        self.retry_after: float | None = None
        """Seconds the server asked to wait (``Retry-After``), if it said."""
        super().__init__(url, reason, hint)

    def __str__(self) -> str:
        tried = f" (gave up after {self.attempts} attempts)" if self.attempts > 1 else ""
        message = f"{self.url}: {self.reason}{tried}"
        return f"{message}. {self.hint}" if self.hint else message


class UpstreamError(SourceError):
    """The server answered with an error status, or could not be reached, after every retry."""

    def __init__(
        self,
        url: str,
        reason: str,
        hint: str = "",
        *,
        status: int | None = None,
        retryable: bool = False,
    ) -> None:
        super().__init__(url, reason, hint)
        self.status = status
        self.retryable = retryable


class PayloadError(SourceError):
    """The server answered, but not with the JSON the feed's web page receives."""


class HtmlInsteadOfJsonError(PayloadError):
    """An HTML page (a block page, a login wall, a moved endpoint) where JSON was expected."""


class TruncatedJsonError(PayloadError):
    """JSON that stops before its end: the transfer was cut off."""

    retryable = True


class EmptyResponseError(PayloadError):
    """A response with no body at all."""

    retryable = True


class UndecodableError(PayloadError):
    """Bytes that are neither UTF-8 nor GB18030 (the superset of GBK and GB2312)."""


class InvalidJsonError(PayloadError):
    """A body that is text but not JSON."""


class UnexpectedShapeError(PayloadError):
    """Valid JSON without the envelope the feed uses (the API changed, or refused the call)."""


class UnknownSourceError(ThemeResearchError):
    """A live feed name that no adapter has registered."""

    def __init__(self, names: list[str], known: list[str]) -> None:
        self.names = names
        self.known = known
        super().__init__(
            f"unknown live source {', '.join(map(repr, names))}; known: {', '.join(known)}"
        )
