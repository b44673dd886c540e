"""The one who does it is no word of the title. User test (Fri 27 Nov 2026, Berlin): "monday I
drive the kids to school at 7:45" added 'I drive the kids to school'; "I'll call mom tomorrow"
'I'll call mom'. Now a leading "I", "I'll", "I will", "we" (after the day is taken) leaves the
title, as "I need to", "I have to", "I must", "I should", "I've got to", "we need to", "we have
to" already did. Guards: an "I" in the middle ("ask if I can leave early"), "I am ...", "I think
...", those leads as before."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.talk import FRIDAY, Talk, local


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("monday I drive the kids to school at 7:45", "Drive the kids to school"),
        ("I'll call mom tomorrow", "Call mom"),
        ("tomorrow I will pay rent", "Pay rent"),
        ("friday we water the plants", "Water the plants"),
        ("add I drive the kids to school", "Drive the kids to school"),
    ],
)
def test_the_subject_leaves_the_title(message: str, title: str) -> None:
    request = parse(message, FRIDAY)
    assert (request.intent, request.changes.title) == ("add", title)


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("add ask if I can leave early", "Ask if I can leave early"),
        ("I am meeting john at 5", "I am meeting john"),
        ("I think I should call mom", "I think I should call mom"),
        ("I need to call mom", "Call mom"),
        ("I have to email the landlord", "Email the landlord"),
        ("I must call the bank", "Call the bank"),
        ("I should stretch", "Stretch"),
        ("I've got to fix the bike", "Fix the bike"),
        ("we need to buy milk", "Buy milk"),
        ("friday we have to clean the garage", "Clean the garage"),
    ],
)
def test_read_as_before(message: str, title: str) -> None:
    request = parse(message, FRIDAY)
    assert (request.intent, request.changes.title) == ("add", title)


async def test_the_task_added(fake: FakeTasks) -> None:
    said = await Talk(fake).say("monday I drive the kids to school at 7:45")
    assert said.startswith("Added 'Drive the kids to school' for Monday at "), said
    [added] = fake.tasks.values()
    assert local(added["due_at"]) == "Mon 30 Nov 19:45"
