"""A series repeats at the same wall-clock time in its zone (RFC 5545 DTSTART;TZID) across
daylight-saving changes; times go in and come out in UTC. A series without a zone (or in
UTC) repeats in UTC, as before."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from recurring_service.domain.describe import first_occurrence, series_due_times
from todo_common.next_due import next_due
from todo_common.recurrence import load_zone, next_remind_at, parse_rule

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
SYDNEY = ZoneInfo("Australia/Sydney")


def at(zone: ZoneInfo, *args: int) -> datetime:
    """A wall time in `zone`, as UTC."""
    return datetime(*args, tzinfo=zone).astimezone(UTC)  # type: ignore[misc]


def wall(moments: list[datetime], zone: ZoneInfo) -> list[str]:
    return [m.astimezone(zone).strftime("%a %d %b %H:%M") for m in moments]


def test_yoga_every_monday_at_9_in_london_stays_at_9_when_summer_time_starts() -> None:
    first = at(LONDON, 2027, 3, 22, 9)  # 09:00 GMT
    times = series_due_times(parse_rule("FREQ=WEEKLY;BYDAY=MO"), first, 3, LONDON)
    assert wall(times, LONDON) == ["Mon 22 Mar 09:00", "Mon 29 Mar 09:00", "Mon 05 Apr 09:00"]
    assert times[1] == datetime(2027, 3, 29, 8, tzinfo=UTC)  # 09:00 BST
    done = first + timedelta(minutes=20)
    assert next_due(parse_rule("weekly"), due_at=first, finished_at=done, zone=LONDON) == times[1]


def test_every_weekday_at_0815_in_london_across_the_spring_change() -> None:
    first = datetime(2027, 3, 25, 8, 15, tzinfo=UTC)  # Thursday 08:15 GMT
    times = series_due_times(parse_rule("weekdays"), first, 3, LONDON)
    assert wall(times, LONDON) == ["Thu 25 Mar 08:15", "Fri 26 Mar 08:15", "Mon 29 Mar 08:15"]
    assert times[2] == datetime(2027, 3, 29, 7, 15, tzinfo=UTC)


def test_london_autumn_change_moves_the_instant_back_an_hour() -> None:
    first = at(LONDON, 2027, 10, 29, 18, 30)  # Friday 18:30 BST
    found = next_due(parse_rule("daily"), due_at=first, finished_at=first, zone=LONDON)
    assert found is not None
    found = next_due(parse_rule("daily"), due_at=found, finished_at=found, zone=LONDON)
    found = next_due(parse_rule("daily"), due_at=found, finished_at=found, zone=LONDON)
    assert found == datetime(2027, 11, 1, 18, 30, tzinfo=UTC)  # Monday 18:30 GMT


def test_new_york_keeps_its_wall_clock_across_both_changes() -> None:
    first = at(NEW_YORK, 2027, 3, 8, 7)  # Monday 07:00 EST
    times = series_due_times(parse_rule("FREQ=WEEKLY;BYDAY=MO"), first, 2, NEW_YORK)
    assert times == [datetime(2027, 3, 8, 12, tzinfo=UTC), datetime(2027, 3, 15, 11, tzinfo=UTC)]
    autumn = at(NEW_YORK, 2027, 11, 1, 7)  # Monday 07:00 EDT
    assert next_due(parse_rule("weekly"), due_at=autumn, finished_at=autumn, zone=NEW_YORK) == datetime(
        2027, 11, 8, 12, tzinfo=UTC
    )


def test_sydney_summer_time_ends_in_april_and_starts_in_october() -> None:
    april = at(SYDNEY, 2027, 4, 1, 9)  # Thursday 09:00 AEDT (UTC+11)
    times = series_due_times(parse_rule("FREQ=WEEKLY"), april, 2, SYDNEY)
    assert times == [datetime(2027, 3, 31, 22, tzinfo=UTC), datetime(2027, 4, 7, 23, tzinfo=UTC)]
    october = at(SYDNEY, 2027, 9, 30, 9)  # AEST (UTC+10); summer time from 3 October
    times = series_due_times(parse_rule("FREQ=WEEKLY"), october, 2, SYDNEY)
    assert wall(times, SYDNEY) == ["Thu 30 Sep 09:00", "Thu 07 Oct 09:00"]
    assert times[1] == datetime(2027, 10, 6, 22, tzinfo=UTC)


def test_a_time_in_the_spring_forward_gap_is_shifted_forward_by_the_gap() -> None:
    # New York skips 02:00-03:00 on 14 March 2027: 02:30 that day is 03:30 EDT.
    first = at(NEW_YORK, 2027, 3, 13, 2, 30)
    times = series_due_times(parse_rule("daily"), first, 3, NEW_YORK)
    assert wall(times, NEW_YORK) == ["Sat 13 Mar 02:30", "Sun 14 Mar 03:30", "Mon 15 Mar 02:30"]
    assert times[1] == datetime(2027, 3, 14, 7, 30, tzinfo=UTC)
    # London skips 01:00-02:00 on 28 March 2027.
    due = at(LONDON, 2027, 3, 27, 1, 30)
    found = next_due(parse_rule("daily"), due_at=due, finished_at=due + timedelta(minutes=30), zone=LONDON)
    assert found == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)  # 02:30 BST


def test_an_hourly_rule_through_the_gap_gives_each_instant_once() -> None:
    first = at(LONDON, 2027, 3, 28, 0, 0)
    times = series_due_times(parse_rule("FREQ=HOURLY"), first, 3, LONDON)
    assert wall(times, LONDON) == ["Sun 28 Mar 00:00", "Sun 28 Mar 02:00", "Sun 28 Mar 03:00"]


def test_a_repeated_autumn_hour_is_the_first_one() -> None:
    # 01:30 happens twice in New York on 7 November 2027: the first (EDT) is the due time.
    first = at(NEW_YORK, 2027, 11, 6, 1, 30)
    found = next_due(parse_rule("daily"), due_at=first, finished_at=first, zone=NEW_YORK)
    assert found == datetime(2027, 11, 7, 5, 30, tzinfo=UTC)  # 01:30 EDT, not 06:30 UTC (EST)


def test_days_are_the_zones_days() -> None:
    # Monday 08:00 in Sydney is Sunday 22:00 UTC: BYDAY=MO means Sydney's Monday.
    first = at(SYDNEY, 2027, 6, 7, 8)
    assert first_occurrence(parse_rule("FREQ=WEEKLY;BYDAY=MO"), first, SYDNEY) == first
    assert first_occurrence(parse_rule("FREQ=WEEKLY;BYDAY=MO"), first) == datetime(2027, 6, 7, 22, tzinfo=UTC)


def test_until_is_an_instant() -> None:
    first = at(LONDON, 2027, 3, 26, 9)
    rule = parse_rule("FREQ=DAILY;UNTIL=20270329T080000Z")  # 09:00 BST on 29 March
    assert wall(series_due_times(rule, first, 9, LONDON), LONDON)[-1] == "Mon 29 Mar 09:00"
    rule = parse_rule("FREQ=DAILY;UNTIL=20270329T075959Z")
    assert wall(series_due_times(rule, first, 9, LONDON), LONDON)[-1] == "Sun 28 Mar 09:00"


def test_a_long_overdue_daily_task_comes_back_at_its_wall_clock_time() -> None:
    due = at(LONDON, 2020, 1, 6, 9)
    now = datetime(2027, 7, 1, 12, tzinfo=UTC)
    daily = next_due(parse_rule("daily"), due_at=due, finished_at=now, zone=LONDON)
    assert daily == at(LONDON, 2027, 7, 2, 9)
    hourly = next_due(parse_rule("FREQ=HOURLY;INTERVAL=5"), due_at=due, finished_at=now, zone=LONDON)
    assert hourly is not None and hourly > now and hourly - now <= timedelta(hours=5)


RULES = st.sampled_from(["daily", "weekly", "weekdays", "FREQ=HOURLY;INTERVAL=7", "FREQ=MONTHLY;BYDAY=-1FR"])
MOMENTS = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2060, 1, 1), timezones=st.just(UTC))


@settings(max_examples=150, deadline=None)
@given(RULES, MOMENTS, st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3000)))
def test_the_utc_zone_gives_what_no_zone_gives(body: str, due: datetime, late: timedelta) -> None:
    rule = parse_rule(body)
    due = due.replace(microsecond=0)
    plain = next_due(rule, due_at=due, finished_at=due + late)
    assert next_due(rule, due_at=due, finished_at=due + late, zone=load_zone("UTC")) == plain
    assert next_due(rule, due_at=due, finished_at=due + late, zone=load_zone(None)) == plain
    assert series_due_times(rule, due, 5, ZoneInfo("UTC")) == series_due_times(rule, due)


@pytest.mark.parametrize("zone", [LONDON, NEW_YORK, SYDNEY])
@settings(max_examples=60, deadline=None)
@given(due=MOMENTS, late=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=4000)))
def test_daily_repeats_keep_the_wall_clock_time(zone: ZoneInfo, due: datetime, late: timedelta) -> None:
    due = due.replace(second=0, microsecond=0)
    found = next_due(parse_rule("daily"), due_at=due, finished_at=due + late, zone=zone)
    assert found is not None and found > due + late
    local, was = found.astimezone(zone), due.astimezone(zone)
    shifted = datetime.combine(local.date(), was.time(), zone).astimezone(UTC)  # a gap shifts the time
    assert found == shifted
    assert found - (due + late) <= timedelta(days=1, hours=1)


# -- reminders -------------------------------------------------------------------------------


def test_a_reminder_the_evening_before_stays_at_18_00_across_the_spring_change() -> None:
    # Sunday 09:00 in London, reminded on Saturday at 18:00. Summer time starts early on
    # Sunday 28 March 2027, between that week's reminder and its due time.
    sunday, saturday = at(LONDON, 2027, 3, 21, 9), at(LONDON, 2027, 3, 20, 18)
    following = at(LONDON, 2027, 3, 28, 9)
    remind = next_remind_at(following, sunday, saturday, LONDON)
    assert remind is not None and wall([remind], LONDON) == ["Sat 27 Mar 18:00"]
    after = next_remind_at(at(LONDON, 2027, 4, 4, 9), following, remind, LONDON)
    assert after is not None and wall([after], LONDON) == ["Sat 03 Apr 18:00"]


def test_a_reminder_days_before_keeps_its_day_and_time_across_the_autumn_change() -> None:
    # Mondays 17:00 in New York, reminded the Saturday before at 08:15; summer time ends
    # on Sunday 7 November 2027.
    due, remind = at(NEW_YORK, 2027, 11, 1, 17), at(NEW_YORK, 2027, 10, 30, 8, 15)
    found = next_remind_at(at(NEW_YORK, 2027, 11, 8, 17), due, remind, NEW_YORK)
    assert found is not None and wall([found], NEW_YORK) == ["Sat 06 Nov 08:15"]


def test_a_reminder_minutes_before_stays_that_many_minutes_before() -> None:
    due = at(LONDON, 2027, 3, 27, 9)
    nxt = at(LONDON, 2027, 3, 28, 9)
    assert next_remind_at(nxt, due, due - timedelta(minutes=30), LONDON) == nxt - timedelta(minutes=30)
    # Due 02:15 BST on the day London skips 01:00-02:00: 30 minutes before is 00:45 GMT,
    # not 01:45 read as GMT (which would be after the due time).
    gap_day = at(LONDON, 2027, 3, 28, 2, 15)
    assert next_remind_at(
        gap_day, gap_day - timedelta(days=1), gap_day - timedelta(days=1, minutes=30), LONDON
    ) == (gap_day - timedelta(minutes=30))
    # Due 01:45 EST, the second 01:45 of New York's autumn night: 30 minutes before is the
    # second 01:15 too.
    second = datetime(2027, 11, 7, 6, 45, tzinfo=UTC)
    day_before = at(NEW_YORK, 2027, 11, 6, 1, 45)
    assert next_remind_at(second, day_before, day_before - timedelta(minutes=30), NEW_YORK) == (
        second - timedelta(minutes=30)
    )


def _elapsed(next_due_at: datetime, due: datetime, remind: datetime) -> datetime:
    return next_due_at + (remind - due)


OFFSETS = st.timedeltas(min_value=-timedelta(days=40), max_value=timedelta(days=3))
GAPS = st.timedeltas(min_value=timedelta(hours=1), max_value=timedelta(days=800))


@settings(max_examples=200, deadline=None)
@given(MOMENTS, OFFSETS, GAPS)
def test_without_a_zone_the_reminder_keeps_its_elapsed_offset(
    due: datetime, offset: timedelta, gap: timedelta
) -> None:
    nxt = due + gap
    expected = _elapsed(nxt, due, due + offset)
    assert next_remind_at(nxt, due, due + offset) == expected
    assert next_remind_at(nxt, due, due + offset, load_zone(None)) == expected
    assert next_remind_at(nxt, due, due + offset, load_zone("UTC")) == expected


@pytest.mark.parametrize("zone", [LONDON, NEW_YORK, SYDNEY])
@settings(max_examples=150, deadline=None)
@given(due=MOMENTS, offset=OFFSETS, gap=GAPS)
def test_in_a_zone_the_reminder_keeps_its_wall_clock_distance(
    zone: ZoneInfo, due: datetime, offset: timedelta, gap: timedelta
) -> None:
    due, offset = due.replace(second=0, microsecond=0), offset - offset % timedelta(minutes=1)
    nxt, remind = due + gap, due + offset
    found = next_remind_at(nxt, due, remind, zone)
    assert found is not None
    # Never on the other side of the due time.
    assert (found < nxt, found == nxt) == (offset < timedelta(0), offset == timedelta(0))

    def local(moment: datetime) -> datetime:
        return moment.astimezone(zone).replace(tzinfo=None)

    def plain(naive: datetime) -> bool:  # a wall time the zone neither skips nor repeats
        return (
            naive.replace(tzinfo=zone, fold=0).utcoffset() == naive.replace(tzinfo=zone, fold=1).utcoffset()
        )

    target = local(nxt) + (local(remind) - local(due))
    if plain(local(due)) and plain(local(remind)) and plain(target):
        assert local(found) == target
    else:  # a skipped or repeated wall time: off the elapsed offset by the zone's changes at most
        assert abs(found - _elapsed(nxt, due, remind)) <= timedelta(hours=2)
