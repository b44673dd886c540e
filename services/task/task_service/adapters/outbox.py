"""The outbox relay: publishes committed task events through Dapr, in order, at least
once. Events wait in the outbox while the sidecar or the broker is down and go out when
they are back; consumers deduplicate by event_id.

Order: rows go out by id, and a batch stops at its first failure. With several replicas
each takes a batch with FOR UPDATE SKIP LOCKED, so no row is published by two of them at
once; a replica also leaves a task's rows alone while an earlier row of that task is still
unsent (held by another replica), so events of one task never overtake each other."""

import asyncio
import contextlib
import logging
import random
from collections.abc import Awaitable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from prometheus_client import Counter, Gauge
from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from task_service.adapters.tables import outbox

log = logging.getLogger(__name__)

OUTBOX_BACKLOG = Gauge("outbox_backlog", "Task events committed but not yet published")
OUTBOX_PUBLISHED = Counter("outbox_published", "Task events published from the outbox", ["type"])
OUTBOX_FAILURES = Counter("outbox_publish_failures", "Failed attempts to publish an outbox event")

# Published rows are kept a while for inspection, then pruned.
KEEP_SENT = timedelta(days=7)
PRUNE_EVERY = 600.0


class Publish(Protocol):
    """todo_common.dapr.Dapr.publish, or a fake in tests."""

    def __call__(
        self, topic: str, data: dict[str, Any], *, event_id: str, event_type: str, partition_key: str
    ) -> Awaitable[None]: ...


@dataclass(frozen=True)
class RelayRound:
    published: int
    failed: bool
    # A full batch: more rows are probably waiting, so go again at once.
    full: bool


class OutboxRelay:
    def __init__(
        self,
        engine: AsyncEngine,
        publish: Publish,
        *,
        batch_size: int = 100,
        poll_interval: float = 1.0,
        max_backoff: float = 5.0,
        publish_timeout: float = 10.0,
    ) -> None:
        self._engine, self._publish = engine, publish
        self.batch_size, self.poll_interval = batch_size, poll_interval
        self.max_backoff, self.publish_timeout = max_backoff, publish_timeout
        self._wakeup = asyncio.Event()
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def wake(self) -> None:
        """Called after a commit that wrote events: publish now rather than at the next poll."""
        self._wakeup.set()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="outbox-relay")

    async def stop(self, timeout: float = 5.0) -> None:
        """Let the current batch finish (so published rows get marked), then stop."""
        if self._task is None:
            return
        self._stopping.set()
        self._wakeup.set()
        try:
            await asyncio.wait_for(asyncio.shield(self._task), timeout)
        except TimeoutError:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._task = None

    async def _run(self) -> None:
        backoff = 0.0
        last_prune = 0.0
        loop = asyncio.get_running_loop()
        while not self._stopping.is_set():
            self._wakeup.clear()
            try:
                result = await self.run_once()
            except Exception as exc:  # the database is down: the same backoff as a broker outage
                log.warning("outbox relay round failed; will retry", extra={"error": repr(exc)})
                result = RelayRound(0, failed=True, full=False)
            await self._measure_backlog()
            if loop.time() - last_prune > PRUNE_EVERY:
                last_prune = loop.time()
                await self._prune()
            if result.failed:
                backoff = min(self.max_backoff, max(0.1, backoff * 2))
                # Pokes do not shorten a backoff: the broker is down either way.
                await self._sleep(self._stopping, backoff * random.uniform(0.8, 1.0))
            elif result.full:
                backoff = 0.0
            else:
                backoff = 0.0
                await self._sleep(self._wakeup, self.poll_interval)

    @staticmethod
    async def _sleep(event: asyncio.Event, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), seconds)

    async def run_once(self) -> RelayRound:
        """Publish one batch of unsent events in id order; stop at the first failure."""
        published = 0
        async with self._engine.begin() as conn:
            rows = (
                await conn.execute(
                    select(outbox.c.id, outbox.c.event_id, outbox.c.topic, outbox.c.event_type)
                    .add_columns(outbox.c.task_id, outbox.c.data)
                    .where(outbox.c.sent_at.is_(None))
                    .order_by(outbox.c.id)
                    .limit(self.batch_size)
                    .with_for_update(skip_locked=True)
                )
            ).all()
            if not rows:
                return RelayRound(0, failed=False, full=False)
            first_of_task: dict[str, int] = {}
            for row in rows:
                first_of_task.setdefault(row.task_id, row.id)
            # The oldest unsent row of each task, locked or not. If it is older than ours,
            # another replica holds it: our rows of that task must wait for it.
            heads = await conn.execute(
                select(outbox.c.task_id, func.min(outbox.c.id).label("head"))
                .where(outbox.c.sent_at.is_(None), outbox.c.task_id.in_(first_of_task))
                .group_by(outbox.c.task_id)
            )
            oldest: dict[str, int] = {row.task_id: row.head for row in heads}
            held_elsewhere = {
                task for task, first in first_of_task.items() if oldest.get(task, first) < first
            }
            sent: list[int] = []
            failed = False
            for row in rows:
                if row.task_id in held_elsewhere:
                    continue
                try:
                    await asyncio.wait_for(
                        self._publish(
                            row.topic,
                            row.data,
                            event_id=str(row.event_id),
                            event_type=row.event_type,
                            partition_key=row.task_id,
                        ),
                        self.publish_timeout,
                    )
                except Exception as exc:
                    failed = True
                    OUTBOX_FAILURES.inc()
                    log.warning(
                        "publishing an outbox event failed; will retry",
                        extra={"event_id": str(row.event_id), "error": str(exc) or type(exc).__name__},
                    )
                    await conn.execute(
                        update(outbox)
                        .where(outbox.c.id == row.id)
                        .values(
                            attempts=outbox.c.attempts + 1, last_error=(str(exc) or type(exc).__name__)[:500]
                        )
                    )
                    break
                sent.append(row.id)
                OUTBOX_PUBLISHED.labels(row.event_type).inc()
            if sent:
                await conn.execute(update(outbox).where(outbox.c.id.in_(sent)).values(sent_at=func.now()))
            published = len(sent)
        full = len(rows) == self.batch_size and published > 0 and not failed
        return RelayRound(published, failed=failed, full=full)

    async def _measure_backlog(self) -> None:
        try:
            async with self._engine.connect() as conn:
                backlog = await conn.scalar(select(func.count()).where(outbox.c.sent_at.is_(None)))
        except Exception:
            return  # the round already logged the outage
        OUTBOX_BACKLOG.set(backlog or 0)

    async def _prune(self) -> None:
        try:
            async with self._engine.begin() as conn:
                await conn.execute(
                    delete(outbox).where(
                        outbox.c.sent_at.isnot(None), outbox.c.sent_at < datetime.now(UTC) - KEEP_SENT
                    )
                )
        except Exception:
            log.exception("pruning the outbox failed")
