"""tasks, series, idempotency keys and the outbox

Revision ID: 0001_tasks
Revises:
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001_tasks"
down_revision = None

PRIORITY_RANK_SQL = (
    "CASE priority WHEN 'VERY_IMPORTANT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END"
)
SEARCH_VECTOR_SQL = (
    "setweight(to_tsvector('english'::regconfig, title), 'A') || "
    "setweight(to_tsvector('english'::regconfig, task_tags_text(tags)), 'B') || "
    "setweight(to_tsvector('english'::regconfig, description), 'C')"
)


def upgrade() -> None:
    # The infra script creates pg_trgm as a superuser; IF NOT EXISTS returns before any
    # permission check when it is there, and pg_trgm is a trusted extension (PostgreSQL
    # 13+) that the database owner may create where it is not.
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    # array_to_string is STABLE; a generated column needs an IMMUTABLE expression.
    op.execute(
        "CREATE OR REPLACE FUNCTION task_tags_text(tags text[]) RETURNS text "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string(tags, ' ') $$"
    )

    op.create_table(
        "tasks",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), server_default="", nullable=False),
        sa.Column("completed", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("priority", sa.Text(), server_default="MEDIUM", nullable=False),
        sa.Column(
            "priority_rank", sa.SmallInteger(), sa.Computed(PRIORITY_RANK_SQL, persisted=True), nullable=False
        ),
        sa.Column("tags", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("tag_keys", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("remind_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reminder_sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("rrule", sa.Text(), nullable=True),
        sa.Column("repeat_from", sa.Text(), server_default="due", nullable=False),
        sa.Column("series_id", sa.Uuid(), nullable=True),
        sa.Column("parent_task_id", sa.Uuid(), nullable=True),
        sa.Column("instance_number", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("occurrence_key", sa.Text(), nullable=True),
        sa.Column("next_occurrence", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "search_vector",
            postgresql.TSVECTOR(),
            sa.Computed(SEARCH_VECTOR_SQL, persisted=True),
            nullable=False,
        ),
        sa.CheckConstraint(
            "priority IN ('VERY_IMPORTANT', 'HIGH', 'MEDIUM', 'LOW')", name="ck_tasks_priority"
        ),
        sa.CheckConstraint("repeat_from IN ('due', 'completion')", name="ck_tasks_repeat_from"),
        sa.CheckConstraint("char_length(title) BETWEEN 1 AND 200", name="ck_tasks_title_length"),
        sa.CheckConstraint("cardinality(tags) <= 10", name="ck_tasks_tag_count"),
        sa.PrimaryKeyConstraint("id", name="pk_tasks"),
        sa.UniqueConstraint("series_id", "occurrence_key", name="uq_tasks_series_id_occurrence_key"),
    )
    op.execute(
        "CREATE INDEX ix_tasks_user_default_order ON tasks "
        "(user_id, completed, priority_rank, (due_at IS NULL), due_at, created_at, id) WHERE deleted_at IS NULL"
    )
    op.create_index("ix_tasks_user_created", "tasks", ["user_id", "created_at", "id"])
    op.create_index("ix_tasks_user_due", "tasks", ["user_id", "due_at"])
    op.create_index("ix_tasks_tag_keys", "tasks", ["tag_keys"], postgresql_using="gin")
    op.create_index("ix_tasks_search_vector", "tasks", ["search_vector"], postgresql_using="gin")
    op.create_index(
        "ix_tasks_title_trgm",
        "tasks",
        ["title"],
        postgresql_using="gin",
        postgresql_ops={"title": "gin_trgm_ops"},
    )
    op.create_index(
        "ix_tasks_reminders_pending",
        "tasks",
        ["remind_at"],
        postgresql_where=sa.text(
            "remind_at IS NOT NULL AND reminder_sent_at IS NULL AND NOT completed AND deleted_at IS NULL"
        ),
    )

    op.create_table(
        "task_series",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_task_series"),
    )

    op.create_table(
        "idempotency_keys",
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("request_hash", sa.Text(), nullable=False),
        sa.Column("task_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("user_id", "key", name="pk_idempotency_keys"),
    )

    op.create_table(
        "outbox",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("event_type", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("task_id", sa.Text(), nullable=False),
        sa.Column("data", postgresql.JSONB(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_outbox"),
        sa.UniqueConstraint("event_id", name="uq_outbox_event_id"),
    )
    op.create_index("ix_outbox_unsent", "outbox", ["id"], postgresql_where=sa.text("sent_at IS NULL"))
    op.create_index(
        "ix_outbox_unsent_task", "outbox", ["task_id", "id"], postgresql_where=sa.text("sent_at IS NULL")
    )
    op.create_index(
        "ix_outbox_sent_at", "outbox", ["sent_at"], postgresql_where=sa.text("sent_at IS NOT NULL")
    )


def downgrade() -> None:
    op.drop_table("outbox")
    op.drop_table("idempotency_keys")
    op.drop_table("task_series")
    op.drop_table("tasks")
    op.execute("DROP FUNCTION IF EXISTS task_tags_text(text[])")
    # pg_trgm stays: the infra script owns it and other objects may use it.
