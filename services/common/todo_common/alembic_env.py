"""The body of every service's alembic/env.py: online migrations with the URL that
todo_common.db.migrate put into the config (from the secret store)."""

from typing import Any

from alembic import context
from sqlalchemy import create_engine, pool, text

# Replicas (or worker processes) starting together migrate one at a time: the others wait
# for this lock, then find the schema at head. Held until the migration's transaction ends.
MIGRATION_LOCK = 0x746F646F  # "todo"


def run_migrations(target_metadata: Any) -> None:
    url = context.config.get_main_option("sqlalchemy.url")
    assert url, "sqlalchemy.url is set by todo_common.db.migrate"
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            context.run_migrations()
    engine.dispose()
