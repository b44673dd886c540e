""" "Tag the essay econ": the tag econ on the task "essay" names (before: a new task 'Econ'
tagged essay), as "tag essay with econ" and "tag the essay as econ" already did: several
matches are asked about, none is said, and a tag the user already has keeps their spelling
(the existing tag lookup). "Add tag econ to essay" reads as before."""

import pytest
from tests.conftest import FakeTasks
from tests.talk import Talk


async def test_the_last_word_is_the_tag_of_the_task_the_others_name(fake: FakeTasks) -> None:
    fake.seed("alice", title="Econ essay", tags=["School"])
    fake.seed("alice", title="Old notes", tags=["ECON"], completed=True)
    reply = await Talk(fake).say("tag the essay econ")
    assert reply == "Tagged 'Econ essay' as ECON."
    assert sorted((t["title"], tuple(t["tags"])) for t in fake.tasks.values()) == [
        ("Econ essay", ("School", "ECON")),
        ("Old notes", ("ECON",)),
    ]


async def test_several_matches_are_asked_about_and_none_is_said(fake: FakeTasks) -> None:
    fake.seed("alice", title="Econ essay")
    fake.seed("alice", title="History essay")
    reply = await Talk(fake).say("tag the essay econ")
    assert (
        reply == "I found 2 tasks matching 'essay': 'Econ essay' and 'History essay'. Which one do you mean?"
    )
    assert len(fake.tasks) == 2
    fake.tasks.clear()
    reply = await Talk(fake).say("tag the essay econ")
    assert reply == "I couldn't find a task matching 'essay'. Could you check the name?"
    assert fake.tasks == {}


@pytest.mark.parametrize(
    "message",
    ["tag essay with econ", "tag the essay as econ", "add tag econ to essay", "add the econ tag to essay"],
)
async def test_the_phrases_that_worked_still_do(fake: FakeTasks, message: str) -> None:
    # Guard (passes before too).
    fake.seed("alice", title="Econ essay")
    assert await Talk(fake).say(message) == "Tagged 'Econ essay' as econ."
