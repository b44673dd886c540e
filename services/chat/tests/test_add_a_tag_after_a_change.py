""" "Add a tag X" after another change tags the same task. User test (Friday 27 Nov 2026,
Berlin): "change Emma's party to 3pm and add a tag family" moved the party, then said "I
couldn't find a task matching 'add a tag family'". Now "add a tag X", "add the tag X", "add the
X tag", "give it the tag X" (after a change, or alone about the task in focus) tag that task;
"tag it X" and "add the tag X to <task>" as before (guards)."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.talk import FRIDAY, Talk, local


def party(fake: FakeTasks) -> tuple[str | None, list[str]]:
    [task] = fake.tasks.values()
    return local(task["due_at"]), task["tags"]


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("change Emma's party to 3pm and add a tag family", "family"),
        ("change Emma's party to 3pm and add the tag kids", "kids"),
        ("change Emma's party to 3pm and add the birthday tag", "birthday"),
        ("change Emma's party to 3pm, and give it the tag family", "family"),
        ("change Emma's party to 3pm and tag it family", "family"),  # guard
    ],
)
async def test_a_tag_added_after_a_change_tags_the_same_task(fake: FakeTasks, message: str, tag: str) -> None:
    fake.seed("alice", title="Emma's party", due_at="2026-11-28T13:00:00Z")
    answer = await Talk(fake).say(message)
    assert (
        f"Tagged 'Emma's party' as {tag}." in answer
        and "Moved 'Emma's party' to tomorrow at 15:00." in answer
    )
    assert party(fake) == ("Sat 28 Nov 15:00", [tag])


async def test_add_a_tag_alone_tags_the_task_in_focus(fake: FakeTasks) -> None:
    fake.seed("alice", title="Emma's party", due_at="2026-11-28T13:00:00Z")
    talk = Talk(fake)
    await talk.say("move Emma's party to 4pm")
    assert await talk.say("add a tag family") == "Tagged 'Emma's party' as family."
    assert party(fake) == ("Sat 28 Nov 16:00", ["family"])


@pytest.mark.parametrize(
    ("message", "intent", "ref", "tags"),
    [
        ("add the tag work to emma's party", "update", "emma's party", ("Work",)),  # guard
        ("add a tag family", "update", None, ("family",)),
        ("add tag family", "update", None, ("family",)),
    ],
)
def test_readings(message: str, intent: str, ref: str | None, tags: tuple[str, ...]) -> None:
    request = parse(message, FRIDAY)
    assert (request.intent, request.ref, request.changes.add_tags) == (intent, ref, tags)


def test_a_new_task_about_tags_is_still_a_task() -> None:
    request = parse("add buy name tags for the party", FRIDAY)  # guard
    assert (request.intent, request.changes.title) == ("add", "Buy name tags for the party")
