"""The due times a series of a rule makes, for the preview. Pure. The rule in words is
todo_common.recurrence_words.describe."""

from datetime import UTC, datetime

from todo_common.recurrence import Rule

from recurring_service.domain.next_occurrence import LAST_DUE


def first_occurrence(rule: Rule, at: datetime) -> datetime | None:
    """The rule's first occurrence at or after `at` (DTSTART = at), or None."""
    found: datetime | None = rule.without("COUNT").dateutil(at).after(at, inc=True)
    return found.astimezone(UTC) if found is not None and found < LAST_DUE else None


def series_due_times(rule: Rule, dtstart: datetime, limit: int = 5) -> list[datetime]:
    """The due times of a series' first `limit` instances when each is done on time: the
    first instance at dtstart, then the rule's occurrences after it, within COUNT and UNTIL."""
    dtstart = dtstart.astimezone(UTC)
    wanted = min(limit, rule.count) if rule.count is not None else limit
    if wanted <= 0:
        return []
    later = rule.without("COUNT").dateutil(dtstart).xafter(dtstart, count=wanted - 1)
    return [dtstart, *(t.astimezone(UTC) for t in later if t < LAST_DUE)]
