"""A rule's next occurrence without dateutil's walk of every hour, day, month or year (Rule.after,
todo_common.rule_days): rules that never occur, or occur years apart, cost a bounded number
of dateutil steps (counted, not timed), with dateutil's own answers."""

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from dateutil import rrule as dateutil_rrule
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from todo_common.next_due import next_due
from todo_common.recurrence import Rule, check_occurs, parse_rule
from todo_common.rule_days import DayFinder

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)  # a Monday
LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many hours, days, weeks, months or years dateutil steps through (it builds the
    step's set of days once a step)."""
    counted = [0]

    def counting(original: Any) -> Any:
        def step(self: Any, *args: Any) -> Any:
            counted[0] += 1
            return original(self, *args)

        return step

    for name in ("ydayset", "mdayset", "wdayset", "ddayset"):
        monkeypatch.setattr(dateutil_rrule._iterinfo, name, counting(getattr(dateutil_rrule._iterinfo, name)))
    yield counted


@pytest.mark.parametrize(
    "body",
    [
        # Every 7 hours is at 05:00 on a Monday only when the start was (168 hours is 24 steps).
        "FREQ=HOURLY;INTERVAL=7;BYDAY=MO;BYHOUR=5",
        "FREQ=DAILY;INTERVAL=7;BYDAY=TU",  # every 7 days from a Monday
        # BYSETPOS picks the 2nd of the one time a day (the 5th of one a hour): none.
        "FREQ=DAILY;BYSETPOS=2;BYHOUR=1",
        "FREQ=HOURLY;BYSETPOS=5;BYMINUTE=1",
        "FREQ=HOURLY;INTERVAL=7;BYMONTH=4;BYMONTHDAY=31",
        "FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=3",  # two times a week
        "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6",  # five Mondays in a month at most
        "FREQ=MONTHLY;BYMONTHDAY=1,2;BYHOUR=8,9;BYSETPOS=-5",
    ],
)
def test_a_rule_that_never_occurs_is_refused_in_a_few_steps(body: str, steps: list[int]) -> None:
    # dateutil alone stepped through 400 to 800 years of hours, days, weeks or months (0.05
    # to 17 s of CPU).
    with pytest.raises(ValueError, match="never"):
        check_occurs(parse_rule(body), START)
    assert steps[0] < 50


LEAP_MONDAYS = [datetime(y, 2, 29, 9, 0, tzinfo=UTC) for y in (2044, 2072, 2112, 2140)]


@pytest.mark.parametrize(
    "body",
    [
        "FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;BYHOUR=9",
        "FREQ=HOURLY;INTERVAL=3;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;BYHOUR=9",
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO",
    ],
)
def test_leap_day_mondays_are_found_in_a_few_steps(body: str, steps: list[int]) -> None:
    rule = parse_rule(body)
    check_occurs(rule, START)
    assert rule.after(START, START) == LEAP_MONDAYS[0]
    assert rule.after(START, LEAP_MONDAYS[0]) == LEAP_MONDAYS[1]
    assert rule.after(START, LEAP_MONDAYS[1], inc=True) == LEAP_MONDAYS[1]
    # Finished in 2100: the next one from the series' grid.
    assert (
        next_due(rule, due_at=LEAP_MONDAYS[1], finished_at=datetime(2100, 1, 1, tzinfo=UTC))
        == LEAP_MONDAYS[2]
    )
    # dateutil alone stepped through every hour or day in between (some 10,000 a call).
    assert steps[0] < 200


def test_the_days_of_a_rule_are_found_by_arithmetic() -> None:
    # Every 5 hours from Monday 09:00, at 04:00: hour 24*d + 4 on the grid every 5 days.
    finder = DayFinder(
        dict(parse_rule("FREQ=HOURLY;INTERVAL=5;BYHOUR=4;BYDAY=MO,TU").parts), datetime(2025, 3, 3, 9)
    )
    # 09:00 + 5*k hours is 04:00 every 5th day: Monday 03-03 (the grid before the start:
    # Rule.after leaves that to dateutil), 03-08, 03-13, Tuesday 03-18, ... Monday 04-07.
    assert finder.first(date(2025, 3, 3)) == date(2025, 3, 3)
    assert finder.first(date(2025, 3, 4)) == date(2025, 3, 18)
    assert finder.first(date(2025, 3, 19)) == date(2025, 4, 7)  # 35 days on: the weekday again
    assert finder.first(date(2025, 3, 19), last=date(2025, 4, 6)) is None


RULES = [
    "FREQ=HOURLY;BYDAY=MO,WE",
    "FREQ=HOURLY;INTERVAL=5;BYDAY=SA;BYHOUR=2,3,14",
    "FREQ=HOURLY;INTERVAL=13;BYMONTHDAY=1,-1;BYMINUTE=0,30",
    "FREQ=HOURLY;INTERVAL=25;BYMONTH=3,11;BYDAY=SU",
    "FREQ=HOURLY;INTERVAL=3;BYYEARDAY=1,100,-1",
    "FREQ=HOURLY;INTERVAL=2;BYMINUTE=10,20,50;BYSETPOS=-1;BYDAY=TU",
    "FREQ=HOURLY;INTERVAL=7;BYMONTH=3;BYHOUR=1,2,3;UNTIL=20270101T000000Z",
    "FREQ=DAILY;BYDAY=MO,FR;BYHOUR=8,20;BYSETPOS=1",
    "FREQ=DAILY;INTERVAL=3;BYMONTHDAY=-2,13;BYHOUR=1,2",
    "FREQ=DAILY;INTERVAL=10;BYMONTH=3,10;BYDAY=SU;BYHOUR=1,2,3",
    "FREQ=DAILY;INTERVAL=2;BYMONTH=2;UNTIL=20260301T000000Z",
    "FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=2",
    "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=5",
    "FREQ=MONTHLY;BYDAY=MO,TU;BYMONTHDAY=1,2,3;BYSETPOS=-2",
    "FREQ=YEARLY;BYMONTH=2;BYDAY=MO;BYSETPOS=5",
]


@pytest.mark.parametrize("body", RULES)
@pytest.mark.parametrize("zone", [None, LONDON, NEW_YORK])
def test_the_answers_are_dateutils(body: str, zone: ZoneInfo | None) -> None:
    rule = parse_rule(body)
    for start in (START, datetime(2026, 3, 28, 23, 30, tzinfo=UTC), datetime(2025, 10, 25, 5, 0, tzinfo=UTC)):
        for hours in (0, 1, 7, 30, 24 * 40, 24 * 400):
            moment = start + timedelta(hours=hours)
            for inc in (False, True):
                expected = rule.dateutil(start, zone).after(moment, inc)
                found = rule.after(start, moment, zone, inc=inc)
                assert found == expected and (found is None or found.utcoffset() == expected.utcoffset()), (
                    start,
                    moment,
                    inc,
                )


@pytest.mark.parametrize(
    ("body", "zone", "last"),
    [
        ("FREQ=DAILY;BYMONTHDAY=1,2;UNTIL=20250102T000000Z", None, datetime(2025, 1, 2, tzinfo=UTC)),
        (
            "FREQ=HOURLY;INTERVAL=12;BYDAY=WE,TH;UNTIL=20250102T050000Z",
            NEW_YORK,
            datetime(2025, 1, 2, 5, tzinfo=UTC),
        ),
        (
            "FREQ=MONTHLY;BYMONTHDAY=1,2;BYSETPOS=1;UNTIL=20250201T000000Z",
            None,
            datetime(2025, 2, 1, tzinfo=UTC),
        ),
    ],
)
def test_a_time_on_until_at_midnight_is_the_last_one(
    body: str, zone: ZoneInfo | None, last: datetime
) -> None:
    # UNTIL falls on the first instant of the next day (month) that can hold one: that time
    # is the series' last, not lost between the day (month) searched and the next.
    rule = parse_rule(body)
    start = datetime(2025, 1, 1, tzinfo=zone or UTC)
    just_before = last - timedelta(seconds=1)
    assert rule.dateutil(start, zone).after(just_before) == last  # dateutil's answer
    assert rule.after(start, just_before, zone) == last
    assert rule.after(start, last, zone) is None


# MONTHLY and YEARLY rules whose BYSETPOS asks for more times than their months or years
# ever hold, though each of BYDAY and BYMONTHDAY alone would give enough (period_size), or
# whose day parts no month or year of their grid meets:
# dateutil alone stepped through every month or year to 9999 (20-95 ms for check_occurs,
# 0.3-1.3 s for Rule.after from 2025).
@pytest.mark.parametrize(
    "body",
    [
        "FREQ=MONTHLY;BYDAY=MO;BYMONTHDAY=29,30,31;BYSETPOS=3",  # one such Monday a month
        "FREQ=MONTHLY;BYDAY=MO,TU;BYMONTHDAY=29,30,31;BYHOUR=8,9;BYSETPOS=-5",  # 2 days x 2 times
        "FREQ=MONTHLY;INTERVAL=13;BYDAY=MO;BYMONTHDAY=29,30,31;BYSETPOS=2",
        "FREQ=MONTHLY;COUNT=5;BYDAY=MO;BYMONTHDAY=29,30,31;BYSETPOS=3",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29,30;BYSETPOS=2",  # February 30 never comes
        "FREQ=YEARLY;BYMONTH=2;BYSETPOS=29",  # one day a year: DTSTART's day in February
        "FREQ=YEARLY;BYMONTH=1;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYSETPOS=32",
        "FREQ=YEARLY;BYMONTHDAY=31;BYSETPOS=8",  # seven months of 31 days
        "FREQ=YEARLY;BYDAY=1MO,-1MO;BYSETPOS=3",  # the year's first and last Monday
        "FREQ=YEARLY;BYYEARDAY=1,2,3;BYDAY=SA,SU;BYSETPOS=3",
        "FREQ=YEARLY;BYWEEKNO=53;BYSETPOS=6",  # at most five days of a year are in its week 53
        "FREQ=YEARLY;BYWEEKNO=53;BYMONTH=1;BYSETPOS=4",  # January 1-3 at most
        # Without BYSETPOS: days no month or year of the grid holds.
        "FREQ=MONTHLY;BYDAY=1MO,TU",  # dateutil wants a day both a Tuesday and the first Monday
        "FREQ=YEARLY;BYDAY=1MO,TU;BYMONTH=1",
        "FREQ=YEARLY;BYWEEKNO=53;BYMONTH=3",  # week 53 is in December and January
        "FREQ=MONTHLY;INTERVAL=12;BYMONTH=2;BYDAY=MO",  # every March from DTSTART
    ],
)
def test_a_monthly_or_yearly_rule_no_period_of_which_holds_a_time_is_none_in_a_few_steps(
    body: str, steps: list[int]
) -> None:
    rule = parse_rule(body)
    if rule.count is None:
        with pytest.raises(ValueError, match="never"):
            check_occurs(rule, START)
    assert rule.after(START, START) is None
    assert rule.after(START, datetime(2500, 6, 1, tzinfo=UTC), NEW_YORK, inc=True) is None
    assert steps[0] < 50


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Leap-day Mondays, a month at a time.
        ("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;BYSETPOS=1", LEAP_MONDAYS[:2]),
        # Three days of 2027's week 53 (from December 28, 2026, a Monday) in January.
        (
            "FREQ=YEARLY;BYWEEKNO=53;BYMONTH=1;BYSETPOS=3",
            [datetime(2027, 1, 3, 9, 0, tzinfo=UTC), datetime(2038, 1, 3, 9, 0, tzinfo=UTC)],
        ),
        # The last weekday of the month, every 13 months from March 2025.
        (
            "FREQ=MONTHLY;INTERVAL=13;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
            [datetime(2025, 3, 31, 9, 0, tzinfo=UTC), datetime(2026, 4, 30, 9, 0, tzinfo=UTC)],
        ),
        # The 8th of the 31st days (August 31) at the 2nd of two times, counted from the end.
        (
            "FREQ=YEARLY;BYMONTHDAY=31;BYHOUR=9,18;BYSETPOS=-5",
            [datetime(2025, 8, 31, 18, 0, tzinfo=UTC), datetime(2026, 8, 31, 18, 0, tzinfo=UTC)],
        ),
    ],
)
def test_a_monthly_or_yearly_rule_with_positions_finds_its_times(body: str, expected: list[datetime]) -> None:
    rule = parse_rule(body)
    check_occurs(rule, START)
    assert rule.after(START, START) == expected[0]
    assert rule.after(START, expected[0]) == expected[1]
    assert rule.after(START, expected[1], inc=True) == expected[1]
    series = rule.dateutil(START)
    assert [series.after(START), series.after(expected[0])] == expected  # dateutil's own answers


def _numbers(highest: int, negative: bool = True, most: int = 3) -> st.SearchStrategy[str]:
    """A comma list of 1..`most` values in 1..highest (or -highest..-1), small ones often."""
    value = st.one_of(st.integers(1, min(highest, 8)), st.integers(1, highest))
    signed = st.tuples(value, st.booleans() if negative else st.just(False)).map(
        lambda v: -v[0] if v[1] else v[0]
    )
    return st.lists(signed, min_size=1, max_size=most, unique=True).map(lambda vs: ",".join(map(str, vs)))


@st.composite
def monthly_yearly_rules(draw: st.DrawFn) -> str:
    """A MONTHLY or YEARLY rule body with day or time parts and mostly BYSETPOS, as a user
    could write it (parse_rule may still refuse it)."""
    freq = draw(st.sampled_from(["MONTHLY", "YEARLY"]))
    parts = [f"FREQ={freq}", f"INTERVAL={draw(st.sampled_from([1, 1, 1, 2, 3, 5, 12, 13]))}"]
    months = draw(st.none() | _numbers(12, negative=False))
    weeknos = draw(st.none() | _numbers(53)) if freq == "YEARLY" else None
    in_month = freq == "MONTHLY" or months is not None
    weekdays = st.sampled_from(WEEKDAY_NAMES)
    numbered = st.tuples(_numbers(5 if in_month else 53, most=1), weekdays).map("".join)
    day = weekdays if weeknos is not None else weekdays | numbered
    days = draw(st.none() | st.lists(day, min_size=1, max_size=5, unique=True).map(",".join))
    optional = {
        "BYMONTH": months,
        "BYWEEKNO": weeknos,
        "BYDAY": days,
        "BYMONTHDAY": draw(st.none() | _numbers(31)),
        "BYYEARDAY": draw(st.none() | _numbers(366)) if freq == "YEARLY" else None,
        "BYHOUR": draw(st.none() | _numbers(23, negative=False)),
        "BYMINUTE": draw(st.none() | st.just("0,30")),
        "WKST": draw(st.none() | weekdays),
    }
    parts += [f"{name}={value}" for name, value in optional.items() if value is not None]
    positions = draw(st.none() | _numbers(366) | _numbers(366))  # mostly given
    parts += [f"BYSETPOS={positions}"] if positions is not None else []
    return ";".join(parts)


WEEKDAY_NAMES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


LATE = datetime(9999, 12, 1, tzinfo=UTC)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(
    body=monthly_yearly_rules(),
    start=st.datetimes(datetime(9750, 1, 1), datetime(9990, 12, 31), timezones=st.just(UTC)),
    after_days=st.integers(-40, 365 * 40),
    until_years=st.none() | st.integers(1, 30),
    zone=st.sampled_from([None, LONDON, NEW_YORK]),
    inc=st.booleans(),
)
def test_monthly_and_yearly_rules_are_dateutils(
    body: str, start: datetime, after_days: int, until_years: int | None, zone: ZoneInfo | None, inc: bool
) -> None:
    # dateutil checks UNTIL (or COUNT) only when it has a time to give, so a rule that
    # never gives one has it walk every month or year to 9999 whatever they say: starting
    # late in the calendar (which repeats every 400 years) keeps that walk short.
    try:
        rule = parse_rule(body)
    except ValueError:
        assume(False)
        raise
    if until_years is not None:  # past parse_rule's latest UNTIL (year 9000)
        until = start + timedelta(days=min(365 * until_years, (LATE - start).days))
        rule = Rule((*rule.parts, ("UNTIL", until.strftime("%Y%m%dT%H%M%SZ"))))
    moment = start + timedelta(days=min(after_days, (LATE - start).days), hours=after_days % 24)
    expected = rule.dateutil(start, zone).after(moment, inc)
    found = rule.after(start, moment, zone, inc=inc)
    event("none" if expected is None else "found")
    assert found == expected
    assert found is None or expected is None or found.utcoffset() == expected.utcoffset()
