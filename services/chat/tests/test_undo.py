""" "Undo": what a turn changed (pure), the plan that reverts it step by step (pure), and
whole conversations through the real Agent, Runner and MCP server against the fake task API."""

from datetime import timedelta
from typing import Any

import pytest
from chat_service.app import Assistant, _save
from chat_service.domain.conversation import (
    Action,
    Conversation,
    last_change_after,
    turn_changes,
)
from chat_service.domain.parse import parse
from chat_service.domain.planner import ALREADY_UNDONE, NOTHING_TO_UNDO, Call, Calls, Context, Say
from chat_service.offline_model import OfflineModel
from chat_service.settings import ChatSettings
from tests.conftest import NOW, FakeTasks
from tests.talk import Talk
from tests.test_offline_model import play
from todo_common.dapr import StateConflict

DENTIST = {
    "id": "d",
    "title": "Book dentist appointment",
    "description": "Dr. Lee, ask about the crown",
    "completed": False,
    "priority": "HIGH",
    "tags": ["Health"],
    "due_at": "2026-11-27T15:00:00Z",
    "remind_at": "2026-11-27T14:30:00Z",
    "rrule": None,
    "repeat_from": "due",
    "version": 3,
}


def ok(**result: Any) -> dict[str, Any]:
    return {"ok": True, **result}


def undo_ctx(*changes: dict[str, Any]) -> Context:
    return Context(
        now=NOW, timezone="UTC", last_change={"at": "2026-11-25T14:29:00.000Z", "changes": list(changes)}
    )


# -- the conversation remembers the last change ----------------------------------------------------
def test_a_conversation_stored_before_undo_existed_loads_with_no_last_change() -> None:
    stored = {
        "id": "c",
        "created_at": "2026-11-25T14:00:00.000Z",
        "updated_at": "2026-11-25T14:01:00.000Z",
        "title": "Add milk",
        "messages": [{"role": "user", "content": "Add milk", "created_at": "2026-11-25T14:00:00.000Z"}],
        "last_task": {"id": "m", "title": "Milk"},
    }
    conversation = Conversation.from_json(stored)
    assert conversation.last_change is None and conversation.change_to_undo(NOW) is None
    conversation.last_change = {"at": "2026-11-25T14:00:00.000Z", "changes": []}
    assert Conversation.from_json(conversation.to_json()).last_change == conversation.last_change


def test_a_delete_remembers_the_task_as_the_search_found_it() -> None:
    [change] = turn_changes(
        [
            Action("search_tasks", {"query": "dentist"}, True, ok(tasks=[DENTIST])),
            Action("delete_task", {"task_id": "d"}, True, ok(deleted="d")),
        ]
    )
    assert change["kind"] == "deleted" and change["title"] == "Book dentist appointment"
    assert change["before"] == {k: DENTIST[k] for k in change["before"]} and change["after"] is None
    assert set(change["before"]) >= {
        "title",
        "description",
        "priority",
        "tags",
        "due_at",
        "remind_at",
        "rrule",
    }


def test_an_update_remembers_the_task_before_the_turn_and_after_its_last_step() -> None:
    urgent = {**DENTIST, "priority": "VERY_IMPORTANT", "version": 4}
    tagged = {**urgent, "tags": ["Health", "Urgent"], "version": 5}
    [change] = turn_changes(
        [
            Action("get_task", {"task_id": "d"}, True, ok(task=DENTIST)),
            Action("set_priority", {"task_id": "d"}, True, ok(task=urgent)),
            Action("add_tag", {"task_id": "d"}, True, ok(task=tagged)),
        ]
    )
    assert change["kind"] == "changed"
    assert (change["before"]["priority"], change["before"]["tags"]) == ("HIGH", ["Health"])
    assert (change["after"]["priority"], change["after"]["tags"]) == ("VERY_IMPORTANT", ["Health", "Urgent"])


def test_what_changed_nothing_is_not_a_change() -> None:
    already = Action("add_tag", {"task_id": "d"}, True, ok(task=DENTIST))  # it had the tag
    added = Action("add_task", {}, True, ok(task={"id": "n", "title": "New"}))
    gone = Action("delete_task", {"task_id": "n"}, True, ok(deleted="n"))
    failed = Action("delete_task", {"task_id": "d"}, False, {"ok": False, "error": "unavailable"})
    found = Action("search_tasks", {}, True, ok(tasks=[DENTIST]))
    assert turn_changes([found, already, added, gone, failed]) == []
    before = {"at": "2026-11-25T14:00:00.000Z", "changes": [{"kind": "added", "task_id": "x"}]}
    assert last_change_after([found, already], before, at=NOW, undoing=False) is before


def test_an_undo_spends_the_change_unless_it_changed_nothing() -> None:
    before = {"at": "2026-11-25T14:00:00.000Z", "changes": [{"kind": "added", "task_id": "x"}]}
    removed = Action("delete_task", {"task_id": "x"}, True, ok(deleted="x"))
    spent = last_change_after([removed], before, at=NOW, undoing=True)
    assert spent is not None and spent["undone"] and spent["changes"] == []
    failed = Action("delete_task", {"task_id": "x"}, False, {"ok": False, "error": "unavailable"})
    assert last_change_after([failed], before, at=NOW, undoing=True) is before


def test_a_change_older_than_the_history_the_model_sees_is_not_undone() -> None:
    conversation = Conversation.start("c", NOW - timedelta(hours=1))
    conversation.add("user", "delete the dentist task", NOW - timedelta(hours=1))
    conversation.last_change = {"at": conversation.messages[0].created_at, "changes": [{"kind": "deleted"}]}
    assert conversation.change_to_undo(NOW) == conversation.last_change
    for n in range(20):  # ten more turns push it out of the model's window of 20 messages
        conversation.add("user" if n % 2 == 0 else "assistant", f"list {n}", NOW - timedelta(minutes=30 - n))
    assert conversation.change_to_undo(NOW) is None
    conversation.add("user", "delete the dentist task", NOW - timedelta(hours=1))
    assert conversation.change_to_undo(NOW + timedelta(days=3)) is None  # and expired messages too


# -- the plans --------------------------------------------------------------------------------------
@pytest.mark.parametrize("message", ["undo", "Undo that!", "revert it", "take that back"])
def test_nothing_to_undo_yet_is_said_and_nothing_is_added(message: str) -> None:
    steps = play(message, [], Context(now=NOW, timezone="UTC"))
    assert steps == [Say(NOTHING_TO_UNDO)]


def test_a_second_undo_has_nothing_left() -> None:
    ctx = Context(now=NOW, timezone="UTC", last_change={"at": "x", "undone": True, "changes": []})
    assert play("undo", [], ctx) == [Say(ALREADY_UNDONE)]


def test_undoing_an_add_deletes_that_task() -> None:
    added = {"id": "n", "title": "Buy stamps"}
    steps = play(
        "undo",
        [ok(deleted="n")],
        undo_ctx({"kind": "added", "task_id": "n", "title": "Buy stamps", "after": added}),
    )
    assert steps == [
        # With its series, so a repeating task's next instance is never made.
        Call("delete_task", {"task_id": "n", "series": True}),
        Say("Removed 'Buy stamps', which I had just added."),
    ]


def test_undoing_a_delete_creates_the_task_again_with_its_fields() -> None:
    change = {"kind": "deleted", "task_id": "d", "title": DENTIST["title"], "before": DENTIST, "after": None}
    steps = play("undo that", [ok(task={**DENTIST, "id": "d2"})], undo_ctx(change))
    assert steps[0] == Call(
        "add_task",
        {
            "title": "Book dentist appointment",
            "description": "Dr. Lee, ask about the crown",
            "priority": "HIGH",
            "tags": ["Health"],
            "due_at": "2026-11-27T15:00:00Z",
            "remind_at": "2026-11-27T14:30:00Z",
            "repeat_from": "due",
        },
    )
    assert steps[1] == Say("Brought back 'Book dentist appointment'.")


def test_a_deleted_done_task_comes_back_done() -> None:
    done = {**DENTIST, "completed": True}
    change = {"kind": "deleted", "task_id": "d", "title": DENTIST["title"], "before": done, "after": None}
    steps = play("undo", [ok(task={**DENTIST, "id": "d2"}), ok(task={**done, "id": "d2"})], undo_ctx(change))
    assert steps[1] == Call("complete_task", {"task_id": "d2"})
    assert steps[2] == Say("Brought back 'Book dentist appointment', marked as done.")


def test_undoing_a_completion_reopens_and_undoing_a_reopen_completes_again() -> None:
    done = {**DENTIST, "completed": True}
    completed = {
        "kind": "changed",
        "task_id": "d",
        "title": DENTIST["title"],
        "before": DENTIST,
        "after": done,
    }
    steps = play("undo", [ok(task=done), ok(task=DENTIST)], undo_ctx(completed))
    assert steps == [
        Call("get_task", {"task_id": "d"}),
        Call("reopen_task", {"task_id": "d"}),
        Say("Reopened 'Book dentist appointment'."),
    ]
    reopened = {**completed, "before": done, "after": DENTIST}
    steps = play("undo", [ok(task=DENTIST), ok(task=done)], undo_ctx(reopened))
    assert steps[1:] == [
        Call("complete_task", {"task_id": "d"}),
        Say("Marked 'Book dentist appointment' as done again."),
    ]


def test_undoing_an_update_sets_the_changed_fields_back() -> None:
    after = {
        **DENTIST,
        "title": "Dentist",
        "priority": "LOW",
        "tags": [],
        "due_at": None,
        "remind_at": None,
        "rrule": "FREQ=WEEKLY",
    }
    change = {"kind": "changed", "task_id": "d", "title": "Dentist", "before": DENTIST, "after": after}
    steps = play("revert it", [ok(task=after), ok(task=DENTIST), ok(task=DENTIST)], undo_ctx(change))
    assert [s for s in steps if isinstance(s, Call)] == [
        Call("get_task", {"task_id": "d"}),
        Call("clear_recurring", {"task_id": "d"}),
        Call(
            "update_task",
            {
                "task_id": "d",
                "title": "Book dentist appointment",
                "priority": "HIGH",
                "tags": ["Health"],
                "due_at": "2026-11-27T15:00:00Z",
                "remind_at": "2026-11-27T14:30:00Z",
            },
        ),
    ]
    assert steps[-1] == Say(
        "Changed 'Dentist' back: renamed to 'Book dentist appointment', high priority, tags Health, "
        "due on Friday at 3:00 PM, reminder on Friday at 2:30 PM, doesn't repeat."
    )


def test_an_emptied_field_is_emptied_again_with_the_tool_that_clears_it() -> None:
    after = {**DENTIST, "due_at": "2026-11-28T15:00:00Z", "remind_at": "2026-11-28T14:30:00Z"}
    before = {**DENTIST, "due_at": None, "remind_at": None}
    change = {"kind": "changed", "task_id": "d", "title": DENTIST["title"], "before": before, "after": after}
    steps = play("undo", [ok(task=after), ok(task=before), ok(task=before)], undo_ctx(change))
    assert [s for s in steps if isinstance(s, Call)][1:] == [
        Call("set_reminder", {"task_id": "d", "clear": True}),
        Call("set_due_date", {"task_id": "d"}),
    ]
    assert steps[-1] == Say("Changed 'Book dentist appointment' back: no due date, no reminder.")


def test_a_field_edited_again_since_is_left_and_said() -> None:
    after = {**DENTIST, "priority": "LOW", "due_at": "2026-11-30T15:00:00Z"}
    current = {**after, "due_at": "2026-12-01T10:00:00Z"}  # moved again in the web app
    change = {"kind": "changed", "task_id": "d", "title": DENTIST["title"], "before": DENTIST, "after": after}
    steps = play("undo", [ok(task=current), ok(task=DENTIST)], undo_ctx(change))
    assert steps[1] == Call("update_task", {"task_id": "d", "priority": "HIGH"})
    assert steps[2] == Say(
        "Changed 'Book dentist appointment' back: high priority. The due date of 'Book dentist appointment' "
        "changed again since, so I left it as is."
    )


def test_a_turn_that_changed_two_tasks_is_undone_for_both_or_says_which_it_cannot() -> None:
    bank, school = (
        {**DENTIST, "id": "b", "title": "Call the bank"},
        {**DENTIST, "id": "s", "title": "Call the school"},
    )
    changes = [
        {
            "kind": "changed",
            "task_id": t["id"],
            "title": t["title"],
            "before": t,
            "after": {**t, "completed": True},
        }
        for t in (bank, school)
    ]
    done_bank, done_school = ({**t, "completed": True} for t in (bank, school))
    steps = play(
        "undo", [ok(task=done_bank), ok(task=done_school), ok(task=bank), ok(task=school)], undo_ctx(*changes)
    )
    # Each task's calls wait for its own results only: both looked up in one step, then both reopened.
    assert steps[:2] == [
        Calls((Call("get_task", {"task_id": "b"}), Call("get_task", {"task_id": "s"}))),
        Calls((Call("reopen_task", {"task_id": "b"}), Call("reopen_task", {"task_id": "s"}))),
    ]
    assert steps[-1] == Say("Reopened 'Call the bank'. Reopened 'Call the school'.")
    unseen = {"kind": "deleted", "task_id": "z", "title": "", "before": None, "after": None}
    steps = play("undo", [ok(task=done_bank), ok(task=bank)], undo_ctx(changes[0], unseen))
    assert steps[-1] == Say(
        "Reopened 'Call the bank'. I can't bring back 'that task': I didn't keep its details."
    )


@pytest.mark.parametrize(
    "message",
    [
        "oops, undo please",
        "wait no, undo",
        "Can you undo that?",
        "sorry, undo that",
        "whoops! undo",
        "undo my last change",
        "Undo the last change please",
        "please revert that",
        "undo what you just did",
        "undo the delete",
        "put it back the way it was",
    ],
)
def test_undo_said_with_a_sigh_or_a_please_is_still_undo(message: str) -> None:
    added = {"kind": "added", "task_id": "n", "title": "Buy stamps", "after": {"id": "n"}}
    steps = play(message, [ok(deleted="n")], undo_ctx(added))
    assert steps == [
        # With its series, so a repeating task's next instance is never made.
        Call("delete_task", {"task_id": "n", "series": True}),
        Say("Removed 'Buy stamps', which I had just added."),
    ]


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("Wait for the plumber", "add"),
        ("no", "cancel"),
        ("oops", "unclear"),
        ("undo completing the report", "reopen"),
    ],
)
def test_words_around_undo_do_not_make_other_messages_undo(message: str, intent: str) -> None:
    assert parse(message, NOW).intent == intent


def test_undo_with_words_after_it_is_still_that_request() -> None:
    report = {**DENTIST, "id": "r", "title": "Finish the report", "completed": True}
    added = {"kind": "added", "task_id": "n", "title": "Buy stamps", "after": {"id": "n"}}
    steps = play(
        "undo completing the report",
        [ok(tasks=[report]), ok(task={**report, "completed": False})],
        undo_ctx(added),
    )
    assert steps[:2] == [
        Call("search_tasks", {"query": "report", "status": "completed"}),
        Call("reopen_task", {"task_id": "r"}),
    ]


# -- whole conversations, turn after turn, as app.chat threads them -----------------------------------
class Chat(Talk):
    """One conversation through run_turn, remembering what app.chat remembers: tests.talk.Talk
    at conftest's NOW, in UTC."""

    def __init__(self, fake: FakeTasks) -> None:
        super().__init__(fake, NOW)


def titles(fake: FakeTasks) -> list[str]:
    return sorted(f"{t['title']}{' (done)' if t['completed'] else ''}" for t in fake.tasks.values())


async def test_delete_then_undo_brings_the_task_back_then_nothing_is_left_to_undo(fake: FakeTasks) -> None:
    fake.seed("alice", **{k: v for k, v in DENTIST.items() if k not in ("id", "version")})
    fake.seed("alice", title="Buy stamps")
    chat = Chat(fake)
    assert await chat.say("Delete the dentist task") == "Deleted 'Book dentist appointment'."
    assert titles(fake) == ["Buy stamps"]
    assert await chat.say("undo") == "Brought back 'Book dentist appointment'."
    [back] = [t for t in fake.tasks.values() if t["title"] == DENTIST["title"]]
    assert {k: back[k] for k in DENTIST if k not in ("id", "version")} == {
        k: v for k, v in DENTIST.items() if k not in ("id", "version")
    }
    assert await chat.say("undo") == ALREADY_UNDONE
    assert titles(fake) == ["Book dentist appointment", "Buy stamps"]


async def test_add_complete_and_update_are_each_undone(fake: FakeTasks) -> None:
    chat = Chat(fake)
    assert await chat.say("undo") == NOTHING_TO_UNDO
    await chat.say("Add buy milk tomorrow at 5pm")
    assert await chat.say("What's on my list?")  # a turn that changes nothing keeps the change
    assert await chat.say("undo that") == "Removed 'Buy milk', which I had just added."
    assert titles(fake) == []

    fake.seed("alice", title="Finish the report", priority="HIGH", due_at="2026-11-27T09:00:00Z")
    await chat.say("Mark the report as done")
    assert titles(fake) == ["Finish the report (done)"]
    assert await chat.say("take that back") == "Reopened 'Finish the report'."
    assert titles(fake) == ["Finish the report"]

    assert (
        await chat.say("Move the report to Friday at 4pm")
        == "Moved 'Finish the report' to Friday at 4:00 PM."
    )
    [report] = fake.tasks.values()
    assert report["due_at"] == "2026-11-27T16:00:00Z"
    assert await chat.say("undo") == "Changed 'Finish the report' back: due on Friday at 9:00 AM."
    assert (report["priority"], report["due_at"]) == ("HIGH", "2026-11-27T09:00:00Z")
    assert await chat.say("undo") == ALREADY_UNDONE


async def test_oops_undo_after_a_delete_brings_the_task_back_and_adds_nothing(fake: FakeTasks) -> None:
    fake.seed("alice", **{k: v for k, v in DENTIST.items() if k not in ("id", "version")})
    chat = Chat(fake)
    assert await chat.say("Delete the dentist task") == "Deleted 'Book dentist appointment'."
    assert await chat.say("oops, undo please") == "Brought back 'Book dentist appointment'."
    assert titles(fake) == ["Book dentist appointment"]
    assert await chat.say("wait no, undo") == ALREADY_UNDONE
    assert titles(fake) == ["Book dentist appointment"]


# -- saving: a concurrent turn's change is not lost ----------------------------------------------------
class RacingStore:
    """A state store in which another turn of the conversation saved first, once."""

    def __init__(self, theirs: Conversation) -> None:
        self.theirs, self.saved, self.raced = theirs, None, False

    async def save(self, user_id: str, conversation: Conversation, etag: str | None) -> None:
        if not self.raced:
            self.raced = True
            raise StateConflict()
        self.saved = Conversation.from_json(conversation.to_json())

    async def load(self, user_id: str, conversation_id: str) -> tuple[Conversation, str]:
        return Conversation.from_json(self.theirs.to_json()), "etag-2"

    async def touch_index(self, user_id: str, conversation: Conversation, now: Any) -> None:
        pass


@pytest.mark.parametrize("ours_changed", [False, True])
async def test_a_turn_saved_after_a_concurrent_one_keeps_the_latest_change(ours_changed: bool) -> None:
    older = {"at": "2026-11-25T14:00:00.000Z", "changes": [{"kind": "added", "task_id": "old"}]}
    theirs_change = {"at": "2026-11-25T14:29:00.000Z", "changes": [{"kind": "deleted", "task_id": "t"}]}
    ours_change = {"at": "2026-11-25T14:30:00.000Z", "changes": [{"kind": "added", "task_id": "o"}]}
    mine = Conversation.start("c", NOW)
    mine.last_change = older
    theirs = Conversation.from_json(mine.to_json())
    theirs.add("user", "delete the dentist task", NOW)
    theirs.last_change = theirs_change
    store = RacingStore(theirs)
    assistant = Assistant(settings=ChatSettings(), model=OfflineModel(), store=store, tools=None)  # type: ignore[arg-type]
    last_change = ours_change if ours_changed else mine.last_change
    await _save(assistant, "alice", mine, "etag-1", "what's on my list?", "...", None, last_change, NOW, NOW)
    assert store.saved is not None and len(store.saved.messages) == 3
    assert store.saved.last_change == (ours_change if ours_changed else theirs_change)
