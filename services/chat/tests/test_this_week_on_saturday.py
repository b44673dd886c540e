""" "This week" in a group to move, said on a Saturday, and what a group move's reply says.
User test (Saturday 28 Nov 2026, Berlin): "push all Clients tasks due this week to next monday"
moved Friday's overdue task and the weekend's, and the reply said only "due this week ... to
Monday", so what "this week" meant could not be seen. A Saturday is in this week wherever weeks
start (Monday or Sunday), so its "this week" stays the week ending tomorrow (a Sunday's is the
coming week since cccfaac: where weeks start on Sunday it begins one); the reply now names the
days of "this week" and the date of the day it moved them to. Marking done and the question
"what's due this week?" read the week as before; a Friday's "this week" too."""

from datetime import datetime

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.talk import BERLIN, FRIDAY, Talk, local, local_dues, week_of

SATURDAY = datetime(2026, 11, 28, 11, 0, tzinfo=BERLIN)
CLIENTS = {
    "Report": "2026-11-27T09:00:00Z",  # Friday 10:00, overdue
    "Invoice": "2026-11-28T15:00:00Z",  # today (Saturday) 16:00
    "Review": "2026-11-29T09:00:00Z",  # Sunday 10:00
    "Kickoff": "2026-11-30T08:00:00Z",  # Monday 9:00
    "Call": "2026-12-01T09:00:00Z",  # Tuesday 10:00
    "Deck": "2026-12-04T13:00:00Z",  # Friday 14:00
    "Later": "2026-12-08T09:00:00Z",  # Tuesday a week on
}
BEFORE = {title: local(due) for title, due in CLIENTS.items()} | {"Other": "Tue 01 Dec 12:00"}
ENDING_WEEK = "due this week (Mon 23 Nov \u2013 Sun 29 Nov)"


def seed(fake: FakeTasks) -> None:
    for title, due in CLIENTS.items():
        fake.seed("alice", title=title, tags=["Clients"], due_at=due)
    fake.seed("alice", title="Other", due_at="2026-12-01T11:00:00Z")


@pytest.mark.parametrize(
    "message",
    [
        "push all Clients tasks due this week to next monday",
        "push everything due this week to next monday",
        "push this week's tasks to next week",
        "move all tasks due this week to friday",
    ],
)
def test_a_group_to_move_this_week_said_on_saturday_is_the_week_ending_tomorrow(message: str) -> None:
    filters = parse(message, SATURDAY).filters
    monday = datetime(2026, 11, 23, tzinfo=BERLIN)
    assert (filters.due_after, filters.due_before) == week_of(monday)


async def test_the_reported_push_on_saturday_names_the_week_and_the_date_then_undo(fake: FakeTasks) -> None:
    seed(fake)
    talk = Talk(fake, SATURDAY)
    answer = await talk.say("push all Clients tasks due this week to next monday")
    assert answer == (
        f"Moved 3 tasks tagged Clients {ENDING_WEEK} to Monday 30 Nov, keeping their times: "
        "'Report', 'Invoice' and 'Review'. Say \"undo\" to put them back."
    )
    assert local_dues(fake) == BEFORE | {
        "Report": "Mon 30 Nov 10:00",
        "Invoice": "Mon 30 Nov 16:00",
        "Review": "Mon 30 Nov 10:00",
    }
    assert (await talk.say("undo")).startswith("Changed ")
    assert local_dues(fake) == BEFORE


async def test_push_this_weeks_tasks_to_next_week_on_saturday(fake: FakeTasks) -> None:
    seed(fake)
    answer = await Talk(fake, SATURDAY).say("push this week's tasks to next week")
    assert answer.startswith(
        f"Moved 3 tasks {ENDING_WEEK} to the same day and time next week: 'Report', 'Invoice' and 'Review'."
    )
    assert local_dues(fake) == BEFORE | {
        "Report": "Fri 04 Dec 10:00",
        "Invoice": "Sat 05 Dec 16:00",
        "Review": "Sun 06 Dec 10:00",
    }


async def test_on_a_friday_the_reply_names_the_calendar_week_and_the_date(fake: FakeTasks) -> None:
    seed(fake)
    answer = await Talk(fake, FRIDAY).say("push all Clients tasks due this week to next monday")
    assert answer.startswith(
        "Moved 3 tasks tagged Clients due this week (Mon 23 Nov \u2013 Sun 29 Nov) to Monday 30 Nov, "
        "keeping their times: 'Report', 'Invoice' and 'Review'."
    )


# -- guards: other days, and other requests, read the week as before ----------------------------
def test_on_a_friday_this_week_is_still_the_calendar_week() -> None:
    filters = parse("push everything due this week to next monday", FRIDAY).filters
    monday = datetime(2026, 11, 23, tzinfo=BERLIN)
    assert (filters.due_after, filters.due_before) == week_of(monday)


def test_marking_this_weeks_tasks_done_on_saturday_is_the_week_ending_tomorrow() -> None:
    filters = parse("mark everything due this week as done", SATURDAY).filters
    monday = datetime(2026, 11, 23, tzinfo=BERLIN)
    assert (filters.due_after, filters.due_before) == week_of(monday)


def test_the_question_on_saturday_still_lists_the_next_seven_days() -> None:
    assert parse("what's due this week?", SATURDAY).filters.due == "week"
