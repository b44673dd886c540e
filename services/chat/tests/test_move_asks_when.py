"""A move said without a day (h144): "move yoga" when the user has a task 'Yoga' added a new task
'Move yoga'. Now the assistant finds the open task (search_tasks, then get_task, through the MCP
tools as every edit does), says when it is due and asks when to move it to; the answer
("saturday", "to friday at 5pm") moves it, keeping its time of day as "move yoga to saturday"
does. With no such task the words are a new task, as before; "move house", "move to Berlin"
are tasks too. Through the same agent path (run_turn, OfflineModel, MCP tools) as any message."""

import pytest
from chat_service.domain.planner import Call, Say
from tests.conftest import FakeTasks
from tests.test_offline_model import play
from tests.test_undo import Chat, titles

# conftest's NOW: Wednesday 25 Nov 2026, 14:30 UTC (the chats run in UTC).
YOGA_DUE = "2026-11-26T18:30:00Z"


@pytest.mark.parametrize(
    "message", ["move yoga", "reschedule yoga", "postpone the yoga", "Move yoga, please"]
)
async def test_a_move_without_a_day_asks_when(fake: FakeTasks, message: str) -> None:
    fake.seed("alice", title="Yoga", due_at=YOGA_DUE)
    said = await Chat(fake).say(message)
    assert said == "It's due tomorrow at 6:30 PM. When should I move 'Yoga' to?"
    assert [(t["title"], t["due_at"]) for t in fake.tasks.values()] == [("Yoga", YOGA_DUE)]


@pytest.mark.parametrize(
    ("answer", "reply", "due"),
    [
        ("saturday", "Moved 'Yoga' to Saturday at 6:30 PM.", "2026-11-28T18:30:00Z"),
        ("to friday at 5pm", "Moved 'Yoga' to Friday at 5:00 PM.", "2026-11-27T17:00:00Z"),
        ("next week", "Moved 'Yoga' to Monday at 6:30 PM.", "2026-11-30T18:30:00Z"),
    ],
)
async def test_the_answer_moves_the_task(fake: FakeTasks, answer: str, reply: str, due: str) -> None:
    yoga = fake.seed("alice", title="Yoga", due_at=YOGA_DUE)
    fake.seed("alice", title="Yoga mat")
    chat = Chat(fake)
    await chat.say("move yoga")
    assert await chat.say(answer) == reply
    assert (titles(fake), yoga["due_at"]) == (["Yoga", "Yoga mat"], due)


async def test_a_task_without_a_due_date_is_asked_about_too(fake: FakeTasks) -> None:
    yoga = fake.seed("alice", title="Yoga")
    chat = Chat(fake)
    assert await chat.say("move yoga") == "It has no due date yet. When should I move 'Yoga' to?"
    assert await chat.say("friday at 5pm") == "Moved 'Yoga' to Friday at 5:00 PM."
    assert yoga["due_at"] == "2026-11-27T17:00:00Z"


async def test_another_message_after_the_question_is_its_own(fake: FakeTasks) -> None:
    yoga = fake.seed("alice", title="Yoga", due_at=YOGA_DUE)
    chat = Chat(fake)
    await chat.say("move yoga")
    assert await chat.say("add milk") == "Added 'Milk'."
    assert await chat.say("never mind") == "OK, I've left everything as it was."
    assert (titles(fake), yoga["due_at"]) == (["Milk", "Yoga"], YOGA_DUE)


def test_the_task_is_found_and_fetched_through_the_tools() -> None:
    yoga = {"id": "t1", "title": "Yoga", "due_at": YOGA_DUE}
    steps = play("move yoga", [{"ok": True, "tasks": [yoga]}, {"ok": True, "task": yoga}])
    assert steps == [
        Call("search_tasks", {"query": "yoga", "status": "open"}),
        Call("get_task", {"task_id": "t1"}),
        Say("It's due tomorrow at 6:30 PM. When should I move 'Yoga' to?"),
    ]


# Guards (as before): no such task, a day said, or words that move no task.
@pytest.mark.parametrize(
    ("message", "added"),
    [
        ("move yoga", "Move yoga"),
        ("move house", "Move house"),
        ("move to berlin", "Move to berlin"),
        ("move out", "Move out"),
    ],
)
async def test_with_no_such_task_the_words_are_a_new_task(fake: FakeTasks, message: str, added: str) -> None:
    fake.seed("alice", title="House cleaning")
    fake.seed("alice", title="Berlin trip")
    assert await Chat(fake).say(message) == f"Added '{added}'."
    assert titles(fake) == sorted(["Berlin trip", "House cleaning", added])


async def test_a_move_with_a_day_moves_as_before(fake: FakeTasks) -> None:
    yoga = fake.seed("alice", title="Yoga", due_at=YOGA_DUE)
    assert await Chat(fake).say("move yoga to saturday") == "Moved 'Yoga' to Saturday at 6:30 PM."
    assert yoga["due_at"] == "2026-11-28T18:30:00Z"
