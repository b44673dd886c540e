import httpx
import pytest
from fastapi import APIRouter, FastAPI
from todo_common.auth import AuthenticatedUser
from todo_common.deps import ChatRateLimit, CurrentUser
from todo_common.platform import create_app
from todo_common.ratelimit import Limit, RateLimited, RateLimiter
from todo_common.settings import ServiceSettings

TOKEN = "test-app-token-0123456789"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_allows_the_burst_then_the_rate() -> None:
    clock = Clock()
    limiter = RateLimiter(Limit(rate=2, burst=5), clock=clock)
    for _ in range(5):
        limiter.take("ada")
    with pytest.raises(RateLimited) as refused:
        limiter.take("ada")
    assert refused.value.retry_after == 1
    limiter.take("bob")  # another user has a bucket of their own
    clock.now += 0.5  # one token back at 2/s
    limiter.take("ada")
    with pytest.raises(RateLimited):
        limiter.take("ada")
    clock.now += 60  # refills up to the burst, no further
    for _ in range(5):
        limiter.take("ada")
    with pytest.raises(RateLimited):
        limiter.take("ada")


def test_retry_after_is_whole_seconds_until_the_next_token() -> None:
    clock = Clock()
    limiter = RateLimiter(Limit.per_minute(30, burst=1), clock=clock)
    limiter.take("ada")
    with pytest.raises(RateLimited) as refused:
        limiter.take("ada")
    assert refused.value.retry_after == 2  # 30 a minute: one token every 2 s


def test_least_recently_used_buckets_are_dropped_past_the_bound() -> None:
    clock = Clock()
    limiter = RateLimiter(Limit(rate=1, burst=1), max_keys=2, clock=clock)
    limiter.take("a")
    limiter.take("b")
    limiter.take("c")  # "a" is forgotten: it comes back with a full bucket
    limiter.take("a")
    with pytest.raises(RateLimited):
        limiter.take("c")


def test_a_limit_needs_a_positive_rate_and_burst() -> None:
    with pytest.raises(ValueError):
        RateLimiter(Limit(rate=0, burst=1))
    with pytest.raises(ValueError):
        RateLimiter(Limit(rate=1, burst=0))


router = APIRouter()


@router.get("/api/things")
async def things(user: CurrentUser) -> dict[str, str]:
    return {"user": user.id}


@router.post("/api/chat")
async def chat(user: CurrentUser, _limit: ChatRateLimit) -> dict[str, str]:
    return {"user": user.id}


@pytest.fixture
def app() -> FastAPI:
    settings = ServiceSettings(
        app_api_token=TOKEN,
        app_id="test",
        dapr_http_port=9,
        rate_limit_per_minute=0.06,
        rate_limit_burst=3,
        chat_rate_limit_per_minute=0.01,
        chat_rate_limit_burst=1,
    )
    return create_app(title="t", routers=[router], settings=settings)


class Verifier:
    """Accepts any token and names the user after it."""

    async def verify(self, token: str) -> AuthenticatedUser:
        return AuthenticatedUser(id=token, email=None, name=None, token=token)


async def test_429_with_retry_after_per_user_and_a_smaller_chat_bucket(app: FastAPI) -> None:
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://app", headers={"dapr-api-token": TOKEN}) as c,
    ):
        app.state.platform.verifier = Verifier()
        assert (await c.post("/api/chat", headers={"authorization": "Bearer ada"})).status_code == 200
        r = await c.post("/api/chat", headers={"authorization": "Bearer ada"})
        assert r.status_code == 429
        assert r.json()["error"]["code"] == "rate_limited"
        assert int(r.headers["retry-after"]) >= 1
        # Both chat calls took a token from ada's general bucket (3): one is left.
        assert (await c.get("/api/things", headers={"authorization": "Bearer ada"})).status_code == 200
        r = await c.get("/api/things", headers={"authorization": "Bearer ada"})
        assert r.status_code == 429 and int(r.headers["retry-after"]) > 60
        assert (await c.get("/api/things", headers={"authorization": "Bearer bob"})).status_code == 200


async def test_openapi_declares_the_error_answers_and_405_lists_every_method(app: FastAPI) -> None:
    ops = app.openapi()["paths"]
    chat_post = ops["/api/chat"]["post"]["responses"]
    assert {"200", "401", "429", "503"} <= set(chat_post)
    assert chat_post["429"]["headers"]["Retry-After"]["schema"] == {"type": "integer"}
    assert chat_post["401"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
    assert "HTTPValidationError" not in app.openapi()["components"]["schemas"]
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://app", headers={"dapr-api-token": TOKEN}
    ) as c:
        r = await c.delete("/api/things")
    assert r.status_code == 405
    assert r.headers["allow"] == "GET, HEAD"
    assert r.json()["error"]["code"] == "method_not_allowed"


async def test_options_and_a_405_need_no_bearer_token(app: FastAPI) -> None:
    """The frontend forwards OPTIONS, and asks OPTIONS for a method no route has (TRACE),
    without the user's token: the routing answers both before any credential is read."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://app", headers={"dapr-api-token": TOKEN}
    ) as c:
        options = await c.options("/api/things")
        refused = await c.request("TRACE", "/api/things")
        assert (await c.get("/api/things")).status_code == 401
    assert options.status_code == 204 and options.headers["allow"] == "GET, HEAD, OPTIONS"
    assert refused.status_code == 405 and refused.headers["allow"] == "GET, HEAD"
