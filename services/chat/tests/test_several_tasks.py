"""One request naming several tasks ("push team sync and pick up kids to tomorrow"): each
named task is changed, or the reply says which name matched none; a single task whose title
has all the words ("Call mom and dad") is still one task."""

import pytest
from chat_service.domain.matching import names_whole, split_refs
from tests.conftest import FakeTasks
from tests.test_undo import Chat, titles


@pytest.mark.parametrize(
    ("ref", "parts"),
    [
        ("team sync and pick up kids", ["team sync", "pick up kids"]),
        ("the gst return, team sync and the laundry task", ["gst return", "team sync", "laundry"]),
        ("milk & eggs", ["milk", "eggs"]),
        ("call mom", []),
        ("rent, milk, eggs, bread and stamps", []),
    ],
)
def test_a_reference_to_several_tasks_is_split_into_their_names(ref: str, parts: list[str]) -> None:
    assert split_refs(ref) == parts


def test_a_title_with_all_the_words_names_the_whole_reference() -> None:
    assert names_whole("mom and dad", [{"title": "Call mom and dad"}])
    assert not names_whole("team sync and pick up kids", [{"title": "Pick up kids"}, {"title": "Team sync"}])


async def test_moving_two_tasks_moves_both(fake: FakeTasks) -> None:
    fake.seed("alice", title="Team sync", due_at="2026-11-25T15:00:00Z", tags=["Work"])
    fake.seed("alice", title="Pick up kids", due_at="2026-11-25T16:00:00Z")
    chat = Chat(fake)
    assert await chat.say("ok then push team sync and pick up kids to tomorrow") == (
        "Moved 'Team sync' to tomorrow at 3:00 PM. Moved 'Pick up kids' to tomorrow at 4:00 PM."
    )
    assert sorted(t["due_at"] for t in fake.tasks.values()) == [
        "2026-11-26T15:00:00Z",
        "2026-11-26T16:00:00Z",
    ]
    assert await chat.say("undo") == (
        "Changed 'Team sync' back: due today at 3:00 PM. Changed 'Pick up kids' back: due today at 4:00 PM."
    )


async def test_a_title_with_and_in_it_is_still_one_task(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call mom and dad")
    fake.seed("alice", title="Call mom")
    chat = Chat(fake)
    assert await chat.say("mark call mom and dad as done") == "Marked 'Call mom and dad' as done. Nice work!"
    assert titles(fake) == ["Call mom", "Call mom and dad (done)"]


async def test_a_name_that_matches_nothing_is_said(fake: FakeTasks) -> None:
    fake.seed("alice", title="Buy milk")
    fake.seed("alice", title="Walk the dog")
    chat = Chat(fake)
    assert await chat.say("delete milk and caviar") == (
        "Deleted 'Buy milk'. I couldn't find a task matching 'caviar'."
    )
    assert titles(fake) == ["Walk the dog"]


async def test_an_ambiguous_name_is_asked_about_before_anything_changes(fake: FakeTasks) -> None:
    for title in ("Call the bank", "Call the school", "Do the laundry"):
        fake.seed("alice", title=title)
    chat = Chat(fake)
    assert (await chat.say("complete the laundry and the call task")).endswith("Which one do you mean?")
    assert titles(fake) == ["Call the bank", "Call the school", "Do the laundry"]
    assert await chat.say("the bank one") == (
        "Marked 'Do the laundry' as done. Nice work! Marked 'Call the bank' as done. Nice work!"
    )
    assert titles(fake) == ["Call the bank (done)", "Call the school", "Do the laundry (done)"]
