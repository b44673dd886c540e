"""A tag's spelling. User test: "add problem set #econ" was saved tagged 'Econ' beside the
user's own 'econ' (parse.tag_name capitalised every all-lowercase tag). Now a tag the user
already has is saved in their spelling of it (tools.users_spelling: GET /api/tags, only when
a tag outside the suggested set is added), a new one as typed ("#cs101" is cs101, "#CS101"
CS101), and the suggested tags and the ones the assistant reads from words ("my groceries
list") in the suggested set's case."""

from typing import Any

import pytest
from chat_service.adapters.task_api import TaskApiError
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTaskApi, FakeTasks
from tests.test_tools import Tools
from tests.test_undo import Chat


def tags_of(fake: FakeTasks, title: str) -> list[str]:
    [task] = [t for t in fake.tasks.values() if t["title"] == title]
    return list(task["tags"])


@pytest.mark.parametrize(
    ("message", "tags"),
    [
        ("add read chapter 3 #cs101", ("cs101",)),
        ("add read chapter 3 #CS101", ("CS101",)),
        ("add problem set #econ", ("econ",)),
        ("add essay #Econ", ("Econ",)),
        ("add buy milk #shopping", ("Shopping",)),
        ("tag it econ", ("econ",)),
    ],
)
def test_a_tag_is_read_as_typed_and_a_suggested_one_in_its_case(message: str, tags: tuple[str, ...]) -> None:
    assert parse(message, NOW).changes.add_tags == tags


async def test_a_new_tag_keeps_the_users_spelling(fake: FakeTasks) -> None:
    chat = Chat(fake)
    assert await chat.say("add read chapter 3 #cs101") == "Added 'Read chapter 3' (tagged cs101)."
    assert await chat.say("add problem set #econ") == "Added 'Problem set' (tagged econ)."
    assert tags_of(fake, "Read chapter 3") == ["cs101"]
    assert tags_of(fake, "Problem set") == ["econ"]


async def test_a_tag_the_user_has_is_saved_in_their_spelling(fake: FakeTasks) -> None:
    fake.seed("alice", title="Read Mankiw ch 2", tags=["econ"])
    fake.seed("alice", title="Lab report", tags=["CS101"])
    chat = Chat(fake)
    assert await chat.say("add problem set #Econ") == "Added 'Problem set' (tagged econ)."
    assert await chat.say("add quiz prep #cs101 #ECON") == "Added 'Quiz prep' (tagged CS101 and econ)."
    assert tags_of(fake, "Problem set") == ["econ"]
    assert tags_of(fake, "Quiz prep") == ["CS101", "econ"]


async def test_tagging_a_task_uses_the_users_spelling_and_says_it(fake: FakeTasks) -> None:
    fake.seed("alice", title="Read Mankiw ch 2", tags=["ECON"])
    fake.seed("alice", title="Essay draft")
    chat = Chat(fake)
    assert await chat.say("tag the essay draft as econ") == "Tagged 'Essay draft' as ECON."
    assert tags_of(fake, "Essay draft") == ["ECON"]


async def test_another_users_spelling_is_not_used(fake: FakeTasks) -> None:
    fake.seed("bob", title="Bob's reading", tags=["ECON"])
    assert await Chat(fake).say("add problem set #econ") == "Added 'Problem set' (tagged econ)."


async def test_suggested_and_invented_tags_are_in_the_suggested_case_without_a_look_up(
    fake: FakeTasks,
) -> None:
    chat = Chat(fake)
    assert await chat.say("add buy batteries #shopping") == "Added 'Buy batteries' (tagged Shopping)."
    assert await chat.say("add oat milk to my groceries list") == "Added 'Oat milk' (tagged Shopping)."
    assert await chat.say("add buy milk") == "Added 'Buy milk'."
    assert fake.tag_calls == 0


async def test_add_task_tool_uses_the_users_spelling(fake: FakeTasks) -> None:
    fake.seed("alice", title="Read", tags=["econ"])
    fake.seed("alice", title="Read more", tags=["econ"])
    fake.seed("alice", title="Odd one", tags=["ECON"])
    result = await Tools(fake)("add_task", title="Problem set", tags=["Econ", "Work", "new-tag"])
    assert result["task"]["tags"] == ["econ", "Work", "new-tag"]


async def test_tags_go_as_given_when_the_look_up_fails(fake: FakeTasks, monkeypatch: Any) -> None:
    async def unavailable(self: FakeTaskApi) -> dict[str, Any]:
        raise TaskApiError(503, "unavailable", "The task service is unavailable right now.")

    monkeypatch.setattr(type(fake.as_user("alice")), "tags", unavailable)
    fake.seed("alice", title="Read", tags=["econ"])
    result = await Tools(fake)("add_task", title="Problem set", tags=["Econ"])
    assert result["ok"] and result["task"]["tags"] == ["Econ"]
