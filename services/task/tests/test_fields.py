"""Unit tests of field validation and normalisation (domain.fields)."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from task_service.domain import fields


def test_title_is_trimmed_and_bounded() -> None:
    assert fields.normalise_title("  Buy milk \t") == "Buy milk"
    assert fields.normalise_title("x" * 200) == "x" * 200
    with pytest.raises(ValueError, match="at most 200"):
        fields.normalise_title("x" * 201)
    with pytest.raises(ValueError, match="empty"):
        fields.normalise_title("   ")


@pytest.mark.parametrize("bad", ["a\x00b", "line\nbreak", "bell\x07", "\ud800"])
def test_title_refuses_nul_control_characters_and_surrogates(bad: str) -> None:
    with pytest.raises(ValueError):
        fields.normalise_title(bad)


def test_description_keeps_newlines_and_is_bounded() -> None:
    assert fields.normalise_description(" a\nb\tc \n") == "a\nb\tc"
    assert fields.normalise_description("") == ""
    with pytest.raises(ValueError, match="5000"):
        fields.normalise_description("x" * 5001)
    with pytest.raises(ValueError, match="NUL"):
        fields.normalise_description("a\x00")


def test_tags_trimmed_deduplicated_and_suggested_in_canonical_case() -> None:
    assert fields.normalise_tags([" work ", "WORK", "groceries", "Groceries", "deep   work", "urgent"]) == [
        "Work",
        "groceries",
        "deep work",
        "Urgent",
    ]


@pytest.mark.parametrize(
    ("tags", "message"),
    [
        (["x" * 33], "32"),
        (["  "], "empty"),
        (["a,b"], "commas"),
        ([f"t{i}" for i in range(11)], r"^At most 10 tags\.$"),
        (["a\x00"], "NUL"),
    ],
)
def test_bad_tags(tags: list[str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        fields.normalise_tags(tags)


def test_ten_tags_after_deduplication_are_fine() -> None:
    assert len(fields.normalise_tags([f"t{i}" for i in range(10)] + ["T0", "t1 "])) == 10


@given(st.lists(st.text(min_size=1, max_size=40), max_size=15))
def test_tag_normalisation_is_idempotent(raw: list[str]) -> None:
    try:
        once = fields.normalise_tags(raw)
    except ValueError:
        return
    assert fields.normalise_tags(once) == once
    assert len(once) <= 10
    assert len({fields.tag_key(t) for t in once}) == len(once)
    assert all(1 <= len(t) <= 32 and t == t.strip() for t in once)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("high", "HIGH"),
        ("Very important", "VERY_IMPORTANT"),
        ("very-important", "VERY_IMPORTANT"),
        ("LOW", "LOW"),
    ],
)
def test_priority(raw: str, expected: str) -> None:
    assert fields.normalise_priority(raw) == expected


def test_unknown_priority() -> None:
    with pytest.raises(ValueError, match="VERY_IMPORTANT"):
        fields.normalise_priority("urgent")


def test_priorities_rank_most_important_first() -> None:
    assert sorted(fields.PRIORITIES, key=fields.PRIORITY_RANK.__getitem__) == [
        "VERY_IMPORTANT",
        "HIGH",
        "MEDIUM",
        "LOW",
    ]


def test_times_must_be_aware_and_come_back_in_utc() -> None:
    berlin = timezone(timedelta(hours=2))
    assert fields.normalise_time(datetime(2030, 1, 1, 11, tzinfo=berlin)) == datetime(
        2030, 1, 1, 9, tzinfo=UTC
    )
    with pytest.raises(ValueError, match="timezone"):
        fields.normalise_time(datetime(2030, 1, 1))
    with pytest.raises(ValueError, match="between"):
        fields.normalise_time(datetime(9999, 12, 31, tzinfo=UTC))
    with pytest.raises(ValueError, match="out of range"):
        fields.normalise_time(datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=1))))


def test_parse_time_restores_an_unescaped_plus() -> None:
    assert fields.parse_time("2030-01-01T11:00:00 02:00") == datetime(2030, 1, 1, 9, tzinfo=UTC)
    assert fields.parse_time("2030-01-01T09:00:00Z") == datetime(2030, 1, 1, 9, tzinfo=UTC)
    for bad in ("2030-01-01T09:00:00", "tomorrow", "2030-13-01T00:00:00Z"):
        with pytest.raises(ValueError):
            fields.parse_time(bad)


def test_iso_is_utc_with_z() -> None:
    assert fields.iso(datetime(2030, 1, 1, 11, tzinfo=timezone(timedelta(hours=2)))) == "2030-01-01T09:00:00Z"
    assert fields.iso(datetime(2030, 1, 1, 9, 0, 0, 123456, tzinfo=UTC)) == "2030-01-01T09:00:00.123456Z"
    assert fields.iso(None) is None


def test_a_tasks_timezone_is_an_iana_zone_or_null() -> None:
    from pydantic import ValidationError
    from task_service.schemas import TaskCreate, TaskPatch

    assert TaskCreate(title="Yoga", timezone=" Europe/London ").timezone == "Europe/London"
    assert TaskCreate(title="Yoga").timezone is None
    assert TaskPatch(timezone=None).values() == {"timezone": None}
    for bad in ("Mars/Olympus", "../../etc/passwd", "", "x" * 65):
        with pytest.raises(ValidationError) as err:
            TaskCreate(title="Yoga", timezone=bad)
        assert err.value.errors()[0]["loc"] == ("timezone",)
