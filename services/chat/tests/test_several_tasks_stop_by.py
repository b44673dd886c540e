""" "Stop by the bank and call mom" is two errands, 'Stop by the bank' and 'Call mom', as "buy
milk and call mom" is (before: one task, 'Stop by the bank and call mom'): "stop by" and
"swing by" start a task. "Stop the rent reminder" and "stop repeating pay rent" still stop a
reminder and a series (tests/test_stop_reminder_or_series.py), and "stop by the bank" alone is
one task as before. (The web quick-add keeps any such line as one task: it splits no line.)"""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat, titles


def titles_said(message: str) -> list[str | None]:
    request = parse(message, NOW)
    assert request.intent == "add", request
    return [request.changes.title, *(c.title for c in request.also)]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("stop by the bank and call mom", ["Stop by the bank", "Call mom"]),
        ("add stop by the bank and call mom", ["Stop by the bank", "Call mom"]),
        ("I need to stop by the bank and call mom", ["Stop by the bank", "Call mom"]),
        ("call mom and stop by the bank", ["Call mom", "Stop by the bank"]),
        ("stop by the bank, buy milk and call mom", ["Stop by the bank", "Buy milk", "Call mom"]),
        (
            "swing by the pharmacy and pick up the dry cleaning",
            ["Swing by the pharmacy", "Pick up the dry cleaning"],
        ),
    ],
)
def test_each_errand_is_its_own(message: str, expected: list[str]) -> None:
    assert titles_said(message) == expected


def test_a_day_said_at_the_end_is_the_last_ones() -> None:
    request = parse("stop by the bank and call mom tomorrow", NOW)
    assert [request.changes.title, *(c.title for c in request.also)] == ["Stop by the bank", "Call mom"]
    assert request.changes.due is None
    assert request.also[0].due is not None and request.also[0].due.at.date().isoformat() == "2026-11-26"


async def test_the_chat_adds_both(fake: FakeTasks) -> None:
    said = await Chat(fake).say("stop by the bank and call mom")
    assert said == "Added 'Stop by the bank'. Added 'Call mom'."
    assert titles(fake) == ["Call mom", "Stop by the bank"]


# Guards (pass before too).
@pytest.mark.parametrize(
    ("message", "title"),
    [("stop by the bank", "Stop by the bank"), ("add stop by the bank tomorrow", "Stop by the bank")],
)
def test_one_errand_is_one_task(message: str, title: str) -> None:
    assert titles_said(message) == [title]


async def test_stop_still_stops(fake: FakeTasks) -> None:
    fake.seed("alice", title="Pay rent", rrule="FREQ=MONTHLY;BYMONTHDAY=1", due_at="2026-12-01T09:00:00Z")
    fake.seed("alice", title="Call mom", remind_at="2026-11-26T09:00:00Z")
    chat = Chat(fake)
    await chat.say("stop repeating pay rent")
    await chat.say("stop the call mom reminder")
    assert sorted((t["title"], t["rrule"], t["remind_at"]) for t in fake.tasks.values()) == [
        ("Call mom", None, None),
        ("Pay rent", None, None),
    ]
