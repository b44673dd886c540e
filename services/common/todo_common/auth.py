"""JWT verification against the frontend's JWKS, fetched through Dapr and cached."""

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import jwt

log = logging.getLogger(__name__)

# Better Auth signs with Ed25519; anything else (alg "none" included) is refused.
ALLOWED_ALGORITHMS = ("EdDSA",)


class InvalidToken(Exception):
    """The token is missing, malformed, forged, expired or for someone else."""


class ExpiredToken(InvalidToken):
    """The token was good but is past its `exp`: the client should fetch a new one."""


@dataclass(frozen=True)
class AuthenticatedUser:
    id: str
    email: str | None
    name: str | None
    token: str


class JwksCache:
    """Keys by kid. Refreshed after `ttl` seconds, or at once (at most every 10 s) when a
    token names a kid we do not know, so a key rotation needs no restart."""

    def __init__(self, fetch: Callable[[], Awaitable[dict[str, Any]]], ttl: float = 300) -> None:
        self._fetch, self._ttl = fetch, ttl
        self._keys: dict[str, jwt.PyJWK] = {}
        self._fetched_at = 0.0
        self._lock = asyncio.Lock()

    async def _refresh(self) -> None:
        doc = await self._fetch()
        keys: dict[str, jwt.PyJWK] = {}
        for jwk in doc.get("keys", []):
            try:
                keys[str(jwk.get("kid", ""))] = jwt.PyJWK(jwk)
            except jwt.PyJWTError as exc:
                log.warning("ignoring unusable JWK", extra={"kid": jwk.get("kid"), "reason": str(exc)})
        self._keys, self._fetched_at = keys, time.monotonic()

    async def get(self, kid: str) -> jwt.PyJWK:
        age = time.monotonic() - self._fetched_at
        if kid not in self._keys or age > self._ttl:
            async with self._lock:
                age = time.monotonic() - self._fetched_at
                if age > self._ttl or (kid not in self._keys and age > 10):
                    await self._refresh()
        try:
            return self._keys[kid]
        except KeyError:
            raise InvalidToken("unknown signing key") from None


class TokenVerifier:
    """Verifies Better Auth's JWTs. A token that verified is remembered (by its exact text)
    until it expires, so a client's next requests skip the signature check; the cache is
    bounded, oldest entries go first."""

    def __init__(self, jwks: JwksCache, issuer: str, audience: str, cache_size: int = 10_000) -> None:
        self._jwks, self._issuer, self._audience = jwks, issuer, audience
        self._verified: OrderedDict[str, tuple[AuthenticatedUser, float]] = OrderedDict()
        self._cache_size = cache_size

    async def verify(self, token: str) -> AuthenticatedUser:
        cached = self._verified.get(token)
        if cached is not None:
            user, expires_at = cached
            if time.time() < expires_at:
                return user
            del self._verified[token]
        user, expires_at = await self._verify(token)
        self._verified[token] = (user, expires_at)
        if len(self._verified) > self._cache_size:
            self._verified.popitem(last=False)
        return user

    async def _verify(self, token: str) -> tuple[AuthenticatedUser, float]:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise InvalidToken("malformed token") from exc
        if header.get("alg") not in ALLOWED_ALGORITHMS:
            raise InvalidToken(f"algorithm {header.get('alg')!r} is not accepted")
        key = await self._jwks.get(str(header.get("kid", "")))
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=list(ALLOWED_ALGORITHMS),
                audience=self._audience,
                issuer=self._issuer,
                options={"require": ["exp", "sub", "iss", "aud"]},
                leeway=5,
            )
        except jwt.ExpiredSignatureError as exc:
            raise ExpiredToken(str(exc)) from exc
        except jwt.PyJWTError as exc:
            raise InvalidToken(str(exc)) from exc
        sub = claims.get("sub")
        if not isinstance(sub, str) or not sub:
            raise InvalidToken("token has no subject")
        user = AuthenticatedUser(id=sub, email=claims.get("email"), name=claims.get("name"), token=token)
        return user, float(claims["exp"])
