"""audit-service: every task and reminder event, stored once, append-only; each user's
activity feed and dashboard statistics derived from it.

Dapr wiring, all here: declarative subscriptions (components/subscriptions.yaml) deliver
task-events to /events/task, task-reminders to /events/reminder and both dead-letter
topics to /events/dead-letter; the database URL comes from the secret store."""

import base64
import binascii
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, FastAPI, Query, Request
from pydantic import ValidationError
from todo_common.db import open_database, ping
from todo_common.errors import ApiError, validation_error
from todo_common.events import CloudEvent, TaskEvent
from todo_common.metrics import DEAD_LETTERS, EVENTS_CONSUMED
from todo_common.platform import Platform, create_app

from audit_service.adapters import db
from audit_service.deps import CurrentUser, Db
from audit_service.domain.stats import compute_stats, current_tasks
from audit_service.domain.summary import summarize

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "alembic"

events = APIRouter(prefix="/events", include_in_schema=False)
api = APIRouter(prefix="/api", tags=["activity"])


def _parse(envelope: CloudEvent) -> TaskEvent:
    try:
        return TaskEvent.model_validate(envelope.data)
    except ValidationError as exc:
        # Refused: the resiliency policy retries, then Dapr moves it to the dead-letter topic.
        EVENTS_CONSUMED.labels(envelope.topic or "?", envelope.type, "invalid").inc()
        log.warning("invalid event", extra={"event_id": envelope.id, "errors": exc.error_count()})
        raise ApiError(422, "validation_error", "Not a v1 task event.") from exc


async def _store(request: Request, envelope: CloudEvent) -> dict[str, Any]:
    event = _parse(envelope)
    applied = await db.record(request.app.state.engine, event, envelope.topic or "", summarize(event))
    outcome = "applied" if applied else "duplicate"
    EVENTS_CONSUMED.labels(envelope.topic or "?", event.event_type.value, outcome).inc()
    return {"status": "SUCCESS"}


@events.post("/task")
async def task_event(request: Request, envelope: CloudEvent) -> dict[str, Any]:
    return await _store(request, envelope)


@events.post("/reminder")
async def reminder_event(request: Request, envelope: CloudEvent) -> dict[str, Any]:
    return await _store(request, envelope)


def dead_letter_origin(envelope: CloudEvent) -> dict[str, Any]:
    """The id and type of the message that was dead-lettered (raw payloads arrive base64)."""
    raw = getattr(envelope, "data_base64", None) or envelope.data
    try:
        if isinstance(raw, str) and getattr(envelope, "data_base64", None):
            raw = json.loads(base64.b64decode(raw))
        elif isinstance(raw, str | bytes):
            raw = json.loads(raw)
    except (ValueError, binascii.Error):
        return {"event_id": None, "type": None, "raw": str(raw)[:200]}
    if isinstance(raw, dict):
        event_id = raw.get("id") or raw.get("event_id")
        return {"event_id": event_id, "type": raw.get("type") or raw.get("event_type")}
    return {"event_id": None, "type": None, "raw": str(raw)[:200]}


@events.post("/dead-letter")
async def dead_letter(envelope: CloudEvent) -> dict[str, Any]:
    """Count and log every message on a dead-letter topic, whatever it holds: the
    subscription takes raw payloads, so a message that is not even a CloudEvent is counted
    instead of blocking its partition."""
    original = dead_letter_origin(envelope)
    DEAD_LETTERS.labels(envelope.topic or "?").inc()
    log.error("dead letter", extra={"topic": envelope.topic, **original})
    return {"status": "SUCCESS"}


@api.get("/activity")
async def activity(
    user: CurrentUser,
    engine: Db,
    task_id: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict[str, list[dict[str, Any]]]:
    """The caller's activity, newest first, optionally for one task."""
    rows = await db.activity_for(engine, user.id, task_id, limit)
    return {
        "items": [
            {
                "event_id": str(r["event_id"]),
                "type": r["type"],
                "task_id": r["task_id"],
                "occurred_at": _iso(r["occurred_at"]),
                "summary": r["summary"],
            }
            for r in rows
        ]
    }


@api.get("/stats")
async def stats(
    user: CurrentUser,
    engine: Db,
    days: Annotated[int, Query(ge=1, le=365)] = 30,
    tz: Annotated[str, Query(max_length=64, description="IANA time zone for days and the streak")] = "UTC",
) -> dict[str, Any]:
    """Dashboard figures from the caller's event log (see domain/stats.py)."""
    zone = _zone(tz)
    tasks = current_tasks(await db.latest_task_events(engine, user.id))
    result = compute_stats(tasks, now=datetime.now(UTC), days=days, tz=zone)
    return {
        "completed_per_day": result.completed_per_day,
        "open_by_priority": result.open_by_priority,
        "by_tag": result.by_tag,
        "completion_rate": result.completion_rate,
        "current_streak": result.current_streak,
        "overdue": result.overdue,
        "days": days,
        "tz": tz,
    }


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except Exception:  # unknown names, paths, empty: all the caller's mistake
        raise validation_error(
            "Unknown time zone.", {"tz": "must be an IANA time zone such as Europe/Berlin"}
        ) from None


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


@asynccontextmanager
async def lifespan(app: FastAPI, platform: Platform) -> AsyncIterator[None]:
    engine = await open_database(platform.dapr, "audit-db-url", MIGRATIONS)
    app.state.engine = engine

    async def database() -> None:
        await ping(engine)

    platform.readiness.append(("database", database))
    try:
        yield
    finally:
        await engine.dispose()


app = create_app(title="audit-service", routers=[events, api], lifespan=lifespan)
