"""When a series' next instance is due (DESIGN.md "Recurrence semantics"). Pure. Shared:
recurring-service makes the next instance of a finished one with it, and "Skip this one"
(the web, through recurring-service's /next, and the assistant) moves an open instance to
where finishing it now would put the next one. Times
are UTC; the rule repeats on the wall clock of the series' zone (UTC when it has none), so
"every Monday at 09:00" in Europe/London stays at 09:00 London when summer time starts.

- repeat_from "due": the first occurrence of the rule strictly after the later of the
  finished instance's due time and the time it was finished, so an overdue instance
  finished today is next due at its next slot after now, never in the past.
- repeat_from "completion": the finish time (to the minute) plus one rule interval
  (FREQ x INTERVAL); the BYxxx parts are not applied. A month from January 31 is the last day of February.
- COUNT counts instances of the series (instance_number of the finished one); UNTIL bounds
  due times. None means the series is exhausted.

DTSTART is the series' first due time when the caller knows it, otherwise the finished
instance's own due time. The two give the same occurrences while every instance sits on
the rule's grid; when the user moved an instance (or edited its rule) the series goes on
from that instance, as task-service's own `next_occurrence` field does. A recurring task
without a due time repeats from the minute it was finished (its DTSTART; the seconds are
dropped, as due times are set and shown to the minute): done daily at 14:48:13, it is next
due at 14:48 the next day.
"""

from datetime import UTC, datetime, timedelta, tzinfo
from typing import Literal

from dateutil.relativedelta import relativedelta

from todo_common.recurrence import Rule, rule_until

RepeatFrom = Literal["due", "completion"]

# task-service refuses due times from this instant on (its domain.fields.LATEST).
LAST_DUE = datetime(9000, 1, 1, tzinfo=UTC)

# Periods of fixed length: a DTSTART moved forward by whole INTERVALs of them gives the
# same occurrences from there on. (Months and years vary in length; dateutil needs at most
# a dozen steps a year for them anyway.)
_FIXED_PERIODS = {"HOURLY": timedelta(hours=1), "DAILY": timedelta(days=1), "WEEKLY": timedelta(weeks=1)}
_INTERVAL_UNITS = {
    "HOURLY": "hours",
    "DAILY": "days",
    "WEEKLY": "weeks",
    "MONTHLY": "months",
    "YEARLY": "years",
}


def next_due(
    rule: Rule,
    *,
    due_at: datetime | None,
    finished_at: datetime,
    repeat_from: RepeatFrom = "due",
    instance_number: int | None = None,
    series_start: datetime | None = None,
    zone: tzinfo | None = None,
) -> datetime | None:
    """The next instance's due time in UTC, or None when the series is exhausted.

    `finished_at` is when the instance was completed (or dismissed). `instance_number` is
    the finished instance's position in the series (1 = the first); when unknown, COUNT
    is left to task-service, which refuses an instance past it."""
    count = rule.count
    if count is not None and instance_number is not None and instance_number >= count:
        return None
    finished = _utc(finished_at)
    due = _utc(due_at) if due_at is not None else None
    start = _utc(series_start) if series_start is not None else None
    try:
        if repeat_from == "completion":
            found = _from_completion(rule, finished)
        else:
            found = _from_due(rule, due, finished, start, zone or UTC)
    except (OverflowError, ValueError):  # arithmetic past datetime's year 9999
        return None
    if found is None or found >= LAST_DUE:
        return None
    return found.astimezone(UTC)


def _from_completion(rule: Rule, finished: datetime) -> datetime | None:
    found = _counted_from(finished) + _one_interval(rule)
    until = rule_until(rule)
    return None if until is not None and found > until else found


def _from_due(
    rule: Rule, due: datetime | None, finished: datetime, series_start: datetime | None, zone: tzinfo
) -> datetime | None:
    reference = max(due, finished) if due is not None else finished
    start = (series_start or due or _counted_from(finished)).astimezone(zone)
    start = _fast_forward(rule, start, reference)
    # COUNT counts instances, not occurrences since this DTSTART: see next_due.
    return rule.without("COUNT").after(start, reference, zone)


def _counted_from(finished: datetime) -> datetime:
    """The completion time a next due time is counted from: its minute, as due times are set
    and shown (done at 20:32:26, every 3 days from completion: due 20:32 three days on, not
    20:32:26 out of nowhere)."""
    return finished.replace(second=0, microsecond=0)


def _one_interval(rule: Rule) -> relativedelta:
    freq = rule.get("FREQ") or "DAILY"
    interval = int(rule.get("INTERVAL") or 1)
    return relativedelta(**{_INTERVAL_UNITS[freq]: interval})


def _fast_forward(rule: Rule, start: datetime, reference: datetime) -> datetime:
    """A later DTSTART with the same occurrences after `reference`, so that finding the
    next slot of an hourly rule started decades ago does not walk every hour since.
    Moving by whole periods of INTERVAL keeps each period's place in the rule (weekday,
    time of day, week start), and COUNT is never applied to dateutil's iteration here.
    `start` is on its zone's wall clock and moves on it (a day is 24 wall-clock hours); a
    daylight-saving change can take it past the reference, so it steps back until it is not."""
    period = _FIXED_PERIODS.get(rule.get("FREQ") or "")
    if period is None or reference <= start:
        return start
    step = period * int(rule.get("INTERVAL") or 1)
    steps = (reference - start) // step - 1  # stay a whole step before the reference
    if steps <= 0:
        return start
    moved = start + step * steps
    while moved > reference:
        moved -= step
    return moved


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("times must carry a UTC offset")
    return moment.astimezone(UTC)
