"""Request and response bodies of the chat API (API.md, Chat)."""

from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

MAX_MESSAGE = 4000
CONVERSATION_ID = r"^[A-Za-z0-9_-]{1,64}$"


def _message(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("invalid", "must not be blank")
    if "\x00" in value:
        raise PydanticCustomError("invalid", "must not contain NUL bytes")
    return value


def _timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise PydanticCustomError("invalid", "must be an IANA timezone such as Europe/Berlin") from None
    return value


class ChatIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message: Annotated[str, Field(min_length=1, max_length=MAX_MESSAGE), AfterValidator(_message)]
    conversation_id: Annotated[str | None, Field(pattern=CONVERSATION_ID)] = None
    timezone: Annotated[str, Field(min_length=1, max_length=64), AfterValidator(_timezone)] = "UTC"


class ActionOut(BaseModel):
    tool: str
    arguments: dict[str, Any]
    ok: bool
    # The task the action touched, when it was one task (null for lists and failures).
    task_id: str | None = None


class ChatOut(BaseModel):
    conversation_id: str
    reply: str
    actions: list[ActionOut]


class MessageOut(BaseModel):
    role: str
    content: str
    created_at: str


class MessagesOut(BaseModel):
    items: list[MessageOut]


class ConversationOut(BaseModel):
    id: str
    title: str
    created_at: str
    updated_at: str


class ConversationsOut(BaseModel):
    items: list[ConversationOut]
