"""Undoing a change to many tasks says so in one sentence: "Put 8 tasks back as they were:
'A', 'B', 'C', 'D', 'E' and 3 more." instead of a sentence per task; one to three tasks are
told each as before, and a task that could not be put back all the way is told on its own."""

from typing import Any

from chat_service.domain.planner import Call, Calls, Say
from tests.conftest import FakeTasks
from tests.test_move_all import dues
from tests.test_offline_model import play
from tests.test_undo import Chat, undo_ctx


def ok(**result: Any) -> dict[str, Any]:
    return {"ok": True, **result}


def task(n: int, **fields: Any) -> dict[str, Any]:
    return {"id": f"t{n}", "title": f"Chore {n}", "completed": False, "due_at": None, **fields}


def completed(n: int) -> dict[str, Any]:
    return {
        "kind": "changed",
        "task_id": f"t{n}",
        "title": f"Chore {n}",
        "before": task(n),
        "after": task(n, completed=True),
    }


async def test_undoing_a_move_of_eight_tasks_is_one_sentence_naming_five(fake: FakeTasks) -> None:
    for n in range(1, 9):
        fake.seed("alice", title=f"Chore {n}", due_at=f"2026-11-25T{10 + n}:15:00Z")
    before = dues(fake)
    chat = Chat(fake)
    assert (await chat.say("move everything from today to tomorrow")).startswith("Moved 8 tasks due today")
    assert await chat.say("undo") == (
        "Put 8 tasks back as they were: 'Chore 1', 'Chore 2', 'Chore 3', 'Chore 4', 'Chore 5' and 3 more."
    )
    assert dues(fake) == before


def test_undoing_five_completions_reopens_them_in_one_sentence() -> None:
    records = [completed(n) for n in range(1, 6)]
    results = [ok(task=task(n, completed=True)) for n in range(1, 6)] + [
        ok(task=task(n)) for n in range(1, 6)
    ]
    steps = play("undo", results, undo_ctx(*records))
    assert steps[1] == Calls(tuple(Call("reopen_task", {"task_id": f"t{n}"}) for n in range(1, 6)))
    assert steps[-1] == Say("Reopened 5 tasks: 'Chore 1', 'Chore 2', 'Chore 3', 'Chore 4' and 'Chore 5'.")


def test_undoing_four_adds_removes_them_in_one_sentence() -> None:
    records = [
        {"kind": "added", "task_id": f"t{n}", "title": f"Chore {n}", "after": task(n)} for n in range(1, 5)
    ]
    steps = play("undo", [ok(deleted=f"t{n}") for n in range(1, 5)], undo_ctx(*records))
    assert steps[-1] == Say(
        "Removed the 4 tasks I had just added: 'Chore 1', 'Chore 2', 'Chore 3' and 'Chore 4'."
    )


def test_a_task_not_put_back_all_the_way_is_told_after_the_ones_that_were() -> None:
    old, new, later = "2026-11-25T09:00:00Z", "2026-11-26T09:00:00Z", "2026-11-27T09:00:00Z"
    records = [
        {
            "kind": "changed",
            "task_id": f"t{n}",
            "title": f"Chore {n}",
            "before": task(n, due_at=old),
            "after": task(n, due_at=new),
        }
        for n in range(1, 7)
    ]
    gone = {"ok": False, "error": "not_found", "message": "No such task."}
    got = [ok(task=task(n, due_at=new)) for n in range(1, 5)] + [ok(task=task(5, due_at=later)), gone]
    put_back = [ok(task=task(n, due_at=old)) for n in range(1, 5)]
    steps = play("undo", got + put_back, undo_ctx(*records))
    assert steps[-1] == Say(
        "Put 4 tasks back as they were: 'Chore 1', 'Chore 2', 'Chore 3' and 'Chore 4'. "
        "The due date of 'Chore 5' changed again since, so I left it as is. "
        "I couldn't find 'Chore 6' any more, so I can't change it back."
    )


def test_three_tasks_are_still_told_one_by_one() -> None:
    # Guard: the detailed form for 1-3 tasks (passes on the old code too).
    records = [completed(n) for n in range(1, 4)]
    results = [ok(task=task(n, completed=True)) for n in range(1, 4)] + [
        ok(task=task(n)) for n in range(1, 4)
    ]
    steps = play("undo", results, undo_ctx(*records))
    assert steps[-1] == Say("Reopened 'Chore 1'. Reopened 'Chore 2'. Reopened 'Chore 3'.")


async def test_tasks_of_one_title_are_named_once_with_how_many(fake: FakeTasks) -> None:
    chat = Chat(fake)
    await chat.say("gym monday, tuesday, wednesday, thursday and friday at 7am")
    assert len(fake.tasks) == 5
    assert await chat.say("undo") == "Removed the 5 tasks I had just added: 'Gym' (5 times)."
    assert fake.tasks == {}
