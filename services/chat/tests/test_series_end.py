"""A series said with its end: "take vitamins every morning until dec 20", "practice piano
every day until christmas", "physio every day for 3 weeks". The rule ends there (UNTIL, the
end of that day in the user's zone, as UTC) and the first one is due at the rule's first
slot. Before, "until dec 20" was read as the first due day (the series began on the 20th and
never ended), and "until christmas" or "for 3 weeks" stayed in the title."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from chat_service.domain.parse import parse
from chat_service.domain.reply import added
from tests.conftest import FakeTasks
from tests.test_undo import Chat

# Friday 27 Nov 2026, 14:25 in Paris (UTC+1): the first morning slot is tomorrow's.
NOW = datetime(2026, 11, 27, 14, 25, tzinfo=ZoneInfo("Europe/Paris"))


def task(message: str, now: datetime = NOW) -> tuple[str | None, str | None, str | None]:
    """(title, due as local 'YYYY-MM-DD HH:MM', rrule) of the task a message adds."""
    request = parse(message, now)
    assert request.intent == "add", request
    c = request.changes
    return c.title, c.due.at.strftime("%Y-%m-%d %H:%M") if c.due else None, c.rrule


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "take vitamins every morning until dec 20",
            ("Take vitamins", "2026-11-28 09:00", "FREQ=DAILY;UNTIL=20261220T225959Z"),
        ),
        (
            "practice piano every day until christmas",
            ("Practice piano", "2026-11-28 09:00", "FREQ=DAILY;UNTIL=20261225T225959Z"),
        ),
        (
            "call grandma every sunday through christmas eve",
            ("Call grandma", "2026-11-29 09:00", "FREQ=WEEKLY;BYDAY=SU;UNTIL=20261224T225959Z"),
        ),
        # "for 3 weeks" counts from the first due day: 21 mornings, the 28th to Dec 18.
        (
            "physio exercises every day for 3 weeks",
            ("Physio exercises", "2026-11-28 09:00", "FREQ=DAILY;UNTIL=20261218T225959Z"),
        ),
        (
            "take pills daily for a week starting monday",
            ("Take pills", "2026-11-30 09:00", "FREQ=DAILY;UNTIL=20261206T225959Z"),
        ),
        (
            "standup every weekday till friday at 9:30",
            ("Standup", "2026-11-30 09:30", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261204T225959Z"),
        ),
        (
            "yoga every tuesday until the 15th",
            ("Yoga", "2026-12-01 09:00", "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215T225959Z"),
        ),
        (
            "add gym every monday until the end of the month",
            ("Gym", "2026-11-30 09:00", "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261130T225959Z"),
        ),
    ],
)
def test_a_series_ends_on_the_day_said(message: str, expected: tuple[str | None, ...]) -> None:
    assert task(message) == expected


def test_the_end_is_the_end_of_that_day_where_the_user_is() -> None:
    new_york = datetime(2026, 11, 27, 8, 0, tzinfo=ZoneInfo("America/New_York"))
    title, due, rule = task("take vitamins every morning until dec 20", new_york)
    assert (title, due, rule) == ("Take vitamins", "2026-11-27 09:00", "FREQ=DAILY;UNTIL=20261221T045959Z")
    # Told as the day the user said, not the UTC day it ends on.
    said = added(
        {"title": title, "rrule": rule, "due_at": "2026-11-27T14:00:00Z"}, new_york, "America/New_York"
    )
    assert said == (
        "Added 'Take vitamins', repeating every day, until December 20, 2026; "
        "the first one is due today at 9:00 AM."
    )


def test_making_a_task_repeat_until_a_day_ends_its_series_there() -> None:
    request = parse("make stretch repeat daily until next friday", NOW)
    assert (request.intent, request.ref) == ("update", "stretch")
    assert request.changes.rrule == "FREQ=DAILY;UNTIL=20261204T225959Z"
    assert request.changes.due is None  # "next friday" is when it ends, not when it is due


async def test_the_series_is_added_with_its_end_and_the_reply_says_it(fake: FakeTasks) -> None:
    chat = Chat(fake)  # Wednesday 25 Nov 2026, 14:31 UTC
    assert await chat.say("take vitamins every morning until dec 20") == (
        "Added 'Take vitamins', repeating every day, until December 20, 2026; "
        "the first one is due tomorrow at 9:00 AM."
    )
    [vitamins] = fake.tasks.values()
    assert vitamins["due_at"] == "2026-11-26T09:00:00Z"
    assert vitamins["rrule"] == "FREQ=DAILY;UNTIL=20261220T235959Z"


# Guards (pass before and after): a time, a length of each session, words that are no date,
# a bound before the first one, and moves "until" a day, are read as before.
@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("study every day for 2 hours", ("Study for 2 hours", "2026-11-28 09:00", "FREQ=DAILY")),
        ("every day until 5pm check email", ("Check email", "2026-11-27 17:00", "FREQ=DAILY")),
        ("gym every monday until tomorrow", ("Gym", "2026-11-30 09:00", "FREQ=WEEKLY;BYDAY=MO")),
        ("add read until chapter 5 tomorrow", ("Read until chapter 5", "2026-11-28 09:00", None)),
        ("add stay until the end tomorrow", ("Stay until the end", "2026-11-28 09:00", None)),
    ],
)
def test_other_words_after_a_rule_are_read_as_before(message: str, expected: tuple[str | None, ...]) -> None:
    assert task(message) == expected


@pytest.mark.parametrize(
    ("message", "intent", "ref"),
    [
        ("push gym until friday", "update", "gym"),
        ("postpone everything overdue until monday", "move_all", None),
    ],
)
def test_a_move_until_a_day_is_still_a_move(message: str, intent: str, ref: str | None) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref, request.changes.rrule) == (intent, ref, None)
    assert request.changes.due is not None and request.changes.due.at.strftime("%a") in ("Fri", "Mon")
