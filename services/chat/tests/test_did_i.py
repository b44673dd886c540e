"""'Did I already call mom?' is answered from the tasks: a completed 'Call mom' is 'Yes, you
completed it on <day>', an open one 'Not yet: ... still open, due <when>', and with no such
task the assistant says it finds none. Nothing is changed."""

import pytest
from chat_service.domain.parse import parse
from chat_service.domain.reply import HELP
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat


def state(fake: FakeTasks) -> list[tuple[str, bool]]:
    return [(t["title"], t["completed"]) for t in fake.tasks.values()]


async def test_a_completed_task_is_yes_with_its_day(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call mom", completed=True, completed_at="2026-11-23T10:00:00.000000Z")
    chat = Chat(fake)
    assert await chat.say("did i already call mom?") == "Yes, you completed 'Call mom' on Mon, Nov 23."
    assert state(fake) == [("Call mom", True)]


async def test_completed_today_says_today(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call mom", completed=True, completed_at="2026-11-25T10:00:00.000000Z")
    chat = Chat(fake)
    assert await chat.say("Did I call mom") == "Yes, you completed 'Call mom' today."


async def test_an_open_task_is_not_yet_with_its_due_time(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call mom", due_at="2026-11-26T17:00:00Z")
    chat = Chat(fake)
    assert await chat.say("did i already call mom?") == (
        "Not yet: 'Call mom' is still open, due tomorrow at 5:00 PM."
    )
    assert state(fake) == [("Call mom", False)]


async def test_an_open_task_with_no_date(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call mom")
    chat = Chat(fake)
    assert await chat.say("did we call mom yet?") == "Not yet: 'Call mom' is still open, with no due date."


async def test_no_such_task_says_so(fake: FakeTasks) -> None:
    fake.seed("alice", title="Buy milk")
    chat = Chat(fake)
    assert await chat.say("did i already call mom?") == (
        "I can't find a task about 'call mom' on your list, done or open."
    )
    assert state(fake) == [("Buy milk", False)]


async def test_a_repeating_task_tells_the_last_done_and_the_next(fake: FakeTasks) -> None:
    done = "2026-11-18T10:00:00.000000Z"
    fake.seed("alice", title="Call mom", rrule="FREQ=WEEKLY", completed=True, completed_at=done)
    fake.seed("alice", title="Call mom", rrule="FREQ=WEEKLY", due_at="2026-11-25T18:00:00Z")
    chat = Chat(fake)
    assert await chat.say("did i already call mom?") == (
        "Yes, you completed 'Call mom' on Wed, Nov 18. The next one is open, due today at 6:00 PM."
    )


# Guards (pass both ways): about the list, not a task; "did I finish X" still shows the task.
@pytest.mark.parametrize("message", ["did i add milk?", "did i forget anything?"])
def test_a_question_about_the_list_is_no_task_name(message: str) -> None:
    assert parse(message, NOW).intent == "unclear"


async def test_did_i_finish_still_shows_the_task(fake: FakeTasks) -> None:
    fake.seed("alice", title="Write report", completed=True, completed_at="2026-11-24T10:00:00.000000Z")
    chat = Chat(fake)
    assert await chat.say("did i finish the report?") == "'Write report' is done with no due date."


async def test_did_i_add_milk_still_gets_the_help(fake: FakeTasks) -> None:
    fake.seed("alice", title="Milk")
    chat = Chat(fake)
    assert (await chat.say("did i add milk?")).endswith(HELP)
