"""A reply to "which one do you mean?" that picks none of the tasks offered and is a command
of its own ("I finished the CS101 problem set") is that command; the question is dropped.
Answers that pick one (its place, a word of its title, "the one due friday") still do."""

import pytest
from tests.conftest import FakeTasks
from tests.test_undo import Chat

QUESTION = "move the history reading to wednesday"


def seed(fake: FakeTasks) -> None:
    fake.seed("alice", title="History reading ch. 4", due_at="2026-11-27T09:00:00Z")
    fake.seed("alice", title="History reading notes", due_at="2026-11-28T09:00:00Z")
    fake.seed("alice", title="CS101 problem set", due_at="2026-11-27T17:00:00Z")


def done(fake: FakeTasks) -> dict[str, bool]:
    return {t["title"]: t["completed"] for t in fake.tasks.values()}


def due(fake: FakeTasks) -> dict[str, str | None]:
    return {t["title"]: t["due_at"] for t in fake.tasks.values()}


async def ask(fake: FakeTasks) -> Chat:
    seed(fake)
    chat = Chat(fake)
    assert (await chat.say(QUESTION)).endswith("Which one do you mean?")
    return chat


@pytest.mark.parametrize(
    "message", ["I finished the CS101 problem set", "mark the cs101 problem set as done", "complete cs101"]
)
async def test_a_command_of_its_own_is_done(fake: FakeTasks, message: str) -> None:
    chat = await ask(fake)
    said = await chat.say(message)
    assert "CS101 problem set" in said and "didn't catch" not in said
    assert done(fake)["CS101 problem set"] is True
    assert not any(done(fake)[t] for t in ("History reading ch. 4", "History reading notes"))
    assert due(fake)["History reading ch. 4"] == "2026-11-27T09:00:00Z"  # nothing moved


async def test_add_is_a_new_task(fake: FakeTasks) -> None:
    chat = await ask(fake)
    said = await chat.say("add buy milk")
    assert said.startswith("Added 'Buy milk'")
    assert "Buy milk" in done(fake)


@pytest.mark.parametrize(
    ("answer", "moved"),
    [
        ("the second", "History reading notes"),
        ("2", "History reading notes"),
        ("the first one", "History reading ch. 4"),
        ("notes", "History reading notes"),
        ("the notes one", "History reading notes"),
    ],
)
async def test_an_answer_still_picks(fake: FakeTasks, answer: str, moved: str) -> None:
    chat = await ask(fake)
    said = await chat.say(answer)
    assert moved in said and "didn't catch" not in said
    assert due(fake)[moved].startswith("2026-12-02")
    assert not any(done(fake).values())


@pytest.mark.parametrize("answer", ["the blue one", "the one due monday", "hmm the other"])
async def test_what_picks_nothing_and_is_no_command_asks_again(fake: FakeTasks, answer: str) -> None:
    chat = await ask(fake)
    said = await chat.say(answer)
    assert said.startswith("Sorry, I didn't catch which one.")
    assert not any(done(fake).values())
    assert set(due(fake).values()) == {"2026-11-27T09:00:00Z", "2026-11-28T09:00:00Z", "2026-11-27T17:00:00Z"}
