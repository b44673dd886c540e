"""Abuse through the real stack, endpoint by endpoint. The endpoints come from each service's
OpenAPI document (GET /openapi.json on the app), never from a hand-written list: a new
endpoint is covered, or fails a test until it is.

- Another user's ids: 404 not_found on every public operation that takes one.
- No, garbage, expired, forged, alg-none, tampered, wrong-audience tokens: 401 unauthorized
  with the API error shape, on every public operation, through the public API.
- An app called without the app token: 401 on every operation, internal ones included.
- An app-id the target's access control does not name for an operation: 403 from Dapr.
- Oversized bodies: 413 payload_too_large, through the public API and at the service.
- The per-user rate limit: 429 rate_limited with Retry-After, for one user only."""

import asyncio
import json
import re
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import jwt
import pytest
import yaml
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.integration.conftest import (
    APPS,
    FRONTEND,
    ROOT,
    User,
    app_direct,
    psql,
    sidecar,
    sign_up,
)

PUBLIC_APPS = ("task-service", "chat-service", "recurring-service", "notification-service", "audit-service")
CALLERS = ("frontend", *PUBLIC_APPS)


def _schemas() -> dict[str, dict[str, Any]]:
    token = json.loads((ROOT / ".run" / "secrets.json").read_text())["app-api-token"]
    docs = {}
    for app_id in PUBLIC_APPS:
        r = httpx.get(f"http://127.0.0.1:{APPS[app_id]}/openapi.json", headers={"dapr-api-token": token})
        r.raise_for_status()
        docs[app_id] = r.json()
    return docs


@pytest.fixture(scope="module")
def schemas() -> dict[str, dict[str, Any]]:
    return _schemas()


def operations(
    schemas: dict[str, dict[str, Any]], prefix: str = "/api/"
) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(app_id, METHOD, path template, operation) of every documented operation."""
    for app_id, doc in schemas.items():
        for path, item in doc["paths"].items():
            if path.startswith(prefix):
                for method, op in item.items():
                    yield app_id, method.upper(), path, op


def fill(path: str, value: str = "x") -> str:
    return re.sub(r"\{[^}]+\}", value, path)


def is_error(r: httpx.Response, status: int, code: str) -> None:
    assert r.status_code == status, (r.request.method, r.request.url, r.status_code, r.text[:300])
    body = r.json()
    assert set(body) == {"error"}, body
    assert body["error"]["code"] == code, body
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


# -- another user's ids -------------------------------------------------------------------
# A valid body for the operations that need one, so that only the id can be refused.
SNOOZE = {"minutes": 10}


async def _resources(owner: User, secrets: dict[str, str]) -> dict[str, str]:
    """One of each resource the public API names by id, owned by `owner`: {param: id}."""
    r = await owner.client.post(
        "/api/tasks",
        json={"title": "Owner's task", "remind_at": (datetime.now(UTC) - timedelta(seconds=5)).isoformat()},
    )
    assert r.status_code == 201, r.text
    task_id = r.json()["id"]
    r = await owner.client.post("/api/chat", json={"message": "add buy milk"})
    assert r.status_code == 200, r.text
    conversation_id = r.json()["conversation_id"]
    # The reminder is already due: wake the scan instead of waiting for the cron binding.
    notification_id = None
    deadline = time.monotonic() + 30
    while notification_id is None:
        async with app_direct("notification-service") as c:
            await c.post("/reminder-cron", headers={"dapr-api-token": secrets["app-api-token"]}, timeout=60)
        items = (await owner.client.get("/api/notifications")).json()["items"]
        notification_id = next((n["id"] for n in items if n["task_id"] == task_id), None)
        assert time.monotonic() < deadline, "no notification for the owner's due reminder"
        if notification_id is None:
            await asyncio.sleep(1)
    return {"task_id": task_id, "conversation_id": conversation_id, "notification_id": notification_id}


async def test_every_operation_with_another_users_id_is_not_found(
    schemas: dict[str, dict[str, Any]], user: User, other_user: User, secrets: dict[str, str]
) -> None:
    ids = await _resources(user, secrets)
    checked = []
    for _app_id, method, path, _op in operations(schemas):
        path_params = re.findall(r"\{([^}]+)\}", path)
        if not path_params:
            continue
        # Every id the public API takes must be one we can make a resource for.
        assert set(path_params) <= set(ids), f"{method} {path}: no resource for {path_params}"
        url = path
        for name in path_params:
            url = url.replace("{" + name + "}", ids[name])
        body = {"title": "Not yours"} if method == "PATCH" else SNOOZE if path.endswith("/snooze") else None
        r = await other_user.client.request(method, url, json=body)
        is_error(r, 404, "not_found")
        checked.append(f"{method} {path}")
    assert len(checked) >= 8, checked
    assert "POST /api/notifications/{notification_id}/snooze" in checked

    # Ids in a body or a query: a turn in someone else's conversation, their task's activity.
    r = await other_user.client.post(
        "/api/chat", json={"message": "hello", "conversation_id": ids["conversation_id"]}
    )
    is_error(r, 404, "not_found")
    r = await other_user.client.get("/api/activity", params={"task_id": ids["task_id"]})
    assert r.status_code == 200 and r.json()["items"] == []

    # Nothing of the owner's changed or disappeared.
    r = await user.client.get(f"/api/tasks/{ids['task_id']}")
    assert r.status_code == 200 and r.json()["title"] == "Owner's task" and r.json()["completed"] is False
    r = await user.client.get(f"/api/conversations/{ids['conversation_id']}/messages")
    assert r.status_code == 200 and len(r.json()["items"]) == 2
    items = (await user.client.get("/api/notifications")).json()["items"]
    assert [n["read"] for n in items if n["id"] == ids["notification_id"]] == [False]
    async with sidecar("notification-service", secrets) as dapr:  # the snooze scheduled nothing
        r = await dapr.get(f"/v1.0-alpha1/jobs/snooze-{ids['notification_id']}")
        assert r.status_code != 200 and "job not found" in r.text, r.text
    rows = psql(secrets, "tasks-db-url", f"SELECT count(*) FROM tasks WHERE user_id = '{other_user.id}'")
    assert rows == [["0"]]


# -- tokens --------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    import base64

    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign_with_the_real_key(secrets: dict[str, str], claims: dict[str, Any]) -> str:
    """A token signed with Better Auth's own current key (frontend/node_modules does it)."""
    row = psql(
        secrets,
        "auth-db-url",
        'SELECT id, "privateKey" FROM jwks ORDER BY "createdAt" DESC LIMIT 1',
    )[0]
    script = (ROOT / "tests" / "integration" / "sign_jwt.mjs").read_text()
    payload = {"secret": secrets["better-auth-secret"], "kid": row[0], "privateKey": row[1], "claims": claims}
    out = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        cwd=ROOT / "frontend",
        env={"PATH": "/usr/local/bin:/usr/bin:/bin", "SIGN_JWT_INPUT": json.dumps(payload)},
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


def bad_tokens(user: User, secrets: dict[str, str]) -> dict[str, str]:
    header = jwt.get_unverified_header(user.token)
    claims = jwt.decode(user.token, options={"verify_signature": False})
    now = int(time.time())
    head, _, sig = user.token.split(".")
    return {
        "garbage": "garbage",
        "three-dots": "a.b.c",
        "expired": sign_with_the_real_key(secrets, dict(claims, iat=now - 7200, exp=now - 3600)),
        "wrong-audience": sign_with_the_real_key(secrets, dict(claims, aud="someone-else")),
        "wrong-issuer": sign_with_the_real_key(secrets, dict(claims, iss="someone-else")),
        "no-subject": sign_with_the_real_key(secrets, {k: v for k, v in claims.items() if k != "sub"}),
        "forged": jwt.encode(
            claims, Ed25519PrivateKey.generate(), algorithm="EdDSA", headers={"kid": header["kid"]}
        ),
        "alg-none": f"{_b64(json.dumps({'alg': 'none', 'typ': 'JWT', 'kid': header['kid']}).encode())}"
        f".{_b64(json.dumps(claims).encode())}.",
        "alg-HS256": jwt.encode(
            claims, "not-the-signing-key-" * 4, algorithm="HS256", headers={"kid": header["kid"]}
        ),
        "tampered": f"{head}.{_b64(json.dumps(dict(claims, sub='someone-else')).encode())}.{sig}",
    }


async def test_the_real_key_signs_a_token_that_is_accepted(user: User, secrets: dict[str, str]) -> None:
    # The control for the signed bad tokens below: same signer, valid claims, accepted.
    claims = jwt.decode(user.token, options={"verify_signature": False})
    good = sign_with_the_real_key(secrets, claims)
    async with httpx.AsyncClient(base_url=FRONTEND, timeout=30) as c:
        r = await c.get("/api/tasks", headers={"authorization": f"Bearer {good}"})
    assert r.status_code == 200, r.text


async def test_every_public_operation_refuses_missing_and_bad_tokens(
    schemas: dict[str, dict[str, Any]], user: User, secrets: dict[str, str]
) -> None:
    tokens = bad_tokens(user, secrets)
    count = 0
    async with httpx.AsyncClient(base_url=FRONTEND, timeout=30) as public:
        for _app_id, method, path, _op in operations(schemas):
            url = fill(path)
            # No token at all: the frontend refuses before forwarding.
            is_error(await public.request(method, url, json={}), 401, "unauthorized")
            for name, token in tokens.items():
                r = await public.request(method, url, json={}, headers={"authorization": f"Bearer {token}"})
                assert r.status_code == 401, (name, method, path, r.text[:200])
                is_error(r, 401, "unauthorized")
                count += 1
    assert count >= 15 * len(tokens)


async def test_services_verify_tokens_themselves_behind_the_frontend(
    schemas: dict[str, dict[str, Any]], user: User, secrets: dict[str, str]
) -> None:
    # Straight at each service through the frontend's sidecar, past the frontend's checks.
    tokens = bad_tokens(user, secrets)
    async with sidecar("frontend", secrets) as dapr:
        for app_id, method, path, _op in operations(schemas):
            url = f"/v1.0/invoke/{app_id}/method{fill(path)}"
            is_error(await dapr.request(method, url, json={}), 401, "unauthorized")
            for name in ("expired", "alg-none", "forged", "wrong-audience"):
                r = await dapr.request(
                    method, url, json={}, headers={"authorization": f"Bearer {tokens[name]}"}
                )
                assert r.status_code == 401, (name, app_id, method, path, r.text[:200])
                is_error(r, 401, "unauthorized")


# -- the app token: only the sidecar may call an app --------------------------------------


async def test_every_operation_of_every_app_refuses_a_call_without_the_app_token(
    schemas: dict[str, dict[str, Any]],
) -> None:
    count = 0
    for app_id, method, path, _op in operations(schemas, prefix="/"):
        async with app_direct(app_id) as c:
            for headers in ({}, {"dapr-api-token": "not-the-token"}):
                r = await c.request(method, fill(path), json={}, headers=headers)
                is_error(r, 401, "unauthorized")
                count += 1
    for app_id in PUBLIC_APPS:
        async with app_direct(app_id) as c:
            # Routes outside the OpenAPI document: subscriptions, bindings, the document itself.
            for method, path in (
                ("POST", "/events/task"),
                ("POST", "/reminder-cron"),
                ("GET", "/openapi.json"),
            ):
                is_error(await c.request(method, path, json={}), 401, "unauthorized")
            # Probes and metrics stay open (the kubelet and Prometheus call them directly).
            for path in ("/health", "/healthz", "/ready", "/readyz", "/metrics"):
                assert (await c.get(path)).status_code == 200, (app_id, path)
    assert count >= 2 * 20


# -- access control ------------------------------------------------------------------------


def _policies() -> dict[str, dict[str, list[str]]]:
    """{target app-id: {caller app-id: [operation name patterns]}} from config/<app>.yaml."""
    out: dict[str, dict[str, list[str]]] = {}
    for app_id in PUBLIC_APPS:
        spec = yaml.safe_load((ROOT / "config" / f"{app_id}.yaml").read_text())["spec"]["accessControl"]
        assert spec["defaultAction"] == "deny"
        out[app_id] = {
            p["appId"]: [o["name"] for o in p.get("operations", []) if o["action"] == "allow"]
            for p in spec.get("policies", [])
        }
    return out


def _allowed(patterns: list[str], path: str) -> bool:
    for pattern in patterns:
        if pattern.endswith("/**") and (path + "/").startswith(pattern[:-2]):
            return True
        if pattern == path:
            return True
    return False


async def test_callers_the_access_control_does_not_name_are_refused_by_dapr(
    schemas: dict[str, dict[str, Any]], secrets: dict[str, str]
) -> None:
    policies = _policies()
    refused = 0
    clients = {caller: sidecar(caller, secrets) for caller in CALLERS}
    try:
        for app_id, method, path, _op in operations(schemas, prefix="/"):
            url = fill(path)
            for caller in CALLERS:
                if caller == app_id or _allowed(policies[app_id].get(caller, []), url):
                    continue
                r = await clients[caller].request(method, f"/v1.0/invoke/{app_id}/method{url}", json={})
                assert r.status_code == 403, (caller, app_id, method, path, r.text[:200])
                assert "access control policy has denied access" in r.text
                assert f"spiffe://public/ns/default/{caller}" in r.text
                refused += 1
    finally:
        for c in clients.values():
            await c.aclose()
    # The frontend may not reach internal endpoints; no service may call chat or audit.
    assert refused >= 60


# -- oversized bodies ----------------------------------------------------------------------


async def test_oversized_bodies_are_413_on_every_operation_that_takes_one(
    schemas: dict[str, dict[str, Any]], user: User, secrets: dict[str, str]
) -> None:
    big = b'{"title": "' + b"x" * (1024 * 1024) + b'"}'
    count = 0
    async with sidecar("frontend", secrets) as dapr:
        for app_id, method, path, op in operations(schemas):
            if "requestBody" not in op:
                continue
            headers = {"authorization": f"Bearer {user.token}", "content-type": "application/json"}
            # Through the public API: the frontend refuses it without forwarding.
            r = await user.client.request(method, fill(path), content=big, headers=headers)
            is_error(r, 413, "payload_too_large")
            # At the service itself, through the sidecar (the frontend's check bypassed).
            url = f"/v1.0/invoke/{app_id}/method{fill(path)}"
            is_error(await dapr.request(method, url, content=big, headers=headers), 413, "payload_too_large")
            count += 1
    assert count >= 3

    # A chunked body has no length to check up front: it is cut off once it grows too large.
    async def chunks() -> Any:
        for _ in range(20):
            yield b"x" * 65536

    async with app_direct("task-service") as c:
        r = await c.post(
            "/api/tasks",
            content=chunks(),
            headers={"dapr-api-token": secrets["app-api-token"], "authorization": f"Bearer {user.token}"},
        )
    is_error(r, 413, "payload_too_large")


# -- per-user rate limit -------------------------------------------------------------------


def _limits() -> dict[str, float]:
    env = yaml.safe_load((ROOT / "dapr.yaml").read_text())["common"]["env"]
    return {k.lower(): float(v) for k, v in env.items() if "RATE_LIMIT" in k}


async def test_the_per_user_rate_limit_answers_429_with_retry_after_for_that_user_only(
    user: User, other_user: User, secrets: dict[str, str]
) -> None:
    limits = _limits()
    burst, rate = limits["rate_limit_burst"], limits["rate_limit_per_minute"] / 60
    n = int(burst + 10 * rate)
    # Straight at an app (the limiter is in every app; the sidecars would only slow the
    # flood down), on an operation that needs no database: the rule preview.
    headers = {"authorization": f"Bearer {user.token}", "dapr-api-token": secrets["app-api-token"]}
    async with httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{APPS['recurring-service']}",
        headers=headers,
        timeout=30,
        limits=httpx.Limits(max_connections=64),
    ) as c:
        started = time.monotonic()
        preview = {"rrule": "weekly"}
        answers = await asyncio.gather(*(c.get("/api/recurrence/preview", params=preview) for _ in range(n)))
        elapsed = time.monotonic() - started
    statuses = [r.status_code for r in answers]
    ok, limited = statuses.count(200), [r for r in answers if r.status_code == 429]
    assert ok + len(limited) == n, set(statuses)
    assert limited, f"{n} requests in {elapsed:.1f} s, none limited"
    # No more got through than the bucket allows: the burst plus the rate over the time taken.
    assert ok <= burst + rate * elapsed + 1, (ok, elapsed)
    for r in limited[:5]:
        is_error(r, 429, "rate_limited")
        assert 1 <= int(r.headers["retry-after"]) <= 60
    # Another user is not affected, and the limited user gets in again after Retry-After.
    assert (await other_user.client.get("/api/recurrence/preview", params=preview)).status_code == 200
    await asyncio.sleep(int(limited[-1].headers["retry-after"]))
    assert (await user.client.get("/api/recurrence/preview", params=preview)).status_code == 200


async def test_chat_turns_have_a_smaller_bucket_and_429_reaches_the_public_api_intact() -> None:
    limits = _limits()
    burst = int(limits["chat_rate_limit_burst"])
    chatter = await sign_up("Chatty")
    try:
        # Empty messages are refused (422) after the limit is taken: cheap, yet counted.
        answers = await asyncio.gather(
            *(chatter.client.post("/api/chat", json={"message": ""}) for _ in range(burst + 20))
        )
        statuses = [r.status_code for r in answers]
        assert set(statuses) <= {422, 429}, set(statuses)
        assert statuses.count(422) <= burst + 2
        limited = [r for r in answers if r.status_code == 429]
        assert len(limited) >= 15
        is_error(limited[0], 429, "rate_limited")
        assert int(limited[0].headers["retry-after"]) >= 1
        # The general bucket is far from empty: other calls still go through.
        assert (await chatter.client.get("/api/conversations")).status_code == 200
    finally:
        await chatter.client.aclose()
