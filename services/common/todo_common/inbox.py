"""Idempotent consumers without a database of their own: a marker key per (consumer,
event id) in the Dapr state store, read before handling an event and written only after
the work succeeded.

Claiming first (and releasing on failure) would lose work: a crash between the claim and
the work leaves the claim behind, and the redelivery would be taken for a duplicate.
Marking after success loses nothing; a crash between "done" and "marked" only means the
redelivery runs the work again, so the work itself must be idempotent (recurring-service's
create-next call is: task-service keys it by series and occurrence). The marker is an
optimisation, never the guarantee: when the state store is slow or down, events are
handled as if unseen instead of failing."""

import asyncio
import logging

from todo_common.dapr import Dapr

log = logging.getLogger(__name__)

# Kafka keeps a week of messages; a redelivery older than that cannot happen.
INBOX_TTL_SECONDS = 7 * 24 * 3600
# Well inside the subscriber timeout (resiliency.yaml: 15 s), whatever the state store's
# own retry policy does.
STATE_TIMEOUT_SECONDS = 1.0


class Inbox:
    def __init__(self, dapr: Dapr, consumer: str, timeout: float = STATE_TIMEOUT_SECONDS) -> None:
        self._dapr, self._consumer, self._timeout = dapr, consumer, timeout

    def _key(self, event_id: str) -> str:
        # The sidecar prefixes keys with "<app id>||" and refuses "||" inside a key.
        return f"inbox:{self._consumer}:{event_id}"

    async def seen(self, event_id: str) -> bool:
        """True when this event was handled to the end before."""
        try:
            value, _ = await asyncio.wait_for(self._dapr.get_state(self._key(event_id)), self._timeout)
        except Exception as exc:  # an optimisation only: go on as if unseen
            log.warning("inbox read failed", extra={"event_id": event_id, "reason": repr(exc)})
            return False
        return value is not None

    async def mark(self, event_id: str) -> None:
        """Record that the event was handled (after the work, never before). A plain save,
        not a first write: a second marker of the same event is harmless, while a refused
        first write is retried by the sidecar's state policy like a failure."""
        try:
            await asyncio.wait_for(
                self._dapr.save_state(self._key(event_id), {"done": True}, ttl_seconds=INBOX_TTL_SECONDS),
                self._timeout,
            )
        except Exception as exc:
            log.warning("inbox write failed", extra={"event_id": event_id, "reason": repr(exc)})
