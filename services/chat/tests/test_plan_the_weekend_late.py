"""'Plan my weekend' late in the weekend. User test: said on Sunday at 17:00 it listed what was
left of this weekend (one task, or nothing) and planned nothing, naming no days. From Saturday
noon on, the reply plans what is left of this weekend and offers next weekend, or, when nothing
is left of this one, plans next weekend; each stretch is named with its days ("this weekend
(Sat 28 Nov \u2013 Sun 29 Nov)"). Before Saturday noon it is as before, with the days named;
"plan my next weekend" names its days too. "What do I have this weekend?" (a question, not a
plan) is unchanged."""

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from tests.conftest import FakeTasks
from tests.talk import Talk

SYDNEY = ZoneInfo("Australia/Sydney")
PLAN_THEN = "Tell me what to move, add or prioritise."
THIS = "this weekend (Sat 28 Nov \u2013 Sun 29 Nov)"
NEXT = "next weekend (Sat 5 Dec \u2013 Sun 6 Dec)"
OFFER = 'Next weekend is Sat 5 Dec \u2013 Sun 6 Dec: say "plan next weekend" to plan it too.'


def at(day: int, hour: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=SYDNEY)


def due(day: int, hour: int, month: int = 11) -> str:
    return at(day, hour, month).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def seed(fake: FakeTasks, *, sunday_left: bool = True) -> None:
    fake.seed("alice", title="Call mom")
    fake.seed("alice", title="Hike", due_at=due(28, 10))  # this Saturday 10:00
    if sunday_left:
        fake.seed("alice", title="Laundry", due_at=due(29, 19))  # this Sunday 19:00
    fake.seed("alice", title="Report", due_at=due(1, 9, 12))  # Tuesday
    fake.seed("alice", title="Brunch", due_at=due(5, 11, 12))  # next Saturday 11:00


def state(fake: FakeTasks) -> list[dict[str, Any]]:
    return sorted((dict(t) for t in fake.tasks.values()), key=lambda t: str(t["title"]))


SAID = ["plan my weekend", "help me plan the weekend", "can you plan my weekend?", "plan this weekend"]


@pytest.mark.parametrize("message", SAID)
async def test_on_sunday_afternoon_the_rest_and_next_weekend_offered(fake: FakeTasks, message: str) -> None:
    seed(fake)
    before = state(fake)
    answer = await Talk(fake, at(29, 17)).say(message)
    assert answer == (
        "You have 1 open task due in the rest of this weekend (Sun 29 Nov):\n"
        "- Laundry (due today at 7:00 PM)\n" + OFFER + "\n" + PLAN_THEN
    )
    assert state(fake) == before


async def test_on_sunday_with_nothing_left_next_weekend_is_planned(fake: FakeTasks) -> None:
    seed(fake, sunday_left=False)
    talk = Talk(fake, at(29, 17))
    assert await talk.say("plan my weekend") == (
        "You have no open tasks due in the rest of this weekend (Sun 29 Nov), so here is next weekend.\n"
        f"You have 1 open task due {NEXT}:\n- Brunch (due on Saturday at 11:00 AM)\n{PLAN_THEN}"
    )
    # The list a number picks from is next weekend's, the one shown.
    assert await talk.say("move the first one to sunday") == "Moved 'Brunch' to Sun 6 Dec at 11:00 AM."


async def test_on_saturday_afternoon_the_rest_of_both_days_and_next_weekend_offered(fake: FakeTasks) -> None:
    seed(fake)
    talk = Talk(fake, at(28, 15))
    assert await talk.say("plan my weekend") == (
        f"You have 2 open tasks due in the rest of {THIS}, soonest due first:\n"
        "- Hike (overdue, due today at 10:00 AM)\n- Laundry (due tomorrow at 7:00 PM)\n"
        f"{OFFER}\n{PLAN_THEN}"
    )
    moved = await talk.say("move the second one to next saturday")
    assert moved == "Moved 'Laundry' to Sat 5 Dec at 7:00 PM."


@pytest.mark.parametrize(
    ("now", "hike", "laundry"),
    [
        (at(28, 11), "overdue, due today at 10:00 AM", "due tomorrow at 7:00 PM"),  # Saturday morning
        (at(27, 15), "due tomorrow at 10:00 AM", "due on Sunday at 7:00 PM"),  # Friday
        (at(25, 9), "due on Saturday at 10:00 AM", "due on Sunday at 7:00 PM"),  # Wednesday
    ],
)
async def test_before_saturday_noon_this_weekend_with_its_days(
    fake: FakeTasks, now: datetime, hike: str, laundry: str
) -> None:
    seed(fake)
    assert await Talk(fake, now).say("plan my weekend") == (
        f"You have 2 open tasks due {THIS}, soonest due first:\n"
        f"- Hike ({hike})\n- Laundry ({laundry})\n{PLAN_THEN}"
    )


@pytest.mark.parametrize("now", [at(29, 17), at(28, 15), at(27, 15)])
async def test_plan_my_next_weekend_names_its_days(fake: FakeTasks, now: datetime) -> None:
    seed(fake)
    answer = await Talk(fake, now).say("plan my next weekend")
    assert answer.startswith(f"You have 1 open task due {NEXT}:\n- Brunch (due on ")
    assert answer.endswith(PLAN_THEN)


async def test_the_question_is_unchanged(fake: FakeTasks) -> None:
    # Guard: asked, not planned, it lists the rest of this weekend as before.
    seed(fake)
    assert await Talk(fake, at(29, 17)).say("What do I have this weekend?") == (
        "You have 1 open task due this weekend:\n- Laundry (due today at 7:00 PM)"
    )
