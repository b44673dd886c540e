"""A new task said for several days ("gym tuesday and thursday at 7am") is a task for each
day; with "every" it is one repeating task; an "and" inside a title splits nothing."""

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from chat_service.domain.planner import Call, Context, Say
from tests.conftest import NOW, FakeTasks
from tests.test_offline_model import play
from tests.test_undo import Chat, titles

NEW_YORK = Context(now=NOW, timezone="America/New_York")  # Wednesday 25 Nov, 9:30 AM there


def added(steps: list[Call | Say]) -> list[tuple[str, str | None, str | None]]:
    """(title, due in New York, rrule) of each add_task call."""
    zone = ZoneInfo("America/New_York")
    out = []
    for step in steps:
        if isinstance(step, Call) and step.name == "add_task":
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
        ("Watch Mon and Tue episodes", ("Watch Mon and Tue episodes", None, None)),
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
