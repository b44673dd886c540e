"""A rule's next occurrence without dateutil's walk of every hour or day (Rule.after,
todo_common.rule_days): rules that never occur, or occur years apart, cost a bounded number
of dateutil steps (counted, not timed), with dateutil's own answers."""

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from dateutil import rrule as dateutil_rrule
from todo_common.next_due import next_due
from todo_common.recurrence import check_occurs, parse_rule
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
