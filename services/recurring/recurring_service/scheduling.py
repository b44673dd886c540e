"""The use case: a recurring instance was finished, so make the series' next instance
(once), or mark the series ended when it has none left."""

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from pydantic import ValidationError
from todo_common.events import TaskEvent
from todo_common.inbox import Inbox

from recurring_service.adapters.task_service import Reopened, TaskService, TaskServiceRefused
from recurring_service.domain.instance import NextInstance, NotRecurring, SeriesOver, TaskSnapshot, plan_next
from recurring_service.metrics import COMPLETION_TO_NEXT, NEXT_INSTANCES_CREATED, SERIES_ENDED

log = logging.getLogger(__name__)


class Outcome(StrEnum):
    CREATED = "created"
    EXISTED = "existed"  # made by an earlier delivery or another replica
    SERIES_ENDED = "series_ended"
    NOT_RECURRING = "not_recurring"
    NOTHING_TO_DO = "nothing_to_do"  # e.g. a completed instance was deleted, or reopened
    DUPLICATE = "duplicate"  # this event was handled before


class PoisonEvent(Exception):
    """The event can never be handled: the subscriber dead-letters it and acknowledges it
    (todo_common.deadletter)."""


@dataclass
class Scheduler:
    tasks: TaskService
    processed: Inbox

    async def on_completed(self, event: TaskEvent) -> Outcome:
        """task.completed: the next instance is due per the rule, from the completion."""
        task = _snapshot(event)
        return await self._once(event, task, task.completed_at or event.timestamp, cause="completed")

    async def on_deleted(self, event: TaskEvent) -> Outcome:
        """task.deleted: deleting one open instance leaves the series going (its next
        instance is made as if it had been dismissed then); deleting with ?series=true
        ends the series, and a completed instance already has its successor. An instance
        `withdrawn` (its predecessor was reopened) was never dismissed: nothing follows it."""
        extra = event.payload.model_extra or {}
        if extra.get("series_ended") or extra.get("withdrawn"):
            return Outcome.NOTHING_TO_DO
        task = _snapshot(event)
        if task.completed:
            return Outcome.NOTHING_TO_DO
        return await self._once(event, task, event.timestamp, cause="deleted")

    async def _once(self, event: TaskEvent, task: TaskSnapshot, finished_at: datetime, cause: str) -> Outcome:
        if task.rrule is None:  # most tasks: no state store round trip for them
            return Outcome.NOT_RECURRING
        event_id = str(event.event_id)
        if await self.processed.seen(event_id):
            return Outcome.DUPLICATE
        outcome = await self._schedule(event, task, finished_at, cause)
        await self.processed.mark(event_id)
        return outcome

    async def _schedule(
        self, event: TaskEvent, task: TaskSnapshot, finished_at: datetime, cause: str
    ) -> Outcome:
        try:
            plan = plan_next(task, finished_at)
        except ValueError as exc:
            raise PoisonEvent(f"rrule {task.rrule!r}: {exc}") from exc
        match plan:
            case NotRecurring():
                return Outcome.NOT_RECURRING
            case SeriesOver(series_id=series_id):
                await self._end(event, series_id, reason="exhausted")
                return Outcome.SERIES_ENDED
            case NextInstance():
                return await self._create(event, plan, cause)
        raise AssertionError(plan)  # pragma: no cover - the match is exhaustive

    async def _create(self, event: TaskEvent, plan: NextInstance, cause: str) -> Outcome:
        try:
            made = await self.tasks.create_next_occurrence(
                event.user_id, event.task_id, plan.occurrence_key, plan.fields
            )
        except TaskServiceRefused as exc:
            raise PoisonEvent(str(exc)) from exc
        if made is None:
            await self._end(event, plan.series_id, reason="refused")
            return Outcome.SERIES_ENDED
        if isinstance(made, Reopened):
            return Outcome.NOTHING_TO_DO
        if not made.created:
            return Outcome.EXISTED
        NEXT_INSTANCES_CREATED.labels(cause).inc()
        if cause == "completed":
            COMPLETION_TO_NEXT.observe(max(0.0, (datetime.now(UTC) - event.timestamp).total_seconds()))
        log.info(
            "next instance created",
            extra={
                "event_id": str(event.event_id),
                "task_id": event.task_id,
                "next_task_id": made.task.get("id"),
                "series_id": plan.series_id,
                "due_at": plan.fields["due_at"],
            },
        )
        return Outcome.CREATED

    async def _end(self, event: TaskEvent, series_id: str, reason: str) -> None:
        try:
            known = await self.tasks.end_series(event.user_id, series_id)
        except TaskServiceRefused as exc:
            raise PoisonEvent(str(exc)) from exc
        if known:
            SERIES_ENDED.labels(reason).inc()
        log.info(
            "series ended",
            extra={"event_id": str(event.event_id), "series_id": series_id, "reason": reason, "known": known},
        )


def _snapshot(event: TaskEvent) -> TaskSnapshot:
    try:
        task = TaskSnapshot.model_validate(event.payload.task)
    except ValidationError as exc:
        raise PoisonEvent(f"payload.task is not a task: {exc.error_count()} errors") from exc
    if task.id != event.task_id:
        raise PoisonEvent("payload.task is another task than task_id")
    return task
