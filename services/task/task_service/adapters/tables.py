"""The task database (SQLAlchemy Core). The migrations in alembic/versions create exactly
this; tests/test_migrations.py checks that they agree."""

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Computed,
    DateTime,
    Identity,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TSVECTOR

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# Most important first (domain.fields.PRIORITIES); list ordering sorts by this rank.
PRIORITY_RANK_SQL = (
    "CASE priority WHEN 'VERY_IMPORTANT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END"
)
# Title weighs most, then tags, then the description. task_tags_text is an IMMUTABLE
# wrapper (created by the migration) because array_to_string is only STABLE, and a
# generated column may only use immutable functions.
SEARCH_VECTOR_SQL = (
    "setweight(to_tsvector('english'::regconfig, title), 'A') || "
    "setweight(to_tsvector('english'::regconfig, task_tags_text(tags)), 'B') || "
    "setweight(to_tsvector('english'::regconfig, description), 'C')"
)

tasks = Table(
    "tasks",
    metadata,
    # Fixed-width columns first, then what a search reads of each row (deleted_at and
    # completed for its filters, search_vector for ts_rank), then the rest: PostgreSQL
    # reads a row's columns in order (migration 0006).
    Column("id", Uuid, primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False, server_default=text("1")),
    Column("instance_number", Integer, nullable=False, server_default=text("1")),
    Column("priority_rank", SmallInteger, Computed(PRIORITY_RANK_SQL, persisted=True), nullable=False),
    Column("completed", Boolean, nullable=False, server_default=text("false")),
    # Deleted tasks are kept (hidden from every user query) so that a series can go on
    # from a deleted instance and a redelivered next-occurrence request stays a no-op.
    Column("deleted_at", DateTime(timezone=True)),
    Column("search_vector", TSVECTOR, Computed(SEARCH_VECTOR_SQL, persisted=True), nullable=False),
    Column("user_id", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    Column("completed_at", DateTime(timezone=True)),
    Column("priority", Text, nullable=False, server_default="MEDIUM"),
    # As shown (suggested tags in canonical case) and as matched (casefolded).
    Column("tags", ARRAY(Text), nullable=False, server_default=text("'{}'")),
    Column("tag_keys", ARRAY(Text), nullable=False, server_default=text("'{}'")),
    Column("due_at", DateTime(timezone=True)),
    Column("remind_at", DateTime(timezone=True)),
    Column("reminder_sent_at", DateTime(timezone=True)),
    Column("rrule", Text),
    Column("repeat_from", Text, nullable=False, server_default="due"),
    Column("series_id", Uuid),
    Column("parent_task_id", Uuid),
    Column("occurrence_key", Text),
    Column("next_occurrence", DateTime(timezone=True)),
    # The IANA zone the series repeats in (its wall-clock time kept); NULL repeats in UTC.
    # Last: migration 0008 added it.
    Column("timezone", Text),
    CheckConstraint("priority IN ('VERY_IMPORTANT', 'HIGH', 'MEDIUM', 'LOW')", name="priority"),
    CheckConstraint("repeat_from IN ('due', 'completion')", name="repeat_from"),
    CheckConstraint("char_length(title) BETWEEN 1 AND 200", name="title_length"),
    CheckConstraint("cardinality(tags) <= 10", name="tag_count"),
    # One instance per (series, occurrence), however often the request is repeated.
    UniqueConstraint("series_id", "occurrence_key"),
)

# The default list order per user: open/completed, priority, due (nulls last), created.
Index(
    "ix_tasks_user_default_order",
    tasks.c.user_id,
    tasks.c.completed,
    tasks.c.priority_rank,
    tasks.c.due_at.is_(None),
    tasks.c.due_at,
    tasks.c.created_at,
    tasks.c.id,
    postgresql_where=tasks.c.deleted_at.is_(None),
)
Index("ix_tasks_user_created", tasks.c.user_id, tasks.c.created_at, tasks.c.id)
# sort=completed_at: latest done first, open tasks last (migration 0005).
Index(
    "ix_tasks_user_completed_order",
    tasks.c.user_id,
    tasks.c.completed_at.is_(None),
    tasks.c.completed_at.desc(),
    tasks.c.id.desc(),
    postgresql_where=tasks.c.deleted_at.is_(None),
)
Index("ix_tasks_user_due", tasks.c.user_id, tasks.c.due_at)
# sort=title: titles in the order a reader of any language expects, case ignored (ICU's
# language-neutral root collation: Ü sorts with U, é with e, ß as ss), lower-cased by ICU
# too, so neither depends on the database's locale. The list orders by, and compares its
# cursor in, this very expression; the index (migration 0007) serves open and completed
# lists in that order, both ways (desc breaks ties by id desc: A to Z reversed).
TITLE_COLLATION = "und-x-icu"
title_key = func.lower(tasks.c.title.collate(TITLE_COLLATION), type_=Text)
Index(
    "ix_tasks_user_title_order",
    tasks.c.user_id,
    tasks.c.completed,
    title_key,
    tasks.c.id,
    postgresql_where=tasks.c.deleted_at.is_(None),
)
# Searches and tag filters are always one user's. The search index holds each lexeme
# tagged with its owner (task_search_keys, migration 0004), so it finds only the user's
# rows, a prefix reading only the user's lexemes (0006 dropped user_id beside the keys:
# the scan stepped through all of the user's entries too). user_id leads the tags index
# (btree_gin, migration 0003), so other users' tags never reach the heap.
search_keys = func.task_search_keys(tasks.c.user_id, tasks.c.search_vector, type_=TSVECTOR)
Index("ix_tasks_search_keys", search_keys, postgresql_using="gin")
Index("ix_tasks_user_tags", tasks.c.user_id, tasks.c.tag_keys, postgresql_using="gin")
# The reminder scan: only tasks whose reminder is still to be sent.
Index(
    "ix_tasks_reminders_pending",
    tasks.c.remind_at,
    postgresql_where=text(
        "remind_at IS NOT NULL AND reminder_sent_at IS NULL AND NOT completed AND deleted_at IS NULL"
    ),
)

# Each user's vocabulary (title and tag words), kept by a trigger on tasks (migration
# 0002): a search full text cannot match is retried with its words corrected to these.
task_words = Table(
    "task_words",
    metadata,
    Column("user_id", Text, primary_key=True),
    Column("word", Text, primary_key=True),
)
Index(
    "ix_task_words_trgm", task_words.c.word, postgresql_using="gin", postgresql_ops={"word": "gin_trgm_ops"}
)

# A recurring series; ended_at is set when the user deletes it with series=true.
task_series = Table(
    "task_series",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("user_id", Text, nullable=False),
    Column("ended_at", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# POST /api/tasks Idempotency-Key: the first request's body hash and the task it made.
idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("user_id", Text, primary_key=True),
    Column("key", Text, primary_key=True),
    Column("request_hash", Text, nullable=False),
    Column("task_id", Uuid, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Transactional outbox: written with the change, published by adapters.outbox.OutboxRelay.
outbox = Table(
    "outbox",
    metadata,
    Column("id", BigInteger, Identity(always=True), primary_key=True),
    Column("event_id", Uuid, nullable=False, unique=True),
    Column("topic", Text, nullable=False),
    Column("event_type", Text, nullable=False),
    Column("user_id", Text, nullable=False),
    Column("task_id", Text, nullable=False),
    Column("data", JSONB, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=text("now()")),
    Column("sent_at", DateTime(timezone=True)),
    Column("attempts", Integer, nullable=False, server_default=text("0")),
    Column("last_error", Text),
)
Index("ix_outbox_unsent", outbox.c.id, postgresql_where=outbox.c.sent_at.is_(None))
Index("ix_outbox_unsent_task", outbox.c.task_id, outbox.c.id, postgresql_where=outbox.c.sent_at.is_(None))
Index("ix_outbox_sent_at", outbox.c.sent_at, postgresql_where=outbox.c.sent_at.isnot(None))
