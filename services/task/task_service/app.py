"""task-service: owns tasks, their search, and the outbox of task events.

Public routes (/api, a user's JWT) per API.md; internal routes (/internal) are called by
other services through Dapr invocation, guarded by the app token and the sidecar's access
control, and name the user in the request instead of carrying a JWT."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, FastAPI, Header, Query, Request, Response
from fastapi.responses import JSONResponse
from todo_common.db import autocommit_engine, open_database, ping
from todo_common.errors import error_response
from todo_common.platform import Platform, create_app

from task_service import use_cases
from task_service.adapters.outbox import OutboxRelay
from task_service.adapters.repository import SEARCH_SESSION, UnitOfWork
from task_service.deps import CurrentUser, Db
from task_service.domain.errors import Conflict, InvalidInput, NotFound, PreconditionFailed, TaskError
from task_service.domain.fields import SUGGESTED_TAGS, iso
from task_service.domain.listing import DueFilter, Order, SortName, Status, build_list_query
from task_service.domain.task import Task
from task_service.schemas import (
    DueReminderOut,
    DueReminders,
    NextOccurrenceIn,
    ReminderSentIn,
    ReminderSentOut,
    ReminderTaskOut,
    SeriesEndIn,
    TagCount,
    TagsOut,
    TaskCreate,
    TaskList,
    TaskOut,
    TaskPatch,
    UpcomingReminders,
)

MIGRATIONS = Path(__file__).parent / "alembic"

api = APIRouter(prefix="/api", tags=["tasks"])
internal = APIRouter(prefix="/internal", tags=["internal"])

IfMatch = Annotated[str | None, Header(description="The task's version, from its ETag or `version`")]


@api.post("/tasks", status_code=201, responses={409: {"description": "Idempotency-Key reused (conflict)"}})
async def create_task(
    body: TaskCreate,
    user: CurrentUser,
    db: Db,
    response: Response,
    idempotency_key: Annotated[
        str | None, Header(max_length=200, json_schema_extra={"pattern": r"^[\x21-\x7e]+$"})
    ] = None,
) -> TaskOut:
    """201 with the new task. A repeated Idempotency-Key (24 h) with the same body answers
    201 with the task the first request made and `Idempotent-Replayed: true`."""
    idempotency = None
    if idempotency_key is not None:
        key = _header_token("Idempotency-Key", idempotency_key)
        idempotency = use_cases.Idempotency(key, use_cases.request_hash(body.values()))
    task, created = await use_cases.create_task(db, user.id, body.values(), idempotency)
    if not created:
        response.headers["Idempotent-Replayed"] = "true"
    return _out(task, response)


@api.get("/tasks")
async def list_tasks(
    user: CurrentUser,
    db: Db,
    search: Annotated[str | None, Query()] = None,
    status: Status = "open",
    priority: Annotated[str | None, Query(description="comma list")] = None,
    tags: Annotated[str | None, Query(description="comma list; a task must have all")] = None,
    due: DueFilter | None = None,
    due_before: str | None = None,
    due_after: str | None = None,
    completed_after: Annotated[
        str | None,
        Query(description="ISO 8601 time; tasks completed strictly after it (status=open matches none)"),
    ] = None,
    completed_before: Annotated[
        str | None,
        Query(description="ISO 8601 time; tasks completed strictly before it (status=open matches none)"),
    ] = None,
    tz: Annotated[str | None, Query(description="IANA zone for due=today|week")] = None,
    sort: SortName | None = None,
    order: Annotated[
        Order | None, Query(description="default asc; desc for sort=relevance and sort=completed_at")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    cursor: str | None = None,
) -> TaskList:
    query = build_list_query(
        user_id=user.id,
        now=use_cases.utcnow(),
        status=status,
        priority=priority,
        tags=tags,
        due=due,
        due_before=due_before,
        due_after=due_after,
        completed_after=completed_after,
        completed_before=completed_before,
        tz=tz,
        search=search,
        sort=sort,
        order=order,
        limit=limit,
        cursor=cursor,
    )
    listing = await use_cases.list_tasks(db, query)
    return TaskList(
        items=[TaskOut.of(t) for t in listing.tasks],
        next_cursor=listing.next_cursor,
        corrected_search=listing.corrected_search,
    )


@api.get("/tasks/{task_id}")
async def get_task(task_id: str, user: CurrentUser, db: Db, response: Response) -> TaskOut:
    task = await use_cases.get_task(db, user.id, use_cases.parse_task_id(task_id))
    return _out(task, response)


@api.patch("/tasks/{task_id}", responses={412: {"description": "If-Match mismatch"}})
async def update_task(
    task_id: str, body: TaskPatch, user: CurrentUser, db: Db, response: Response, if_match: IfMatch = None
) -> TaskOut:
    task = await use_cases.update_task(
        db, user.id, use_cases.parse_task_id(task_id), body.values(), if_match=_version(if_match)
    )
    return _out(task, response)


@api.delete("/tasks/{task_id}", status_code=204, responses={412: {"description": "If-Match mismatch"}})
async def delete_task(
    task_id: str,
    user: CurrentUser,
    db: Db,
    series: Annotated[bool, Query(description="also end the series: no further instances")] = False,
    if_match: IfMatch = None,
) -> Response:
    await use_cases.delete_task(
        db, user.id, use_cases.parse_task_id(task_id), end_series=series, if_match=_version(if_match)
    )
    return Response(status_code=204)


@api.post("/tasks/{task_id}/complete", responses={412: {"description": "If-Match mismatch"}})
async def complete_task(
    task_id: str, user: CurrentUser, db: Db, response: Response, if_match: IfMatch = None
) -> TaskOut:
    task = await use_cases.complete_task(
        db, user.id, use_cases.parse_task_id(task_id), if_match=_version(if_match)
    )
    return _out(task, response)


@api.post("/tasks/{task_id}/reopen", responses={412: {"description": "If-Match mismatch"}})
async def reopen_task(
    task_id: str, user: CurrentUser, db: Db, response: Response, if_match: IfMatch = None
) -> TaskOut:
    task = await use_cases.reopen_task(
        db, user.id, use_cases.parse_task_id(task_id), if_match=_version(if_match)
    )
    return _out(task, response)


@api.get("/tags")
async def list_tags(user: CurrentUser, db: Db) -> TagsOut:
    used = await use_cases.tag_counts(db, user.id)
    return TagsOut(suggested=list(SUGGESTED_TAGS), used=[TagCount(tag=t, count=n) for t, n in used])


# -- internal -------------------------------------------------------------------------------
@internal.post(
    "/tasks/next-occurrence",
    status_code=201,
    response_model=TaskOut,
    responses={
        204: {"description": "The task was reopened since: nothing to make"},
        404: {"description": "No such completed task"},
        409: {"description": "Series ended"},
    },
)
async def create_next_occurrence(body: NextOccurrenceIn, db: Db, response: Response) -> TaskOut | Response:
    """Called by recurring-service: 201 with the new instance, 200 with the same instance
    when this (series, occurrence_key) was already made; 204 when the task is open again
    (reopened after its completion); 409 when the series has ended."""
    task, created = await use_cases.create_next_occurrence(
        db,
        body.user_id,
        use_cases.parse_task_id(body.completed_task_id),
        body.occurrence_key,
        body.task.values(),
    )
    if task is None:
        return Response(status_code=204)
    if not created:
        response.status_code = 200
    return _out(task, response)


@internal.post("/series/{series_id}/end")
async def end_series(series_id: str, body: SeriesEndIn, db: Db) -> dict[str, str | bool]:
    """Called by recurring-service when COUNT or UNTIL is exhausted."""
    await use_cases.end_series(db, body.user_id, use_cases.parse_task_id(series_id))
    return {"series_id": series_id, "ended": True}


@internal.get("/reminders/due")
async def due_reminders(db: Db, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> DueReminders:
    """Called by notification-service: reminders due now and not yet sent, oldest first."""
    return DueReminders(items=[DueReminderOut.of(d) for d in await use_cases.due_reminders(db, limit)])


@internal.get("/reminders/upcoming")
async def upcoming_reminders(
    db: Db,
    within: Annotated[int, Query(ge=1, le=3600, description="seconds from now")] = 60,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> UpcomingReminders:
    """Called by notification-service after each scan: the distinct times, earliest first, at
    which a reminder not yet sent comes due in the next `within` seconds, so that it can be
    woken at each of them instead of at its next cron tick."""
    times = await use_cases.upcoming_reminder_times(db, timedelta(seconds=within), limit)
    return UpcomingReminders(times=[iso(t) or "" for t in times])


@internal.get("/reminders/{task_id}", responses={404: {"description": "No such task of this user's"}})
async def reminder_task(
    task_id: str, db: Db, user_id: Annotated[str, Query(min_length=1, max_length=200)]
) -> ReminderTaskOut:
    """Called by notification-service when a snoozed reminder comes due: the user's task
    (completed or not); 404 when it is deleted, unknown or someone else's."""
    task = await use_cases.get_task(db, user_id, use_cases.parse_task_id(task_id))
    return ReminderTaskOut.of(task)


@internal.post("/reminders/{task_id}/sent")
async def reminder_sent(task_id: str, body: ReminderSentIn, db: Db) -> ReminderSentOut:
    """Idempotent. Marks the reminder sent only if the task's remind_at is still the one
    given: a reminder moved meanwhile is not marked (`marked: false`) and will fire."""
    marked = await use_cases.mark_reminder_sent(
        db, use_cases.parse_task_id(task_id), body.remind_at, body.user_id
    )
    return ReminderSentOut(task_id=task_id, marked=marked)


# -- helpers --------------------------------------------------------------------------------
def _out(task: Task, response: Response) -> TaskOut:
    response.headers["ETag"] = f'"{task.version}"'
    return TaskOut.of(task)


def _version(if_match: str | None) -> int | None:
    """If-Match: 3, "3" or W/"3" (the ETag we send); * matches any version."""
    if if_match is None or if_match.strip() == "*":
        return None
    value = if_match.strip().removeprefix("W/").strip('"')
    if not value.isdigit() or len(value) > 9:
        raise InvalidInput({"If-Match": "must be the task's version, e.g. 3"})
    return int(value)


def _header_token(name: str, value: str) -> str:
    value = value.strip()
    if not value or not all(0x21 <= ord(c) <= 0x7E for c in value):
        raise InvalidInput({name: "must be 1..200 visible ASCII characters"})
    return value


_STATUS = {InvalidInput: 422, NotFound: 404, Conflict: 409, PreconditionFailed: 412}
_CODES = {422: "validation_error", 404: "not_found", 409: "conflict", 412: "precondition_failed"}


async def _domain_error(_: Request, exc: Exception) -> JSONResponse:
    status = next((s for kind, s in _STATUS.items() if isinstance(exc, kind)), 422)
    fields = exc.fields if isinstance(exc, InvalidInput) else None
    return error_response(status, _CODES[status], str(exc), fields)


@asynccontextmanager
async def lifespan(app: FastAPI, platform: Platform) -> AsyncIterator[None]:
    settings = platform.settings
    engine = await open_database(platform.dapr, "tasks-db-url", MIGRATIONS, pool_size=settings.db_pool_size)
    # Reads, creates and edits (85 % of the load mix) share this pool: at 10 connections
    # the load test's 100 users queued on it (list p95 1.5 s; with 20, 0.66 s and +15 %
    # req/s; 32 was worse).
    autocommit = autocommit_engine(engine, settings.db_autocommit_pool_size)
    searches = autocommit_engine(
        engine, settings.db_search_pool_size, custom_plans=True, session_settings=SEARCH_SESSION
    )
    relay = OutboxRelay(engine, platform.dapr.publish_bulk)
    app.state.db = UnitOfWork(engine, on_commit=relay.wake, autocommit=autocommit, searches=searches)

    async def database() -> None:
        await ping(engine)

    platform.readiness.append(("database", database))
    relay.start()
    try:
        yield
    finally:
        await relay.stop()
        await searches.dispose()
        await autocommit.dispose()
        await engine.dispose()


app = create_app(title="task-service", routers=[api, internal], lifespan=lifespan)
app.add_exception_handler(TaskError, _domain_error)
