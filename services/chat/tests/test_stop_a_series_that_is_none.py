"""'Cancel the monthly rent', 'stop the monthly gym' said of a task that does not repeat. Before,
the reply was only "'Pay rent' doesn't repeat." and left the user there. Now nothing changes and
the reply says the task does not repeat, names it, and offers what can be done instead: delete
it or mark it as done (either then works on "it"). Several tasks matching are asked about as
before; a repeating one still stops repeating."""

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from tests.conftest import FakeTasks
from tests.talk import Talk

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 11, 27, 17, 17, tzinfo=PARIS)  # Friday


def offer(title: str) -> str:
    return (
        f"'{title}' doesn't repeat, so there is no series to stop; I left it as it is. "
        "Should I delete it, or mark it as done?"
    )


def state(fake: FakeTasks) -> list[dict[str, Any]]:
    return sorted((dict(t) for t in fake.tasks.values()), key=lambda t: str(t["title"]))


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("cancel the monthly rent", "Pay rent"),
        ("stop the monthly gym", "Gym"),
        ("cancel my weekly gym", "Gym"),
        ("stop the rent series", "Pay rent"),
        ("stop repeating pay rent", "Pay rent"),
    ],
)
async def test_nothing_changes_and_the_reply_offers_delete_or_done(
    fake: FakeTasks, message: str, title: str
) -> None:
    fake.seed("alice", title="Pay rent", due_at="2026-12-01T08:00:00Z")
    fake.seed("alice", title="Gym", due_at="2026-11-30T17:00:00Z")
    before = state(fake)
    talk = Talk(fake, NOW)
    assert await talk.say(message) == offer(title)
    assert state(fake) == before


@pytest.mark.parametrize(
    ("answer", "reply", "left"),
    [
        ("delete it", "Deleted 'Pay rent'.", []),
        ("mark it as done", "Marked 'Pay rent' as done.", [True]),
    ],
)
async def test_what_is_offered_then_works(fake: FakeTasks, answer: str, reply: str, left: list[bool]) -> None:
    # Guard: the follow-ups the reply offers act on the task it named.
    fake.seed("alice", title="Pay rent", due_at="2026-12-01T08:00:00Z")
    talk = Talk(fake, NOW)
    await talk.say("cancel the monthly rent")
    assert (await talk.say(answer)).startswith(reply)
    assert [t["completed"] for t in fake.tasks.values()] == left


async def test_several_matching_are_asked_about(fake: FakeTasks) -> None:
    # Guard: the existing "which one?" applies, nothing changes.
    fake.seed("alice", title="Pay rent", due_at="2026-12-01T08:00:00Z")
    fake.seed("alice", title="Rent receipt")
    before = state(fake)
    answer = await Talk(fake, NOW).say("cancel the monthly rent")
    assert "Pay rent" in answer and "Rent receipt" in answer and "doesn't repeat" not in answer
    assert state(fake) == before


async def test_a_repeating_one_still_stops(fake: FakeTasks) -> None:
    # Guard.
    fake.seed("alice", title="Pay rent", due_at="2026-12-01T08:00:00Z", rrule="FREQ=MONTHLY;BYMONTHDAY=1")
    assert await Talk(fake, NOW).say("cancel the monthly rent") == "'Pay rent' no longer repeats."
    assert [t["rrule"] for t in fake.tasks.values()] == [None]
