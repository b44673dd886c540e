"""Conversations: expiry of messages, the task a follow-up means."""

from datetime import timedelta

from chat_service.domain.conversation import Action, Conversation, last_task_after, parse_result
from tests.conftest import NOW


def test_messages_expire_two_days_after_creation() -> None:
    conversation = Conversation.start("c", NOW - timedelta(days=3))
    conversation.add("user", "old", NOW - timedelta(days=3))
    conversation.add("user", "recent", NOW - timedelta(days=1))
    assert [m.content for m in conversation.live(NOW)] == ["recent"]
    conversation.add("assistant", "now", NOW)
    assert [m.content for m in conversation.messages] == ["recent", "now"]


def test_title_is_the_first_user_message() -> None:
    conversation = Conversation.start("c", NOW)
    conversation.add("user", "x" * 100, NOW)
    conversation.add("user", "second", NOW)
    assert conversation.title.endswith("...") and len(conversation.title) == 60


def test_round_trip() -> None:
    conversation = Conversation.start("c", NOW)
    conversation.add("user", "hi", NOW)
    conversation.last_task = {"id": "t", "title": "T"}
    assert Conversation.from_json(conversation.to_json()) == conversation


def test_history_is_model_input() -> None:
    conversation = Conversation.start("c", NOW)
    conversation.add("user", "hi", NOW)
    conversation.add("assistant", "hello", NOW)
    assert conversation.history(NOW) == [
        {"role": "user", "content": "hi"},
        {"role": "assistant", "content": "hello"},
    ]


def test_last_task_after_actions() -> None:
    added = Action("add_task", {}, True, {"ok": True, "task": {"id": "a", "title": "A"}})
    failed = Action("get_task", {}, False, {"ok": False})
    found = Action("search_tasks", {}, True, {"ok": True, "tasks": [{"id": "b", "title": "B"}]})
    deleted = Action("delete_task", {"task_id": "b"}, True, {"ok": True})
    assert last_task_after([added, failed], None) == {"id": "a", "title": "A"}
    assert last_task_after([added, found], None) == {"id": "b", "title": "B"}
    assert last_task_after([found, deleted], {"id": "z", "title": "Z"}) is None
    assert last_task_after([], {"id": "z", "title": "Z"}) == {"id": "z", "title": "Z"}


def test_an_action_names_the_one_task_it_touched() -> None:
    assert Action("add_task", {}, True, {"ok": True, "task": {"id": "a", "title": "A"}}).task_id == "a"
    assert Action("search_tasks", {}, True, {"ok": True, "tasks": [{"id": "b"}]}).task_id is None
    assert Action("get_task", {}, False, {"ok": False, "task": {"id": "c"}}).task_id is None


def test_parse_result() -> None:
    assert parse_result('{"ok": true}') == {"ok": True}
    assert parse_result([{"type": "input_text", "text": '{"ok": false}'}]) == {"ok": False}
    assert parse_result("boom")["ok"] is False
