""" "Drop" deletes a task and starts an errand. "Drop off the package" is a new task 'Drop off
the package', and "drop by the bank and call mom" two, 'Drop by the bank' and 'Call mom', as
"stop by the bank and call mom" is (before: a delete of a task 'off the package', 'by the bank
and call mom' — with a task 'Call mom', that one was deleted). "Drop off", "drop by", "drop in
on" and "drop X off" are errands; so is "drop X at <a place>" ("drop the kids at school
tomorrow", "drop mom at the airport friday"). A plain "drop X" deletes a task whose title has
every word of X (a day said with it is no part of the name), else it is a new task, as "skip
breakfast" and "finish the essay" are (before: "I couldn't find a task matching ...").
"Drop the dentist task", "drop X from my list" and "drop it" delete as before."""

from typing import Any

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat, titles


def titles_said(message: str) -> list[str | None]:
    request = parse(message, NOW)
    assert request.intent == "add", request
    return [request.changes.title, *(c.title for c in request.also)]


def due(request: Any) -> str | None:
    return request.due.at.isoformat() if request.due else None


# -- errands: always a new task ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("drop off the package", ["Drop off the package"]),
        ("drop by grandma's", ["Drop by grandma's"]),
        ("drop in on grandma", ["Drop in on grandma"]),
        ("drop the package off", ["Drop the package off"]),
        ("drop by the bank and call mom", ["Drop by the bank", "Call mom"]),
        ("add drop by the bank and call mom", ["Drop by the bank", "Call mom"]),
        ("buy milk and drop off the package", ["Buy milk", "Drop off the package"]),
        (
            "drop off the dry cleaning, buy milk and call mom",
            ["Drop off the dry cleaning", "Buy milk", "Call mom"],
        ),
    ],
)
def test_an_errand_with_drop_is_a_new_task(message: str, expected: list[str]) -> None:
    assert titles_said(message) == expected


@pytest.mark.parametrize(
    ("message", "as_added"),
    [
        ("drop off the kids at school at 8", "add drop off the kids at school at 8"),
        ("drop the kids at school tomorrow", "add drop the kids at school tomorrow"),
        ("drop mom at the airport friday", "add drop mom at the airport friday"),
        ("drop the car at the garage", "add drop the car at the garage"),
    ],
)
def test_a_drop_at_a_place_reads_as_the_errand_added(message: str, as_added: str) -> None:
    # The same title and due time as "add ..." reads (before: a delete of 'kids at school tomorrow').
    said, added = parse(message, NOW), parse(as_added, NOW)
    assert said.intent == "add", said
    assert (said.changes.title, due(said.changes)) == (added.changes.title, due(added.changes))


async def test_the_chat_adds_both_errands_and_deletes_nothing(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call mom")
    said = await Chat(fake).say("drop by the bank and call mom")
    # Before: "Deleted 'Call mom'. I couldn't find a task matching 'by the bank'."
    assert said == "Added 'Drop by the bank'. Added 'Call mom'."
    assert titles(fake) == ["Call mom", "Call mom", "Drop by the bank"]


async def test_the_chat_adds_the_school_run_next_to_a_task_about_mom(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call mom")
    chat = Chat(fake)
    assert (await chat.say("drop mom at the airport friday")).startswith("Added 'Drop mom at the airport'")
    assert (await chat.say("drop off the package")) == "Added 'Drop off the package'."
    assert titles(fake) == ["Call mom", "Drop mom at the airport", "Drop off the package"]


# -- a plain "drop X": the task X names, else a new task ---------------------------------------
async def test_a_plain_drop_naming_no_task_is_a_new_task(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call mom")
    chat = Chat(fake)
    # Before: "I couldn't find a task matching 'rental car'. Could you check the name?"
    assert await chat.say("drop the rental car") == "Added 'Drop the rental car'."
    # Before: 'Call mom' deleted (its word 'mom' was enough).
    assert await chat.say("drop a line to mom") == "Added 'Drop a line to mom'."
    assert titles(fake) == ["Call mom", "Drop a line to mom", "Drop the rental car"]


async def test_a_day_said_with_a_plain_drop_is_the_new_tasks_unless_a_task_is_named(fake: FakeTasks) -> None:
    chat = Chat(fake)
    # Before: "I couldn't find a task matching 'dentist tomorrow'. ..."
    assert await chat.say("drop the dentist tomorrow") == "Added 'Drop the dentist' for tomorrow at 9:00 AM."
    fake.seed("alice", title="Pay rent")
    # Before: "I couldn't find a task matching 'rent friday'. ..."
    assert await chat.say("drop the rent friday") == "Deleted 'Pay rent'."
    assert titles(fake) == ["Drop the dentist"]


# -- guards: deletes as before (pass on the old code too) --------------------------------------
@pytest.mark.parametrize(
    ("message", "left"),
    [
        ("drop the dentist task", ["Buy groceries"]),
        ("drop dentist", ["Buy groceries"]),
        ("drop the groceries task from my list", ["Dentist"]),
        ("drop the groceries", ["Dentist"]),
        ("drop groceries off my list", ["Dentist"]),
    ],
)
async def test_a_drop_naming_a_task_deletes_it(fake: FakeTasks, message: str, left: list[str]) -> None:
    fake.seed("alice", title="Dentist")
    fake.seed("alice", title="Buy groceries")
    assert (await Chat(fake).say(message)).startswith("Deleted ")
    assert titles(fake) == left


async def test_drop_it_deletes_the_task_just_talked_about(fake: FakeTasks) -> None:
    chat = Chat(fake)
    await chat.say("add call the plumber")
    assert await chat.say("drop it") == "Deleted 'Call the plumber'."
    assert titles(fake) == []


# ("drop everything" answers that tasks are deleted one at a time: test_drop_from_a_list.py.)
@pytest.mark.parametrize("message", ["drop the dentist task", "drop the groceries task from my list"])
async def test_a_drop_of_a_task_that_is_not_there_adds_nothing(fake: FakeTasks, message: str) -> None:
    said = await Chat(fake).say(message)
    assert said.startswith("I couldn't find a task matching"), said
    assert titles(fake) == []


def test_cancel_still_deletes() -> None:
    assert (parse("cancel netflix", NOW).intent, parse("cancel netflix", NOW).ref) == ("delete", "netflix")
