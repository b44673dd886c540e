"""A new task said with its own due time, then "and remind me <when>": the words after "remind
me" are the reminder's time, not more of the due time. "add dentist monday at 3pm and remind me
at 1pm" (said on Saturday 28 Nov 2026 at 02:30 in Berlin) is 'Dentist', due Monday 15:00 with a
reminder Monday 13:00: a time alone is on the task's due day. Before: 'Dentist at 1pm', reminded
at its due time. A reminder after the due time is set with the warning the edits give."""

from datetime import datetime
from typing import Any

import pytest
from tests.conftest import FakeTasks
from tests.talk import BERLIN, Talk, local

SATURDAY = datetime(2026, 11, 28, 2, 30, tzinfo=BERLIN)


def only_task(fake: FakeTasks) -> dict[str, Any]:
    [task] = fake.tasks.values()
    return task


async def test_a_time_alone_is_on_the_due_day(fake: FakeTasks) -> None:
    answer = await Talk(fake, SATURDAY).say("add dentist monday at 3pm and remind me at 1pm")
    task = only_task(fake)
    assert (task["title"], local(task["due_at"]), local(task["remind_at"])) == (
        "Dentist",
        "Mon 30 Nov 15:00",
        "Mon 30 Nov 13:00",
    )
    assert answer == "Added 'Dentist' for Monday at 15:00 (reminder Monday at 13:00)."


async def test_a_reminder_after_the_due_time_is_set_with_a_warning(fake: FakeTasks) -> None:
    answer = await Talk(fake, SATURDAY).say("add dentist friday at 3pm and remind me saturday morning")
    task = only_task(fake)
    assert (task["title"], local(task["due_at"]), local(task["remind_at"])) == (
        "Dentist",
        "Fri 04 Dec 15:00",
        "Sat 05 Dec 09:00",
    )
    assert answer == (
        "Added 'Dentist' for Friday at 15:00 (reminder Sat 5 Dec at 09:00). "
        "Heads up: that's after it's due (Friday at 15:00)."
    )


@pytest.mark.parametrize(
    ("message", "title", "due", "remind"),
    [
        (
            "add dentist monday at 3pm and remind me sunday at 6pm",
            "Dentist",
            "Mon 30 Nov 15:00",
            "Sun 29 Nov 18:00",
        ),
        (
            "add dentist monday at 3pm and remind me monday morning",
            "Dentist",
            "Mon 30 Nov 15:00",
            "Mon 30 Nov 09:00",
        ),
        ("add dentist monday at 3pm, remind me at 1pm", "Dentist", "Mon 30 Nov 15:00", "Mon 30 Nov 13:00"),
        ("add dentist at 3pm monday and remind me at 1", "Dentist", "Mon 30 Nov 15:00", "Mon 30 Nov 13:00"),
        (
            "call the dentist monday at 3pm and remind me at 1pm",
            "Call the dentist",
            "Mon 30 Nov 15:00",
            "Mon 30 Nov 13:00",
        ),
        (
            "remind me at 1pm to call the dentist monday at 3pm",
            "Call the dentist",
            "Mon 30 Nov 15:00",
            "Mon 30 Nov 13:00",
        ),
        (
            "at 1pm, remind me to call the dentist monday at 3pm",
            "Call the dentist",
            "Mon 30 Nov 15:00",
            "Mon 30 Nov 13:00",
        ),
        (
            "add gym every monday at 7am and remind me at 6:30am",
            "Gym",
            "Mon 30 Nov 07:00",
            "Mon 30 Nov 06:30",
        ),
    ],
)
async def test_the_reminder_words_are_the_reminders(
    fake: FakeTasks, message: str, title: str, due: str, remind: str
) -> None:
    answer = await Talk(fake, SATURDAY).say(message)
    task = only_task(fake)
    assert (task["title"], local(task["due_at"]), local(task["remind_at"])) == (title, due, remind), answer
    assert "Heads up" not in answer


# -- guards: what was read right before ----------------------------------------------------------
@pytest.mark.parametrize(
    ("message", "title", "due", "remind", "said"),
    [
        # minutes before: take_reminder, as before
        (
            "add dentist monday at 3pm and remind me 2 hours before",
            "Dentist",
            "Mon 30 Nov 15:00",
            "Mon 30 Nov 13:00",
            "reminder 2 hours before",
        ),
        # no due time of its own: the words are the due time too
        (
            "add milk to my shopping list and remind me saturday morning",
            "Milk",
            "Sat 05 Dec 09:00",
            "Sat 05 Dec 09:00",
            "reminder at the due time",
        ),
        # a day, then a time: together they are the due time
        (
            "add dentist monday and remind me at 1pm",
            "Dentist",
            "Mon 30 Nov 13:00",
            "Mon 30 Nov 13:00",
            "reminder at the due time",
        ),
        (
            "add dentist monday at 3pm and remind me",
            "Dentist",
            "Mon 30 Nov 15:00",
            "Mon 30 Nov 15:00",
            "reminder at the due time",
        ),
        (
            "remind me at 5 to call mom",
            "Call mom",
            "Sat 28 Nov 17:00",
            "Sat 28 Nov 17:00",
            "reminder at the due time",
        ),
        (
            "remind me tomorrow at 9 to pay rent",
            "Pay rent",
            "Sun 29 Nov 09:00",
            "Sun 29 Nov 09:00",
            "reminder at the due time",
        ),
    ],
)
async def test_guards_read_as_before(
    fake: FakeTasks, message: str, title: str, due: str, remind: str, said: str
) -> None:
    answer = await Talk(fake, SATURDAY).say(message)
    task = only_task(fake)
    assert (task["title"], local(task["due_at"]), local(task["remind_at"])) == (title, due, remind), answer
    assert f"({said})" in answer or f", {said})" in answer, answer


async def test_and_remind_me_to_stays_in_the_title(fake: FakeTasks) -> None:
    await Talk(fake, SATURDAY).say("add dentist monday at 3pm and remind me to call bob")
    task = only_task(fake)
    assert (task["title"], task.get("remind_at")) == ("Dentist and remind me to call bob", None)
