""" "Push", "postpone", "delay" never make a task earlier, and "this week" in a group to move
is the calendar week. User test (Friday 27 Nov 2026, Berlin): "push everything for Acme that's
due this week to next monday" moved 6 tasks to Mon 30 Nov, 3 of them due Tue 1 - Thu 3 Dec,
i.e. earlier. "This week" was the next 7 days (due=week, Friday to Thursday); in a group to
move or mark done it is now Monday to Sunday, so those 3 are not in it, and a push that would
make a task earlier leaves it where it is and says so. "What's due this week?" still lists
the next 7 days; "move" (no later-only verb) moves as before."""

from typing import Any

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.talk import FRIDAY, Talk, local_dues

ACME = {
    "Acme: brief": "2026-11-27T16:00:00Z",  # today 17:00
    "Acme: invoice": "2026-11-28T09:00:00Z",  # Saturday
    "Acme: review": "2026-11-29T09:00:00Z",  # Sunday
    "Acme: call": "2026-12-01T09:00:00Z",  # Tuesday
    "Acme: deck": "2026-12-02T09:00:00Z",  # Wednesday
    "Acme: kickoff": "2026-12-03T09:00:00Z",  # Thursday
    "Acme: report": "2026-11-25T09:00:00Z",  # this Wednesday, overdue
}


def seed(fake: FakeTasks, titles: Any = ACME) -> None:
    for title in titles:
        fake.seed("alice", title=title, tags=["Acme"], due_at=ACME[title])
    fake.seed("alice", title="Other", due_at="2026-11-28T09:00:00Z")


async def test_the_reported_push_moves_this_calendar_weeks_tasks_only(fake: FakeTasks) -> None:
    seed(fake)
    answer = await Talk(fake).say("push everything for Acme that's due this week to next monday")
    assert answer.startswith(
        "Moved 4 tasks tagged Acme due this week (Mon 23 Nov \u2013 Sun 29 Nov) to Monday 30 Nov, "
        "keeping their times: "
    )
    assert local_dues(fake) == {
        "Acme: brief": "Mon 30 Nov 17:00",
        "Acme: invoice": "Mon 30 Nov 10:00",
        "Acme: review": "Mon 30 Nov 10:00",
        "Acme: call": "Tue 01 Dec 10:00",
        "Acme: deck": "Wed 02 Dec 10:00",
        "Acme: kickoff": "Thu 03 Dec 10:00",
        "Acme: report": "Mon 30 Nov 10:00",
        "Other": "Sat 28 Nov 10:00",
    }


@pytest.mark.parametrize("verb", ["push", "postpone", "delay"])
async def test_a_push_leaves_tasks_already_due_later_and_says_so(fake: FakeTasks, verb: str) -> None:
    seed(fake)
    answer = await Talk(fake).say(f"{verb} all Acme tasks to monday")
    assert answer.endswith(
        "3 were already due on or after Monday 30 Nov; left them as they are: "
        "'Acme: call', 'Acme: deck' and 'Acme: kickoff'."
    )
    assert [local_dues(fake)[t] for t in ("Acme: call", "Acme: deck", "Acme: kickoff")] == [
        "Tue 01 Dec 10:00",
        "Wed 02 Dec 10:00",
        "Thu 03 Dec 10:00",
    ]
    assert local_dues(fake)["Acme: invoice"] == "Mon 30 Nov 10:00"


async def test_a_push_of_tasks_all_due_later_moves_nothing(fake: FakeTasks) -> None:
    seed(fake, ["Acme: call", "Acme: deck"])
    before = local_dues(fake)
    assert await Talk(fake).say("delay all Acme tasks to monday") == (
        "All 2 tasks tagged Acme are already due on or after Monday 30 Nov, so I didn't move anything: "
        "'Acme: call' and 'Acme: deck'."
    )
    assert local_dues(fake) == before


async def test_pushing_one_task_to_before_its_due_day_leaves_it(fake: FakeTasks) -> None:
    seed(fake, ["Acme: deck"])
    assert await Talk(fake).say("push the Acme deck to monday") == (
        "'Acme: deck' is already due Wednesday at 10:00, on or after Monday; I left it there."
    )
    assert local_dues(fake)["Acme: deck"] == "Wed 02 Dec 10:00"


# -- guards -----------------------------------------------------------------------------------
async def test_pushing_one_task_later_still_moves_it(fake: FakeTasks) -> None:
    seed(fake, ["Acme: invoice"])
    assert (await Talk(fake).say("push the Acme invoice to monday")).startswith(
        "Moved 'Acme: invoice' to Monday"
    )
    assert local_dues(fake)["Acme: invoice"] == "Mon 30 Nov 10:00"


async def test_move_is_no_push_and_moves_every_task_of_the_group(fake: FakeTasks) -> None:
    seed(fake)
    assert (await Talk(fake).say("move all Acme tasks to monday")).startswith(
        "Moved 7 tasks tagged Acme to Monday"
    )
    assert {d for t, d in local_dues(fake).items() if t.startswith("Acme")} == {
        "Mon 30 Nov 10:00",
        "Mon 30 Nov 17:00",
    }


def test_a_question_about_this_week_still_lists_the_next_seven_days() -> None:
    filters = parse("what's due this week?", FRIDAY).filters
    assert (filters.due, filters.due_after, filters.due_before) == ("week", None, None)
