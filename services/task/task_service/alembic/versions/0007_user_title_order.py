"""Each user's tasks in title order, as a reader expects it: GET /api/tasks?sort=title

Revision ID: 0007_user_title_order
Revises: 0006_search_column_order

sort=title ordered by lower(title) in the database's collation (C.UTF-8 here: code point
order), so every accented initial came after Z ("Übersetzung" after "Zahnarzt") and
"Straße" after "Strauch". It now orders by lower(title COLLATE "und-x-icu"): ICU's
language-neutral root collation (Ü with U, é with e, ß as ss), lower-cased by ICU, the
id breaking ties (tables.title_key, listing.ordering). The cursor's title is compared in
that same expression, so pages walk that order.

No index served the title order before: every page read and sorted all of the user's
tasks (EXPLAIN ANALYZE, a user with 5,000 open tasks among 30,000, pages of 50: 4.0 ms
for the first page, 4.4 ms for page 50). This index holds the sort key after user_id and
completed (a list is open, completed or all), so an open or completed list reads just
its page in order, forwards for A to Z and backwards for Z to A (desc breaks ties by id
desc), and a later page starts at its cursor (a row comparison of title and id): 0.05-0.08
ms for the first page, 0.07-0.10 ms for page 50, also as a generic plan. status=all still
reads and sorts all of the user's tasks (4.3 ms at that size, as before). An insert adds
one entry to it (20,000 inserts: within the noise of 1.4-1.5 s either way).

The collation "und-x-icu" is one of those initdb imports from ICU (PostgreSQL built
with ICU, as the Debian packages and the postgres images are).

Built CONCURRENTLY, as since 0004: tasks stay writable while it builds; an index left
invalid by a build that died is dropped before the build.
"""

from alembic import op

revision = "0007_user_title_order"
down_revision = "0006_search_column_order"

INDEX = "ix_tasks_user_title_order"


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")
        op.execute(
            f"CREATE INDEX CONCURRENTLY {INDEX} ON tasks "
            '(user_id, completed, lower(title COLLATE "und-x-icu"), id) WHERE deleted_at IS NULL'
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")
