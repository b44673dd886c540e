"""GIN indexes scoped by user: (user_id, search_vector) and (user_id, tag_keys)

Revision ID: 0003_user_scoped_gin
Revises: 0002_task_words

Every search and tag filter is one user's. A GIN index over the vectors of all users
hands back every user's matches, and the heap then throws the others away: with 100,000
tasks of one user and 225,000 of others, a common word cost 48-88 ms, most of it reading
rows that were not the caller's (or, when the planner gave up on the index, the whole
table). btree_gin lets user_id sit in the same GIN index, so the bitmap holds only the
caller's matches: the same query takes 18 ms (EXPLAIN ANALYZE, BENCHMARKS.md).
btree_gin is a trusted contrib extension (PostgreSQL 13+): the database owner may create
it, as pg_trgm.
"""

from alembic import op

revision = "0003_user_scoped_gin"
down_revision = "0002_task_words"


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    op.create_index("ix_tasks_user_search", "tasks", ["user_id", "search_vector"], postgresql_using="gin")
    op.create_index("ix_tasks_user_tags", "tasks", ["user_id", "tag_keys"], postgresql_using="gin")
    op.drop_index("ix_tasks_search_vector", table_name="tasks")
    op.drop_index("ix_tasks_tag_keys", table_name="tasks")


def downgrade() -> None:
    op.create_index("ix_tasks_tag_keys", "tasks", ["tag_keys"], postgresql_using="gin")
    op.create_index("ix_tasks_search_vector", "tasks", ["search_vector"], postgresql_using="gin")
    op.drop_index("ix_tasks_user_tags", table_name="tasks")
    op.drop_index("ix_tasks_user_search", table_name="tasks")
