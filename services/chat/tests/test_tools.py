"""Each MCP tool against the fake task API, through the SDK's in-process client: success,
not found, another user's task (refused as not found), bad arguments."""

import json
from typing import Any

import pytest
from chat_service.tools import NotAuthenticated, build_mcp_server
from mcp import Client
from mcp.server.mcpserver import Context
from tests.conftest import NOW, FakeTasks

ALICE, BOB = "alice", "bob"


class Tools:
    """Calls a tool as a user. A client per call: the SDK's task groups must open and close
    in the same task, which a pytest fixture spanning setup and teardown would break."""

    def __init__(self, fake: FakeTasks) -> None:
        self.user: str | None = ALICE

        async def tasks_for(ctx: Context) -> Any:
            if self.user is None:
                raise NotAuthenticated()
            return fake.as_user(self.user)

        self.server = build_mcp_server(tasks_for, clock=lambda: NOW)

    async def __call__(self, tool: str, user: str | None = ALICE, **arguments: Any) -> dict[str, Any]:
        self.user = user
        async with Client(self.server) as client:
            result = await client.call_tool(tool, arguments)
        text = "".join(getattr(c, "text", "") for c in result.content)
        if result.is_error:
            return {"ok": False, "error": "tool_error", "message": text}
        value: dict[str, Any] = json.loads(text)
        return value


@pytest.fixture
def call(fake: FakeTasks) -> Tools:
    return Tools(fake)


async def test_lists_its_tools(fake: FakeTasks) -> None:
    async def tasks_for(ctx: Context) -> Any:
        return fake.as_user(ALICE)

    async with Client(build_mcp_server(tasks_for)) as client:
        names = {t.name for t in (await client.list_tools()).tools}
    assert names == {
        "add_task",
        "list_tasks",
        "search_tasks",
        "get_task",
        "update_task",
        "complete_task",
        "reopen_task",
        "delete_task",
        "find_next_instance",
        "set_priority",
        "add_tag",
        "remove_tag",
        "set_due_date",
        "set_reminder",
        "set_recurring",
        "clear_recurring",
    }


async def test_add_task(call: Any, fake: FakeTasks) -> None:
    result = await call(
        "add_task",
        title="Team meeting",
        priority="high",
        tags=["Work"],
        due_at="2026-11-26T10:00:00",
        remind_minutes_before=30,
        timezone="Europe/Berlin",
    )
    assert result["ok"] is True
    task = result["task"]
    assert (task["title"], task["priority"], task["tags"]) == ("Team meeting", "HIGH", ["Work"])
    assert task["due_at"] == "2026-11-26T09:00:00Z"  # 10:00 in Berlin
    assert task["remind_at"] == "2026-11-26T08:30:00Z"


async def test_add_task_understands_english(call: Any) -> None:
    result = await call("add_task", title="Gym", due_at="tomorrow at 7am", rrule="every Monday and Wednesday")
    assert result["task"]["due_at"] == "2026-11-26T07:00:00Z"
    assert result["task"]["rrule"] == "FREQ=WEEKLY;BYDAY=MO,WE"


async def test_add_recurring_without_due_starts_at_next_occurrence(call: Any) -> None:
    result = await call("add_task", title="Pay rent", rrule="FREQ=MONTHLY;BYMONTHDAY=1")
    assert result["task"]["due_at"] == "2026-12-01T09:00:00Z"


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"title": "x", "priority": "super"}, "priority"),
        ({"title": "x", "due_at": "whenever the moon is blue"}, "due_at"),
        ({"title": "x", "rrule": "now and then"}, "rule"),
        ({"title": "x", "timezone": "Mars/Olympus"}, "timezone"),
        ({"title": "x", "remind_minutes_before": 10}, "due_at"),
        ({"title": "   "}, "title"),
    ],
)
async def test_add_task_bad_arguments(call: Any, arguments: dict[str, Any], field: str) -> None:
    result = await call("add_task", **arguments)
    assert result["ok"] is False and result["error"] == "validation_error"
    assert field in result.get("fields", {})


async def test_wrongly_typed_arguments_are_refused(call: Any) -> None:
    result = await call("list_tasks", limit="lots")
    assert result["ok"] is False


async def test_list_and_search(call: Any, fake: FakeTasks) -> None:
    fake.seed(ALICE, title="Fix the roof", priority="HIGH")
    fake.seed(ALICE, title="Sort photos", priority="LOW")
    fake.seed(BOB, title="Bob's roof")
    listed = await call("list_tasks", priority="high")
    assert [t["title"] for t in listed["tasks"]] == ["Fix the roof"]
    found = await call("search_tasks", query="roof")
    assert [t["title"] for t in found["tasks"]] == ["Fix the roof"]
    assert (await call("list_tasks", status="sometimes"))["error"] == "validation_error"
    assert (await call("search_tasks", query="  "))["error"] == "validation_error"
    assert "corrected_query" not in found


async def test_search_says_when_it_searched_for_the_corrected_words(call: Any, fake: FakeTasks) -> None:
    fake.seed(ALICE, title="Fix the roof")
    fake.corrections["rofo"] = "roof"
    found = await call("search_tasks", query="rofo")
    assert [t["title"] for t in found["tasks"]] == ["Fix the roof"]
    assert found["corrected_query"] == "roof"


TASK_TOOLS: list[tuple[str, dict[str, Any]]] = [
    ("get_task", {}),
    ("update_task", {"title": "New"}),
    ("complete_task", {}),
    ("reopen_task", {}),
    ("delete_task", {}),
    ("set_priority", {"priority": "LOW"}),
    ("add_tag", {"tag": "Work"}),
    ("remove_tag", {"tag": "Work"}),
    ("set_due_date", {"due_at": "2030-01-01T09:00:00Z"}),
    ("set_reminder", {"remind_at": "2030-01-01T08:00:00Z"}),
    ("set_recurring", {"rule": "daily"}),
    ("clear_recurring", {}),
]


@pytest.mark.parametrize(("tool", "arguments"), TASK_TOOLS)
async def test_unknown_task_is_not_found(call: Any, tool: str, arguments: dict[str, Any]) -> None:
    result = await call(tool, task_id="no-such-task", **arguments)
    assert result == {
        "ok": False,
        "error": "not_found",
        "message": "No such task (it may have been deleted).",
    }


@pytest.mark.parametrize(("tool", "arguments"), TASK_TOOLS)
async def test_another_users_task_is_refused(
    call: Any, fake: FakeTasks, tool: str, arguments: dict[str, Any]
) -> None:
    bobs = fake.seed(BOB, title="Bob's task", tags=["Work"], completed=tool == "reopen_task")
    result = await call(tool, task_id=bobs["id"], **arguments)
    assert result["ok"] is False and result["error"] == "not_found"
    assert fake.tasks[bobs["id"]]["version"] == 1  # untouched


async def test_each_task_tool_succeeds(call: Any, fake: FakeTasks) -> None:
    task = fake.seed(ALICE, title="Doctor visit", tags=["Health", "Urgent"], due_at="2030-01-01T10:00:00Z")
    tid = task["id"]
    assert (await call("get_task", task_id=tid))["task"]["title"] == "Doctor visit"
    assert (await call("update_task", task_id=tid, title="GP visit"))["task"]["title"] == "GP visit"
    assert (await call("set_priority", task_id=tid, priority="urgent"))["task"][
        "priority"
    ] == "VERY_IMPORTANT"
    assert (await call("add_tag", task_id=tid, tag="#personal"))["task"]["tags"] == [
        "Health",
        "Urgent",
        "personal",
    ]
    assert (await call("add_tag", task_id=tid, tag="health"))["task"]["tags"] == [
        "Health",
        "Urgent",
        "personal",
    ]
    assert (await call("remove_tag", task_id=tid, tag="urgent"))["task"]["tags"] == ["Health", "personal"]
    assert (await call("remove_tag", task_id=tid, tag="finance"))["error"] == "not_found"
    reminded = await call("set_reminder", task_id=tid, minutes_before=60)
    assert reminded["task"]["remind_at"] == "2030-01-01T09:00:00Z"
    moved = await call("set_due_date", task_id=tid, due_at="2030-01-02T10:00:00Z")
    assert (moved["task"]["due_at"], moved["task"]["remind_at"]) == (
        "2030-01-02T10:00:00Z",
        "2030-01-02T09:00:00Z",
    )
    assert (await call("set_reminder", task_id=tid, clear=True))["task"]["remind_at"] is None
    recurring = await call("set_recurring", task_id=tid, rule="every weekday")
    assert (
        recurring["task"]["rrule"] == "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" and recurring["task"]["is_recurring"]
    )
    assert (await call("clear_recurring", task_id=tid))["task"]["rrule"] is None
    assert (await call("complete_task", task_id=tid))["task"]["completed"] is True
    assert (await call("reopen_task", task_id=tid))["task"]["completed"] is False
    assert (await call("set_due_date", task_id=tid, due_at=None))["task"]["due_at"] is None
    assert (await call("set_reminder", task_id=tid, minutes_before=5))["error"] == "validation_error"
    assert (await call("delete_task", task_id=tid)) == {"ok": True, "deleted": tid}
    assert tid not in fake.tasks


async def test_set_recurring_gives_a_due_time(call: Any, fake: FakeTasks) -> None:
    task = fake.seed(ALICE, title="Water the garden")
    result = await call("set_recurring", task_id=task["id"], rule="every 3 days", timezone="UTC")
    assert result["task"]["rrule"] == "FREQ=DAILY;INTERVAL=3"
    assert result["task"]["due_at"] == "2026-11-26T09:00:00Z"


async def test_unauthenticated_calls_are_refused(call: Any) -> None:
    result = await call("list_tasks", user=None)
    assert result["ok"] is False and result["error"] == "unauthorized"


async def test_a_repeat_is_sent_with_the_conversations_timezone(call: Any, fake: FakeTasks) -> None:
    # The series keeps its local time across DST (task-service repeats it in that zone).
    made = await call(
        "add_task", title="Yoga", rrule="every Monday", due_at="2027-03-22T09:00", timezone="Europe/London"
    )
    assert made["task"]["timezone"] == "Europe/London"
    plain = await call("add_task", title="Milk", timezone="Europe/London")
    assert plain["task"].get("timezone") is None  # no repeat: nothing to keep
    task = fake.seed(ALICE, title="Water the garden")
    result = await call("set_recurring", task_id=task["id"], rule="weekly", timezone="America/New_York")
    assert result["task"]["timezone"] == "America/New_York"
    result = await call("update_task", task_id=task["id"], rrule="daily", timezone="Australia/Sydney")
    assert result["task"]["timezone"] == "Australia/Sydney"
    result = await call("update_task", task_id=task["id"], title="Water the roses", timezone="Europe/Paris")
    assert result["task"]["timezone"] == "Australia/Sydney"  # the repeat was not changed
