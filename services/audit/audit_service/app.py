"""audit-service: every task and reminder event, stored once, append-only."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from pydantic import ValidationError
from todo_common.db import open_database, ping
from todo_common.errors import ApiError
from todo_common.events import CloudEvent, TaskEvent
from todo_common.metrics import DEAD_LETTERS, EVENTS_CONSUMED
from todo_common.platform import Platform, create_app

from audit_service.adapters import db
from audit_service.domain.summary import summarize

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "alembic"

events = APIRouter(prefix="/events", include_in_schema=False)


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


@events.post("/dead-letter")
async def dead_letter(envelope: CloudEvent) -> dict[str, Any]:
    DEAD_LETTERS.labels(envelope.topic or "?").inc()
    log.error("dead letter", extra={"event_id": envelope.id, "topic": envelope.topic, "type": envelope.type})
    return {"status": "SUCCESS"}


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


app = create_app(title="audit-service", routers=[events], lifespan=lifespan)
