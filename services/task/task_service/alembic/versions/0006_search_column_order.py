"""tasks rebuilt with what a search reads first; the search keys index without user_id

Revision ID: 0006_search_column_order
Revises: 0005_user_completed_order

A search ranks every task its words match: for a common word in 100,000 of one user's
tasks, 16,246 rows, each read for deleted_at and completed (the filters) and for
search_vector (ts_rank). PostgreSQL reads a row's columns in order, and search_vector was
the last of 26 (deleted_at the 21st): walking the 25 columns before it took more time
than ts_rank itself (EXPLAIN ANALYZE over those rows, back to back: 8.9 ms to count them,
11.4 with the filters, 12.4 reading search_vector, 13.3 ranking). The table is rebuilt with
its fixed-width columns first (id, created_at, updated_at, version, instance_number,
priority_rank, completed), then deleted_at and search_vector, then the rest in their old
order, so a search reads 9 columns a row instead of 26.

The search keys carry their owner's tag (0004), so the keys alone find only the user's
rows; user_id beside them in the index made each scan step through the user's whole
posting list as well (100,000 entries: 3.6 of the scan's ms, 2.2 without it). The index
is now the keys alone (ix_tasks_search_keys), and the search checks user_id on each row
it finds (two users may share a tag). The search statement writes that check as
`(user_id = :user_id) IS true`, which no index can serve: as a plain equality the
planner ANDed the keys with the tags index's entries of the user (4.1 ms instead of 0.1
for a rare word).

Both together, for that common word (EXPLAIN ANALYZE, back to back): 17.4 ms before,
12.2 after; 20.4 against 18.6 ms (p50) paced 15 a second, as the benchmark sends them.

The rebuild runs in this migration's transaction and holds an ACCESS EXCLUSIVE lock on
tasks while it copies the rows and builds the indexes: reads and writes of tasks wait
(4 s here for 214,000 tasks). Everything else on the table is read from the catalog
before it goes and recreated as it was: constraints, indexes, triggers, storage options.
The rows keep their values; the generated columns are computed again from them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision = "0006_search_column_order"
down_revision = "0005_user_completed_order"

# What a search reads of each row, after the fixed-width columns (read at fixed offsets
# while no null and no variable-width column comes before them).
SEARCH_FIRST = (
    "id",
    "created_at",
    "updated_at",
    "version",
    "instance_number",
    "priority_rank",
    "completed",
    "deleted_at",
    "search_vector",
)
# The order of 0001-0005, for the downgrade.
ORIGINAL = (
    "id",
    "user_id",
    "title",
    "description",
    "completed",
    "completed_at",
    "priority",
    "priority_rank",
    "tags",
    "tag_keys",
    "due_at",
    "remind_at",
    "reminder_sent_at",
    "rrule",
    "repeat_from",
    "series_id",
    "parent_task_id",
    "instance_number",
    "occurrence_key",
    "next_occurrence",
    "deleted_at",
    "version",
    "created_at",
    "updated_at",
    "search_vector",
)
KEYS = "task_search_keys(user_id, search_vector)"
USER_KEYS_INDEX = f"CREATE INDEX ix_tasks_user_search_keys ON {{table}} USING gin (user_id, {KEYS})"
KEYS_INDEX = f"CREATE INDEX ix_tasks_search_keys ON {{table}} USING gin ({KEYS})"


def _rebuild(first: Sequence[str], drop_index: str, add_index: str) -> None:
    """Rebuild tasks with the columns `first` first (the others after them, in their
    order), index `drop_index` left out and `add_index` added."""
    conn = op.get_bind()
    conn.execute(sa.text("LOCK TABLE tasks IN ACCESS EXCLUSIVE MODE"))
    table = conn.execute(sa.text("SELECT 'tasks'::regclass::oid, 'tasks'::regclass::text")).one()
    oid, name = table
    columns = conn.execute(
        sa.text(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attgenerated, "
            "pg_get_expr(d.adbin, d.adrelid) "
            "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
            "WHERE a.attrelid = :oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"
        ),
        {"oid": oid},
    ).all()
    constraints = conn.execute(
        sa.text(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            # Not-null constraints (PostgreSQL 18 lists them here too) come with the columns.
            "WHERE conrelid = :oid AND contype <> 'n' ORDER BY contype = 'p' DESC, conname"
        ),
        {"oid": oid},
    ).all()
    indexes = conn.execute(
        sa.text(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "WHERE i.indrelid = :oid AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = :oid) "
            "ORDER BY 1"
        ),
        {"oid": oid},
    ).all()
    triggers = (
        conn.execute(
            sa.text(
                "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = :oid AND NOT tgisinternal"
            ),
            {"oid": oid},
        )
        .scalars()
        .all()
    )
    options = conn.execute(sa.text("SELECT reloptions FROM pg_class WHERE oid = :oid"), {"oid": oid}).scalar()

    by_name = {c[0]: c for c in columns}
    unknown = set(first) - set(by_name)
    if unknown:
        raise RuntimeError(f"tasks has no column {sorted(unknown)}")
    order = [*first, *(c[0] for c in columns if c[0] not in first)]

    def definition(column: str) -> str:
        _, type_, not_null, generated, expression = by_name[column]
        parts = [f'"{column}" {type_}']
        if generated == "s":
            parts.append(f"GENERATED ALWAYS AS ({expression}) STORED")
        elif expression is not None:
            parts.append(f"DEFAULT {expression}")
        if not_null:
            parts.append("NOT NULL")
        return " ".join(parts)

    with_options = f" WITH ({', '.join(options)})" if options else ""
    op.execute(f"CREATE TABLE tasks_rebuilt ({', '.join(definition(c) for c in order)}){with_options}")
    stored = ", ".join(f'"{c}"' for c in order if by_name[c][3] != "s")
    op.execute(f"INSERT INTO tasks_rebuilt ({stored}) SELECT {stored} FROM tasks")
    op.execute("DROP TABLE tasks")
    op.execute("ALTER TABLE tasks_rebuilt RENAME TO tasks")
    for constraint, constraint_sql in constraints:
        op.execute(f'ALTER TABLE tasks ADD CONSTRAINT "{constraint}" {constraint_sql}')
    kept = [index_sql for index, index_sql in indexes if index.split(".")[-1] != drop_index]
    if len(kept) == len(indexes):
        raise RuntimeError(f"tasks has no index {drop_index}")
    for index_sql in [*kept, add_index.format(table=name)]:
        op.execute(index_sql)
    for trigger_sql in triggers:
        op.execute(trigger_sql)
    # The planner's statistics went with the old table.
    op.execute("ANALYZE tasks")


def upgrade() -> None:
    _rebuild(SEARCH_FIRST, "ix_tasks_user_search_keys", KEYS_INDEX)


def downgrade() -> None:
    _rebuild(ORIGINAL, "ix_tasks_search_keys", USER_KEYS_INDEX)
