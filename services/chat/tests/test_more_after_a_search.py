""" "Show more", "more", "next page" after a search continue it as after a list: the next
matches (search_tasks with `skip`), then the last ones, then that there are none left. Before:
a search of more than 15 matches showed 15 and "show more" / "show me the rest" answered
"There's no list to continue". After a list they read as "show me the rest", as before."""

import pytest
from tests.conftest import FakeTasks
from tests.talk import Talk


def seed(fake: FakeTasks, n: int) -> None:
    for i in range(n):
        fake.seed("alice", title=f"Task {i}")


def titles(reply: str) -> list[str]:
    return [line.removeprefix("- ") for line in reply.splitlines() if line.startswith("- ")]


@pytest.mark.parametrize("more", ["show more", "more", "next page", "show me the rest"])
async def test_more_after_a_search_shows_its_next_matches(fake: FakeTasks, more: str) -> None:
    seed(fake, 40)
    talk = Talk(fake)
    first = await talk.say("find task")
    assert first.startswith("I found 20+ tasks about 'task':\n") and first.endswith("\n...and more.")
    assert titles(first) == [f"Task {i}" for i in range(15)]
    second = await talk.say(more)
    assert second.startswith("Here are the next 15:\n") and second.endswith("\n...and more.")
    assert titles(second) == [f"Task {i}" for i in range(15, 30)]
    third = await talk.say(more)
    assert third.startswith("Here are the last 10:\n")
    assert titles(third) == [f"Task {i}" for i in range(30, 40)]
    assert await talk.say(more) == "That was all of them: there are no more on that list."
    # "The second one" is the second of the last page shown.
    assert await talk.say("mark the second one as done") == "Marked 'Task 31' as done. Nice work!"


async def test_a_search_shown_whole_has_no_more(fake: FakeTasks) -> None:
    seed(fake, 18)
    talk = Talk(fake)
    first = await talk.say("find task")
    assert first.startswith("I found 18 tasks about 'task':\n") and first.endswith("\n...and 3 more.")
    assert titles(await talk.say("show more")) == ["Task 15", "Task 16", "Task 17"]
    assert await talk.say("more") == "That was all of them: there are no more on that list."


@pytest.mark.parametrize("more", ["show more", "more", "next page"])
async def test_after_a_list_they_are_show_me_the_rest(fake: FakeTasks, more: str) -> None:
    # Guard (passes before too).
    seed(fake, 20)
    talk = Talk(fake)
    assert (await talk.say("show my tasks")).endswith("\n...and 5 more.")
    assert titles(await talk.say(more)) == [f"Task {i}" for i in range(15, 20)]
