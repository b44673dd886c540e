"""Conversations in the Dapr state store. Keys are per user, so another user's
conversation is simply not there. Each save sets the TTL to two days: a conversation (and
the index entry) disappears two days after its last message; older messages inside a
live conversation are dropped when it is read."""

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, TypeVar

from todo_common.dapr import Dapr, StateConflict

from chat_service.domain.conversation import MAX_INDEXED, MESSAGE_TTL, Conversation, parse_iso

log = logging.getLogger(__name__)
TTL_SECONDS = int(MESSAGE_TTL.total_seconds())
T = TypeVar("T")


def conversation_key(user_id: str, conversation_id: str) -> str:
    return f"conversation:{user_id}:{conversation_id}"


def index_key(user_id: str) -> str:
    return f"conversations:{user_id}"


class ConversationStore:
    def __init__(self, dapr: Dapr) -> None:
        self._dapr = dapr

    async def load(self, user_id: str, conversation_id: str) -> tuple[Conversation | None, str | None]:
        data, etag = await self._dapr.get_state(conversation_key(user_id, conversation_id))
        if not isinstance(data, dict):
            return None, None
        return Conversation.from_json(data), etag

    async def save(self, user_id: str, conversation: Conversation, etag: str | None) -> None:
        """Save; StateConflict when another turn saved it since `etag` (or created it, when
        etag is None)."""
        await self._dapr.save_state(
            conversation_key(user_id, conversation.id),
            conversation.to_json(),
            ttl_seconds=TTL_SECONDS,
            etag=etag,
            first_write=True,
        )

    async def index(self, user_id: str, now: datetime) -> list[dict[str, Any]]:
        data, _ = await self._dapr.get_state(index_key(user_id))
        items = data.get("items", []) if isinstance(data, dict) else []
        live = [i for i in items if parse_iso(str(i["updated_at"])) > now - MESSAGE_TTL]
        return sorted(live, key=lambda i: str(i["updated_at"]), reverse=True)

    async def touch_index(self, user_id: str, conversation: Conversation, now: datetime) -> None:
        entry = {
            "id": conversation.id,
            "title": conversation.title,
            "created_at": conversation.created_at,
            "updated_at": conversation.updated_at,
        }

        async def attempt() -> None:
            data, etag = await self._dapr.get_state(index_key(user_id))
            items = data.get("items", []) if isinstance(data, dict) else []
            items = [i for i in items if i.get("id") != conversation.id]
            items = [entry, *items]
            items = [i for i in items if parse_iso(str(i["updated_at"])) > now - MESSAGE_TTL][:MAX_INDEXED]
            await self._dapr.save_state(
                index_key(user_id), {"items": items}, ttl_seconds=TTL_SECONDS, etag=etag, first_write=True
            )

        await retry_on_conflict(attempt)

    async def delete(self, user_id: str, conversation_id: str) -> None:
        await self._dapr.delete_state(conversation_key(user_id, conversation_id))

        async def attempt() -> None:
            data, etag = await self._dapr.get_state(index_key(user_id))
            items = data.get("items", []) if isinstance(data, dict) else []
            kept = [i for i in items if i.get("id") != conversation_id]
            if kept != items:
                await self._dapr.save_state(
                    index_key(user_id), {"items": kept}, ttl_seconds=TTL_SECONDS, etag=etag, first_write=True
                )

        await retry_on_conflict(attempt)


async def retry_on_conflict(attempt: Callable[[], Awaitable[T]], tries: int = 5) -> T:
    for n in range(tries):
        try:
            return await attempt()
        except StateConflict:
            if n == tries - 1:
                raise
            log.info("state write conflict, retrying")
    raise AssertionError("unreachable")
