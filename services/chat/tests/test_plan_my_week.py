"""A request put to the assistant that no tool does, about planning a stretch of time: "can you
sort out my week", "can you help me plan tomorrow" added tasks 'Sort out my week' and 'Help me
plan' (due tomorrow). They change nothing: they show that stretch's tasks, as its question
("What's due this week?", "What do I have this weekend?") lists them, then "Tell me what to
move, add or prioritise." (before: a pointer to that question). "help me plan the weekend" was
the general help and "plan my weekend" a task 'Plan my weekend': both show Saturday and Sunday.

The rule, kept conservative: only a request PUT TO THE ASSISTANT ("can / could / would / will
you ...", "I'd like you to ...", "please ...", "help me ...") whose verb plans (sort out, organise,
plan, arrange, manage, schedule, prioritise, ...) and whose object is a stretch of time and
nothing else (my week, my day, today, tomorrow, the weekend, next week, the rest of my day, my
schedule). Said plainly ("sort out my week") it is a to-do of the user's, except "plan my
weekend" / "plan the weekend" / "plan my week" / "plan next week" ("plan my week" shows the
calendar week, Monday to Sunday, and the overdue tasks); a thing planned ("can you plan the
party", "can you help me plan my trip") is a task as before; "can you sort my tasks" is a sort;
"can you add call mom", "could you remind me to ...", "please add ..." are adds as before."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat, titles

PLAN_THEN = "Tell me what to move, add or prioritise."
# A weekend planned is named with its days (test_plan_the_weekend_late.py); asked about, not.
WEEKEND = "this weekend (Sat, Nov 28 \u2013 Sun, Nov 29)"


def seed(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call mom")
    fake.seed("alice", title="Hike", due_at="2026-11-28T10:00:00Z")  # Saturday
    fake.seed("alice", title="Report", due_at="2026-11-25T17:00:00Z")  # today
    fake.seed("alice", title="Dentist", due_at="2026-12-01T09:00:00Z")  # next Tuesday


@pytest.mark.parametrize(
    ("message", "ask"),
    [
        ("can you help me plan tomorrow", "What's due tomorrow?"),
        ("could you please organise my day?", "What's due today?"),
        ("please plan my weekend", "What do I have this weekend?"),
        ("would you plan next week for me", "What's due next week?"),
        ("can you help me plan my day tomorrow", "What's due tomorrow?"),
        ("I'd like you to sort out my schedule", "What's on my list?"),
        # New: these were the general help ("help me ...") or a task ('Plan my weekend').
        ("help me plan the weekend", "What do I have this weekend?"),
        ("help me plan my weekend", "What do I have this weekend?"),
        ("plan my weekend", "What do I have this weekend?"),
        ("plan the weekend", "What do I have this weekend?"),
        ("help me organise my day", "What's due today?"),
    ],
)
async def test_planning_a_stretch_of_time_shows_it(fake: FakeTasks, message: str, ask: str) -> None:
    seed(fake)
    shown = (await Chat(fake).say(ask)).replace("due this weekend", f"due {WEEKEND}")
    assert await Chat(fake).say(message) == f"{shown}\n{PLAN_THEN}"
    assert titles(fake) == ["Call mom", "Dentist", "Hike", "Report"]


async def test_help_me_plan_the_weekend_shows_saturday_and_sunday(fake: FakeTasks) -> None:
    seed(fake)
    assert await Chat(fake).say("help me plan the weekend") == (
        f"You have 1 open task due {WEEKEND}:\n- Hike (due on Saturday at 10:00 AM)\n" + PLAN_THEN
    )


async def test_the_list_shown_is_the_one_a_number_picks_from(fake: FakeTasks) -> None:
    seed(fake)
    chat = Chat(fake)
    await chat.say("plan my weekend")
    assert await chat.say("move the first one to sunday") == "Moved 'Hike' to Sunday at 10:00 AM."


# "Plan my week" (said plainly too: it was a task 'Plan my week') shows the calendar week,
# Monday to Sunday, and what is overdue: not the next 7 days "What's due this week?" lists.
WEEK = (
    "You have 2 open tasks due by Sunday, soonest due first:\n- Report (due today at 5:00 PM)\n"
    "- Hike (due on Saturday at 10:00 AM)\n" + PLAN_THEN
)


@pytest.mark.parametrize(
    "message",
    ["plan my week", "help me plan my week", "plan the week", "can you sort out my week", "Plan my week."],
)
async def test_plan_my_week_shows_this_calendar_week(fake: FakeTasks, message: str) -> None:
    seed(fake)
    fake.seed("alice", title="Old", due_at="2026-11-20T09:00:00Z")  # overdue
    assert await Chat(fake).say(message) == WEEK.replace("2 open", "3 open").replace(
        "\n- Report", "\n- Old (overdue, due on Fri, Nov 20 at 9:00 AM)\n- Report"
    )
    assert titles(fake) == ["Call mom", "Dentist", "Hike", "Old", "Report"]


async def test_plan_next_week_shows_next_week(fake: FakeTasks) -> None:
    seed(fake)
    shown = await Chat(fake).say("What's due next week?")
    assert "Dentist" in shown
    assert await Chat(fake).say("plan next week") == f"{shown}\n{PLAN_THEN}"
    assert titles(fake) == ["Call mom", "Dentist", "Hike", "Report"]


@pytest.mark.parametrize(
    ("message", "title"),
    [
        # Guards: tasks, as before.
        ("plan my weekend trip", "Plan my weekend trip"),
        ("sort out my week", "Sort out my week"),
        ("can you plan the party", "Plan the party"),
        ("can you help me plan my trip", "Help me plan my trip"),
        ("can you add call mom", "Call mom"),
        ("could you remind me to pay rent at 5", "Pay rent"),
        ("please add buy milk", "Buy milk"),
    ],
)
def test_still_tasks(message: str, title: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.changes.title) == ("add", title)


def test_a_sort_is_still_a_sort() -> None:
    request = parse("can you sort my tasks", NOW)
    assert (request.intent, request.filters.sort) == ("list", "priority")


@pytest.mark.parametrize("message", ["help", "help me", "help me plan my trip", "what can you do"])
def test_the_general_help_is_still_the_help(message: str) -> None:
    assert parse(message, NOW).intent == "help"


# "plan my next weekend" added a task 'Plan my' (due next Saturday): now as "plan next weekend".
@pytest.mark.parametrize("message", ["plan my next weekend", "plan our next weekend", "plan my next week"])
async def test_plan_my_next_weekend_lists_it_as_plan_next_weekend(message: str, fake: FakeTasks) -> None:
    seed(fake)
    chat = Chat(fake)
    same = message.replace("my ", "").replace("our ", "")
    assert await chat.say(message) == await Chat(fake).say(same)
    assert parse(message, NOW).intent == "list"
    assert sorted(titles(fake)) == ["Call mom", "Dentist", "Hike", "Report"]
