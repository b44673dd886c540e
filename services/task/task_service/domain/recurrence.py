"""The task's next occurrence as planned (from its due time). Rules themselves are parsed
and checked by todo_common.recurrence, shared with recurring-service."""

from datetime import UTC, datetime, tzinfo

# Re-exported: the rest of task-service imports rules from here.
from todo_common.recurrence import (
    PLAIN_WORDS,
    Rule,
    check_occurs,
    load_zone,
    normalise_rrule,
    normalise_zone,
    parse_rule,
)

__all__ = [
    "PLAIN_WORDS",
    "Rule",
    "check_occurs",
    "load_zone",
    "next_occurrence",
    "normalise_rrule",
    "normalise_zone",
    "parse_rule",
]


def next_occurrence(
    rule: Rule, due_at: datetime | None, instance_number: int = 1, zone: tzinfo | None = None
) -> datetime | None:
    """The first occurrence strictly after due_at, with due_at as DTSTART on the wall clock
    of `zone` (the task's timezone; UTC when None); None without a due time or when the
    series is over. COUNT counts instances of the series, so the instance_number-th
    instance has a successor only while instance_number < COUNT."""
    if due_at is None:
        return None
    count = rule.count
    if count is not None and instance_number >= count:
        return None
    start = due_at.astimezone(UTC)
    found = rule.without("COUNT").after(start, start, zone)
    return found.astimezone(UTC) if found is not None else None
