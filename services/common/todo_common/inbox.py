"""Idempotent consumers without a database of their own: a first-write-wins key per
(consumer, event id) in the Dapr state store. A redelivered event finds its key taken."""

from todo_common.dapr import Dapr, StateConflict

# Kafka keeps a week of messages; a redelivery older than that cannot happen.
INBOX_TTL_SECONDS = 7 * 24 * 3600


class Inbox:
    def __init__(self, dapr: Dapr, consumer: str) -> None:
        self._dapr, self._consumer = dapr, consumer

    def _key(self, event_id: str) -> str:
        # The sidecar prefixes keys with "<app id>||" and refuses "||" inside a key.
        return f"inbox:{self._consumer}:{event_id}"

    async def claim(self, event_id: str) -> bool:
        """True the first time an event id is claimed, False on every later delivery."""
        try:
            await self._dapr.save_state(
                self._key(event_id), {"claimed": True}, ttl_seconds=INBOX_TTL_SECONDS, first_write=True
            )
        except StateConflict:
            return False
        return True

    async def release(self, event_id: str) -> None:
        """Give the claim back when handling failed, so the retry is not taken for a duplicate."""
        await self._dapr.delete_state(self._key(event_id))
