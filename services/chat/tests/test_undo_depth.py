""" "Undo" said again walks back through the conversation's earlier changes. User test (Friday
27 Nov 2026, Berlin): after a move of several tasks and one more change, "undo" undid the last
change and a second "undo" said "I've already undone my last change". Now the conversation
keeps up to UNDO_DEPTH changes (last_change with "earlier", newest first): each "undo" reverts
the one before the one it last reverted, and says "Undid the change before that: ...", while
that turn is still in the history the model sees; then "nothing more to undo". A change made
after an undo is undone first, and what was undone is not redone."""

from datetime import UTC, datetime, timedelta

from chat_service.domain.conversation import UNDO_DEPTH, Action, Conversation, last_change_after
from chat_service.domain.planner import ALREADY_UNDONE
from tests.conftest import FakeTasks
from tests.talk import FRIDAY, Talk, local_dues
from tests.test_push_never_earlier import ACME, seed


def titles(fake: FakeTasks) -> list[str]:
    return sorted(t["title"] + (" (done)" if t["completed"] else "") for t in fake.tasks.values())


async def test_the_reported_second_undo_puts_the_moved_tasks_back(fake: FakeTasks) -> None:
    seed(fake)
    before = local_dues(fake)
    talk = Talk(fake)
    assert (await talk.say("postpone all Acme tasks to monday")).startswith("Moved 4 tasks tagged Acme")
    assert await talk.say("mark Other as done") == "Marked 'Other' as done. Nice work!"
    assert await talk.say("undo") == "Reopened 'Other'."
    assert await talk.say("undo") == (
        "Undid the change before that: Put 4 tasks back as they were: "
        "'Acme: report', 'Acme: brief', 'Acme: invoice' and 'Acme: review'."
    )
    assert local_dues(fake) == before and titles(fake) == sorted([*ACME, "Other"])
    assert await talk.say("undo") == ALREADY_UNDONE


async def test_each_undo_reverts_one_change_newest_first(fake: FakeTasks) -> None:
    talk = Talk(fake)
    await talk.say("add buy milk")
    await talk.say("add call mom tomorrow")
    await talk.say("mark buy milk as done")
    assert await talk.say("undo") == "Reopened 'Buy milk'."
    assert titles(fake) == ["Buy milk", "Call mom"]
    assert (
        await talk.say("undo") == "Undid the change before that: Removed 'Call mom', which I had just added."
    )
    assert (
        await talk.say("undo") == "Undid the change before that: Removed 'Buy milk', which I had just added."
    )
    assert titles(fake) == []
    assert await talk.say("undo") == ALREADY_UNDONE


async def test_a_change_after_an_undo_is_undone_first_and_the_undone_one_is_not_redone(
    fake: FakeTasks,
) -> None:
    talk = Talk(fake)
    await talk.say("add buy milk")
    await talk.say("add buy bread")
    assert await talk.say("undo") == "Removed 'Buy bread', which I had just added."
    await talk.say("add buy eggs")
    assert await talk.say("undo") == "Removed 'Buy eggs', which I had just added."
    assert (
        await talk.say("undo") == "Undid the change before that: Removed 'Buy milk', which I had just added."
    )
    assert titles(fake) == []


def test_the_conversation_keeps_at_most_undo_depth_changes() -> None:
    change = None
    for n in range(UNDO_DEPTH + 5):
        added = Action("add_task", {}, True, {"ok": True, "task": {"id": f"t{n}", "title": f"Task {n}"}})
        change = last_change_after([added], change, at=FRIDAY + timedelta(minutes=n), undoing=False)
    assert change is not None
    kept = [change, *change["earlier"]]
    assert len(kept) == UNDO_DEPTH == 10
    assert [c["changes"][0]["task_id"] for c in kept] == [f"t{n}" for n in range(14, 4, -1)]


def test_an_earlier_change_out_of_the_history_the_model_sees_is_not_undone() -> None:
    conversation = Conversation.start("c", FRIDAY)
    conversation.last_change = {
        "at": "2026-11-27T14:40:00.000Z",
        "undone": True,
        "changes": [],
        "earlier": [{"at": "2026-11-27T14:00:00.000Z", "changes": [{"kind": "added", "task_id": "x"}]}],
    }
    for minute in range(10, 21):  # 22 messages, 14:10 to 14:20 UTC: the window starts at 14:11
        at = datetime(2026, 11, 27, 14, minute, tzinfo=UTC)
        conversation.add("user", "hi", at)
        conversation.add("assistant", "Hello!", at)
    now = datetime(2026, 11, 27, 14, 45, tzinfo=UTC)
    assert conversation.change_to_undo(now) == {
        "at": "2026-11-27T14:40:00.000Z",
        "undone": True,
        "changes": [],
    }


# -- guards: one undo, and a stored conversation of before -----------------------------------
async def test_one_change_is_undone_once(fake: FakeTasks) -> None:
    talk = Talk(fake)
    await talk.say("add buy milk")
    assert await talk.say("undo") == "Removed 'Buy milk', which I had just added."
    assert await talk.say("undo") == ALREADY_UNDONE
    assert titles(fake) == []


def test_a_last_change_stored_without_earlier_ones_is_undone_as_before() -> None:
    stored = {"at": "2026-11-27T14:00:00.000Z", "changes": [{"kind": "added", "task_id": "x"}]}
    conversation = Conversation.start("c", FRIDAY)
    conversation.add("user", "add x", FRIDAY)
    conversation.last_change = stored
    assert conversation.change_to_undo(FRIDAY) == stored


async def test_after_an_undo_i_meant_the_other_one_does_not_redo_an_earlier_change(fake: FakeTasks) -> None:
    # Guard: passes with or without the "again" mark too (the last exchange was the undo).
    fake.seed("alice", title="Call mom")
    fake.seed("alice", title="Call mom back")
    talk = Talk(fake)
    assert await talk.say("mark call mom back as done") == "Marked 'Call mom back' as done. Nice work!"
    await talk.say("add buy milk")
    assert await talk.say("undo") == "Removed 'Buy milk', which I had just added."
    answer = await talk.say("no, I meant the other one")
    assert answer.startswith("Which task did you mean?")
    assert titles(fake) == ["Call mom", "Call mom back (done)"]
