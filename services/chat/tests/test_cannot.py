"""Requests the assistant has no tool for ("can you text me my list?") are answered, not
added as tasks; the same verbs said as to-dos ("text mom about dinner") are still tasks."""

import pytest
from chat_service.domain.cannot import Cannot, read_cannot
from chat_service.domain.planner import Call, Say
from tests.conftest import FakeTasks
from tests.test_offline_model import play
from tests.test_undo import Chat, titles

LIST = " Your tasks are all here, though: ask \"What's on my list?\" and I'll show them."
REMIND = ' I can remind you in the app instead, like "remind me to leave for the airport at 6am".'


def offer(title: str) -> str:
    return f' I can add {title} to your list (just say "yes"), set a reminder for it, or show your tasks.'


@pytest.mark.parametrize(
    ("message", "answer"),
    [
        ("can you text me my list?", "Sorry, I can't send text messages." + LIST),
        ("could you email this to John", "Sorry, I can't send emails." + offer("'Email this to John'")),
        ("please call my dentist for me", "Sorry, I can't make phone calls." + offer("'Call my dentist'")),
        ("send my tasks to my phone", "Sorry, I can't send anything outside this app." + LIST),
        ("Can you call mom tomorrow at 5?", "Sorry, I can't make phone calls." + offer("'Call mom'")),
        (
            "would you text Sarah that I'm running late",
            "Sorry, I can't send text messages." + offer("'Text Sarah that I'm running late'"),
        ),
        (
            "I'd like you to book a table for two",
            "Sorry, I can't make bookings." + offer("'Book a table for two'"),
        ),
        ("order pizza for me", "Sorry, I can't order or buy things." + offer("'Order pizza'")),
        ("email me my tasks every morning", "Sorry, I can't send emails." + LIST),
        ("share my list with Sarah", "Sorry, I can't share anything outside this app." + LIST),
        ("send it to my phone", "Sorry, I can't send anything outside this app." + LIST),
        ("sync my tasks with google calendar", "Sorry, I can't sync with other apps or calendars." + LIST),
        (
            "add the dentist on friday at 3pm to my google calendar",
            "Sorry, I can't reach your calendar." + offer("'The dentist'"),
        ),
        ("set an alarm on my phone for 6am", "Sorry, I can't set alarms on your phone." + REMIND),
        ("hey, could you please wake me up at 6?", "Sorry, I can't set alarms on your phone." + REMIND),
        ("call me at 5", "Sorry, I can't make phone calls." + REMIND),
    ],
)
def test_a_request_no_tool_can_do_is_answered_and_changes_nothing(message: str, answer: str) -> None:
    assert play(message, []) == [Say(answer)]


@pytest.mark.parametrize(
    ("message", "title", "due_at"),
    [
        ("text mom about dinner", "Text mom about dinner", None),
        ("email John the report tomorrow", "Email John the report", "2026-11-26T09:00:00Z"),
        ("call dentist friday", "Call dentist", "2026-11-27T09:00:00Z"),
        ("please email John the report", "Email John the report", None),
        ("Send the invoice by end of day tomorrow", "Send the invoice", "2026-11-26T17:00:00Z"),
        ("remind me to text Sarah at 5pm", "Text Sarah", "2026-11-25T17:00:00Z"),
        ("I have to email the landlord", "Email the landlord", None),
        ("can you add call grandma", "Call grandma", None),
        ("Pay rent on friday", "Pay rent", "2026-11-27T09:00:00Z"),
        ("Book the flights to Lisbon", "Book the flights to Lisbon", None),
    ],
)
def test_the_same_verbs_said_as_a_to_do_are_still_a_task(
    message: str, title: str, due_at: str | None
) -> None:
    step = play(message, [{"ok": True, "task": {"id": "n", "title": title, "due_at": due_at}}])[0]
    assert isinstance(step, Call) and step.name == "add_task"
    assert (step.arguments["title"], step.arguments.get("due_at")) == (title, due_at)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("could you call it the weekly report", None),  # a rename of the task last worked on
        ("can you remind me to call mom tomorrow", None),  # reminders are the app's own
        ("text mom about dinner", None),
        ("please call my dentist for me", Cannot("make phone calls", "call my dentist")),
        ("send me my list", Cannot("send anything outside this app", None, about_list=True)),
    ],
)
def test_read_cannot(message: str, expected: Cannot | None) -> None:
    assert read_cannot(message) == expected


async def test_yes_to_the_offer_adds_the_task_and_nothing_before(fake: FakeTasks) -> None:
    chat = Chat(fake)
    assert (await chat.say("Can you call my dentist tomorrow at 10am for me?")).startswith(
        "Sorry, I can't make phone calls. I can add 'Call my dentist' to your list"
    )
    assert titles(fake) == []
    assert await chat.say("yes please") == "Added 'Call my dentist' for tomorrow at 10:00 AM."
    assert [(t["title"], t["due_at"]) for t in fake.tasks.values()] == [
        ("Call my dentist", "2026-11-26T10:00:00Z")
    ]


async def test_yes_after_anything_else_is_still_thanks(fake: FakeTasks) -> None:
    chat = Chat(fake)
    assert (await chat.say("can you text me my list?")).startswith("Sorry, I can't send text messages.")
    assert await chat.say("yes") == "You're welcome! Anything else I can do for your tasks?"
    assert titles(fake) == []
