"""Unit tests of rule descriptions and series previews (domain.describe)."""

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from recurring_service.domain.describe import first_occurrence, series_due_times
from todo_common.next_due import rule_until
from todo_common.recurrence import parse_rule
from todo_common.recurrence_words import describe

MONDAY_9 = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("body", "dtstart", "expected"),
    [
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR", MONDAY_9, "every Monday, Wednesday and Friday at 09:00"),
        ("FREQ=WEEKLY;INTERVAL=2", None, "every other week"),
        ("FREQ=WEEKLY;INTERVAL=2", MONDAY_9, "every other week on Monday at 09:00"),
        ("FREQ=MONTHLY;BYMONTHDAY=1", None, "on the 1st of every month"),
        ("weekdays", None, "every weekday"),
        ("weekdays", MONDAY_9, "every weekday at 09:00"),
        ("daily", None, "every day"),
        ("daily", MONDAY_9, "every day at 09:00"),
        ("FREQ=DAILY;INTERVAL=3", None, "every 3 days"),
        ("weekly", MONDAY_9, "every Monday at 09:00"),
        ("FREQ=WEEKLY;BYDAY=SA,SU", None, "every Saturday and Sunday"),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU", None, "every day"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR", None, "every other week on weekdays"),
        ("FREQ=MONTHLY;BYMONTHDAY=1,15", None, "on the 1st and 15th of every month"),
        ("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1", None, "on the 1st of every 3 months"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", None, "on the last day of every month"),
        ("FREQ=MONTHLY;BYMONTHDAY=-2", None, "on the second-to-last day of every month"),
        (
            "FREQ=MONTHLY;BYMONTHDAY=31",
            None,
            "on the 31st of every month (months without a 31st are skipped)",
        ),
        (
            "monthly",
            datetime(2030, 1, 31, 18, 30, tzinfo=UTC),
            "on the 31st of every month at 18:30 (months without a 31st are skipped)",
        ),
        ("monthly", MONDAY_9, "on the 7th of every month at 09:00"),
        ("FREQ=MONTHLY;BYDAY=1MO", None, "on the first Monday of every month"),
        ("FREQ=MONTHLY;BYDAY=2TU,4TU", None, "on the second Tuesday and the fourth Tuesday of every month"),
        ("FREQ=MONTHLY;BYDAY=-1FR", None, "on the last Friday of every month"),
        ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", None, "on the last weekday of every month"),
        ("FREQ=MONTHLY;BYDAY=MO", None, "on every Monday of every month"),
        ("yearly", datetime(2030, 3, 15, 8, tzinfo=UTC), "every year on March 15 at 08:00"),
        (
            "yearly",
            datetime(2032, 2, 29, 8, tzinfo=UTC),
            "every year on February 29 at 08:00 (in leap years only)",
        ),
        ("FREQ=YEARLY;BYMONTH=9;BYDAY=1MO", None, "every year on the first Monday of September"),
        ("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-1", None, "every year on the last day of March"),
        ("FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=1", None, "every year on January 1 and July 1"),
        ("FREQ=YEARLY;BYMONTH=6", None, "every year in June"),
        ("FREQ=YEARLY;BYYEARDAY=100", None, "on day 100 of every year"),
        ("FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO", None, "in week 1 of every year, on Mondays"),
        (
            "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=1TU",
            None,
            "every 4 years on the first Tuesday of November",
        ),
        ("FREQ=HOURLY", None, "every hour"),
        ("FREQ=HOURLY;INTERVAL=6", MONDAY_9 + timedelta(minutes=30), "every 6 hours at :30"),
        ("FREQ=DAILY;BYHOUR=8,20;BYMINUTE=15", None, "every day at 08:15 and 20:15"),
        ("FREQ=DAILY;BYHOUR=7", None, "every day at 07:00"),
        ("FREQ=DAILY;INTERVAL=3;BYDAY=MO", None, "every 3 days, on Mondays"),
        ("FREQ=DAILY;INTERVAL=2;BYDAY=MO", MONDAY_9, "every other day at 09:00, on Mondays"),
        ("FREQ=DAILY;BYMONTH=12", None, "every day, in December"),
        ("FREQ=DAILY;BYMONTH=12", MONDAY_9, "every day at 09:00, in December"),
        (
            "FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=1",
            None,
            "every Monday and Tuesday, only the first of these each week",
        ),
        ("FREQ=DAILY;COUNT=1", None, "every day, once"),
        ("FREQ=DAILY;COUNT=2", None, "every day, twice"),
        ("FREQ=WEEKLY;BYDAY=TU;COUNT=10", MONDAY_9, "every Tuesday at 09:00, 10 times"),
        ("FREQ=DAILY;UNTIL=20301231", None, "every day, until December 31, 2030"),
    ],
)
def test_describe(body: str, dtstart: datetime | None, expected: str) -> None:
    assert describe(parse_rule(body), dtstart) == expected


@pytest.mark.parametrize(
    ("body", "dtstart", "expected"),
    [
        # Every 6 months from November 30: May and November, both have a 30th.
        (
            "FREQ=MONTHLY;INTERVAL=6",
            datetime(2026, 11, 30, 9, tzinfo=UTC),
            "on the 30th of every 6 months at 09:00",
        ),
        (
            "FREQ=MONTHLY;INTERVAL=12",
            datetime(2027, 1, 31, 9, tzinfo=UTC),
            "on the 31st of every 12 months at 09:00",
        ),
        # Some month it reaches lacks the day: still said.
        (
            "FREQ=MONTHLY;INTERVAL=6",
            datetime(2027, 5, 31, 9, tzinfo=UTC),
            "on the 31st of every 6 months at 09:00 (months without a 31st are skipped)",
        ),
        (
            "FREQ=MONTHLY;INTERVAL=3",
            datetime(2026, 11, 30, 9, tzinfo=UTC),
            "on the 30th of every 3 months at 09:00 (months without a 30th are skipped)",
        ),
        (
            "FREQ=MONTHLY;INTERVAL=5",
            datetime(2026, 11, 30, 9, tzinfo=UTC),
            "on the 30th of every 5 months at 09:00 (months without a 30th are skipped)",
        ),
    ],
)
def test_the_short_month_note_counts_only_the_months_the_rule_reaches(
    body: str, dtstart: datetime, expected: str
) -> None:
    assert describe(parse_rule(body), dtstart=dtstart) == expected


def test_times_and_weekdays_are_shown_in_the_users_zone() -> None:
    paris, tokyo = ZoneInfo("Europe/Paris"), ZoneInfo("Asia/Tokyo")
    assert describe(parse_rule("weekdays"), MONDAY_9, paris) == "every weekday at 10:00"
    summer = datetime(2030, 7, 1, 9, tzinfo=UTC)
    assert describe(parse_rule("weekdays"), summer, paris) == "every weekday at 11:00"
    # 23:30 UTC on weekdays is 08:30 the next morning in Tokyo: Tuesday to Saturday.
    late = datetime(2030, 1, 7, 23, 30, tzinfo=UTC)
    assert describe(parse_rule("weekdays"), late, tokyo) == (
        "every Tuesday, Wednesday, Thursday, Friday and Saturday at 08:30"
    )
    assert (
        describe(parse_rule("FREQ=HOURLY;INTERVAL=6"), MONDAY_9, ZoneInfo("Asia/Kolkata"))
        == "every 6 hours at :30"
    )
    until = parse_rule("FREQ=DAILY;UNTIL=20301231T020000Z")
    assert (
        describe(until, MONDAY_9, ZoneInfo("America/New_York"))
        == "every day at 04:00, until December 30, 2030"
    )


def test_a_day_of_month_rule_that_the_zone_moves_across_midnight_is_said_in_utc() -> None:
    late = datetime(2030, 1, 31, 23, tzinfo=UTC)  # February 1 in Tokyo
    text = describe(parse_rule("FREQ=MONTHLY;BYMONTHDAY=31"), late, ZoneInfo("Asia/Tokyo"))
    assert text == "on the 31st of every month at 23:00 UTC (months without a 31st are skipped)"
    # An hourly rule's days are UTC days.
    text = describe(parse_rule("FREQ=HOURLY;BYDAY=MO"), MONDAY_9, ZoneInfo("Asia/Kolkata"))
    assert text == "every hour at :00 UTC, on Mondays"


def test_series_due_times_start_with_the_first_instance() -> None:
    saturday = datetime(2030, 1, 5, 9, tzinfo=UTC)
    assert series_due_times(parse_rule("weekdays"), saturday) == [
        saturday,
        datetime(2030, 1, 7, 9, tzinfo=UTC),
        datetime(2030, 1, 8, 9, tzinfo=UTC),
        datetime(2030, 1, 9, 9, tzinfo=UTC),
        datetime(2030, 1, 10, 9, tzinfo=UTC),
    ]


def test_series_due_times_skip_short_months_and_stop_at_count_and_until() -> None:
    jan31 = datetime(2030, 1, 31, 9, tzinfo=UTC)
    assert [t.month for t in series_due_times(parse_rule("FREQ=MONTHLY;BYMONTHDAY=31"), jan31)] == [
        1,
        3,
        5,
        7,
        8,
    ]
    assert len(series_due_times(parse_rule("FREQ=DAILY;COUNT=3"), jan31)) == 3
    assert len(series_due_times(parse_rule("FREQ=DAILY;UNTIL=20300202"), jan31)) == 3


def test_first_occurrence() -> None:
    saturday = datetime(2030, 1, 5, 10, tzinfo=UTC)
    assert first_occurrence(parse_rule("weekdays"), saturday) == datetime(2030, 1, 7, 10, tzinfo=UTC)
    assert first_occurrence(parse_rule("daily"), saturday) == saturday
    assert first_occurrence(parse_rule("FREQ=DAILY;UNTIL=20200101"), saturday) is None


RULES = st.sampled_from(
    [
        "daily",
        "weekly",
        "monthly",
        "yearly",
        "weekdays",
        "FREQ=HOURLY;INTERVAL=5",
        "FREQ=HOURLY;BYHOUR=9,10;BYDAY=MO",
        "FREQ=DAILY;BYHOUR=23;BYMINUTE=45;BYSECOND=30",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SA;WKST=SU",
        "FREQ=MONTHLY;BYMONTHDAY=29,30,31",
        "FREQ=MONTHLY;BYMONTHDAY=-3,1",
        "FREQ=MONTHLY;BYDAY=2WE,-1SU",
        "FREQ=MONTHLY;BYDAY=SA,SU;BYSETPOS=1,-1",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=1,15",
        "FREQ=YEARLY;BYWEEKNO=20,-1",
        "FREQ=YEARLY;BYYEARDAY=-1,1",
        "FREQ=YEARLY;BYDAY=20MO",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;COUNT=3",
        "FREQ=DAILY;UNTIL=20351231",
    ]
)
STARTS = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2080, 1, 1), timezones=st.just(UTC))
ZONES = st.sampled_from(
    ["UTC", "Europe/Paris", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Chatham", "Asia/Tokyo"]
)


@settings(max_examples=300, deadline=None)
@given(RULES, STARTS | st.none(), ZONES)
def test_every_rule_has_a_description(raw: str, dtstart: datetime | None, zone: str) -> None:
    text = describe(parse_rule(raw), dtstart, ZoneInfo(zone))
    assert text and text == text.strip() and "  " not in text


@settings(max_examples=200, deadline=None)
@given(RULES, STARTS)
def test_series_due_times_are_the_first_instance_then_the_rules_occurrences(
    raw: str, start: datetime
) -> None:
    rule = parse_rule(raw)
    times = series_due_times(rule, start)
    assert times[0] == start
    assert all(a < b for a, b in pairwise(times))
    assert len(times) <= min(5, rule.count or 5)
    until = rule_until(rule)
    assert until is None or all(t <= until for t in times[1:])
    series = rule.without("COUNT").dateutil(start)
    assert times[1:] == list(series.xafter(start, count=len(times) - 1))
