"""Every query of the task database, and the unit of work that makes a change and its
outbox event one transaction. Queries are SQLAlchemy Core: parameters are always bound,
never spliced into SQL text."""

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any, cast
from uuid import UUID

from sqlalchemy import (
    Boolean,
    ColumnElement,
    DateTime,
    Float,
    Integer,
    Row,
    Select,
    Text,
    Uuid,
    and_,
    bindparam,
    false,
    func,
    literal,
    or_,
    select,
    true,
    tuple_,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects.postgresql import ARRAY, REGCONFIG, TSQUERY, Insert, insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.sql.dml import ReturningInsert
from todo_common.events import TASK_EVENTS, TaskEvent

from task_service.adapters.tables import (
    idempotency_keys,
    outbox,
    search_keys,
    task_series,
    task_words,
    tasks,
    title_key,
)
from task_service.domain.listing import (
    SEARCH_RESULTS,
    ListQuery,
    SearchMode,
    SortKey,
    apply_corrections,
    correctable_words,
    prefix_tsquery,
)
from task_service.domain.task import Task

IDEMPOTENCY_TTL = timedelta(hours=24)
# Similarity threshold of the typo correction ('grocreies' is corrected to 'groceries'):
# pg_trgm's `%` operator reads it from the session; the search pool sets it for each of its
# connections (app.py, todo_common.db.autocommit_engine's session_settings).
TRIGRAM_THRESHOLD = "0.3"
SEARCH_SESSION = {"pg_trgm.similarity_threshold": TRIGRAM_THRESHOLD}

# Built once: values go in as parameters, so each request skips building and compiling
# the statement (SQLAlchemy's compiled cache then hits every time).
_INSERT_TASK = insert(tasks)
_INSERT_OUTBOX = insert(outbox)
_INSERT_SERIES = insert(task_series).on_conflict_do_nothing(index_elements=[task_series.c.id])
_ENGLISH = literal("english", REGCONFIG)
# What a Task is read from: every stored column but the generated ones (search_vector,
# a tsvector that PostgreSQL would format as text for every row, and priority_rank).
_TASK_COLUMNS = tuple(c for c in tasks.columns if c.computed is None)


def _insert_new_statement() -> Insert:
    """INSERT series, task and outbox row as one statement: WITH new_series AS (INSERT
    ...), new_task AS (INSERT ...) INSERT INTO outbox ... Parameters: the task's columns
    prefixed t_ and the outbox row's prefixed o_ (SQLAlchemy reserves the bare names)."""
    series_id = bindparam("t_series_id", type_=Uuid)
    # A task without a rule has no series: then this inserts nothing.
    new_series = (
        insert(task_series)
        .from_select(
            ["id", "user_id", "created_at"],
            select(
                series_id,
                bindparam("t_user_id", type_=Text),
                bindparam("t_created_at", type_=DateTime(timezone=True)),
            ).where(series_id.is_not(None)),
        )
        .on_conflict_do_nothing(index_elements=[task_series.c.id])
        .cte("new_series")
    )
    new_task = insert(tasks).values({c.name: bindparam(f"t_{c.name}") for c in _TASK_COLUMNS}).cte("new_task")
    outbox_columns = ("event_id", "topic", "event_type", "user_id", "task_id", "data")
    return (
        insert(outbox)
        .values({name: bindparam(f"o_{name}") for name in outbox_columns})
        .add_cte(new_series, new_task)
    )


def _replace_statement() -> ReturningInsert[Any]:
    """UPDATE the task if it is still at the version it was read at, and INSERT its event
    into the outbox only if the UPDATE changed a row, as one statement: WITH changed AS
    (UPDATE ... RETURNING id) INSERT INTO outbox SELECT ... FROM changed. Parameters: the
    task's columns prefixed t_, `expected_version`, the outbox row's columns prefixed o_."""
    kept = ("id", "user_id", "created_at")
    changed = (
        update(tasks)
        .where(
            tasks.c.id == bindparam("t_id", type_=Uuid),
            tasks.c.user_id == bindparam("t_user_id", type_=Text),
            tasks.c.version == bindparam("expected_version", type_=tasks.c.version.type),
            tasks.c.deleted_at.is_(None),
        )
        .values({c.name: bindparam(f"t_{c.name}") for c in _TASK_COLUMNS if c.name not in kept})
        .returning(tasks.c.id)
        .cte("changed")
    )
    outbox_columns = ("event_id", "topic", "event_type", "user_id", "task_id", "data")
    row = select(*(bindparam(f"o_{name}", type_=outbox.c[name].type) for name in outbox_columns))
    return (
        insert(outbox)
        .from_select(list(outbox_columns), row.select_from(changed))
        .returning(outbox.c.event_id)
    )


@dataclass(frozen=True)
class Page:
    tasks: list[Task]
    # Sort-key values of the last task when there is a next page.
    last_keys: tuple[Any, ...] | None
    mode: SearchMode | None
    corrected: str | None = None


@dataclass(frozen=True)
class DueReminder:
    task_id: UUID
    user_id: str
    title: str
    due_at: datetime | None
    remind_at: datetime
    timezone: str | None = None  # the task's IANA zone, for telling its times


class TaskRepository:
    """Queries on one connection, inside the unit of work's transaction."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn
        self.events_written = 0

    # -- tasks ----------------------------------------------------------------------------
    async def get(
        self, user_id: str, task_id: UUID, *, for_update: bool = False, include_deleted: bool = False
    ) -> Task | None:
        stmt = _get_statement(for_update, include_deleted)
        row = (await self.conn.execute(stmt, {"task_id": task_id, "user_id": user_id})).first()
        return _task(row) if row else None

    async def reminder_sent_for_deleted(
        self, user_id: str, title: str, remind_at: datetime
    ) -> datetime | None:
        """When the reminder at `remind_at` was sent for a deleted task of this user's with
        this title (the latest such); None when none was."""
        sent = await self.conn.scalar(
            select(func.max(tasks.c.reminder_sent_at)).where(
                tasks.c.user_id == user_id,
                tasks.c.remind_at == remind_at,
                tasks.c.title == title,
                tasks.c.deleted_at.isnot(None),
                tasks.c.reminder_sent_at.isnot(None),
            )
        )
        return _utc(sent)

    async def owner_of(self, task_id: UUID) -> str | None:
        """Whose task this is, for logging cross-user attempts; never shown to callers."""
        owner = await self.conn.scalar(select(tasks.c.user_id).where(tasks.c.id == task_id))
        return cast(str | None, owner)

    async def insert(self, task: Task) -> None:
        await self.conn.execute(_INSERT_TASK, _row(task))

    async def insert_occurrence(self, task: Task) -> bool:
        """Insert unless the series already has this occurrence; True when inserted."""
        stmt = (
            insert(tasks)
            .values(**_row(task))
            .on_conflict_do_nothing(constraint="uq_tasks_series_id_occurrence_key")
            .returning(tasks.c.id)
        )
        return (await self.conn.execute(stmt)).first() is not None

    async def find_occurrence(
        self, series_id: UUID, occurrence_key: str, *, for_update: bool = False
    ) -> Task | None:
        stmt = select(*_TASK_COLUMNS).where(
            tasks.c.series_id == series_id, tasks.c.occurrence_key == occurrence_key
        )
        if for_update:
            stmt = stmt.with_for_update()
        row = (await self.conn.execute(stmt)).first()
        return _task(row) if row else None

    async def update(self, task: Task) -> None:
        values = _row(task)
        del values["id"], values["user_id"], values["created_at"]
        await self.conn.execute(
            update(tasks).where(tasks.c.id == task.id, tasks.c.user_id == task.user_id).values(**values)
        )

    async def insert_new(self, task: Task, event: TaskEvent, topic: str = TASK_EVENTS) -> None:
        """A new task, its series and its outbox event in ONE statement (data-modifying
        CTEs), so one round trip instead of five (on UnitOfWork.statements). A single
        statement is atomic, so the event exists iff the task does, as with transaction()."""
        await self.conn.execute(_INSERT_NEW, _prefixed(task, event, topic))
        self.events_written += 1

    async def replace(
        self, task: Task, expected_version: int, event: TaskEvent, topic: str = TASK_EVENTS
    ) -> bool:
        """Store `task` (an edit of the stored one) and stage `event`, both in one statement,
        if the stored task is still at `expected_version`; False (and nothing written) when
        it has moved on or was deleted meanwhile. The row lock the UPDATE takes orders
        concurrent edits of a task, so its events reach the outbox in the order of its
        versions."""
        values = _prefixed(task, event, topic) | {"expected_version": expected_version}
        written = (await self.conn.execute(_REPLACE, values)).first()
        if written is None:
            return False
        self.events_written += 1
        return True

    # -- series ---------------------------------------------------------------------------
    async def create_series(self, series_id: UUID, user_id: str, now: datetime) -> None:
        await self.conn.execute(_INSERT_SERIES, {"id": series_id, "user_id": user_id, "created_at": now})

    async def series_ended(self, series_id: UUID, user_id: str) -> bool:
        """Whether the series was ended, holding a share lock on it until commit so that an
        end_series running now waits for us (and we for it)."""
        stmt = (
            select(task_series.c.ended_at)
            .where(task_series.c.id == series_id, task_series.c.user_id == user_id)
            .with_for_update(read=True)
        )
        row = (await self.conn.execute(stmt)).first()
        return row is None or row.ended_at is not None

    async def end_series(self, series_id: UUID, user_id: str, now: datetime) -> bool:
        """Mark the series ended; True when it exists (ended now or before)."""
        stmt = (
            update(task_series)
            .where(task_series.c.id == series_id, task_series.c.user_id == user_id)
            .values(ended_at=func.coalesce(task_series.c.ended_at, now))
            .returning(task_series.c.id)
        )
        return (await self.conn.execute(stmt)).first() is not None

    # -- idempotency keys -----------------------------------------------------------------
    async def claim_idempotency_key(
        self, user_id: str, key: str, request_hash: str, task_id: UUID, now: datetime
    ) -> tuple[str, UUID] | None:
        """Claim `key` for a new task. None when claimed; otherwise the (request_hash,
        task_id) of the live earlier claim. A concurrent claim of the same key waits on
        ours (unique index) and then sees it."""
        await self.conn.execute(
            idempotency_keys.delete().where(
                idempotency_keys.c.user_id == user_id, idempotency_keys.c.created_at < now - IDEMPOTENCY_TTL
            )
        )
        claimed = await self.conn.execute(
            insert(idempotency_keys)
            .values(user_id=user_id, key=key, request_hash=request_hash, task_id=task_id, created_at=now)
            .on_conflict_do_nothing(index_elements=[idempotency_keys.c.user_id, idempotency_keys.c.key])
            .returning(idempotency_keys.c.task_id)
        )
        if claimed.first() is not None:
            return None
        row = (
            await self.conn.execute(
                select(idempotency_keys.c.request_hash, idempotency_keys.c.task_id).where(
                    idempotency_keys.c.user_id == user_id, idempotency_keys.c.key == key
                )
            )
        ).one()
        return row.request_hash, row.task_id

    # -- outbox ---------------------------------------------------------------------------
    async def add_event(self, event: TaskEvent, topic: str = TASK_EVENTS) -> None:
        """Stage an event in the outbox, in this transaction: it exists iff the change does."""
        await self.conn.execute(_INSERT_OUTBOX, _outbox_row(event, topic))
        self.events_written += 1

    # -- list and search ------------------------------------------------------------------
    async def list_page(self, query: ListQuery) -> Page:
        if query.search is None:
            return await self._page(query, None)
        if query.mode is not None:  # a later page searches the way its first page did
            return await self._page(query, query.mode, query.corrected)
        page = await self._page(query, "fulltext")
        if page.tasks:
            return page
        corrected = await self._corrected(query.user_id, query.search)
        if corrected is None:
            return page
        return await self._page(query, "trigram", corrected)

    async def _corrected(self, user_id: str, search: str) -> str | None:
        """The search with each word replaced by the most similar word (pg_trgm) of the
        user's vocabulary; None when no word has a better match than itself."""
        words = correctable_words(search)
        if not words:
            return None
        rows = await self.conn.execute(_CORRECTIONS, {"user_id": user_id, "words": words})
        return apply_corrections(search, {row.word: row.best for row in rows})

    async def _page(self, query: ListQuery, mode: SearchMode | None, corrected: str | None = None) -> Page:
        text = (corrected if mode == "trigram" else query.search) if mode is not None else None
        prefix = prefix_tsquery(text) if text is not None else None
        filters = _filter_params(query)
        shape = _PageShape.of(query, filters, mode, prefix is not None)
        params = filters | {"user_id": query.user_id, "page_limit": query.limit + 1}
        if text is not None:
            params |= {"search": text, "prefix": prefix}
        if query.after is not None:
            params |= {f"after_{i}": v for i, v in enumerate(query.after) if v is not None}
        rows = (await self.conn.execute(_page_statement(shape), params)).all()
        more = len(rows) > query.limit
        rows = rows[: query.limit]
        n = len(query.keys)
        last = tuple(getattr(rows[-1], f"k{i}") for i in range(n)) if more and rows else None
        return Page([_task(r) for r in rows], last, mode, corrected if mode == "trigram" else None)

    async def tag_counts(self, user_id: str) -> list[tuple[str, int]]:
        """The user's tags with the number of their tasks using each, most used first. A
        tag spelled differently on different tasks shows in its most common spelling."""
        pair = func.unnest(tasks.c.tags, tasks.c.tag_keys).table_valued("tag", "key").render_derived("t")
        stmt = (
            select(func.mode().within_group(pair.c.tag).label("tag"), func.count().label("n"))
            .select_from(tasks.join(pair, literal(True)))
            .where(tasks.c.user_id == user_id, tasks.c.deleted_at.is_(None))
            .group_by(pair.c.key)
            .order_by(func.count().desc(), pair.c.key)
        )
        return [(row.tag, row.n) for row in (await self.conn.execute(stmt)).all()]

    # -- reminders ------------------------------------------------------------------------
    async def due_reminders(self, now: datetime, limit: int) -> list[DueReminder]:
        stmt = (
            select(
                tasks.c.id,
                tasks.c.user_id,
                tasks.c.title,
                tasks.c.due_at,
                tasks.c.remind_at,
                tasks.c.timezone,
            )
            .where(
                tasks.c.remind_at.isnot(None),
                tasks.c.remind_at <= now,
                tasks.c.reminder_sent_at.is_(None),
                tasks.c.completed.is_(False),
                tasks.c.deleted_at.is_(None),
            )
            .order_by(tasks.c.remind_at, tasks.c.id)
            .limit(limit)
        )
        return [
            DueReminder(
                r.id, r.user_id, r.title, _utc(r.due_at), cast(datetime, _utc(r.remind_at)), r.timezone
            )
            for r in (await self.conn.execute(stmt)).all()
        ]

    async def upcoming_reminder_times(self, after: datetime, until: datetime, limit: int) -> list[datetime]:
        """The distinct times in (after, until] at which a reminder still to be sent comes
        due, earliest first (the pending-reminders partial index serves it)."""
        stmt = (
            select(tasks.c.remind_at)
            .where(
                tasks.c.remind_at > after,
                tasks.c.remind_at <= until,
                tasks.c.reminder_sent_at.is_(None),
                tasks.c.completed.is_(False),
                tasks.c.deleted_at.is_(None),
            )
            .group_by(tasks.c.remind_at)
            .order_by(tasks.c.remind_at)
            .limit(limit)
        )
        return [cast(datetime, _utc(r.remind_at)) for r in (await self.conn.execute(stmt)).all()]

    async def mark_reminder_sent(
        self, task_id: UUID, remind_at: datetime, user_id: str | None, now: datetime
    ) -> bool | None:
        """True when the reminder for `remind_at` is (now) recorded as sent; False when the
        task's reminder has moved since; None when there is no such task."""
        scope = [tasks.c.id == task_id, tasks.c.deleted_at.is_(None)]
        if user_id is not None:
            scope.append(tasks.c.user_id == user_id)
        marked = await self.conn.execute(
            update(tasks)
            .where(*scope, tasks.c.remind_at == remind_at, tasks.c.reminder_sent_at.is_(None))
            .values(reminder_sent_at=now)
            .returning(tasks.c.id)
        )
        if marked.first() is not None:
            return True
        row = (
            await self.conn.execute(select(tasks.c.remind_at, tasks.c.reminder_sent_at).where(*scope))
        ).first()
        if row is None:
            return None
        return row.remind_at == remind_at and row.reminder_sent_at is not None


class UnitOfWork:
    """One transaction per use case that changes something; after a commit that wrote
    events, `on_commit` pokes the outbox relay so they go out at once instead of at its
    next poll. Reads and single-statement writes run on `autocommit`, a pool whose
    connections are in autocommit mode (todo_common.db.autocommit_engine): no BEGIN and
    COMMIT round trips around one statement. Without it, the main pool is switched to
    autocommit per checkout (the same behaviour, a little slower)."""

    def __init__(
        self,
        engine: AsyncEngine,
        on_commit: Callable[[], None] | None = None,
        *,
        autocommit: AsyncEngine | None = None,
        searches: AsyncEngine | None = None,
    ) -> None:
        self.engine = engine
        self.on_commit = on_commit
        self._autocommit = autocommit or engine.execution_options(isolation_level="AUTOCOMMIT")
        self._searches = searches or self._autocommit

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[TaskRepository]:
        async with self.engine.begin() as conn:
            repo = TaskRepository(conn)
            yield repo
        if repo.events_written and self.on_commit is not None:
            self.on_commit()

    @asynccontextmanager
    async def reads(self, *, search: bool = False) -> AsyncIterator[TaskRepository]:
        """Queries without a transaction: each statement sees the data as of its start.
        Searches go to `searches`, a pool planned per execution
        (todo_common.db.autocommit_engine(custom_plans=True)): which index is best depends
        on how many tasks the user has and on the values asked for, which a generic plan
        does not know. Before the per-user search keys (0004) it picked a scan of the user's
        rows (55 ms instead of 18 for a common word in 100,000 tasks); with them, it reads
        the tags index for a tag every one of those tasks carries (825 ms instead of 27),
        though it is 0.3-1.6 ms faster for other searches (BENCHMARKS.md)."""
        async with (self._searches if search else self._autocommit).connect() as conn:
            yield TaskRepository(conn)

    @asynccontextmanager
    async def statements(self) -> AsyncIterator[TaskRepository]:
        """A connection of the autocommit pool for reads and writes that are one statement
        each (each commits by itself); pokes the relay afterwards if a write staged an
        event."""
        async with self._autocommit.connect() as conn:
            repo = TaskRepository(conn)
            yield repo
        if repo.events_written and self.on_commit is not None:
            self.on_commit()


def _corrections_statement() -> Select[Any]:
    """For each of :words, the most similar word of :user_id's vocabulary (pg_trgm `%`,
    then similarity), or null."""
    typed = func.unnest(bindparam("words", type_=ARRAY(Text))).table_valued("word").render_derived("q")
    best = (
        select(task_words.c.word)
        .where(task_words.c.user_id == bindparam("user_id"), task_words.c.word.op("%")(typed.c.word))
        .order_by(func.similarity(task_words.c.word, typed.c.word).desc(), task_words.c.word)
        .limit(1)
        .correlate(typed)
        .scalar_subquery()
    )
    return select(typed.c.word, best.label("best"))


_INSERT_NEW = _insert_new_statement()
_CORRECTIONS = _corrections_statement()
_REPLACE = _replace_statement()


# -- row mapping and query building ---------------------------------------------------------
def _utc(value: datetime | None) -> datetime | None:
    return value.astimezone(UTC) if value is not None else None


def _task(row: Row[Any]) -> Task:
    return Task(
        id=row.id,
        user_id=row.user_id,
        title=row.title,
        description=row.description,
        completed=row.completed,
        completed_at=_utc(row.completed_at),
        priority=row.priority,
        tags=tuple(row.tags),
        due_at=_utc(row.due_at),
        remind_at=_utc(row.remind_at),
        rrule=row.rrule,
        repeat_from=row.repeat_from,
        timezone=row.timezone,
        series_id=row.series_id,
        parent_task_id=row.parent_task_id,
        instance_number=row.instance_number,
        occurrence_key=row.occurrence_key,
        next_occurrence=_utc(row.next_occurrence),
        reminder_sent_at=_utc(row.reminder_sent_at),
        deleted_at=_utc(row.deleted_at),
        version=row.version,
        created_at=cast(datetime, _utc(row.created_at)),
        updated_at=cast(datetime, _utc(row.updated_at)),
    )


def _outbox_row(event: TaskEvent, topic: str) -> dict[str, Any]:
    return {
        "event_id": event.event_id,
        "topic": topic,
        "event_type": event.event_type.value,
        "user_id": event.user_id,
        "task_id": event.task_id,
        "data": event.to_data(),
    }


def _prefixed(task: Task, event: TaskEvent, topic: str) -> dict[str, Any]:
    """The parameters of the one-statement writes: the task's columns prefixed t_ and its
    outbox row's prefixed o_ (SQLAlchemy reserves the bare names)."""
    values = {f"t_{k}": v for k, v in _row(task).items()}
    return values | {f"o_{k}": v for k, v in _outbox_row(event, topic).items()}


def _row(task: Task) -> dict[str, Any]:
    return {
        "id": task.id,
        "user_id": task.user_id,
        "title": task.title,
        "description": task.description,
        "completed": task.completed,
        "completed_at": task.completed_at,
        "priority": task.priority,
        "tags": list(task.tags),
        "tag_keys": list(task.tag_keys),
        "due_at": task.due_at,
        "remind_at": task.remind_at,
        "reminder_sent_at": task.reminder_sent_at,
        "rrule": task.rrule,
        "repeat_from": task.repeat_from,
        "timezone": task.timezone,
        "series_id": task.series_id,
        "parent_task_id": task.parent_task_id,
        "instance_number": task.instance_number,
        "occurrence_key": task.occurrence_key,
        "next_occurrence": task.next_occurrence,
        "deleted_at": task.deleted_at,
        "version": task.version,
        "created_at": task.created_at,
        "updated_at": task.updated_at,
    }


@lru_cache(maxsize=4)
def _get_statement(for_update: bool, include_deleted: bool) -> Select[Any]:
    stmt = select(*_TASK_COLUMNS).where(
        tasks.c.id == bindparam("task_id"), tasks.c.user_id == bindparam("user_id")
    )
    if not include_deleted:
        stmt = stmt.where(tasks.c.deleted_at.is_(None))
    return stmt.with_for_update() if for_update else stmt


@dataclass(frozen=True)
class _PageShape:
    """What a page's statement depends on besides its parameter values: which filters are
    set, how it searches, its ordering and which cursor values are null. Statements are
    built once per shape (`_page_statement`) and executed with the page's own values:
    building and cache-keying a SQLAlchemy statement per request cost more CPU than
    running it."""

    status: str
    due_none: bool
    # The names of the filters set (the keys of _filter_params).
    filters: frozenset[str]
    mode: SearchMode | None
    prefix: bool
    keys: tuple[SortKey, ...]
    # Per key, whether the cursor's value is null; None on a first page.
    after_nulls: tuple[bool, ...] | None

    @staticmethod
    def of(query: ListQuery, filters: dict[str, Any], mode: SearchMode | None, prefix: bool) -> "_PageShape":
        return _PageShape(
            status=query.status,
            due_none=query.due_none,
            filters=frozenset(filters),
            mode=mode,
            prefix=prefix,
            keys=query.keys,
            after_nulls=None if query.after is None else tuple(v is None for v in query.after),
        )


def _filter_params(query: ListQuery) -> dict[str, Any]:
    """The filters with a value, as the statement's parameters."""
    values: dict[str, Any] = {
        "priorities": list(query.priorities),
        "tag_keys": list(query.tag_keys),
        "overdue_at": query.overdue_at,
        "due_ge": query.due_ge,
        "due_lt": query.due_lt,
        "due_after": query.due_after,
        "due_before": query.due_before,
        "completed_after": query.completed_after,
        "completed_before": query.completed_before,
    }
    return {name: value for name, value in values.items() if value}


def _filters(shape: _PageShape, owner: ColumnElement[bool] | None = None) -> list[ColumnElement[bool]]:
    """The page's conditions: the user's own tasks (`owner`, by default user_id = :user_id)
    and the filters set."""
    t, set_ = tasks.c, shape.filters
    mine = owner if owner is not None else t.user_id == bindparam("user_id")
    where: list[ColumnElement[bool]] = [mine, t.deleted_at.is_(None)]
    if shape.status != "all":
        where.append(t.completed.is_(shape.status == "completed"))
    if "priorities" in set_:
        where.append(t.priority.in_(bindparam("priorities", expanding=True)))
    if "tag_keys" in set_:
        where.append(t.tag_keys.contains(bindparam("tag_keys")))
    if shape.due_none:
        where.append(t.due_at.is_(None))
    if "overdue_at" in set_:
        where += [t.due_at < bindparam("overdue_at"), t.completed.is_(False)]
    if "due_ge" in set_:
        where.append(t.due_at >= bindparam("due_ge"))
    if "due_lt" in set_:
        where.append(t.due_at < bindparam("due_lt"))
    if "due_after" in set_:
        where.append(t.due_at > bindparam("due_after"))
    if "due_before" in set_:
        where.append(t.due_at < bindparam("due_before"))
    if "completed_after" in set_ or "completed_before" in set_:
        # Implied by either bound; stated so that the completion-order index (migration
        # 0005) reads only the bound's range: with its second column fixed, the bound
        # limits the scan (0.02 ms for today's tasks, instead of 1.5 ms through all of a
        # user's 60,000 index entries).
        where.append(t.completed_at.is_(None).is_(False))
    if "completed_after" in set_:
        where.append(t.completed_at > bindparam("completed_after"))
    if "completed_before" in set_:
        where.append(t.completed_at < bindparam("completed_before"))
    return where


def keys_decide_query(query: ColumnElement[Any]) -> ColumnElement[bool]:
    """Whether the search keys (migration 0004) match exactly the rows whose search_vector
    matches `query`: true for a query without phrases (<->, <N>) and negations (!) whose
    lexemes are all shorter than the keys' 500-character cut. Judged on the query's text:
    a quoted lexeme holding '<' or '!' only costs the check it could have skipped."""
    text = sql_cast(query, Text)
    return and_(func.strpos(text, "<") == 0, func.strpos(text, "!") == 0, func.length(text) < 500)


def _ranked(shape: _PageShape) -> Select[Any]:
    """The ids and ts_rank of the (at most 50) best full-text matches of :search, the
    newest first among equal ranks (the relevance ordering's keys, see listing.ordering):
    websearch syntax, and each typed word also as a prefix (:prefix, from prefix_tsquery:
    'grocer' finds groceries)."""
    query: ColumnElement[Any] = func.websearch_to_tsquery(_ENGLISH, bindparam("search", type_=Text))
    if shape.prefix:
        query = query.op("||")(func.to_tsquery(_ENGLISH, bindparam("prefix", type_=Text)))
    # Scalar subqueries (InitPlans) build the tsqueries once per statement. Inline,
    # a generic plan of the prepared statement (psycopg prepares it after 5 runs)
    # parses them again for every row ts_rank scores: 55 ms instead of 26 for a word
    # in 15,000 of the user's tasks.
    tsquery = select(query).scalar_subquery()
    # The index finds the candidates by the user's own lexemes (migration 0004: a prefix
    # reads no other user's words); each row's own vector is checked only where the keys
    # do not decide (phrases, negations): 1-1.5 of 16-17 ms for a word in 16,000 of a
    # user's tasks.
    user_id = bindparam("user_id", type_=Text)
    user_query = select(func.task_search_query(user_id, query, type_=TSQUERY)).scalar_subquery()
    keys_decide = select(keys_decide_query(query)).scalar_subquery()
    matches = or_(keys_decide, tasks.c.search_vector.op("@@")(tsquery))
    rank_f = sql_cast(func.ts_rank(tasks.c.search_vector, tsquery), Float)
    # The keys find only the user's rows but for another user sharing the tag, so each
    # row's user_id is still checked: as `(user_id = :user_id) IS true`, which no index
    # serves. As a plain equality the planner ANDed the keys' bitmap with all of the
    # user's entries in the tags index (4.1 ms instead of 0.1 for a rare word in 100,000
    # of a user's tasks; migration 0006).
    owner = (tasks.c.user_id == user_id).is_(true())
    return (
        select(tasks.c.id, rank_f.label("rank"))
        .where(*_filters(shape, owner), search_keys.op("@@")(user_query), matches)
        .order_by(rank_f.desc(), tasks.c.created_at.desc(), tasks.c.id)
        .limit(SEARCH_RESULTS)
    )


@lru_cache(maxsize=512)
def _page_statement(shape: _PageShape) -> Select[Any]:
    """The statement of a page of this shape: the tasks and their sort keys k0..kn, in
    order, limit+1 of them (:page_limit) so the caller knows whether a next page exists."""
    conditions = _filters(shape)
    rank: ColumnElement[Any] | None = None
    source: Any = tasks
    if shape.mode is not None:
        ranked = _ranked(shape).subquery("ranked")
        source = tasks.join(ranked, ranked.c.id == tasks.c.id)
        rank = ranked.c.rank
    exprs = _sort_expressions(rank)
    keys = [exprs[k.name].label(f"k{i}") for i, k in enumerate(shape.keys)]
    stmt: Select[Any] = select(*_TASK_COLUMNS, *keys).select_from(source).where(*conditions)
    if shape.after_nulls is not None:
        by_title = shape.mode is None and shape.keys[0].name == "title_key"
        after = _title_after(shape.keys, exprs) if by_title else _after(shape.keys, shape.after_nulls, exprs)
        stmt = stmt.where(after)
    order = [exprs[k.name].desc() if k.descending else exprs[k.name].asc() for k in shape.keys]
    return stmt.order_by(*order).limit(bindparam("page_limit", type_=Integer))


def _sort_expressions(rank: ColumnElement[Any] | None) -> dict[str, ColumnElement[Any]]:
    exprs: dict[str, ColumnElement[Any]] = {
        "priority_rank": tasks.c.priority_rank,
        "due_null": tasks.c.due_at.is_(None),
        "due_at": tasks.c.due_at,
        "completed_null": tasks.c.completed_at.is_(None),
        "completed_at": tasks.c.completed_at,
        "created_at": tasks.c.created_at,
        "id": tasks.c.id,
        "title_key": title_key,
    }
    if rank is not None:
        exprs["rank"] = rank
    return exprs


def _title_after(keys: Sequence[SortKey], exprs: dict[str, ColumnElement[Any]]) -> ColumnElement[bool]:
    """Rows strictly after the cursor's (title, id) in the title order: the rows _after
    keeps, as one row comparison (both keys go the same way, neither is null), which the
    title index (migration 0007) starts reading at, instead of reading and filtering every
    row before the cursor (0.08 ms instead of 2.6 for page 50 of a user's 5,000 tasks;
    within a run of equal titles too)."""
    row = tuple_(*(exprs[k.name] for k in keys))
    at = tuple_(*(bindparam(f"after_{i}") for i in range(len(keys))))
    return row < at if keys[0].descending else row > at


def _after(
    keys: Sequence[SortKey], nulls: Sequence[bool], exprs: dict[str, ColumnElement[Any]]
) -> ColumnElement[bool]:
    """Rows strictly after the cursor's values (:after_0, :after_1, ...) in the ordering:
    for some key i, equal on every key before i and beyond on key i. A null value (due_at
    of an undated task, completed_at of an open one) has nothing beyond it within its
    group; the due_null (completed_null) key before it separates the groups."""
    alternatives: list[ColumnElement[bool]] = []
    equal: list[ColumnElement[bool]] = []
    for i, (key, null) in enumerate(zip(keys, nulls, strict=True)):
        expr = exprs[key.name]
        if null:
            equal.append(expr.is_(None))
            continue
        # A boolean key (due_null, completed_null) is compared with a typed parameter:
        # compared with a Python bool, SQLAlchemy would fold `expr == true` into `expr`.
        value = bindparam(f"after_{i}", type_=Boolean) if key.kind == "bool" else bindparam(f"after_{i}")
        beyond = expr < value if key.descending else expr > value
        alternatives.append(and_(*equal, beyond))
        equal.append(expr == value)
    return or_(*alternatives) if alternatives else false()
