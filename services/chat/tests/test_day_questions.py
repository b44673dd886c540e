"""A question about one day or a weekend: "do I have anything on friday?", "what's due dec
4", "what do I have on monday", "am I free on saturday?", "what do I have this weekend",
and after a day's list "what about monday?". The list is the open tasks due on those days
(in the user's zone) and the reply names them ("due on Friday"). Before, the first two listed
every open task as if they were that day's, "what do I have on monday" searched for the word
"monday" and said there was nothing, and "this weekend" got the help text. Reading (pure) and
whole conversations against the fake task API (NOW is Wednesday 25 Nov 2026, 14:30 UTC)."""

from datetime import datetime, timedelta

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat


@pytest.mark.parametrize(
    ("message", "first", "after", "named"),
    [
        ("do i have anything on friday?", "2026-11-27", "2026-11-28", "on Friday"),
        ("what do i have on monday", "2026-11-30", "2026-12-01", "on Monday"),
        ("whats due on dec 4", "2026-12-04", "2026-12-05", "on Fri, Dec 4"),
        ("what's due saturday", "2026-11-28", "2026-11-29", "on Saturday"),
        ("am I free on friday?", "2026-11-27", "2026-11-28", "on Friday"),
        ("show my tasks for the 4th", "2026-12-04", "2026-12-05", "on Fri, Dec 4"),
        ("what's on my plate for sunday", "2026-11-29", "2026-11-30", "on Sunday"),
        ("any tasks due the day after tomorrow?", "2026-11-27", "2026-11-28", "on Friday"),
        ("what do i have this weekend", "2026-11-28", "2026-11-30", "this weekend"),
        ("anything on the weekend?", "2026-11-28", "2026-11-30", "this weekend"),
        ("what about monday?", "2026-11-30", "2026-12-01", "on Monday"),
        ("how about the 4th?", "2026-12-04", "2026-12-05", "on Fri, Dec 4"),
    ],
)
def test_a_question_about_a_day_lists_that_days_tasks(
    message: str, first: str, after: str, named: str
) -> None:
    request = parse(message, NOW)
    assert request.intent == "list", request
    f = request.filters
    assert (f.status, f.due) == ("open", None)
    assert f.due_after is not None and f.due_before is not None
    # due_after is strict: a second before midnight takes a task due at midnight.
    start = datetime.fromisoformat(f"{first}T00:00:00+00:00")
    assert (f.due_after, f.due_before) == (
        start - timedelta(seconds=1),
        datetime.fromisoformat(f"{after}T00:00:00+00:00"),
    )
    assert f.due_when == named


async def test_anything_on_friday_lists_only_fridays_tasks(fake: FakeTasks) -> None:
    fake.seed("alice", title="Pay bill", due_at="2026-11-27T16:00:00Z")
    fake.seed("alice", title="Gym", due_at="2026-11-30T07:00:00Z")
    fake.seed("alice", title="Read a book")
    chat = Chat(fake)
    assert await chat.say("do i have anything on friday?") == (
        "You have 1 open task due on Friday:\n- Pay bill (due on Friday at 4:00 PM)"
    )
    assert await chat.say("what about monday?") == (
        "You have 1 open task due on Monday:\n- Gym (due on Monday at 7:00 AM)"
    )
    assert await chat.say("what do i have on sunday") == "You have no open tasks due on Sunday."


async def test_this_weekend_lists_saturdays_and_sundays_tasks(fake: FakeTasks) -> None:
    fake.seed("alice", title="Clean garage", due_at="2026-11-28T10:00:00Z")
    fake.seed("alice", title="Hike", due_at="2026-11-29T09:00:00Z")
    fake.seed("alice", title="Work thing", due_at="2026-12-01T09:00:00Z")
    chat = Chat(fake)
    assert await chat.say("what do i have this weekend") == (
        "You have 2 open tasks due this weekend, soonest due first:\n"
        "- Clean garage (due on Saturday at 10:00 AM)\n- Hike (due on Sunday at 9:00 AM)"
    )


# Guards (pass before and after): tasks that name a day, questions about a task, and the
# days and weeks read before.
@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("get groceries on saturday", "Get groceries"),
        ("read chapter 3 on friday", "Read chapter 3"),
        ("see the doctor on monday", "See the doctor"),
    ],
)
def test_a_task_for_a_day_is_still_a_task(message: str, title: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.changes.title) == ("add", title)


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("when is the party on friday?", "show"),
        ("what time is the dentist on friday", "show"),
        ("do i have anything about friday drinks", "search"),
        ("what about the dentist", "search"),
    ],
)
def test_a_question_about_a_task_is_still_about_that_task(message: str, intent: str) -> None:
    assert parse(message, NOW).intent == intent


@pytest.mark.parametrize(
    ("message", "due", "named"),
    [
        ("what's due today?", "today", None),
        ("what's due tomorrow?", None, "tomorrow"),
        ("what's due this week?", "week", None),
        ("what's due next week?", None, "next week"),
        ("anything overdue?", "overdue", None),
    ],
)
def test_the_days_read_before_are_read_as_before(message: str, due: str | None, named: str | None) -> None:
    f = parse(message, NOW).filters
    assert (f.due, f.due_when) == (due, named)
