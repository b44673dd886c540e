"""The body of every service's alembic/env.py: online migrations with the URL that
todo_common.db.migrate put into the config (from the secret store)."""

import time
from typing import Any

from alembic import context
from sqlalchemy import create_engine, pool, text

# Replicas (or worker processes) starting together migrate one at a time: the others wait
# for this lock, then find the schema at head. A session lock, held until every migration
# has run: a migration that builds an index CONCURRENTLY commits inside its
# autocommit_block, which would end a transaction-level lock halfway.
MIGRATION_LOCK = 0x746F646F  # "todo"
LOCK_POLL_S = 0.2


def run_migrations(target_metadata: Any) -> None:
    url = context.config.get_main_option("sqlalchemy.url")
    assert url, "sqlalchemy.url is set by todo_common.db.migrate"
    engine = create_engine(url, poolclass=pool.NullPool)
    lock = {"key": MIGRATION_LOCK}
    with engine.connect() as connection:
        # Polled, not waited for inside a statement: a waiting statement holds a snapshot,
        # and CREATE INDEX CONCURRENTLY in the lock holder's migration waits for every
        # snapshot older than its own (a deadlock).
        while not connection.execute(text("SELECT pg_try_advisory_lock(:key)"), lock).scalar_one():
            connection.commit()
            time.sleep(LOCK_POLL_S)
        connection.commit()
        try:
            context.configure(connection=connection, target_metadata=target_metadata)
            with context.begin_transaction():
                context.run_migrations()
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), lock)
            connection.commit()
    engine.dispose()
