"""A reminder moved to before now got no warning. It is set as asked, and the reply says so, as
the "after it's due" warning does (planner._after_due): "Heads up: that's in the past." """

from tests.conftest import FakeTasks
from tests.talk import Talk, local


async def test_a_shift_that_lands_before_now_is_set_and_warned(fake: FakeTasks) -> None:
    # Friday 27 Nov 2026, 15:00 in Berlin; the reminder at 15:30, due Saturday 17:00.
    fake.seed("alice", title="Report", due_at="2026-11-28T16:00:00Z", remind_at="2026-11-27T14:30:00Z")
    reply = await Talk(fake).say("move the report reminder 2 hours earlier")
    assert reply == (
        "Moved the reminder for 'Report' to today at 13:30; it's still due tomorrow at 17:00. "
        "Heads up: that's in the past."
    )
    assert [local(t["remind_at"]) for t in fake.tasks.values()] == ["Fri 27 Nov 13:30"]


async def test_a_reminder_ahead_gets_no_warning(fake: FakeTasks) -> None:
    # Guard (passes before too).
    fake.seed("alice", title="Report", due_at="2026-11-28T16:00:00Z", remind_at="2026-11-27T14:30:00Z")
    reply = await Talk(fake).say("move the report reminder 2 hours later")
    assert "Heads up" not in reply
