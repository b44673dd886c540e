"""A tag given to a task named by its place in the list just shown: "tag the second one
work", "tag #2 as work", "add the tag home to the first one", "label the last one errands";
and "tag it work" right after an add. With no list shown it asks which task."""

import pytest
from tests.conftest import FakeTasks
from tests.test_ordinals import LISTED, seed
from tests.test_undo import Chat, titles


def tags(fake: FakeTasks) -> dict[str, list[str]]:
    return {t["title"]: t["tags"] for t in fake.tasks.values()}


@pytest.mark.parametrize(
    ("message", "reply", "tagged"),
    [
        ("tag the second one work", "Tagged 'Call mom' as Work.", {"Call mom": ["Work"]}),
        ("tag the 3rd one home", "Tagged 'Water plants' as home.", {"Water plants": ["home"]}),
        ("label the last one errands", "Tagged 'Water plants' as errands.", {"Water plants": ["errands"]}),
        ("tag number 1 work", "Tagged 'Pay rent' as Work.", {"Pay rent": ["Work"]}),
        (
            "tag the first one work and home",
            "Tagged 'Pay rent' as Work. Tagged 'Pay rent' as home.",
            {"Pay rent": ["Work", "home"]},
        ),
        # Guards: read so before.
        ("tag #2 as work", "Tagged 'Call mom' as Work.", {"Call mom": ["Work"]}),
        ("add the tag home to the first one", "Tagged 'Pay rent' as home.", {"Pay rent": ["home"]}),
    ],
)
async def test_a_place_in_the_list_gets_the_tag(
    fake: FakeTasks, message: str, reply: str, tagged: dict[str, list[str]]
) -> None:
    seed(fake)
    chat = Chat(fake)
    assert (await chat.say("show my tasks")).startswith(LISTED)
    assert await chat.say(message) == reply
    assert tags(fake) == {"Pay rent": [], "Call mom": [], "Water plants": [], **tagged}


async def test_with_no_list_shown_it_asks_which_task(fake: FakeTasks) -> None:
    seed(fake)
    chat = Chat(fake)
    assert (await chat.say("tag the second one work")).startswith("Which task do you mean?")
    assert tags(fake) == {"Pay rent": [], "Call mom": [], "Water plants": []}


async def test_tag_it_after_an_add_tags_the_task_added(fake: FakeTasks) -> None:
    # Guard.
    chat = Chat(fake)
    assert await chat.say("add fix the garage door") == "Added 'Fix the garage door'."
    assert await chat.say("tag it work") == "Tagged 'Fix the garage door' as Work."
    assert tags(fake) == {"Fix the garage door": ["Work"]}


async def test_a_title_that_is_no_place_is_read_as_before(fake: FakeTasks) -> None:
    # Guard: "tag first aid kit home" names no place; it is read as before this change.
    fake.seed("alice", title="First aid kit")
    chat = Chat(fake)
    await chat.say("show my tasks")
    assert await chat.say("tag first aid kit as home") == "Tagged 'First aid kit' as home."
    assert titles(fake) == ["First aid kit"]
