import time
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from jwt.algorithms import OKPAlgorithm
from todo_common.auth import InvalidToken, JwksCache, TokenVerifier

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
