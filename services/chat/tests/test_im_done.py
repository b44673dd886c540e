"""'all done' and "i'm done" alone are not tasks named 'all' / "i'm": 'all done' after a list,
or first thing, asks which tasks (as 'mark everything as done' does); anywhere else, and
"i'm done" / "im done" always, close the talk and change nothing, also right after a task was
added or moved. "i'm done with it" completes the task just named."""

import pytest
from chat_service.domain import reply
from tests.conftest import FakeTasks
from tests.test_undo import Chat

BYE = "OK! I'm here whenever you need me."


def completed(fake: FakeTasks) -> list[str]:
    return sorted(t["title"] for t in fake.tasks.values() if t["completed"])


async def test_all_done_after_a_list_asks_which(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call mom")
    fake.seed("alice", title="Pay rent")
    chat = Chat(fake)
    assert (await chat.say("show my tasks")).startswith("You have 2 open tasks")
    assert await chat.say("all done") == reply.ASK_WHICH_DONE
    assert completed(fake) == []


async def test_all_done_first_thing_asks_which(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call mom")
    chat = Chat(fake)
    assert await chat.say("all done") == reply.ASK_WHICH_DONE
    assert completed(fake) == []


@pytest.mark.parametrize("message", ["i'm done", "im done", "I'm done!", "i am all done"])
async def test_im_done_alone_closes(fake: FakeTasks, message: str) -> None:
    fake.seed("alice", title="Call mom")
    chat = Chat(fake)
    assert await chat.say(message) == BYE
    assert completed(fake) == []


async def test_im_done_after_a_list_closes(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call mom")
    fake.seed("alice", title="Pay rent")
    chat = Chat(fake)
    await chat.say("show my tasks")
    assert await chat.say("i'm done") == BYE
    assert completed(fake) == []


@pytest.mark.parametrize("first", ["move call mom to friday", "add buy milk"])
@pytest.mark.parametrize("message", ["i'm done", "all done"])
async def test_done_alone_right_after_a_task_closes(fake: FakeTasks, first: str, message: str) -> None:
    fake.seed("alice", title="Call mom")
    chat = Chat(fake)
    await chat.say(first)
    assert await chat.say(message) == BYE
    assert completed(fake) == []


async def test_im_done_with_it_completes_the_task_named(fake: FakeTasks) -> None:
    # Guard: read so before.
    fake.seed("alice", title="Call mom")
    chat = Chat(fake)
    await chat.say("move call mom to friday")
    await chat.say("i'm done with it")
    assert completed(fake) == ["Call mom"]


async def test_im_done_with_the_report_completes_it(fake: FakeTasks) -> None:
    # Guard: a task named after it is that task.
    fake.seed("alice", title="The report")
    fake.seed("alice", title="Call mom")
    chat = Chat(fake)
    await chat.say("I'm done with the report")
    assert completed(fake) == ["The report"]
