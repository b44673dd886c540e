"""GET /api/tasks on a real PostgreSQL: search, every filter and sort, keyset pagination."""

from __future__ import annotations

import hashlib
import itertools
import random
import string
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from uuid import uuid4

import pytest
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine
from task_service.adapters.repository import _page_statement

if TYPE_CHECKING:
    from conftest import User

pytestmark = pytest.mark.integration


@asynccontextmanager
async def explained(engine: AsyncEngine) -> AsyncIterator[list[str]]:
    """The plans (EXPLAIN) of the statements the block's requests sent, in order, filled in
    when the block ends."""
    statements: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    plans: list[str] = []
    event.listen(engine.sync_engine, "before_cursor_execute", capture)
    try:
        yield plans
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", capture)
    async with engine.connect() as conn:
        for statement, parameters in statements:
            rows = await conn.exec_driver_sql("EXPLAIN " + statement, parameters)
            plans.append("\n".join(row[0] for row in rows))


def at(days: float = 0, hours: float = 0) -> str:
    moment = datetime.now(UTC) + timedelta(days=days, hours=hours)
    return moment.isoformat().replace("+00:00", "Z")


# -- search ---------------------------------------------------------------------------------
async def test_search_stems_words(alice: User) -> None:
    await alice.create(title="Go running in the park")
    await alice.create(title="Read a book")
    assert await alice.titles(search="runs") == ["Go running in the park"]


async def test_search_matches_prefixes(alice: User) -> None:
    await alice.create(title="Buy groceries")
    await alice.create(title="Call grandma")
    assert await alice.titles(search="grocer") == ["Buy groceries"]
    assert await alice.titles(search="buy groc") == ["Buy groceries"]


async def test_search_covers_description_and_tags(alice: User) -> None:
    await alice.create(title="Errand", description="pick up the dry cleaning")
    await alice.create(title="Other", tags=["Finance"])
    assert await alice.titles(search="cleaning") == ["Errand"]
    assert await alice.titles(search="finance") == ["Other"]


async def test_search_falls_back_to_trigrams_for_typos(alice: User) -> None:
    await alice.create(title="Buy groceries for the week")
    await alice.create(title="Call the dentist")
    assert await alice.titles(search="grocreies") == ["Buy groceries for the week"]
    assert await alice.titles(search="dentsit") == ["Call the dentist"]
    assert await alice.titles(search="xylophone") == []


async def test_the_answer_says_which_corrected_search_it_is_for(alice: User) -> None:
    for i in range(3):
        await alice.create(title=f"Buy groceries {i}")
    first = await alice.page(search="buy grocreies", limit=2)
    assert first["corrected_search"] == "buy groceries"
    # Later pages of a corrected search say so too.
    second = await alice.page(search="buy grocreies", limit=2, cursor=first["next_cursor"])
    assert [t["title"] for t in second["items"]] == ["Buy groceries 0"]
    assert second["corrected_search"] == "buy groceries"
    # A search that matched as typed, or matched nothing even corrected, is not corrected.
    assert (await alice.page(search="groceries"))["corrected_search"] is None
    assert (await alice.page(search="xylophone"))["corrected_search"] is None
    assert (await alice.page())["corrected_search"] is None


async def test_a_typo_is_corrected_word_by_word_from_titles_and_tags(alice: User) -> None:
    await alice.create(title="Buy groceries", tags=["Household"])
    await alice.create(title="Buy stamps")
    assert await alice.titles(search="buy grocreies") == ["Buy groceries"]
    assert await alice.titles(search="housefold") == ["Buy groceries"]
    # Completed tasks stay out of an open-tasks search, corrected or not.
    done = await alice.create(title="Water the orchids")
    await alice.request("POST", f"/api/tasks/{done['id']}/complete")
    assert await alice.titles(search="orchid") == []
    assert await alice.titles(search="orchdis") == []


async def test_another_users_words_do_not_correct_my_search(alice: User, bob: User) -> None:
    await bob.create(title="Rehearse the symphony")
    await alice.create(title="Call mom")
    assert await alice.titles(search="symphny") == []


async def test_search_ranks_title_over_tags_over_description(alice: User) -> None:
    await alice.create(title="Notes", description="about the budget")
    await alice.create(title="Plan the budget")
    await alice.create(title="Spreadsheet", tags=["budget"])
    assert await alice.titles(search="budget") == ["Plan the budget", "Spreadsheet", "Notes"]


async def test_search_shows_equal_ranks_newest_first_across_pages(alice: User) -> None:
    for i in range(6):
        await alice.create(title=f"Buy milk {i}")
    await alice.create(title="Call mum")
    newest_first = [f"Buy milk {i}" for i in reversed(range(6))]
    assert await alice.titles(search="milk") == newest_first
    pages = await _all_pages(alice, 4, search="milk")
    assert pages == [newest_first[:4], newest_first[4:]]
    assert await alice.titles(search="milk", order="asc") == newest_first


async def test_search_supports_web_syntax(alice: User) -> None:
    await alice.create(title="milk and eggs")
    await alice.create(title="milk and bread")
    assert await alice.titles(search="milk -eggs") == ["milk and bread"]
    assert await alice.titles(search='"and bread"') == ["milk and bread"]
    # A phrase is a phrase in the prefix part too: both tasks hold both words.
    assert await alice.titles(search='"bread milk"') == []
    assert await alice.titles(search='"milk and br') == ["milk and bread"]
    # Neither holds the phrase "milk eggs" (a stopword sits between): both are kept.
    assert sorted(await alice.titles(search='-"milk eggs"')) == ["milk and bread", "milk and eggs"]
    assert await alice.titles(search='milk -"and eggs"') == ["milk and bread"]


def _same_tag_ids() -> tuple[str, str]:
    """Two user ids whose search-key tags (the first 8 hex digits of sha256, migration
    0004) are the same: a birthday search over 32 bits, about 80,000 hashes."""
    seen: dict[str, str] = {}
    for i in itertools.count():
        user_id = f"tagmate-{uuid4().hex[:6]}-{i}"
        tag = hashlib.sha256(user_id.encode()).hexdigest()[:8]
        if tag in seen:
            return seen[tag], user_id
        seen[tag] = user_id
    raise AssertionError("unreachable")


async def test_users_sharing_a_search_key_tag_see_only_their_own_tasks(
    alice: User, bob: User, engine: AsyncEngine
) -> None:
    for user, user_id in zip((alice, bob), _same_tag_ids(), strict=True):
        user.use_id(user_id)
    async with engine.connect() as conn:
        same = text("SELECT task_user_tag(:a) = task_user_tag(:b)")
        assert (await conn.execute(same, {"a": alice.id, "b": bob.id})).scalar_one()
    await alice.create(title="Buy groceries", description="alice's list")
    await bob.create(title="Groceries for the party", description="bob's list")
    assert await alice.titles(search="groceries") == ["Buy groceries"]
    assert await alice.titles(search="grocer") == ["Buy groceries"]
    assert await bob.titles(search="grocer") == ["Groceries for the party"]


async def test_search_finds_a_word_longer_than_a_search_key(alice: User) -> None:
    """A tsvector lexeme may be 2,047 bytes; its search key (tag + lexeme) would pass that,
    so a key keeps the first 500 characters (a search is at most 500)."""
    word = "".join(random.Random(3).choices(string.ascii_lowercase, k=2040))
    await alice.create(title="Long word", description=f"see {word}")
    assert await alice.titles(search=word[:400]) == ["Long word"]
    assert await alice.titles(search=word[:499] + "q") == []


async def test_search_returns_at_most_fifty_across_pages(alice: User) -> None:
    for i in range(55):
        await alice.create(title=f"Report number {i}")
    seen: list[str] = []
    cursor = None
    for _ in range(10):
        params: dict[str, Any] = {"search": "report", "limit": 20}
        if cursor:
            params["cursor"] = cursor
        page = await alice.page(**params)
        seen += [t["id"] for t in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == 50 and len(set(seen)) == 50
    assert len((await alice.page(search="report", limit=100))["items"]) == 50


async def test_search_with_another_sort(alice: User) -> None:
    await alice.create(title="b milk")
    await alice.create(title="a milk")
    await alice.create(title="c bread")
    assert await alice.titles(search="milk", sort="title") == ["a milk", "b milk"]
    assert await alice.titles(search="milk", sort="title", order="desc") == ["b milk", "a milk"]


async def test_a_trigram_search_pages_as_trigram(alice: User) -> None:
    for i in range(3):
        await alice.create(title=f"Vacuum the stairs {i}")
    first = await alice.page(search="vacum", limit=2)
    assert len(first["items"]) == 2 and first["next_cursor"]
    # A matching insert between pages does not switch the next page to full text.
    await alice.create(title="vacum typo in title")
    second = await alice.page(search="vacum", limit=2, cursor=first["next_cursor"])
    ids = [t["id"] for t in first["items"] + second["items"]]
    assert len(ids) == len(set(ids))


# -- filters --------------------------------------------------------------------------------
async def test_status_filter(alice: User) -> None:
    open_task = await alice.create(title="open")
    done = await alice.create(title="done")
    await alice.request("POST", f"/api/tasks/{done['id']}/complete")
    assert await alice.titles() == ["open"]
    assert await alice.titles(status="completed") == ["done"]
    assert sorted(await alice.titles(status="all")) == ["done", "open"]
    assert open_task


async def test_priority_filter(alice: User) -> None:
    for p in ("VERY_IMPORTANT", "HIGH", "MEDIUM", "LOW"):
        await alice.create(title=p, priority=p)
    assert await alice.titles(priority="high,LOW") == ["HIGH", "LOW"]
    assert await alice.titles(priority="very_important") == ["VERY_IMPORTANT"]


async def test_tags_filter_needs_all_case_insensitively(alice: User) -> None:
    await alice.create(title="both", tags=["Work", "Deep Work"])
    await alice.create(title="one", tags=["work"])
    await alice.create(title="none")
    assert await alice.titles(tags="WORK", sort="title") == ["both", "one"]
    assert await alice.titles(tags="work,deep work") == ["both"]
    assert await alice.titles(tags="work,missing") == []


async def test_due_filters(alice: User) -> None:
    await alice.create(title="overdue", due_at=at(days=-2))
    await alice.create(title="today", due_at=at(hours=0.01))
    await alice.create(title="in 3 days", due_at=at(days=3))
    await alice.create(title="in 10 days", due_at=at(days=10))
    await alice.create(title="undated")
    done = await alice.create(title="done overdue", due_at=at(days=-3))
    await alice.request("POST", f"/api/tasks/{done['id']}/complete")

    assert await alice.titles(due="overdue", status="all") == ["overdue"]
    assert "today" in await alice.titles(due="today")
    assert set(await alice.titles(due="week")) >= {"today", "in 3 days"}
    assert "in 10 days" not in await alice.titles(due="week")
    assert "overdue" not in await alice.titles(due="week")
    assert await alice.titles(due="none") == ["undated"]
    assert await alice.titles(due_before=at(days=1), sort="due_at") == ["overdue", "today"]
    assert await alice.titles(due_after=at(days=1), sort="due_at") == ["in 3 days", "in 10 days"]
    assert await alice.titles(due_after=at(days=1), due_before=at(days=5)) == ["in 3 days"]


async def test_today_is_the_callers_day(alice: User) -> None:
    # Due at noon UTC today: 'today' wherever the UTC date is the local date at noon UTC.
    noon = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)
    await alice.create(title="noon", due_at=noon.isoformat())
    assert await alice.titles(due="today", tz="UTC", status="all") == ["noon"]
    # In Kiribati (UTC+14) noon UTC is 02:00 the next day, unless it is already that day there.
    kiribati_date = (datetime.now(UTC) + timedelta(hours=14)).date()
    expected = ["noon"] if (noon + timedelta(hours=14)).date() == kiribati_date else []
    assert await alice.titles(due="today", tz="Pacific/Kiritimati", status="all") == expected


async def test_filters_combine_with_and(alice: User) -> None:
    await alice.create(title="match", priority="HIGH", tags=["home"], due_at=at(days=2))
    await alice.create(title="wrong priority", priority="LOW", tags=["home"], due_at=at(days=2))
    await alice.create(title="wrong tag", priority="HIGH", tags=["work"], due_at=at(days=2))
    assert await alice.titles(priority="HIGH", tags="home", due="week", search="match") == ["match"]


# -- sorting --------------------------------------------------------------------------------
async def test_default_order(alice: User) -> None:
    await alice.create(title="low", priority="LOW", due_at=at(days=1))
    await alice.create(title="high undated", priority="HIGH")
    await alice.create(title="high later", priority="HIGH", due_at=at(days=5))
    await alice.create(title="high sooner", priority="HIGH", due_at=at(days=2))
    await alice.create(title="very important", priority="VERY_IMPORTANT")
    await alice.create(title="medium a")
    await alice.create(title="medium b")
    assert await alice.titles() == [
        "very important",
        "high sooner",
        "high later",
        "high undated",
        "medium a",
        "medium b",
        "low",
    ]
    assert (await alice.titles(sort="priority", order="desc"))[0] == "low"


async def test_sorts(alice: User) -> None:
    await alice.create(title="banana", due_at=at(days=2), priority="LOW")
    await alice.create(title="Apple", due_at=at(days=1))
    await alice.create(title="cherry")
    assert await alice.titles(sort="title") == ["Apple", "banana", "cherry"]
    assert await alice.titles(sort="title", order="desc") == ["cherry", "banana", "Apple"]
    assert await alice.titles(sort="due_at") == ["Apple", "banana", "cherry"]
    assert await alice.titles(sort="due_at", order="desc") == ["banana", "Apple", "cherry"]
    assert await alice.titles(sort="created_at") == ["banana", "Apple", "cherry"]
    assert await alice.titles(sort="created_at", order="desc") == ["cherry", "Apple", "banana"]


# In the order a reader of any language expects: accents and umlauts with their base
# letter (Ä with A, É with E, Ö with O, Ü with U), ß as ss, case ignored. Byte order put
# every accented initial after Z and "Straße" after "Strauch".
LINGUISTIC = [
    "Apfel",
    "Ärger",
    "bahn",
    "BANK",
    "Ecke",
    "éclair",
    "Öl",
    "Ostern",
    "Straße",
    "Strauch",
    "Übersetzung",
    "Uhr",
    "Zahnarzt",
]


async def test_title_sort_is_linguistic_and_ignores_case(alice: User) -> None:
    for title in random.Random(108).sample(LINGUISTIC, len(LINGUISTIC)):
        await alice.create(title=title)
    assert await alice.titles(sort="title") == LINGUISTIC
    assert await alice.titles(sort="title", order="desc") == LINGUISTIC[::-1]


@pytest.mark.parametrize("order", ["asc", "desc"])
async def test_title_pages_walk_the_linguistic_order_once(alice: User, order: str) -> None:
    """Pages of two give the one page's order, each task once: the cursor's title is
    compared in the collation the list is ordered by. Titles equal but for case are
    ordered by id, the reverse way in desc, so desc is asc reversed."""
    titles = [*LINGUISTIC, "apfel", "APFEL", "uhr"]
    ids: dict[str, str] = {}
    for title in random.Random(801).sample(titles, len(titles)):
        ids[title] = (await alice.create(title=title))["id"]
    one = await alice.page(sort="title", order=order, limit=100)
    place = {t.lower(): i for i, t in enumerate(LINGUISTIC)}
    expected = sorted(titles, key=lambda t: (place[t.lower()], ids[t]))
    assert [t["title"] for t in one["items"]] == (expected if order == "asc" else expected[::-1])
    pages = await _all_pages(alice, 2, sort="title", order=order)
    assert [len(p) for p in pages] == [2] * 8
    assert [t for p in pages for t in p] == [t["title"] for t in one["items"]]


async def test_title_order_reads_the_index_in_order(alice: User, engine: AsyncEngine) -> None:
    """sort=title is served by ix_tasks_user_title_order (migration 0007), forwards for asc
    and backwards for desc, on a first page and after a cursor: no Sort of all of the
    user's tasks. Alice has 3,000, so that reading and sorting all of them is dearer."""
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO tasks (id, user_id, title, created_at, updated_at) "
                "SELECT gen_random_uuid(), :user_id, (ARRAY['Übersetzung', 'apfel', 'Zahnarzt'])[1 + i % 3] "
                "|| ' ' || i, now(), now() FROM generate_series(1, 3000) i"
            ),
            {"user_id": alice.id},
        )
        await conn.execute(text("ANALYZE tasks"))
    async with explained(engine) as plans:
        for order in ("asc", "desc"):
            first = await alice.page(sort="title", order=order, limit=10)
            await alice.page(sort="title", order=order, limit=10, cursor=first["next_cursor"])
    assert len(plans) == 4
    for plan in plans[:2]:
        assert "Index Scan using ix_tasks_user_title_order" in plan and "Sort" not in plan, plan
    for plan in plans[2:]:
        assert "Index Scan Backward using ix_tasks_user_title_order" in plan and "Sort" not in plan, plan


# -- completion time ------------------------------------------------------------------------
# Monday 23 Nov 2026 09:00 UTC, and the days after it.
MONDAY = datetime(2026, 11, 23, 9, tzinfo=UTC)


def z(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


async def complete_at(user: User, monkeypatch: pytest.MonkeyPatch, moment: datetime, *titles: str) -> None:
    """Create and complete each task at `moment` (task-service's clock, patched)."""
    from task_service import use_cases

    for title in titles:
        task = await user.create(title=title)
        monkeypatch.setattr(use_cases, "utcnow", lambda: moment)
        r = await user.request("POST", f"/api/tasks/{task['id']}/complete")
        monkeypatch.undo()
        assert r.status_code == 200 and r.json()["completed_at"] == z(moment), r.text


async def test_completed_at_sort_is_latest_first(alice: User, monkeypatch: pytest.MonkeyPatch) -> None:
    await complete_at(alice, monkeypatch, MONDAY + timedelta(days=1), "Tuesday")
    await complete_at(alice, monkeypatch, MONDAY, "Monday")
    await complete_at(alice, monkeypatch, MONDAY + timedelta(days=3), "Thursday")
    await alice.create(title="open", priority="VERY_IMPORTANT")
    # Created Tuesday, Monday, Thursday: the order is by completion, not creation.
    assert await alice.titles(status="completed", sort="completed_at") == ["Thursday", "Tuesday", "Monday"]
    assert await alice.titles(status="completed", sort="completed_at", order="desc") == [
        "Thursday",
        "Tuesday",
        "Monday",
    ]
    assert await alice.titles(status="completed", sort="completed_at", order="asc") == [
        "Monday",
        "Tuesday",
        "Thursday",
    ]
    page = await alice.page(status="completed", sort="completed_at", limit=1)
    assert page["items"][0]["completed_at"] == z(MONDAY + timedelta(days=3)) and page["next_cursor"]


async def test_completed_at_sort_puts_open_tasks_last_both_ways(
    alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    await alice.create(title="open a")
    await complete_at(alice, monkeypatch, MONDAY, "early")
    await complete_at(alice, monkeypatch, MONDAY + timedelta(hours=5), "late")
    await alice.create(title="open b")
    latest_first = await alice.titles(status="all", sort="completed_at")
    oldest_first = await alice.titles(status="all", sort="completed_at", order="asc")
    assert latest_first[:2] == ["late", "early"] and sorted(latest_first[2:]) == ["open a", "open b"]
    assert oldest_first[:2] == ["early", "late"] and sorted(oldest_first[2:]) == ["open a", "open b"]
    # Page by page, one task a page, the same order: through the null group too.
    for order, everything in (("desc", latest_first), ("asc", oldest_first)):
        pages = await _all_pages(alice, 1, status="all", sort="completed_at", order=order)
        assert [t for p in pages for t in p] == everything


async def test_completion_bounds_are_strict_and_imply_no_status(
    alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    await complete_at(alice, monkeypatch, MONDAY - timedelta(seconds=1), "last week")
    await complete_at(alice, monkeypatch, MONDAY, "Monday 9:00")
    await complete_at(alice, monkeypatch, MONDAY + timedelta(days=2), "Wednesday")
    await complete_at(alice, monkeypatch, MONDAY + timedelta(days=7), "next Monday 9:00")
    await alice.create(title="open")
    week = {"status": "completed", "sort": "completed_at"}
    assert await alice.titles(**week, completed_after=z(MONDAY - timedelta(seconds=1))) == [
        "next Monday 9:00",
        "Wednesday",
        "Monday 9:00",
    ]
    assert await alice.titles(**week, completed_after=z(MONDAY)) == ["next Monday 9:00", "Wednesday"]
    assert await alice.titles(**week, completed_before=z(MONDAY)) == ["last week"]
    assert await alice.titles(
        **week,
        completed_after=z(MONDAY - timedelta(seconds=1)),
        completed_before=z(MONDAY + timedelta(days=7)),
    ) == ["Wednesday", "Monday 9:00"]
    # An offset other than Z: Monday 10:00 in Paris is 9:00 UTC.
    assert await alice.titles(**week, completed_after="2026-11-23T10:00:00+01:00") == [
        "next Monday 9:00",
        "Wednesday",
    ]
    # With status=all an open task has no completion time, so a bound leaves it out; with
    # status=open (the default) the bounds match nothing.
    assert await alice.titles(status="all", completed_before=z(MONDAY)) == ["last week"]
    assert await alice.titles(completed_after=z(MONDAY - timedelta(days=30))) == []
    # Any other sort still filters by completion time.
    assert await alice.titles(
        status="completed", sort="title", completed_before=z(MONDAY + timedelta(days=3))
    ) == [
        "last week",
        "Monday 9:00",
        "Wednesday",
    ]


async def test_bad_completion_bounds_are_422_field_errors(alice: User) -> None:
    r = await alice.request(
        "GET",
        "/api/tasks",
        params={
            "completed_after": "this week",
            "completed_before": "2026-11-30T00:00:00",
            "sort": "completed_at",
        },
    )
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "validation_error"
    assert set(error["fields"]) == {"completed_after", "completed_before"}
    due = await alice.request("GET", "/api/tasks", params={"due_after": "this week"})
    assert error["fields"]["completed_after"] == due.json()["error"]["fields"]["due_after"]
    r = await alice.request("GET", "/api/tasks", params={"sort": "completed"})
    assert r.status_code == 422 and "sort" in r.json()["error"]["fields"]


async def test_completion_order_pages_are_stable_while_tasks_are_completed(
    alice: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    for day in range(6):
        await complete_at(alice, monkeypatch, MONDAY + timedelta(days=day), f"day {day}")
    # Two completed at the very same moment: the id breaks the tie, across pages too.
    await complete_at(alice, monkeypatch, MONDAY + timedelta(days=2), "day 2 again")
    query = {"status": "completed", "sort": "completed_at", "completed_after": z(MONDAY - timedelta(days=1))}
    everything = await alice.titles(**query, limit=100)
    assert everything[:3] == ["day 5", "day 4", "day 3"] and everything[-1] == "day 0"
    assert sorted(everything[3:5]) == ["day 2", "day 2 again"]
    first = await alice.page(**query, limit=3)
    # Completed meanwhile: one latest of all (before the cursor: not shown on the later
    # pages) and one among the later pages' times (shown there, once).
    await complete_at(alice, monkeypatch, MONDAY + timedelta(days=9), "new latest")
    await complete_at(alice, monkeypatch, MONDAY + timedelta(days=1, hours=12), "new in between")
    second = await alice.page(**query, limit=3, cursor=first["next_cursor"])
    third = await alice.page(**query, limit=3, cursor=second["next_cursor"])
    titles = [t["title"] for p in (first, second, third) for t in p["items"]]
    assert titles == [*everything[:5], "new in between", "day 1", "day 0"]
    assert third["next_cursor"] is None
    assert "new latest" not in titles


async def test_another_users_completed_tasks_never_show(
    alice: User, bob: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    await complete_at(alice, monkeypatch, MONDAY, "Alice's")
    await complete_at(bob, monkeypatch, MONDAY + timedelta(hours=1), "Bob's latest", "Bob's too")
    await bob.create(title="Bob's open")
    window = {
        "completed_after": z(MONDAY - timedelta(days=1)),
        "completed_before": z(MONDAY + timedelta(days=1)),
    }
    assert await alice.titles(status="completed", sort="completed_at", **window) == ["Alice's"]
    assert await alice.titles(status="all", sort="completed_at") == ["Alice's"]
    assert await alice.titles(status="all", sort="completed_at", order="asc", limit=1) == ["Alice's"]
    # Bob's cursor positions only within Bob's own tasks; Alice using it sees only hers.
    cursor = (await bob.page(status="completed", sort="completed_at", limit=1, **window))["next_cursor"]
    assert cursor
    page = await alice.page(status="completed", sort="completed_at", limit=5, cursor=cursor, **window)
    assert [t["title"] for t in page["items"]] == ["Alice's"]


async def test_completion_bounds_are_part_of_a_statements_shape(
    alice: User, bob: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    await complete_at(alice, monkeypatch, MONDAY, "Alice's")
    await complete_at(bob, monkeypatch, MONDAY + timedelta(days=1), "Bob's")
    done = {"status": "completed", "sort": "completed_at"}
    _page_statement.cache_clear()
    assert await alice.titles(**done, completed_after=z(MONDAY - timedelta(hours=1))) == ["Alice's"]
    assert await bob.titles(**done, completed_after=z(MONDAY)) == ["Bob's"]
    assert await bob.titles(**done, completed_after=z(MONDAY + timedelta(days=1))) == []
    info = _page_statement.cache_info()
    assert (info.misses, info.hits) == (1, 2)
    # A bound on the other side is another shape, and its value is bound, not built in.
    assert await alice.titles(**done, completed_before=z(MONDAY)) == []
    assert await alice.titles(**done, completed_before=z(MONDAY + timedelta(seconds=1))) == ["Alice's"]
    info = _page_statement.cache_info()
    assert (info.misses, info.hits) == (2, 3)


async def test_completion_order_reads_the_index_from_the_bound(alice: User, engine: AsyncEngine) -> None:
    """sort=completed_at is served by ix_tasks_user_completed_order (migration 0005): in
    order, without a sort; with a bound, the index reads only the bound's range (its
    second column, completed_at IS NULL, is fixed by the list's condition). Alice has
    3,000 completed tasks, so that reading and sorting all of them is dearer."""
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO tasks (id, user_id, title, completed, completed_at, created_at, updated_at) "
                "SELECT gen_random_uuid(), :user_id, 'done ' || i, true, now() - i * interval '1 hour', "
                "now(), now() FROM generate_series(1, 3000) i"
            ),
            {"user_id": alice.id},
        )
        await conn.execute(text("ANALYZE tasks"))
    async with explained(engine) as plans:
        bound = z(datetime.now(UTC) - timedelta(hours=24, minutes=30))
        assert len(await alice.titles(status="completed", sort="completed_at", completed_after=bound)) == 24
        assert len(await alice.titles(status="completed", sort="completed_at", limit=10)) == 10
    bounded, latest = plans
    # A small range may be read as a bitmap and then sorted: either way, only the range.
    assert " ix_tasks_user_completed_order" in bounded, bounded
    assert "((completed_at IS NULL) = false) AND (completed_at >" in bounded, bounded
    assert "Index Scan using ix_tasks_user_completed_order" in latest and "Sort" not in latest, latest


# -- pagination -----------------------------------------------------------------------------
async def _all_pages(user: User, limit: int, **params: Any) -> list[list[str]]:
    pages: list[list[str]] = []
    cursor = None
    while True:
        page = await user.page(limit=limit, **params, **({"cursor": cursor} if cursor else {}))
        pages.append([t["title"] for t in page["items"]])
        cursor = page["next_cursor"]
        if not cursor:
            return pages


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"sort": "due_at"},
        {"sort": "due_at", "order": "desc"},
        {"sort": "title"},
        {"sort": "created_at", "order": "desc"},
    ],
)
async def test_pages_cover_everything_once(alice: User, params: dict[str, str]) -> None:
    priorities = ["HIGH", "LOW", "MEDIUM"]
    for i in range(11):
        due = {"due_at": at(days=i % 4)} if i % 3 else {}
        await alice.create(title=f"task {i:02}", priority=priorities[i % 3], **due)
    everything = await alice.titles(limit=100, **params)
    pages = await _all_pages(alice, 3, **params)
    assert [len(p) for p in pages] == [3, 3, 3, 2]
    assert [t for p in pages for t in p] == everything


async def test_pagination_is_stable_under_inserts(alice: User) -> None:
    for i in range(6):
        await alice.create(title=f"old {i}", priority="MEDIUM")
    first = await alice.page(limit=3)
    # New tasks sort before and after the cursor; the next page neither repeats nor skips.
    await alice.create(title="new first", priority="VERY_IMPORTANT")
    await alice.create(title="new last", priority="LOW")
    second = await alice.page(limit=3, cursor=first["next_cursor"])
    third = await alice.page(limit=3, cursor=second["next_cursor"])
    titles = [t["title"] for p in (first, second, third) for t in p["items"]]
    assert titles == ["old 0", "old 1", "old 2", "old 3", "old 4", "old 5", "new last"]
    assert third["next_cursor"] is None


async def test_deleting_the_cursor_row_does_not_break_the_next_page(alice: User) -> None:
    for i in range(4):
        await alice.create(title=f"t{i}")
    first = await alice.page(limit=2)
    await alice.request("DELETE", f"/api/tasks/{first['items'][-1]['id']}")
    second = await alice.page(limit=2, cursor=first["next_cursor"])
    assert [t["title"] for t in second["items"]] == ["t2", "t3"]


async def test_tampered_cursor_values_never_cause_a_5xx(alice: User) -> None:
    import base64
    import json

    for i in range(3):
        await alice.create(title=f"t{i}", due_at=at(days=i))
    cursor = (await alice.page(limit=1))["next_cursor"]
    body = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    created, task_id = body["k"][3], body["k"][4]
    for keys in (
        [10**30, False, None, created, task_id],  # beyond the smallint column
        [1, "yes", None, created, task_id],
        [1, False, "0001-01-01T00:00:00+01:00", created, task_id],
        [1, True, None, "9999-12-31T23:59:59-01:00", task_id],
    ):
        forged = base64.urlsafe_b64encode(json.dumps({**body, "k": keys}).encode()).decode()
        r = await alice.request("GET", "/api/tasks", params={"cursor": forged, "limit": 1})
        assert r.status_code == 422, r.text


async def test_pages_of_one_shape_run_one_statement_built_once(alice: User, bob: User) -> None:
    """A page's statement is built per shape (filters set, search mode, ordering, cursor
    nulls) and reused with other values: building a SQLAlchemy statement per request cost
    more CPU than running it. Values differ, the results follow them."""
    await alice.create(title="Alice's", priority="HIGH")
    await bob.create(title="Bob's", priority="LOW")
    _page_statement.cache_clear()
    assert await alice.titles(priority="HIGH", limit=5) == ["Alice's"]
    assert await bob.titles(priority="LOW,MEDIUM", limit=7) == ["Bob's"]
    assert await bob.titles(priority="HIGH", limit=5) == []
    info = _page_statement.cache_info()
    assert (info.misses, info.hits) == (1, 2)
    # Another shape (a tag filter instead) builds its own statement, once.
    assert await bob.titles(tags="home") == []
    assert await alice.titles(tags="work") == []
    info = _page_statement.cache_info()
    assert (info.misses, info.hits) == (2, 3)
