"""A due date said after the title as its own clause ("..., it's due next saturday",
"... — it is due friday", "..., which is due monday") is the due date, read as "..., due
next saturday": the title keeps none of "it's" / "it is" / "which is"."""

import pytest
from tests.conftest import FakeTasks
from tests.test_undo import Chat


async def _added(fake: FakeTasks, message: str) -> tuple[str, str | None]:
    chat = Chat(fake)
    said = await chat.say(message)
    assert said.startswith("Added '")
    (task,) = fake.tasks.values()
    return task["title"], task["due_at"]


@pytest.mark.parametrize(
    "message",
    [
        "could you please add buy a birthday present for sarah, it's due next saturday",
        "add buy a birthday present for sarah, it is due next saturday",
        "add buy a birthday present for sarah — it's due next saturday",
        "add buy a birthday present for sarah, which is due next saturday",
        "add buy a birthday present for sarah - it's due next saturday",
    ],
)
async def test_its_due_after_the_title_is_the_due_date(fake: FakeTasks, message: str) -> None:
    expected = await _added(FakeTasks(), "add buy a birthday present for sarah, due next saturday")
    assert expected[1] is not None
    assert await _added(fake, message) == ("Buy a birthday present for sarah", expected[1])


async def test_due_after_a_comma_reads_as_before(fake: FakeTasks) -> None:
    # Guard: ", due friday" was already read so.
    title, due = await _added(fake, "add pay rent, due friday")
    assert title == "Pay rent" and due is not None


async def test_a_task_named_is_due_still_moves_it(fake: FakeTasks) -> None:
    # Guard: "the report is due friday" (no comma before it) moves the task named.
    fake.seed("alice", title="The report")
    chat = Chat(fake)
    assert (await chat.say("the report is due friday")).startswith("Moved 'The report' to")
