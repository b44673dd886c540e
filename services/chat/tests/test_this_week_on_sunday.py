""" "This week" in a group to move, said on a Sunday, is the coming week: Monday (tomorrow) to
Sunday. Since 39aa5bc a group's "this week" is the calendar week; said on a Sunday that was
the week ending that day, so "push everything due this week to next week" moved last week's
overdue tasks and today's, and left the coming week's where they were. Only a move reads it
so: "mark everything due this week as done" on a Sunday is still the week ending today, and
"what's due this week?" still lists today and the 6 days after."""

from datetime import datetime

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.talk import BERLIN, FRIDAY, Talk, local_dues, week_of

SUNDAY = datetime(2026, 11, 29, 11, 0, tzinfo=BERLIN)
TASKS = {
    "Report": "2026-11-27T09:00:00Z",  # Friday 10:00, overdue
    "Gym": "2026-11-29T17:00:00Z",  # today (Sunday) 18:00
    "Call": "2026-12-01T09:00:00Z",  # Tuesday 10:00
    "Deck": "2026-12-05T09:00:00Z",  # Saturday 10:00
    "Later": "2026-12-08T09:00:00Z",  # Tuesday a week on
}


def seed(fake: FakeTasks) -> None:
    for title, due in TASKS.items():
        fake.seed("alice", title=title, due_at=due)


@pytest.mark.parametrize(
    "message",
    [
        "push everything due this week to next monday",
        "push this week's tasks to next week",
        "move all tasks due this week to friday",
    ],
)
def test_a_group_to_move_this_week_said_on_sunday_is_the_coming_week(message: str) -> None:
    filters = parse(message, SUNDAY).filters
    monday = datetime(2026, 11, 30, tzinfo=BERLIN)
    assert (filters.due_after, filters.due_before) == week_of(monday)


async def test_push_this_weeks_tasks_to_next_week_on_sunday(fake: FakeTasks) -> None:
    seed(fake)
    answer = await Talk(fake, SUNDAY).say("push this week's tasks to next week")
    assert answer.startswith(
        "Moved 2 tasks due this week (Mon 30 Nov \u2013 Sun 6 Dec) to the same day and time next week: "
        "'Call' and 'Deck'."
    )
    assert local_dues(fake) == {
        "Report": "Fri 27 Nov 10:00",
        "Gym": "Sun 29 Nov 18:00",
        "Call": "Tue 08 Dec 10:00",
        "Deck": "Sat 12 Dec 10:00",
        "Later": "Tue 08 Dec 10:00",
    }


async def test_move_everything_due_this_week_to_friday_on_sunday(fake: FakeTasks) -> None:
    seed(fake)
    await Talk(fake, SUNDAY).say("move everything due this week to friday")
    assert local_dues(fake) == {
        "Report": "Fri 27 Nov 10:00",
        "Gym": "Sun 29 Nov 18:00",
        "Call": "Fri 04 Dec 10:00",
        "Deck": "Fri 04 Dec 10:00",
        "Later": "Tue 08 Dec 10:00",
    }


# -- guards: other days, and other requests, read as before -----------------------------------
def test_on_a_friday_this_week_is_still_the_calendar_week() -> None:
    filters = parse("push everything due this week to next monday", FRIDAY).filters
    monday = datetime(2026, 11, 23, tzinfo=BERLIN)
    assert (filters.due_after, filters.due_before) == week_of(monday)


def test_marking_this_weeks_tasks_done_on_sunday_is_the_week_ending_today() -> None:
    filters = parse("mark everything due this week as done", SUNDAY).filters
    monday = datetime(2026, 11, 23, tzinfo=BERLIN)
    assert (filters.due_after, filters.due_before) == week_of(monday)


def test_the_question_on_sunday_still_lists_the_next_seven_days() -> None:
    assert parse("what's due this week?", SUNDAY).filters.due == "week"
