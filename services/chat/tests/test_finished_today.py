""" "I finished studying for stats today" (user test, session 21, a student in Sydney on a
Sunday at 17:00) added a task 'Finished studying for stats', due today 9:00 and so overdue,
instead of completing 'Study for stats exam'; each time it was said another one came, and later
"I finished studying for stats" asked which of three. Said of what was done, a time at the end
("today", "this morning", "just now", "yesterday") is when it was done, not a due date. A line
that asks for something to be done ("finish the essay today") is still a task to do."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.talk import Talk

SYDNEY = ZoneInfo("Australia/Sydney")
SUNDAY_5PM = datetime(2026, 11, 29, 17, 0, tzinfo=SYDNEY)


@pytest.mark.parametrize(
    ("message", "ref"),
    [
        ("I finished studying for stats today", "studying for stats"),
        ("I finished the essay this morning", "essay"),
        ("finished the laundry just now", "laundry"),
        ("the report is done today", "report"),
        ("the report was finished this morning", "report"),
        ("I've completed the tax return yesterday", "tax return"),
        ("done with the dishes today", "dishes"),
        ("I finished the report due today", "report"),
    ],
)
def test_a_time_after_what_was_done_is_when_it_was_done(message: str, ref: str) -> None:
    request = parse(message, SUNDAY_5PM)
    assert (request.intent, request.ref) == ("complete", ref)


@pytest.mark.parametrize("message", ["finish the essay today", "I need to finish the report today"])
def test_a_line_asking_for_it_to_be_done_today_is_still_a_task(message: str) -> None:
    # Guards (read so before too).
    assert parse(message, SUNDAY_5PM).intent == "add"


async def test_i_finished_studying_for_stats_today_completes_the_study_task(fake: FakeTasks) -> None:
    fake.seed(
        "alice",
        title="Study for stats exam",
        due_at="2026-12-01T09:00:00Z",  # Tuesday 20:00 in Sydney
        rrule="FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    )
    fake.seed("alice", title="Lab report", due_at="2026-12-03T09:00:00Z")
    talk = Talk(fake, SUNDAY_5PM)
    answer = await talk.say("I finished studying for stats today")
    assert "Study for stats exam" in answer
    assert sorted((t["title"], t["completed"]) for t in fake.tasks.values()) == [
        ("Lab report", False),
        ("Study for stats exam", True),
    ]
