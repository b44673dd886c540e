"""The FastAPI app every service starts from: logs, errors, the app-token gate, request
ids, metrics, health and readiness, the sidecar client and the JWT verifier."""

import gc
import hmac
import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from todo_common.auth import JwksCache, TokenVerifier
from todo_common.dapr import Dapr
from todo_common.errors import error_response, install_error_handlers
from todo_common.logs import configure_logging, log_security_event, request_id_var, trace_id_var, user_id_var
from todo_common.metrics import LATENCY, REQUESTS
from todo_common.openapi import document_errors
from todo_common.ratelimit import Limit, RateLimiter
from todo_common.settings import ServiceSettings

log = logging.getLogger(__name__)

ReadinessCheck = Callable[[], Awaitable[None]]
OPEN_PATHS = frozenset({"/health", "/healthz", "/ready", "/readyz", "/metrics"})


@dataclass
class Platform:
    """Per-process platform objects, kept on app.state.platform."""

    settings: ServiceSettings
    dapr: Dapr
    verifier: TokenVerifier
    readiness: list[tuple[str, ReadinessCheck]] = field(default_factory=list)
    # Per-user buckets, per replica: every authenticated call, and chat turns.
    limiter: RateLimiter | None = None
    chat_limiter: RateLimiter | None = None


def _trace_id(traceparent: str | None) -> str | None:
    # W3C: version-traceid-parentid-flags
    parts = (traceparent or "").split("-")
    return parts[1] if len(parts) == 4 and len(parts[1]) == 32 else None


class PlatformMiddleware:
    """Pure ASGI (so streaming responses stay streaming): request context, the app token
    check, the body size limit and request metrics."""

    def __init__(self, app: ASGIApp, settings: ServiceSettings) -> None:
        self.app, self.settings = app, settings
        self._token = settings.app_api_token.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        path: str = scope["path"]
        request_id = headers.get("x-request-id") or uuid.uuid4().hex
        tokens = (
            request_id_var.set(request_id),
            trace_id_var.set(_trace_id(headers.get("traceparent"))),
            user_id_var.set(None),
        )
        status_holder = {"status": 500}
        started = time.perf_counter()

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                message.setdefault("headers", [])
                message["headers"].append((b"x-request-id", request_id.encode()))
            await send(message)

        try:
            if path not in OPEN_PATHS and not hmac.compare_digest(
                headers.get("dapr-api-token", "").encode(), self._token
            ):
                log_security_event("missing_app_token", path=path)
                response = error_response(401, "unauthorized", "Only the Dapr sidecar may call this app.")
                await response(scope, receive, send_wrapper)
                return
            length = headers.get("content-length")
            if length and length.isdigit() and int(length) > self.settings.max_body_bytes:
                response = error_response(413, "payload_too_large", "The request body is too large.")
                await response(scope, receive, send_wrapper)
                return
            if headers.get("content-length") or headers.get("transfer-encoding"):
                body = await self._read_body(receive)
                if body is None:
                    response = error_response(413, "payload_too_large", "The request body is too large.")
                    await response(scope, receive, send_wrapper)
                    return
                receive = _replay(body, receive)
            await self.app(scope, receive, send_wrapper)
        finally:
            route = scope.get("route")
            label = getattr(route, "path", None) or ("unmatched" if path not in OPEN_PATHS else path)
            elapsed = time.perf_counter() - started
            REQUESTS.labels(scope["method"], label, str(status_holder["status"])).inc()
            LATENCY.labels(scope["method"], label).observe(elapsed)
            if path not in OPEN_PATHS:
                log.info(
                    "%s %s %s",
                    scope["method"],
                    path,
                    status_holder["status"],
                    extra={"duration_ms": round(elapsed * 1000, 1), "status": status_holder["status"]},
                )
            for var, token in zip((request_id_var, trace_id_var, user_id_var), tokens, strict=True):
                var.reset(token)

    async def _read_body(self, receive: Receive) -> list[Message] | None:
        """The request body, read whole (our bodies are small JSON), or None when it grows
        past the limit: a chunked body has no content-length to check up front."""
        messages: list[Message] = []
        seen = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                return messages
            seen += len(message.get("body", b""))
            if seen > self.settings.max_body_bytes:
                return None
            if not message.get("more_body", False):
                return messages


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replayed() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()  # after the body: wait for the disconnect

    return replayed


def _health_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/health")
    @router.get("/healthz")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/ready")
    @router.get("/readyz")
    async def ready(request: Request) -> Response:
        platform: Platform = request.app.state.platform
        failures: dict[str, str] = {}
        for name, check in platform.readiness:
            try:
                await check()
            except Exception as exc:  # a failed check is an answer, not an error
                failures[name] = str(exc) or type(exc).__name__
        if failures:
            return error_response(503, "unavailable", "Not ready.", failures)
        return JSONResponse({"status": "ready"})

    @router.get("/metrics")
    async def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return router


def create_app(
    *,
    title: str,
    routers: Sequence[APIRouter] = (),
    lifespan: Callable[[FastAPI, Platform], AbstractAsyncContextManager[None]] | None = None,
    settings: ServiceSettings | None = None,
    **fastapi_kwargs: Any,
) -> FastAPI:
    """Build a service app. `lifespan(app, platform)` opens the service's own resources
    (database, background workers) and may add readiness checks to platform.readiness."""
    settings = settings or ServiceSettings()
    configure_logging(settings.app_id, settings.log_level)

    @asynccontextmanager
    async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
        dapr = Dapr(settings)

        async def fetch_jwks() -> dict[str, Any]:
            r = await dapr.invoke(settings.auth_app_id, settings.jwks_method, timeout=5.0)
            r.raise_for_status()
            return dict(r.json())

        verifier = TokenVerifier(
            JwksCache(fetch_jwks, settings.jwks_cache_seconds), settings.jwt_issuer, settings.jwt_audience
        )
        platform = Platform(
            settings=settings,
            dapr=dapr,
            verifier=verifier,
            limiter=RateLimiter(Limit.per_minute(settings.rate_limit_per_minute, settings.rate_limit_burst)),
            chat_limiter=RateLimiter(
                Limit.per_minute(settings.chat_rate_limit_per_minute, settings.chat_rate_limit_burst)
            ),
        )

        async def sidecar() -> None:
            if not await dapr.healthy():
                raise RuntimeError("sidecar not answering")

        platform.readiness.append(("sidecar", sidecar))
        app.state.platform = platform
        log.info("starting", extra={"port": settings.app_port})
        try:
            if lifespan is not None:
                async with lifespan(app, platform):
                    settle_garbage_collector()
                    yield
            else:
                settle_garbage_collector()
                yield
        finally:
            await dapr.close()

    app = FastAPI(title=title, lifespan=_lifespan, **fastapi_kwargs)
    install_error_handlers(app)
    app.include_router(_health_router())
    for router in routers:
        app.include_router(router)
    app.add_middleware(PlatformMiddleware, settings=settings)
    document_errors(app)
    return app


# CPython collects the young generation every 700 net allocations and, every 100 of
# those, may walk every tracked object: FastAPI, pydantic and SQLAlchemy leave hundreds of
# thousands of them after startup. A request allocates thousands of short-lived objects,
# so the collector took 17 % of the task service's CPU under creates (py-spy --native).
GC_THRESHOLDS = (20_000, 20, 20)


def settle_garbage_collector() -> None:
    """Once startup is done: move what startup built out of the collector's sight
    (gc.freeze: it lives as long as the process) and collect the young generation less
    often, so fewer short-lived objects survive into the older ones."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


# How long an idle connection from the sidecar stays open. daprd's app channel is Go's
# http.Transport, which keeps idle connections 90 s; uvicorn's default is 5 s. Closing first,
# the app raced daprd reusing the connection: a POST sent as it closed came back
# "connection reset by peer", which Go does not retry for a POST, and the caller got a 503
# (seen once in 15,000 requests of the load test). Longer than the client's, the client
# always closes first.
KEEP_ALIVE_S = 120


def run(app_path: str) -> None:
    """Entry point of `python -m <service>`: uvicorn on APP_HOST:APP_PORT."""
    import uvicorn

    settings = ServiceSettings()
    uvicorn.run(
        app_path,
        host=settings.app_host,
        port=settings.app_port,
        log_config=None,
        access_log=False,
        proxy_headers=False,
        timeout_keep_alive=KEEP_ALIVE_S,
    )
