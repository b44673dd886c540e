"""The rest of a list. User test: "show me the rest", "show more", "the rest?", "and the
others?" after a list that ended "...and 5 more" were not understood ('Rest' looked up as a
task, 'The rest' added). Now they show the next tasks of that same listing (its list_tasks
arguments, kept with the list in the conversation, with `skip` = how many were shown), with
"...and N more" again while more are left; with no list before, the reply says there is
nothing to continue and nothing is added."""

import pytest
from chat_service.domain import reply
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.talk import FRIDAY, Talk


def seed(fake: FakeTasks, count: int, **fields: object) -> None:
    for n in range(1, count + 1):
        fake.seed("alice", title=f"Task {n:02}", **fields)


def listed(answer: str) -> list[str]:
    return [line[2:].split(" (")[0] for line in answer.splitlines() if line.startswith("- ")]


@pytest.mark.parametrize("message", ["show me the rest", "show more", "the rest?", "and the others?"])
async def test_the_rest_of_a_list_that_ended_with_more(fake: FakeTasks, message: str) -> None:
    seed(fake, 20)
    talk = Talk(fake)
    first = await talk.say("what's on my list?")
    assert first.endswith("...and 5 more.") and listed(first) == [f"Task {n:02}" for n in range(1, 16)]
    answer = await talk.say(message)
    assert answer.startswith("Here are the last 5:\n")
    assert listed(answer) == [f"Task {n:02}" for n in range(16, 21)]
    assert len(fake.tasks) == 20  # nothing added


async def test_a_long_list_goes_on_page_by_page(fake: FakeTasks) -> None:
    seed(fake, 40)
    talk = Talk(fake)
    assert (await talk.say("what's on my list?")).endswith("...and 25 more.")
    second = await talk.say("show more")
    assert second.startswith("Here are the next 15:\n") and second.endswith("...and 10 more.")
    assert listed(second) == [f"Task {n:02}" for n in range(16, 31)]
    third = await talk.say("show me the rest")
    assert listed(third) == [f"Task {n:02}" for n in range(31, 41)]
    assert third.startswith("Here are the last 10:\n") and "more" not in third
    assert await talk.say("show more") == reply.NO_MORE_LISTED


async def test_the_rest_keeps_the_filter_and_order(fake: FakeTasks) -> None:
    seed(fake, 18, tags=["Work"])
    fake.seed("alice", title="Call mom")
    fake.seed("alice", title="Buy milk")
    talk = Talk(fake)
    first = await talk.say("show my work tasks sorted by title")
    assert first.endswith("...and 3 more.") and "Call mom" not in first
    answer = await talk.say("and the others?")
    assert listed(answer) == ["Task 16", "Task 17", "Task 18"]
    query = {k: v for k, v in fake.list_calls[-1].items() if k != "limit"}
    assert query == {k: v for k, v in fake.list_calls[-2].items() if k != "limit"}
    assert query["tags"] == "Work" and query["sort"] == "title"


async def test_the_second_one_after_the_rest_is_the_second_of_the_rest(fake: FakeTasks) -> None:
    seed(fake, 20)
    talk = Talk(fake)
    await talk.say("what's on my list?")
    await talk.say("show me the rest")
    assert await talk.say("mark the second one as done") == "Marked 'Task 17' as done. Nice work!"


async def test_no_list_before_is_nothing_to_continue(fake: FakeTasks) -> None:
    seed(fake, 3)
    talk = Talk(fake)
    assert await talk.say("show me the rest") == reply.NOTHING_TO_CONTINUE
    assert await talk.say("the rest?") == reply.NOTHING_TO_CONTINUE
    assert len(fake.tasks) == 3


async def test_a_short_list_has_no_rest(fake: FakeTasks) -> None:
    seed(fake, 3)
    talk = Talk(fake)
    await talk.say("what's on my list?")
    assert await talk.say("show more") == reply.NO_MORE_LISTED


@pytest.mark.parametrize("message", ["mark the rest as done", "move the others to friday", "get some rest"])
def test_other_words_about_the_rest_are_not_a_continuation(message: str) -> None:
    assert not parse(message, FRIDAY).filters.rest
