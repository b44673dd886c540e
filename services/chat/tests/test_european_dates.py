"""European dates, day.month. with its closing dot or a year. User test (Friday 27 Nov 2026,
Berlin): "the VAT return is due 10.12., set that" and "quote for Kessler 10.12." kept "10.12"
in the title with no due date. Now "10.12." and "10.12.2026" are 10 December (the first such
date from today on, as "10 December" is); ", set that" after a statement is no words of it.
Guards: a version number ("version 3.5."), "3.5 hours", a chapter, a day no month has
("31.2."), and a time "at 10:30" are no dates."""

import pytest
from chat_service.domain.parse import parse, read_when_answer
from tests.conftest import FakeTasks
from tests.talk import FRIDAY, Talk, local


@pytest.mark.parametrize(
    ("message", "title", "due"),
    [
        ("quote for Kessler 10.12.", "Quote for Kessler", "Thu 10 Dec 09:00"),
        ("quote for Kessler 10.12.2026", "Quote for Kessler", "Thu 10 Dec 09:00"),
        ("quote for Kessler on 10.12. at 3pm", "Quote for Kessler", "Thu 10 Dec 15:00"),
        ("renew passport 1.3.", "Renew passport", "Mon 01 Mar 09:00"),  # next year's: the first from today
    ],
)
def test_a_european_date_is_the_due_date(message: str, title: str, due: str) -> None:
    request = parse(message, FRIDAY)
    c = request.changes
    assert (request.intent, c.title, c.due.at.strftime("%a %d %b %H:%M") if c.due else None) == (
        "add",
        title,
        due,
    )


async def test_the_reported_vat_return_is_added_for_the_10th_of_december(fake: FakeTasks) -> None:
    assert await Talk(fake).say("the VAT return is due 10.12., set that") == (
        "Added 'The VAT return' for Thu 10 Dec at 09:00."
    )
    [task] = fake.tasks.values()
    assert local(task["due_at"]) == "Thu 10 Dec 09:00"


async def test_a_vat_return_task_there_is_due_then(fake: FakeTasks) -> None:
    fake.seed("alice", title="VAT return")
    assert (await Talk(fake).say("the VAT return is due 10.12., set that")).startswith(
        "Moved 'VAT return' to"
    )
    [task] = fake.tasks.values()
    assert local(task["due_at"]) == "Thu 10 Dec 09:00"


def test_an_answer_with_a_european_date() -> None:
    when = read_when_answer("10.12.", FRIDAY)
    assert when is not None and when.at.strftime("%d %b") == "10 Dec"


# -- guards -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("upgrade to version 3.5.", "Upgrade to version 3.5"),
        ("read chapter 3.5.", "Read chapter 3.5"),
        ("pay invoice 31.2.", "Pay invoice 31.2"),
        ("budget 3.5 hours for the Acme review", "Budget 3.5 hours for the Acme review"),
    ],
)
def test_numbers_with_dots_that_are_no_dates_stay_in_the_title(message: str, title: str) -> None:
    request = parse(message, FRIDAY)
    assert (request.intent, request.changes.title, request.changes.due) == ("add", title, None)


def test_a_time_with_a_colon_is_still_a_time() -> None:
    due = parse("call the bank tomorrow at 10:30", FRIDAY).changes.due
    assert due is not None and due.at.strftime("%a %d %H:%M") == "Sat 28 10:30"
