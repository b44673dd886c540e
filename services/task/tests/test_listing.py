"""Unit tests of list queries, orderings and cursors (domain.listing)."""

import base64
import contextlib
import json
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st
from task_service.domain.errors import InvalidInput
from task_service.domain.listing import (
    ListQuery,
    apply_corrections,
    build_list_query,
    correctable_words,
    decode_cursor,
    encode_cursor,
    ordering,
    prefix_tsquery,
)

NOW = datetime(2030, 3, 30, 22, 30, tzinfo=UTC)


def query(**kwargs: Any) -> ListQuery:
    return build_list_query(user_id="u1", now=NOW, **kwargs)


def test_default_order_is_priority_then_due_nulls_last_then_created() -> None:
    q = query()
    assert q.sort == "priority"
    assert [(k.name, k.descending) for k in q.keys] == [
        ("priority_rank", False),
        ("due_null", False),
        ("due_at", False),
        ("created_at", False),
        ("id", False),
    ]


def test_search_without_sort_orders_by_relevance_best_first() -> None:
    q = query(search="milk")
    assert q.sort == "relevance"
    assert q.keys[0].name == "rank" and q.keys[0].descending
    assert q.keys[-1].name == "id"


def test_search_caps_the_page_at_fifty() -> None:
    assert query(search="milk", limit=100).limit == 50
    assert query(limit=100).limit == 100


@pytest.mark.parametrize("sort", ["priority", "due_at", "created_at", "completed_at", "title", "relevance"])
@pytest.mark.parametrize("descending", [False, True])
def test_every_ordering_ends_with_the_id(sort: Any, descending: bool) -> None:
    keys = ordering(sort, descending)
    assert keys[-1].name == "id"
    primary = next(k for k in keys if k.name not in ("due_null", "completed_null"))
    assert primary.descending == descending


def test_completed_at_sort_is_latest_first_and_open_tasks_last_in_both_directions() -> None:
    """The default direction of sort=completed_at is desc (latest done first); the id
    breaks ties in the same direction, as for created_at."""
    latest_first = query(sort="completed_at", status="completed")
    assert latest_first.sort == "completed_at"
    assert [(k.name, k.descending, k.nullable) for k in latest_first.keys] == [
        ("completed_null", False, False),
        ("completed_at", True, True),
        ("id", True, False),
    ]
    assert latest_first.keys == query(sort="completed_at", order="desc", status="completed").keys
    oldest_first = query(sort="completed_at", order="asc", status="all")
    assert [(k.name, k.descending) for k in oldest_first.keys] == [
        ("completed_null", False),
        ("completed_at", False),
        ("id", False),
    ]
    # The other sorts keep their default direction.
    assert not query(sort="created_at").keys[0].descending


def test_title_sort_desc_is_asc_reversed() -> None:
    """Z to A breaks title ties by id the other way too: the exact reverse of A to Z, which
    the title index (migration 0007) reads backwards without sorting."""
    assert [(k.name, k.descending) for k in query(sort="title").keys] == [("title_key", False), ("id", False)]
    desc = query(sort="title", order="desc").keys
    assert [(k.name, k.descending) for k in desc] == [("title_key", True), ("id", True)]


def test_completion_bounds_are_read_like_the_due_bounds() -> None:
    q = query(
        status="completed",
        completed_after="2030-03-25T00:00:00+01:00",
        completed_before="2030-03-30T12:00:00Z",
    )
    assert q.completed_after == datetime(2030, 3, 24, 23, tzinfo=UTC)
    assert q.completed_before == datetime(2030, 3, 30, 12, tzinfo=UTC)
    assert (q.due_after, q.due_before, q.status, q.sort) == (None, None, "completed", "priority")
    # An offset's '+' that arrived unescaped (a space) is restored, as for due_after.
    assert query(completed_after="2030-03-25T00:00:00 01:00").completed_after == q.completed_after
    # They imply no status: with the default status=open they simply match nothing.
    assert query(completed_after="2030-03-25T00:00:00Z").status == "open"
    assert query().completed_after is None and query().completed_before is None


def test_bad_completion_bounds_are_named_with_the_due_bounds_messages() -> None:
    with pytest.raises(InvalidInput) as due:
        query(due_after="last week", due_before="2030-01-01T00:00:00")
    with pytest.raises(InvalidInput) as done:
        query(completed_after="last week", completed_before="2030-01-01T00:00:00", tz="Mars/Olympus")
    assert set(done.value.fields) == {"completed_after", "completed_before", "tz"}
    assert done.value.fields["completed_after"] == due.value.fields["due_after"]
    assert done.value.fields["completed_before"] == due.value.fields["due_before"]


def test_due_at_sort_keeps_undated_tasks_last_in_both_directions() -> None:
    for descending in (False, True):
        keys = ordering("due_at", descending)
        assert keys[0].name == "due_null" and not keys[0].descending


def test_relevance_needs_a_search() -> None:
    with pytest.raises(InvalidInput) as err:
        query(sort="relevance")
    assert "sort" in err.value.fields


def test_bad_parameters_are_all_named() -> None:
    with pytest.raises(InvalidInput) as err:
        query(
            priority="HIGH,urgent",
            tags="a,,b\x00",
            due_before="yesterday",
            due_after="2030-01-01T00:00:00",
            tz="Mars/Olympus",
            search="x" * 501,
        )
    assert set(err.value.fields) == {"priority", "tags", "due_before", "due_after", "tz", "search"}


def test_search_is_collapsed_and_blank_means_none() -> None:
    assert query(search="  buy   milk ").search == "buy milk"
    assert query(search="   ").search is None


def test_filters_are_normalised() -> None:
    q = query(priority="high, low,HIGH", tags="Work, deep  work")
    assert q.priorities == ("HIGH", "LOW")
    assert q.tag_keys == ("work", "deep work")


def test_today_and_week_follow_the_callers_zone() -> None:
    # 23:30 UTC on 30 March 2030 is already 31 March in Berlin, the day clocks go forward.
    late = datetime(2030, 3, 30, 23, 30, tzinfo=UTC)
    q = build_list_query(user_id="u1", now=late, due="today", tz="Europe/Berlin")
    assert q.due_ge == datetime(2030, 3, 30, 23, tzinfo=UTC)
    assert q.due_lt == datetime(2030, 3, 31, 22, tzinfo=UTC)  # a 23-hour day
    week = query(due="week")
    assert week.due_ge == datetime(2030, 3, 30, tzinfo=UTC)
    assert week.due_lt == datetime(2030, 4, 6, tzinfo=UTC)


def test_overdue_and_none() -> None:
    assert query(due="overdue").overdue_at == NOW
    assert query(due="none").due_none


def test_prefix_query_is_quoted_and_handles_negation() -> None:
    assert prefix_tsquery("grocer") == "'grocer':*"
    assert prefix_tsquery("buy milk -eggs or bread") == "'buy':* & 'milk':* & !'eggs' & 'bread':*"
    # Only word characters reach the query: tsquery syntax cannot be injected.
    assert prefix_tsquery("a' | !b:* & (c)") == "'a':* & 'b':* & 'c':*"
    assert prefix_tsquery("-only -negative") is None
    assert prefix_tsquery("!!! ???") is None


def test_prefix_tsquery_keeps_quoted_phrases() -> None:
    assert prefix_tsquery('"bread milk"') == "('bread':* <-> 'milk':*)"
    assert prefix_tsquery('x -"a b" c') == "'x':* & !('a':* <-> 'b':*) & 'c':*"
    # A hyphen inside a word does not negate the phrase after it, as in websearch syntax.
    assert prefix_tsquery('a-"b c"') == "'a':* & ('b':* <-> 'c':*)"
    assert prefix_tsquery('"unclosed phr') == "('unclosed':* <-> 'phr':*)"
    assert prefix_tsquery('"" -"" groc') == "'groc':*"
    assert prefix_tsquery('-"only negative"') is None


def test_prefix_tsquery_takes_at_most_sixteen_words() -> None:
    words = [f"w{i}" for i in range(20)]
    assert prefix_tsquery(" ".join(words)) == " & ".join(f"'{w}':*" for w in words[:16])
    phrase = prefix_tsquery("a b " + '"' + " ".join(words) + '"')
    assert phrase == "'a':* & 'b':* & (" + " <-> ".join(f"'{w}':*" for w in words[:14]) + ")"


def test_cursor_round_trip() -> None:
    q = query(sort="due_at", order="desc")
    values = (False, datetime(2030, 1, 1, 9, 0, 0, 123456, tzinfo=UTC), 2, NOW, uuid4())
    cursor = encode_cursor(q, values, None)
    assert decode_cursor(cursor, q) == (values, None, None)
    assert "=" not in cursor and "+" not in cursor and "/" not in cursor


def test_cursor_in_completion_order_round_trips_done_and_open_tasks() -> None:
    q = query(sort="completed_at", status="all")
    for values in (
        (False, datetime(2030, 3, 29, 8, 1, 2, 345678, tzinfo=UTC), uuid4()),
        (True, None, uuid4()),
    ):
        assert decode_cursor(encode_cursor(q, values, None), q) == (values, None, None)
    # Only the completed_at key may be null.
    body = json.loads(base64.urlsafe_b64decode(encode_cursor(q, (True, None, uuid4()), None) + "=="))
    body["k"][0] = None
    with pytest.raises(InvalidInput):
        decode_cursor(base64.urlsafe_b64encode(json.dumps(body).encode()).decode(), q)


def test_a_cursor_belongs_to_its_completion_bounds() -> None:
    bounded = query(sort="completed_at", status="completed", completed_after="2030-03-23T00:00:00Z")
    cursor = encode_cursor(bounded, (False, NOW, uuid4()), None)
    assert decode_cursor(cursor, bounded)[0][1] == NOW
    for other in (
        query(sort="completed_at", status="completed"),
        query(sort="completed_at", status="completed", completed_after="2030-03-24T00:00:00Z"),
        query(sort="completed_at", status="completed", completed_before="2030-03-23T00:00:00Z"),
        query(sort="completed_at", order="asc", status="completed", completed_after="2030-03-23T00:00:00Z"),
    ):
        with pytest.raises(InvalidInput):
            decode_cursor(cursor, other)


def test_cursor_of_an_undated_task() -> None:
    q = query()
    values = (3, True, None, NOW, uuid4())
    assert decode_cursor(encode_cursor(q, values, None), q)[0] == values


def test_cursor_keeps_the_search_mode_and_its_correction() -> None:
    q = query(search="mlik")
    cursor = encode_cursor(q, (0.25, NOW, uuid4()), "trigram", "milk")
    assert decode_cursor(cursor, q)[1:] == ("trigram", "milk")
    assert decode_cursor(encode_cursor(q, (0.25, NOW, uuid4()), "fulltext"), q)[1:] == ("fulltext", None)


@pytest.mark.parametrize("corrected", [None, 5, "", "x" * 600])
def test_a_corrected_cursor_without_a_usable_correction_is_refused(corrected: Any) -> None:
    q = query(search="mlik")
    cursor = encode_cursor(q, (0.25, NOW, uuid4()), "trigram", "milk")
    body = json.loads(base64.urlsafe_b64decode(cursor + "=="))
    body["c"] = corrected
    with pytest.raises(InvalidInput):
        decode_cursor(base64.urlsafe_b64encode(json.dumps(body).encode()).decode(), q)


def test_correctable_words_are_the_positive_lowercased_letter_words() -> None:
    assert correctable_words("Grocreies -eggs OR 'dentsit' at 9 x2y") == ["grocreies", "dentsit"]
    assert correctable_words("-milk") == []


def test_corrections_replace_whole_words_case_insensitively() -> None:
    assert apply_corrections("Grocreies and dentsit", {"grocreies": "groceries", "dentsit": "dentist"}) == (
        "groceries and dentist"
    )
    assert apply_corrections("milk", {"milk": "milk"}) is None  # nothing better than itself
    assert apply_corrections("milk", {"milk": None}) is None  # type: ignore[dict-item]
    assert apply_corrections("vacum vacuums", {"vacum": "vacuum"}) == "vacuum vacuums"


def test_cursor_of_another_query_is_refused() -> None:
    cursor = encode_cursor(query(sort="title"), ("milk", uuid4()), None)
    with pytest.raises(InvalidInput):
        decode_cursor(cursor, query(sort="title", order="desc"))
    with pytest.raises(InvalidInput):
        decode_cursor(cursor, query(sort="title", status="all"))


def _tampered(q: ListQuery, change: Any) -> str:
    body = json.loads(base64.urlsafe_b64decode(encode_cursor(q, ("milk", uuid4()), None) + "=="))
    change(body)
    return base64.urlsafe_b64encode(json.dumps(body).encode()).decode()


@pytest.mark.parametrize(
    "change",
    [
        lambda b: b["k"].__setitem__(0, 5),
        lambda b: b["k"].__setitem__(1, "not-a-uuid"),
        lambda b: b["k"].__setitem__(0, None),
        lambda b: b["k"].append(1),
        lambda b: b.__setitem__("v", 2),
        lambda b: b.__setitem__("m", "trigram"),
        lambda b: b.__setitem__("k", "x"),
        lambda b: b["k"].__setitem__(0, "a\x00b"),
    ],
)
def test_tampered_cursors_are_refused(change: Any) -> None:
    q = query(sort="title")
    with pytest.raises(InvalidInput) as err:
        decode_cursor(_tampered(q, change), q)
    assert "cursor" in err.value.fields


@pytest.mark.parametrize("garbage", ["", "zzz", "!!!!", "e30", "W10", "x" * 5000, "bnVsbA"])
def test_garbage_cursors_are_refused(garbage: str) -> None:
    with pytest.raises(InvalidInput):
        query(cursor=garbage)


def test_a_time_key_must_not_take_a_boolean_or_naive_time() -> None:
    q = query(sort="created_at")
    for bad in (True, "2030-01-01T00:00:00", 17):
        body = {"v": 1, "f": q.fingerprint, "k": [bad, str(uuid4())], "m": None}
        cursor = base64.urlsafe_b64encode(json.dumps(body).encode()).decode()
        with pytest.raises(InvalidInput):
            decode_cursor(cursor, q)


@given(st.binary(max_size=200))
def test_random_bytes_never_crash_the_decoder(raw: bytes) -> None:
    cursor = base64.urlsafe_b64encode(raw).decode()
    with contextlib.suppress(InvalidInput):
        decode_cursor(cursor, query())


@given(
    st.integers(0, 3),
    st.booleans(),
    st.none() | st.datetimes(timezones=st.just(UTC)),
    st.datetimes(timezones=st.just(UTC)),
    st.uuids(),
)
def test_cursor_round_trips_any_position(rank: int, null: bool, due: Any, created: Any, ident: Any) -> None:
    q = query()
    values = (rank, null, due, created, ident)
    assert decode_cursor(encode_cursor(q, values, None), q)[0] == values


@pytest.mark.parametrize(
    "keys",
    [
        [10**30, False, None, NOW.isoformat(), str(uuid4())],
        [-1, False, None, NOW.isoformat(), str(uuid4())],
        [1, False, None, "0001-01-01T00:00:00+01:00", str(uuid4())],
    ],
)
def test_cursor_values_out_of_range_are_refused(keys: list[Any]) -> None:
    q = query()
    body = {"v": 1, "f": q.fingerprint, "k": keys, "m": None}
    with pytest.raises(InvalidInput):
        decode_cursor(base64.urlsafe_b64encode(json.dumps(body).encode()).decode(), q)


def test_a_relevance_cursor_must_be_finite() -> None:
    q = query(search="milk")

    def cursor(rank: float) -> str:
        keys = [rank, "2026-11-26T12:00:00+00:00", str(uuid4())]
        body = {"v": 1, "f": q.fingerprint, "k": keys, "m": "fulltext"}
        return base64.urlsafe_b64encode(json.dumps(body).encode()).decode()

    assert decode_cursor(cursor(0.5), q)[0][0] == 0.5
    with pytest.raises(InvalidInput):
        decode_cursor(cursor(float("nan")), q)
