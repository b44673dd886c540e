""" "Cross milk off my list" (found by helper-103 in session 21) was a new task 'Cross milk off
my list'. Crossing, ticking or checking X off a list is marking X done, as "cross off milk" and
"cross milk off" already were; the task stays (a completed task, with undo), nothing is added."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat, titles


@pytest.mark.parametrize(
    ("message", "ref"),
    [
        ("cross milk off my list", "milk"),
        ("tick the eggs off my shopping list", "eggs"),
        ("check bread off the grocery list", "bread"),
        ("Cross the dentist off my to do list", "dentist"),
    ],
)
def test_crossing_x_off_a_list_completes_x(message: str, ref: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref) == ("complete", ref)


async def test_cross_milk_off_my_list_marks_milk_done(fake: FakeTasks) -> None:
    fake.seed("alice", title="Milk")
    fake.seed("alice", title="Call mom")
    answer = await Chat(fake).say("cross milk off my list")
    assert "Milk" in answer
    assert titles(fake) == ["Call mom", "Milk (done)"]


@pytest.mark.parametrize("message", ["cross milk off my calendar", "take milk off my list"])
def test_other_words_are_not_read_as_done(message: str) -> None:
    # Guards: not a list ("my calendar"), and taking X off a list deletes it (_read_delete).
    assert parse(message, NOW).intent != "complete"
