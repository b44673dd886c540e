"""A thing said to be on a day. User test (Fri 27 Nov 2026, Berlin): "bin day is friday" added
'Bin day is'. Now "<thing> is <day or date>" reads as "<thing> is due <day>" does: a new task
'Bin day' due Friday when no open task is bin day, else that task moves ("the party is
tonight", "my birthday is march 3", "the dentist is on monday"). Guards: a thing that says when
itself ("today is friday": the date told back), a pronoun ("it is friday"), a question ("what is
friday") and a repeat ("bin day is every friday": an add) are no day statements; a time alone
("the meeting is at 10") is test_statements_of_days.py's."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.talk import FRIDAY, Talk
from tests.test_undo import titles


@pytest.mark.parametrize(
    ("message", "title", "due"),
    [
        ("bin day is friday", "Bin day", "2026-12-04T08:00:00Z"),
        ("the party is tomorrow", "The party", "2026-11-28T08:00:00Z"),
        ("my birthday is march 3", "My birthday", "2027-03-03T08:00:00Z"),
        ("the dentist is on monday", "The dentist", "2026-11-30T08:00:00Z"),
    ],
)
async def test_a_new_thing_on_a_day(fake: FakeTasks, message: str, title: str, due: str) -> None:
    said = await Talk(fake).say(message)
    assert said.startswith(f"Added '{title}' for "), said
    [added] = fake.tasks.values()
    assert (added["title"], added["due_at"]) == (title, due)


async def test_an_open_task_of_that_name_moves(fake: FakeTasks) -> None:
    fake.seed("alice", title="Bin day", due_at="2026-11-30T08:00:00Z")
    said = await Talk(fake).say("bin day is friday")
    assert said.startswith("Moved 'Bin day' to "), said
    assert titles(fake) == ["Bin day"]
    [moved] = fake.tasks.values()
    assert moved["due_at"] == "2026-12-04T08:00:00Z"


# Not read as a day statement: no task is looked for or moved.
@pytest.mark.parametrize(
    "message",
    ["today is friday", "it is friday", "what is friday", "bin day is every friday"],
)
def test_other_statements_are_not_day_statements(message: str) -> None:
    assert parse(message, FRIDAY).intent != "update"
