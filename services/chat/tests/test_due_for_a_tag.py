"""A list question for a tag. User test: "what's due this week for cs101?", "anything due
tomorrow for work?" listed every task due then, the tag left out. Now the word after "for" /
"in" filters the list when it is one of the user's tags (one list_tasks of a task with that
tag, any status, says so), named in the user's spelling; a word no tag of theirs is stays
out, as before ("what's due for the party")."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.talk import FRIDAY, Talk

# Friday 27 Nov 2026, 15:00 in Berlin.
SEEDS = [
    ("Problem set 4", "2026-11-30T09:00:00Z", ["cs101"]),
    ("Read chapter 7", "2026-12-01T09:00:00Z", ["cs101"]),
    ("Final project", "2026-12-20T09:00:00Z", ["cs101"]),
    ("Team sync", "2026-11-28T09:00:00Z", ["Work"]),
    ("Quarterly report", "2026-11-30T10:00:00Z", ["Work"]),
    ("Buy party supplies", "2026-11-28T10:00:00Z", []),
    ("Call mom", "2026-11-29T17:00:00Z", []),
]


def seed(fake: FakeTasks) -> None:
    for title, due, tags in SEEDS:
        fake.seed("alice", title=title, due_at=due, tags=tags)


def listed(answer: str) -> list[str]:
    return [line[2:].split(" (")[0] for line in answer.splitlines() if line.startswith("- ")]


@pytest.mark.parametrize(
    "message",
    [
        "what's due this week for cs101?",
        "what's due this week in #cs101",
        "what's due this week for CS101?",
        "what's due in cs101 this week?",
        "what's due this week for my cs101 class?",
    ],
)
async def test_due_this_week_for_a_tag_lists_that_tags_tasks(fake: FakeTasks, message: str) -> None:
    seed(fake)
    answer = await Talk(fake).say(message)
    assert answer.startswith("You have 2 tasks due this week tagged cs101, soonest due first:")
    assert len(listed(answer)) == 2
    assert "Problem set 4" in answer and "Read chapter 7" in answer
    assert "Team sync" not in answer and "Final project" not in answer


async def test_anything_due_tomorrow_for_work(fake: FakeTasks) -> None:
    seed(fake)
    answer = await Talk(fake).say("anything due tomorrow for work?")
    assert answer.startswith("You have 1 open task due tomorrow tagged Work:")
    assert "Team sync" in answer and "Buy party supplies" not in answer


async def test_a_tag_with_nothing_due_then_says_so(fake: FakeTasks) -> None:
    seed(fake)
    answer = await Talk(fake).say("anything due tomorrow for cs101?")
    assert answer == "You have no open tasks due tomorrow tagged cs101."


async def test_a_word_that_is_no_tag_of_the_users_is_left_out_as_before(fake: FakeTasks) -> None:
    seed(fake)
    talk = Talk(fake)
    answer = await talk.say("what's due this week for the party?")
    assert answer == await Talk(fake).say("what's due this week?")
    assert "tagged" not in answer.splitlines()[0] and len(listed(answer)) == 6


async def test_the_list_shown_is_the_one_picked_from(fake: FakeTasks) -> None:
    seed(fake)
    talk = Talk(fake)
    await talk.say("what's due this week for cs101?")
    assert await talk.say("mark the second one as done") == "Marked 'Read chapter 7' as done. Nice work!"


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("what's due this week for cs101?", "cs101"),
        ("anything due tomorrow for work?", "work"),
        ("what's due for the party", "party"),
        ("show my tasks for work", "work"),
        # Guards: days and times, and the list itself, are no tag.
        ("what do I have for friday", None),
        ("what's due in december", None),
        ("what's on my list for today", None),
        ("what's due for this week", None),
        ("what's due in the next 3 days", None),
        ("what's due this week in #cs101", None),  # a tag said as one: a filter already
    ],
)
def test_the_word_that_may_be_a_tag(message: str, said: str | None) -> None:
    request = parse(message, FRIDAY)
    assert request.intent == "list" and request.filters.tag_said == said
