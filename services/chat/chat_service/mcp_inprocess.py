"""The agent's connection to our MCP server, inside this process.

Still real MCP: an MCP ClientSession speaks JSON-RPC to the same server object that /api/mcp
serves, over a pair of memory streams instead of HTTP to our own port. One connection per
turn, and the turn's caller (the user whose JWT the chat request carried, already verified)
travels with it the way the HTTP transport carries the verified request: as each message's
`request_context`. The stamp is put on by the transport, on every message the client sends,
whatever the message says, so nothing the model writes can choose the user.

What every connection would learn the same way is learnt once per process (AgentTools): the
server's discover result, its tool list with the validators of the tools' results, and the
tools converted for the agent. The tools hold no connection themselves; each call goes over
the connection of the turn it is made in."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass
from types import TracebackType
from typing import Any, cast

import anyio
from agents import Agent, Tool, UserError
from agents.mcp import MCPServer as AgentMCPServer
from agents.run_context import RunContextWrapper
from mcp import Client, ClientSession
from mcp.server.mcpserver import MCPServer
from mcp.shared.memory import create_client_server_memory_streams
from mcp.shared.message import ServerMessageMetadata, SessionMessage
from mcp.types import (
    CallToolResult,
    DiscoverResult,
    GetPromptResult,
    ListPromptsResult,
    ListToolsResult,
    PaginatedRequestParams,
    RequestParamsMeta,
)
from mcp.types import Tool as MCPTool
from todo_common.auth import AuthenticatedUser

# How long a closed connection's server may take to finish before it is cancelled.
SHUTDOWN_GRACE_SECONDS = 2.0
# How long the client waits for an answer (what the Agents SDK's MCP servers were given).
READ_TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class TurnCaller:
    """The `request_context` of every message on a turn's in-process connection."""

    user: AuthenticatedUser


class _Stamped:
    """The client's send stream towards the server: each message is passed on with the
    connection's caller as its request context (any metadata the client set is replaced)."""

    def __init__(self, inner: Any, caller: TurnCaller) -> None:
        self._inner, self._caller = inner, caller

    async def send(self, item: SessionMessage | Exception) -> None:
        if isinstance(item, SessionMessage):
            item = SessionMessage(item.message, ServerMessageMetadata(request_context=self._caller))
        await self._inner.send(item)

    def close(self) -> None:
        self._inner.close()

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def __aenter__(self) -> "_Stamped":
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


@asynccontextmanager
async def _streams(mcp: MCPServer, caller: TurnCaller) -> AsyncIterator[tuple[Any, Any]]:
    """The client's ends of a pair of memory streams that `mcp` serves, stamped with `caller`."""
    # An MCPServer runs over streams through its low-level server (as the SDK's own
    # in-memory transport, mcp.client._memory, does).
    server = mcp._lowlevel_server
    async with create_client_server_memory_streams() as (client, served):
        (client_read, client_write), (server_read, server_write) = client, served
        done = anyio.Event()

        async def serve() -> None:
            try:
                await server.run(server_read, server_write, server.create_initialization_options())
            finally:
                done.set()

        async with anyio.create_task_group() as tasks:
            tasks.start_soon(serve)
            try:
                yield client_read, _Stamped(client_write, caller)
            finally:
                # End of input ends the server's loop; cancel it only if it hangs.
                await client_write.aclose()
                await server_write.aclose()
                with anyio.move_on_after(SHUTDOWN_GRACE_SECONDS):
                    await done.wait()
                if not done.is_set():
                    tasks.cancel_scope.cancel()


@dataclass(frozen=True)
class Known:
    """What a connection to our server learns on its own (a discover round trip when it
    opens; before its first tool call a tools/list round trip, then a check of that tool's
    output schema, compiled into the validator its results are checked with): the same for
    every connection, since the server's tools are fixed when it is built."""

    discovered: DiscoverResult | None
    version: str | None
    listing: ListToolsResult
    validators: dict[str, Any]

    @classmethod
    async def learn(cls, session: ClientSession) -> "Known":
        """What `session` learnt when it opened, every page of its tools/list, and the
        validators it compiles from the output schemas."""
        listing = await session.list_tools()
        tools, cursor = list(listing.tools), listing.next_cursor
        while cursor is not None:
            page = await session.list_tools(params=PaginatedRequestParams(cursor=cursor))
            tools.extend(page.tools)
            cursor = page.next_cursor
        validators = {}
        for tool in tools:
            # An invalid schema is left to fail the call when it is made, as before.
            if tool.output_schema is not None:
                with suppress(RuntimeError):
                    validators[tool.name] = session._output_schema_validator(tool.name, tool.output_schema)
        return cls(
            session.discover_result, session.protocol_version, ListToolsResult(tools=tools), validators
        )


@asynccontextmanager
async def connect(
    mcp: MCPServer, user: AuthenticatedUser, known: Known | None = None
) -> AsyncIterator[ClientSession]:
    """An MCP client session to `mcp` in this process, acting as `user`. With `known`, the
    session opens at the protocol version that was discovered (no probe) and knows the tools
    as if it had listed them itself."""
    mode: str = "auto"  # probe with server/discover, fall back to the initialize handshake
    prior: DiscoverResult | None = None
    if known is not None and known.discovered is not None and known.version is not None:
        mode, prior = known.version, known.discovered
    client = Client(
        _streams(mcp, TurnCaller(user)),
        mode=mode,
        prior_discover=prior,
        cache=None,  # as the Agents SDK connects: no client-side response cache
        read_timeout_seconds=READ_TIMEOUT_SECONDS,
    )
    async with client:
        session = client.session
        if known is not None:
            _teach(session, known)
        yield session


def _teach(session: ClientSession, known: Known) -> None:
    """Give `session` what its own tools/list and first calls would have taught it. The
    session keeps that in state only they fill (each tool's output schema and its compiled
    validator, which every result is checked with): the listing goes through the method the
    session's own listings go through, then the validators compiled from the same schemas
    are added. Both are the SDK's private parts; the tests count the server's tools/list
    requests and the schema compilations, so they notice if this stops working."""
    session._absorb_tool_listing(known.listing.model_copy(), complete=True)
    session._tool_output_validators.update(known.validators)


# The connection of the turn running in this task (and the tasks it starts, which inherit it).
_turn_session: ContextVar[ClientSession | None] = ContextVar("turn_session", default=None)


class AgentTools(AgentMCPServer):
    """Our MCP server's tools as the agent sees them. The SDK would open each turn's
    connection with a discover probe, list the tools over it, and convert them (a deep copy of
    every schema) again every turn; none of it can change while the process runs, so the
    first turn learns it and later turns reuse it. The converted tools call `call_tool` here,
    which sends the call over the connection of the turn it is made in (`turn`), acting as
    that turn's user; outside a turn a call fails."""

    def __init__(self, mcp: MCPServer) -> None:
        super().__init__()
        self._mcp = mcp
        self._known: Known | None = None
        self._converted: list[Tool] | None = None
        self._learning = asyncio.Lock()  # the turns that start together learn it once

    @property
    def name(self) -> str:
        return self._mcp.name

    @asynccontextmanager
    async def turn(self, user: AuthenticatedUser) -> AsyncIterator[list[Tool]]:
        """Open this turn's connection, acting as `user`, and give the agent's tools; their
        calls in this task go over that connection until the block ends."""
        known = self._known
        async with connect(self._mcp, user, known) as session:
            tools = await self._function_tools(session)
            if known is None and self._known is not None:
                _teach(session, self._known)  # opened before the tools were learnt
            bound = _turn_session.set(session)
            try:
                yield list(tools)
            finally:
                _turn_session.reset(bound)

    async def _function_tools(self, session: ClientSession) -> list[Tool]:
        if self._converted is None:
            async with self._learning:
                if self._converted is None:
                    if self._known is None:
                        self._known = await Known.learn(session)
                    template = Agent(name=self.name, mcp_servers=[self])
                    self._converted = await template.get_mcp_tools(RunContextWrapper(context=None))
        return self._converted

    def _session(self) -> ClientSession:
        session = _turn_session.get()
        if session is None:
            raise UserError(f"MCP server '{self.name}': a tool was called outside a chat turn.")
        return session

    async def connect(self) -> None:
        """Nothing to do: each turn opens its own connection."""

    async def cleanup(self) -> None:
        """Nothing to do: each turn closes its own connection."""

    async def list_tools(self, run_context: Any = None, agent: Any = None) -> list[MCPTool]:
        if self._known is None:
            self._known = await Known.learn(self._session())
        return list(self._known.listing.tools)

    async def call_tool(
        self, tool_name: str, arguments: dict[str, Any] | None, meta: dict[str, Any] | None = None
    ) -> CallToolResult:
        self._check_required(tool_name, arguments)
        session = self._session()
        if meta is None:
            return await session.call_tool(tool_name, arguments)
        return await session.call_tool(tool_name, arguments, meta=cast(RequestParamsMeta, meta))

    def _check_required(self, tool_name: str, arguments: dict[str, Any] | None) -> None:
        """What the SDK's MCP servers check before a call once they know the tool list: a
        missing required argument fails as it fails there, without a round trip."""
        listed = self._known.listing.tools if self._known else []
        tool = next((t for t in listed if t.name == tool_name), None)
        required = tool.input_schema.get("required") if tool is not None else None
        if not isinstance(required, list):
            return
        missing = [name for name in required if isinstance(name, str) and name not in (arguments or {})]
        if missing:
            raise UserError(
                f"Failed to call tool '{tool_name}' on MCP server '{self._error_name}': "
                f"missing required parameters: {', '.join(sorted(missing))}"
            )

    async def list_prompts(self) -> ListPromptsResult:
        return await self._session().list_prompts()

    async def get_prompt(self, name: str, arguments: dict[str, Any] | None = None) -> GetPromptResult:
        return await self._session().get_prompt(name, arguments)
