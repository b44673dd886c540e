"""Correcting the half of the day of a time just read. User test (Friday 27 Nov 2026, Berlin):
"monday I drive the kids to school at 7:45" is 19:45 by the documented rule (a bare 1-7 on
another day is pm; kept, and the reply says PM), but "it's 7:45 in the morning not evening"
then added a task 'It's not evening' and left the wrong one. Now that, "I meant am", "in the
morning, not evening", "that should be morning", "it's 7:45 in the morning" move the same
task to 07:45 on its day; "make it 7:45 am", "sorry, I meant 4pm" as before (guards)."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.talk import FRIDAY, Talk, local

SAID = "monday I drive the kids to school at 7:45"


async def school(fake: FakeTasks) -> Talk:
    talk = Talk(fake)
    assert await talk.say(SAID) == "Added 'Drive the kids to school' for Monday at 19:45."
    return talk


def dues(fake: FakeTasks) -> list[tuple[str, str | None]]:
    return [(t["title"], local(t["due_at"])) for t in fake.tasks.values()]


@pytest.mark.parametrize(
    "message",
    [
        "it's 7:45 in the morning not evening",
        "I meant am",
        "in the morning, not evening",
        "that should be morning",
        "it's 7:45 in the morning",
        "no, it's am not pm",
        "make it 7:45 am",  # guard
        "sorry, I meant 7:45 am",  # guard
    ],
)
async def test_a_correction_to_the_morning_moves_the_same_task(fake: FakeTasks, message: str) -> None:
    talk = await school(fake)
    assert await talk.say(message) == "Moved 'Drive the kids to school' to Monday at 07:45."
    assert dues(fake) == [("Drive the kids to school", "Mon 30 Nov 07:45")]


async def test_a_correction_to_the_evening_moves_a_morning_task(fake: FakeTasks) -> None:
    talk = Talk(fake)
    assert await talk.say("add call grandma on sunday at 8") == "Added 'Call grandma' for Sunday at 08:00."
    assert await talk.say("I meant in the evening") == "Moved 'Call grandma' to Sunday at 20:00."
    assert dues(fake) == [("Call grandma", "Sun 29 Nov 20:00")]


@pytest.mark.parametrize(
    ("message", "intent"), [("morning", "add"), ("good morning", "greet"), ("evening walk tomorrow", "add")]
)
def test_a_part_of_the_day_alone_is_no_correction(message: str, intent: str) -> None:
    assert parse(message, FRIDAY).intent == intent


def test_a_time_correction_keeps_its_reading() -> None:
    request = parse("sorry, I meant 4pm", FRIDAY)  # guard: the corrections' own path
    assert request.changes.due is not None and request.changes.due.at.hour == 16
