"""The agent's connection to our MCP server, inside this process.

Still real MCP: the Agents SDK's ClientSession speaks JSON-RPC to the same server object that
/api/mcp serves, over a pair of memory streams instead of HTTP to our own port. One
connection per turn, and the turn's caller (the user whose JWT the chat request carried,
already verified) travels with it the way the HTTP transport carries the verified request:
as each message's `request_context`. The stamp is put on by the transport, on every message
the client sends, whatever the message says, so nothing the model writes can choose the
user."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import anyio
from agents.mcp.server import _MCPServerWithClientSession
from mcp.server.mcpserver import MCPServer
from mcp.shared.memory import create_client_server_memory_streams
from mcp.shared.message import ServerMessageMetadata, SessionMessage
from todo_common.auth import AuthenticatedUser

# How long a closed connection's server may take to finish before it is cancelled.
SHUTDOWN_GRACE_SECONDS = 2.0


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


class InProcessMCPServer(_MCPServerWithClientSession):
    """An Agents SDK MCP server whose transport is an in-process connection to `mcp`,
    acting as `user`."""

    def __init__(self, mcp: MCPServer, user: AuthenticatedUser) -> None:
        super().__init__(cache_tools_list=True, client_session_timeout_seconds=30)
        self._mcp, self._caller = mcp, TurnCaller(user)

    @property
    def name(self) -> str:
        return self._mcp.name

    @asynccontextmanager
    async def create_streams(self) -> AsyncIterator[tuple[Any, Any]]:
        # The SDK runs an MCPServer over streams through its low-level server (as its own
        # in-memory transport, mcp.client._memory, does).
        server = self._mcp._lowlevel_server
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
                    yield client_read, _Stamped(client_write, self._caller)
                finally:
                    # End of input ends the server's loop; cancel it only if it hangs.
                    await client_write.aclose()
                    await server_write.aclose()
                    with anyio.move_on_after(SHUTDOWN_GRACE_SECONDS):
                        await done.wait()
                    if not done.is_set():
                        tasks.cancel_scope.cancel()
