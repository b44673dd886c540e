"""Migrations on a real PostgreSQL: replicas that start together migrate one at a time."""

import asyncio
import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from task_service.app import MIGRATIONS

pytestmark = pytest.mark.integration


async def test_replicas_starting_together_migrate_once(database_url: str) -> None:
    """Three processes migrate an empty database at once: all succeed (the others wait for
    the first one's advisory lock, then find the schema at head). Without the lock, two of
    them create the same tables at once and one fails (a duplicate alembic_version type).
    Waiting for the lock inside a statement, a waiter held a snapshot that the holder's
    CREATE INDEX CONCURRENTLY waited for: a deadlock in three runs of five."""
    parts = urlsplit(database_url.replace("postgresql+psycopg://", "postgresql://"))
    # Made by scripts/postgres.sh, owned by the test role, emptied here.
    fresh = urlunsplit(parts._replace(path="/todo_migrate_test"))
    with psycopg.connect(fresh, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    url = fresh.replace("postgresql://", "postgresql+psycopg://", 1)
    code = f"from todo_common.db import migrate; migrate({url!r}, {str(MIGRATIONS)!r})"
    # Processes, like replicas (Alembic's context is per process, not per thread).
    replicas = [await asyncio.create_subprocess_exec(sys.executable, "-c", code) for _ in range(3)]
    assert [await p.wait() for p in replicas] == [0, 0, 0]
    with psycopg.connect(fresh) as conn:
        versions = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        tasks = conn.execute("SELECT count(*) FROM tasks").fetchone()
        # Indexes built CONCURRENTLY (migration 0004) are left invalid by a build that fails.
        invalid = conn.execute(
            "SELECT indexrelid::regclass::text FROM pg_index "
            "WHERE indrelid = 'tasks'::regclass AND NOT indisvalid"
        ).fetchall()
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert versions == [(head,)] and tasks == (0,) and invalid == []
