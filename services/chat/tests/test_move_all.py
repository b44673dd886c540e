"""Every task of a day at once: "move everything from today to tomorrow", "push all overdue
tasks to tomorrow". Each open task of that day is moved, keeping its time of day; the reply
says how many and which; "undo" puts them all back; with none, nothing is written."""

from typing import Any

import pytest
from chat_service.domain.parse import parse
from chat_service.domain.planner import Call, Calls, Context, Say
from chat_service.domain.reply import ASK_WHICH_TASKS
from tests.conftest import NOW, FakeTasks
from tests.test_offline_model import play
from tests.test_undo import Chat

# NOW is Wednesday 25 Nov 2026, 14:30 UTC; the chat's turns come a minute apart after it.
TODAY = {
    "Pay rent": "2026-11-25T09:00:00Z",
    "Team sync": "2026-11-25T16:00:00Z",
    "Call mom": "2026-11-25T18:30:00Z",
}
OVERDUE = {"Old report": "2026-11-20T17:00:00Z", "Water plants": "2026-11-23T13:00:00Z"}


def seed(fake: FakeTasks) -> None:
    for title, due in {**TODAY, **OVERDUE, "Dentist": "2026-11-26T10:00:00Z"}.items():
        fake.seed("alice", title=title, due_at=due)
    fake.seed("alice", title="Someday")
    fake.seed("alice", title="Done already", due_at="2026-11-25T11:00:00Z", completed=True)


def dues(fake: FakeTasks) -> dict[str, str | None]:
    return {t["title"]: t["due_at"] for t in fake.tasks.values()}


@pytest.mark.parametrize(
    ("message", "due", "after", "to"),
    [
        ("move everything from today to tomorrow", "today", None, "2026-11-26"),
        ("push all overdue tasks to tomorrow", "overdue", None, "2026-11-26"),
        ("move all of today's tasks to monday", "today", None, "2026-11-30"),
        ("Can you move all the tasks for today to friday?", "today", None, "2026-11-27"),
        ("postpone everything overdue until monday", "overdue", None, "2026-11-30"),
        ("reschedule all my tasks due tomorrow to friday", None, "2026-11-25T23:59:59", "2026-11-27"),
        ("push yesterday's stuff to today", None, "2026-11-23T23:59:59", "2026-11-25"),
    ],
)
def test_a_days_tasks_said_together_are_read_as_one_move(
    message: str, due: str | None, after: str | None, to: str
) -> None:
    request = parse(message, NOW)
    assert request.intent == "move_all"
    assert request.filters.due == due and request.filters.status == "open"
    assert (request.filters.due_after.isoformat()[:19] if request.filters.due_after else None) == after
    assert request.changes.due is not None and request.changes.due.at.date().isoformat() == to


@pytest.mark.parametrize(
    ("message", "ref"),
    [
        ("move the laundry tasks to friday", "laundry"),
        ("move friday to monday", "friday"),
        ("Move finish slides to tomorrow at 5pm", "finish slides"),
        ("move today's meeting to 3pm", "today's meeting"),
        ("Push the newsletter to next Monday", "newsletter"),
    ],
)
def test_a_task_named_with_a_day_in_it_is_still_that_task(message: str, ref: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref) == ("update", ref)


async def test_move_everything_from_today_to_tomorrow_then_undo_puts_them_back(fake: FakeTasks) -> None:
    seed(fake)
    before = dues(fake)
    chat = Chat(fake)
    assert await chat.say("move everything from today to tomorrow") == (
        "Moved 3 tasks due today to tomorrow, keeping their times: 'Pay rent', 'Team sync' and 'Call mom'. "
        'Say "undo" to put them back.'
    )
    assert dues(fake) == {
        **before,
        "Pay rent": "2026-11-26T09:00:00Z",
        "Team sync": "2026-11-26T16:00:00Z",
        "Call mom": "2026-11-26T18:30:00Z",
    }
    assert await chat.say("undo") == (
        "Changed 'Pay rent' back: due today at 9:00 AM. Changed 'Team sync' back: due today at 4:00 PM. "
        "Changed 'Call mom' back: due today at 6:30 PM."
    )
    assert dues(fake) == before


async def test_push_all_overdue_tasks_to_tomorrow(fake: FakeTasks) -> None:
    seed(fake)
    chat = Chat(fake)
    assert await chat.say("push all overdue tasks to tomorrow") == (
        "Moved 3 overdue tasks to tomorrow, keeping their times: 'Old report', 'Water plants' and "
        "'Pay rent'. Say \"undo\" to put them back."
    )
    moved = {k: v for k, v in dues(fake).items() if k in ("Old report", "Water plants", "Pay rent")}
    assert moved == {
        "Old report": "2026-11-26T17:00:00Z",
        "Water plants": "2026-11-26T13:00:00Z",
        "Pay rent": "2026-11-26T09:00:00Z",
    }


async def test_many_tasks_are_counted_five_named_and_all_put_back_by_undo(fake: FakeTasks) -> None:
    for n in range(1, 8):
        fake.seed("alice", title=f"Chore {n}", due_at=f"2026-11-25T{10 + n}:15:00Z")
    before = dues(fake)
    chat = Chat(fake)
    assert await chat.say("move all of today's tasks to monday") == (
        "Moved 7 tasks due today to Monday, Nov 30, keeping their times: "
        "'Chore 1', 'Chore 2', 'Chore 3', 'Chore 4', "
        "'Chore 5' and 2 more. Say \"undo\" to put them back."
    )
    assert sorted(dues(fake).values()) == [f"2026-11-30T{10 + n}:15:00Z" for n in range(1, 8)]
    assert await chat.say("undo") == (
        "Put 7 tasks back as they were: 'Chore 1', 'Chore 2', 'Chore 3', 'Chore 4', 'Chore 5' and 2 more."
    )
    assert dues(fake) == before


@pytest.mark.parametrize(
    ("message", "answer"),
    [
        (
            "move all of yesterday's tasks to friday",
            "You have no tasks due yesterday, so I didn't move anything.",
        ),
        ("push all overdue tasks to tomorrow", "You have no overdue tasks, so I didn't move anything."),
        ("move everything to friday", ASK_WHICH_TASKS),
    ],
)
async def test_nothing_matching_writes_nothing(fake: FakeTasks, message: str, answer: str) -> None:
    fake.seed("alice", title="Dentist", due_at="2026-11-26T10:00:00Z")
    fake.seed("alice", title="Someday")
    versions = {t["id"]: t["version"] for t in fake.tasks.values()}
    chat = Chat(fake)
    assert await chat.say(message) == answer
    assert {t["id"]: t["version"] for t in fake.tasks.values()} == versions
    assert await chat.say("undo") == "There's nothing for me to undo yet."


def ok(**result: Any) -> dict[str, Any]:
    return {"ok": True, **result}


def test_each_task_keeps_its_time_in_the_users_timezone_and_the_moves_are_one_step() -> None:
    ctx = Context(now=NOW, timezone="America/New_York")  # 9:30 AM on Wednesday there
    rent = {"id": "r", "title": "Pay rent", "due_at": "2026-11-25T14:00:00Z"}  # 9:00 AM
    mom = {"id": "m", "title": "Call mom", "due_at": "2026-11-26T04:30:00Z"}  # 11:30 PM
    steps = play(
        "move everything from today to tomorrow",
        [ok(tasks=[rent, mom]), ok(task=rent), ok(task=mom)],
        ctx,
    )
    assert steps[0] == Call(
        "list_tasks",
        {"status": "open", "due": "today", "sort": "due_at", "limit": 20, "timezone": "America/New_York"},
    )
    assert steps[1] == Calls(
        (
            Call(
                "set_due_date",
                {"task_id": "r", "due_at": "2026-11-26T14:00:00Z", "timezone": "America/New_York"},
            ),
            Call(
                "set_due_date",
                {"task_id": "m", "due_at": "2026-11-27T04:30:00Z", "timezone": "America/New_York"},
            ),
        )
    )


@pytest.mark.parametrize(
    ("message", "due_at"),
    [
        ("move today's tasks to tomorrow at 8am", "2026-11-26T08:00:00Z"),
        ("push today's tasks back a day", "2026-11-26T16:00:00Z"),
        ("bump everything due today to 5pm", "2026-11-25T17:00:00Z"),
    ],
)
def test_a_time_given_is_every_tasks_time_and_a_shift_moves_each_by_it(message: str, due_at: str) -> None:
    sync = {"id": "s", "title": "Team sync", "due_at": "2026-11-25T16:00:00Z"}
    steps = play(message, [ok(tasks=[sync]), ok(task={**sync, "due_at": due_at})])
    assert steps[1] == Call("set_due_date", {"task_id": "s", "due_at": due_at, "timezone": "UTC"})


def test_a_move_that_fails_is_said_and_the_rest_are_moved() -> None:
    rent = {"id": "r", "title": "Pay rent", "due_at": "2026-11-25T09:00:00Z"}
    mom = {"id": "m", "title": "Call mom", "due_at": "2026-11-25T18:30:00Z"}
    gone = {"ok": False, "error": "not_found", "message": "No such task (it may have been deleted)."}
    steps = play(
        "move everything from today to tomorrow",
        [ok(tasks=[rent, mom]), ok(task={**rent, "due_at": "2026-11-26T09:00:00Z"}), gone],
    )
    assert steps[-1] == Say(
        "Moved 'Pay rent' to tomorrow at 9:00 AM. "
        "I couldn't move 'Call mom': No such task (it may have been deleted)."
    )


def test_more_than_twenty_moves_twenty_and_says_so() -> None:
    tasks = [{"id": f"t{n}", "title": f"Chore {n}", "due_at": "2026-11-25T16:00:00Z"} for n in range(20)]
    steps = play(
        "move everything from today to tomorrow",
        [ok(tasks=tasks, more=True), *(ok(task=t) for t in tasks)],
    )
    assert isinstance(steps[1], Calls) and len(steps[1].calls) == 20
    assert isinstance(steps[-1], Say) and steps[-1].text.startswith("Moved 20 tasks due today to tomorrow")
    assert steps[-1].text.endswith("You have more than 20; say it again to move the rest.")
