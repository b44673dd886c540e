"""Unit tests of the next due time (domain.next_occurrence): DESIGN.md "Recurrence
semantics", with examples and hypothesis properties."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from todo_common.next_due import LAST_DUE, next_due, rule_until
from todo_common.recurrence import Rule, next_remind_at, parse_rule


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


MONDAY_0930 = utc(2030, 1, 7, 9, 30)


def due_based(body: str, due: datetime | None, finished: datetime, **kwargs: object) -> datetime | None:
    return next_due(parse_rule(body), due_at=due, finished_at=finished, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("body", "finished", "expected"),
    [
        # Done on time (a little after the due time): the next slot of the rule.
        ("daily", MONDAY_0930 + timedelta(minutes=5), utc(2030, 1, 8, 9, 30)),
        ("weekly", MONDAY_0930 + timedelta(hours=1), utc(2030, 1, 14, 9, 30)),
        ("weekdays", MONDAY_0930, utc(2030, 1, 8, 9, 30)),
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR", MONDAY_0930, utc(2030, 1, 9, 9, 30)),
        ("FREQ=WEEKLY;INTERVAL=2", MONDAY_0930, utc(2030, 1, 21, 9, 30)),
        ("monthly", MONDAY_0930, utc(2030, 2, 7, 9, 30)),
        ("yearly", MONDAY_0930, utc(2031, 1, 7, 9, 30)),
        ("FREQ=MONTHLY;BYDAY=-1FR", MONDAY_0930, utc(2030, 1, 25, 9, 30)),
        ("FREQ=HOURLY;INTERVAL=6", MONDAY_0930, utc(2030, 1, 7, 15, 30)),
        # Done early: still the slot after the due time, never the due time itself.
        ("daily", MONDAY_0930 - timedelta(days=2), utc(2030, 1, 8, 9, 30)),
        # Overdue: the next slot after the completion, never one in the past.
        ("daily", utc(2030, 1, 12, 14, 0), utc(2030, 1, 13, 9, 30)),
        ("daily", utc(2030, 1, 12, 8, 0), utc(2030, 1, 12, 9, 30)),
        ("weekdays", utc(2030, 1, 11, 18, 0), utc(2030, 1, 14, 9, 30)),  # Friday evening → Monday
        ("FREQ=WEEKLY;INTERVAL=2", utc(2030, 1, 22), utc(2030, 2, 4, 9, 30)),  # stays on the grid
        # UNTIL bounds due times.
        ("FREQ=DAILY;UNTIL=20300108T093000Z", MONDAY_0930, utc(2030, 1, 8, 9, 30)),
        ("FREQ=DAILY;UNTIL=20300108T092959Z", MONDAY_0930, None),
        ("FREQ=DAILY;UNTIL=20300110", utc(2030, 1, 12), None),
    ],
)
def test_repeat_from_due(body: str, finished: datetime, expected: datetime | None) -> None:
    assert due_based(body, MONDAY_0930, finished) == expected


def test_an_overdue_daily_task_completed_today_is_next_due_at_its_next_slot_after_now() -> None:
    due = utc(2030, 3, 1, 7, 0)  # three weeks overdue
    now = utc(2030, 3, 22, 12, 34, 56, 789)
    found = due_based("daily", due, now)
    assert found == utc(2030, 3, 23, 7, 0)
    assert found is not None and found > now


@pytest.mark.parametrize(
    ("body", "due", "expected"),
    [
        # BYMONTHDAY=31 skips months without a 31st (RFC 5545), and so does a plain
        # monthly rule started on the 31st (dateutil takes the day from DTSTART).
        ("FREQ=MONTHLY;BYMONTHDAY=31", utc(2030, 1, 31, 9), utc(2030, 3, 31, 9)),
        ("monthly", utc(2030, 1, 31, 9), utc(2030, 3, 31, 9)),
        ("monthly", utc(2030, 3, 31, 9), utc(2030, 5, 31, 9)),
        ("FREQ=MONTHLY;BYMONTHDAY=30", utc(2030, 1, 30, 9), utc(2030, 3, 30, 9)),
        # The last day of every month is what "month end" users usually want.
        ("FREQ=MONTHLY;BYMONTHDAY=-1", utc(2030, 1, 31, 9), utc(2030, 2, 28, 9)),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", utc(2032, 1, 31, 9), utc(2032, 2, 29, 9)),
        ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", utc(2030, 1, 31, 9), utc(2030, 2, 28, 9)),
        ("yearly", utc(2032, 2, 29, 9), utc(2036, 2, 29, 9)),
    ],
)
def test_month_end(body: str, due: datetime, expected: datetime) -> None:
    assert due_based(body, due, due + timedelta(minutes=1)) == expected


@pytest.mark.parametrize(
    ("body", "finished", "expected"),
    [
        ("daily", utc(2030, 1, 9, 17, 45, 12, 345678), utc(2030, 1, 10, 17, 45)),
        ("FREQ=DAILY;INTERVAL=3", utc(2030, 1, 9, 17, 45), utc(2030, 1, 12, 17, 45)),
        ("weekly", utc(2030, 1, 9, 17, 45), utc(2030, 1, 16, 17, 45)),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", utc(2030, 1, 9, 17, 45), utc(2030, 1, 23, 17, 45)),
        ("FREQ=HOURLY;INTERVAL=4", utc(2030, 1, 9, 17, 45), utc(2030, 1, 9, 21, 45)),
        # A month after January 31 is the last day of February.
        ("monthly", utc(2030, 1, 31, 8), utc(2030, 2, 28, 8)),
        ("FREQ=YEARLY;INTERVAL=2", utc(2032, 2, 29, 8), utc(2034, 2, 28, 8)),
        # Completed early: counted from the completion, not from the due time.
        ("daily", utc(2030, 1, 5, 8), utc(2030, 1, 6, 8)),
        ("FREQ=DAILY;UNTIL=20300110T080000Z", utc(2030, 1, 9, 8), utc(2030, 1, 10, 8)),
        ("FREQ=DAILY;UNTIL=20300110T080000Z", utc(2030, 1, 9, 8, 1), None),
    ],
)
def test_repeat_from_completion(body: str, finished: datetime, expected: datetime | None) -> None:
    assert due_based(body, MONDAY_0930, finished, repeat_from="completion") == expected


def test_count_counts_instances_of_the_series() -> None:
    rule = parse_rule("FREQ=DAILY;COUNT=3")
    after = MONDAY_0930 + timedelta(minutes=1)
    assert next_due(rule, due_at=MONDAY_0930, finished_at=after, instance_number=1) == utc(2030, 1, 8, 9, 30)
    assert next_due(rule, due_at=MONDAY_0930, finished_at=after, instance_number=2) == utc(2030, 1, 8, 9, 30)
    assert next_due(rule, due_at=MONDAY_0930, finished_at=after, instance_number=3) is None
    # COUNT is not applied from this instance's DTSTART: the third instance of a COUNT=3
    # rule has no successor, though the rule started at its due time has three more.
    assert next_due(rule, due_at=MONDAY_0930, finished_at=after, instance_number=4) is None
    # Unknown position: left to task-service, which refuses an instance past COUNT.
    assert next_due(rule, due_at=MONDAY_0930, finished_at=after) == utc(2030, 1, 8, 9, 30)


def test_count_also_ends_a_series_repeating_from_completion() -> None:
    rule = parse_rule("FREQ=WEEKLY;COUNT=2")
    kwargs = {"due_at": MONDAY_0930, "finished_at": MONDAY_0930, "repeat_from": "completion"}
    assert next_due(rule, instance_number=2, **kwargs) is None  # type: ignore[arg-type]
    assert next_due(rule, instance_number=1, **kwargs) == utc(2030, 1, 14, 9, 30)  # type: ignore[arg-type]


def test_the_series_start_is_dtstart_when_known() -> None:
    # An instance moved off the grid: with the series start the grid holds...
    start, moved = utc(2030, 1, 1, 9), utc(2030, 1, 16, 12)  # Tuesday; the moved one a Wednesday
    rule = parse_rule("FREQ=WEEKLY;INTERVAL=2")
    assert next_due(rule, due_at=moved, finished_at=moved, series_start=start) == utc(2030, 1, 29, 9)
    # ...without it the series goes on from the moved instance (task-service's view too).
    assert next_due(rule, due_at=moved, finished_at=moved) == utc(2030, 1, 30, 12)


def test_a_recurring_task_without_a_due_time_repeats_from_the_minute_of_its_completion() -> None:
    done = utc(2030, 1, 9, 14, 48, 13, 999)
    assert due_based("daily", None, done) == utc(2030, 1, 10, 14, 48)
    assert due_based("weekdays", None, utc(2030, 1, 11, 17, 45)) == utc(2030, 1, 14, 17, 45)
    assert due_based("FREQ=HOURLY;INTERVAL=2", None, done) == utc(2030, 1, 9, 16, 48)
    assert due_based("daily", None, done, repeat_from="completion") == utc(2030, 1, 10, 14, 48)
    # With a due time too, repeating from completion counts from the completion's minute.
    assert due_based("daily", MONDAY_0930, done, repeat_from="completion") == utc(2030, 1, 10, 14, 48)


def test_nothing_is_due_from_the_year_9000_on() -> None:
    due = utc(8999, 12, 31, 12)
    assert due_based("daily", due, due) is None
    assert due_based("FREQ=YEARLY;INTERVAL=1000", due, due, repeat_from="completion") is None
    assert due_based("FREQ=YEARLY;INTERVAL=1000", due, due) is None


def test_times_without_an_offset_are_refused() -> None:
    with pytest.raises(ValueError, match="offset"):
        due_based("daily", datetime(2030, 1, 1), utc(2030, 1, 2))


def test_an_hourly_rule_started_long_ago_skips_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    # dateutil walks every occurrence from DTSTART (7,000 years of 5-hour slots: minutes);
    # next_due starts it a whole step or two before the reference instead. Counted, not timed.
    starts: list[datetime] = []
    dateutil = Rule.dateutil

    def spy(self: Rule, dtstart: datetime, zone: Any = None) -> Any:
        starts.append(dtstart)
        return dateutil(self, dtstart, zone)

    monkeypatch.setattr(Rule, "dateutil", spy)
    found = due_based("FREQ=HOURLY;INTERVAL=5", utc(1900, 1, 1, 0, 7), utc(8900, 6, 1, 12))
    assert len(starts) == 1
    assert timedelta(hours=5) <= utc(8900, 6, 1, 12) - starts[0] <= timedelta(hours=10)
    assert found is not None and found > utc(8900, 6, 1, 12)
    assert (found - utc(1900, 1, 1, 0, 7)) % timedelta(hours=5) == timedelta(0)


def test_reminder_keeps_its_offset_from_the_due_time() -> None:
    nxt = utc(2030, 1, 8, 9, 30)
    assert next_remind_at(nxt, MONDAY_0930, MONDAY_0930 - timedelta(minutes=15)) == nxt - timedelta(
        minutes=15
    )
    assert next_remind_at(nxt, MONDAY_0930, MONDAY_0930 + timedelta(hours=2)) == nxt + timedelta(hours=2)
    assert next_remind_at(nxt, MONDAY_0930, None) is None
    assert next_remind_at(nxt, None, MONDAY_0930) is None


def test_rule_until() -> None:
    assert rule_until(parse_rule("FREQ=DAILY;UNTIL=20301231")) == utc(2030, 12, 31, 23, 59, 59)
    assert rule_until(parse_rule("daily")) is None


# -- properties --------------------------------------------------------------------------------
RULES = st.sampled_from(
    [
        "daily",
        "weekly",
        "monthly",
        "yearly",
        "weekdays",
        "FREQ=DAILY;INTERVAL=3",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SA",
        "FREQ=WEEKLY;INTERVAL=3;WKST=SU;BYDAY=SU,WE",
        "FREQ=MONTHLY;BYMONTHDAY=31",
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=2WE",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=HOURLY;INTERVAL=7",
        "FREQ=HOURLY;INTERVAL=5;BYDAY=MO",
        "FREQ=DAILY;BYHOUR=8,20;BYMINUTE=15",
        "FREQ=DAILY;INTERVAL=2;BYDAY=MO,FR;BYSETPOS=1",
        "FREQ=DAILY;COUNT=4",
        "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=10",
        "FREQ=DAILY;UNTIL=20600101",
        "FREQ=WEEKLY;BYDAY=FR;UNTIL=20310615T120000Z",
        "FREQ=MONTHLY;BYMONTHDAY=31;UNTIL=20400101",
    ]
)
DUES = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2080, 1, 1), timezones=st.just(UTC))
# How long after (or, when negative, before) its due time an instance is finished.
LATENESS = st.timedeltas(min_value=timedelta(days=-40), max_value=timedelta(days=3 * 366))
POSITIONS = st.integers(min_value=1, max_value=12) | st.none()


@settings(max_examples=300, deadline=None)
@given(RULES, DUES, LATENESS, POSITIONS)
def test_next_due_is_the_rules_first_slot_strictly_after_the_later_of_due_and_completion(
    raw: str, due: datetime, lateness: timedelta, position: int | None
) -> None:
    rule = parse_rule(raw)
    finished = due + lateness
    found = next_due(rule, due_at=due, finished_at=finished, instance_number=position)
    # COUNT counts instances: never beyond it.
    if rule.count is not None and position is not None and position >= rule.count:
        assert found is None
        return
    series = rule.without("COUNT").dateutil(due)  # the rule started at the instance's due time
    reference = max(due, finished)
    # The oracle: dateutil walking every occurrence since the due time.
    assert found == series.after(reference)
    if found is None:  # only when UNTIL is over
        until = rule_until(rule)
        assert until is not None and series.after(reference, inc=False) is None
        return
    assert found.tzinfo == UTC
    assert found > reference and found > finished and found > due  # strictly after, never in the past
    assert series.after(found - timedelta(seconds=1)) == found  # in the rule's set
    until = rule_until(rule)
    assert until is None or found <= until  # never beyond UNTIL
    assert series.between(reference, found, inc=False) == []  # the first such slot


@settings(max_examples=200, deadline=None)
@given(RULES, DUES, LATENESS, POSITIONS)
def test_repeat_from_completion_is_one_interval_after_the_completion(
    raw: str, due: datetime, lateness: timedelta, position: int | None
) -> None:
    rule = parse_rule(raw)
    finished = due + lateness
    found = next_due(
        rule, due_at=due, finished_at=finished, repeat_from="completion", instance_number=position
    )
    if rule.count is not None and position is not None and position >= rule.count:
        assert found is None
        return
    units = {"HOURLY": "hours", "DAILY": "days", "WEEKLY": "weeks", "MONTHLY": "months", "YEARLY": "years"}
    step = relativedelta(**{units[rule.get("FREQ") or ""]: int(rule.get("INTERVAL") or 1)})
    expected = finished.replace(second=0, microsecond=0) + step
    until = rule_until(rule)
    if until is not None and expected > until:
        assert found is None
    else:
        assert found == expected and found > finished


FIXED = st.sampled_from(
    [
        "FREQ=HOURLY;INTERVAL=11",
        "FREQ=DAILY;INTERVAL=9;BYHOUR=6,18",
        "FREQ=WEEKLY;INTERVAL=5;BYDAY=TU,SU;WKST=TH",
    ]
)


@settings(max_examples=100, deadline=None)
@given(FIXED, DUES, st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=30 * 366)))
def test_skipping_ahead_over_long_gaps_finds_the_same_slot(
    raw: str, due: datetime, lateness: timedelta
) -> None:
    rule = parse_rule(raw)
    finished = due + lateness
    assume(finished < datetime(2100, 1, 1, tzinfo=UTC))
    found = next_due(rule, due_at=due, finished_at=finished)
    assert found == rule.dateutil(due).after(finished)


@given(DUES)
def test_results_stay_before_the_last_due_time(due: datetime) -> None:
    found = next_due(parse_rule("FREQ=YEARLY;INTERVAL=1000"), due_at=due, finished_at=due)
    assert found is None or found < LAST_DUE


@settings(max_examples=150, deadline=None)
@given(RULES, DUES, st.sampled_from(["due", "completion"]))
def test_without_a_due_time_the_next_one_is_due_on_a_whole_minute_after_the_completion(
    raw: str, finished: datetime, repeat_from: str
) -> None:
    rule = parse_rule(raw)
    found = next_due(rule, due_at=None, finished_at=finished, repeat_from=repeat_from)  # type: ignore[arg-type]
    if found is None:  # only when UNTIL is over
        assert rule_until(rule) is not None
        return
    assert found > finished and (found.second, found.microsecond) == (0, 0)
    if repeat_from == "due":  # the rule's first slot after the completion, from its minute
        assert found == rule.without("COUNT").dateutil(finished.replace(second=0, microsecond=0)).after(
            finished
        )
