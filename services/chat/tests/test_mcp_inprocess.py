"""The agent's in-process MCP connection: real MCP (a ClientSession and our MCP server) that
acts as the turn's user and no one else, whatever the model asks for."""

import asyncio
import json
from typing import Any

import jsonschema.validators
import pytest
from agents import UserError
from chat_service.agent import run_turn
from chat_service.app import mcp_caller
from chat_service.mcp_inprocess import AgentTools, Known, TurnCaller, connect
from chat_service.offline_model import OfflineModel
from chat_service.tools import build_mcp_server
from mcp import Client
from mcp.server.mcpserver import Context, MCPServer
from tests.conftest import NOW, FakeTasks
from todo_common.auth import AuthenticatedUser


def user(name: str) -> AuthenticatedUser:
    return AuthenticatedUser(id=name, email=None, name=None, token=f"jwt-of-{name}")


class Tools:
    """Our MCP server over the fake task API, acting as whoever `mcp_caller` (the app's one
    place that decides) says; records every request context it saw and counts the tools/list
    requests it answered."""

    def __init__(self, fake: FakeTasks) -> None:
        self.seen: list[Any] = []
        self.listings = 0

        async def tasks_for(ctx: Context) -> Any:
            self.seen.append(ctx.request_context.request)
            return fake.as_user(mcp_caller(ctx).id)

        self.server: MCPServer = build_mcp_server(tasks_for, clock=lambda: NOW)
        list_tools = self.server.list_tools

        async def counted() -> Any:
            self.listings += 1
            return await list_tools()

        self.server.list_tools = counted  # type: ignore[method-assign]
        self.agent_tools = AgentTools(self.server)


async def turn(tools: Tools, who: str, message: str, last_task: dict[str, Any] | None = None) -> Any:
    return await run_turn(
        model=OfflineModel(),
        tools=tools.agent_tools,
        user=user(who),
        history=[],
        message=message,
        now=NOW,
        timezone="UTC",
        last_task=last_task,
        max_turns=10,
    )


def output(result: Any) -> dict[str, Any]:
    value: dict[str, Any] = json.loads("".join(getattr(c, "text", "") for c in result.content))
    return value


async def test_concurrent_turns_each_act_for_their_own_user(fake: FakeTasks) -> None:
    alices = fake.seed("alice", title="Buy groceries")
    bobs = fake.seed("bob", title="Buy groceries")
    tools = Tools(fake)
    first, second = await asyncio.gather(
        turn(tools, "alice", "Mark the groceries task as done"),
        turn(tools, "bob", "Add call the bank tomorrow at 9am"),
    )
    assert [(a.tool, a.ok) for a in first.actions] == [("search_tasks", True), ("complete_task", True)]
    assert first.actions[1].arguments["task_id"] == alices["id"]
    assert alices["completed"] and not bobs["completed"]
    [added] = second.actions
    assert (added.tool, added.ok) == ("add_task", True) and fake.owner[added.task_id or ""] == "bob"
    assert {c.user.id for c in tools.seen} == {"alice", "bob"}
    assert all(isinstance(c, TurnCaller) for c in tools.seen)
    assert tools.listings == 1  # the first turns, started together, learnt the tools once


async def test_another_users_task_is_not_reachable(fake: FakeTasks) -> None:
    bobs = fake.seed("bob", title="Buy groceries", priority="LOW")
    tools = Tools(fake)
    # Even when the model names the task outright (here: "it" is bob's task).
    last_task = {"id": bobs["id"], "title": "Buy groceries"}
    outcome = await turn(tools, "alice", "Make it high priority", last_task)
    assert [(a.tool, a.ok) for a in outcome.actions] == [("get_task", False)]
    # And when a client on alice's connection asks for it directly, by any tool.
    async with connect(tools.server, user("alice")) as session:
        for name, arguments in (
            ("get_task", {"task_id": bobs["id"]}),
            ("set_priority", {"task_id": bobs["id"], "priority": "HIGH"}),
            ("complete_task", {"task_id": bobs["id"]}),
            ("delete_task", {"task_id": bobs["id"]}),
        ):
            result = output(await session.call_tool(name, arguments))
            assert (result["ok"], result["error"]) == (False, "not_found"), name
    assert fake.tasks[bobs["id"]]["priority"] == "LOW" and not fake.tasks[bobs["id"]]["completed"]
    assert {c.user.id for c in tools.seen} == {"alice"}


async def test_the_user_comes_from_the_connection_not_the_request(fake: FakeTasks) -> None:
    fake.seed("bob", title="Pay rent")
    tools = Tools(fake)
    async with connect(tools.server, user("alice")) as session:
        # Request metadata is the client's to write; the caller is the transport's.
        result = output(await session.call_tool("list_tasks", {}, meta={"user": "bob", "sub": "bob"}))
    assert result["ok"] and result["tasks"] == []
    assert [c.user.id for c in tools.seen] == ["alice"]


async def test_a_connection_without_a_caller_is_refused(fake: FakeTasks) -> None:
    fake.seed("alice", title="Pay rent")
    tools = Tools(fake)
    async with Client(tools.server) as client:  # the SDK's own in-process client: no caller
        result = output(await client.call_tool("list_tasks", {}))
    assert (result["ok"], result["error"]) == (False, "unauthorized")


async def test_a_turn_leaves_no_server_running(fake: FakeTasks) -> None:
    tools = Tools(fake)
    before = asyncio.all_tasks()
    await turn(tools, "alice", "Add buy milk")
    await asyncio.sleep(0)
    assert asyncio.all_tasks() - before == set()
    assert len(fake.tasks) == 1


async def test_turns_in_a_row_share_the_tools_and_each_acts_for_its_own_user(
    fake: FakeTasks, monkeypatch: pytest.MonkeyPatch
) -> None:
    tools = Tools(fake)  # one AgentTools for every turn, as the app has
    compiled: list[Any] = []  # output schemas compiled into validators (the MCP client's check)
    validator_for = jsonschema.validators.validator_for

    def counted(schema: Any, *args: Any, **kwargs: Any) -> Any:
        compiled.append(schema)
        return validator_for(schema, *args, **kwargs)

    monkeypatch.setattr(jsonschema.validators, "validator_for", counted)
    first = await turn(tools, "alice", "Add buy milk tomorrow at 9am")
    compiled_by_the_first = len(compiled)
    second = await turn(tools, "bob", "Add call the bank on friday")
    third = await turn(tools, "alice", "Show my tasks")
    assert fake.owner[first.actions[0].task_id or ""] == "alice"
    assert fake.owner[second.actions[0].task_id or ""] == "bob"
    [listing] = third.actions
    assert [t["title"] for t in listing.result["tasks"]] == ["Buy milk"]
    assert [c.user.id for c in tools.seen] == ["alice", "bob", "alice"]
    # The first turn listed the tools and compiled their output schemas; the later turns'
    # connections were given both.
    assert tools.listings == 1
    assert compiled_by_the_first >= 1 and len(compiled) == compiled_by_the_first


async def test_a_connection_given_what_another_learnt_acts_for_its_own_user(fake: FakeTasks) -> None:
    fake.seed("alice", title="Pay rent")
    tools = Tools(fake)
    async with connect(tools.server, user("alice")) as first:
        known = await Known.learn(first)
    assert known.discovered is not None and len(known.listing.tools) == 16
    async with connect(tools.server, user("bob"), known) as session:
        assert session.protocol_version == known.version
        result = output(await session.call_tool("list_tasks", {}))
    assert result["ok"] and result["tasks"] == []
    assert [c.user.id for c in tools.seen] == ["bob"]
    assert tools.listings == 1


async def test_a_tool_called_outside_a_turn_is_refused(fake: FakeTasks) -> None:
    fake.seed("alice", title="Pay rent")
    tools = Tools(fake)
    await turn(tools, "alice", "Show my tasks")  # the tools are converted and kept
    with pytest.raises(UserError, match="outside a chat turn"):
        await tools.agent_tools.call_tool("list_tasks", {})
    assert [c.user.id for c in tools.seen] == ["alice"]


async def test_a_missing_required_argument_fails_before_the_call(fake: FakeTasks) -> None:
    tools = Tools(fake)
    async with tools.agent_tools.turn(user("alice")):
        with pytest.raises(UserError, match="missing required parameters: title"):
            await tools.agent_tools.call_tool("add_task", {"priority": "HIGH"})
    assert tools.seen == [] and fake.tasks == {}
