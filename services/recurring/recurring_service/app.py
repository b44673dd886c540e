"""recurring-service: turns a completed recurring instance into the next one."""

import logging
from typing import Any

from fastapi import APIRouter, Request
from pydantic import ValidationError
from todo_common.errors import ApiError
from todo_common.events import CloudEvent, TaskEvent
from todo_common.inbox import Inbox
from todo_common.metrics import EVENTS_CONSUMED
from todo_common.platform import Platform, create_app

log = logging.getLogger(__name__)
events = APIRouter(prefix="/events", include_in_schema=False)


def _inbox(request: Request) -> Inbox:
    platform: Platform = request.app.state.platform
    return Inbox(platform.dapr, "recurring-service")


@events.post("/task-completed")
async def task_completed(request: Request, envelope: CloudEvent) -> dict[str, Any]:
    try:
        event = TaskEvent.model_validate(envelope.data)
    except ValidationError as exc:
        EVENTS_CONSUMED.labels(envelope.topic or "?", envelope.type, "invalid").inc()
        log.warning("invalid event", extra={"event_id": envelope.id})
        raise ApiError(422, "validation_error", "Not a v1 task event.") from exc
    if not await _inbox(request).claim(str(event.event_id)):
        EVENTS_CONSUMED.labels(envelope.topic or "?", event.event_type.value, "duplicate").inc()
        return {"status": "SUCCESS"}
    EVENTS_CONSUMED.labels(envelope.topic or "?", event.event_type.value, "applied").inc()
    return {"status": "SUCCESS"}


@events.post("/task-other")
async def task_other(envelope: CloudEvent) -> dict[str, Any]:
    """Every other task event: acknowledged, nothing to do."""
    EVENTS_CONSUMED.labels(envelope.topic or "?", envelope.type, "ignored").inc()
    return {"status": "SUCCESS"}


app = create_app(title="recurring-service", routers=[events])
