"""Corrections said right after a change ("no, I meant Friday", "actually make it 10",
"make it 2 hours before instead"): they change the task last worked on and are never a new
task. Reading (pure), the plan step by step (pure), and whole conversations through the real
Agent, Runner and MCP server against the fake task API."""

import pytest
from chat_service.domain.parse import parse
from chat_service.domain.planner import Call, Context, Say
from chat_service.domain.text import retitled
from tests.conftest import NOW, FakeTasks
from tests.test_offline_model import play
from tests.test_undo import Chat, titles


@pytest.mark.parametrize(
    ("message", "due", "keep_time"),
    [
        ("no, I meant friday", "Fri 27 09:00", True),
        ("sorry, I meant 4pm", "Wed 25 16:00", True),
        ("nope, monday", "Mon 30 09:00", True),
        ("I meant friday, not saturday", "Fri 27 09:00", True),
        ("3pm instead", "Wed 25 15:00", True),
        ("no wait, tomorrow at 5", "Thu 26 17:00", True),
        ("actually make it 10", "Thu 26 10:00", False),
        ("make it 10:30", "Thu 26 10:30", False),
    ],
)
def test_a_correction_of_the_time_changes_the_last_task(message: str, due: str, keep_time: bool) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref, request.pronoun) == ("update", None, True)
    assert request.changes.due is not None and request.changes.due.at.strftime("%a %d %H:%M") == due
    assert request.changes.keep_time is keep_time and request.changes.title is None


@pytest.mark.parametrize(
    ("message", "minutes", "priority"),
    [
        ("make it 2 hours before instead", 120, None),
        ("hmm make it 2 hours before instead", 120, None),
        ("sorry I meant an hour before", 60, None),
        ("no, I meant high priority", None, "HIGH"),
    ],
)
def test_a_correction_of_the_reminder_or_priority(
    message: str, minutes: int | None, priority: str | None
) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.pronoun) == ("update", True)
    assert (request.changes.remind_minutes, request.changes.priority) == (minutes, priority)


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("actually, buy bread tomorrow", "Buy bread"),
        ("Make dinner", "Make dinner"),
        ("No rush on taxes", None),
    ],
)
def test_other_messages_are_not_corrections(message: str, title: str | None) -> None:
    request = parse(message, NOW)
    assert request.intent == "add"
    if title:
        assert request.changes.title == title


def test_no_i_meant_friday_keeps_the_time_the_user_gave() -> None:
    task = {"id": "i", "title": "Call the insurance company", "due_at": "2026-11-26T15:00:00Z"}
    ctx = Context(now=NOW, timezone="UTC", last_task={"id": "i", "title": task["title"]})
    moved = {**task, "due_at": "2026-11-27T15:00:00Z"}
    steps = play("no, I meant friday", [{"ok": True, "task": task}, {"ok": True, "task": moved}], ctx)
    assert steps == [
        Call("get_task", {"task_id": "i"}),
        Call("set_due_date", {"task_id": "i", "due_at": "2026-11-27T15:00:00Z", "timezone": "UTC"}),
        Say("Moved 'Call the insurance company' to Friday at 3:00 PM."),
    ]


def test_a_correction_with_no_task_in_the_conversation_asks_and_adds_nothing() -> None:
    steps = play("no, I meant friday", [])
    assert steps == [Say("I'm not sure which task you mean. Could you tell me its name?")]


async def test_corrections_in_a_conversation_change_that_task_and_add_none(fake: FakeTasks) -> None:
    chat = Chat(fake)
    await chat.say("Call the insurance company tomorrow at 3pm")
    assert await chat.say("no, I meant friday") == "Moved 'Call the insurance company' to Friday at 3:00 PM."
    assert (
        await chat.say("actually make it 10") == "Moved 'Call the insurance company' to Friday at 10:00 AM."
    )
    await chat.say("remind me an hour before")
    assert (
        await chat.say("hmm make it 2 hours before instead")
        == "I'll remind you about 'Call the insurance company' 2 hours before it's due."
    )
    assert titles(fake) == ["Call the insurance company"]
    [task] = fake.tasks.values()
    assert (task["due_at"], task["remind_at"]) == ("2026-11-27T10:00:00Z", "2026-11-27T08:00:00Z")


# -- "no, I meant the other one" ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("message", "ref"),
    [
        ("no, I meant the other one", None),
        ("the other one", None),
        ("not that one, the other one", None),
        ("that's the wrong one", None),
        ("no, I meant the phone bill", "phone bill"),
    ],
)
def test_the_other_one_is_read_as_a_switch_of_task(message: str, ref: str | None) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref, request.changes.title) == ("retarget", ref, None)


def _seed_calls(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call the plumber", due_at="2026-11-30T14:00:00Z")
    fake.seed("alice", title="Call mom", due_at="2026-11-28T17:00:00Z")


def _task(fake: FakeTasks, title: str) -> dict[str, object]:
    [task] = [t for t in fake.tasks.values() if t["title"] == title]
    return task


async def test_no_i_meant_the_other_one_moves_the_change_to_the_other_task(fake: FakeTasks) -> None:
    _seed_calls(fake)
    chat = Chat(fake)
    assert (await chat.say("remind me about the call an hour before")).endswith("Which one do you mean?")
    assert (
        await chat.say("the plumber one")
        == "I'll remind you about 'Call the plumber' 1 hour before it's due."
    )
    assert await chat.say("no, I meant the other one") == (
        "Sorry about that. Changed 'Call the plumber' back: no reminder. "
        "I'll remind you about 'Call mom' 1 hour before it's due."
    )
    assert _task(fake, "Call the plumber")["remind_at"] is None
    assert _task(fake, "Call mom")["remind_at"] == "2026-11-28T16:00:00Z"
    assert titles(fake) == ["Call mom", "Call the plumber"]
    # "it" is now the task meant
    assert await chat.say("actually make it 2 hours before") == (
        "I'll remind you about 'Call mom' 2 hours before it's due."
    )


async def test_the_other_one_after_a_delete_brings_it_back_and_deletes_the_other(fake: FakeTasks) -> None:
    _seed_calls(fake)
    chat = Chat(fake)
    await chat.say("delete the call task")
    assert await chat.say("the plumber one") == "Deleted 'Call the plumber'."
    assert await chat.say("wrong one") == (
        "Sorry about that. Brought back 'Call the plumber'. Deleted 'Call mom'."
    )
    assert titles(fake) == ["Call the plumber"]


async def test_no_i_meant_a_named_task_switches_to_that_one(fake: FakeTasks) -> None:
    fake.seed("alice", title="Pay rent")
    fake.seed("alice", title="Pay the phone bill")
    chat = Chat(fake)
    assert await chat.say("I paid rent") == "Marked 'Pay rent' as done. Nice work!"
    assert await chat.say("no, I meant the phone bill") == (
        "Sorry about that. Reopened 'Pay rent'. Marked 'Pay the phone bill' as done. Nice work!"
    )
    assert titles(fake) == ["Pay rent", "Pay the phone bill (done)"]


async def test_the_other_one_with_nothing_to_switch_changes_nothing(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call mom")
    chat = Chat(fake)
    assert await chat.say("no, I meant the other one") == (
        'Which task did you mean? Tell me its name and what to do, like "complete Call mom".'
    )
    await chat.say("Add buy stamps")
    assert await chat.say("the other one") == (
        'Which task did you mean? Tell me its name and what to do, like "complete Call mom". '
        'If I changed the wrong one, say "undo" to put it back.'
    )
    await chat.say("delete the stamps task")
    assert await chat.say("no, the other one") == (
        "I couldn't find another task matching 'stamps'. "
        "If 'Buy stamps' was the wrong one, say \"undo\" to put it back."
    )
    assert titles(fake) == ["Call mom"]


# -- a correction of the title ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("title", "said", "new"),
    [
        ("Buy milk", "oat milk", "Buy oat milk"),  # the words said replace those they end with
        ("Buy the milk", "the oat milk", "Buy the oat milk"),
        ("Email Bob about the report", "the budget report", "Email Bob about the budget report"),
        ("Buy milk", "buy oat milk", "Buy oat milk"),  # said with the verb: the whole title
        ("Buy milk", "bread", "Buy bread"),  # nothing overlaps: all but the verb
        ("Call mom", "dad", "Call dad"),
        ("Dentist", "orthodontist", "Orthodontist"),  # a one-word title: the words said
    ],
)
def test_the_words_said_replace_the_title_words_they_end_with(title: str, said: str, new: str) -> None:
    assert retitled(title, said) == new


@pytest.mark.parametrize(
    "message",
    [
        "actually make that oat milk",
        "make that oat milk",
        "change that to oat milk",
        "no, change it to oat milk",
    ],
)
def test_make_that_names_new_title_words_for_the_last_task(message: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref, request.pronoun) == ("update", None, True)
    assert request.changes.retitle == "oat milk" and request.changes.title is None


@pytest.mark.parametrize(
    "message",
    [
        "actually make that oat milk",
        "I meant oat milk",
        "no, oat milk",
        "sorry, I meant oat milk",
        "oat milk instead",
        "change that to oat milk",
    ],
)
async def test_a_title_corrected_right_after_an_add_renames_that_task(fake: FakeTasks, message: str) -> None:
    chat = Chat(fake)
    assert await chat.say("add buy milk") == "Added 'Buy milk'."
    assert await chat.say(message) == "Renamed 'Buy milk' to 'Buy oat milk'."
    assert titles(fake) == ["Buy oat milk"]
    assert await chat.say("undo") == "Changed 'Buy oat milk' back: renamed to 'Buy milk'."


@pytest.mark.parametrize(
    ("message", "after"),
    [
        # Guards: not a title (the first two pass on the old code too; "no, thanks" was a task 'No').
        ("no, tomorrow at 5", ["Buy milk"]),
        ("no, high priority", ["Buy milk"]),
        ("no, thanks", ["Buy milk"]),
    ],
)
async def test_other_corrections_after_an_add_are_read_as_before(
    fake: FakeTasks, message: str, after: list[str]
) -> None:
    chat = Chat(fake)
    await chat.say("add buy milk")
    await chat.say(message)
    assert titles(fake) == after


async def test_i_meant_after_a_change_that_was_no_add_is_still_the_other_task(fake: FakeTasks) -> None:
    # "I meant X" is "the other task" when the last turn changed one (passes on the old code too).
    fake.seed("alice", title="Call mom")
    fake.seed("alice", title="Call dad")
    chat = Chat(fake)
    await chat.say("complete call mom")
    said = await chat.say("no, I meant call dad")
    assert said.startswith("Sorry about that.") and titles(fake) == ["Call dad (done)", "Call mom"]
