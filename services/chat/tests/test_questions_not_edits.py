"""Questions are answered, not read as edits. User test (Friday 27 Nov 2026, Berlin): "what is
due on monday?" said "I couldn't find a task matching 'what'" (read as "<task> is due
monday") while "what's on tomorrow?" worked; "did i finish anything today?" looked for a task
'anything today'; "which client has the most open tasks?" listed every open task without
answering. Now: Monday's list; what was completed today (or that nothing was); the open
tasks counted per tag, most first, or, with no tags, that it cannot tell and how to."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.talk import FRIDAY, Talk

COMPLETED_TODAY = "2026-11-27T10:00:00Z"  # 11:00 in Berlin


def seed(fake: FakeTasks) -> None:
    fake.seed("alice", title="Call the bank", due_at="2026-11-30T09:00:00Z", tags=["Acme"])
    fake.seed("alice", title="Acme deck", tags=["Acme"])
    fake.seed("alice", title="Acme call", tags=["Acme", "Calls"])
    fake.seed("alice", title="Kessler brief", tags=["Kessler"])
    fake.seed("alice", title="Kessler call", tags=["Kessler", "Calls"])
    fake.seed("alice", title="Loose end")
    fake.seed("alice", title="Pay rent", completed=True, completed_at=COMPLETED_TODAY)


@pytest.mark.parametrize("message", ["what is due on monday?", "What is due monday", "what's due on monday?"])
async def test_what_is_due_on_a_day_lists_that_day(fake: FakeTasks, message: str) -> None:
    seed(fake)
    assert await Talk(fake).say(message) == (
        "You have 1 open task due on Monday:\n- Call the bank (due on Monday at 10:00, tagged Acme)"
    )


async def test_what_is_due_tomorrow_is_a_question_too(fake: FakeTasks) -> None:
    seed(fake)
    assert await Talk(fake).say("what is due tomorrow?") == "You have no open tasks due tomorrow."


@pytest.mark.parametrize(
    "message",
    ["did i finish anything today?", "did I get anything done today", "have i completed any tasks today?"],
)
async def test_did_i_finish_anything_lists_what_was_completed(fake: FakeTasks, message: str) -> None:
    seed(fake)
    assert await Talk(fake).say(message) == "You completed 1 task today:\n- Pay rent (done today at 11:00)"


async def test_did_i_finish_anything_says_when_nothing_was(fake: FakeTasks) -> None:
    fake.seed("alice", title="Pay rent")
    assert await Talk(fake).say("did i finish anything today?") == "You haven't completed any tasks today."


async def test_which_client_has_the_most_open_tasks_counts_per_tag(fake: FakeTasks) -> None:
    seed(fake)
    assert await Talk(fake).say("which client has the most open tasks?") == (
        "Acme has the most open tasks: 3. Then Calls 2 and Kessler 2. 1 has no tag. "
        "(I count your tags as the clients.)"
    )


async def test_which_client_without_tags_says_it_cannot_tell(fake: FakeTasks) -> None:
    fake.seed("alice", title="Acme deck")
    fake.seed("alice", title="Kessler brief")
    assert await Talk(fake).say("which client has the most open tasks?") == (
        "None of your 2 open tasks has a tag, so I can't tell which client has the most. "
        'Tag each with its client ("tag the brief Acme") and ask me again.'
    )


# -- guards -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("message", "intent", "ref"),
    [
        ("the report is due monday", "update", "report"),
        ("did i finish the report?", "show", "report"),
        ("what's on tomorrow?", "list", None),
    ],
)
def test_statements_and_questions_about_a_task_read_as_before(
    message: str, intent: str, ref: str | None
) -> None:
    request = parse(message, FRIDAY)
    assert (request.intent, request.ref) == (intent, ref)
