"""GET /api/notifications/stream: new notifications as server-sent events.

Multi-replica: every poll reads the user's index from the state store, so a notification
recorded by any replica reaches a stream served by any other.

Each response is a bounded window (an EventSource reconnects by itself, after `retry`):
it ends after `window` seconds, or once it has delivered something. Two reasons, both of
Dapr 1.16 service invocation: a caller's sidecar holds the whole response of a remote app
until it ends (so a never-ending stream would never arrive), and the resiliency timeout of
the target app (10 s locally) cuts longer calls. Nothing is lost between windows: every
response sets the SSE id to the head of the user's index (the `id:` field alone updates an
EventSource's Last-Event-ID), and a request with `Last-Event-ID` first replays what was
added since. A comment every `heartbeat` seconds of silence keeps a long window (where the
path allows one) from being closed as idle."""

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from notification_service.domain.reminders import public_view

log = logging.getLogger(__name__)

RECONNECT_MS = 1000
# The cursor of an empty index: everything that appears later is new to this client.
EMPTY_CURSOR = "start"
# A reconnect replays at most this many notifications.
REPLAY_LIMIT = 50


class Source(Protocol):
    async def index(self, user_id: str) -> list[str]: ...
    async def get_many(self, ids: Sequence[str]) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class StreamTiming:
    window: float = 8.0
    poll: float = 2.0
    heartbeat: float = 15.0


def sse_event(event: str, event_id: str, data: dict[str, Any]) -> str:
    return f"id: {event_id}\nevent: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"


def sse_cursor(event_id: str) -> str:
    """Sets the client's Last-Event-ID without dispatching an event."""
    return f"id: {event_id}\n\n"


def sse_comment(text: str) -> str:
    return f": {text}\n\n"


def cursor(index: list[str]) -> str:
    return index[0] if index else EMPTY_CURSOR


def unseen(index: list[str], last_event_id: str | None) -> list[str]:
    """Ids (newest first) added since the client's Last-Event-ID; none when it has no id or
    one we no longer know (expired or dropped off the index)."""
    if last_event_id == EMPTY_CURSOR:
        return index[:REPLAY_LIMIT]
    if last_event_id and last_event_id in index:
        return index[: index.index(last_event_id)][:REPLAY_LIMIT]
    return []


async def notification_events(
    source: Source,
    user_id: str,
    *,
    last_event_id: str | None = None,
    disconnected: Callable[[], Awaitable[bool]],
    timing: StreamTiming = StreamTiming(),
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> AsyncIterator[str]:
    """The text chunks of one window of the stream."""
    index = await source.index(user_id)
    new = unseen(index, last_event_id)
    seen = set(index)
    yield f"retry: {RECONNECT_MS}\n" + sse_cursor(cursor(index)) + sse_comment("connected")
    started = quiet_since = clock()
    while True:
        if new:
            # Oldest first, in the index's order, so the last id sent is the index head.
            for notification in reversed(await source.get_many(new)):
                yield sse_event("notification", notification["id"], public_view(notification))
            yield sse_cursor(cursor(index))
            return
        if clock() - started >= timing.window or await disconnected():
            return
        if clock() - quiet_since >= timing.heartbeat:
            yield sse_comment("keep-alive")
            quiet_since = clock()
        await sleep(timing.poll)
        try:
            index = await source.index(user_id)
        except Exception:
            # A sidecar hiccup costs one poll, not the stream.
            log.warning("notification stream poll failed", exc_info=True)
            continue
        new = [i for i in index if i not in seen]
        seen.update(index)
