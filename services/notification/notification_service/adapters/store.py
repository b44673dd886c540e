"""Notifications in the Dapr state store.

Keys (the sidecar prefixes them with "<app id>||"; Dapr refuses "||" inside a key):
  notification:<id>        the notification; written first-write-wins, so a reminder is
                           recorded once however many scans or replicas reach it
  notifications:<user_id>  the user's index: notification ids, newest first, updated with
                           an ETag check (retried) so concurrent additions are not lost
Both expire NOTIFICATION_TTL_SECONDS after their last write."""

import asyncio
import json
import logging
import random
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from todo_common.dapr import Dapr, StateConflict

from notification_service.domain.reminders import NOTIFICATION_TTL_SECONDS, remaining_ttl, with_id

log = logging.getLogger(__name__)

ETAG_ATTEMPTS = 10


def notification_key(notification_id: str) -> str:
    return f"notification:{notification_id}"


def index_key(user_id: str) -> str:
    return f"notifications:{user_id}"


class NotificationNotFound(Exception):
    """No such notification for this user. `other_user`: it exists, but is someone else's."""

    def __init__(self, other_user: bool) -> None:
        super().__init__("notification not found")
        self.other_user = other_user


class NotificationStore:
    def __init__(self, dapr: Dapr) -> None:
        self._dapr = dapr

    async def record(self, notification: dict[str, Any]) -> bool:
        """Store a new notification. False when its id was already recorded (by another
        replica, an overlapping scan, or a run that crashed before marking the reminder sent)."""
        key = notification_key(notification["id"])
        # Tells our write from an identical one by another replica when the save's answer is lost.
        notification = {**notification, "write_id": uuid.uuid4().hex}
        # Most repeats are sequential (a rerun, the next wake): answer them with a read.
        if (await self._dapr.get_state(key))[0] is not None:
            return False
        try:
            await self._dapr.save_state(
                key, notification, ttl_seconds=NOTIFICATION_TTL_SECONDS, first_write=True
            )
        except Exception as exc:
            # A lost race. Dapr's PostgreSQL store reports a first write onto an existing key
            # as a generic error ("no item was updated"), not as an ETag conflict, so look.
            held, _ = await self._dapr.get_state(key)
            if held is None:
                raise
            if isinstance(exc, StateConflict) or held.get("write_id") != notification["write_id"]:
                return False
        return True

    async def add_to_index(self, user_id: str, notification_id: str) -> None:
        """Put the id at the head of the user's index (idempotent)."""
        key = index_key(user_id)
        for attempt in range(ETAG_ATTEMPTS):
            value, etag = await self._dapr.get_state(key)
            ids = _ids(value)
            updated = with_id(ids, notification_id)
            if updated is ids:
                return
            try:
                await self._dapr.save_state(
                    key, {"ids": updated}, ttl_seconds=NOTIFICATION_TTL_SECONDS, etag=etag, first_write=True
                )
                return
            except StateConflict:
                pass
            except Exception:
                # Creating the index raced another writer (see record()); anything else is real.
                if etag is not None or (await self._dapr.get_state(key))[0] is None:
                    raise
            await asyncio.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
        raise StateConflict(key)

    async def index(self, user_id: str) -> list[str]:
        """The user's notification ids, newest first."""
        value, _ = await self._dapr.get_state(index_key(user_id))
        return _ids(value)

    async def get(self, notification_id: str) -> tuple[dict[str, Any] | None, str | None]:
        value, etag = await self._dapr.get_state(notification_key(notification_id))
        return (value if isinstance(value, dict) else None), etag

    async def get_many(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        """The notifications that still exist, in the order of `ids` (expired ones are skipped)."""
        if not ids:
            return []
        client = await self._dapr.sdk()
        resp = await client.get_bulk_state(
            self._dapr.settings.state_store, [notification_key(i) for i in ids], parallelism=10
        )
        by_key: dict[str, dict[str, Any]] = {}
        for item in resp.items:
            if item.data:
                value = json.loads(item.data)
                if isinstance(value, dict):
                    by_key[item.key] = value
        return [by_key[notification_key(i)] for i in ids if notification_key(i) in by_key]

    async def mark_read(
        self, user_id: str, notification_id: str, now: datetime, *, snoozed_until: str | None = None
    ) -> dict[str, Any]:
        """The notification, now read; with `snoozed_until` (a snooze), also noted as coming
        back then, so the list can say so after a reload. NotificationNotFound unless it is
        this user's."""
        key = notification_key(notification_id)
        for attempt in range(ETAG_ATTEMPTS):
            value, etag = await self.get(notification_id)
            if value is None or value.get("user_id") != user_id:
                raise NotificationNotFound(other_user=value is not None)
            if value.get("read") and snoozed_until in (None, value.get("snoozed_until")):
                return value
            updated = {**value, "read": True}
            if snoozed_until is not None:
                updated["snoozed_until"] = snoozed_until
            try:
                await self._dapr.save_state(
                    key,
                    updated,
                    ttl_seconds=remaining_ttl(str(value["created_at"]), now),
                    etag=etag,
                    first_write=True,
                )
                return updated
            except StateConflict:
                await asyncio.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
        raise StateConflict(key)


def _ids(value: Any) -> list[str]:
    if isinstance(value, dict) and isinstance(value.get("ids"), list):
        return [str(i) for i in value["ids"]]
    return []
