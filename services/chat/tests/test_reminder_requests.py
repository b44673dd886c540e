"""Asking for a reminder in other words than "remind me": "send me a reminder to call mom at
5", "give me a reminder to ...", "I need a reminder to ..." add the task with a reminder at
its due time, as "remind me to call mom at 5" does; "send a reminder to John" is a task."""

import pytest
from chat_service.domain.parse import parse, read_when_answer
from chat_service.domain.planner import Call, Context, Say
from tests.conftest import NOW, FakeTasks
from tests.test_offline_model import play
from tests.test_undo import Chat

# NOW is Wednesday 25 Nov 2026, 14:30 UTC: "at 5" is 5 PM today by the bare-hour rules.


@pytest.mark.parametrize(
    ("message", "title", "due"),
    [
        ("send me a reminder to call mom at 5", "Call mom", "2026-11-25T17:00"),
        ("Could you send me a reminder to call mom at 5?", "Call mom", "2026-11-25T17:00"),
        ("please send me a reminder to pay rent on friday", "Pay rent", "2026-11-27T09:00"),
        ("give me a reminder to call mom at 5", "Call mom", "2026-11-25T17:00"),
        ("I need a reminder to pay rent on friday", "Pay rent", "2026-11-27T09:00"),
        ("we'd like a reminder to renew the lease tomorrow at 10am", "Renew the lease", "2026-11-26T10:00"),
        # Guards: these were already read so, and still are.
        ("remind me to call mom at 5", "Call mom", "2026-11-25T17:00"),
        ("can you remind me to water the plants tomorrow morning", "Water the plants", "2026-11-26T09:00"),
        ("set a reminder to call mom at 5", "Call mom", "2026-11-25T17:00"),
    ],
)
def test_asking_for_a_reminder_to_do_something_adds_it_with_a_reminder_at_its_time(
    message: str, title: str, due: str
) -> None:
    assert_adds_with_a_reminder_at_its_time(message, title, due)


def assert_adds_with_a_reminder_at_its_time(message: str, title: str, due: str) -> None:
    """`message` adds the task `title`, due at `due` (local ISO, to the minute), reminded then."""
    request = parse(message, NOW)
    assert request.intent == "add" and request.changes.title == title
    assert request.changes.due is not None and request.changes.due.at.isoformat()[:16] == due
    assert request.changes.remind_minutes == 0


def test_send_me_a_reminder_about_a_task_reminds_about_that_task_as_remind_me_about_does() -> None:
    asked = parse("send me a reminder about the dentist tomorrow", NOW)
    assert asked.intent == "update" and asked.ref == "dentist"
    assert asked == parse("remind me about the dentist tomorrow", NOW)


@pytest.mark.parametrize(
    ("message", "title"),
    [
        # Guards: no reminder asked for the user (passes on the old code too).
        ("send a reminder to John about the meeting", "Send a reminder to John about the meeting"),
        ("give the team a reminder about the offsite", "Give the team a reminder about the offsite"),
    ],
)
def test_a_reminder_for_someone_else_is_a_task_to_do(message: str, title: str) -> None:
    request = parse(message, NOW)
    assert request.intent == "add" and request.changes.title == title
    assert request.changes.remind_minutes is None


@pytest.mark.parametrize("message", ["send me a reminder to call mom at 5", "remind me at 5 to call mom"])
def test_a_reminder_request_is_one_add_task_with_the_reminder_in_the_users_timezone(message: str) -> None:
    ctx = Context(now=NOW, timezone="America/New_York")  # 9:30 AM there
    task = {
        "id": "m",
        "title": "Call mom",
        "due_at": "2026-11-25T22:00:00Z",
        "remind_at": "2026-11-25T22:00:00Z",
    }
    steps = play(message, [{"ok": True, "task": task}], ctx)
    assert steps == [
        Call(
            "add_task",
            {
                "title": "Call mom",
                "due_at": "2026-11-25T22:00:00Z",
                "remind_minutes_before": 0,
                "timezone": "America/New_York",
            },
        ),
        Say("Added 'Call mom' for today at 5:00 PM (reminder at the due time)."),
    ]


async def test_send_me_a_reminder_through_the_agent_and_the_mcp_server(fake: FakeTasks) -> None:
    chat = Chat(fake)
    assert await chat.say("send me a reminder to call mom at 5") == (
        "Added 'Call mom' for today at 5:00 PM (reminder at the due time)."
    )
    [task] = fake.tasks.values()
    assert (task["title"], task["due_at"], task["remind_at"]) == (
        "Call mom",
        "2026-11-25T17:00:00Z",
        "2026-11-25T17:00:00Z",
    )


# -- "ping me / alert me / notify me to ..." ------------------------------------------------
@pytest.mark.parametrize(
    ("message", "title", "due"),
    [
        ("ping me to call mom at 5", "Call mom", "2026-11-25T17:00"),
        ("alert me to call mom at 5", "Call mom", "2026-11-25T17:00"),
        ("Notify me to pay rent on friday", "Pay rent", "2026-11-27T09:00"),
        ("can you ping me to water the plants tomorrow morning?", "Water the plants", "2026-11-26T09:00"),
        ("please alert me to take my meds at 9pm", "Take my meds", "2026-11-25T21:00"),
    ],
)
def test_ping_alert_or_notify_me_to_is_read_as_remind_me_to(message: str, title: str, due: str) -> None:
    request = parse(message, NOW)
    assert request.intent == "add" and request.changes.title == title
    assert request.changes.due is not None and request.changes.due.at.isoformat()[:16] == due
    assert request.changes.remind_minutes == 0


@pytest.mark.parametrize(
    ("message", "same_as"),
    [
        # Guards: a reminder on a task that exists, as "remind me about ..." (pass on the old code too).
        ("alert me about the dentist tomorrow", "remind me about the dentist tomorrow"),
        ("notify me about the dentist", "remind me about the dentist"),
        ("ping me 10 minutes before the standup", "remind me 10 minutes before the standup"),
    ],
)
def test_ping_me_about_a_task_reminds_about_that_task(message: str, same_as: str) -> None:
    request = parse(message, NOW)
    assert request.intent == "update" and request == parse(same_as, NOW)


@pytest.mark.parametrize(
    "message",
    [
        "ping me to call mom at 5",
        # The time said first (it answered "I'll remind you about 'Call mom' today at 5:00 PM.").
        "remind me at 5 to call mom",
    ],
)
async def test_with_a_call_mom_on_the_list_it_does_as_remind_me_to_call_mom_at_5(
    fake: FakeTasks, message: str
) -> None:
    # 'remind me to call mom at 5' adds a new task even when one of that title is there, and
    # leaves that one alone; so do these.
    fake.seed("alice", title="Call mom")
    chat = Chat(fake)
    said = await chat.say(message)
    assert said == "Added 'Call mom' for today at 5:00 PM (reminder at the due time)."
    assert said == await chat.say("remind me to call mom at 5")
    reminded = [t for t in fake.tasks.values() if t["remind_at"]]
    assert [(t["title"], t["due_at"], t["remind_at"]) for t in reminded] == [
        ("Call mom", "2026-11-25T17:00:00Z", "2026-11-25T17:00:00Z")
    ] * 2
    assert len(fake.tasks) == 3


# -- "remind me that the rent is due tomorrow" ------------------------------------------------
# A reminder about a fact with a date: the subject names the task ("the rent": 'Pay rent'), which
# becomes due then, reminded at that time. With no such task, a task of the subject ("Rent"); a
# verb other than "is due" is part of what happens ("Passport expires" on Friday).
@pytest.mark.parametrize(
    ("message", "ref", "due", "title"),
    [
        ("remind me that the rent is due tomorrow", "rent", "2026-11-26T09:00", "Rent"),
        ("Remind me that my passport expires on friday", "passport", "2026-11-27T09:00", "Passport expires"),
        ("remind me the report is due monday", "report", "2026-11-30T09:00", "Report"),
        (
            "please remind me that the library books are due back tuesday at 5pm",
            "library books",
            "2026-12-01T17:00",
            "Library books",
        ),
        (
            "remind me that mom's birthday is on saturday",
            "mom's birthday",
            "2026-11-28T09:00",
            "Mom's birthday",
        ),
        (
            "set a reminder that the gym membership runs out next week",
            "gym membership",
            "2026-11-30T09:00",
            "Gym membership runs out",
        ),
    ],
)
def test_remind_me_that_something_is_due_dates_that_task_with_a_reminder(
    message: str, ref: str, due: str, title: str
) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref) == ("update", ref)
    changes = request.changes
    assert changes.due is not None and changes.due.at.isoformat()[:16] == due
    assert (changes.remind_minutes, changes.keep_time) == (0, True)
    assert request.fallback is not None and request.fallback.intent == "add"
    added = request.fallback.changes
    assert (added.title, added.remind_minutes) == (title, 0)
    assert added.due is not None and added.due.at.isoformat()[:16] == due


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        # Guards: no fact with a date (pass on the old code too).
        ("remind me to call mom at 5", "add"),
        ("remind me about the dentist tomorrow", "update"),
        ("remind me that I need to call mom", "add"),
    ],
)
def test_other_reminder_requests_are_read_as_before(message: str, intent: str) -> None:
    request = parse(message, NOW)
    assert request.intent == intent and request.fallback is None


async def test_remind_me_that_the_rent_is_due_keeps_the_tasks_time_and_reminds_then(fake: FakeTasks) -> None:
    fake.seed("alice", title="Pay rent", due_at="2026-11-30T18:00:00Z")
    chat = Chat(fake)
    said = await chat.say("remind me that the rent is due tomorrow")
    assert said == (
        "Moved 'Pay rent' to tomorrow at 6:00 PM. I'll remind you about 'Pay rent' at the due time."
    )
    [task] = fake.tasks.values()
    assert (task["due_at"], task["remind_at"]) == ("2026-11-26T18:00:00Z", "2026-11-26T18:00:00Z")


async def test_remind_me_that_the_rent_is_due_adds_rent_when_no_task_matches(fake: FakeTasks) -> None:
    fake.seed("alice", title="Buy stamps")
    chat = Chat(fake)
    said = await chat.say("remind me that the rent is due tomorrow")
    assert said == "Added 'Rent' for tomorrow at 9:00 AM (reminder at the due time)."
    [task] = [t for t in fake.tasks.values() if t["title"] == "Rent"]
    assert (task["due_at"], task["remind_at"]) == ("2026-11-26T09:00:00Z", "2026-11-26T09:00:00Z")


async def test_remind_me_that_the_rent_is_due_leaves_a_completed_rent_task_alone(fake: FakeTasks) -> None:
    """Last month's 'Pay rent', done, is no task to remind about: a reminder on a completed
    task never fires. A new 'Rent' is added, as when nothing matches."""
    done = fake.seed("alice", title="Pay rent", completed=True, completed_at="2026-10-31T09:00:00Z")
    chat = Chat(fake)
    said = await chat.say("remind me that the rent is due tomorrow")
    assert said == "Added 'Rent' for tomorrow at 9:00 AM (reminder at the due time)."
    assert (done["due_at"], done["remind_at"]) == (None, None)


# -- "remind me later to call the bank": asked when -------------------------------------------
# The task is added at once (nothing is lost if the user moves on) and the reply asks when to
# remind; a time said next sets the reminder, and the due time when the task has none.
@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("remind me soon to call the bank", "Call the bank"),
        ("remind me later to water the plants", "Water the plants"),
        ("can you remind me later to email Sam?", "Email Sam"),
        ("remind me to renew my passport", "Renew my passport"),
        ("set a reminder to book the car service", "Book the car service"),
    ],
)
def test_a_reminder_asked_for_with_no_time_adds_the_task_and_asks_when(message: str, title: str) -> None:
    request = parse(message, NOW)
    assert request.intent == "add" and request.changes.title == title
    assert request.changes.due is None and request.changes.ask_remind


@pytest.mark.parametrize(
    "message",
    [
        # Guards: a time was said, left open on purpose, or no reminder asked (pass on the old code too).
        "remind me to call mom at 5",
        "Remind me to clean the garage sometime, low priority",
        "add call the bank later",
    ],
)
def test_no_question_when_the_time_is_said_or_left_open(message: str) -> None:
    assert not parse(message, NOW).changes.ask_remind


@pytest.mark.parametrize(
    ("answer", "at"),
    [
        ("at 5pm", "2026-11-25T17:00"),
        ("5", "2026-11-25T17:00"),
        ("in 2 hours", "2026-11-25T16:30"),
        ("tomorrow morning", "2026-11-26T09:00"),
        ("remind me friday at 10am please", "2026-11-27T10:00"),
        ("ok, tonight", "2026-11-25T20:00"),
    ],
)
def test_the_answer_to_when_is_a_time_and_nothing_else(answer: str, at: str) -> None:
    when = read_when_answer(answer, NOW)
    assert when is not None and when.at.isoformat()[:16] == at


@pytest.mark.parametrize("answer", ["call mom", "what's on my list?", "thanks", "add milk tomorrow"])
def test_other_messages_are_no_answer_to_when(answer: str) -> None:
    assert read_when_answer(answer, NOW) is None


async def test_remind_me_soon_asks_when_then_the_time_said_sets_the_reminder_and_due(fake: FakeTasks) -> None:
    chat = Chat(fake)
    said = await chat.say("remind me soon to call the bank")
    assert said == "Added 'Call the bank'. When should I remind you about it?"
    [task] = fake.tasks.values()
    assert (task["due_at"], task["remind_at"]) == (None, None)
    said = await chat.say("at 5pm")
    assert said == (
        "'Call the bank' is now due today at 5:00 PM. I'll remind you about 'Call the bank' today at 5:00 PM."
    )
    assert (task["due_at"], task["remind_at"]) == ("2026-11-25T17:00:00Z", "2026-11-25T17:00:00Z")
    assert len(fake.tasks) == 1


async def test_the_answer_keeps_a_due_time_the_task_already_has(fake: FakeTasks) -> None:
    chat = Chat(fake)
    await chat.say("remind me later to water the plants")
    [task] = fake.tasks.values()
    task["due_at"] = "2026-11-27T18:00:00Z"  # given a due time since, in the app
    assert await chat.say("tomorrow morning") == (
        "I'll remind you about 'Water the plants' tomorrow at 9:00 AM."
    )
    assert (task["due_at"], task["remind_at"]) == ("2026-11-27T18:00:00Z", "2026-11-26T09:00:00Z")


async def test_a_message_that_is_no_time_after_the_question_is_read_as_usual(fake: FakeTasks) -> None:
    chat = Chat(fake)
    await chat.say("remind me later to water the plants")
    said = await chat.say("add buy milk")
    assert said == "Added 'Buy milk'."
    assert sorted(t["title"] for t in fake.tasks.values()) == ["Buy milk", "Water the plants"]
    assert all(t["remind_at"] is None for t in fake.tasks.values())
