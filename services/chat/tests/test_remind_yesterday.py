""" "Remind me about the report yesterday at 5": "yesterday" is a date (yesterday 17:00), never
words of the task's name (before: no task 'report yesterday' was found, or with a 'Write
report' on the list a reminder today at 17:00). The reminder is set as asked and the reply
says it is in the past, as for a reminder moved there (test_reminder_in_the_past)."""

from tests.conftest import FakeTasks
from tests.talk import Talk, local


async def test_yesterday_is_the_day_of_the_reminder_and_the_reply_says_it_has_passed(fake: FakeTasks) -> None:
    # Friday 27 Nov 2026, 15:00 in Berlin.
    fake.seed("alice", title="Write report", due_at="2026-11-30T09:00:00Z")
    reply = await Talk(fake).say("remind me about the report yesterday at 5")
    assert reply == "I'll remind you about 'Write report' yesterday at 17:00. Heads up: that's in the past."
    assert [(t["title"], local(t["remind_at"])) for t in fake.tasks.values()] == [
        ("Write report", "Thu 26 Nov 17:00")
    ]


async def test_yesterday_said_first_and_without_a_time(fake: FakeTasks) -> None:
    fake.seed("alice", title="Write report")
    talk = Talk(fake)
    assert "'Write report' yesterday at 21:00. Heads up: that's in the past." in await talk.say(
        "remind me yesterday at 9pm about the report"
    )
    assert "'Write report' yesterday at 09:00. Heads up: that's in the past." in await talk.say(
        "remind me about the report yesterday"
    )


async def test_yesterdays_in_a_title_stays_words(fake: FakeTasks) -> None:
    # Guard (passes before too).
    fake.seed("alice", title="Review yesterday's notes")
    reply = await Talk(fake).say("remind me about yesterday's notes at 5")
    assert reply == "I'll remind you about 'Review yesterday's notes' today at 17:00."
