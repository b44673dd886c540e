"""Searches run on a pool planned per execution, with the typo correction's threshold set
for its sessions; other reads keep cached plans."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import Text, bindparam, event, func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine
from task_service.adapters.repository import SEARCH_SESSION, TRIGRAM_THRESHOLD, UnitOfWork, keys_decide_query
from task_service.domain.listing import build_list_query
from todo_common.db import autocommit_engine

if TYPE_CHECKING:
    from conftest import User

pytestmark = pytest.mark.integration


async def _plan_cache_mode(uow: UnitOfWork, *, search: bool) -> str:
    async with uow.reads(search=search) as repo:
        return str((await repo.conn.execute(text("SHOW plan_cache_mode"))).scalar_one())


async def test_searches_are_planned_for_their_parameters(engine: AsyncEngine) -> None:
    reads, searches = autocommit_engine(engine, 2), autocommit_engine(engine, 2, custom_plans=True)
    try:
        uow = UnitOfWork(engine, autocommit=reads, searches=searches)
        assert await _plan_cache_mode(uow, search=True) == "force_custom_plan"
        assert await _plan_cache_mode(uow, search=False) == "auto"
    finally:
        await searches.dispose()
        await reads.dispose()


async def _corrected_search(uow: UnitOfWork, user_id: str, search: str) -> tuple[str | None, list[str]]:
    """How a search for `search` matched (its mode) and the titles it found."""
    query = build_list_query(user_id=user_id, now=datetime.now(UTC), status="all", search=search)
    async with uow.reads(search=True) as repo:
        page = await repo.list_page(query)
    return page.mode, [t.title for t in page.tasks]


async def test_the_search_pool_sets_the_trigram_threshold_for_its_sessions(
    alice: User, engine: AsyncEngine
) -> None:
    """The typo correction's `%` reads pg_trgm.similarity_threshold from the session; the
    search pool sets it on connect (a set_config local to a statement would be gone by the
    next one on an autocommit connection). 'grocreies' is 0.43 similar to 'groceries'."""
    await alice.create(title="groceries for the week")
    strict = autocommit_engine(
        engine, 1, custom_plans=True, session_settings={"pg_trgm.similarity_threshold": "0.9"}
    )
    ours = autocommit_engine(engine, 1, custom_plans=True, session_settings=SEARCH_SESSION)
    try:
        uow = UnitOfWork(engine, searches=strict)
        assert await _plan_cache_mode(uow, search=True) == "force_custom_plan"
        assert await _corrected_search(uow, alice.id, "grocreies") == ("fulltext", [])
        uow = UnitOfWork(engine, searches=ours)
        assert await _corrected_search(uow, alice.id, "grocreies") == ("trigram", ["groceries for the week"])
        async with uow.reads(search=True) as repo:
            threshold = (await repo.conn.execute(text("SHOW pg_trgm.similarity_threshold"))).scalar_one()
        assert threshold == TRIGRAM_THRESHOLD
    finally:
        await strict.dispose()
        await ours.dispose()


@pytest.mark.parametrize("setting", [{"work_mem": "1MB; DROP TABLE tasks"}, {"a b": "1"}, {"x": "1 -c y=2"}])
async def test_session_settings_are_refused_unless_plain(
    engine: AsyncEngine, setting: dict[str, str]
) -> None:
    with pytest.raises(ValueError, match="unsafe session setting"):
        autocommit_engine(engine, 1, session_settings=setting)


async def test_a_search_finds_its_candidates_by_the_users_search_keys(
    alice: User, engine: AsyncEngine
) -> None:
    """The statement's task_search_keys(...) @@ task_search_query(...) is the expression of
    ix_tasks_search_keys (migrations 0004, 0006), so the index can serve it: a prefix reads
    only the user's own lexemes. The user has 3,000 tasks, so that reading all of them is
    dearer than the index."""
    await alice.create(title="Buy groceries")
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO tasks (id, user_id, title, created_at, updated_at) "
                "SELECT gen_random_uuid(), :user_id, 'chore ' || i, now(), now() "
                "FROM generate_series(1, 3000) i"
            ),
            {"user_id": alice.id},
        )
        await conn.execute(text("ANALYZE tasks"))
    statements: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    uow = UnitOfWork(engine)
    event.listen(engine.sync_engine, "before_cursor_execute", capture)
    try:
        query = build_list_query(user_id=alice.id, now=datetime.now(UTC), status="all", search="grocer")
        async with uow.reads(search=True) as repo:
            assert [t.title for t in (await repo.list_page(query)).tasks] == ["Buy groceries"]
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", capture)
    [(statement, parameters)] = statements
    async with engine.connect() as conn:
        plan = "\n".join(row[0] for row in await conn.exec_driver_sql("EXPLAIN " + statement, parameters))
    assert "ix_tasks_search_keys" in plan, plan
    # user_id is checked on each row found, not ANDed in from another index: the tags
    # index's entries of the user are all 3,000 of their tasks.
    assert "BitmapAnd" not in plan and "ix_tasks_user_tags" not in plan, plan


@pytest.mark.parametrize(
    ("search", "decided"),
    [
        ("groceries", True),
        ("groceries dentist", True),
        ("milk or bread", True),
        ("milk -eggs", False),
        ('"milk and bread"', False),
        ("e-mail", False),  # websearch_to_tsquery makes a hyphenated word a phrase
        ("x" * 499, False),  # a lexeme the keys cut at 500 characters
    ],
)
async def test_the_search_keys_decide_only_queries_without_phrases_or_negations(
    engine: AsyncEngine, search: str, decided: bool
) -> None:
    """The row's own vector is checked only where the keys can be wrong: positions for a
    phrase, a negation, a lexeme past the keys' cut."""
    query = func.websearch_to_tsquery("english", bindparam("search", type_=Text))
    async with engine.connect() as conn:
        result = await conn.execute(select(keys_decide_query(query)), {"search": search})
    assert result.scalar_one() is decided
