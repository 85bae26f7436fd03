"""A loopback server for the feeds read through a library, and the seam that routes to it.

akshare and yfinance make their own requests to their own hard-coded hosts. :func:`route`
patches the two HTTP clients they use, ``requests.Session.request`` (akshare's
``requests.get``) and ``curl_cffi.requests.Session.request`` (akshare's ``stock_news_em``
and yfinance), so each request keeps its path and query but goes to :class:`RouteServer`
on 127.0.0.1. Everything above that seam is the libraries' real code: their parameters,
their JSONP stripping, their cookie and crumb dance, their DataFrames. Nothing here leaves
127.0.0.1; the payloads the tests serve are written in the feeds' real shapes, with
invented text.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit

import pytest

from tests.loopback import Loopback
from theme_research.sources.live import LIVE_SOURCES


@dataclass
class Request:
    """One request as the server saw it."""

    method: str
    path: str
    query: dict[str, str]
    body: bytes
    headers: dict[str, str]


@dataclass
class Reply:
    """What a route answers; ``delay`` seconds first (cut short when the server stops)."""

    body: bytes
    content_type: str = "application/json; charset=utf-8"
    status: int = 200
    delay: float = 0.0


Route = Callable[[Request], Reply]


@dataclass
class RouteServer:
    """A loopback server answering GET and POST by path."""

    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    """Every URL the libraries asked for, before it was routed here."""

    def __post_init__(self) -> None:
        self._stopping = threading.Event()
        self._server = Loopback(self._serve)
        self.url = self._server.url

    def __enter__(self) -> RouteServer:
        self._server.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopping.set()  # slow routes answer now, so abandoned calls end with the test
        self._server.__exit__(*exc)

    def hits(self, path: str) -> list[Request]:
        return [request for request in self.requests if request.path == path]

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        url = urlsplit(handler.path)
        length = int(handler.headers.get("Content-Length") or 0)
        request = Request(
            handler.command,
            url.path,
            dict(parse_qsl(url.query, keep_blank_values=True)),
            handler.rfile.read(length) if length else b"",
            dict(handler.headers),
        )
        self.requests.append(request)
        route = self.routes.get(url.path)
        reply = route(request) if route else Reply(b"<html>Not Found</html>", "text/html", 404)
        if reply.delay:
            self._stopping.wait(reply.delay)
        try:
            handler.send_response(reply.status)
            handler.send_header("Content-Type", reply.content_type)
            handler.send_header("Content-Length", str(len(reply.body)))
            handler.end_headers()
            handler.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up


def route(monkeypatch: pytest.MonkeyPatch, server: RouteServer) -> None:
    """Send every request of ``requests`` and ``curl_cffi`` to ``server``, path and query kept."""
    target = urlsplit(server.url)

    def rewrite(url: str) -> str:
        server.asked.append(url)
        parts = urlsplit(url)
        return urlunsplit((target.scheme, target.netloc, parts.path or "/", parts.query, ""))

    for module in ("requests", "curl_cffi.requests"):
        session = pytest.importorskip(module).Session
        original = session.request

        def via_loopback(
            self: Any, method: str, url: str, *args: Any, _original: Any = original, **kw: Any
        ) -> Any:
            return _original(self, method, rewrite(url), *args, **kw)

        monkeypatch.setattr(session, "request", via_loopback)


@contextmanager
def registry_kept() -> Iterator[None]:
    """Undo what a test registers in ``LIVE_SOURCES`` (optional feeds are registered on use)."""
    saved = dict(LIVE_SOURCES)
    try:
        yield
    finally:
        LIVE_SOURCES.clear()
        LIVE_SOURCES.update(saved)
