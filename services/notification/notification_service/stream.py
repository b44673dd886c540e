"""GET /api/notifications/stream: new notifications as server-sent events.

Reads the user's index from the state store every POLL_SECONDS, not process memory, so a
notification recorded by any replica reaches a stream held open by any other. A comment
line every HEARTBEAT_SECONDS of silence keeps proxies from closing an idle stream.
`Last-Event-ID` (sent by EventSource on reconnect) replays what was missed meanwhile."""

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any, Protocol

from notification_service.domain.reminders import public_view

log = logging.getLogger(__name__)

POLL_SECONDS = 2.0
HEARTBEAT_SECONDS = 15.0
RECONNECT_MS = 3000


class Source(Protocol):
    async def index(self, user_id: str) -> list[str]: ...
    async def get_many(self, ids: Sequence[str]) -> list[dict[str, Any]]: ...


def sse_event(event: str, event_id: str, data: dict[str, Any]) -> str:
    return f"id: {event_id}\nevent: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"


def sse_comment(text: str) -> str:
    return f": {text}\n\n"


def unseen(index: list[str], last_event_id: str | None) -> list[str]:
    """Ids to replay on a reconnect: those newer than the last one the client saw."""
    if last_event_id and last_event_id in index:
        return index[: index.index(last_event_id)]
    return []


async def notification_events(
    source: Source,
    user_id: str,
    *,
    last_event_id: str | None = None,
    disconnected: Callable[[], Awaitable[bool]],
    poll_seconds: float = POLL_SECONDS,
    heartbeat_seconds: float = HEARTBEAT_SECONDS,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> AsyncIterator[str]:
    """The stream's text chunks. Ends when `disconnected()` says the client has gone."""
    yield f"retry: {RECONNECT_MS}\n" + sse_comment("connected")
    index = await source.index(user_id)
    seen = set(index) - set(unseen(index, last_event_id))
    quiet_since = clock()
    while not await disconnected():
        try:
            index = await source.index(user_id)
            new = [i for i in index if i not in seen]
            # Oldest first, so the client sees them in the order they happened.
            fresh = sorted(await source.get_many(new), key=lambda n: str(n.get("created_at")))
        except Exception:
            # A sidecar hiccup costs one poll, not the stream; the next poll catches up.
            log.warning("notification stream poll failed", exc_info=True)
            fresh, index = [], list(seen)
        for notification in fresh:
            yield sse_event("notification", notification["id"], public_view(notification))
            quiet_since = clock()
        seen = set(index)
        if clock() - quiet_since >= heartbeat_seconds:
            yield sse_comment("keep-alive")
            quiet_since = clock()
        await sleep(poll_seconds)
