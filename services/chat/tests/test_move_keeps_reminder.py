"""A task moved to another due time keeps its reminder where the user put it, by the rule a
series' next instance keeps it (todo_common.recurrence.next_remind_at): on the wall clock of
the task's timezone (else the user's), so 'Bins' reminded the evening before at 18:00 is still
reminded at 18:00 after a move across a daylight-saving change (before: 17:00 or 19:00, the
elapsed offset); 30 minutes before stays 30 minutes before; in UTC the elapsed offset."""

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from tests.conftest import FakeTasks
from tests.talk import Talk, local
from tests.test_tools import Tools

LONDON = ZoneInfo("Europe/London")


def at(*args: int) -> str:
    """A wall time in London as the API writes it (UTC, Z)."""
    return datetime(*args, tzinfo=LONDON).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")  # type: ignore[misc]


# Summer time starts in London on Sunday 28 March 2027 (01:00 GMT) and ends on Sunday
# 31 October 2027 (01:00 GMT).
SPRING = {"due_at": at(2027, 3, 21, 7), "remind_at": at(2027, 3, 20, 18)}  # Sun 07:00, Sat 18:00 GMT
AUTUMN = {"due_at": at(2027, 10, 24, 7), "remind_at": at(2027, 10, 23, 18)}  # Sun 07:00, Sat 18:00 BST


@pytest.mark.parametrize(
    ("task", "moved_to", "reminder"),
    [
        (SPRING, at(2027, 3, 28, 7), "Sat 27 Mar 18:00"),  # elapsed: 17:00
        (AUTUMN, at(2027, 10, 31, 7), "Sat 30 Oct 18:00"),  # elapsed: 19:00
    ],
)
@pytest.mark.parametrize("zones", [("Europe/London", "UTC"), (None, "Europe/London")])
async def test_the_evening_before_at_18_00_stays_at_18_00(
    fake: FakeTasks, task: dict[str, str], moved_to: str, reminder: str, zones: tuple[str | None, str]
) -> None:
    # The task's own zone, else the zone the tool is told (the user's).
    task_zone, users_zone = zones
    bins = fake.seed("alice", title="Bins", timezone=task_zone, **task)
    moved = await Tools(fake)("set_due_date", task_id=bins["id"], due_at=moved_to, timezone=users_zone)
    assert moved["ok"], moved
    assert (moved["task"]["due_at"], local(moved["task"]["remind_at"], LONDON)) == (moved_to, reminder)


async def test_minutes_before_stay_that_many_minutes_before(fake: FakeTasks) -> None:
    call = Tools(fake)
    bins = fake.seed("alice", title="Bins", due_at=at(2027, 3, 27, 9), remind_at=at(2027, 3, 27, 8, 30))
    moved = await call(
        "set_due_date", task_id=bins["id"], due_at=at(2027, 3, 28, 9), timezone="Europe/London"
    )
    assert local(moved["task"]["remind_at"], LONDON) == "Sun 28 Mar 08:30"
    # Due 02:15 BST on the night London skips 01:00-02:00: 30 minutes before is 00:45 GMT.
    moved = await call(
        "set_due_date", task_id=bins["id"], due_at=at(2027, 3, 28, 2, 15), timezone="Europe/London"
    )
    assert moved["task"]["remind_at"] == "2027-03-28T00:45:00Z"


async def test_without_a_zone_the_reminder_keeps_its_elapsed_offset(fake: FakeTasks) -> None:
    bins = fake.seed("alice", title="Bins", **SPRING)
    moved = await Tools(fake)("set_due_date", task_id=bins["id"], due_at=at(2027, 3, 28, 7))
    assert moved["task"]["remind_at"] == "2027-03-27T17:00:00Z"  # 13 hours before, as before


def _talk(fake: FakeTasks, now: datetime) -> Talk:
    return Talk(fake, now.replace(tzinfo=LONDON))


@pytest.mark.parametrize("message", ["push bins back a week", "move bins to sunday march 28"])
async def test_the_assistant_moves_a_task_across_the_spring_change(fake: FakeTasks, message: str) -> None:
    # A one-off has no zone of its own: the user's (London) is the one kept.
    bins = fake.seed("alice", title="Bins", **SPRING)
    said = await _talk(fake, datetime(2027, 3, 20, 10)).say(message)
    assert "Bins" in said and bins["due_at"] == at(2027, 3, 28, 7), said
    assert local(bins["remind_at"], LONDON) == "Sat 27 Mar 18:00"


async def test_skipping_a_repeating_task_across_the_autumn_change(fake: FakeTasks) -> None:
    bins = fake.seed("alice", title="Bins", rrule="FREQ=WEEKLY;BYDAY=SU", timezone="Europe/London", **AUTUMN)
    said = await _talk(fake, datetime(2027, 10, 23, 10)).say("skip the bins")
    assert said.startswith("Skipped") and bins["due_at"] == at(2027, 10, 31, 7), said
    assert local(bins["remind_at"], LONDON) == "Sat 30 Oct 18:00"


async def test_undo_puts_the_reminder_back(fake: FakeTasks) -> None:
    bins: dict[str, Any] = fake.seed("alice", title="Bins", **SPRING)
    talk = _talk(fake, datetime(2027, 3, 20, 10))
    await talk.say("push bins back a week")
    await talk.say("undo")
    assert (bins["due_at"], bins["remind_at"]) == (SPRING["due_at"], SPRING["remind_at"])
