"""The due times a series of a rule makes, for the preview. Pure. The rule in words is
todo_common.recurrence_words.describe. The rule repeats on the wall clock of `zone` (UTC
when None); times are UTC."""

from datetime import UTC, datetime, tzinfo

from todo_common.next_due import LAST_DUE
from todo_common.recurrence import Rule


def first_occurrence(rule: Rule, at: datetime, zone: tzinfo | None = None) -> datetime | None:
    """The rule's first occurrence at or after `at` (DTSTART = at), or None."""
    found = rule.without("COUNT").after(at, at, zone, inc=True)
    return found.astimezone(UTC) if found is not None and found < LAST_DUE else None


def series_due_times(
    rule: Rule, dtstart: datetime, limit: int = 5, zone: tzinfo | None = None
) -> list[datetime]:
    """The due times of a series' first `limit` instances when each is done on time: the
    first instance at dtstart, then the rule's occurrences after it, within COUNT and UNTIL.
    Two wall times that a spring-forward gap makes one instant (01:30 and 02:30 in London
    on the change day) are one due time."""
    dtstart = dtstart.astimezone(UTC)
    wanted = min(limit, rule.count) if rule.count is not None else limit
    if wanted <= 0:
        return []
    times = [dtstart]
    series = rule.without("COUNT")
    # Each the first occurrence after the last one kept: a wall time the zone's change
    # makes earlier than it (02:30 in the gap, then 03:00) is passed over.
    while len(times) < wanted:
        found = series.after(dtstart, times[-1], zone)
        if found is None or found.astimezone(UTC) >= LAST_DUE:
            break
        times.append(found.astimezone(UTC))
    return times
