"""The activity table (append-only), the one write it takes and the reads behind
/api/activity and /api/stats."""

import json
from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Identity,
    Integer,
    MetaData,
    Table,
    Text,
    bindparam,
    case,
    cast,
    func,
    select,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncEngine
from todo_common.events import TaskEvent

from audit_service.domain.stats import DELETED, TASK_EVENT_TYPES, LoggedEvent

metadata = MetaData()

activity = Table(
    "activity",
    metadata,
    Column("event_id", postgresql.UUID(as_uuid=True), primary_key=True),
    Column("user_id", Text, nullable=False),
    Column("task_id", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("topic", Text, nullable=False),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
    Column("received_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
    Column("summary", Text, nullable=False),
    Column("data", postgresql.JSONB, nullable=False),
)

dead_letters = Table(
    "dead_letters",
    metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("key", Text, nullable=False, unique=True),
    Column("topic", Text, nullable=False),
    Column("consumer", Text),
    Column("event_id", Text),
    Column("event_type", Text),
    Column("reason", Text),
    Column("received_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
    Column("record", postgresql.JSONB, nullable=False),
)


# What record_many writes per event, and the array type its parameter is sent as.
_RECORDED: dict[str, Any] = {
    "event_id": postgresql.UUID(as_uuid=True),
    "user_id": Text,
    "task_id": Text,
    "type": Text,
    "topic": Text,
    "occurred_at": DateTime(timezone=True),
    "summary": Text,
    "data": Text,  # JSON text, cast to jsonb in the statement
}


def _record_many_statement() -> Any:
    """INSERT ... SELECT FROM unnest(:event_id, :user_id, ...) ON CONFLICT DO NOTHING
    RETURNING event_id: one array per column, so the statement is the same for any number
    of events (built and prepared once; a VALUES list per batch was compiled anew each
    time, a fifth of the service's CPU under load)."""
    names = list(_RECORDED)
    rows = (
        func.unnest(*(bindparam(n, type_=postgresql.ARRAY(t)) for n, t in _RECORDED.items()))
        .table_valued(*names)
        .render_derived("r")
    )
    values = select(*(cast(rows.c[n], postgresql.JSONB) if n == "data" else rows.c[n] for n in names))
    return (
        postgresql.insert(activity)
        .from_select(names, values)
        .on_conflict_do_nothing(index_elements=["event_id"])
        .returning(activity.c.event_id)
    )


_RECORD_MANY = _record_many_statement()


async def record_many(engine: AsyncEngine, items: Sequence[tuple[TaskEvent, str, str]]) -> set[UUID]:
    """Store each (event, topic, summary) once, in one statement. Returns the ids of the
    events stored now; the others had been stored before (redeliveries)."""
    rows = [
        {
            "event_id": event.event_id,
            "user_id": event.user_id,
            "task_id": event.task_id,
            "type": event.event_type.value,
            "topic": topic,
            "occurred_at": event.timestamp,
            "summary": summary,
            "data": json.dumps(event.to_data()),
        }
        for event, topic, summary in items
    ]
    columns = {name: [row[name] for row in rows] for name in _RECORDED}
    async with engine.begin() as conn:
        return {row.event_id for row in await conn.execute(_RECORD_MANY, columns)}


async def record(engine: AsyncEngine, event: TaskEvent, topic: str, summary: str) -> bool:
    """Store the event once. False when its event_id was already stored (a redelivery)."""
    return event.event_id in await record_many(engine, [(event, topic, summary)])


async def activity_for(
    engine: AsyncEngine, user_id: str, task_id: str | None, limit: int
) -> list[dict[str, Any]]:
    """The user's entries, newest first (by when they happened, then when they arrived),
    each with its event (`data`)."""
    columns = [
        activity.c.event_id,
        activity.c.type,
        activity.c.task_id,
        activity.c.occurred_at,
        activity.c.summary,
        activity.c.data,
    ]
    stmt = select(*columns).where(activity.c.user_id == user_id)
    if task_id is not None:
        stmt = stmt.where(activity.c.task_id == task_id)
    stmt = stmt.order_by(activity.c.occurred_at.desc(), activity.c.received_at.desc()).limit(limit)
    async with engine.connect() as conn:
        return [dict(row) for row in (await conn.execute(stmt)).mappings()]


_SNAPSHOT = activity.c.data["payload"]["task"]
_VERSION_TEXT = _SNAPSHOT["version"].astext


async def latest_task_events(engine: AsyncEngine, user_id: str) -> list[LoggedEvent]:
    """Each of the user's tasks' newest task event (by the snapshot's version; at equal
    versions a deletion), as the statistics read them. The database narrows the log to one
    row per task; domain.stats.current_tasks applies the same rule and drops deleted tasks."""
    version = case((_VERSION_TEXT.regexp_match("^[0-9]{1,9}$"), cast(_VERSION_TEXT, Integer)), else_=0)
    stmt = (
        select(activity.c.type, activity.c.task_id, activity.c.occurred_at, _SNAPSHOT.label("task"))
        .where(activity.c.user_id == user_id, activity.c.type.in_(sorted(TASK_EVENT_TYPES)))
        .order_by(
            activity.c.task_id,
            version.desc(),
            (activity.c.type == DELETED).desc(),
            activity.c.occurred_at.desc(),
        )
        .distinct(activity.c.task_id)
    )
    async with engine.connect() as conn:
        rows = (await conn.execute(stmt)).all()
    return [
        LoggedEvent(type=r.type, task_id=r.task_id, occurred_at=r.occurred_at, task=r.task or {})
        for r in rows
    ]


async def record_dead_letter(engine: AsyncEngine, key: str, topic: str, fields: dict[str, Any]) -> bool:
    """Store a dead letter once per key. False when it was stored before (a redelivery)."""
    stmt = (
        postgresql.insert(dead_letters)
        .values(
            key=key,
            topic=topic,
            consumer=fields.get("consumer"),
            event_id=fields.get("event_id"),
            event_type=fields.get("event_type"),
            reason=fields.get("reason"),
            record=fields.get("record"),
        )
        .on_conflict_do_nothing(index_elements=["key"])
        # Explicit: with a server-made id SQLAlchemy adds RETURNING, and rowcount is no
        # longer the number of rows inserted.
        .returning(dead_letters.c.id)
    )
    async with engine.begin() as conn:
        result = await conn.execute(stmt)
        return result.first() is not None
