"""dead letters: one row per message that reached a -dlq topic, unique by its key

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "dead_letters",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        # "<consumer>:<event id or sha256 of the payload>": a redelivery is stored once.
        sa.Column("key", sa.Text(), nullable=False, unique=True),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("consumer", sa.Text(), nullable=True),
        sa.Column("event_id", sa.Text(), nullable=True),
        sa.Column("event_type", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("record", postgresql.JSONB(), nullable=False),
    )
    op.create_index("ix_dead_letters_received", "dead_letters", [sa.text("received_at DESC")])


def downgrade() -> None:
    op.drop_table("dead_letters")
