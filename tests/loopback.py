"""The one loopback HTTP server the tests' fake endpoints run on: nothing leaves 127.0.0.1.

Each fake endpoint (the feeds' pages, the libraries' routes, static feed files, an
OpenAI-compatible chat API) is a function that answers one request; :class:`Loopback`
serves it on a free port, in a background thread, for the length of a ``with`` block.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Answer = Callable[[BaseHTTPRequestHandler], None]


class Loopback:
    """``answer`` serves every GET and POST on ``http://127.0.0.1:<free port>``."""

    def __init__(self, answer: Answer, *, quiet_errors: bool = False) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                answer(self)

            def do_POST(self) -> None:
                answer(self)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        if quiet_errors:  # a client that hangs up mid-answer is what some tests do
            self.httpd.handle_error = lambda *args: None  # type: ignore[method-assign]
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    def __enter__(self) -> Loopback:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
