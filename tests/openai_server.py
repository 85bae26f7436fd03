"""A scripted OpenAI-compatible chat server on 127.0.0.1, for tests that drive the real SDK."""

from __future__ import annotations

import json
import queue
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.loopback import Loopback


@dataclass
class Reply:
    """One scripted answer: a status, a body (a dict is sent as JSON), a delay."""

    body: Any
    status: int = 200
    delay: float = 0.0


@dataclass
class Server:
    url: str
    measure: bool = False
    """Report usage measured from the request and the answer (characters) instead."""
    replies: queue.Queue[Reply] = field(default_factory=queue.Queue)
    requests: list[dict[str, Any]] = field(default_factory=list)

    def answer(
        self,
        content: str,
        prompt_tokens: int = 100,
        completion_tokens: int = 50,
        finish_reason: str = "stop",
    ) -> None:
        body = completion(content, prompt_tokens, completion_tokens, finish_reason)
        self.replies.put(Reply(body))

    def fail(self, status: int, message: str = "boom", code: str | None = None) -> None:
        body = {"error": {"message": message, "type": "error", "code": code}}
        self.replies.put(Reply(body, status=status))


def completion(
    content: str, prompt_tokens: int, completion_tokens: int, finish_reason: str = "stop"
) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": "test-model",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": finish_reason,
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def measured(body: dict[str, Any], request: dict[str, Any]) -> dict[str, Any]:
    """``body`` with its usage replaced by the characters of the prompt and of the answer,
    the answer cut at the request's ``max_tokens`` the way a provider cuts it."""
    prompt = sum(len(m.get("content") or "") for m in request.get("messages", []))
    cap = request.get("max_tokens") or request.get("max_completion_tokens")
    choices = [_cut(c, cap) for c in body.get("choices", [])]
    answer = sum(len(c["message"].get("content") or "") for c in choices)
    usage = {"prompt_tokens": prompt, "completion_tokens": answer, "total_tokens": prompt + answer}
    return {**body, "choices": choices, "usage": usage}


def _cut(choice: dict[str, Any], cap: int | None) -> dict[str, Any]:
    content = choice["message"].get("content") or ""
    if cap is None or len(content) <= cap:
        return choice
    message = {**choice["message"], "content": content[:cap]}
    return {**choice, "message": message, "finish_reason": "length"}


@contextmanager
def serve(measure: bool = False) -> Iterator[Server]:
    """An OpenAI-compatible chat endpoint answering from a queue (500 when it is empty).

    With ``measure``, a scripted answer's usage is one token per character of the request's
    messages and of the answer (the writer's own conservative estimate for Chinese).
    """
    state = Server(url="", measure=measure)

    def answer(handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length", 0))
        body = json.loads(handler.rfile.read(length))
        state.requests.append({"path": handler.path, "body": body})
        try:
            reply = state.replies.get_nowait()
        except queue.Empty:
            reply = Reply({"error": {"message": "no reply scripted"}}, status=500)
        time.sleep(reply.delay)
        answer = reply.body
        if state.measure and isinstance(answer, dict) and "usage" in answer:
            answer = measured(answer, body)
        payload = answer if isinstance(answer, str) else json.dumps(answer)
        data = payload.encode("utf-8")
        try:
            handler.send_response(reply.status)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
        except OSError:  # the client gave up (the timeout test)
            pass

    with Loopback(answer) as server:
        state.url = f"{server.url}/v1"
        yield state
