"""A priority word that is part of what the task is called stays in the title: "add urgent
care appointment" is 'Urgent care appointment' (urgent care is a place), "clean the top
shelf", "top up oyster card", "critical thinking essay" keep their words, with the default
priority; so does one before another word ("add urgent call the bank", "add reply to urgent
emails"), as the web quick-add reads it. Said as a priority ("add pay rent urgent", "add urgent:
call the bank", "top priority", "critical: fix prod") it is still one."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat


def only(fake: FakeTasks) -> tuple[str, str, str | None]:
    (task,) = fake.tasks.values()
    return task["title"], task["priority"], task["due_at"]


@pytest.mark.parametrize(
    ("message", "reply", "task"),
    [
        (
            "add urgent care appointment",
            "Added 'Urgent care appointment'.",
            ("Urgent care appointment", "MEDIUM", None),
        ),
        (
            "add urgent care appointment tomorrow",
            "Added 'Urgent care appointment' for tomorrow at 9:00 AM.",
            ("Urgent care appointment", "MEDIUM", "2026-11-26T09:00:00Z"),
        ),
        ("go to urgent care", "Added 'Go to urgent care'.", ("Go to urgent care", "MEDIUM", None)),
        ("add clean the top shelf", "Added 'Clean the top shelf'.", ("Clean the top shelf", "MEDIUM", None)),
        ("add top up oyster card", "Added 'Top up oyster card'.", ("Top up oyster card", "MEDIUM", None)),
        (
            "add critical thinking essay",
            "Added 'Critical thinking essay'.",
            ("Critical thinking essay", "MEDIUM", None),
        ),
        # Before a word that is not ":" / "," / "-", "urgent" describes it, as the web reads it
        # (quick-add.ts saysPriority, 'Urgent meeting with boss'); it was Very important before.
        (
            "add urgent call the bank",
            "Added 'Urgent call the bank'.",
            ("Urgent call the bank", "MEDIUM", None),
        ),
        (
            "add reply to urgent emails",
            "Added 'Reply to urgent emails'.",
            ("Reply to urgent emails", "MEDIUM", None),
        ),
    ],
)
async def test_a_priority_word_naming_a_thing_stays_in_the_title(
    fake: FakeTasks, message: str, reply: str, task: tuple[str, str, str | None]
) -> None:
    chat = Chat(fake)
    assert await chat.say(message) == reply
    assert only(fake) == task


@pytest.mark.parametrize(
    ("message", "reply", "task"),
    [
        # Guards: said as a priority, as before.
        ("add high school reunion", "Added 'High school reunion'.", ("High school reunion", "MEDIUM", None)),
        ("add pay rent urgent", "Added 'Pay rent' (urgent).", ("Pay rent", "VERY_IMPORTANT", None)),
        (
            "add urgent: call the bank",
            "Added 'Call the bank' (urgent).",
            ("Call the bank", "VERY_IMPORTANT", None),
        ),
        ("add fix prod, top priority", "Added 'Fix prod' (urgent).", ("Fix prod", "VERY_IMPORTANT", None)),
        ("add critical: fix prod", "Added 'Fix prod' (urgent).", ("Fix prod", "VERY_IMPORTANT", None)),
        ("add fix prod urgently", "Added 'Fix prod' (urgent).", ("Fix prod", "VERY_IMPORTANT", None)),
    ],
)
async def test_a_priority_said_as_one_is_still_the_priority(
    fake: FakeTasks, message: str, reply: str, task: tuple[str, str, str | None]
) -> None:
    chat = Chat(fake)
    assert await chat.say(message) == reply
    assert only(fake) == task


async def test_is_it_urgent_asks_about_the_task_in_focus(fake: FakeTasks) -> None:
    """ "is it urgent?" shows the task just added, its priority said (before: "I couldn't find
    a task matching 'it urgent'")."""
    chat = Chat(fake)
    await chat.say("add call mom tomorrow, urgent")
    assert await chat.say("is it urgent?") == "'Call mom' is open: due tomorrow at 9:00 AM, urgent."
    assert only(fake) == ("Call mom", "VERY_IMPORTANT", "2026-11-26T09:00:00Z")


# The priority word is read once the tags are out (as the web reads it, after tags): it ends
# "fix prod urgent for work" (guards: so before 14dbd0a, which had read these as titles), and a
# tag said "urgent" is the tag, not the priority (before: 'Fix prod tagged', Very important, no
# tag; "tag it urgent" tagged 'It').
@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("add fix prod urgent for work", ("Fix prod", "VERY_IMPORTANT", ("Work",))),
        ("add fix prod urgent to my list", ("Fix prod", "VERY_IMPORTANT", ())),
        ("add pay rent urgent tagged finance", ("Pay rent", "VERY_IMPORTANT", ("Finance",))),
        ("put call mom urgent on my list", ("Call mom", "VERY_IMPORTANT", ())),
        ("add fix prod tagged urgent", ("Fix prod", None, ("Urgent",))),
        ("add fix prod, tag it urgent", ("Fix prod", None, ("Urgent",))),
    ],
)
def test_the_priority_is_read_after_the_tags(message: str, expected: tuple[object, ...]) -> None:
    c = parse(message, NOW).changes
    assert (c.title, c.priority, c.add_tags) == expected
