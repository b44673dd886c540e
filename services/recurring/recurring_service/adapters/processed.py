"""Which events this service has finished with: todo_common's Inbox keys, written only
after the work succeeded and read before starting it.

Claiming first (and releasing on failure) would lose an instance: a crash between the
claim and the call to task-service leaves the claim behind, and the redelivery would be
taken for a duplicate. Marking after success cannot lose anything, and a crash between
"created" and "marked" only means the redelivery asks task-service again, which answers
with the instance it already made (its (series, occurrence_key) is unique). So the
marker is an optimisation, never the guarantee: when the state store is slow or down,
events are handled as if unseen instead of failing."""

import asyncio
import logging

from todo_common.dapr import Dapr
from todo_common.inbox import INBOX_TTL_SECONDS, Inbox

log = logging.getLogger(__name__)

# Well inside the subscriber timeout (resiliency.yaml: 15 s), whatever the state
# store's own retry policy does.
STATE_TIMEOUT_SECONDS = 1.0


class ProcessedEvents(Inbox):
    def __init__(self, dapr: Dapr, consumer: str, timeout: float = STATE_TIMEOUT_SECONDS) -> None:
        super().__init__(dapr, consumer)
        self._timeout = timeout

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
        not the first-write `claim`: a second marker of the same event is harmless, while a
        refused first write is retried by the sidecar's state policy and counts towards
        opening its circuit breaker for every state call of this app."""
        try:
            await asyncio.wait_for(
                self._dapr.save_state(self._key(event_id), {"done": True}, ttl_seconds=INBOX_TTL_SECONDS),
                self._timeout,
            )
        except Exception as exc:
            log.warning("inbox write failed", extra={"event_id": event_id, "reason": repr(exc)})
