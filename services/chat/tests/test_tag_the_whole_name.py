""" "Tag the weekly report" with a task 'Weekly report' and no tag said: the words name the
task whole, so the assistant asks which tag ("Which tag should I add to 'Weekly report'?") and
the answer ("work") tags it (before: 'Weekly report' tagged 'report', and "work" added a task
'Work'). When the words name no task whole, the last word is the tag of the task the others
name, as before: "tag the weekly report work" tags 'Weekly report' Work, "tag the essay econ"
tags 'Econ essay' econ (tests/test_tag_the_task_then_the_tag.py)."""

import pytest
from tests.conftest import FakeTasks
from tests.talk import Talk


def tagged(fake: FakeTasks) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((t["title"], tuple(t["tags"])) for t in fake.tasks.values())


async def test_the_tag_is_asked_and_the_answer_tags_the_task(fake: FakeTasks) -> None:
    fake.seed("alice", title="Weekly report")
    fake.seed("alice", title="Call mom")
    talk = Talk(fake)
    assert await talk.say("tag the weekly report") == "Which tag should I add to 'Weekly report'?"
    assert tagged(fake) == [("Call mom", ()), ("Weekly report", ())]
    assert await talk.say("work") == "Tagged 'Weekly report' as Work."
    assert tagged(fake) == [("Call mom", ()), ("Weekly report", ("Work",))]


@pytest.mark.parametrize(
    ("answer", "tags"),
    [("#errands", ("errands",)), ("the home tag", ("home",)), ("work and finance", ("Work", "Finance"))],
)
async def test_an_answer_said_otherwise(fake: FakeTasks, answer: str, tags: tuple[str, ...]) -> None:
    fake.seed("alice", title="Weekly report")
    talk = Talk(fake)
    await talk.say("tag my weekly report")
    await talk.say(answer)
    assert tagged(fake) == [("Weekly report", tags)]


async def test_an_exact_title_is_the_one_meant(fake: FakeTasks) -> None:
    fake.seed("alice", title="Weekly report draft")
    fake.seed("alice", title="Weekly report")
    talk = Talk(fake)
    assert await talk.say("tag the weekly report") == "Which tag should I add to 'Weekly report'?"


async def test_several_with_the_name_are_asked_about_first(fake: FakeTasks) -> None:
    fake.seed("alice", title="Weekly report draft")
    fake.seed("alice", title="Send weekly report")
    talk = Talk(fake)
    assert await talk.say("tag the weekly report") == (
        "I found 2 tasks matching 'weekly report': 'Weekly report draft' and 'Send weekly report'. "
        "Which one do you mean?"
    )
    assert await talk.say("the draft one") == "Which tag should I add to 'Weekly report draft'?"
    assert await talk.say("work") == "Tagged 'Weekly report draft' as Work."
    assert tagged(fake) == [("Send weekly report", ()), ("Weekly report draft", ("Work",))]


async def test_no_answer_is_no_tag(fake: FakeTasks) -> None:
    fake.seed("alice", title="Weekly report")
    talk = Talk(fake)
    await talk.say("tag the weekly report")
    await talk.say("never mind")
    await talk.say("what's on my list?")
    assert tagged(fake) == [("Weekly report", ())]


# Guards (pass before too): a word left over is the tag.
@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("tag the weekly report work", [("Weekly report", ("Work",))]),
        ("tag the weekly report as work", [("Weekly report", ("Work",))]),
        ("tag the report work", [("Weekly report", ("Work",))]),
    ],
)
async def test_a_word_left_over_is_the_tag(
    fake: FakeTasks, message: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    fake.seed("alice", title="Weekly report")
    assert await Talk(fake).say(message) == "Tagged 'Weekly report' as Work."
    assert tagged(fake) == expected
