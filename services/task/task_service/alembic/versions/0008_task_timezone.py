"""tasks.timezone: the IANA zone a repeating task keeps its wall-clock time in

Revision ID: 0008_task_timezone
Revises: 0007_user_title_order

A rule repeats on the wall clock of the task's zone (RFC 5545 DTSTART;TZID), so "every
Monday at 09:00" in Europe/London stays at 09:00 when summer time starts. NULL (every
existing task) repeats in UTC, as before. A nullable column without a default: adding it
only changes the catalog, no row is rewritten.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_task_timezone"
down_revision = "0007_user_title_order"


def upgrade() -> None:
    op.add_column("tasks", sa.Column("timezone", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("tasks", "timezone")
