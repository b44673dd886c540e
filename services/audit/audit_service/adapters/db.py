"""The activity table (append-only) and the one write it takes."""

from sqlalchemy import Column, DateTime, MetaData, Table, Text, func
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncEngine
from todo_common.events import TaskEvent

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


async def record(engine: AsyncEngine, event: TaskEvent, topic: str, summary: str) -> bool:
    """Store the event once. False when its event_id was already stored (a redelivery)."""
    stmt = (
        postgresql.insert(activity)
        .values(
            event_id=event.event_id,
            user_id=event.user_id,
            task_id=event.task_id,
            type=event.event_type.value,
            topic=topic,
            occurred_at=event.timestamp,
            summary=summary,
            data=event.to_data(),
        )
        .on_conflict_do_nothing(index_elements=["event_id"])
    )
    async with engine.begin() as conn:
        result = await conn.execute(stmt)
    return result.rowcount == 1
