"""Statements about days, said on Friday 27 Nov 2026 in Berlin (tests.talk.FRIDAY). User test:
"today is friday" added a task 'Is friday'; "friday is bin day" 'Is bin day'; "bin day is every
friday" 'Bin day is'; "the meeting is at 10" 'The meeting is'. Now:
- "today is friday" tells the date back ("Yes, today is Friday 27 November." in Berlin, "Friday,
  November 27" in New York: the zone's country's style, as every date the assistant writes), or
  kindly what today is when the day is wrong; "tomorrow is saturday", "is tomorrow sunday?" too. No task.
- "friday is bin day" reads as "bin day is friday": 'Bin day' due Friday, or that task moved.
- "bin day is every friday" reads as "bin day every friday": 'Bin day' repeating every Friday.
- "the meeting is at 10": the one open task matching 'meeting' moves to 10:00 on its own day
  (as "move the meeting to 10am"), none adds 'Meeting' at 10, several ask which.
Guards: "the party is tomorrow", "monday is a holiday", "the meeting is at the office", "it is at
10" read as before."""

from zoneinfo import ZoneInfo

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.talk import FRIDAY, Talk, local
from tests.test_undo import titles


@pytest.mark.parametrize(
    ("message", "answer"),
    [
        ("today is friday", "Yes, today is Friday 27 November."),
        ("Today is Friday.", "Yes, today is Friday 27 November."),
        ("today is thursday", "Not quite: today is Friday 27 November, not Thursday."),
        ("tomorrow is saturday", "Yes, tomorrow is Saturday 28 November."),
        ("is tomorrow sunday?", "No, tomorrow is Saturday 28 November."),
        ("yesterday was thursday", "Yes, yesterday was Thursday 26 November."),
    ],
)
async def test_the_date_told_back(fake: FakeTasks, message: str, answer: str) -> None:
    assert await Talk(fake).say(message) == answer
    assert fake.tasks == {}


@pytest.mark.parametrize(
    ("zone", "answer"),
    [
        ("America/New_York", "Yes, today is Friday, November 27."),
        ("Europe/London", "Yes, today is Friday 27 November."),
        ("UTC", "Yes, today is Friday, November 27."),
    ],
)
async def test_the_date_told_back_as_the_zone_writes_it(fake: FakeTasks, zone: str, answer: str) -> None:
    assert await Talk(fake, FRIDAY.astimezone(ZoneInfo(zone))).say("today is friday") == answer


@pytest.mark.parametrize("message", ["friday is bin day", "bin day is friday"])
async def test_the_day_said_first(fake: FakeTasks, message: str) -> None:
    assert (await Talk(fake).say(message)).startswith("Added 'Bin day' for Fri 4 Dec")
    [added] = fake.tasks.values()
    assert (added["title"], local(added["due_at"])) == ("Bin day", "Fri 04 Dec 09:00")


async def test_the_day_said_first_moves_the_task(fake: FakeTasks) -> None:
    fake.seed("alice", title="Bin day", due_at="2026-11-30T08:00:00Z")
    assert (await Talk(fake).say("friday is bin day")).startswith("Moved 'Bin day' to Fri 4 Dec")
    assert titles(fake) == ["Bin day"]


@pytest.mark.parametrize(
    ("message", "title", "rrule"),
    [
        ("bin day is every friday", "Bin day", "FREQ=WEEKLY;BYDAY=FR"),
        ("bin day every friday", "Bin day", "FREQ=WEEKLY;BYDAY=FR"),
        ("trash day is every other monday", "Trash day", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"),
    ],
)
def test_a_thing_said_to_repeat(message: str, title: str, rrule: str) -> None:
    request = parse(message, FRIDAY)
    assert (request.intent, request.changes.title, request.changes.rrule) == ("add", title, rrule)


async def test_the_meeting_is_at_10_moves_the_one_meeting(fake: FakeTasks) -> None:
    fake.seed("alice", title="Team meeting", due_at="2026-11-30T08:00:00Z")
    assert await Talk(fake).say("the meeting is at 10") == "Moved 'Team meeting' to Monday at 10:00."
    [moved] = fake.tasks.values()
    assert local(moved["due_at"]) == "Mon 30 Nov 10:00"


async def test_the_meeting_is_at_10_adds_it_when_there_is_none(fake: FakeTasks) -> None:
    fake.seed("alice", title="Buy milk")
    said = await Talk(fake).say("the meeting is at 10")
    assert said == "Added 'Meeting' for tomorrow at 10:00.", said
    assert titles(fake) == ["Buy milk", "Meeting"]


async def test_the_meeting_is_at_10_asks_which_of_several(fake: FakeTasks) -> None:
    fake.seed("alice", title="Team meeting", due_at="2026-11-30T08:00:00Z")
    fake.seed("alice", title="Meeting prep")
    said = await Talk(fake).say("the meeting is at 10")
    assert said.startswith("I found 2 tasks matching 'meeting'"), said
    assert {t["due_at"] for t in fake.tasks.values()} == {"2026-11-30T08:00:00Z", None}


@pytest.mark.parametrize(
    ("message", "intent", "title"),
    [
        ("the party is tomorrow", "update", None),
        ("monday is a holiday", "add", "Is a holiday"),
        ("the meeting is at the office", "add", "The meeting is at the office"),
    ],
)
def test_read_as_before(message: str, intent: str, title: str | None) -> None:
    request = parse(message, FRIDAY)
    assert request.intent == intent
    if title is not None:
        assert request.changes.title == title
