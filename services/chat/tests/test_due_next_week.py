"""'What's due next week?': the tasks due in the calendar week after this one (Monday to
Sunday, in the user's timezone), not this week's. Before, "next week" was read as "week",
the API's today-and-the-6-days-after, and the reply said "due this week". Reading (pure) and
a whole conversation against the fake task API (NOW is Wednesday 25 Nov 2026, 14:30 UTC)."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat


@pytest.mark.parametrize(
    "message",
    [
        "what's due next week?",
        "What do I have next week",
        "show my tasks for next week",
        "anything due next week?",
    ],
)
def test_next_week_is_the_calendar_week_after_this_one(message: str) -> None:
    request = parse(message, NOW)
    assert request.intent == "list"
    f = request.filters
    assert f.due is None
    assert f.due_after is not None and f.due_before is not None
    # due_after is strict: a second before Monday's midnight takes a task due at midnight.
    assert (f.due_after.isoformat(), f.due_before.isoformat()) == (
        "2026-11-29T23:59:59+00:00",
        "2026-12-07T00:00:00+00:00",
    )


@pytest.mark.parametrize("message", ["what's due this week?", "what's due in the next 7 days?"])
def test_this_week_is_still_the_apis_week(message: str) -> None:
    # Guard (passes on the old code too).
    assert parse(message, NOW).filters.due == "week"


async def test_whats_due_next_week_lists_next_weeks_tasks_and_says_so(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call mom", due_at="2026-11-27T09:00:00Z")  # this Friday
    fake.seed("alice", title="Renew passport", due_at="2026-11-30T00:00:00Z")  # next Monday, midnight
    fake.seed("alice", title="Finish report", due_at="2026-12-04T15:00:00Z")  # next Friday
    fake.seed("alice", title="Dentist", due_at="2026-12-07T09:00:00Z")  # the Monday after
    said = await Chat(fake).say("what's due next week?")
    assert said.startswith("You have 2 open tasks due next week, soonest due first:")
    assert "Renew passport" in said and "Finish report" in said
    assert "Call mom" not in said and "Dentist" not in said
