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


CATALOG = {
    "constraints": "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
    "WHERE conrelid = 'tasks'::regclass AND contype <> 'n' ORDER BY 1",
    "indexes": "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index "
    "WHERE indrelid = 'tasks'::regclass ORDER BY 1",
    "triggers": "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger "
    "WHERE tgrelid = 'tasks'::regclass AND NOT tgisinternal ORDER BY 1",
    "columns": "SELECT attname, format_type(atttypid, atttypmod), attnotnull, attgenerated FROM pg_attribute "
    "WHERE attrelid = 'tasks'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attname",
}
ORDER = (
    "SELECT attname FROM pg_attribute WHERE attrelid = 'tasks'::regclass AND attnum > 0 AND NOT attisdropped "
    "ORDER BY attnum"
)
# Every column of every row, search_vector and priority_rank (generated) included.
ROWS = "SELECT to_jsonb(t) FROM tasks t ORDER BY id"


def _catalog(conn: psycopg.Connection) -> dict[str, list[tuple[object, ...]]]:
    return {name: conn.execute(query).fetchall() for name, query in CATALOG.items()}  # type: ignore[arg-type]


def test_the_search_column_order_rebuild_keeps_every_row_and_everything_on_the_table(
    database_url: str,
) -> None:
    """Migration 0006 rebuilds tasks with its columns in another order and swaps the search
    keys index. Tasks of every kind made at 0005 come through the upgrade and the
    downgrade with every value as it was; constraints, indexes (but the swapped one),
    the vocabulary trigger and the columns' types are as before; the columns a search
    reads come first; a search still finds its rows by the new index."""
    from alembic import command

    parts = urlsplit(database_url.replace("postgresql+psycopg://", "postgresql://"))
    fresh = urlunsplit(parts._replace(path="/todo_migrate_test"))
    with psycopg.connect(fresh, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", fresh.replace("postgresql://", "postgresql+psycopg://", 1))
    command.upgrade(config, "0005_user_completed_order")
    with psycopg.connect(fresh, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO tasks (id, user_id, title, description, completed, completed_at, priority, tags, "
            "tag_keys, due_at, remind_at, reminder_sent_at, rrule, repeat_from, series_id, parent_task_id, "
            "instance_number, occurrence_key, next_occurrence, deleted_at, version, created_at, updated_at) "
            "VALUES (gen_random_uuid(), 'alice', 'Buy groceries', 'oat milk', false, null, 'HIGH', "
            "'{Errands}', '{errands}', now() + interval '1 day', now(), null, null, 'due', null, null, "
            "1, null, null, null, 1, now(), now()), "
            "(gen_random_uuid(), 'alice', 'Gym', '', true, now(), 'LOW', '{}', '{}', now(), null, now(), "
            "'FREQ=WEEKLY;BYDAY=MO', 'completion', gen_random_uuid(), gen_random_uuid(), 3, 'k3', "
            "now() + interval '7 days', null, 4, now() - interval '1 day', now()), "
            "(gen_random_uuid(), 'bob', 'Deleted groceries', '', false, null, 'MEDIUM', '{Work,Home}', "
            "'{work,home}', null, null, null, null, 'due', null, null, 1, null, null, now(), 2, now(), now())"
        )
        rows, before = conn.execute(ROWS).fetchall(), _catalog(conn)
        old_order = [r[0] for r in conn.execute(ORDER)]
    command.upgrade(config, "0006_search_column_order")
    with psycopg.connect(fresh, autocommit=True) as conn:
        assert conn.execute(ROWS).fetchall() == rows
        after = _catalog(conn)
        order = [r[0] for r in conn.execute(ORDER)]
        conn.execute("SET enable_seqscan = off")
        plan = "\n".join(
            r[0]
            for r in conn.execute(
                "EXPLAIN SELECT id FROM tasks WHERE task_search_keys(user_id, search_vector) "
                "@@ task_search_query('alice', websearch_to_tsquery('english', 'groceries'))"
            )
        )
        found = conn.execute(
            "SELECT title FROM tasks WHERE task_search_keys(user_id, search_vector) "
            "@@ task_search_query('alice', websearch_to_tsquery('english', 'groceries')) "
            "AND user_id = 'alice'"
        ).fetchall()
        conn.execute(
            "INSERT INTO tasks (id, user_id, title, created_at, updated_at) "
            "VALUES (gen_random_uuid(), 'alice', 'Water the ferns', now(), now())"
        )
        words = conn.execute(
            "SELECT word FROM task_words WHERE user_id = 'alice' AND word = 'ferns'"
        ).fetchall()
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute(
                "INSERT INTO tasks (id, user_id, title, priority, created_at, updated_at) "
                "VALUES (gen_random_uuid(), 'alice', 'x', 'SOMEDAY', now(), now())"
            )
        conn.execute("DELETE FROM tasks WHERE title = 'Water the ferns'")
    assert order[:9] == [
        "id",
        "created_at",
        "updated_at",
        "version",
        "instance_number",
        "priority_rank",
        "completed",
        "deleted_at",
        "search_vector",
    ]
    assert sorted(order) == sorted(old_order)
    assert "ix_tasks_search_keys" in plan, plan
    assert found == [("Buy groceries",)]
    assert words == [("ferns",)]
    swapped = {"ix_tasks_user_search_keys", "ix_tasks_search_keys"}
    assert {k: v for k, v in after.items() if k != "indexes"} == {
        k: v for k, v in before.items() if k != "indexes"
    }
    assert [i for i in after["indexes"] if i[0] not in swapped] == [
        i for i in before["indexes"] if i[0] not in swapped
    ]
    assert [i[0] for i in after["indexes"] if i[0] in swapped] == ["ix_tasks_search_keys"]
    command.downgrade(config, "0005_user_completed_order")
    with psycopg.connect(fresh, autocommit=True) as conn:
        assert conn.execute(ROWS).fetchall() == rows
        assert _catalog(conn) == before
        assert [r[0] for r in conn.execute(ORDER)] == old_order


def test_the_title_order_index_goes_and_comes_back(database_url: str) -> None:
    """Migration 0007 adds the per-user title order index (ICU root collation, lower-cased
    by ICU); its downgrade drops it and only it, and the upgrade after that builds it
    again, valid."""
    from alembic import command

    parts = urlsplit(database_url.replace("postgresql+psycopg://", "postgresql://"))
    fresh = urlunsplit(parts._replace(path="/todo_migrate_test"))
    with psycopg.connect(fresh, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", fresh.replace("postgresql://", "postgresql+psycopg://", 1))
    title_index = (
        "SELECT pg_get_indexdef(indexrelid), indisvalid FROM pg_index "
        "WHERE indexrelid = to_regclass('ix_tasks_user_title_order')"
    )
    command.upgrade(config, "0006_search_column_order")
    with psycopg.connect(fresh) as conn:
        before = _catalog(conn)
    command.upgrade(config, "0007_user_title_order")
    with psycopg.connect(fresh) as conn:
        [(definition, valid)] = conn.execute(title_index).fetchall()
    assert valid and definition.endswith(
        '(user_id, completed, lower((title COLLATE "und-x-icu")), id) WHERE (deleted_at IS NULL)'
    ), definition
    command.downgrade(config, "0006_search_column_order")
    with psycopg.connect(fresh) as conn:
        assert conn.execute(title_index).fetchall() == []
        assert _catalog(conn) == before
    command.upgrade(config, "head")
    with psycopg.connect(fresh) as conn:
        assert conn.execute(title_index).fetchall() == [(definition, True)]
