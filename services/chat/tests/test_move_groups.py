"""Moving a group of tasks at once: "move all work tasks to friday" (a tag), "move all high
priority tasks to tomorrow" (a priority), "push this week's tasks to next week" (due this
week, each a week later). Same path as "move everything from today to tomorrow": one list,
one step of moves, at most 20, and "undo" puts them back. Words that merely contain a tag
or a priority ("the work laptop order") still name one task; a task called exactly what a
group's words say ("Work tasks") is preferred when the words could be its name."""

from typing import Any

import pytest
from chat_service.domain.parse import parse
from chat_service.domain.planner import Call, Calls, Context, Say
from dateutil.relativedelta import relativedelta
from tests.conftest import NOW, FakeTasks
from tests.test_move_all import dues
from tests.test_offline_model import play
from tests.test_undo import Chat

# NOW is Wednesday 25 Nov 2026, 14:30 UTC; the chat's turns come a minute apart after it.


@pytest.mark.parametrize(
    ("message", "tags", "priority", "due", "to"),
    [
        ("move all work tasks to friday", ("Work",), (), None, "2026-11-27"),
        ("Can you move all my work stuff to friday?", ("Work",), (), None, "2026-11-27"),
        ("move all tasks tagged errands to monday", ("errands",), (), None, "2026-11-30"),
        ("move all #errands to monday", ("errands",), (), None, "2026-11-30"),
        ("move all high priority tasks to tomorrow", (), ("VERY_IMPORTANT", "HIGH"), None, "2026-11-26"),
        ("move everything urgent to tomorrow", (), ("VERY_IMPORTANT",), None, "2026-11-26"),
        ("move all #urgent to tomorrow", ("Urgent",), (), None, "2026-11-26"),
        ("move all of today's work tasks to tomorrow", ("Work",), (), "today", "2026-11-26"),
    ],
)
def test_a_tag_or_a_priority_said_with_all_is_a_group_moved_to_a_day(
    message: str, tags: tuple[str, ...], priority: tuple[str, ...], due: str | None, to: str
) -> None:
    request = parse(message, NOW)
    assert request.intent == "move_all" and request.one_task is None
    assert (request.filters.tags, request.filters.priority, request.filters.due) == (tags, priority, due)
    assert request.changes.due is not None and request.changes.due.at.date().isoformat() == to


@pytest.mark.parametrize(
    ("message", "due", "shift"),
    [
        # "This week" in a group is the calendar week (due_after/due_before), Monday to Sunday.
        ("push this week's tasks to next week", None, relativedelta(days=7)),
        ("push everything due this week to next week", None, relativedelta(days=7)),
        ("move all of today's tasks to next week", "today", relativedelta(days=7)),
    ],
)
def test_to_next_week_moves_each_task_a_week_later(message: str, due: str, shift: relativedelta) -> None:
    request = parse(message, NOW)
    assert request.intent == "move_all" and request.filters.due == due
    assert request.changes.shift == shift and request.changes.due is None


def test_a_group_that_could_be_a_tasks_name_keeps_that_reading_too() -> None:
    request = parse("move the work tasks to friday", NOW)
    assert request.intent == "move_all" and request.filters.tags == ("Work",)
    assert request.ref == "the work tasks"
    assert request.one_task is not None and (request.one_task.intent, request.one_task.ref) == (
        "update",
        "work",
    )


@pytest.mark.parametrize(
    ("message", "ref"),
    [
        # Guards: one task, as before (pass on the old code too).
        ("move the work laptop order to friday", "work laptop order"),
        ("move shopping to saturday", "shopping"),
        ("move the shopping list to saturday", "shopping list"),
        ("move the high shelf cleaning to friday", "high shelf cleaning"),
        ("push the report to next week", "report"),
    ],
)
def test_a_task_whose_name_has_a_tag_or_priority_word_is_still_that_task(message: str, ref: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref) == ("update", ref)


def seed_work(fake: FakeTasks) -> None:
    fake.seed("alice", title="Team sync", due_at="2026-11-25T16:00:00Z", tags=["Work"])
    fake.seed("alice", title="Write report", due_at="2026-11-26T10:00:00Z", tags=["work"], priority="HIGH")
    fake.seed("alice", title="Plan offsite", tags=["Work"])
    fake.seed("alice", title="Pay rent", due_at="2026-11-25T09:00:00Z")
    fake.seed("alice", title="Old sprint", due_at="2026-11-20T09:00:00Z", tags=["Work"], completed=True)


async def test_move_all_work_tasks_to_friday_then_undo(fake: FakeTasks) -> None:
    seed_work(fake)
    before = dues(fake)
    chat = Chat(fake)
    assert await chat.say("move all work tasks to friday") == (
        "Moved 3 tasks tagged Work to Friday, Nov 27, keeping their times: 'Team sync', 'Write report' and "
        "'Plan offsite'. 'Plan offsite' had no due date; it's now due at 9:00 AM. "
        'Say "undo" to put them back.'
    )
    assert dues(fake) == {
        **before,
        "Team sync": "2026-11-27T16:00:00Z",
        "Write report": "2026-11-27T10:00:00Z",
        "Plan offsite": "2026-11-27T09:00:00Z",
    }
    assert await chat.say("undo") == (
        "Changed 'Team sync' back: due today at 4:00 PM. "
        "Changed 'Write report' back: due tomorrow at 10:00 AM. "
        "Changed 'Plan offsite' back: no due date."
    )
    assert dues(fake) == before


async def test_move_all_high_priority_tasks_to_tomorrow(fake: FakeTasks) -> None:
    fake.seed("alice", title="Fix login bug", due_at="2026-11-25T16:00:00Z", priority="HIGH")
    fake.seed("alice", title="Ship release", due_at="2026-11-28T10:00:00Z", priority="VERY_IMPORTANT")
    fake.seed("alice", title="Water plants", due_at="2026-11-25T17:00:00Z")
    fake.seed("alice", title="Sort photos", due_at="2026-11-25T18:00:00Z", priority="LOW")
    before = dues(fake)
    chat = Chat(fake)
    assert await chat.say("move all high priority tasks to tomorrow") == (
        "Moved 2 high priority tasks to tomorrow, keeping their times: 'Fix login bug' and 'Ship release'. "
        'Say "undo" to put them back.'
    )
    assert dues(fake) == {
        **before,
        "Fix login bug": "2026-11-26T16:00:00Z",
        "Ship release": "2026-11-26T10:00:00Z",
    }


async def test_push_this_weeks_tasks_to_next_week_moves_each_a_week_then_undo(fake: FakeTasks) -> None:
    for title, due in {
        "Standup": "2026-11-25T16:00:00Z",
        "Dentist": "2026-11-28T10:30:00Z",
        "Review": "2026-12-01T13:00:00Z",
        "Far off": "2026-12-05T09:00:00Z",
        "Overdue": "2026-11-20T09:00:00Z",
    }.items():
        fake.seed("alice", title=title, due_at=due)
    fake.seed("alice", title="Someday")
    before = dues(fake)
    chat = Chat(fake)
    # This week is Monday 23 to Sunday 29 Nov: 'Review' (Tuesday 1 Dec) is next week's, and
    # 'Overdue' (Friday 20th) last week's; both stay.
    assert await chat.say("push this week's tasks to next week") == (
        "Moved 2 tasks due this week (Mon, Nov 23 \u2013 Sun, Nov 29) to the same day and time next week: "
        "'Standup' and 'Dentist'. "
        'Say "undo" to put them back.'
    )
    assert dues(fake) == {
        **before,
        "Standup": "2026-12-02T16:00:00Z",
        "Dentist": "2026-12-05T10:30:00Z",
    }
    await chat.say("undo")
    assert dues(fake) == before


async def test_a_task_called_as_the_group_is_preferred(fake: FakeTasks) -> None:
    # Guard: the old one-task reading found it too (passes on the old code); the group must not win.
    fake.seed("alice", title="Work tasks", due_at="2026-11-26T10:00:00Z")
    seed_work(fake)
    before = dues(fake)
    chat = Chat(fake)
    assert await chat.say("move the work tasks to friday") == "Moved 'Work tasks' to Friday at 10:00 AM."
    assert dues(fake) == {**before, "Work tasks": "2026-11-27T10:00:00Z"}


async def test_without_such_a_task_the_work_tasks_are_the_group(fake: FakeTasks) -> None:
    seed_work(fake)
    fake.seed("alice", title="Work laptop order", due_at="2026-11-26T12:00:00Z", tags=["Work"])
    chat = Chat(fake)
    reply = await chat.say("move the work tasks to friday")
    assert reply.startswith("Moved 4 tasks tagged Work to Friday, Nov 27, keeping their times:")
    assert dues(fake)["Work laptop order"] == "2026-11-27T12:00:00Z"


async def test_the_work_laptop_order_is_one_task(fake: FakeTasks) -> None:
    # Guard: a name that merely contains a tag's word moves that task only (passes on the old code).
    seed_work(fake)
    fake.seed("alice", title="Work laptop order", due_at="2026-11-26T12:00:00Z", tags=["Work"])
    before = dues(fake)
    chat = Chat(fake)
    assert await chat.say("move the work laptop order to friday") == (
        "Moved 'Work laptop order' to Friday at 12:00 PM."
    )
    assert dues(fake) == {**before, "Work laptop order": "2026-11-27T12:00:00Z"}


async def test_a_shift_leaves_tasks_without_a_due_date(fake: FakeTasks) -> None:
    seed_work(fake)
    chat = Chat(fake)
    assert await chat.say("push all work tasks back a day") == (
        "Moved 2 tasks tagged Work 1 day later: 'Team sync' and 'Write report'. "
        "'Plan offsite' had no due date, so I left it as is. "
        'Say "undo" to put them back.'
    )
    assert dues(fake)["Plan offsite"] is None


def ok(**result: Any) -> dict[str, Any]:
    return {"ok": True, **result}


def test_the_group_is_one_list_call_then_the_moves_in_one_step() -> None:
    ctx = Context(now=NOW, timezone="America/New_York")
    fix = {"id": "f", "title": "Fix login bug", "due_at": "2026-11-25T21:00:00Z", "priority": "HIGH"}
    steps = play("move all high priority tasks to tomorrow", [ok(tasks=[fix]), ok(task=fix)], ctx)
    assert steps == [
        Call(
            "list_tasks",
            {
                "status": "open",
                "priority": "VERY_IMPORTANT,HIGH",
                "sort": "due_at",
                "limit": 20,
                "timezone": "America/New_York",
            },
        ),
        Call(
            "set_due_date", {"task_id": "f", "due_at": "2026-11-26T21:00:00Z", "timezone": "America/New_York"}
        ),
        Say("Moved 'Fix login bug' to tomorrow at 4:00 PM."),
    ]


def test_more_than_twenty_in_a_tag_moves_the_twenty_due_soonest_and_says_so() -> None:
    tasks = [
        {"id": f"t{n}", "title": f"Chore {n}", "due_at": "2026-11-25T16:00:00Z", "tags": ["Work"]}
        for n in range(20)
    ]
    steps = play("move all work tasks to friday", [ok(tasks=tasks, more=True), *(ok(task=t) for t in tasks)])
    assert isinstance(steps[0], Call) and steps[0].arguments["tags"] == "Work"
    assert isinstance(steps[1], Calls) and len(steps[1].calls) == 20
    assert isinstance(steps[-1], Say)
    assert steps[-1].text.startswith("Moved 20 tasks tagged Work to Friday, Nov 27, keeping their times:")
    assert steps[-1].text.endswith("You have more than 20 of them; I moved the 20 due soonest.")


# -- a tag of the user's own, said as a plain word ------------------------------------------
@pytest.mark.parametrize(
    ("message", "tags", "due", "ref"),
    [
        ("move all errands tasks to friday", ("errands",), None, "all errands"),
        ("move all my errands to friday", ("errands",), None, "all my errands"),
        ("move all of today's errands tasks to friday", ("errands",), "today", "all of today's errands"),
        ("push every garden task to friday", ("garden",), None, "every garden"),
    ],
)
def test_a_plain_word_said_with_all_may_be_the_users_own_tag(
    message: str, tags: tuple[str, ...], due: str | None, ref: str
) -> None:
    request = parse(message, NOW)
    assert request.intent == "move_all" and (request.filters.tags, request.filters.due) == (tags, due)
    # Without such a tag, the words read as they did before: one task's name.
    assert request.fallback is not None and (request.fallback.intent, request.fallback.ref) == ("update", ref)


@pytest.mark.parametrize(
    ("message", "ref"),
    [
        # Guards: no "all", two unknown words, or a pronoun: one task, as before (pass on the old code too).
        ("move the errands tasks to friday", "errands"),
        ("move all work errands to friday", "all work errands"),
        ("move all of them to friday", "all of them"),
        ("move all the dentist appointments to friday", "all the dentist appointments"),
    ],
)
def test_other_words_are_not_read_as_an_own_tag(message: str, ref: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref) == ("update", ref)


def seed_errands(fake: FakeTasks) -> None:
    fake.seed("alice", title="Post office", due_at="2026-11-25T16:00:00Z", tags=["Errands"])
    fake.seed("alice", title="Dry cleaning", due_at="2026-11-26T10:00:00Z", tags=["errands"])
    fake.seed("alice", title="Buy stamps", tags=["Errands", "Shopping"])
    fake.seed("alice", title="Run errands downtown", due_at="2026-11-25T09:00:00Z")


async def test_move_all_errands_tasks_moves_the_tasks_tagged_errands_then_undo(fake: FakeTasks) -> None:
    seed_errands(fake)
    before = dues(fake)
    chat = Chat(fake)
    assert await chat.say("move all errands tasks to friday") == (
        "Moved 3 tasks tagged Errands to Friday, Nov 27, keeping their times: 'Post office', 'Dry cleaning' "
        "and "
        "'Buy stamps'. 'Buy stamps' had no due date; it's now due at 9:00 AM. "
        'Say "undo" to put them back.'
    )
    assert dues(fake) == {
        **before,
        "Post office": "2026-11-27T16:00:00Z",
        "Dry cleaning": "2026-11-27T10:00:00Z",
        "Buy stamps": "2026-11-27T09:00:00Z",
    }
    await chat.say("undo")
    assert dues(fake) == before


async def test_without_such_a_tag_the_words_name_a_task_as_before(fake: FakeTasks) -> None:
    # Guard: the old one-task reading found 'Run errands downtown' too (passes on the old code).
    fake.seed("alice", title="Run errands downtown", due_at="2026-11-25T09:00:00Z")
    fake.seed("alice", title="Team sync", due_at="2026-11-25T16:00:00Z", tags=["Work"])
    chat = Chat(fake)
    assert await chat.say("move all errands to friday") == (
        "Moved 'Run errands downtown' to Friday at 9:00 AM."
    )
