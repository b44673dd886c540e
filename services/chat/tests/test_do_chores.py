"""A task said with a leading "do" is a task: "do the laundry tonight", "do the dishes", "do
taxes by friday". A leading "do" is a question only with someone after it ("do I have
anything tomorrow?", "do you remember ...") or a verb a few words on ("do the kids have
school tomorrow?"); those are read as before."""

import pytest
from chat_service.domain.reply import HELP
from tests.conftest import FakeTasks
from tests.test_undo import Chat


def added(fake: FakeTasks) -> list[tuple[str, str | None]]:
    return [(t["title"], t["due_at"]) for t in fake.tasks.values()]


@pytest.mark.parametrize(
    ("message", "reply", "task"),
    [
        (
            "do the laundry tonight",
            "Added 'Do the laundry' for today at 8:00 PM.",
            ("Do the laundry", "2026-11-25T20:00:00Z"),
        ),
        ("do the dishes", "Added 'Do the dishes'.", ("Do the dishes", None)),
        (
            "do taxes by friday",
            "Added 'Do taxes' for Friday at 9:00 AM.",
            ("Do taxes", "2026-11-27T09:00:00Z"),
        ),
        (
            "do my homework tomorrow at 6pm",
            "Added 'Do my homework' for tomorrow at 6:00 PM.",
            ("Do my homework", "2026-11-26T18:00:00Z"),
        ),
        ("do groceries", "Added 'Do groceries'.", ("Do groceries", None)),
        (
            "Do the laundry and hang it up",
            "Added 'Do the laundry and hang it up'.",
            ("Do the laundry and hang it up", None),
        ),
    ],
)
async def test_a_chore_said_with_do_is_a_task(
    fake: FakeTasks, message: str, reply: str, task: tuple[str, str | None]
) -> None:
    chat = Chat(fake)
    assert await chat.say(message) == reply
    assert added(fake) == [task]


# Guards: questions that start with "do" / "does" read as they did before (pass both ways).
@pytest.mark.parametrize(
    ("message", "reply"),
    [
        ("do I have anything tomorrow?", "You have no open tasks due tomorrow."),
        ("do i have any overdue tasks", "You have no overdue tasks."),
        ("do you remember my dentist task?", HELP),
        ("do we have milk on the list?", HELP),
        ("does the report have a due date?", HELP),
        ("do I need to pay rent this week?", HELP),
        ("do the kids have school tomorrow?", HELP),
        ("do any of my tasks have a due date?", HELP),
    ],
)
async def test_a_question_with_do_adds_nothing(fake: FakeTasks, message: str, reply: str) -> None:
    fake.seed("alice", title="Dentist appointment")
    chat = Chat(fake)
    assert (await chat.say(message)).endswith(reply)
    assert added(fake) == [("Dentist appointment", None)]


async def test_do_it_after_an_add_still_moves_that_task(fake: FakeTasks) -> None:
    # Guard (c8b4adf): "do it <when>" is a due date for the task just added.
    chat = Chat(fake)
    await chat.say("add call the insurance company")
    assert (await chat.say("do it tonight")).startswith("Moved 'Call the insurance company' to")
    assert added(fake) == [("Call the insurance company", "2026-11-25T20:00:00Z")]
