"""Live feeds: the contract every adapter follows, and the one careful way to ask for JSON.

An adapter (:class:`LiveSource`) knows one thing: how to ask its feed for one page of
records, newest first, and where the next older page starts. Everything else lives here:
paging back until ``since`` (or the stored cursor) is covered, parsing each record with the
feed's one parser (``sources/cls.py`` …) while keeping the record as delivered in ``raw``,
spotting a feed that repeats itself, and :func:`get_json` with timeouts, retries and typed
errors. The endpoints, retries and cursors are described in ``docs/live-sources.md``.
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from importlib import metadata
from typing import Any, ClassVar, TypeVar

import httpx

from theme_research.errors import ParseError
from theme_research.models import MARKET_TZ, NewsItem
from theme_research.sources.base import RecordFormat
from theme_research.sources.errors import (
    EmptyResponseError,
    HtmlInsteadOfJsonError,
    InvalidJsonError,
    SourceError,
    TruncatedJsonError,
    UndecodableError,
    UnexpectedShapeError,
    UpstreamError,
)


def _version() -> str:
    try:
        return metadata.version("theme-research")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "0"


PRODUCT = f"theme-research/{_version()}"
"""The User-Agent's product token; every request the project makes itself starts with it."""


def user_agent(contact: str = "") -> str:
    """The User-Agent: the product token, plus how to reach whoever runs the fetch.

    It names no project page (there is none to name); an operator who wants feeds to be
    able to reach them sets ``[fetch] contact`` in ``config.toml``::

        user_agent("ops@example.org")  # 'theme-research/0.1.0 (+mailto:ops@example.org)'
        user_agent("https://example.org/bot")  # 'theme-research/0.1.0 (+https://example.org/bot)'
    """
    contact = contact.strip()
    if not contact:
        return PRODUCT
    if "@" in contact and not contact.startswith(("http://", "https://", "mailto:")):
        contact = f"mailto:{contact}"
    return f"{PRODUCT} (+{contact})"


USER_AGENT = user_agent()
"""The User-Agent when no contact is configured (and for clients not made by default_client)."""
CURSOR_OVERLAP = timedelta(minutes=30)
"""How far before the stored cursor a fetch still looks: feeds insert late, back-dated items."""

Sleep = Callable[[float], None]
Params = Mapping[str, str]


@dataclass(frozen=True)
class HttpPolicy:
    """How politely and how stubbornly to ask a feed (seconds throughout)."""

    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    attempts: int = 4
    """Requests per page at most, the first included."""
    backoff: float = 1.0
    """The first retry waits about this long; each later one about twice as long."""
    max_backoff: float = 30.0
    max_retry_after: float = 120.0
    """A ``Retry-After`` longer than this is not waited out: the fetch fails, saying so."""
    page_delay: float = 1.0
    """The pause between two page requests to one feed."""

    @property
    def timeout(self) -> httpx.Timeout:
        return httpx.Timeout(self.read_timeout, connect=self.connect_timeout)


DEFAULT_POLICY = HttpPolicy()


def default_client(policy: HttpPolicy = DEFAULT_POLICY, contact: str | None = None) -> httpx.Client:
    """An ``httpx.Client`` with the project's User-Agent and the policy's timeouts.

    ``contact`` None takes ``[fetch] contact`` from the configuration file.
    """
    agent = user_agent(configured_contact() if contact is None else contact)
    return httpx.Client(
        timeout=policy.timeout, headers={"User-Agent": agent}, follow_redirects=True
    )


def configured_contact() -> str:
    """``[fetch] contact`` from ``config.toml``; empty when unset or the file is unreadable.

    A bad file is not this function's to report: ``fetch`` and ``daily`` read the
    configuration, and say what is wrong with it, before any feed is asked.
    """
    # Imported here: the settings module is the configuration layer above the feeds.
    from theme_research.settings import SettingsError, load_settings

    try:
        return load_settings().fetch.contact
    except SettingsError:
        return ""


def _agent(client: httpx.Client) -> str:
    """The client's User-Agent when it is the project's (it may carry a contact), else ours."""
    given = client.headers.get("User-Agent", "")
    return given if given.startswith(PRODUCT) else USER_AGENT


# --- one JSON request -------------------------------------------------------------------


def get_json(
    client: httpx.Client,
    url: str,
    params: Params | None = None,
    *,
    headers: Mapping[str, str] | None = None,
    policy: HttpPolicy = DEFAULT_POLICY,
    sleep: Sleep = time.sleep,
    jitter: Callable[[], float] = random.random,
) -> Any:
    """GET ``url`` and return its JSON, retrying what a later attempt may fix.

    Timeouts, connection failures, HTTP 429 and 5xx, empty and cut-off bodies are retried
    up to ``policy.attempts`` times with exponential backoff and jitter; a ``Retry-After``
    header is honoured. Anything else fails at once. Raises a :class:`SourceError`
    subclass saying what came back (HTML, truncated JSON, bytes in no known encoding …).

    Example::

        with default_client() as client:
            payload = get_json(client, "https://api.readhub.cn/topic/list", {"page": "1"})
    """
    sent = {"User-Agent": _agent(client), "Accept": "application/json, text/plain, */*"}
    sent.update(headers or {})

    def attempt() -> Any:
        response, shown = _get_once(client, url, params, sent, policy)
        return parse_json_body(response.content, response.headers.get("content-type", ""), shown)

    return _with_retries(attempt, policy, sleep, jitter)


def get_bytes(
    client: httpx.Client,
    url: str,
    params: Params | None = None,
    *,
    headers: Mapping[str, str] | None = None,
    policy: HttpPolicy = DEFAULT_POLICY,
    sleep: Sleep = time.sleep,
    jitter: Callable[[], float] = random.random,
) -> tuple[bytes, str]:
    """GET ``url`` and return its body and ``Content-Type``, retrying as :func:`get_json` does.

    For feeds that are not JSON (RSS and Atom): the same timeouts, retries and typed errors;
    an empty body is an :class:`EmptyResponseError` (retried).
    """
    sent = {"User-Agent": _agent(client), "Accept": "*/*"}
    sent.update(headers or {})

    def attempt() -> tuple[bytes, str]:
        response, shown = _get_once(client, url, params, sent, policy)
        if not response.content.strip():
            raise EmptyResponseError(shown, "empty response body", "the feed may be briefly down")
        return response.content, response.headers.get("content-type", "")

    return _with_retries(attempt, policy, sleep, jitter)


T = TypeVar("T")


def _with_retries(
    attempt: Callable[[], T], policy: HttpPolicy, sleep: Sleep, jitter: Callable[[], float]
) -> T:
    for number in range(1, policy.attempts + 1):
        try:
            return attempt()
        except SourceError as exc:
            exc.attempts = number
            if not exc.retryable or number == policy.attempts:
                raise
            sleep(_retry_delay(exc, number, policy, jitter))
    raise AssertionError("unreachable: the last attempt returns or raises")


def _get_once(
    client: httpx.Client,
    url: str,
    params: Params | None,
    headers: Mapping[str, str],
    policy: HttpPolicy,
) -> tuple[httpx.Response, str]:
    shown = str(httpx.URL(url, params=dict(params or {})))
    try:
        response = client.get(url, params=params, headers=headers, timeout=policy.timeout)
    except httpx.TimeoutException as exc:
        raise UpstreamError(shown, f"timed out ({type(exc).__name__})", retryable=True) from exc
    except httpx.TransportError as exc:
        raise UpstreamError(shown, f"connection failed: {exc!r}", retryable=True) from exc
    _check_status(response, shown)
    return response, shown


_STATUS_HINTS = {
    401: "the feed now wants a login or a signature; see docs/live-sources.md",
    403: "the feed refused this client (blocked, or it now wants a signature or cookie); "
    "see docs/live-sources.md",
    404: "the endpoint has moved; see docs/live-sources.md for the address in use",
}


def _check_status(response: httpx.Response, url: str) -> None:
    status = response.status_code
    if 200 <= status < 300:
        return
    if status == 429 or status >= 500:
        error = UpstreamError(url, f"HTTP {status}", status=status, retryable=True)
        error.retry_after = parse_retry_after(response.headers.get("retry-after"))
        raise error
    raise UpstreamError(url, f"HTTP {status}", _STATUS_HINTS.get(status, ""), status=status)


def _retry_delay(
    error: SourceError, attempt: int, policy: HttpPolicy, jitter: Callable[[], float]
) -> float:
    wanted = error.retry_after
    if wanted is not None:
        if wanted > policy.max_retry_after:
            raise UpstreamError(
                error.url,
                f"rate limited: the server asks to wait {wanted:.0f}s",
                f"that is longer than {policy.max_retry_after:.0f}s; run the fetch again later",
                status=429,
            ) from error
        return wanted
    ceiling = min(policy.max_backoff, policy.backoff * 2.0 ** (attempt - 1))
    return ceiling / 2 + jitter() * ceiling / 2  # "equal jitter": never 0, never in step


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date), else None."""
    if not value or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_GB_NAMES = {"gbk", "gb2312", "gb_2312-80", "gb18030", "x-gbk", "cp936", "euc-cn"}


def parse_json_body(body: bytes, content_type: str, url: str) -> Any:
    """Decode and parse a response body, naming what is wrong with it when it is not JSON."""
    if not body.strip():
        raise EmptyResponseError(url, "empty response body", "the feed may be briefly down")
    text = _decode(body, content_type, url).strip()
    if "html" in content_type.lower() or text.startswith("<"):
        raise HtmlInsteadOfJsonError(
            url,
            f"got an HTML page instead of JSON ({_snippet(text)})",
            "the site may be blocking automated requests or the endpoint moved; "
            "open the address in a browser",
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text):
            raise TruncatedJsonError(url, f"JSON cut off after {len(body)} bytes") from exc
        raise InvalidJsonError(
            url, f"not JSON: {exc.msg} at character {exc.pos} ({_snippet(text)})"
        ) from exc


def _decode(body: bytes, content_type: str, url: str) -> str:
    """The declared charset, then UTF-8, then GB18030 (the superset of GBK and GB2312).

    Chinese feeds still serve GBK now and then, sometimes labelled as UTF-8.
    """
    names: list[str] = []
    declared = _CHARSET.search(content_type)
    if declared:
        name = declared.group(1).lower()
        names.append("gb18030" if name in _GB_NAMES else name)
    names += ["utf-8", "gb18030"]
    for name in dict.fromkeys("utf-8-sig" if n in ("utf-8", "utf8") else n for n in names):
        try:
            return body.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    raise UndecodableError(
        url,
        "the body is neither UTF-8 nor GBK/GB18030 text",
        "the feed may be sending compressed or binary data",
    )


def _snippet(text: str, size: int = 60) -> str:
    flat = " ".join(text[:size].split())
    return repr(flat + ("…" if len(text) > size else ""))


def envelope(payload: Any, url: str, *path: str) -> list[Any]:
    """The record list at ``path`` in a response (``data.roll_data`` …); ``null`` is empty.

    Raises :class:`UnexpectedShapeError` naming the missing key and any message the feed
    sent along (feeds answer refusals with HTTP 200 and an error code in the JSON).
    """
    node = payload
    for depth, key in enumerate(path):
        if not isinstance(node, dict) or key not in node:
            where = ".".join(path[: depth + 1])
            raise UnexpectedShapeError(
                url,
                f"no '{where}' in the response{_feed_message(payload)}",
                "the feed's API may have changed; see docs/live-sources.md",
            )
        node = node[key]
    if node is None:
        return []
    if not isinstance(node, list):
        raise UnexpectedShapeError(
            url, f"'{'.'.join(path)}' is a {type(node).__name__}, expected a list"
        )
    return node


def _feed_message(payload: Any) -> str:
    if not isinstance(payload, dict):
        return f" (got a {type(payload).__name__})"
    said = {k: payload[k] for k in ("code", "errno", "msg", "message", "error") if k in payload}
    return f" (the feed said {json.dumps(said, ensure_ascii=False)})" if said else ""


# --- paging a feed ----------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """One page of a feed, newest first, and the token asking for the next older page."""

    records: list[Any]
    next_token: str | None


@dataclass
class FetchResult:
    """What one fetch of one feed brought back.

    ``stopped`` says why paging ended: ``since`` or ``cursor`` (covered back to it), ``end``
    (the feed has nothing older: an empty page, or a paging token that stopped moving),
    ``repeat`` (the feed served the same page twice more), ``max_pages``. Only the first
    three are ``complete``; an incomplete fetch returns the cursor it was given, so the next
    fetch looks as far back again.
    """

    source: str
    items: list[NewsItem]
    cursor: str | None
    pages: int
    problems: list[ParseError]
    stopped: str

    @property
    def complete(self) -> bool:
        return self.stopped in ("since", "cursor", "end")


@dataclass
class _Run:
    since: datetime
    items: list[NewsItem] = field(default_factory=list)
    problems: list[ParseError] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    bad_seen: set[str] = field(default_factory=set)
    pages: int = 0
    stopped: str = "max_pages"

    def add(self, fresh: list[NewsItem], problems: list[tuple[str, ParseError]]) -> None:
        """Keep the new items after ``since``, and each malformed record's first report."""
        self.seen.update(item.key for item in fresh)
        self.items += [item for item in fresh if item.published_at > self.since]
        for text, problem in problems:
            if text not in self.bad_seen:  # pages overlap: report a bad record once
                self.bad_seen.add(text)
                self.problems.append(problem)


class LiveSource(ABC):
    """A live feed. Subclasses set the class attributes and implement :meth:`fetch_page`.

    ``base_url`` is the feed's host; ``$THEME_RESEARCH_<NAME>_URL`` or the ``base_url``
    argument replaces it (a mirror, a proxy, a test server). ``sleep``, ``clock`` and
    ``jitter`` are injected so tests never wait and never read the wall clock.
    """

    name: ClassVar[str]
    title: ClassVar[str]
    record_format: ClassVar[RecordFormat]
    referer: ClassVar[str] = ""
    default_page_size: ClassVar[int] = 50
    base_url: str = ""

    def __init__(
        self,
        *,
        base_url: str | None = None,
        page_size: int | None = None,
        policy: HttpPolicy = DEFAULT_POLICY,
        sleep: Sleep = time.sleep,
        clock: Callable[[], float] = time.time,
        jitter: Callable[[], float] = random.random,
        max_pages: int = 200,
    ) -> None:
        chosen = base_url or os.environ.get(self.env_var()) or type(self).base_url
        self.base_url = chosen.rstrip("/")
        self.page_size = page_size or self.default_page_size
        self.policy = policy
        self.sleep = sleep
        self.clock = clock
        self.jitter = jitter
        self.max_pages = max_pages

    @classmethod
    def env_var(cls) -> str:
        """The environment variable that replaces this feed's base URL."""
        return f"THEME_RESEARCH_{cls.name.upper()}_URL"

    @abstractmethod
    def fetch_page(self, client: httpx.Client, token: str | None) -> Page:
        """One page of records, newest first; ``token`` None asks for the newest page."""

    def normalise(self, record: dict[str, Any]) -> dict[str, Any]:
        """The record as the feed's parser expects it (the identity unless overridden)."""
        return record

    def get(self, client: httpx.Client, path: str, params: Params) -> Any:
        """:func:`get_json` on this feed's host, with its Referer and this source's policy."""
        headers = {"Referer": self.referer} if self.referer else {}
        return get_json(
            client,
            self.base_url + path,
            params,
            headers=headers,
            policy=self.policy,
            sleep=self.sleep,
            jitter=self.jitter,
        )

    def fetch(self, client: httpx.Client, since: datetime, cursor: str | None) -> FetchResult:
        """Page back from the newest record until ``since`` or the cursor is covered.

        Items published at or before ``since`` are left out. With a cursor (the newest
        time stored by the last complete fetch) paging stops at the cursor less
        :data:`CURSOR_OVERLAP` when that is later than ``since``.

        Example::

            with default_client() as client:
                result = ClsLive().fetch(client, since=yesterday, cursor=None)
        """
        since = since if since.tzinfo else since.replace(tzinfo=MARKET_TZ)
        bound, bound_kind = _bound(since, cursor)
        run = _Run(since=since)
        token: str | None = None
        previous: set[str] = set()
        repeated = False
        while run.pages < self.max_pages:
            if run.pages and self.policy.page_delay:
                self.sleep(self.policy.page_delay)
            page = self.fetch_page(client, token)
            run.pages += 1
            if not page.records:
                run.stopped = "end"
                break
            parsed, problems = self._parse_page(page.records, run.pages)
            keys = {item.key for item in parsed}
            if keys and keys == previous:  # the last page again: ask once more, then give up
                if repeated:
                    run.stopped = "repeat"
                    break
                repeated = True
                continue
            previous, repeated = keys, False
            run.add([item for item in parsed if item.key not in run.seen], problems)
            if parsed and min(item.published_at for item in parsed) <= bound:
                run.stopped = bound_kind
                break
            if page.next_token is None or page.next_token == token:
                run.stopped = "end"
                break
            token = page.next_token
        return self._result(run, cursor)

    def _parse_page(
        self, records: list[Any], page: int
    ) -> tuple[list[NewsItem], list[tuple[str, ParseError]]]:
        items: list[NewsItem] = []
        problems: list[tuple[str, ParseError]] = []
        where = f"{self.name} page {page}"
        for number, record in enumerate(records, start=1):
            parsed = self.parse_record(record, where, number)
            if isinstance(parsed, ParseError):
                problems.append((json.dumps(record, sort_keys=True, default=str), parsed))
            else:
                items.append(parsed)
        return items, problems

    def parse_record(self, record: Any, where: str, number: int) -> NewsItem | ParseError:
        """Parse one record with the feed's parser, keeping it as delivered in ``raw``."""
        fmt = self.record_format
        if not isinstance(record, dict):
            reason = f"expected an object, got {type(record).__name__}"
            return ParseError(where, number, reason, fmt.name)
        raw = json.dumps(record, ensure_ascii=False)
        try:
            return replace(fmt.parse(self.normalise(record)), raw=raw)
        except KeyError as exc:
            return ParseError(where, number, f"missing field {exc}", fmt.name)
        except (ValueError, TypeError, SyntaxError) as exc:
            return ParseError(where, number, str(exc), fmt.name)

    def _result(self, run: _Run, cursor: str | None) -> FetchResult:
        new_cursor = cursor
        if run.stopped in ("since", "cursor", "end") and run.items:
            newest = max(item.published_at for item in run.items)
            previous = cursor_time(cursor)
            if previous is None or newest > previous:
                new_cursor = newest.astimezone(MARKET_TZ).isoformat()
        return FetchResult(
            source=self.name,
            items=run.items,
            cursor=new_cursor,
            pages=run.pages,
            problems=run.problems,
            stopped=run.stopped,
        )


def cursor_time(cursor: str | None) -> datetime | None:
    """The time a stored cursor stands for; None when absent or unreadable (then ignored)."""
    if not cursor:
        return None
    try:
        parsed = datetime.fromisoformat(cursor)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=MARKET_TZ)


def _bound(since: datetime, cursor: str | None) -> tuple[datetime, str]:
    stored = cursor_time(cursor)
    if stored is not None and stored - CURSOR_OVERLAP > since:
        return stored - CURSOR_OVERLAP, "cursor"
    return since, "since"


# --- the registry -----------------------------------------------------------------------

LIVE_SOURCES: dict[str, type[LiveSource]] = {}
"""Every live feed by name; each adapter module registers its class with :func:`register`."""

S = TypeVar("S", bound=type[LiveSource])


def register(source: S) -> S:
    """Class decorator adding a :class:`LiveSource` to :data:`LIVE_SOURCES`."""
    LIVE_SOURCES[source.name] = source
    return source


# The adapters import this module for LiveSource and register, so they come last.
from theme_research.sources import (  # noqa: E402
    cls_live,
    eastmoney_live,
    readhub_live,
    rss_live,
    ths_live,
)

__all__ = [
    "DEFAULT_POLICY",
    "LIVE_SOURCES",
    "PRODUCT",
    "USER_AGENT",
    "FetchResult",
    "HttpPolicy",
    "LiveSource",
    "Page",
    "cls_live",
    "configured_contact",
    "default_client",
    "eastmoney_live",
    "envelope",
    "get_bytes",
    "get_json",
    "parse_json_body",
    "parse_retry_after",
    "readhub_live",
    "register",
    "rss_live",
    "ths_live",
    "user_agent",
]
