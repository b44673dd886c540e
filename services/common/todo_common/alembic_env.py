"""The body of every service's alembic/env.py: online migrations with the URL that
todo_common.db.migrate put into the config (from the secret store)."""

from typing import Any

from alembic import context
from sqlalchemy import create_engine, pool


def run_migrations(target_metadata: Any) -> None:
    url = context.config.get_main_option("sqlalchemy.url")
    assert url, "sqlalchemy.url is set by todo_common.db.migrate"
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()
