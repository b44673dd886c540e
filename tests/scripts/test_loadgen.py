"""scripts/loadgen.py: the "requests" scenario sends each request's own query string and
records its latency under the request's own label (the search benchmark's per-term
figures), against a small HTTP server on loopback."""

import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import loadgen


@pytest.fixture
def server() -> Iterator[tuple[str, list[tuple[str, dict[str, list[str]], str]]]]:
    seen: list[tuple[str, dict[str, list[str]], str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            seen.append((url.path, parse_qs(url.query), self.headers.get("authorization", "")))
            status = 404 if parse_qs(url.query).get("search") == ["missing"] else 200
            body = b'{"items": []}'
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_each_request_has_its_own_query_and_label(
    server: tuple[str, list[tuple[str, dict[str, list[str]], str]]],
) -> None:
    host, seen = server
    words = ["groceries", "dentist", "missing", "groceries", "dentist", "missing"]
    got = loadgen.run(
        {
            "scenario": "requests",
            "host": host,
            "users": [{"token": "t0"}],
            "op": "search",
            "method": "GET",
            "path": "/api/tasks",
            "requests": len(words),
            "queries": [{"search": w} for w in words],
            "labels": [f"term {w}" for w in words],
        }
    )
    assert [(path, query["search"][0], auth) for path, query, auth in seen] == [
        ("/api/tasks", w, "Bearer t0") for w in words
    ]
    assert {label: len(v) for label, v in got["latencies"].items()} == {
        "term groceries": 2,
        "term dentist": 2,
        "term missing": 2,
    }
    assert got["errors"] == {"term missing": 2}
    assert got["sent"] == len(words)


def test_without_queries_every_request_has_the_plans_params_and_op(
    server: tuple[str, list[tuple[str, dict[str, list[str]], str]]],
) -> None:
    host, seen = server
    got = loadgen.run(
        {
            "scenario": "requests",
            "host": host,
            "users": [{"token": "a"}, {"token": "b"}],
            "op": "list",
            "method": "GET",
            "path": "/api/tasks",
            "params": {"limit": 50},
            "requests": 4,
        }
    )
    assert sorted(q["limit"][0] for _, q, _ in seen) == ["50"] * 4
    assert {auth for *_, auth in seen} == {"Bearer a", "Bearer b"}
    assert list(got["latencies"]) == ["list"] and len(got["latencies"]["list"]) == 4
