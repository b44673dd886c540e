"""audit-service: every task and reminder event, stored once, append-only; each user's
activity feed and dashboard statistics derived from it; every dead letter, stored once.

Dapr wiring, all here: declarative subscriptions (components/subscriptions.yaml) deliver
task-events to /events/task and task-reminders to /events/reminder in bulk (up to 100
messages of a partition per request), and both dead-letter topics to
/events/dead-letter; the database URL comes from the secret store; poison is published
to `<topic>-dlq` (todo_common.deadletter). The database unavailable is trouble, not
poison: RETRY, and the sidecar delivers the event again."""

import base64
import binascii
import hashlib
import json
import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any
from uuid import UUID
from zoneinfo import ZoneInfo

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy.exc import DataError, IntegrityError, SQLAlchemyError
from todo_common.db import open_database, ping
from todo_common.deadletter import (
    DEAD_LETTER_TYPE,
    DeadLetters,
    PoisonMessage,
    RetryLater,
    consume_bulk,
    retry,
)
from todo_common.errors import validation_error
from todo_common.events import TASK_EVENTS, TASK_REMINDERS, CloudEvent, TaskEvent
from todo_common.metrics import DEAD_LETTERS, EVENTS_CONSUMED
from todo_common.platform import Platform, create_app

from audit_service.adapters import db
from audit_service.deps import CurrentUser, Db
from audit_service.domain.stats import compute_stats, current_tasks
from audit_service.domain.summary import details, summarize
from audit_service.schemas import ActivityDetails, ActivityItem, ActivityPage

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "alembic"
# What the database refuses for good (a NUL character in a text, a value out of range):
# poison. Anything else from the database (down, restarting, out of connections, timed
# out) is trouble: the same event succeeds later.
REFUSED = (DataError, IntegrityError)
UNAVAILABLE = (SQLAlchemyError, OSError, TimeoutError)

events = APIRouter(prefix="/events", include_in_schema=False)
api = APIRouter(prefix="/api", tags=["activity"])


def _parse(envelope: CloudEvent) -> TaskEvent:
    try:
        return TaskEvent.model_validate(envelope.data)
    except ValidationError as exc:
        raise PoisonMessage(f"not a v1 task event ({exc.error_count()} errors)") from exc


async def _store(request: Request, topic: str) -> JSONResponse:
    engine = request.app.state.engine
    prepared: dict[str, TaskEvent] = {}  # envelope id -> its event
    stored: dict[UUID, bool] = {}  # event id -> stored now (False: a duplicate)

    async def store_together(messages: list[Any]) -> None:
        """Every valid event of the delivery in one insert, before the entries are handled.
        Only an optimisation: if the insert fails (the database down, or refusing one of
        the events), nothing is stored and each event takes the one-by-one path in
        handle(), which tells poison from trouble."""
        topics: dict[UUID, str] = {}
        for message in messages:
            try:
                envelope = CloudEvent.model_validate(message)
                event = TaskEvent.model_validate(envelope.data)
            except ValidationError:
                continue  # poison: dead-lettered one by one
            prepared[envelope.id] = event
            topics[event.event_id] = envelope.topic or topic
        events = {event.event_id: event for event in prepared.values()}
        if not events:
            return
        try:
            inserted = await db.record_many(
                engine, [(e, topics[e.event_id], summarize(e)) for e in events.values()]
            )
        except (*REFUSED, *UNAVAILABLE):
            return
        stored.update({event_id: event_id in inserted for event_id in events})

    async def handle(envelope: CloudEvent) -> None:
        event = prepared.get(envelope.id) or _parse(envelope)
        applied = stored.get(event.event_id)
        if applied is None:  # not stored together with the others: on its own
            try:
                applied = await db.record(engine, event, envelope.topic or topic, summarize(event))
            except REFUSED as exc:
                raise PoisonMessage(
                    f"the audit database refuses it: {type(exc.orig).__name__}", "refused"
                ) from exc
            except UNAVAILABLE as exc:
                raise RetryLater(f"the audit database is unavailable: {type(exc).__name__}") from exc
        outcome = "applied" if applied else "duplicate"
        EVENTS_CONSUMED.labels(envelope.topic or topic, event.event_type.value, outcome).inc()

    dead_letters = request.app.state.dead_letters
    return await consume_bulk(request, topic, dead_letters, handle, prepare=store_together)


@events.post("/task")
async def task_event(request: Request) -> JSONResponse:
    return await _store(request, TASK_EVENTS)


@events.post("/reminder")
async def reminder_event(request: Request) -> JSONResponse:
    return await _store(request, TASK_REMINDERS)


def dead_letter_entry(envelope: CloudEvent) -> tuple[str, dict[str, Any]]:
    """The key and columns of one dead letter. Raw payloads arrive base64 in the envelope.
    Three shapes: a record a consumer published (todo_common.deadletter: consumer and
    reason inside), a message the sidecar moved after its retries ran out (the original
    CloudEvent), or bytes that are neither."""
    encoded = getattr(envelope, "data_base64", None)
    raw: Any = envelope.data
    try:
        if isinstance(encoded, str):
            raw = base64.b64decode(encoded, validate=True)
        if isinstance(raw, bytes | str):
            raw = json.loads(raw)
    except (ValueError, binascii.Error):
        pass
    if isinstance(raw, dict) and raw.get("type") == DEAD_LETTER_TYPE and isinstance(raw.get("data"), dict):
        record = raw["data"]
        key = str(raw.get("id") or f"{record.get('consumer')}:{record.get('digest')}")
        return key, {
            "consumer": _text(record.get("consumer")),
            "event_id": _text(record.get("event_id")),
            "event_type": _text(record.get("event_type")),
            "reason": _text(record.get("reason")),
            "record": record,
        }
    if isinstance(raw, dict):
        inner = raw.get("data")
        data: dict[str, Any] = inner if isinstance(inner, dict) else {}
        event_id = _text(raw.get("id")) or _text(data.get("event_id"))
        digest = hashlib.sha256(json.dumps(raw, sort_keys=True).encode()).hexdigest()
        return f"sidecar:{event_id or digest}", {
            "consumer": None,
            "event_id": event_id,
            "event_type": _text(raw.get("type")) or _text(data.get("event_type")),
            "reason": "moved by the sidecar: undeliverable, or its retries ran out",
            "record": raw,
        }
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else str(raw)
    digest = hashlib.sha256(text.encode()).hexdigest()
    return f"sidecar:{digest}", {
        "consumer": None,
        "event_id": None,
        "event_type": None,
        "reason": "undecodable",
        "record": {"raw": text[:2000]},
    }


def _text(value: Any) -> str | None:
    return value[:500] if isinstance(value, str) and value else None


def _storable(value: Any) -> Any:
    """The value with what PostgreSQL text and jsonb refuse replaced: NUL characters and
    lone surrogates (a dead letter can hold anything; storing it must not fail)."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd").encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, dict):
        return {_storable(k): _storable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_storable(v) for v in value]
    return value


@events.post("/dead-letter")
async def dead_letter(request: Request, envelope: CloudEvent) -> Any:
    """Store, count and log every message on a dead-letter topic, whatever it holds: the
    subscription takes raw payloads, so a message that is not even a CloudEvent is kept
    instead of blocking its partition."""
    key, fields = dead_letter_entry(envelope)
    key, fields = _storable(key), _storable(fields)
    topic = envelope.topic or "?"
    engine = request.app.state.engine
    try:
        try:
            stored = await db.record_dead_letter(engine, key, topic, fields)
        except REFUSED as exc:  # never block the dead-letter topic: keep what can be kept
            reason = f"{fields.get('reason')}; not storable as is: {type(exc.orig).__name__}"
            fields = {**fields, "reason": reason, "record": {"unstorable": repr(fields.get("record"))[:2000]}}
            stored = await db.record_dead_letter(engine, key, topic, _storable(fields))
    except UNAVAILABLE as exc:
        log.warning("could not store a dead letter; the sidecar will retry", extra={"reason": repr(exc)})
        return retry("the audit database is unavailable")
    if stored:
        DEAD_LETTERS.labels(topic).inc()
        log.error(
            "dead letter",
            extra={"topic": topic, **{k: v for k, v in fields.items() if k != "record"}},
        )
    return {"status": "SUCCESS"}


@api.get("/activity")
async def activity(
    user: CurrentUser,
    engine: Db,
    task_id: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    tz: Annotated[
        str | None,
        Query(max_length=64, description="IANA time zone for the times in the summaries (else UTC)"),
    ] = None,
) -> ActivityPage:
    """The caller's activity, newest first, optionally for one task."""
    zone = _zone(tz) if tz is not None else None
    rows = await db.activity_for(engine, user.id, task_id, limit)
    return ActivityPage(items=[_entry(row, zone) for row in rows])


def _entry(row: Mapping[str, Any], zone: ZoneInfo | None) -> ActivityItem:
    """One entry: its summary told again from the stored event, its times in `zone` (UTC
    when None), so entries stored when times were written otherwise read as today's; and
    the details, from the same event. An entry whose event no longer reads as one keeps its
    stored summary and has no details."""
    try:
        event: TaskEvent | None = TaskEvent.model_validate(row["data"])
    except ValidationError:
        event = None
    return ActivityItem(
        event_id=str(row["event_id"]),
        type=row["type"],
        task_id=row["task_id"],
        occurred_at=_iso(row["occurred_at"]),
        summary=summarize(event, zone or UTC) if event is not None else str(row["summary"]),
        details=ActivityDetails.model_validate(details(event)) if event is not None else None,
    )


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
    # Every statement here is a whole change on its own (an insert, a read).
    engine = await open_database(
        platform.dapr, "audit-db-url", MIGRATIONS, autocommit=True, pool_size=platform.settings.db_pool_size
    )
    app.state.engine = engine
    app.state.dead_letters = DeadLetters(platform.dapr, "audit-service")

    async def database() -> None:
        await ping(engine)

    platform.readiness.append(("database", database))
    try:
        yield
    finally:
        await engine.dispose()


app = create_app(title="audit-service", routers=[events, api], lifespan=lifespan)
