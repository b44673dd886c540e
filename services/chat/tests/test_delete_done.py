"""'Clear completed tasks': never a task called so. The completed tasks are deleted (at most
MAX_DELETED, in one step), and "undo" brings them back, done, as the move of many tasks does;
open tasks are not touched. Reading (pure), the plan (pure), and whole conversations."""

from typing import Any

import pytest
from chat_service.domain.parse import parse
from chat_service.domain.planner import MAX_DELETED, Call, Calls, Say
from tests.conftest import NOW, FakeTasks
from tests.test_offline_model import play
from tests.test_undo import Chat, titles


@pytest.mark.parametrize(
    "message",
    [
        "clear completed tasks",
        "delete all completed tasks",
        "remove finished tasks",
        "please delete my done tasks",
        "clean up the tasks I've completed",
        "get rid of all the finished ones",
        "Clear out everything that's done",
        "delete completed",
    ],
)
def test_clearing_the_completed_tasks_is_read_as_such(message: str) -> None:
    request = parse(message, NOW)
    assert request.intent == "delete_done" and request.filters.status == "completed"


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # Guards (pass on the old code too): everything, or one task named so.
        ("delete all my tasks", "delete_all"),
        ("delete the completed report", "delete"),
    ],
)
def test_other_deletes_are_read_as_before(message: str, intent: str) -> None:
    assert parse(message, NOW).intent == intent


@pytest.mark.parametrize(
    "message", ["hide completed tasks", "archive my finished tasks", "hide the done ones"]
)
def test_hiding_or_archiving_the_completed_tasks_deletes_nothing(message: str) -> None:
    assert parse(message, NOW).intent == "hide_done"
    (say,) = play(message, [])
    assert isinstance(say, Say) and "already out of your list" in say.text


def done(n: int) -> dict[str, Any]:
    return {"id": f"d{n}", "title": f"Chore {n}", "completed": True}


def test_the_completed_tasks_are_listed_then_deleted_together() -> None:
    listed = {"ok": True, "tasks": [done(1), done(2)], "more": False}
    steps = play("clear completed tasks", [listed, {"ok": True}, {"ok": True}])
    assert steps == [
        Call("list_tasks", {"status": "completed", "limit": MAX_DELETED}),
        Calls((Call("delete_task", {"task_id": "d1"}), Call("delete_task", {"task_id": "d2"}))),
        Say("Deleted 2 completed tasks: 'Chore 1' and 'Chore 2'. Say \"undo\" to put them back."),
    ]


def test_more_than_the_most_deleted_at_once_says_so() -> None:
    tasks = [done(n) for n in range(MAX_DELETED)]
    listed = {"ok": True, "tasks": tasks, "more": True}
    steps = play("delete all completed tasks", [listed, *({"ok": True} for _ in tasks)])
    assert isinstance(steps[-1], Say)
    assert steps[-1].text.startswith(f"Deleted {MAX_DELETED} completed tasks: 'Chore 0',")
    assert steps[-1].text.endswith(f"You have more than {MAX_DELETED}; say it again to delete the rest.")


async def test_clear_completed_deletes_only_the_done_ones_and_undo_brings_them_back(fake: FakeTasks) -> None:
    fake.seed("alice", title="Pay rent", completed=True, tags=["Finance"], priority="HIGH")
    fake.seed("alice", title="Buy milk", completed=True)
    fake.seed("alice", title="Call mom")
    chat = Chat(fake)
    said = await chat.say("clear completed tasks")
    assert said == "Deleted 2 completed tasks: 'Pay rent' and 'Buy milk'. Say \"undo\" to put them back."
    assert titles(fake) == ["Call mom"]
    assert (
        await chat.say("undo")
        == "Brought back 'Pay rent', marked as done. Brought back 'Buy milk', marked as done."
    )
    assert titles(fake) == ["Buy milk (done)", "Call mom", "Pay rent (done)"]
    [rent] = [t for t in fake.tasks.values() if t["title"] == "Pay rent"]
    assert (rent["tags"], rent["priority"]) == (["Finance"], "HIGH")


async def test_with_no_completed_task_nothing_is_deleted_or_added(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call mom")
    chat = Chat(fake)
    assert (
        await chat.say("remove finished tasks") == "You have no completed tasks, so I didn't delete anything."
    )
    assert titles(fake) == ["Call mom"]
