"""A request the assistant cannot finish is answered, never "unavailable". User test (Sunday
29 Nov 2026): "make the quarterly review repeat on the first Monday of January, April, July
and October" answered 503 "The assistant is unavailable right now" every time: the rule was
not read, so its month names were read as four more task names, each looked up one after
another (two searches and a list each) until the Runner's 10 turns ran out
(MaxTurnsExceeded); the planner's own cap (12 steps) never came first. Now several names are
looked up side by side, the planner's cap fits in the Runner's turns, a run out of turns
answers what it could not do, and only an outage (the model's endpoint unreachable) is 503.

Also: a rule said with a day but no time ("repeat monthly starting monday") moved the task's
11:00 to 09:00; the time of day it is due at stays, as when the day alone is moved."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import httpx
import openai
import pytest
from agents.exceptions import ModelBehaviorError
from agents.items import ModelResponse
from agents.models.interface import Model
from agents.usage import Usage
from chat_service.agent import run_turn
from chat_service.app import Assistant, _turn, mcp_caller
from chat_service.domain.conversation import Conversation
from chat_service.domain.planner import MAX_STEPS, Call
from chat_service.mcp_inprocess import AgentTools
from chat_service.offline_model import OfflineModel, _function_call
from chat_service.schemas import ChatIn
from chat_service.settings import ChatSettings
from chat_service.tools import build_mcp_server
from mcp.server.mcpserver import Context as McpContext
from tests.conftest import NOW, FakeTasks
from tests.talk import Talk, local
from todo_common.auth import AuthenticatedUser
from todo_common.errors import ApiError

ALICE = AuthenticatedUser(id="alice", email=None, name=None, token="jwt-of-alice")
TOO_MANY_STEPS = "I couldn't do that: it took more steps than I can take at once"
REPEAT_FIELD = "you can set it in the task's Repeat field"


def tools(fake: FakeTasks) -> AgentTools:
    async def tasks_for(ctx: McpContext) -> Any:
        return fake.as_user(mcp_caller(ctx).id)

    return AgentTools(build_mcp_server(tasks_for, clock=lambda: NOW))


# -- the loop ---------------------------------------------------------------------------------
def test_the_planner_answers_before_the_runner_runs_out_of_turns() -> None:
    # Each step is one model call and the reply one more: the planner's cap must leave it room.
    assert ChatSettings().max_turns > MAX_STEPS


async def test_the_quarterly_review_request_is_answered(fake: FakeTasks) -> None:
    fake.seed("alice", title="Quarterly review", due_at="2026-12-01T10:00:00Z")
    answer = await Talk(fake).say(
        "make the quarterly review repeat on the first Monday of January, April, July and October"
    )
    assert answer  # answered in the turns a chat turn has (raised MaxTurnsExceeded before)
    assert [t["title"] for t in fake.tasks.values()] == ["Quarterly review"]


async def test_several_names_are_looked_up_side_by_side(fake: FakeTasks) -> None:
    fake.seed("alice", title="Alpha report")
    fake.seed("alice", title="Echo call")
    # One after another: 8 look-ups and 2 deletes, more than a turn has.
    answer = await Talk(fake).say("delete alpha, bravo, charlie and echo")
    assert answer == (
        "Deleted 'Alpha report'. Deleted 'Echo call'. I couldn't find a task matching 'bravo'. "
        "I couldn't find a task matching 'charlie'."
    )
    assert fake.tasks == {}


async def test_none_of_several_names_found_is_said(fake: FakeTasks) -> None:
    fake.seed("alice", title="Water the plants")
    answer = await Talk(fake).say("delete alpha, bravo, charlie and echo")
    assert (
        answer
        == "I couldn't find a task matching 'alpha, bravo, charlie and echo'. Could you check the name?"
    )
    assert len(fake.tasks) == 1


# -- out of turns: said, with what was done ---------------------------------------------------------
@pytest.mark.parametrize(
    ("message", "answer"),
    [
        ("make the quarterly review repeat every monday", f"{TOO_MANY_STEPS}; {REPEAT_FIELD}."),
        ("make the quarterly review high priority", f"{TOO_MANY_STEPS}. Could you split it up?"),
    ],
)
async def test_a_turn_out_of_turns_says_what_it_could_not_do(
    fake: FakeTasks, message: str, answer: str
) -> None:
    fake.seed("alice", title="Quarterly review", due_at="2026-12-01T10:00:00Z")
    outcome = await run_turn(
        model=OfflineModel(now=NOW),
        tools=tools(fake),
        user=ALICE,
        history=[],
        message=message,
        now=NOW,
        timezone="UTC",
        last_task=None,
        max_turns=1,  # the search, and no turn left to change the task
    )
    assert outcome.reply == answer
    assert [(a.tool, a.ok) for a in outcome.actions] == [("search_tasks", True)]
    [task] = fake.tasks.values()
    assert (task["rrule"], task["priority"]) == (None, "MEDIUM")


# -- the chat endpoint's turn: 503 only for an outage --------------------------------------------
class Looping(Model):
    """A model that searches for ever (as a cloud model can), or fails as `fails` says."""

    def __init__(self, fails: Exception | None = None) -> None:
        self.fails = fails

    async def get_response(self, *args: Any, **kwargs: Any) -> ModelResponse:
        if self.fails is not None:
            raise self.fails
        call = _function_call(Call("search_tasks", {"query": "review", "status": "open"}))
        return ModelResponse(output=[call], usage=Usage(requests=1), response_id=None)

    def stream_response(self, *args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        raise AssertionError("the agent runner does not stream here")


async def chat_turn(fake: FakeTasks, model: Model, message: str) -> Any:
    assistant = Assistant(settings=ChatSettings(), model=model, store=None, tools=tools(fake))  # type: ignore[arg-type]
    conversation = Conversation.start("c", NOW)
    return await _turn(assistant, ALICE, conversation, ChatIn(message=message), datetime.now(UTC))


async def test_a_model_that_loops_gets_an_answer_not_503(fake: FakeTasks) -> None:
    outcome = await chat_turn(fake, Looping(), "make the quarterly review repeat every quarter")
    assert outcome.reply == f"{TOO_MANY_STEPS}; {REPEAT_FIELD}."
    assert len(outcome.actions) == ChatSettings().max_turns


async def test_a_model_that_misbehaves_gets_an_answer_not_503(fake: FakeTasks) -> None:
    failing = Looping(ModelBehaviorError("Tool not_a_tool not found in agent Todo assistant"))
    outcome = await chat_turn(fake, failing, "tidy up my list")
    assert (
        outcome.reply == "I couldn't do that: something went wrong on my side. Could you say it another way?"
    )
    assert outcome.actions == []


async def test_an_unreachable_model_is_unavailable(fake: FakeTasks) -> None:
    down = Looping(openai.APIConnectionError(request=httpx.Request("POST", "http://model.invalid/v1")))
    with pytest.raises(ApiError) as raised:
        await chat_turn(fake, down, "tidy up my list")
    assert (raised.value.status, raised.value.code) == (503, "unavailable")


# -- a rule with a day keeps the task's time -------------------------------------------------------
@pytest.mark.parametrize(
    ("rule", "due"),
    [
        ("make the quarterly review repeat monthly starting monday", "Mon 30 Nov 11:00"),
        ("make the quarterly review repeat weekly starting next tuesday", "Tue 01 Dec 11:00"),
        # A time said with the rule is the time (guard).
        ("make the quarterly review repeat every 3 months from monday morning", "Mon 30 Nov 09:00"),
        ("make the quarterly review repeat monthly starting monday at 2pm", "Mon 30 Nov 14:00"),
    ],
)
async def test_a_rule_said_with_a_day_keeps_the_time_of_day(fake: FakeTasks, rule: str, due: str) -> None:
    fake.seed("alice", title="Quarterly review", due_at="2026-12-01T10:00:00Z")  # Tue 11:00 Berlin
    await Talk(fake).say(rule)
    [task] = fake.tasks.values()
    assert local(task["due_at"]) == due
    assert task["rrule"] is not None


async def test_the_quarterly_review_keeps_its_time(fake: FakeTasks) -> None:
    fake.seed("alice", title="Quarterly review", due_at="2026-12-01T10:00:00Z")  # Tue 11:00 Berlin
    await Talk(fake).say("make the quarterly review repeat every 3 months on the first Monday")
    [task] = fake.tasks.values()
    assert local(task["due_at"]).endswith("11:00")  # the rule itself: h150's reading
