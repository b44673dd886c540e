""" "What's due this week?" listed in the API's default order, priority first: a high-priority
task due Thursday came before one due today and one due tomorrow (user test, session 21, a
student in Sydney). A question about a stretch of days lists its tasks by day, soonest first,
and says so; "what should I do first?" keeps its own order, and an order said is kept."""

from datetime import datetime
from zoneinfo import ZoneInfo

from tests.conftest import FakeTasks
from tests.talk import Talk

SYDNEY = ZoneInfo("Australia/Sydney")
SUNDAY_3PM = datetime(2026, 11, 29, 15, 0, tzinfo=SYDNEY)


def seed(fake: FakeTasks) -> None:
    fake.seed("alice", title="Lab report", priority="HIGH", due_at="2026-12-03T06:00:00Z")  # Thu 17:00
    fake.seed("alice", title="Drink water", due_at="2026-11-29T06:03:00Z")  # today 17:03
    fake.seed("alice", title="Study for stats exam", due_at="2026-11-30T09:00:00Z")  # Mon 20:00


async def test_whats_due_this_week_lists_by_day_soonest_first(fake: FakeTasks) -> None:
    seed(fake)
    answer = await Talk(fake, SUNDAY_3PM).say("what's due this week?")
    assert answer == (
        "You have 3 tasks due this week, soonest due first:\n"
        "- Drink water (due today at 5:03 PM)\n"
        "- Study for stats exam (due tomorrow at 8:00 PM)\n"
        "- Lab report (due on Thursday at 5:00 PM, high priority)"
    )


async def test_what_first_and_an_order_said_keep_theirs(fake: FakeTasks) -> None:
    # Guards (so before too): priority first where asked.
    seed(fake)
    talk = Talk(fake, SUNDAY_3PM)
    first = await talk.say("what should I do first?")
    assert first.splitlines()[1:] == [
        "- Drink water (due today at 5:03 PM)",
        "- Lab report (due on Thursday at 5:00 PM, high priority)",
        "- Study for stats exam (due tomorrow at 8:00 PM)",
    ]
    ordered = await talk.say("show my tasks, most important first")
    assert ordered.splitlines()[1].startswith("- Lab report")
