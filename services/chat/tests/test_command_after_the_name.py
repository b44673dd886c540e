"""A command about the task said after its name, in one message:

- a rename, then a change of "it": "rename groceries to weekly groceries and make it high
  priority" renames 'Groceries' to 'Weekly groceries' and sets it High (before: renamed to
  'Weekly groceries and make it high priority'). Only a command about "it" (or "remind me")
  splits the new name: "rename flights to urgent and due friday" is still that name;
- a new task, then "and remind me <when>": "add milk, eggs and bread to my shopping list and
  remind me saturday morning" is 'Milk, eggs and bread', due Saturday morning with a reminder
  then (before: 'Milk, eggs and bread and remind me', no reminder). "And remind me" with no time
  reminds at the due time, or asks when; "and remind me to call bob" stays words of the title."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat


async def test_rename_then_make_it_high(fake: FakeTasks) -> None:
    task = fake.seed("alice", title="Groceries")
    said = await Chat(fake).say("rename groceries to weekly groceries and make it high priority")
    assert said == "Renamed 'Groceries' to 'Weekly groceries'. Set 'Weekly groceries' to high priority."
    assert (task["title"], task["priority"]) == ("Weekly groceries", "HIGH")


@pytest.mark.parametrize(
    ("message", "title", "fields"),
    [
        (
            "rename groceries to weekly groceries, then tag it work",
            "Weekly groceries",
            {"add_tags": ("Work",)},
        ),
        ("rename the report to final report and move it to friday", "Final report", {"due": "Fri 27 09:00"}),
        ("call it weekly groceries and make it urgent", "Weekly groceries", {"priority": "VERY_IMPORTANT"}),
    ],
)
def test_rename_then_a_change(message: str, title: str, fields: dict[str, object]) -> None:
    c = parse(message, NOW).changes
    got = {
        "add_tags": c.add_tags,
        "priority": c.priority,
        "due": c.due.at.strftime("%a %d %H:%M") if c.due else None,
    }
    assert c.title == title
    assert {k: got[k] for k in fields} == fields


@pytest.mark.parametrize(
    ("message", "title"),
    [
        # Guards: the whole new name, as before.
        ("rename flights to urgent and due friday", "Urgent and due friday"),
        ("rename groceries to shop and make dinner", "Shop and make dinner"),
        ("rename book flights to Urgent care appointment", "Urgent care appointment"),
    ],
)
def test_renames_with_and_in_the_name(message: str, title: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.changes.title, request.changes.priority) == ("update", title, None)


async def test_add_then_remind_me_saturday_morning(fake: FakeTasks) -> None:
    said = await Chat(fake).say("add milk, eggs and bread to my shopping list and remind me saturday morning")
    [task] = fake.tasks.values()
    assert (task["title"], task["due_at"], task["remind_at"], task["tags"]) == (
        "Milk, eggs and bread",
        "2026-11-28T09:00:00Z",
        "2026-11-28T09:00:00Z",
        ["Shopping"],
    ), said


@pytest.mark.parametrize(
    ("message", "title", "due", "remind", "ask"),
    [
        ("add call mom and remind me about it at 5", "Call mom", "Wed 25 17:00", 0, False),
        ("add pay rent friday and remind me", "Pay rent", "Fri 27 09:00", 0, False),
        ("add pay rent and remind me", "Pay rent", None, None, True),
        # Guards: as before.
        ("add call mom and remind me to call bob", "Call mom and remind me to call bob", None, None, False),
        ("add call mom at 5 and remind me 10 minutes before", "Call mom", "Wed 25 17:00", 10, False),
        ("remind me to call mom at 5", "Call mom", "Wed 25 17:00", 0, False),
    ],
)
def test_add_then_remind_me(message: str, title: str, due: str | None, remind: int | None, ask: bool) -> None:
    c = parse(message, NOW).changes
    assert (c.title, c.due.at.strftime("%a %d %H:%M") if c.due else None, c.remind_minutes, c.ask_remind) == (
        title,
        due,
        remind,
        ask,
    )
