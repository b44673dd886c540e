"""The optional outbound channel (webhook or e-mail): a Dapr output binding named
`reminder-outbound`. It is on exactly when the sidecar has loaded such a component, so
enabling it is a component YAML (components-optional/), never a code or settings change."""

import json
import logging
import time
from typing import Any

from todo_common.dapr import Dapr

log = logging.getLogger(__name__)

BINDING_NAME = "reminder-outbound"
# Components load when the sidecar starts; look again now and then, not on every reminder.
RECHECK_SECONDS = 300.0


def binding_operation(component_type: str) -> str:
    """The operation each binding type takes to send one message."""
    return "post" if component_type == "bindings.http" else "create"


class OutboundChannel:
    def __init__(self, dapr: Dapr, name: str = BINDING_NAME) -> None:
        self._dapr, self._name = dapr, name
        self._operation: str | None = None
        self._checked_at: float | None = None

    async def _resolve(self) -> str | None:
        """The binding's operation when the component is loaded, else None."""
        now = time.monotonic()
        if self._checked_at is not None and now - self._checked_at < RECHECK_SECONDS:
            return self._operation
        client = await self._dapr.sdk()
        meta = await client.get_metadata()
        found = next((c for c in meta.registered_components if c.name == self._name), None)
        self._operation = binding_operation(found.type) if found is not None else None
        self._checked_at = now
        return self._operation

    async def send(self, notification: dict[str, Any]) -> bool:
        """Send one notification out. False when no channel is configured. Best effort:
        the in-app notification is the record; a failure here is logged, not retried."""
        try:
            operation = await self._resolve()
            if operation is None:
                return False
            client = await self._dapr.sdk()
            await client.invoke_binding(
                self._name,
                operation,
                json.dumps(notification),
                binding_metadata={"subject": f"Reminder: {notification.get('title', '')}"},
            )
        except Exception:
            log.exception("outbound notification failed", extra={"notification_id": notification.get("id")})
            return False
        return True
