""" "Undo" of deleting an open instance of a repeating task. Deleting it made the series' next
instance (recurring-service, a moment later, through events); made again with POST it would
start a second series beside that one: two open 'Buy milk'. The next instance is moved back
instead: one open instance, due when the deleted one was. The plan (pure), the tool, and whole
conversations against a fake task API that makes the next instance on delete, as the real
services do."""

import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest
from chat_service import tools
from chat_service.domain.planner import Call, Say
from chat_service.tools import build_mcp_server
from mcp import Client
from mcp.server.mcpserver import Context as McpContext
from tests.conftest import FakeTaskApi, FakeTasks
from tests.test_offline_model import play
from tests.test_undo import Chat, ok, undo_ctx


class SeriesTasks(FakeTasks):
    """FakeTasks whose repeating tasks are series, as task-service and recurring-service make
    them: deleting an open instance makes the next one (same series, parent_task_id the
    series' first task, due a week later: the rules here are weekly), seen only after
    `lag` more list calls, since it comes through events; unless it was deleted with its
    series (?series=true: `ended_series`). `ended`: the series' rule has no more
    occurrences (COUNT/UNTIL), so nothing follows."""

    def __init__(self, lag: int = 0, ended: bool = False) -> None:
        super().__init__()
        self.lag, self.ended = lag, ended
        self.coming: list[tuple[int, dict[str, Any], str]] = []
        self.ended_series: set[str] = set()

    def _new(self, fields: dict[str, Any]) -> dict[str, Any]:
        task = super()._new(fields)
        task["series_id"] = fields.get("series_id") or (str(uuid.uuid4()) if task["rrule"] else None)
        task["parent_task_id"] = fields.get("parent_task_id")
        return task

    def as_user(self, user: str) -> "SeriesApi":
        return SeriesApi(self, user)

    def open_titled(self, title: str) -> list[dict[str, Any]]:
        return [t for t in self.tasks.values() if t["title"] == title and not t["completed"]]


class SeriesApi(FakeTaskApi):
    store: SeriesTasks

    async def delete(self, task_id: str, *, series: bool = False) -> None:
        task = dict(self._mine(task_id))
        await super().delete(task_id, series=series)
        if series and task["series_id"]:
            self.store.ended_series.add(task["series_id"])
        elif task["rrule"] and not task["completed"] and not self.store.ended:
            self.store.coming.append((len(self.store.list_calls) + self.store.lag, task, self.user))

    async def list(self, params: dict[str, Any]) -> dict[str, Any]:
        store = self.store
        for entry in [c for c in store.coming if c[0] <= len(store.list_calls)]:
            store.coming.remove(entry)
            _, done, user = entry
            due = datetime.fromisoformat(done["due_at"].replace("Z", "+00:00")) + timedelta(days=7)
            remind = done["remind_at"] and datetime.fromisoformat(done["remind_at"].replace("Z", "+00:00"))
            fields = {
                k: done[k] for k in ("title", "description", "priority", "tags", "rrule", "repeat_from")
            }
            store.seed(
                user,
                **fields,
                due_at=due.strftime("%Y-%m-%dT%H:%M:%SZ"),
                remind_at=(remind + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M:%SZ") if remind else None,
                series_id=done["series_id"],
                parent_task_id=done["parent_task_id"] or done["id"],
            )
        return await super().list(params)


@pytest.fixture(autouse=True)
def quick_looks(monkeypatch: pytest.MonkeyPatch) -> None:
    # find_next_instance looks every 0.3 s for up to 5 s; here without the waiting.
    monkeypatch.setattr(tools, "NEXT_INSTANCE_POLL_SECONDS", 0.001, raising=False)


MILK = {
    "id": "m1",
    "title": "Buy milk",
    "description": "2 litres",
    "completed": False,
    "priority": "HIGH",
    "tags": ["Shopping"],
    "due_at": "2026-11-30T09:00:00Z",
    "remind_at": "2026-11-30T08:30:00Z",
    "rrule": "FREQ=WEEKLY;BYDAY=MO",
    "repeat_from": "due",
    "series_id": "s1",
}
NEXT = {**MILK, "id": "m2", "due_at": "2026-12-07T09:00:00Z", "remind_at": "2026-12-07T08:30:00Z"}
NEXT |= {"parent_task_id": "m1", "version": 1}
DELETED = {"kind": "deleted", "task_id": "m1", "title": "Buy milk", "before": MILK, "after": None}


# -- the plan ---------------------------------------------------------------------------------
def test_undo_moves_the_next_instance_back_instead_of_adding_the_task_again() -> None:
    moved = {**NEXT, "due_at": MILK["due_at"], "remind_at": MILK["remind_at"], "version": 2}
    steps = play("undo", [ok(task=NEXT), ok(task=moved)], undo_ctx(DELETED))
    assert steps == [
        Call("find_next_instance", {"task_id": "m1", "title": "Buy milk", "series_id": "s1"}),
        Call(
            "update_task",
            {
                "task_id": "m2",
                "version": 1,
                "title": "Buy milk",
                "description": "2 litres",
                "priority": "HIGH",
                "tags": ["Shopping"],
                "due_at": "2026-11-30T09:00:00Z",
                "remind_at": "2026-11-30T08:30:00Z",
            },
        ),
        Say("Brought back 'Buy milk'."),
    ]


def test_a_deleted_instance_without_a_reminder_clears_the_next_ones() -> None:
    plain = {**MILK, "remind_at": None}
    moved = {**NEXT, "due_at": MILK["due_at"], "version": 2}
    change = {**DELETED, "before": plain}
    steps = play(
        "undo", [ok(task=NEXT), ok(task=moved), ok(task={**moved, "remind_at": None})], undo_ctx(change)
    )
    assert [s for s in steps if isinstance(s, Call)][1:] == [
        Call(
            "update_task",
            {
                "task_id": "m2",
                "version": 1,
                "title": "Buy milk",
                "description": "2 litres",
                "priority": "HIGH",
                "tags": ["Shopping"],
                "due_at": "2026-11-30T09:00:00Z",
            },
        ),
        Call("set_reminder", {"task_id": "m2", "clear": True}),
    ]
    assert steps[-1] == Say("Brought back 'Buy milk'.")


def test_with_no_next_instance_the_series_had_ended_and_the_task_is_made_again() -> None:
    added = {**MILK, "id": "m9"}
    steps = play("undo", [ok(task=None), ok(task=added)], undo_ctx(DELETED))
    assert steps[1] == Call(
        "add_task",
        {
            "title": "Buy milk",
            "description": "2 litres",
            "priority": "HIGH",
            "tags": ["Shopping"],
            "due_at": "2026-11-30T09:00:00Z",
            "remind_at": "2026-11-30T08:30:00Z",
            "rrule": "FREQ=WEEKLY;BYDAY=MO",
            "repeat_from": "due",
        },
    )
    assert steps[-1] == Say("Brought back 'Buy milk'.")


def test_a_next_instance_changed_meanwhile_is_not_overwritten() -> None:
    refused = {"ok": False, "error": "precondition_failed", "message": "The task changed."}
    steps = play("undo", [ok(task=NEXT), refused], undo_ctx(DELETED))
    assert steps[-1] == Say("I couldn't bring back 'Buy milk': The task changed.")


@pytest.mark.parametrize(
    "before",
    [
        # Guards (as before): a one-off, and a done instance (back as a done one-off).
        {**MILK, "rrule": None, "series_id": None},
        {**MILK, "completed": True},
    ],
)
def test_a_one_off_or_a_done_instance_is_made_again_as_before(before: dict[str, Any]) -> None:
    steps = play(
        "undo", [ok(task={**before, "id": "m9"}), ok(task={})], undo_ctx({**DELETED, "before": before})
    )
    assert isinstance(steps[0], Call) and steps[0].name == "add_task"
    assert steps[0].arguments.get("rrule") is None


# -- the tool ---------------------------------------------------------------------------------
async def call(store: FakeTasks, name: str, **arguments: Any) -> dict[str, Any]:
    async def tasks_for(ctx: McpContext) -> Any:
        return store.as_user("alice")

    async with Client(build_mcp_server(tasks_for)) as client:
        result = await client.call_tool(name, arguments)
    assert isinstance(result.structured_content, dict)
    return result.structured_content


async def test_find_next_instance_waits_for_it_and_skips_other_series_of_that_name() -> None:
    store = SeriesTasks(lag=4)
    other = store.seed("alice", title="Buy milk", due_at="2026-12-01T09:00:00Z", rrule="FREQ=WEEKLY")
    milk = store.seed("alice", title="Buy milk", due_at="2026-11-30T09:00:00Z", rrule="FREQ=WEEKLY")
    await store.as_user("alice").delete(milk["id"])
    found = await call(
        store, "find_next_instance", task_id=milk["id"], title="Buy milk", series_id=milk["series_id"]
    )
    assert found["ok"] and found["task"]["id"] not in (other["id"], milk["id"])
    assert (found["task"]["parent_task_id"], found["task"]["due_at"]) == (milk["id"], "2026-12-07T09:00:00Z")


async def test_find_next_instance_of_a_later_instance_goes_by_the_series_first_task() -> None:
    # task-service gives every instance the series' first task as parent_task_id.
    store = SeriesTasks()
    second = store.seed("alice", title="Buy milk", due_at="2026-11-30T09:00:00Z", rrule="FREQ=WEEKLY")
    second["parent_task_id"] = "first"
    await store.as_user("alice").delete(second["id"])
    found = await call(
        store,
        "find_next_instance",
        task_id=second["id"],
        title="Buy milk",
        series_id=second["series_id"],
        parent_task_id="first",
    )
    assert found["task"]["parent_task_id"] == "first" and found["task"]["series_id"] == second["series_id"]


async def test_find_next_instance_says_none_when_none_comes() -> None:
    store = SeriesTasks(ended=True)
    milk = store.seed("alice", title="Buy milk", due_at="2026-11-30T09:00:00Z", rrule="FREQ=WEEKLY")
    await store.as_user("alice").delete(milk["id"])
    found = await call(store, "find_next_instance", task_id=milk["id"], title="Buy milk", wait_seconds=1)
    assert found == {"ok": True, "task": None}
    assert len(store.list_calls) == 2 * (1 + round(1 / tools.NEXT_INSTANCE_POLL_SECONDS))


async def test_update_task_with_a_version_changes_nothing_once_the_task_changed() -> None:
    store = SeriesTasks()
    milk = store.seed("alice", title="Buy milk")
    refused = await call(store, "update_task", task_id=milk["id"], title="Oat milk", version=7)
    assert refused["error"] == "precondition_failed" and store.tasks[milk["id"]]["title"] == "Buy milk"
    done = await call(store, "update_task", task_id=milk["id"], title="Oat milk", version=1)
    assert done["task"]["title"] == "Oat milk"


# -- whole conversations ----------------------------------------------------------------------
@pytest.mark.parametrize("lag", [0, 3])
async def test_add_delete_undo_of_a_weekly_task_leaves_one_open_instance_due_as_before(lag: int) -> None:
    store = SeriesTasks(lag=lag)
    chat = Chat(store)
    assert (await chat.say("add buy milk every monday")).startswith("Added 'Buy milk'")
    [first] = store.open_titled("Buy milk")
    assert await chat.say("delete buy milk") == (
        "Deleted this Monday's 'Buy milk'; the series goes on, next due Mon, Dec 7 at 9:00 AM. "
        'To end the series too, say "delete buy milk for good".'
    )
    assert await chat.say("undo") == "Brought back 'Buy milk'."
    # Before: 'Buy milk' due Nov 30 (made again, a new series) and 'Buy milk' due Dec 7.
    [back] = store.open_titled("Buy milk")
    assert store.coming == []  # no next instance still to come
    assert back["id"] != first["id"] and back["series_id"] == first["series_id"]
    keys = ("title", "description", "priority", "tags", "due_at", "remind_at", "rrule", "repeat_from")
    assert {k: back[k] for k in keys} == {k: first[k] for k in keys}
    # "it" is the task brought back.
    assert (await chat.say("make it high priority")).startswith("Set 'Buy milk' to high priority")
    assert store.tasks[back["id"]]["priority"] == "HIGH"


async def test_undo_of_deleting_a_later_instance_with_its_fields_moves_the_next_one_back() -> None:
    store = SeriesTasks()
    first = store.seed(
        "alice",
        title="Water the plants",
        description="the balcony too",
        tags=["Home"],
        priority="LOW",
        due_at="2026-11-23T18:00:00Z",
        rrule="FREQ=WEEKLY",
    )
    await store.as_user("alice").delete(first["id"])
    await store.as_user("alice").list({})  # the second instance comes
    [second] = store.open_titled("Water the plants")
    chat = Chat(store)
    assert (await chat.say("delete water the plants")).startswith(
        "Deleted this Monday's 'Water the plants'; the series goes on, next due Mon, Dec 7 at 6:00 PM."
    )
    assert await chat.say("undo") == "Brought back 'Water the plants'."
    [back] = store.open_titled("Water the plants")
    assert (back["due_at"], back["description"], back["tags"], back["priority"]) == (
        second["due_at"],
        "the balcony too",
        ["Home"],
        "LOW",
    )
    assert back["id"] != second["id"] and back["parent_task_id"] == first["id"]


async def test_undo_when_the_series_had_ended_makes_the_task_again() -> None:
    store = SeriesTasks(ended=True)
    milk = store.seed("alice", title="Buy milk", due_at="2026-11-30T09:00:00Z", rrule="FREQ=WEEKLY;COUNT=1")
    milk["next_occurrence"] = None  # as task-service says the last one of a series
    chat = Chat(store)
    assert await chat.say("delete buy milk") == "Deleted 'Buy milk', the last one of its series."
    assert await chat.say("undo") == "Brought back 'Buy milk'."
    [back] = store.open_titled("Buy milk")
    assert (back["due_at"], back["rrule"]) == ("2026-11-30T09:00:00Z", "FREQ=WEEKLY;COUNT=1")
