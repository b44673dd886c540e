from typing import Any

import httpx
import pytest
from fastapi import APIRouter, FastAPI
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from todo_common.errors import ApiError
from todo_common.platform import create_app
from todo_common.settings import ServiceSettings

TOKEN = "test-app-token-0123456789"
router = APIRouter()


class Body(BaseModel):
    title: str
    count: int


@router.post("/things")
async def make(body: Body) -> dict[str, Any]:
    return body.model_dump()


@router.get("/conflict")
async def conflict() -> None:
    raise ApiError(409, "conflict", "Already there.")


@router.get("/boom")
async def boom() -> None:
    raise RuntimeError("bug")


@router.get("/db-lost")
async def db_lost() -> None:
    raise DBAPIError("SELECT 1", None, OSError("server closed the connection"), connection_invalidated=True)


@router.get("/db-down")
async def db_down() -> None:
    raise OperationalError("connect", None, OSError("connection refused"))


@router.get("/pool-exhausted")
async def pool_exhausted() -> None:
    raise PoolTimeout("QueuePool limit of size 20 overflow 0 reached")


@router.get("/db-bug")
async def db_bug() -> None:
    raise DBAPIError("SELEC 1", None, ValueError("syntax error"))


@pytest.fixture
def app() -> FastAPI:
    settings = ServiceSettings(app_api_token=TOKEN, app_id="test", dapr_http_port=9, max_body_bytes=1000)
    return create_app(title="t", routers=[router], settings=settings)


@pytest.fixture
def client(app: FastAPI) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://app")


async def test_routes_need_the_app_token(client: httpx.AsyncClient) -> None:
    r = await client.post("/things", json={"title": "a", "count": 1})
    assert r.status_code == 401
    assert r.json() == {
        "error": {"code": "unauthorized", "message": "Only the Dapr sidecar may call this app."}
    }
    r = await client.post("/things", json={"title": "a", "count": 1}, headers={"dapr-api-token": "wrong"})
    assert r.status_code == 401
    r = await client.post("/things", json={"title": "a", "count": 1}, headers={"dapr-api-token": TOKEN})
    assert r.status_code == 200 and r.json() == {"title": "a", "count": 1}
    assert r.headers["x-request-id"]


async def test_health_and_metrics_are_open_and_ready_names_the_failing_check(
    client: httpx.AsyncClient,
) -> None:
    async with client:
        for path in ("/health", "/healthz"):
            assert (await client.get(path)).json() == {"status": "ok"}
        assert "http_requests_total" in (await client.get("/metrics")).text


async def test_validation_errors_name_the_fields(client: httpx.AsyncClient) -> None:
    r = await client.post("/things", json={"title": 5, "count": "x"}, headers={"dapr-api-token": TOKEN})
    assert r.status_code == 422
    body = r.json()["error"]
    assert body["code"] == "validation_error"
    assert set(body["fields"]) == {"title", "count"}
    r = await client.post(
        "/things", content=b"{not json", headers={"dapr-api-token": TOKEN, "content-type": "application/json"}
    )
    assert r.status_code == 422


@pytest.mark.parametrize(
    ("body", "where"),
    [
        (b'{"title": "a",', "line 1, column 15"),
        (b'{"title": "a" "count": 1}', "line 1, column 15"),
        (b'{\n  "title": "a",\n  "count": 1,\n}', "line 4, column 1"),
        (b"{not json", "line 1, column 2"),
    ],
)
async def test_broken_json_names_the_body_and_where_it_breaks(
    client: httpx.AsyncClient, body: bytes, where: str
) -> None:
    """Not `fields: {"0": "JSON decode error"}` (the character position as a field name)."""
    r = await client.post(
        "/things", content=body, headers={"dapr-api-token": TOKEN, "content-type": "application/json"}
    )
    assert r.status_code == 422
    message = f"The body is not valid JSON ({where})."
    assert r.json() == {
        "error": {"code": "validation_error", "message": message, "fields": {"body": message}}
    }


async def test_a_405_says_which_methods_the_path_has(client: httpx.AsyncClient) -> None:
    headers = {"dapr-api-token": TOKEN}
    r = await client.put("/things", headers=headers)
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"
    assert r.headers["allow"] == "POST"
    # A route outside the OpenAPI document (health) still names its methods.
    r = await client.post("/health", headers=headers)
    assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD"


async def test_options_lists_only_the_methods_the_path_has(client: httpx.AsyncClient) -> None:
    headers = {"dapr-api-token": TOKEN}
    r = await client.options("/things", headers=headers)
    assert r.status_code == 204 and r.content == b""
    assert r.headers["allow"] == "OPTIONS, POST"
    r = await client.options("/conflict", headers=headers)
    assert r.status_code == 204 and r.headers["allow"] == "GET, HEAD, OPTIONS"
    r = await client.options("/nowhere", headers=headers)
    assert r.status_code == 404 and "allow" not in r.headers


async def test_api_errors_unknown_routes_and_bugs_use_the_error_shape(client: httpx.AsyncClient) -> None:
    headers = {"dapr-api-token": TOKEN}
    assert (await client.get("/conflict", headers=headers)).json()["error"]["code"] == "conflict"
    r = await client.get("/nowhere", headers=headers)
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = await client.get("/boom", headers=headers)
    assert r.status_code == 500
    assert r.json() == {"error": {"code": "internal", "message": "Something went wrong on our side."}}


async def test_bodies_over_the_limit_are_413_with_or_without_content_length(
    client: httpx.AsyncClient,
) -> None:
    headers = {"dapr-api-token": TOKEN, "content-type": "application/json"}
    big = b'{"title": "' + b"x" * 2000 + b'", "count": 1}'
    r = await client.post("/things", content=big, headers=headers)
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"

    async def chunks() -> Any:
        for _ in range(4):
            yield b" " * 400

    r = await client.post("/things", content=chunks(), headers=headers)
    assert r.status_code == 413


async def test_an_unreachable_database_is_503_with_retry_after_and_a_db_bug_is_500(
    client: httpx.AsyncClient,
) -> None:
    for path in ("/db-lost", "/db-down", "/pool-exhausted"):
        lost = await client.get(path, headers={"dapr-api-token": TOKEN})
        assert lost.status_code == 503 and lost.headers["retry-after"] == "1", path
        assert lost.json()["error"]["code"] == "unavailable"
    bug = await client.get("/db-bug", headers={"dapr-api-token": TOKEN})
    assert bug.status_code == 500 and bug.json()["error"]["code"] == "internal"


def test_settling_the_collector_freezes_startup_objects_and_raises_the_thresholds() -> None:
    import gc

    from todo_common.platform import GC_THRESHOLDS, settle_garbage_collector

    before = gc.get_threshold()
    try:
        startup = [[object()] for _ in range(1000)]  # tracked containers built at startup
        settle_garbage_collector()
        assert gc.get_threshold() == GC_THRESHOLDS
        assert gc.get_freeze_count() >= len(startup)
        assert GC_THRESHOLDS[0] > 700  # CPython's default
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_the_app_keeps_idle_sidecar_connections_longer_than_the_sidecar_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The server `run` starts keeps a connection idle for 6 s (past uvicorn's default 5 s)
    open for the next request on it, as daprd reuses idle connections for 90 s."""
    import socket
    import threading
    import time

    import uvicorn
    from todo_common import platform

    options: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: options.update(kwargs))
    platform.run("unused:app")

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]})
        await send({"type": "http.response.body", "body": b"ok"})

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    kwargs = {k: v for k, v in options.items() if k not in ("host", "port")}
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off", **kwargs))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
            request = b"POST / HTTP/1.1\r\nHost: app\r\nContent-Length: 0\r\n\r\n"
            conn.sendall(request)
            assert conn.recv(4096).startswith(b"HTTP/1.1 200")
            time.sleep(6)
            conn.sendall(request)
            assert conn.recv(4096).startswith(b"HTTP/1.1 200"), "the app closed the idle connection"
    finally:
        server.should_exit = True
        thread.join(10)
    assert options["timeout_keep_alive"] > 90
