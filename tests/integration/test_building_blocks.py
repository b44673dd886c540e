"""Each Dapr building block, through the real sidecars: invocation with access control,
pub/sub to every subscriber group, state with TTL, the cron binding, secrets, JWTs.
Bad tokens, the app token, other users' ids, access control and bodies on every endpoint:
test_security.py."""

import asyncio
import time
import uuid

import httpx

from tests.integration.conftest import User, app_direct, metric, psql, sidecar

# -- service invocation and access control ---------------------------------------------


async def test_invocation_allowed_for_a_caller_the_policy_names(secrets: dict[str, str]) -> None:
    async with sidecar("notification-service", secrets) as c:
        r = await c.get("/v1.0/invoke/task-service/method/internal/reminders/due")
    assert r.status_code == 200, r.text
    assert "items" in r.json()


async def test_invocation_refused_for_a_caller_the_policy_does_not_name(secrets: dict[str, str]) -> None:
    async with sidecar("audit-service", secrets) as c:
        r = await c.get("/v1.0/invoke/task-service/method/internal/reminders/due")
    assert r.status_code == 403
    assert "access control policy has denied access" in r.text
    assert "spiffe://public/ns/default/audit-service" in r.text


async def test_invocation_refused_for_an_operation_outside_the_callers_policy(
    secrets: dict[str, str],
) -> None:
    # notification-service may read due reminders, not users' task lists.
    async with sidecar("notification-service", secrets) as c:
        r = await c.get("/v1.0/invoke/task-service/method/api/tasks")
    assert r.status_code == 403


async def test_sidecar_api_refuses_calls_without_the_dapr_api_token() -> None:
    async with httpx.AsyncClient(base_url="http://127.0.0.1:3504") as c:
        r = await c.get("/v1.0/invoke/task-service/method/internal/reminders/due")
    assert r.status_code == 401


# -- secrets -------------------------------------------------------------------------


async def test_secret_read_through_the_secret_store(secrets: dict[str, str]) -> None:
    async with sidecar("task-service", secrets) as c:
        r = await c.get("/v1.0/secrets/secretstore/tasks-db-url")
    assert r.status_code == 200
    assert r.json() == {"tasks-db-url": secrets["tasks-db-url"]}


async def test_secret_scopes_keep_other_apps_out(secrets: dict[str, str]) -> None:
    async with sidecar("audit-service", secrets) as c:
        r = await c.get("/v1.0/secrets/secretstore/tasks-db-url")
    assert r.status_code == 403


# -- state with TTL ------------------------------------------------------------------


async def test_state_saved_with_ttl_expires(secrets: dict[str, str]) -> None:
    key = f"it-ttl-{uuid.uuid4().hex}"
    async with sidecar("chat-service", secrets) as c:
        r = await c.post(
            "/v1.0/state/statestore",
            json=[{"key": key, "value": {"hello": "world"}, "metadata": {"ttlInSeconds": "2"}}],
        )
        assert r.status_code == 204, r.text
        r = await c.get(f"/v1.0/state/statestore/{key}")
        assert r.status_code == 200 and r.json() == {"hello": "world"}
        deadline = time.monotonic() + 10
        while True:
            await asyncio.sleep(0.5)
            r = await c.get(f"/v1.0/state/statestore/{key}")
            if r.status_code == 204:
                break
            assert time.monotonic() < deadline, "state did not expire within 10 s of a 2 s TTL"


async def test_state_store_is_scoped_to_the_apps_that_use_it(secrets: dict[str, str]) -> None:
    async with sidecar("audit-service", secrets) as c:
        r = await c.get("/v1.0/state/statestore/anything")
    assert r.status_code in (400, 500)
    assert "statestore" in r.text


# -- cron binding --------------------------------------------------------------------


async def test_cron_binding_wakes_the_notification_service() -> None:
    before = await metric("notification-service", "reminder_cron_wakes_total")
    deadline = time.monotonic() + 40  # the schedule is @every 30s
    while await metric("notification-service", "reminder_cron_wakes_total") <= before:
        assert time.monotonic() < deadline, "no cron wake within 40 s"
        await asyncio.sleep(1)


# -- JWTs ----------------------------------------------------------------------------


async def test_jwt_from_better_auth_is_accepted(user: User) -> None:
    r = await user.client.get("/api/tasks")
    assert r.status_code == 200
    assert r.json()["items"] == []


async def test_no_token_through_the_public_api_is_401() -> None:
    async with httpx.AsyncClient(base_url="http://localhost:3000") as c:
        r = await c.get("/api/tasks")
    assert r.status_code == 401
    assert r.json() == {"error": {"code": "unauthorized", "message": "Sign in first."}}


async def test_signup_token_and_a_call_through_two_sidecars(user: User) -> None:
    # frontend route handler → frontend sidecar → (mTLS) → task-service sidecar → task-service
    r = await user.client.post("/api/tasks", json={"title": "Through two sidecars"})
    assert r.status_code == 201, r.text
    task = r.json()
    r = await user.client.get(f"/api/tasks/{task['id']}")
    assert r.status_code == 200 and r.json()["title"] == "Through two sidecars"


# -- health of every app -------------------------------------------------------------


async def test_every_app_reports_ready_with_its_checks() -> None:
    for app_id in (
        "task-service",
        "chat-service",
        "recurring-service",
        "notification-service",
        "audit-service",
    ):
        async with app_direct(app_id) as c:
            for path in ("/health", "/healthz", "/ready", "/readyz"):
                r = await c.get(path)
                assert r.status_code == 200, (app_id, path, r.text)
    async with httpx.AsyncClient(base_url="http://localhost:3000") as c:
        assert (await c.get("/api/health")).status_code == 200


async def test_unused_psql_helper_reads_our_databases(secrets: dict[str, str]) -> None:
    rows = psql(secrets, "audit-db-url", "select count(*) from activity where user_id = 'nobody'")
    assert rows == [["0"]]
