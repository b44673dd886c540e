"""chat-service: the assistant, its conversations and its MCP server.

- POST /api/chat runs one turn: load the conversation from the state store, run the agent,
  save, answer. Any replica serves any turn.
- The MCP server (streamable HTTP, stateless, JSON responses) is served at /api/mcp, so the
  frontend forwards outside MCP clients to it; each request needs the user's Bearer JWT.
- The agent reaches the same MCP server in process (mcp_inprocess.py): an MCP client session
  over memory streams, one per turn, acting as the user the chat request was verified for."""

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import openai
from agents.models.interface import Model
from fastapi import APIRouter, FastAPI, Request, Response
from mcp.server.mcpserver import Context
from mcp.server.streamable_http_manager import StreamableHTTPASGIApp
from mcp.server.transport_security import TransportSecuritySettings
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send
from todo_common.auth import AuthenticatedUser
from todo_common.dapr import StateConflict
from todo_common.deps import ChatRateLimit, CurrentUser, current_user
from todo_common.errors import ApiError, error_response, not_found
from todo_common.platform import Platform, create_app

from chat_service.adapters.conversations import ConversationStore
from chat_service.adapters.models import choose_model
from chat_service.adapters.task_api import DaprTaskApi, TaskApi
from chat_service.agent import TurnOutcome, run_turn
from chat_service.domain.conversation import Conversation, last_change_after, last_list_after, last_task_after
from chat_service.domain.parse import parse
from chat_service.domain.reply import WENT_WRONG, could_not
from chat_service.mcp_inprocess import AgentTools, TurnCaller
from chat_service.schemas import (
    ActionOut,
    ChatIn,
    ChatOut,
    ConversationOut,
    ConversationsOut,
    MessageOut,
    MessagesOut,
)
from chat_service.settings import ChatSettings
from chat_service.tools import NotAuthenticated, build_mcp_server

log = logging.getLogger(__name__)
MCP_PATH = "/api/mcp"

api = APIRouter(prefix="/api", tags=["chat"])


@dataclass
class Assistant:
    """What a turn needs, made once at startup (app.state.assistant)."""

    settings: ChatSettings
    model: Model
    store: ConversationStore
    tools: AgentTools


def _assistant(request: Request) -> Assistant:
    assistant: Assistant = request.app.state.assistant
    return assistant


def utcnow() -> datetime:
    return datetime.now(UTC)


@api.post("/chat", responses={404: {"description": "No such conversation for this user"}})
async def chat(body: ChatIn, user: CurrentUser, _limit: ChatRateLimit, request: Request) -> ChatOut:
    assistant = _assistant(request)
    now = utcnow()
    if body.conversation_id:
        conversation, etag = await assistant.store.load(user.id, body.conversation_id)
        if conversation is None:
            raise not_found("Conversation")
    else:
        conversation, etag = Conversation.start(uuid.uuid4().hex, now), None
    outcome = await _turn(assistant, user, conversation, body, now)
    answered = utcnow()
    last_task = last_task_after(outcome.actions, conversation.last_task)
    intent = parse(body.message, now.astimezone(ZoneInfo(body.timezone))).intent
    undoing = intent == "undo"
    last_change = last_change_after(outcome.actions, conversation.last_change, at=now, undoing=undoing)
    last_list = last_list_after(
        outcome.actions, conversation.last_list, at=now, listed=intent in ("list", "search")
    )
    await _save(
        assistant,
        user.id,
        conversation,
        etag,
        body.message,
        outcome.reply,
        last_task,
        last_change,
        now,
        answered,
        last_list=last_list,
    )
    actions = [
        ActionOut(tool=a.tool, arguments=a.arguments, ok=a.ok, task_id=a.task_id) for a in outcome.actions
    ]
    return ChatOut(conversation_id=conversation.id, reply=outcome.reply, actions=actions)


async def _turn(
    assistant: Assistant, user: AuthenticatedUser, conversation: Conversation, body: ChatIn, now: datetime
) -> TurnOutcome:
    try:
        async with asyncio.timeout(assistant.settings.turn_timeout_seconds):
            return await run_turn(
                model=assistant.model,
                tools=assistant.tools,
                user=user,
                history=conversation.history(now),
                message=body.message,
                now=now,
                timezone=body.timezone,
                last_task=conversation.last_task,
                last_change=conversation.change_to_undo(now),
                last_list=conversation.list_to_use(now),
                max_turns=assistant.settings.max_turns,
            )
    except Exception as exc:
        log.exception("chat turn failed", extra={"conversation_id": conversation.id})
        if not _outage(exc):
            # The model misbehaved (a tool that isn't there, arguments that aren't JSON) or
            # the plan failed: trying again fails again, so say so instead of "unavailable".
            return TurnOutcome(reply=could_not(body.message, WENT_WRONG), actions=[])
        raise ApiError(
            503, "unavailable", "The assistant is unavailable right now; try again shortly."
        ) from exc


def _outage(exc: BaseException) -> bool:
    """Whether a failed turn met something unavailable: the turn out of time, the model's
    endpoint unreachable or failing (not refusing the request itself). The MCP connection
    wraps what a turn raised in exception groups."""
    if isinstance(exc, BaseExceptionGroup):
        return any(_outage(e) for e in exc.exceptions)
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code not in (400, 413, 422)
    return isinstance(exc, TimeoutError | openai.APIConnectionError | httpx.TransportError)


async def _save(
    assistant: Assistant,
    user_id: str,
    conversation: Conversation,
    etag: str | None,
    message: str,
    reply: str,
    last_task: dict[str, Any] | None,
    last_change: dict[str, Any] | None,
    asked: datetime,
    answered: datetime,
    last_list: dict[str, Any] | None = None,
) -> None:
    """Append this turn and save, with the task last worked on, the last list and the last change. If
    another turn of the same conversation saved first (another tab, another replica), append
    to what it saved instead of overwriting it; its last change stays unless this turn made
    one (else "undo" could revert an older change than that one)."""
    kept_change = conversation.last_change
    for attempt in range(5):
        conversation.add("user", message, asked)
        conversation.add("assistant", reply, answered)
        conversation.last_task = last_task
        conversation.last_change = last_change
        conversation.last_list = last_list
        try:
            await assistant.store.save(user_id, conversation, etag)
            break
        except StateConflict:
            if attempt == 4:
                raise
            reloaded, etag = await assistant.store.load(user_id, conversation.id)
            conversation.messages = reloaded.messages if reloaded else []
            conversation.title = reloaded.title if reloaded else conversation.title
            if last_change is kept_change:
                last_change = kept_change = reloaded.last_change if reloaded else None
    await assistant.store.touch_index(user_id, conversation, answered)


@api.get("/conversations")
async def conversations(user: CurrentUser, request: Request) -> ConversationsOut:
    items = await _assistant(request).store.index(user.id, utcnow())
    return ConversationsOut(items=[ConversationOut(**i) for i in items])


@api.get("/conversations/{conversation_id}/messages")
async def messages(conversation_id: str, user: CurrentUser, request: Request) -> MessagesOut:
    conversation, _ = await _assistant(request).store.load(user.id, conversation_id)
    if conversation is None:
        raise not_found("Conversation")
    live = conversation.live(utcnow())
    return MessagesOut(
        items=[MessageOut(role=m.role, content=m.content, created_at=m.created_at) for m in live]
    )


@api.delete("/conversations/{conversation_id}", status_code=204)
async def delete_conversation(conversation_id: str, user: CurrentUser, request: Request) -> Response:
    store = _assistant(request).store
    conversation, _ = await store.load(user.id, conversation_id)
    if conversation is None:
        raise not_found("Conversation")
    await store.delete(user.id, conversation_id)
    return Response(status_code=204)


# -- MCP --------------------------------------------------------------------------------------
def mcp_caller(ctx: Context) -> AuthenticatedUser:
    """Who an MCP request comes from, as its transport established it: on /api/mcp the user
    McpEndpoint verified from the Bearer JWT (request.state.user); on a chat turn's
    in-process connection the turn's user, stamped on every message (TurnCaller)."""
    request = ctx.request_context.request
    if isinstance(request, TurnCaller):
        return request.user
    user = getattr(getattr(request, "state", None), "user", None)
    if not isinstance(user, AuthenticatedUser):
        raise NotAuthenticated()
    return user


class McpEndpoint:
    """ASGI endpoint of the MCP server: verifies the caller's Bearer JWT with the platform
    verifier (401 in the API's error shape otherwise), then hands the request to the SDK."""

    def __init__(self, mcp_app: ASGIApp) -> None:
        self._mcp = mcp_app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        try:
            user = await current_user(request)
        except ApiError as exc:
            await error_response(exc.status, exc.code, exc.message, headers=exc.headers)(scope, receive, send)
            return
        scope.setdefault("state", {})["user"] = user
        await self._mcp(scope, receive, send)


def build_app() -> FastAPI:
    """A fresh app (the MCP session manager runs once per app)."""

    async def tasks_for(ctx: Context) -> TaskApi:
        """The calling user's task API: task-service is called with their JWT."""
        user = mcp_caller(ctx)
        platform: Platform = app.state.platform
        return DaprTaskApi(platform.dapr, user.token)

    mcp = build_mcp_server(tasks_for)
    # Stateless with JSON responses: any replica answers any MCP request and no session id
    # has to survive the frontend's forwarding. DNS-rebinding checks are off because only
    # the sidecar can reach this app (app token); browsers never talk to it directly.
    mcp.streamable_http_app(
        stateless_http=True,
        json_response=True,
        transport_security=TransportSecuritySettings(enable_dns_rebinding_protection=False),
    )
    endpoint = McpEndpoint(StreamableHTTPASGIApp(mcp.session_manager))

    @asynccontextmanager
    async def lifespan(app: FastAPI, platform: Platform) -> AsyncIterator[None]:
        settings = ChatSettings()
        app.state.assistant = Assistant(
            settings=settings,
            model=await choose_model(settings, platform.dapr),
            store=ConversationStore(platform.dapr),
            tools=AgentTools(mcp),
        )

        async def state_store() -> None:
            await platform.dapr.get_state("readiness")

        platform.readiness.append(("statestore", state_store))
        async with mcp.session_manager.run():
            yield

    app = create_app(title="chat-service", routers=[api], lifespan=lifespan)
    # The frontend forwards /api/mcp/ as /api/mcp; clients calling directly may keep the slash.
    for path in (MCP_PATH, MCP_PATH + "/"):
        app.router.routes.append(Route(path, endpoint=endpoint, methods=["GET", "POST", "DELETE"]))
    return app


app = build_app()
