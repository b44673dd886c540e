import time
from datetime import datetime, timezone
from types import SimpleNamespace
from typing import Any

import httpx
import jsonschema
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import FastAPI
from jwt.algorithms import OKPAlgorithm
from todo_common.auth import InvalidToken, JwksCache, TokenVerifier
from todo_common.deps import CurrentUser
from todo_common.errors import install_error_handlers
from todo_common.openapi import document_errors

ISS, AUD = "todo-platform", "todo-api"


def _jwk(key: Ed25519PrivateKey, kid: str) -> dict[str, Any]:
    jwk: dict[str, Any] = OKPAlgorithm.to_jwk(key.public_key(), as_dict=True)
    return {**jwk, "kid": kid, "alg": "EdDSA"}


class Keys:
    def __init__(self) -> None:
        self.current = Ed25519PrivateKey.generate()
        self.kid = "k1"
        self.fetches = 0

    async def fetch(self) -> dict[str, Any]:
        self.fetches += 1
        return {"keys": [_jwk(self.current, self.kid)]}

    def token(self, **overrides: Any) -> str:
        claims = {"sub": "user-1", "iss": ISS, "aud": AUD, "exp": int(time.time()) + 60, "email": "a@b.c"}
        claims.update(overrides)
        return jwt.encode(claims, self.current, algorithm="EdDSA", headers={"kid": self.kid})


@pytest.fixture
def keys() -> Keys:
    return Keys()


@pytest.fixture
def verifier(keys: Keys) -> TokenVerifier:
    return TokenVerifier(JwksCache(keys.fetch, ttl=300), ISS, AUD)


async def test_a_valid_token_gives_the_user(keys: Keys, verifier: TokenVerifier) -> None:
    user = await verifier.verify(keys.token())
    assert (user.id, user.email) == ("user-1", "a@b.c")


@pytest.mark.parametrize(
    "overrides",
    [
        {"aud": "someone-else"},
        {"iss": "evil"},
        {"exp": int(time.time()) - 120},
        {"sub": ""},
    ],
)
async def test_wrong_claims_are_refused(
    keys: Keys, verifier: TokenVerifier, overrides: dict[str, Any]
) -> None:
    with pytest.raises(InvalidToken):
        await verifier.verify(keys.token(**overrides))


async def test_missing_exp_is_refused(keys: Keys, verifier: TokenVerifier) -> None:
    token = jwt.encode(
        {"sub": "u", "iss": ISS, "aud": AUD}, keys.current, algorithm="EdDSA", headers={"kid": "k1"}
    )
    with pytest.raises(InvalidToken):
        await verifier.verify(token)


async def test_a_token_signed_by_another_key_is_refused(keys: Keys, verifier: TokenVerifier) -> None:
    forged = jwt.encode(
        {"sub": "u", "iss": ISS, "aud": AUD, "exp": int(time.time()) + 60},
        Ed25519PrivateKey.generate(),
        algorithm="EdDSA",
        headers={"kid": keys.kid},
    )
    with pytest.raises(InvalidToken):
        await verifier.verify(forged)


async def test_alg_none_and_hmac_are_refused(keys: Keys, verifier: TokenVerifier) -> None:
    claims = {"sub": "u", "iss": ISS, "aud": AUD, "exp": int(time.time()) + 60}
    for token in (
        jwt.encode(claims, None, algorithm="none"),
        jwt.encode(claims, "a-shared-secret-that-is-long-enough", algorithm="HS256", headers={"kid": "k1"}),
        "not.a.token",
        "garbage",
    ):
        with pytest.raises(InvalidToken):
            await verifier.verify(token)


async def test_jwks_is_cached_and_refetched_for_an_unknown_kid(keys: Keys, verifier: TokenVerifier) -> None:
    await verifier.verify(keys.token())
    await verifier.verify(keys.token())
    assert keys.fetches == 1
    # Rotation: a new key with a new kid is fetched once the cache is older than 10 s.
    keys.current, keys.kid = Ed25519PrivateKey.generate(), "k2"
    cache = verifier._jwks
    cache._fetched_at -= 11
    await verifier.verify(keys.token())
    assert keys.fetches == 2


async def test_an_unknown_kid_does_not_refetch_more_than_every_10_s(
    keys: Keys, verifier: TokenVerifier
) -> None:
    await verifier.verify(keys.token())
    bogus = jwt.encode({"sub": "u"}, keys.current, algorithm="EdDSA", headers={"kid": "nope"})
    for _ in range(5):
        with pytest.raises(InvalidToken):
            await verifier.verify(bogus)
    assert keys.fetches == 1


class CountingDecode:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        real = jwt.decode

        def decode(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            return real(*args, **kwargs)

        monkeypatch.setattr("todo_common.auth.jwt.decode", decode)


async def test_a_verified_token_is_not_checked_again_until_it_expires(
    keys: Keys, verifier: TokenVerifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    decode = CountingDecode(monkeypatch)
    token = keys.token(exp=int(time.time()) + 60)
    first, second = await verifier.verify(token), await verifier.verify(token)
    assert first == second and decode.calls == 1
    later = time.time() + 61
    monkeypatch.setattr("todo_common.auth.time.time", lambda: later)
    await verifier.verify(token)  # past its exp the cache entry is dropped: verified again
    assert decode.calls == 2


async def test_a_refused_token_is_not_cached(keys: Keys, verifier: TokenVerifier) -> None:
    bad = keys.token(aud="someone-else")
    for _ in range(2):
        with pytest.raises(InvalidToken):
            await verifier.verify(bad)


async def test_the_cache_is_bounded(keys: Keys, monkeypatch: pytest.MonkeyPatch) -> None:
    verifier = TokenVerifier(JwksCache(keys.fetch, ttl=300), ISS, AUD, cache_size=2)
    decode = CountingDecode(monkeypatch)
    tokens = [keys.token(sub=f"user-{i}") for i in range(3)]
    for token in tokens:
        await verifier.verify(token)
    await verifier.verify(tokens[2])  # still cached
    assert decode.calls == 3
    await verifier.verify(tokens[0])  # the oldest was evicted
    assert decode.calls == 4


# The services' JWT check as a client sees it (current_user): RFC 6750's WWW-Authenticate
# on every 401, and an expired token told apart from a bad one (user test: a 15-minute token
# expired mid-script and the 401 only said "not valid").
EXPIRED = "The bearer token has expired; get a new one from GET /api/auth/token."
NOT_VALID = "The bearer token is not valid."


@pytest.fixture
def api(verifier: TokenVerifier) -> httpx.AsyncClient:
    app = FastAPI()
    install_error_handlers(app)
    app.state.platform = SimpleNamespace(verifier=verifier, limiter=None)

    @app.get("/me")
    async def me(user: CurrentUser) -> dict[str, str]:
        return {"id": user.id}

    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://app")


def _bearer(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


def _refused(r: httpx.Response, message: str) -> None:
    assert r.status_code == 401
    assert r.json() == {"error": {"code": "unauthorized", "message": message}}
    assert r.headers["www-authenticate"] == f'Bearer error="invalid_token", error_description="{message}"'


async def test_an_expired_token_is_401_saying_it_expired_and_where_to_get_a_new_one(
    keys: Keys, api: httpx.AsyncClient
) -> None:
    _refused(await api.get("/me", headers=_bearer(keys.token(exp=int(time.time()) - 120))), EXPIRED)


async def test_a_token_that_expires_after_it_was_verified_is_told_the_same(
    keys: Keys, api: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = keys.token(exp=int(time.time()) + 60)
    assert (await api.get("/me", headers=_bearer(token))).status_code == 200
    later = time.time() + 120
    monkeypatch.setattr("todo_common.auth.time.time", lambda: later)
    monkeypatch.setattr("jwt.api_jwt.datetime", _FrozenDatetime(later))
    _refused(await api.get("/me", headers=_bearer(token)), EXPIRED)


class _FrozenDatetime:
    """PyJWT reads the time through datetime.now(tz=timezone.utc)."""

    def __init__(self, at: float) -> None:
        self._at = at

    def now(self, tz: timezone | None = None) -> datetime:
        return datetime.fromtimestamp(self._at, tz)


@pytest.mark.parametrize(
    "overrides",
    [{"aud": "someone-else"}, {"iss": "evil"}, {"sub": ""}],
    ids=["audience", "issuer", "subject"],
)
async def test_a_bad_token_is_401_not_valid_with_www_authenticate(
    keys: Keys, api: httpx.AsyncClient, overrides: dict[str, Any]
) -> None:
    _refused(await api.get("/me", headers=_bearer(keys.token(**overrides))), NOT_VALID)


async def test_garbage_and_forged_tokens_are_401_not_valid_with_www_authenticate(
    keys: Keys, api: httpx.AsyncClient
) -> None:
    forged = jwt.encode(
        {"sub": "u", "iss": ISS, "aud": AUD, "exp": int(time.time()) + 60},
        Ed25519PrivateKey.generate(),
        algorithm="EdDSA",
        headers={"kid": keys.kid},
    )
    for token in ("garbage", "not.a.token", forged, "a b"):
        _refused(await api.get("/me", headers=_bearer(token)), NOT_VALID)


async def test_no_bearer_token_is_401_with_a_plain_challenge(api: httpx.AsyncClient) -> None:
    # RFC 6750 3.1: a request without credentials gets the challenge but no error code.
    for headers in ({}, {"authorization": "Basic dTpw"}, {"authorization": "Bearer "}):
        r = await api.get("/me", headers=headers)
        assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
        assert r.headers["www-authenticate"] == "Bearer"


async def test_a_valid_token_passes(keys: Keys, api: httpx.AsyncClient) -> None:
    r = await api.get("/me", headers=_bearer(keys.token()))
    assert r.status_code == 200 and r.json() == {"id": "user-1"}


async def test_the_openapi_document_declares_the_challenge_every_401_carries(
    keys: Keys, verifier: TokenVerifier
) -> None:
    """Client generators and schemathesis read the 401's WWW-Authenticate from the document;
    both challenges a client can meet match what it declares."""
    app = FastAPI()
    install_error_handlers(app)
    document_errors(app)
    app.state.platform = SimpleNamespace(verifier=verifier, limiter=None)

    @app.get("/api/me")
    async def me(user: CurrentUser) -> dict[str, str]:
        return {"id": user.id}

    declared = app.openapi()["paths"]["/api/me"]["get"]["responses"]["401"]["headers"]["WWW-Authenticate"]
    assert declared["required"] is True
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://app") as api:
        plain = await api.get("/api/me")
        refused = await api.get("/api/me", headers=_bearer(keys.token(exp=int(time.time()) - 120)))
    for r in (plain, refused):
        assert r.status_code == 401
        jsonschema.validate(r.headers["www-authenticate"], declared["schema"])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate("Basic realm=todo", declared["schema"])
