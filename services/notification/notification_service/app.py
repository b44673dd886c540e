"""notification-service: woken by the reminder-cron binding to send due reminders; serves
each user's in-app notifications (list, mark read, live stream).

Dapr wiring, all here: input binding `reminder-cron` → POST /reminder-cron; invocation of
task-service's /internal/reminders/*; state store for notifications; `task-reminders` topic
for reminder.due; optional output binding `reminder-outbound`."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Header, Query, Request
from fastapi.responses import StreamingResponse
from prometheus_client import Counter
from todo_common.dapr import Dapr
from todo_common.errors import not_found
from todo_common.events import TASK_REMINDERS, TaskEvent
from todo_common.logs import log_security_event
from todo_common.platform import Platform, create_app

from notification_service.adapters.outbound import OutboundChannel
from notification_service.adapters.store import NotificationNotFound, NotificationStore
from notification_service.adapters.tasks import TaskReminders
from notification_service.deps import CurrentUser, Scan, Store
from notification_service.domain.reminders import public_view
from notification_service.scan import Publish, ReminderScan, utcnow
from notification_service.settings import NotificationSettings
from notification_service.stream import notification_events

log = logging.getLogger(__name__)
settings = NotificationSettings()
CRON_WAKES = Counter("reminder_cron_wakes_total", "Wake-ups from the reminder-cron binding")

cron = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/notifications", tags=["notifications"])


@cron.post("/reminder-cron")
async def reminder_cron(scan: Scan) -> dict[str, Any]:
    """Every wake is a full scan. Overlapping wakes (or replicas) are safe: see scan.py."""
    CRON_WAKES.inc()
    result = await scan.run()
    counts = {"due": result.due, "notified": result.notified, "failed": result.failed}
    if result.due:
        log.info("reminder scan", extra=counts)
    return {"status": "ok", **counts}


@api.get("")
async def list_notifications(
    user: CurrentUser,
    store: Store,
    unread: bool = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict[str, list[dict[str, Any]]]:
    """The user's notifications, newest first; with unread=true only those not yet read."""
    ids = await store.index(user.id)
    items: list[dict[str, Any]] = []
    # The index is newest first; read it a page at a time until `limit` match.
    for start in range(0, len(ids), limit):
        for notification in await store.get_many(ids[start : start + limit]):
            if notification.get("user_id") == user.id and not (unread and notification.get("read")):
                items.append(public_view(notification))
        if len(items) >= limit:
            break
    items.sort(key=lambda n: str(n["created_at"]), reverse=True)
    return {"items": items[:limit]}


@api.post("/{notification_id}/read")
async def mark_read(notification_id: str, user: CurrentUser, store: Store) -> dict[str, Any]:
    try:
        notification = await store.mark_read(user.id, notification_id, utcnow())
    except NotificationNotFound as exc:
        if exc.other_user:
            log_security_event("cross_user_access", resource="notification", notification_id=notification_id)
        raise not_found("Notification") from None
    return public_view(notification)


class EventStream(StreamingResponse):
    media_type = "text/event-stream"


# One server-sent event; `data` is a notification as JSON (the items of GET /api/notifications).
SSE_EVENT = {
    "type": "object",
    "properties": {
        "id": {"type": "string"},
        "event": {"type": "string", "enum": ["notification"]},
        "data": {"type": "string", "contentMediaType": "application/json"},
        "retry": {"type": "integer"},
    },
}


@api.get(
    "/stream",
    response_class=EventStream,
    responses={200: {"content": {"text/event-stream": {"schema": SSE_EVENT}}}},
)
async def stream(
    request: Request,
    user: CurrentUser,
    store: Store,
    last_event_id: Annotated[str | None, Header(max_length=100)] = None,
) -> StreamingResponse:
    """Server-sent events of the user's new notifications (see stream.py: bounded windows
    that an EventSource chains by reconnecting with Last-Event-ID)."""
    events = notification_events(
        store,
        user.id,
        last_event_id=last_event_id,
        disconnected=request.is_disconnected,
        timing=settings.stream_timing,
    )
    return StreamingResponse(
        events,
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no"},
    )


def _publisher(dapr: Dapr) -> Publish:
    """reminder.due on task-reminders; the CloudEvent id is the event_id (the reminder's id)."""

    async def publish(event: TaskEvent) -> None:
        await dapr.publish(
            TASK_REMINDERS,
            event.to_data(),
            event_id=str(event.event_id),
            event_type=event.event_type.value,
            partition_key=event.task_id,
        )

    return publish


@asynccontextmanager
async def lifespan(app: FastAPI, platform: Platform) -> AsyncIterator[None]:
    dapr = platform.dapr
    app.state.store = store = NotificationStore(dapr)
    app.state.scan = ReminderScan(TaskReminders(dapr), store, _publisher(dapr), OutboundChannel(dapr))
    yield


app = create_app(title="notification-service", routers=[cron, api], lifespan=lifespan, settings=settings)
