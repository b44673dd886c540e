""" "move my 8pm tasks to 9pm" answered "I couldn't find a task matching '8pm'". Now the open
tasks due at that time of day are moved to the new time on their own day: today's if there are
any, else those of the next day that has some (the reply says which day); "undo" puts them back
as for other group moves. "move my 8pm to 9pm" and "move the 8 pm ones to 9" too."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.talk import FRIDAY, Talk, local


def due_times(fake: FakeTasks) -> dict[str, str | None]:
    return {t["title"]: local(t["due_at"]) for t in fake.tasks.values()}


@pytest.mark.parametrize(
    "message", ["move my 8pm tasks to 9pm", "move my 8pm to 9pm", "move the 8 pm ones to 9"]
)
async def test_todays_tasks_at_that_time_move_to_the_new_time_and_undo_puts_them_back(
    message: str, fake: FakeTasks
) -> None:
    # Friday 27 Nov 2026, 15:00 in Berlin; 19:00 UTC is 20:00 there.
    fake.seed("alice", title="Call mom", due_at="2026-11-27T19:00:00Z")
    fake.seed("alice", title="Yoga", due_at="2026-11-27T19:00:00Z")
    fake.seed("alice", title="Dinner", due_at="2026-11-27T18:00:00Z")  # 7 PM: stays
    fake.seed("alice", title="Next week", due_at="2026-12-04T19:00:00Z")  # another day: stays
    talk = Talk(fake)
    assert await talk.say(message) == (
        "Moved 2 tasks due at 20:00 today to 21:00: 'Call mom' and 'Yoga'. Say \"undo\" to put them back."
    )
    assert due_times(fake) == {
        "Call mom": "Fri 27 Nov 21:00",
        "Yoga": "Fri 27 Nov 21:00",
        "Dinner": "Fri 27 Nov 19:00",
        "Next week": "Fri 04 Dec 20:00",
    }
    await talk.say("undo")
    assert due_times(fake)["Call mom"] == due_times(fake)["Yoga"] == "Fri 27 Nov 20:00"


async def test_none_today_moves_those_of_the_next_day_with_some_and_says_which(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call mom", due_at="2026-11-29T19:00:00Z")  # Sunday 8 PM
    fake.seed("alice", title="Yoga", due_at="2026-11-30T19:00:00Z")  # Monday 8 PM: stays
    reply = await Talk(fake).say("move my 8pm tasks to 9pm")
    assert reply == "Moved 'Call mom' to Sunday at 21:00. You had none at 20:00 today."
    assert due_times(fake) == {"Call mom": "Sun 29 Nov 21:00", "Yoga": "Mon 30 Nov 20:00"}


async def test_none_at_that_time_moves_nothing(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call mom", due_at="2026-11-27T18:00:00Z")
    reply = await Talk(fake).say("move my 8pm tasks to 9pm")
    assert reply == "You have no open tasks due at 20:00 from today on, so I didn't move anything."
    assert due_times(fake) == {"Call mom": "Fri 27 Nov 19:00"}


@pytest.mark.parametrize(
    ("message", "ref"),
    [
        # Guards (pass before too): a task named, a day, a bare number are read as before.
        ("move my dentist appointment to 9pm", "dentist appointment"),
        ("move the 8pm meeting to 9pm", "8pm meeting"),
    ],
)
def test_a_task_named_is_still_one_task(message: str, ref: str) -> None:
    request = parse(message, FRIDAY)
    assert (request.intent, request.ref) == ("update", ref)
