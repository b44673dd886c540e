"""The outbox relay: publishes committed task events through Dapr, in order, at least
once. Events wait in the outbox while the sidecar or the broker is down and go out when
they are back; consumers deduplicate by event_id.

Each round publishes a batch of rows with one bulk call to the sidecar (one producer
request to the broker), after lingering 10 ms when a commit woke it, so that concurrent
commits share a round; a batch holds the oldest unsent event of each task only, and a
task's next event waits for the next round. Order: rows go out by id, and a batch stops
at its first failure. With several replicas
each takes a batch with FOR UPDATE SKIP LOCKED, so no row is published by two of them at
once; a replica also leaves a task's rows alone while an earlier row of that task is still
unsent (held by another replica), so events of one task never overtake each other."""

import asyncio
import contextlib
import itertools
import logging
import random
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from prometheus_client import Counter, Gauge
from sqlalchemy import Row, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from todo_common.dapr import OutgoingEvent

from task_service.adapters.tables import outbox

log = logging.getLogger(__name__)

OUTBOX_BACKLOG = Gauge("outbox_backlog", "Task events committed but not yet published")
OUTBOX_PUBLISHED = Counter("outbox_published", "Task events published from the outbox", ["type"])
OUTBOX_FAILURES = Counter("outbox_publish_failures", "Failed attempts to publish an outbox event")

# Published rows are kept a while for inspection, then pruned.
KEEP_SENT = timedelta(days=7)
PRUNE_EVERY = 600.0
# The backlog gauge is a count(*): taken when the relay goes idle, and at most this often
# while it is busy.
BACKLOG_EVERY = 2.0


class PublishBatch(Protocol):
    """todo_common.dapr.Dapr.publish_bulk, or a fake in tests: publishes the events to the
    topic in one call and returns the ids of those that failed; raises when none went."""

    def __call__(self, topic: str, events: Sequence[OutgoingEvent]) -> Awaitable[set[str]]: ...


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
        publish: PublishBatch,
        *,
        batch_size: int = 100,
        poll_interval: float = 1.0,
        linger: float = 0.01,
        max_backoff: float = 5.0,
        publish_timeout: float = 10.0,
    ) -> None:
        self._engine, self._publish = engine, publish
        self.batch_size, self.poll_interval, self.linger = batch_size, poll_interval, linger
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
        last_prune = last_backlog = 0.0
        loop = asyncio.get_running_loop()
        while not self._stopping.is_set():
            self._wakeup.clear()
            try:
                result = await self.run_once()
            except Exception as exc:  # the database is down: the same backoff as a broker outage
                log.warning("outbox relay round failed; will retry", extra={"error": repr(exc)})
                result = RelayRound(0, failed=True, full=False)
            if loop.time() - last_backlog > BACKLOG_EVERY or not (result.full or result.published):
                last_backlog = loop.time()
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
                if await self._sleep(self._wakeup, self.poll_interval) and self.linger:
                    # Woken by a commit: wait a moment so that the commits of other
                    # requests in flight go out in the same batch (one call, one
                    # producer request) instead of one round each.
                    await asyncio.sleep(self.linger)
        await self._measure_backlog()

    @staticmethod
    async def _sleep(event: asyncio.Event, seconds: float) -> bool:
        """Sleep until the event is set (True) or for `seconds` (False)."""
        try:
            await asyncio.wait_for(event.wait(), seconds)
        except TimeoutError:
            return False
        return True

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
            # One event per task per round: the broker keeps the order of separate calls,
            # but within one batch a retried message can land after a later one of its
            # partition. A task's next event goes in the next round, after this one is
            # acknowledged.
            ready, waiting = [], False
            for row in rows:
                if row.task_id in held_elsewhere:
                    continue
                if first_of_task[row.task_id] != row.id:
                    waiting = True
                    continue
                ready.append(row)
            sent, failed = await self._publish_in_order(conn, ready)
            if sent:
                await conn.execute(update(outbox).where(outbox.c.id.in_(sent)).values(sent_at=func.now()))
            published = len(sent)
        full = (len(rows) == self.batch_size or waiting) and published > 0 and not failed
        return RelayRound(published, failed=failed, full=full)

    async def _publish_in_order(
        self, conn: AsyncConnection, rows: Sequence[Row[Any]]
    ) -> tuple[list[int], bool]:
        """Publish the rows, one bulk call per run of rows with the same topic, stopping
        at the first call with a failure. Returns the ids of the rows published and
        whether something failed.

        Within a call, the rows that failed are left unsent and the others are marked sent
        (publishing them again would duplicate them). A call holds at most one event per
        task, so a partial failure cannot put a task's events out of order."""
        sent: list[int] = []
        for topic, group in itertools.groupby(rows, key=lambda row: str(row.topic)):
            batch = list(group)
            events = [
                OutgoingEvent(str(row.event_id), row.event_type, row.task_id, row.data) for row in batch
            ]
            try:
                failed_ids = await asyncio.wait_for(self._publish(topic, events), self.publish_timeout)
            except Exception as exc:
                failed_ids = {e.event_id for e in events}
                error = str(exc) or type(exc).__name__
            else:
                error = "the broker refused it"
            for row in batch:
                if str(row.event_id) not in failed_ids:
                    sent.append(row.id)
                    OUTBOX_PUBLISHED.labels(row.event_type).inc()
            if failed_ids:
                OUTBOX_FAILURES.inc(len(failed_ids))
                log.warning(
                    "publishing outbox events failed; will retry",
                    extra={"failed": len(failed_ids), "of": len(batch), "error": error},
                )
                await conn.execute(
                    update(outbox)
                    .where(outbox.c.id.in_([r.id for r in batch if str(r.event_id) in failed_ids]))
                    .values(attempts=outbox.c.attempts + 1, last_error=error[:500])
                )
                return sent, True
        return sent, False

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
