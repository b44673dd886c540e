"""The task service's use cases: each loads, applies a domain function, and stores the
task together with its event in the outbox, atomically: in one transaction, or in one
statement where a change fits in one (a plain create, an edit; see update_task)."""

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from todo_common.events import EventType, TaskEvent
from todo_common.logs import log_security_event

from task_service.adapters.repository import DueReminder, Page, TaskRepository, UnitOfWork
from task_service.domain import task as domain
from task_service.domain.errors import Conflict, NotFound, PreconditionFailed
from task_service.domain.events import task_event
from task_service.domain.listing import ListQuery
from task_service.domain.recurrence import parse_rule
from task_service.domain.task import Task


def utcnow() -> datetime:
    return datetime.now(UTC)


def parse_task_id(value: str) -> UUID:
    """Task ids are opaque to callers: anything that is not one of ours is simply not found."""
    try:
        return UUID(value)
    except ValueError:
        raise NotFound("Task not found.") from None


def request_hash(body: Mapping[str, Any]) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


@dataclass(frozen=True)
class Idempotency:
    key: str
    request_hash: str


async def create_task(
    uow: UnitOfWork,
    user_id: str,
    values: Mapping[str, Any],
    idempotency: Idempotency | None = None,
    now: datetime | None = None,
) -> tuple[Task, bool]:
    """The new task and True; or, for a repeated Idempotency-Key with the same body, the
    task the first request made and False."""
    now = now or utcnow()
    task = domain.new_task(task_id=uuid4(), user_id=user_id, values=values, now=now, series_id=uuid4())
    if idempotency is None:  # the common case: one statement, one round trip
        async with uow.statements() as repo:
            task = await _reminded_before(repo, task, now)
            await repo.insert_new(task, task_event(EventType.TASK_CREATED, task))
        return task, True
    async with uow.transaction() as repo:
        earlier = await repo.claim_idempotency_key(
            user_id, idempotency.key, idempotency.request_hash, task.id, now
        )
        if earlier is not None:
            earlier_hash, earlier_task = earlier
            if earlier_hash != idempotency.request_hash:
                raise Conflict("This Idempotency-Key was used with a different request body.")
            existing = await repo.get(user_id, earlier_task)
            if existing is None:
                raise Conflict("The task created with this Idempotency-Key has been deleted.")
            return existing, False
        task = await _reminded_before(repo, task, now)
        await _store_new(repo, task, now)
    return task, True


async def get_task(uow: UnitOfWork, user_id: str, task_id: UUID) -> Task:
    async with uow.reads() as repo:
        return await _load(repo, user_id, task_id)


@dataclass(frozen=True)
class Listing:
    tasks: list[Task]
    next_cursor: str | None
    # The search as corrected ("grocreies" -> "groceries") when these results are for it,
    # because what was typed matched nothing.
    corrected_search: str | None


async def list_tasks(uow: UnitOfWork, query: ListQuery) -> Listing:
    async with uow.reads(search=query.search is not None) as repo:
        page: Page = await repo.list_page(query)
    cursor = (
        query.next_cursor(page.last_keys, page.mode, page.corrected) if page.last_keys is not None else None
    )
    return Listing(page.tasks, cursor, page.corrected if page.tasks else None)


# Optimistic edits read the task and then write it only if it is still at the version
# read; when another edit won in between, they read it again, up to this many times, and
# then take the row lock instead.
EDIT_ATTEMPTS = 3


async def update_task(
    uow: UnitOfWork,
    user_id: str,
    task_id: UUID,
    values: Mapping[str, Any],
    if_match: int | None = None,
    now: datetime | None = None,
) -> Task:
    """A partial edit. An edit that changes completion is reported as task.completed or
    task.reopened (with all its changes), any other as task.updated.

    Two round trips: read the task, then one statement that stores the edit and stages its
    event only if the task is still at the version read (UnitOfWork.statements,
    TaskRepository.replace). A concurrent edit in between makes it read again and apply the
    edit to what that edit stored, as the row lock would have; If-Match is checked on every
    read. An edit that starts a series (the task becomes recurring) and an edit that lost
    EDIT_ATTEMPTS times run in a transaction that locks the task first."""
    now = now or utcnow()
    for _ in range(EDIT_ATTEMPTS):
        async with uow.statements() as repo:
            task = await _load(repo, user_id, task_id, if_match=if_match)
            new = domain.edit(task, values, now, series_id=uuid4())
            if new is task:
                return task
            new = await _settled(repo, task, new, now)
            if _starts_series(task, new) or _reopens_instance(task, new):
                break
            if await repo.replace(new, task.version, _edit_event(task, new)):
                return new
    async with uow.transaction() as repo:
        task = await _load(repo, user_id, task_id, for_update=True, if_match=if_match)
        new = domain.edit(task, values, now, series_id=uuid4())
        if new is task:
            return task
        new = await _settled(repo, task, new, now)
        if _starts_series(task, new):
            assert new.series_id is not None
            await repo.create_series(new.series_id, user_id, now)
        await repo.update(new)
        await repo.add_event(_edit_event(task, new))
        if _reopens_instance(task, new):
            await _withdraw_successor(repo, task, now)
    return new


async def _settled(repo: TaskRepository, task: Task, new: Task, now: datetime) -> Task:
    """The edit with what it implies beyond its fields: the slot of the series a moved
    instance takes (domain.renumbered; its predecessor read only for a move back), and a
    reminder already sent (_reminded_before)."""
    if domain.moves_in_series(task, new):
        predecessor = None
        assert task.due_at is not None and new.due_at is not None
        if new.due_at < task.due_at and task.occurrence_key is not None:
            predecessor = await _task_by_key(repo, task.user_id, task.occurrence_key)
        new = domain.renumbered(task, new, predecessor, now)
    if new.remind_at != task.remind_at:
        new = await _reminded_before(repo, new, now)
    return new


async def _task_by_key(repo: TaskRepository, user_id: str, occurrence_key: str) -> Task | None:
    """The instance whose completion or delete made the one with this occurrence_key
    (recurring-service keys an instance by its predecessor's id), deleted or not."""
    try:
        task_id = UUID(occurrence_key)
    except ValueError:
        return None
    return await repo.get(user_id, task_id, include_deleted=True)


async def _reminded_before(repo: TaskRepository, task: Task, now: datetime) -> Task:
    """A reminder time already past that was sent for a deleted task of the same title is
    not sent again: the task is that one brought back (the undo of a delete makes it again,
    or moves the next instance of its series back to it), a new task to notification-service,
    which sends one notification per (task, remind_at). A past reminder never sent fires."""
    if task.remind_at is None or task.remind_at > now or task.reminder_sent_at is not None:
        return task
    sent = await repo.reminder_sent_for_deleted(task.user_id, task.title, task.remind_at)
    return replace(task, reminder_sent_at=sent) if sent is not None else task


def _starts_series(task: Task, new: Task) -> bool:
    return new.series_id != task.series_id and new.series_id is not None


def _reopens_instance(task: Task, new: Task) -> bool:
    return task.completed and not new.completed and task.series_id is not None


async def _withdraw_successor(repo: TaskRepository, reopened: Task, now: datetime) -> None:
    """Reopening a recurring instance takes back the next instance its completion made
    (recurring-service keys it by the finished instance's id), while nobody has touched it:
    still at version 1, open. Undoing a completion leaves one open instance, not two. The
    withdrawn instance gives up its occurrence key, so completing this one again makes a
    new next instance; its task.deleted says `withdrawn`, which recurring-service does not
    treat as a dismissed instance. create_next_occurrence locks the finished instance, so
    a successor made concurrently is either seen here or not made at all."""
    assert reopened.series_id is not None
    successor = await repo.find_occurrence(reopened.series_id, str(reopened.id), for_update=True)
    if successor is None or successor.deleted_at is not None or successor.completed or successor.version != 1:
        return
    withdrawn = replace(domain.mark_deleted(successor, now), occurrence_key=None)
    await repo.update(withdrawn)
    await repo.add_event(task_event(EventType.TASK_DELETED, successor, withdrawn=True))


def _edit_event(task: Task, new: Task) -> TaskEvent:
    if new.completed != task.completed:
        kind = EventType.TASK_COMPLETED if new.completed else EventType.TASK_REOPENED
    else:
        kind = EventType.TASK_UPDATED
    return task_event(kind, new, domain.changes_between(task, new))


async def complete_task(
    uow: UnitOfWork, user_id: str, task_id: UUID, if_match: int | None = None, now: datetime | None = None
) -> Task:
    """Idempotent: completing a completed task changes nothing and emits nothing. With
    if_match, only the task at that version (else PreconditionFailed, nothing changed)."""
    return await update_task(uow, user_id, task_id, {"completed": True}, if_match=if_match, now=now)


async def reopen_task(
    uow: UnitOfWork, user_id: str, task_id: UUID, if_match: int | None = None, now: datetime | None = None
) -> Task:
    return await update_task(uow, user_id, task_id, {"completed": False}, if_match=if_match, now=now)


async def delete_task(
    uow: UnitOfWork,
    user_id: str,
    task_id: UUID,
    *,
    end_series: bool = False,
    if_match: int | None = None,
    now: datetime | None = None,
) -> None:
    """Delete a task; with end_series, its series makes no further instances."""
    now = now or utcnow()
    async with uow.transaction() as repo:
        task = await _load(repo, user_id, task_id, for_update=True, if_match=if_match)
        series_ended = False
        if end_series and task.series_id is not None:
            series_ended = await repo.end_series(task.series_id, user_id, now)
        deleted = domain.mark_deleted(task, now)
        await repo.update(deleted)
        # The snapshot is the task as it was: consumers see what was deleted.
        await repo.add_event(task_event(EventType.TASK_DELETED, task, series_ended=series_ended))


async def tag_counts(uow: UnitOfWork, user_id: str) -> list[tuple[str, int]]:
    async with uow.reads() as repo:
        return await repo.tag_counts(user_id)


# -- for other services (Dapr invocation) ---------------------------------------------------
async def create_next_occurrence(
    uow: UnitOfWork,
    user_id: str,
    completed_task_id: UUID,
    occurrence_key: str,
    values: Mapping[str, Any],
    now: datetime | None = None,
) -> tuple[Task | None, bool]:
    """The next instance of the completed task's series, made once per (series,
    occurrence_key): a repeated request returns the instance made first (and False).
    None when the task was reopened since (and not deleted): nothing to make until it is
    completed again, which sends its own task.completed."""
    now = now or utcnow()
    async with uow.transaction() as repo:
        # Locked, so a concurrent reopen (_withdraw_successor) comes wholly before or after.
        done = await repo.get(user_id, completed_task_id, include_deleted=True, for_update=True)
        if done is None:
            raise NotFound("Completed task not found.")
        if done.series_id is None:
            raise Conflict("The completed task is not part of a recurring series.")
        existing = await repo.find_occurrence(done.series_id, occurrence_key)
        if existing is not None:
            return existing, False
        if not done.completed and done.deleted_at is None:
            return None, False
        if await repo.series_ended(done.series_id, user_id):
            raise Conflict("The series has ended; it makes no further instances.")
        number = done.instance_number + 1
        count = parse_rule(done.rrule).count if done.rrule else None
        if count is not None and number > count:
            raise Conflict(f"The series is over: COUNT={count} instances were made.")
        task = domain.new_task(
            task_id=uuid4(),
            user_id=user_id,
            values=values,
            now=now,
            series_id=done.series_id,
            parent_task_id=done.parent_task_id or done.id,
            instance_number=number,
            occurrence_key=occurrence_key,
        )
        if not await repo.insert_occurrence(task):
            # A concurrent request made it first (we waited on its unique key).
            raced = await repo.find_occurrence(done.series_id, occurrence_key)
            assert raced is not None
            return raced, False
        await repo.add_event(task_event(EventType.TASK_CREATED, task))
    return task, True


async def end_series(uow: UnitOfWork, user_id: str, series_id: UUID, now: datetime | None = None) -> None:
    async with uow.transaction() as repo:
        if not await repo.end_series(series_id, user_id, now or utcnow()):
            raise NotFound("Series not found.")


async def due_reminders(uow: UnitOfWork, limit: int, now: datetime | None = None) -> list[DueReminder]:
    async with uow.reads() as repo:
        return await repo.due_reminders(now or utcnow(), limit)


async def upcoming_reminder_times(
    uow: UnitOfWork, within: timedelta, limit: int, now: datetime | None = None
) -> list[datetime]:
    """When the reminders still to be sent come due within `within` from now."""
    moment = now or utcnow()
    async with uow.reads() as repo:
        return await repo.upcoming_reminder_times(moment, moment + within, limit)


async def mark_reminder_sent(
    uow: UnitOfWork,
    task_id: UUID,
    remind_at: datetime,
    user_id: str | None = None,
    now: datetime | None = None,
) -> bool:
    async with uow.transaction() as repo:
        marked = await repo.mark_reminder_sent(task_id, remind_at, user_id, now or utcnow())
    if marked is None:
        raise NotFound("Task not found.")
    return marked


# -- helpers --------------------------------------------------------------------------------
async def _store_new(repo: TaskRepository, task: Task, now: datetime) -> None:
    if task.series_id is not None:
        await repo.create_series(task.series_id, task.user_id, now)
    await repo.insert(task)
    await repo.add_event(task_event(EventType.TASK_CREATED, task))


async def _load(
    repo: TaskRepository,
    user_id: str,
    task_id: UUID,
    *,
    for_update: bool = False,
    if_match: int | None = None,
) -> Task:
    task = await repo.get(user_id, task_id, for_update=for_update)
    if task is None:
        owner = await repo.owner_of(task_id)
        if owner is not None and owner != user_id:
            log_security_event("cross_user_access", task_id=str(task_id))
        raise NotFound("Task not found.")
    if if_match is not None and task.version != if_match:
        raise PreconditionFailed(f"The task has changed: its version is now {task.version}.")
    return task
