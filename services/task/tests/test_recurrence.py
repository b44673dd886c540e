"""Unit tests of rrule normalisation and next_occurrence (domain.recurrence)."""

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st
from task_service.domain.recurrence import Rule, check_occurs, next_occurrence, normalise_rrule, parse_rule


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("daily", "FREQ=DAILY"),
        (" Weekly ", "FREQ=WEEKLY"),
        ("monthly", "FREQ=MONTHLY"),
        ("YEARLY", "FREQ=YEARLY"),
        ("weekdays", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("RRULE:FREQ=WEEKLY;BYDAY=FR,MO", "FREQ=WEEKLY;BYDAY=MO,FR"),
        ("freq=daily;interval=1", "FREQ=DAILY"),
        ("INTERVAL=2;FREQ=WEEKLY;WKST=MO", "FREQ=WEEKLY;INTERVAL=2"),
        ("FREQ=WEEKLY;WKST=SU;INTERVAL=2", "FREQ=WEEKLY;INTERVAL=2;WKST=SU"),
        ("FREQ=MONTHLY;BYDAY=-1FR,+1MO", "FREQ=MONTHLY;BYDAY=1MO,-1FR"),
        ("FREQ=MONTHLY;BYMONTHDAY=15,1,-1,1", "FREQ=MONTHLY;BYMONTHDAY=-1,1,15"),
        ("FREQ=DAILY;COUNT=5;", "FREQ=DAILY;COUNT=5"),
        ("FREQ=DAILY;UNTIL=20301231", "FREQ=DAILY;UNTIL=20301231T235959Z"),
        ("FREQ=DAILY;UNTIL=20301231T120000", "FREQ=DAILY;UNTIL=20301231T120000Z"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=YEARLY;BYMONTHDAY=29;BYMONTH=2"),
    ],
)
def test_normalised_canonical_form(raw: str, canonical: str) -> None:
    assert normalise_rrule(raw) == canonical
    assert normalise_rrule(canonical) == canonical


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("DTSTART:20300101T090000Z\nRRULE:FREQ=DAILY", "DTSTART"),
        ("FREQ=DAILY;DTSTART=20300101", "DTSTART"),
        ("", "empty"),
        ("fortnightly", "not NAME=VALUE"),
        ("INTERVAL=2", "FREQ is required"),
        ("FREQ=SECONDLY", "FREQ must be"),
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL"),
        ("FREQ=DAILY;COUNT=2;UNTIL=20301231", "COUNT and UNTIL"),
        ("FREQ=DAILY;FREQ=WEEKLY", "twice"),
        ("FREQ=DAILY;BYEASTER=0", "unsupported"),
        ("FREQ=DAILY;BYMONTH=13", "BYMONTH"),
        ("FREQ=DAILY;BYHOUR=24", "BYHOUR"),
        ("FREQ=WEEKLY;BYDAY=1MO", "needs FREQ=MONTHLY"),
        # Numbered weekdays within a month (MONTHLY, YEARLY with BYMONTH): five at most. dateutil
        # raised IndexError on the first (a 500 before the check).
        ("FREQ=YEARLY;BYDAY=53MO;BYMONTH=2", "within a month"),
        ("FREQ=MONTHLY;BYDAY=6MO", "within a month"),
        ("FREQ=YEARLY;BYMONTH=3;BYDAY=MO,-6FR", "within a month"),
        ("FREQ=WEEKLY;BYMONTHDAY=1", "WEEKLY"),
        ("FREQ=MONTHLY;BYWEEKNO=1", "BYWEEKNO"),
        ("FREQ=DAILY;BYSETPOS=1", "BYSETPOS"),
        ("FREQ=DAILY;UNTIL=tomorrow", "UNTIL"),
        ("FREQ=DAILY;BYDAY=XX", "BYDAY"),
        ("FREQ=DAILY\nFREQ=WEEKLY", "single RRULE"),
        ("FREQ=DAILY;X-NAME=1", "unsupported"),
        ("FREQ=DAILY" + ";BYHOUR=1" * 100, "at most 500"),
        ("FREQ=DAILY\x00", "NUL"),
    ],
)
def test_bad_rules_are_refused(raw: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        normalise_rrule(raw)


def test_a_rule_that_never_occurs_is_refused_after_a_bounded_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    # dateutil scans from the start to year 9999 before it gives up on a rule that never
    # occurs (several seconds from 2030); the check starts it in 9200..9599 instead, so the
    # scan covers at most 800 years whatever the rule. Counted, not timed.
    starts: list[datetime] = []
    dateutil = Rule.dateutil

    def spy(self: Rule, dtstart: datetime, zone: Any = None) -> Any:
        starts.append(dtstart)
        return dateutil(self, dtstart, zone)

    monkeypatch.setattr(Rule, "dateutil", spy)
    for body in ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "FREQ=HOURLY;BYMONTH=4;BYMONTHDAY=31"):
        with pytest.raises(ValueError, match="never"):
            check_occurs(parse_rule(body), datetime(2030, 1, 1, tzinfo=UTC))
    assert len(starts) == 2 and all(9200 <= s.year < 9600 for s in starts)
    # The same calendar position: 2030-01-01 is 9230-01-01, 400 * 18 years later (weekday kept).
    assert (
        starts[0] == datetime(9230, 1, 1, tzinfo=UTC)
        and starts[0].weekday() == datetime(2030, 1, 1).weekday()
    )


def test_leap_day_rule_occurs() -> None:
    check_occurs(parse_rule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"), datetime(2030, 3, 1, tzinfo=UTC))


DUE = datetime(2030, 1, 7, 9, 30, tzinfo=UTC)  # a Monday


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("FREQ=DAILY", datetime(2030, 1, 8, 9, 30, tzinfo=UTC)),
        ("FREQ=WEEKLY", datetime(2030, 1, 14, 9, 30, tzinfo=UTC)),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", datetime(2030, 1, 8, 9, 30, tzinfo=UTC)),
        ("FREQ=MONTHLY", datetime(2030, 2, 7, 9, 30, tzinfo=UTC)),
        ("FREQ=YEARLY", datetime(2031, 1, 7, 9, 30, tzinfo=UTC)),
        ("FREQ=MONTHLY;BYDAY=-1FR", datetime(2030, 1, 25, 9, 30, tzinfo=UTC)),
        ("FREQ=DAILY;UNTIL=20300107T235959Z", None),
        ("FREQ=DAILY;COUNT=1", None),
        ("FREQ=DAILY;COUNT=2", datetime(2030, 1, 8, 9, 30, tzinfo=UTC)),
    ],
)
def test_next_occurrence(body: str, expected: datetime | None) -> None:
    assert next_occurrence(parse_rule(body), DUE) == expected


def test_next_occurrence_keeps_the_wall_clock_time_of_the_tasks_zone() -> None:
    london = ZoneInfo("Europe/London")
    monday = datetime(2027, 3, 22, 9, tzinfo=UTC)  # 09:00 GMT; summer time starts on the 28th
    expected = datetime(2027, 3, 29, 8, tzinfo=UTC)  # 09:00 BST
    assert next_occurrence(parse_rule("FREQ=WEEKLY;BYDAY=MO"), monday, zone=london) == expected
    sunday = datetime(2027, 9, 25, 23, 30, tzinfo=UTC)  # Sunday 26 Sep 09:30 in Sydney (AEST)
    assert next_occurrence(parse_rule("weekly"), sunday, zone=ZoneInfo("Australia/Sydney")) == datetime(
        2027, 10, 2, 22, 30, tzinfo=UTC
    )  # Sunday 3 Oct 09:30 AEDT, the day summer time starts
    # No zone (or UTC): in UTC, as before.
    assert next_occurrence(parse_rule("FREQ=WEEKLY;BYDAY=MO"), monday) == monday + timedelta(weeks=1)
    assert next_occurrence(parse_rule("weekly"), monday, zone=ZoneInfo("UTC")) == monday + timedelta(weeks=1)


def test_next_occurrence_is_none_without_due_time() -> None:
    assert next_occurrence(parse_rule("FREQ=DAILY"), None) is None


def test_count_counts_instances_of_the_series() -> None:
    rule = parse_rule("FREQ=DAILY;COUNT=3")
    assert next_occurrence(rule, DUE, instance_number=2) == DUE + timedelta(days=1)
    assert next_occurrence(rule, DUE, instance_number=3) is None


def test_next_occurrence_of_a_due_time_with_an_offset_is_in_utc() -> None:
    due = datetime(2030, 1, 7, 23, 30, tzinfo=UTC)
    found = next_occurrence(parse_rule("daily"), due)
    assert found == datetime(2030, 1, 8, 23, 30, tzinfo=UTC)
    assert found is not None and found.tzinfo == UTC


RULES = st.sampled_from(
    [
        "daily",
        "weekly",
        "monthly",
        "yearly",
        "weekdays",
        "FREQ=DAILY;INTERVAL=3",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SA",
        "FREQ=MONTHLY;BYMONTHDAY=31",
        "FREQ=MONTHLY;BYDAY=2WE",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=HOURLY;INTERVAL=6",
        "FREQ=DAILY;BYHOUR=8,20;BYMINUTE=15",
    ]
)
DUES = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(UTC))


@settings(max_examples=200, deadline=None)
@given(RULES, DUES)
def test_next_occurrence_is_the_first_occurrence_strictly_after_due(raw: str, due: datetime) -> None:
    rule = parse_rule(raw)
    found = next_occurrence(rule, due)
    assert found is not None
    assert found > due
    # It is an occurrence of the rule started at due (dateutil drops microseconds)...
    series = rrulestr(str(rule), dtstart=due)
    assert found in series or found == series.after(due)
    # ...and nothing of the rule lies between due and it.
    assert series.between(due, found, inc=False) == []


@given(RULES)
def test_normalising_is_idempotent(raw: str) -> None:
    once = normalise_rrule(raw)
    assert normalise_rrule(once) == once
