"""recurring-service: turns a finished recurring instance into the series' next one, and
describes rules for the UI.

Dapr wiring, all here: subscription `recurring-task-events` (components/subscriptions.yaml)
delivers task.completed to POST /events/task-completed and every other task event to
POST /events/task-other, in bulk (up to 100 messages of a partition per request);
task-service's /internal/tasks/next-occurrence and /internal/series/{id}/end through
service invocation; the state store for the inbox; the pub/sub component for dead
letters.

Poison (not a CloudEvent, not a v1 task event, a rule that cannot be computed, a request
task-service refuses for good) is published to task-events-dlq with the reason and
acknowledged (todo_common.deadletter). task-service down or answering 5xx is trouble:
RETRY, which the sidecar retries for about 15 minutes before its own dead-letter step. 404
is never answered to Dapr, which would drop the event."""

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Annotated

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError
from todo_common.deadletter import DeadLetters, PoisonMessage, RetryLater, consume_bulk
from todo_common.errors import validation_error
from todo_common.events import TASK_EVENTS, CloudEvent, EventType, TaskEvent
from todo_common.inbox import Inbox
from todo_common.metrics import EVENTS_CONSUMED
from todo_common.next_due import LAST_DUE, RepeatFrom, next_due
from todo_common.platform import Platform, create_app
from todo_common.recurrence import check_occurs, load_zone, parse_rule
from todo_common.recurrence_words import describe

from recurring_service.adapters.task_service import TaskService, TaskServiceUnavailable
from recurring_service.deps import CurrentUser, DeadLettersDep, SchedulerDep
from recurring_service.domain.describe import first_occurrence, series_due_times
from recurring_service.domain.instance import iso
from recurring_service.scheduling import Outcome, PoisonEvent, Scheduler

log = logging.getLogger(__name__)
events = APIRouter(prefix="/events", include_in_schema=False)
api = APIRouter(prefix="/api/recurrence", tags=["recurrence"])

FIRST_DUE = datetime(1900, 1, 1, tzinfo=UTC)
PREVIEW_LENGTH = 5


# -- task events --------------------------------------------------------------------------------
@events.post("/task-completed")
async def task_completed(
    request: Request, scheduler: SchedulerDep, dead_letters: DeadLettersDep
) -> JSONResponse:
    async def handle(envelope: CloudEvent) -> None:
        event = _parse(envelope)
        if event.event_type is not EventType.TASK_COMPLETED:  # the routing rule sends only these
            _count(envelope, event, Outcome.NOTHING_TO_DO)
            return
        await _handle(envelope, event, scheduler.on_completed)

    return await consume_bulk(request, TASK_EVENTS, dead_letters, handle)


@events.post("/task-other")
async def task_other(request: Request, scheduler: SchedulerDep, dead_letters: DeadLettersDep) -> JSONResponse:
    """Every other task event. Only task.deleted matters (an open instance deleted leaves
    the series going); the rest are acknowledged unread, so a malformed one is
    dead-lettered by the subscribers that read it, not twice."""

    async def handle(envelope: CloudEvent) -> None:
        if envelope.type != EventType.TASK_DELETED:
            EVENTS_CONSUMED.labels(envelope.topic or "?", envelope.type, "ignored").inc()
            return
        await _handle(envelope, _parse(envelope), scheduler.on_deleted)

    return await consume_bulk(request, TASK_EVENTS, dead_letters, handle)


def _parse(envelope: CloudEvent) -> TaskEvent:
    try:
        return TaskEvent.model_validate(envelope.data)
    except ValidationError as exc:
        raise PoisonMessage(f"not a v1 task event ({exc.error_count()} errors)") from exc


async def _handle(
    envelope: CloudEvent, event: TaskEvent, handler: Callable[[TaskEvent], Awaitable[Outcome]]
) -> None:
    try:
        outcome = await handler(event)
    except PoisonEvent as exc:
        raise PoisonMessage(str(exc), "refused") from exc
    except TaskServiceUnavailable as exc:
        raise RetryLater(f"task-service is unavailable: {exc}") from exc
    _count(envelope, event, outcome)


def _count(envelope: CloudEvent, event: TaskEvent, outcome: Outcome) -> None:
    EVENTS_CONSUMED.labels(envelope.topic or "?", event.event_type.value, outcome.value).inc()


# -- rule preview for the UI --------------------------------------------------------------------
class RecurrencePreview(BaseModel):
    rrule: str  # the canonical form task-service will store
    description: str
    dtstart: str | None
    tz: str
    # Due times (UTC) of the series' first instances if each is done on time: dtstart
    # first; without dtstart, the rule's occurrences from the next whole hour.
    occurrences: list[str]


@api.get("/preview")
def preview(
    user: CurrentUser,
    rrule: Annotated[str, Query(max_length=1000, description="RRULE body or daily|weekly|...")],
    dtstart: Annotated[str | None, Query(description="first due time, ISO 8601; naive = in tz")] = None,
    tz: Annotated[str, Query(max_length=64, description="IANA zone the rule repeats in")] = "UTC",
) -> RecurrencePreview:
    """A rule in words and its next five due times, the rule repeating on the wall clock
    of `tz` (a task with that timezone): "every weekday at 08:15" in Europe/London stays at
    08:15 London when summer time starts. Plain `def`: dateutil is CPU work, so FastAPI
    runs it in its thread pool, off the event loop."""
    zone = _zone(tz)
    start = _dtstart(dtstart, zone)
    try:
        rule = parse_rule(rrule)
        check_occurs(rule, start)
    except ValueError as exc:
        raise validation_error("The rule is not valid.", {"rrule": str(exc)}) from None
    first = start or first_occurrence(rule, _next_whole_hour(), zone)
    due_times = series_due_times(rule, first, PREVIEW_LENGTH, zone) if first is not None else []
    return RecurrencePreview(
        rrule=str(rule),
        description=describe(rule, start, zone, repeats_in_zone=True),
        dtstart=iso(start) if start is not None else None,
        tz=tz,
        occurrences=[iso(t) for t in due_times],
    )


class NextDue(BaseModel):
    # When the next instance would be due (UTC), or null when the rule has none (UNTIL).
    next_due: str | None


@api.get("/next")
def next_instance(
    user: CurrentUser,
    rrule: Annotated[str, Query(max_length=1000, description="RRULE body or daily|weekly|...")],
    due_at: Annotated[str, Query(description="the open instance's due time, ISO 8601; naive = in tz")],
    tz: Annotated[str, Query(max_length=64, description="IANA zone the rule repeats in")] = "UTC",
    repeat_from: Annotated[RepeatFrom, Query()] = "due",
) -> NextDue:
    """Where finishing the open instance due at `due_at` now would put the series' next one, as
    this service makes it (todo_common.next_due): what the web's "Skip this one" moves the task
    to, as the assistant's skip does. From the due date, the rule's first slot after both due_at
    and now; from completion, now plus one interval. COUNT is not applied (it counts instances,
    which task-service knows: the task's next_occurrence is null on the series' last)."""
    zone = _zone(tz)
    due = _dtstart(due_at, zone, field="due_at")
    assert due is not None
    try:
        rule = parse_rule(rrule)
        check_occurs(rule, due)
    except ValueError as exc:
        raise validation_error("The rule is not valid.", {"rrule": str(exc)}) from None
    found = next_due(
        rule.without("COUNT"), due_at=due, finished_at=datetime.now(UTC), repeat_from=repeat_from, zone=zone
    )
    return NextDue(next_due=iso(found) if found is not None else None)


def _zone(name: str) -> tzinfo:
    try:
        return load_zone(name)
    except ValueError as exc:
        raise validation_error("Unknown time zone.", {"tz": str(exc)}) from None


def _dtstart(value: str | None, zone: tzinfo, field: str = "dtstart") -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise validation_error(f"{field} is not valid.", {field: "must be an ISO 8601 time"}) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    moment = moment.astimezone(UTC)
    if not FIRST_DUE <= moment < LAST_DUE:
        raise validation_error(f"{field} is not valid.", {field: "must be from 1900 to 8999"})
    return moment


def _next_whole_hour() -> datetime:
    now = datetime.now(UTC)
    return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


# -- the app ------------------------------------------------------------------------------------
@asynccontextmanager
async def lifespan(app: FastAPI, platform: Platform) -> AsyncIterator[None]:
    app.state.scheduler = Scheduler(
        tasks=TaskService(platform.dapr), processed=Inbox(platform.dapr, "recurring-service")
    )
    app.state.dead_letters = DeadLetters(platform.dapr, "recurring-service")
    yield


app = create_app(title="recurring-service", routers=[events, api], lifespan=lifespan)
