"""A new task said for several days ("gym tuesday and thursday at 7am") is a task for each
day; with "every" it is one repeating task; an "and" inside a title splits nothing."""

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from chat_service.domain.planner import Call, Calls, Context, Say
from chat_service.offline_model import OfflineModel, context_line
from tests.conftest import NOW, FakeTasks
from tests.test_offline_model import play
from tests.test_undo import Chat, titles

NEW_YORK = Context(now=NOW, timezone="America/New_York")  # Wednesday 25 Nov, 9:30 AM there


def calls(steps: list[Call | Calls | Say]) -> list[Call]:
    """Every call the steps make, those made together in the order they were made."""
    return [c for s in steps if not isinstance(s, Say) for c in (s.calls if isinstance(s, Calls) else (s,))]


def added(steps: list[Call | Calls | Say]) -> list[tuple[str, str | None, str | None]]:
    """(title, due in New York, rrule) of each add_task call."""
    zone = ZoneInfo("America/New_York")
    out = []
    for step in calls(steps):
        if step.name == "add_task":
            due = step.arguments.get("due_at")
            local = datetime.fromisoformat(due.replace("Z", "+00:00")).astimezone(zone) if due else None
            out.append(
                (
                    step.arguments["title"],
                    local.strftime("%a %d %H:%M") if local else None,
                    step.arguments.get("rrule"),
                )
            )
    return out


def answers(message: str, n: int) -> list[dict[str, Any]]:
    return [{"ok": True, "task": {"id": f"t{i}", "title": "x"}} for i in range(n)]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("gym tuesday and thursday at 7am", [("Gym", "Thu 26 07:00", None), ("Gym", "Tue 01 07:00", None)]),
        ("Gym Tuesday & Thursday, 7am", [("Gym", "Thu 26 07:00", None), ("Gym", "Tue 01 07:00", None)]),
        (
            "gym mon, wed and fri at 6:30am",
            [("Gym", "Fri 27 06:30", None), ("Gym", "Mon 30 06:30", None), ("Gym", "Wed 02 06:30", None)],
        ),
        (
            "call mom tomorrow and friday",
            [("Call mom", "Thu 26 09:00", None), ("Call mom", "Fri 27 09:00", None)],
        ),
        (
            "gym tuesday at 7am and thursday at 6pm",
            [("Gym", "Thu 26 18:00", None), ("Gym", "Tue 01 07:00", None)],
        ),
        (
            "on monday and tuesday I have to call the bank",
            [("Call the bank", "Mon 30 09:00", None), ("Call the bank", "Tue 01 09:00", None)],
        ),
        (
            "Call mom and dad on saturday and sunday evening",
            [("Call mom and dad", "Sat 28 18:00", None), ("Call mom and dad", "Sun 29 18:00", None)],
        ),
        (
            "team lunch dec 3 and dec 10 at noon",
            [("Team lunch", "Thu 03 12:00", None), ("Team lunch", "Thu 10 12:00", None)],
        ),
    ],
)
def test_a_task_said_for_several_days_is_a_task_each_day(
    message: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert added(play(message, answers(message, len(expected)), NEW_YORK)) == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("gym every tuesday and thursday at 7am", ("Gym", "Thu 26 07:00", "FREQ=WEEKLY;BYDAY=TU,TH")),
        ("every tuesday and thursday at 7am gym", ("Gym", "Thu 26 07:00", "FREQ=WEEKLY;BYDAY=TU,TH")),
        ("gym on tuesdays and thursdays at 7am", ("Gym", "Thu 26 07:00", "FREQ=WEEKLY;BYDAY=TU,TH")),
        ("Tom and Jerry marathon friday", ("Tom and Jerry marathon", "Fri 27 09:00", None)),
        ("buy salt and pepper", ("Buy salt and pepper", None, None)),
        ("salt and pepper on friday", ("Salt and pepper", "Fri 27 09:00", None)),
        ("Call mom and dad on saturday", ("Call mom and dad", "Sat 28 09:00", None)),
        # Abbreviations are weekdays now, as on the web and as "Watch Monday and Tuesday
        # episodes" was already read: one task, not split.
        ("Watch Mon and Tue episodes", ("Watch and Tue episodes", "Mon 30 09:00", None)),
    ],
)
def test_one_task_when_the_and_joins_no_days_or_every_makes_it_repeat(
    message: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert added(play(message, answers(message, 1), NEW_YORK)) == [expected]


async def test_gym_tuesday_and_thursday_adds_two_tasks_and_undo_removes_both(fake: FakeTasks) -> None:
    chat = Chat(fake)
    assert await chat.say("gym tuesday and thursday at 7am") == (
        "Added 'Gym' for tomorrow at 7:00 AM. Added 'Gym' for Tuesday at 7:00 AM."
    )
    assert sorted(t["due_at"] for t in fake.tasks.values()) == [
        "2026-11-26T07:00:00Z",
        "2026-12-01T07:00:00Z",
    ]
    assert await chat.say("undo") == (
        "Removed 'Gym', which I had just added. Removed 'Gym', which I had just added."
    )
    assert titles(fake) == []


# -- more than three days: one sentence --------------------------------------------------------
def test_weekdays_said_with_spaces_are_a_task_each() -> None:
    message = "gym monday tuesday wednesday thursday and friday at 7am"
    assert added(play(message, answers(message, 5), NEW_YORK)) == [
        ("Gym", "Thu 26 07:00", None),
        ("Gym", "Fri 27 07:00", None),
        ("Gym", "Mon 30 07:00", None),
        ("Gym", "Tue 01 07:00", None),
        ("Gym", "Wed 02 07:00", None),
    ]


def made(steps: list[Call | Calls | Say], failing: int | None = None) -> list[dict[str, Any]]:
    """What add_task answers for each call: the task as asked (or a failure for call `failing`)."""
    results: list[dict[str, Any]] = []
    for n, step in enumerate(calls(steps)):
        task = {"id": f"t{n}", **{k: v for k, v in step.arguments.items() if k != "timezone"}}
        if task.pop("remind_minutes_before", None) == 0:
            task["remind_at"] = task["due_at"]
        results.append(
            {"ok": False, "error": "unavailable", "message": "Try again"}
            if n == failing
            else {"ok": True, "task": task}
        )
    return results


def reply_to(message: str, failing: int | None = None) -> str:
    first = play(message, answers(message, 7), NEW_YORK)  # the calls, to answer them as asked
    last = play(message, made(first, failing), NEW_YORK)[-1]
    assert isinstance(last, Say)
    return last.text


def test_five_days_are_told_in_one_sentence() -> None:
    assert reply_to("gym monday, tuesday, wednesday, thursday and friday at 7am") == (
        "Added 'Gym' for 5 days: tomorrow, Friday, Monday, Tuesday and Wed, Dec 2, at 7:00 AM."
    )


def test_days_at_different_times_each_say_their_time() -> None:
    assert reply_to("gym monday at 6am, tuesday, wednesday and thursday at 7am") == (
        "Added 'Gym' for 4 days: tomorrow at 7:00 AM, Monday at 6:00 AM, Tuesday at 7:00 AM and "
        "Wed, Dec 2 at 7:00 AM."
    )


def test_what_each_task_has_is_said_once() -> None:
    assert reply_to("remind me to take out the trash mon, tue, wed and thu at 7pm #home") == (
        "Added 'Take out the trash' for 4 days: tomorrow, Monday, Tuesday and Wed, Dec 2, at 7:00 PM "
        "(tagged home, reminder at the due time)."
    )


def test_a_day_that_failed_is_told_after_the_others() -> None:
    assert reply_to("gym monday, tuesday, wednesday, thursday and friday at 7am", failing=1) == (
        "Added 'Gym' for 4 days: tomorrow, Monday, Tuesday and Wed, Dec 2, at 7:00 AM. "
        "I couldn't add 'Gym': Try again."
    )


def test_three_days_are_still_told_one_by_one() -> None:
    # Guard: up to three, a sentence each, as before (passes on the old code too).
    assert reply_to("gym mon, wed and fri at 6:30am") == (
        "Added 'Gym' for Friday at 6:30 AM. Added 'Gym' for Monday at 6:30 AM. "
        "Added 'Gym' for Wed, Dec 2 at 6:30 AM."
    )


async def test_gym_on_five_weekdays_through_the_agent_then_undo(fake: FakeTasks) -> None:
    chat = Chat(fake)
    assert await chat.say("gym monday tuesday wednesday thursday and friday at 7am") == (
        "Added 'Gym' for 5 days: tomorrow, Friday, Monday, Tuesday and Wed, Dec 2, at 7:00 AM."
    )
    assert len(fake.tasks) == 5
    assert await chat.say("undo") == "Removed the 5 tasks I had just added: 'Gym' (5 times)."
    assert titles(fake) == []


# -- the adds of several days go out together --------------------------------------------------
@pytest.mark.parametrize(
    ("message", "days"),
    [
        ("gym monday tuesday wednesday thursday and friday at 7am", 5),
        ("gym tuesday and thursday at 7am", 2),
        ("gym mon, wed and fri at 6:30am", 3),
    ],
)
def test_the_tasks_of_several_days_are_added_in_one_step(message: str, days: int) -> None:
    steps = play(message, answers(message, days), NEW_YORK)
    assert len(steps) == 2 and isinstance(steps[0], Calls) and isinstance(steps[1], Say)
    assert [call.name for call in steps[0].calls] == ["add_task"] * days


def test_five_days_are_one_model_response() -> None:
    line = context_line(NOW, "America/New_York", None, None)
    output = OfflineModel().respond(line, "gym monday tuesday wednesday thursday and friday at 7am")
    assert [(o.name, json.loads(o.arguments)["due_at"]) for o in output] == [
        ("add_task", "2026-11-26T12:00:00Z"),
        ("add_task", "2026-11-27T12:00:00Z"),
        ("add_task", "2026-11-30T12:00:00Z"),
        ("add_task", "2026-12-01T12:00:00Z"),
        ("add_task", "2026-12-02T12:00:00Z"),
    ]
