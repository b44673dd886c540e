"""The assistant through the real stack: the frontend forwards /api/chat to chat-service,
whose agent calls its own MCP endpoint, whose tools invoke task-service through Dapr as
the user; conversations live in the Dapr state store (PostgreSQL). Each test signs up its
own user."""

import asyncio
import json
import subprocess
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import httpx2
from mcp import Client
from mcp.client.streamable_http import streamable_http_client

from tests.integration.conftest import FRONTEND, ROOT, User, psql, sign_up


async def say(user: User, message: str, conversation_id: str | None = None, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"message": message, "timezone": "UTC", **extra}
    if conversation_id:
        body["conversation_id"] = conversation_id
    r = await user.client.post("/api/chat", json=body)
    assert r.status_code == 200, r.text
    answer: dict[str, Any] = r.json()
    return answer


async def tasks(user: User) -> list[dict[str, Any]]:
    r = await user.client.get("/api/tasks", params={"status": "all"})
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


async def test_a_turn_adds_a_task_through_the_whole_stack(user: User) -> None:
    answer = await say(user, "Add call the dentist tomorrow at 3pm", timezone="America/New_York")
    assert answer["reply"] == "Added 'Call the dentist' for tomorrow at 3:00 PM."
    assert [(a["tool"], a["ok"]) for a in answer["actions"]] == [("add_task", True)]
    assert answer["actions"][0]["arguments"]["title"] == "Call the dentist"
    [task] = await tasks(user)
    assert task["title"] == "Call the dentist"
    assert answer["actions"][0]["task_id"] == task["id"]  # the chip's link
    due = datetime.fromisoformat(task["due_at"].replace("Z", "+00:00"))
    assert due.hour in (20, 19)  # 15:00 in New York, in UTC (EST or EDT)


async def test_follow_up_in_the_same_conversation(user: User) -> None:
    first = await say(user, "Add a task to water the garden")
    second = await say(user, "Make it repeat every 3 days", first["conversation_id"])
    assert second["conversation_id"] == first["conversation_id"]
    assert [a["tool"] for a in second["actions"]] == ["get_task", "set_recurring"]
    [task] = await tasks(user)
    assert task["rrule"] == "FREQ=DAILY;INTERVAL=3" and task["is_recurring"]

    r = await user.client.get(f"/api/conversations/{first['conversation_id']}/messages")
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert [m["role"] for m in items] == ["user", "assistant", "user", "assistant"]
    assert items[2]["content"] == "Make it repeat every 3 days"
    assert all(m["created_at"].endswith("Z") for m in items)

    other = await say(user, "hi")
    r = await user.client.get("/api/conversations")
    assert [c["id"] for c in r.json()["items"]] == [other["conversation_id"], first["conversation_id"]]


async def test_ambiguity_is_asked_about(user: User) -> None:
    for title in ("Call the bank", "Call the school"):
        assert (await user.client.post("/api/tasks", json={"title": title})).status_code == 201
    before = await tasks(user)
    answer = await say(user, "Complete the call task")
    assert (
        "Which one" in answer["reply"]
        and "Call the bank" in answer["reply"]
        and "Call the school" in answer["reply"]
    )
    assert await tasks(user) == before


async def test_another_users_conversation_is_not_found(user: User, other_user: User) -> None:
    mine = await say(user, "Add buy milk")
    r = await other_user.client.get(f"/api/conversations/{mine['conversation_id']}/messages")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = await other_user.client.post(
        "/api/chat", json={"message": "hi", "conversation_id": mine["conversation_id"]}
    )
    assert r.status_code == 404
    assert (await other_user.client.get("/api/conversations")).json()["items"] == []
    assert await tasks(other_user) == []


async def test_bad_requests_are_422(user: User) -> None:
    for body in (
        {"message": ""},
        {"message": "   "},
        {"message": "x" * 4001},
        {"message": "hi", "timezone": "Mars/Olympus"},
        {"message": "hi", "conversation_id": "../../etc"},
        {},
    ):
        r = await user.client.post("/api/chat", json=body)
        assert r.status_code == 422, (body, r.text)
        assert r.json()["error"]["code"] == "validation_error"
    assert (await say(user, "x" * 4000))["reply"]


async def test_messages_are_kept_two_days(user: User, secrets: dict[str, str]) -> None:
    answer = await say(user, "Add buy stamps")
    key = f"%conversation:{user.id}:{answer['conversation_id']}"
    rows = psql(secrets, "state-db-url", f"SELECT expiredate FROM dapr_state WHERE key LIKE '{key}'")
    [[expires]] = rows
    left = datetime.fromisoformat(expires).astimezone(UTC) - datetime.now(UTC)
    assert timedelta(days=2) - timedelta(minutes=5) < left <= timedelta(days=2)


async def test_mcp_clients_connect_with_a_bearer_jwt(user: User) -> None:
    assert (await user.client.post("/api/tasks", json={"title": "Buy bread"})).status_code == 201
    http = httpx2.AsyncClient(headers={"authorization": f"Bearer {user.token}"}, timeout=30)
    async with http, Client(streamable_http_client(f"{FRONTEND}/api/mcp/", http_client=http)) as client:
        names = {t.name for t in (await client.list_tools()).tools}
        assert {"add_task", "list_tasks", "complete_task", "set_recurring"} <= names
        result = await client.call_tool("list_tasks", {"status": "open"})
    listed = result.structured_content or json.loads(result.content[0].text)
    assert listed["ok"] is True and [t["title"] for t in listed["tasks"]] == ["Buy bread"]


async def test_mcp_without_a_token_is_401() -> None:
    async with httpx.AsyncClient(base_url=FRONTEND, timeout=30) as client:
        r = await client.post(
            "/api/mcp",
            json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"},
            headers={"accept": "application/json"},
        )
    assert r.status_code == 401


async def test_a_conversation_survives_a_restart(user: User) -> None:
    first = await say(user, "Add renew the passport")
    restart = [str(ROOT / "scripts" / "stack.sh"), "restart"]
    await asyncio.to_thread(subprocess.run, restart, check=True, capture_output=True)
    deadline = time.monotonic() + 90
    while True:
        try:
            r = await user.client.post(
                "/api/chat",
                json={"message": "Make it high priority", "conversation_id": first["conversation_id"]},
            )
            if r.status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, "the stack did not come back"
        await asyncio.sleep(1)
    assert r.json()["reply"] == "Set 'Renew the passport' to high priority."
    [task] = await tasks(user)
    assert task["priority"] == "HIGH"
    r = await user.client.get(f"/api/conversations/{first['conversation_id']}/messages")
    assert len(r.json()["items"]) == 4


async def test_a_new_user_starts_with_an_empty_list() -> None:
    fresh = await sign_up("After")
    try:
        assert (await say(fresh, "What's on my list?"))["reply"].startswith("Your list is empty")
    finally:
        await fresh.client.aclose()
