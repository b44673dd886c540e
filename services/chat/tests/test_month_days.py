"""Days of the month. "pay rent on the last day of the month" (no "every") is one task due this
month's last day (before: a task repeating every month on its last day); "of next month" the
next one's. "every month on the 45th" is no task: the reply says no month has a 45th day and
asks which (before: a task repeating BYMONTHDAY=45). "pay bills every last day of the month until
march" repeats BYMONTHDAY=-1 until the end of March 31 in the user's zone (before: titled 'Pay
bills every until march', with no end). The web quick-add reads the first and the last the same
way (quick-add.ts; test_quick_add_parity.py pins the lines)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.test_undo import Chat, titles


def at_paris(day: int, clock: str) -> datetime:
    hour, minute = map(int, clock.split(":"))
    return datetime(2026, 11, day, hour, minute, tzinfo=ZoneInfo("Europe/Paris"))


def reading(message: str, now: datetime) -> tuple[str, str | None, str | None, str | None]:
    request = parse(message, now)
    c = request.changes
    return request.intent, c.title, c.due.at.strftime("%Y-%m-%d %H:%M") if c.due else None, c.rrule


@pytest.mark.parametrize(
    ("message", "day", "due"),
    [
        ("add pay rent on the last day of the month", 27, "2026-11-30 09:00"),
        ("add pay rent the last day of the month", 27, "2026-11-30 09:00"),
        ("add pay rent by the last day of the month", 27, "2026-11-30 09:00"),
        ("add pay rent on the last day of this month", 27, "2026-11-30 09:00"),
        ("add pay rent on the last day of next month", 27, "2026-12-31 09:00"),
        ("add pay rent on the last day of the month at 6pm", 27, "2026-11-30 18:00"),
        # Said on the last day itself: that day, as "nov 30" said on it (and the web) reads it.
        ("add pay rent on the last day of the month", 30, "2026-11-30 09:00"),
    ],
)
def test_the_last_day_of_the_month_is_one_day(message: str, day: int, due: str) -> None:
    assert reading(message, at_paris(day, "17:17")) == ("add", "Pay rent", due, None)


@pytest.mark.parametrize(
    "message",
    [
        "add pay rent every month on the 45th",
        "every month on the 45th",
        "add pay rent on the 45th of every month",
        "add pay rent every 45th",
        "add pay rent monthly on the 0th",
        "add pay rent every 2 months on the 40th",
    ],
)
async def test_a_day_no_month_has_adds_nothing_and_asks(fake: FakeTasks, message: str) -> None:
    said = await Chat(fake).say(message)
    assert said.startswith("No month has a ")
    assert said.endswith('Say a day from the 1st to the 31st, or "the last day".')
    assert titles(fake) == []


async def test_the_45th_is_named(fake: FakeTasks) -> None:
    assert await Chat(fake).say("add pay rent every month on the 45th") == (
        "No month has a 45th day, so I didn't add anything. Which day of the month should it repeat on? "
        'Say a day from the 1st to the 31st, or "the last day".'
    )


@pytest.mark.parametrize(
    ("message", "day", "due", "rrule"),
    [
        (
            "add pay bills every last day of the month until march",
            27,
            "2026-11-30 09:00",
            "FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20270331T215959Z",
        ),
        (
            "add pay bills every last day of the month until march",
            30,
            "2026-12-31 09:00",
            "FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20270331T215959Z",
        ),
        (
            "add stretch every day until the end of march",
            27,
            "2026-11-28 09:00",
            "FREQ=DAILY;UNTIL=20270331T215959Z",
        ),
        ("add stretch every day until may", 27, "2026-11-28 09:00", "FREQ=DAILY;UNTIL=20270531T215959Z"),
    ],
)
def test_until_a_month_alone_ends_on_its_last_day(message: str, day: int, due: str, rrule: str) -> None:
    title = "Pay bills" if "bills" in message else "Stretch"
    assert reading(message, at_paris(day, "17:17")) == ("add", title, due, rrule)


# -- guards: these read as before (pass on the old code too) -----------------------------------


@pytest.mark.parametrize(
    ("message", "title", "due", "rrule"),
    [
        (
            "add pay bills every last day of the month",
            "Pay bills",
            "2026-11-30 09:00",
            "FREQ=MONTHLY;BYMONTHDAY=-1",
        ),
        (
            "add pay rent on the last day of every month",
            "Pay rent",
            "2026-11-30 09:00",
            "FREQ=MONTHLY;BYMONTHDAY=-1",
        ),
        (
            "add pay rent on the 15th of the month",
            "Pay rent",
            "2026-12-15 09:00",
            "FREQ=MONTHLY;BYMONTHDAY=15",
        ),
        (
            "add pay rent every month on the 31st",
            "Pay rent",
            "2026-12-31 09:00",
            "FREQ=MONTHLY;BYMONTHDAY=31",
        ),
        ("add pay rent every 15th", "Pay rent", "2026-12-15 09:00", "FREQ=MONTHLY;BYMONTHDAY=15"),
        ("add pay rent at the end of the month", "Pay rent", "2026-11-30 17:00", None),
        (
            "add stretch every day until march 5",
            "Stretch",
            "2026-11-28 09:00",
            "FREQ=DAILY;UNTIL=20270305T225959Z",
        ),
        ("add read chapters 1 up to 5", "Read chapters 1 up to 5", None, None),
    ],
)
def test_other_month_days_read_as_before(
    message: str, title: str, due: str | None, rrule: str | None
) -> None:
    assert reading(message, at_paris(27, "17:17")) == ("add", title, due, rrule)


# The answer to "Which day of the month should it repeat on?" is read with the request it
# answers (before: "the last day" was a new task 'The last day').
@pytest.mark.parametrize(
    ("asked", "answer", "due", "rrule"),
    [
        (
            "add pay rent every month on the 45th",
            "the last day",
            "2026-11-30T09:00:00Z",
            "FREQ=MONTHLY;BYMONTHDAY=-1",
        ),
        (
            "add pay rent every month on the 45th",
            "the 15th",
            "2026-12-15T09:00:00Z",
            "FREQ=MONTHLY;BYMONTHDAY=15",
        ),
        (
            "add pay rent on the 45th of every month",
            "15",
            "2026-12-15T09:00:00Z",
            "FREQ=MONTHLY;BYMONTHDAY=15",
        ),
        ("add pay rent every 45th", "last", "2026-11-30T09:00:00Z", "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ],
)
async def test_the_day_answered_is_the_series_day(
    fake: FakeTasks, asked: str, answer: str, due: str, rrule: str
) -> None:
    chat = Chat(fake)
    await chat.say(asked)
    assert (await chat.say(answer)).startswith("Added 'Pay rent', repeating on the ")
    assert [(t["title"], t["due_at"], t["rrule"]) for t in fake.tasks.values()] == [("Pay rent", due, rrule)]


async def test_another_impossible_day_is_asked_again_and_other_words_read_as_before(fake: FakeTasks) -> None:
    chat = Chat(fake)
    await chat.say("add pay rent every month on the 45th")
    assert (await chat.say("the 40th")).startswith("No month has a 40th day")
    assert titles(fake) == []
    await chat.say("add pay rent every month on the 45th")
    assert await chat.say("buy milk") == "Added 'Buy milk'."


# -- a change to a day no month has ------------------------------------------------------------
# "make it repeat every month on the 32nd" changes nothing: the reply says so (before: "so I
# didn't add anything", as if a task had been asked for), and the day answered sets the rule.


@pytest.mark.parametrize(
    "message",
    [
        "make it repeat every month on the 32nd",
        "make pay rent repeat every month on the 32nd",
        "change pay rent to monthly on the 40th",
    ],
)
async def test_a_change_to_a_day_no_month_has_changes_nothing_and_says_so(
    fake: FakeTasks, message: str
) -> None:
    chat = Chat(fake)
    await chat.say("add pay rent tomorrow")
    said = await chat.say(message)
    assert said.startswith("No month has a "), said
    assert "so I didn't change anything. Which day of the month should it repeat on?" in said
    assert [t["rrule"] for t in fake.tasks.values()] == [None]


async def test_the_day_answered_after_a_change_sets_the_rule(fake: FakeTasks) -> None:
    chat = Chat(fake)
    await chat.say("add pay rent tomorrow")
    await chat.say("make it repeat every month on the 32nd")
    assert (await chat.say("the 40th")).startswith("No month has a 40th day, so I didn't change anything.")
    await chat.say("make it repeat every month on the 32nd")
    await chat.say("the last day")
    assert [(t["title"], t["rrule"]) for t in fake.tasks.values()] == [
        ("Pay rent", "FREQ=MONTHLY;BYMONTHDAY=-1")
    ]


async def test_a_new_task_on_a_day_no_month_has_still_adds_nothing(fake: FakeTasks) -> None:
    said = await Chat(fake).say("add pay rent every month on the 32nd")
    assert said.startswith("No month has a 32nd day, so I didn't add anything. Which day of the month")
