"""notification-service: woken by the reminder-cron binding to send due reminders; serves
each user's in-app notifications (list, mark read, live stream).

Dapr wiring, all here: input binding `reminder-cron` → POST /reminder-cron; invocation of
task-service's /internal/reminders/*; state store for notifications; `task-reminders` topic
for reminder.due; optional output binding `reminder-outbound`; Jobs API (the scheduler)
for snoozes and for on-time reminders between cron ticks (wakes.py), whose jobs the sidecar
delivers to POST /job/<name>."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Header, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from prometheus_client import Counter
from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, field_validator
from todo_common.dapr import Dapr, SidecarUnavailable
from todo_common.errors import ApiError, error_response, not_found, validation_error
from todo_common.events import TASK_REMINDERS, TaskEvent
from todo_common.logs import log_security_event
from todo_common.platform import Platform, create_app

from notification_service.adapters.outbound import OutboundChannel
from notification_service.adapters.store import NotificationNotFound, NotificationStore
from notification_service.adapters.tasks import TaskReminders
from notification_service.deps import CurrentUser, Scan, SnoozeService, Store, Wakes
from notification_service.domain.reminders import public_view, wake_time
from notification_service.domain.snooze import (
    JOB_PREFIX,
    MAX_MINUTES,
    SnoozeInvalid,
    SnoozeJob,
    snoozed_until,
)
from notification_service.scan import Publish, ReminderScan, utcnow
from notification_service.settings import NotificationSettings
from notification_service.snooze import Snoozes
from notification_service.stream import notification_events
from notification_service.wakes import ReminderWakes

log = logging.getLogger(__name__)
settings = NotificationSettings()
CRON_WAKES = Counter("reminder_cron_wakes_total", "Wake-ups from the reminder-cron binding")
SNOOZE_JOBS = Counter("snooze_jobs", "Snooze jobs delivered by the scheduler, by outcome", ["outcome"])

cron = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/notifications", tags=["notifications"])


@cron.post("/reminder-cron")
async def reminder_cron(scan: Scan, wakes: Wakes) -> dict[str, Any]:
    """Every wake is a full scan. Overlapping wakes (or replicas) are safe: see scan.py.
    Then a wake job for each reminder due before the next tick (wakes.py)."""
    CRON_WAKES.inc()
    result = await scan.run()
    counts: dict[str, Any] = {"due": result.due, "notified": result.notified, "failed": result.failed}
    if result.due:
        log.info("reminder scan", extra=counts)
    try:
        counts["wakes"] = await wakes.plan()
    except Exception as exc:  # the next tick sends them instead, up to a period late
        log.warning("reminder wakes not planned; the cron sends them", extra={"reason": str(exc)[:200]})
        counts["wakes"] = None
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


class SnoozeIn(BaseModel):
    """Exactly one of the two (minProperties/maxProperties say so in the schema)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"minProperties": 1, "maxProperties": 1})
    minutes: Annotated[
        int | None,
        Field(strict=True, ge=1, le=MAX_MINUTES),
        WithJsonSchema({"type": "integer", "minimum": 1, "maximum": MAX_MINUTES}),
    ] = None
    until: Annotated[
        str | None,
        Field(max_length=64),
        WithJsonSchema(
            {
                "type": "string",
                "format": "date-time",
                "maxLength": 64,
                "description": "ISO 8601 with an offset, in the future, at most 7 days away",
            }
        ),
    ] = None

    @field_validator("minutes", "until", mode="before")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        # Leave a field out rather than send null (the schema has no null).
        if value is None:
            raise ValueError("must not be null")
        return value


@api.post("/{notification_id}/snooze")
async def snooze(
    notification_id: str, body: SnoozeIn, user: CurrentUser, snoozes: SnoozeService
) -> dict[str, Any]:
    """Mark the notification read and bring it back, as a new notification, `minutes` from
    now or at `until` (the task's own reminder time does not change). Snoozing it again
    replaces the earlier time. The answer: the notification and `snoozed_until`."""
    now = utcnow()
    try:
        until = snoozed_until(body.minutes, body.until, now)
    except SnoozeInvalid as exc:
        raise validation_error("The snooze is not valid.", exc.fields) from None
    try:
        notification = await snoozes.snooze(user.id, notification_id, until, now)
    except NotificationNotFound as exc:
        if exc.other_user:
            log_security_event("cross_user_access", resource="notification", notification_id=notification_id)
        raise not_found("Notification") from None
    except SidecarUnavailable:
        log.warning("snooze not scheduled", exc_info=True, extra={"notification_id": notification_id})
        raise ApiError(
            503,
            "unavailable",
            "The snooze could not be scheduled; try again shortly.",
            headers={"Retry-After": "1"},
        ) from None
    return public_view(notification)  # with snoozed_until, the time it comes back


@cron.post("/job/{name}")
async def job_triggered(name: str, request: Request, snoozes: SnoozeService, wakes: Wakes) -> JSONResponse:
    """A job of ours is due (the sidecar delivers it from the scheduler). 200 when done or
    when there is nothing to do (Dapr would retry anything else); 503 on a transient
    failure, so that it does retry."""
    if (at := wake_time(name)) is not None:
        try:
            result = await wakes.wake(at)
        except Exception:
            log.exception("reminder wake failed; the scheduler retries it", extra={"job": name})
            return error_response(503, "unavailable", "The reminder scan could not run yet.")
        if result.due:
            log.info(
                "reminder wake",
                extra={"due": result.due, "notified": result.notified, "failed": result.failed},
            )
        return JSONResponse({"status": "ok", "notified": result.notified})
    if not name.startswith(JOB_PREFIX):
        log.warning("unknown job delivered; dropped", extra={"job": name})
        SNOOZE_JOBS.labels("unknown").inc()
        return JSONResponse({"status": "unknown_job"})
    try:
        job = SnoozeJob.from_data(await request.json())
    except ValueError as exc:  # also a body that is not JSON
        log.error("snooze job with unusable data; dropped", extra={"job": name, "reason": str(exc)[:200]})
        SNOOZE_JOBS.labels("invalid").inc()
        return JSONResponse({"status": "invalid_job"})
    try:
        outcome = await snoozes.fire(job)
    except Exception:
        log.exception("snooze job failed; the scheduler retries it", extra={"job": name})
        SNOOZE_JOBS.labels("failed").inc()
        return error_response(503, "unavailable", "The snoozed reminder could not be sent yet.")
    SNOOZE_JOBS.labels(outcome.value).inc()
    return JSONResponse({"status": outcome.value})


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
    tasks = TaskReminders(dapr)
    app.state.scan = scan = ReminderScan(tasks, store, _publisher(dapr), OutboundChannel(dapr))
    app.state.snoozes = Snoozes(store, tasks, dapr, scan.deliver)
    app.state.wakes = ReminderWakes(tasks, dapr, scan, settings.reminder_lookahead_seconds)
    yield


app = create_app(title="notification-service", routers=[cron, api], lifespan=lifespan, settings=settings)
