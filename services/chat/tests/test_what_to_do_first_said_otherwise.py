""" "What should I work on first?", "what should i do now?", "what should I do next?", "what's
next?" are "what should I do first?": the open tasks in the order to do them (overdue and due
today first, then by priority, then by due; planner.first_things_first). Before: "work on
first" was not understood and "do now" was the plain list ("now" is taken off the end of a
message before it is read). A title that only starts like the question stays a title."""

import pytest
from tests.conftest import FakeTasks
from tests.talk import Talk


def seed(fake: FakeTasks) -> None:
    # Friday 27 Nov 2026, 15:00 in Berlin.
    fake.seed("alice", title="Econ essay")
    fake.seed("alice", title="Buy milk", due_at="2026-11-28T09:00:00Z")
    fake.seed("alice", title="Write report", due_at="2026-11-26T10:00:00Z", priority="HIGH")
    fake.seed("alice", title="Call bank", due_at="2026-11-28T08:00:00Z", priority="HIGH")


@pytest.mark.parametrize(
    "message",
    [
        "what should I work on first",
        "what should i do now",
        "What should I do now?",
        "what should I do next",
        "what's next",
        "what should I work on next?",
    ],
)
async def test_said_otherwise_it_is_the_same_answer(fake: FakeTasks, message: str) -> None:
    seed(fake)
    expected = await Talk(fake).say("what should I do first")
    assert expected.startswith("You have 4 open tasks, overdue and due today first, then by priority:\n")
    assert await Talk(fake).say(message) == expected


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("add what should I bring to the party", "What should I bring to the party"),
        ("add what to do next summer", "What to do next summer"),
    ],
)
async def test_a_title_that_starts_like_the_question_stays_a_title(
    fake: FakeTasks, message: str, title: str
) -> None:
    # Guard (passes before too).
    reply = await Talk(fake).say(message)
    assert reply == f"Added '{title}'."
    assert [t["title"] for t in fake.tasks.values()] == [title]
