"""Recurrence rules: RFC 5545 RRULE bodies, parsed, checked and normalised to one canonical
spelling. Shared by task-service (which stores rules) and recurring-service (which computes
the next instance and describes rules for the UI). A series starts at its first due time
(DTSTART) and repeats at that wall-clock time in its zone (RFC 5545 DTSTART;TZID): a rule
"every Monday at 09:00" in Europe/London stays at 09:00 London across daylight-saving
changes. Times go in and come out in UTC; a series without a zone repeats in UTC.

dateutil parses and iterates rules. It does not check value ranges or the RFC's
combination rules, and it scans up to year 9999 looking for an occurrence that a rule like
FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30 never produces (seconds of CPU). So rules are parsed and
checked here first, and a rule must show an occurrence within one 400-year Gregorian cycle
before it is accepted."""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrule, rrulestr

from todo_common.rule_days import (
    LAST_DAY,
    DayFinder,
    PeriodFinder,
    dateutil_defaults,
    never_in_calendar,
    period_size,
    searchable,
    setpos_never,
)
from todo_common.text import clean_text

PLAIN_WORDS = {
    "daily": "FREQ=DAILY",
    "weekly": "FREQ=WEEKLY",
    "monthly": "FREQ=MONTHLY",
    "yearly": "FREQ=YEARLY",
    "weekdays": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
}

# MINUTELY and SECONDLY are valid RFC 5545 but no task repeats by the minute.
FREQUENCIES = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MAX_INTERVAL = 1000
MAX_COUNT = 10_000
MAX_RULE_LENGTH = 500

# The canonical order of parts: RFC 5545's recur grammar.
_INT_PARTS: dict[str, tuple[int, int, bool]] = {
    # name: (lowest, highest, negative values allowed)
    "BYSECOND": (0, 59, False),
    "BYMINUTE": (0, 59, False),
    "BYHOUR": (0, 23, False),
    "BYMONTHDAY": (1, 31, True),
    "BYYEARDAY": (1, 366, True),
    "BYWEEKNO": (1, 53, True),
    "BYMONTH": (1, 12, False),
    "BYSETPOS": (1, 366, True),
}
_ORDER = (
    "FREQ",
    "INTERVAL",
    "COUNT",
    "UNTIL",
    "BYSECOND",
    "BYMINUTE",
    "BYHOUR",
    "BYDAY",
    "BYMONTHDAY",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYMONTH",
    "BYSETPOS",
    "WKST",
)
_BYDAY = re.compile(r"^([+-]?)(\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
_INT = re.compile(r"^[+-]?\d{1,4}$")
_UNTIL_FORMATS = (("%Y%m%dT%H%M%SZ", False), ("%Y%m%dT%H%M%S", False), ("%Y%m%d", True))

# A fixed start for rules of tasks without a due time (only used to check the rule).
_REFERENCE_START = datetime(2000, 1, 3, tzinfo=UTC)


@dataclass(frozen=True)
class Rule:
    """A parsed, checked rule; str() is its canonical body."""

    parts: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str | None:
        return dict(self.parts).get(name)

    @property
    def count(self) -> int | None:
        value = self.get("COUNT")
        return int(value) if value is not None else None

    def __str__(self) -> str:
        return ";".join(f"{name}={value}" for name, value in self.parts)

    def without(self, *names: str) -> "Rule":
        return Rule(tuple((n, v) for n, v in self.parts if n not in names))

    def dateutil(self, dtstart: datetime, zone: tzinfo | None = None) -> rrule:
        """dateutil's rule from `dtstart`, expanded on the wall clock of `zone` (UTC when
        None): its occurrences are aware times in that zone, to be turned to UTC with
        astimezone. A wall time that a spring-forward gap skips is taken with the offset
        before the gap, so it comes out later by the gap's length (02:30 in New York on the
        change day is 03:30 EDT), and one that the autumn change repeats is the first of
        the two (zoneinfo's fold=0), as RFC 5545 3.3.5 says."""
        result = rrulestr(str(self), dtstart=dtstart.astimezone(zone or UTC))
        assert isinstance(result, rrule)  # one RRULE body is never a set
        return result

    def after(
        self, dtstart: datetime, moment: datetime, zone: tzinfo | None = None, *, inc: bool = False
    ) -> datetime | None:
        """The first occurrence after `moment` (at or after it with `inc`) of the rule from
        `dtstart` on the wall clock of `zone`, as dateutil's rrule.after gives it (an aware
        time in that zone), or None. Without dateutil's walk of every hour or day up to year
        9999 when the rule's days are rare or never come: a rule no calendar day can meet
        (BYMONTH=2;BYMONTHDAY=30) or whose BYSETPOS picks nothing from what any period can
        hold (MONTHLY;BYDAY=MO;BYSETPOS=6: five Mondays at most) has none, an HOURLY or
        DAILY rule with filtered days goes straight to the first day that can hold one
        (rule_days), where dateutil finds it, and a MONTHLY or YEARLY rule with day parts or
        BYSETPOS straight to the first month or year holding a time."""
        series = self.dateutil(dtstart, zone)  # dateutil's own checks (BYHOUR off the grid)
        parts = dict(self.parts)
        if never_in_calendar(parts) or setpos_never(parts, period_size(parts)):
            return None
        if parts["FREQ"] in ("MONTHLY", "YEARLY") and any(n in parts for n in (*_DAY_PARTS, "BYSETPOS")):
            return self._after_by_periods(series, dtstart.astimezone(zone or UTC), moment, inc)
        if not searchable(parts):
            found: datetime | None = series.after(moment, inc)
            return found
        start = dtstart.astimezone(zone or UTC)
        finder = _day_finder(self, start.replace(tzinfo=None))
        until = rule_until(self)
        # Occurrences on wall days from two days before the moment's on: any earlier one is
        # before it, whatever the zone's offsets.
        day = max(start.date(), moment.astimezone(start.tzinfo).date() - timedelta(days=2))
        while (found_day := finder.first(day)) is not None:
            # dateutil from the grid's last place before that day, without the day filters
            # (the day passes them) so that it stops at the day's end, however far off the
            # next day that passes them is.
            end = (
                datetime.combine(found_day + timedelta(days=1), time(), start.tzinfo)
                if found_day < LAST_DAY
                else None
            )
            # A time at `end` itself (the next day's first) is the next day's.
            last = until is not None and (end is None or until < end)
            one_day = self.without(*_DAY_FILTERS).dateutil(_grid_before(parts, start, found_day), zone)
            for found in one_day.replace(until=until if last else end).xafter(moment, inc=inc):
                if found.date() == found_day:
                    return found
            if last or end is None:
                return None
            day = end.date()
        return None

    def _after_by_periods(
        self, series: rrule, start: datetime, moment: datetime, inc: bool
    ) -> datetime | None:
        """Rule.after for a MONTHLY or YEARLY rule with day parts or BYSETPOS, from `start`
        on its wall clock: dateutil on the first month or year of the grid from the moment's
        on that holds a time (rule_days.PeriodFinder), and the next such one when its times
        are not after the moment."""
        parts = dict(self.parts)
        explicit = Rule(tuple(dateutil_defaults(parts, start.replace(tzinfo=None)).items()))
        finder = _period_finder(explicit.without("COUNT", "UNTIL", "INTERVAL"))
        step = int(parts.get("INTERVAL", "1"))
        first = finder.period(start.date())
        if "COUNT" in parts:  # counted from the start: dateutil's walk, unless none ever comes
            found: datetime | None = (
                series.after(moment, inc) if finder.first(first, step, first) is not None else None
            )
            return found
        until = rule_until(self)
        # From two days before the moment's wall day, as in the HOURLY and DAILY search.
        period = max(first, finder.period(moment.astimezone(start.tzinfo).date() - timedelta(days=2)))
        while (found_period := finder.first(first, step, period)) is not None:
            end = (
                datetime.combine(finder.start(found_period + 1), time(), start.tzinfo)
                if found_period < finder.last
                else None
            )
            # A time at `end` itself (the next period's first) is the next period's.
            last = until is not None and (end is None or until < end)
            # The first period from the series' start (dateutil drops times before it, after
            # picking), any other from its first day, with DTSTART's defaults written out.
            one = (
                series
                if found_period == first
                else explicit.dateutil(
                    datetime.combine(finder.start(found_period), time(), start.tzinfo), start.tzinfo
                )
            )
            for found in one.replace(until=until if last else end).xafter(moment, inc=inc):
                if finder.period(found.date()) == found_period:
                    return found
            if last or end is None:
                return None
            period = found_period + 1
        return None


_DAY_FILTERS = ("BYMONTH", "BYMONTHDAY", "BYYEARDAY", "BYDAY")
_DAY_PARTS = (*_DAY_FILTERS, "BYWEEKNO")


def parse_rule(text: str) -> Rule:
    """Parse and check an RRULE body or one of PLAIN_WORDS; raise ValueError otherwise."""
    text = clean_text(text, multiline=True).strip()
    if not text:
        raise ValueError("must not be empty; use null for a task that does not repeat")
    if len(text) > MAX_RULE_LENGTH:
        raise ValueError(f"must be at most {MAX_RULE_LENGTH} characters")
    body = PLAIN_WORDS.get(text.lower(), text).upper()
    if "DTSTART" in body:
        raise ValueError("must not contain DTSTART: the series starts at the task's due_at")
    if body.startswith("RRULE:"):
        body = body[len("RRULE:") :]
    if any(c.isspace() for c in body) or ":" in body:
        raise ValueError("must be a single RRULE body such as FREQ=WEEKLY;BYDAY=MO")

    raw: dict[str, str] = {}
    for item in filter(None, body.split(";")):
        name, sep, value = item.partition("=")
        if not sep or not value:
            raise ValueError(f"'{item}' is not NAME=VALUE")
        if name not in _ORDER:
            raise ValueError(f"unsupported rule part {name}")
        if name in raw:
            raise ValueError(f"{name} is given twice")
        raw[name] = value
    parts = _check_parts(raw)
    return Rule(tuple((name, parts[name]) for name in _ORDER if name in parts))


def _check_parts(raw: dict[str, str]) -> dict[str, str]:
    freq = raw.get("FREQ")
    if freq is None:
        raise ValueError("FREQ is required")
    if freq not in FREQUENCIES:
        raise ValueError(f"FREQ must be one of {', '.join(FREQUENCIES)}")
    if "COUNT" in raw and "UNTIL" in raw:
        raise ValueError("COUNT and UNTIL must not both be given")
    parts: dict[str, str] = {"FREQ": freq}
    for name, value in raw.items():
        if name == "FREQ":
            continue
        if name == "INTERVAL":
            interval = _bounded_int(name, value, 1, MAX_INTERVAL)
            if interval != 1:  # the default: left out of the canonical form
                parts[name] = str(interval)
        elif name == "COUNT":
            parts[name] = str(_bounded_int(name, value, 1, MAX_COUNT))
        elif name == "UNTIL":
            parts[name] = _until(value)
        elif name == "BYDAY":
            in_month = freq == "MONTHLY" or (freq == "YEARLY" and "BYMONTH" in raw)
            parts[name] = _byday(value, freq, has_weekno="BYWEEKNO" in raw, in_month=in_month)
        elif name == "WKST":
            if value not in WEEKDAYS:
                raise ValueError("WKST must be a weekday (MO..SU)")
            if value != "MO":  # the default
                parts[name] = value
        else:
            parts[name] = _int_list(name, value, *_INT_PARTS[name])
    # RFC 5545 3.3.10: which BYxxx parts make sense with which FREQ.
    if "BYMONTHDAY" in parts and freq == "WEEKLY":
        raise ValueError("BYMONTHDAY cannot be used with FREQ=WEEKLY")
    if "BYYEARDAY" in parts and freq in ("DAILY", "WEEKLY", "MONTHLY"):
        raise ValueError(f"BYYEARDAY cannot be used with FREQ={freq}")
    if "BYWEEKNO" in parts and freq != "YEARLY":
        raise ValueError("BYWEEKNO can only be used with FREQ=YEARLY")
    if "BYSETPOS" in parts and not any(n.startswith("BY") and n != "BYSETPOS" for n in parts):
        raise ValueError("BYSETPOS needs another BYxxx part")
    return parts


def _bounded_int(name: str, value: str, lowest: int, highest: int) -> int:
    if not value.isdigit() or not lowest <= int(value) <= highest:
        raise ValueError(f"{name} must be a whole number from {lowest} to {highest}")
    return int(value)


def _int_list(name: str, value: str, lowest: int, highest: int, negative: bool) -> str:
    numbers: set[int] = set()
    for item in value.split(","):
        if not _INT.match(item):
            raise ValueError(f"{name} must be a comma list of whole numbers")
        n = int(item)
        if not (lowest <= n <= highest or (negative and -highest <= n <= -lowest)):
            span = f"{lowest}..{highest}" + (f" or -{highest}..-{lowest}" if negative else "")
            raise ValueError(f"{name} values must be in {span}")
        numbers.add(n)
    return ",".join(str(n) for n in sorted(numbers))


def _byday(value: str, freq: str, *, has_weekno: bool, in_month: bool) -> str:
    """The canonical BYDAY. A number counts the weekday within the month when the rule is
    MONTHLY or YEARLY with BYMONTH (RFC 5545), and a month has at most five of each: 6MO..53MO
    there never occur (and dateutil's YEARLY;BYMONTH=2;BYDAY=53MO raised IndexError)."""
    days: set[tuple[int, int]] = set()
    for item in value.split(","):
        match = _BYDAY.match(item)
        if not match:
            raise ValueError("BYDAY must be a comma list like MO,WE or 1MO,-1FR")
        sign, digits, day = match.groups()
        ordinal = int(digits) if digits else 0
        if digits:
            if freq not in ("MONTHLY", "YEARLY") or has_weekno:
                raise ValueError("BYDAY with a number (like 1MO) needs FREQ=MONTHLY or FREQ=YEARLY")
            if not 1 <= ordinal <= 53:
                raise ValueError("BYDAY numbers must be 1..53 or -53..-1")
            if in_month and ordinal > 5:
                raise ValueError("BYDAY numbers within a month must be 1..5 or -5..-1")
            ordinal = -ordinal if sign == "-" else ordinal
        elif sign:
            raise ValueError("BYDAY must be a comma list like MO,WE or 1MO,-1FR")
        days.add((WEEKDAYS.index(day), ordinal))
    return ",".join(f"{n if n else ''}{WEEKDAYS[d]}" for d, n in sorted(days))


def _until(value: str) -> str:
    """UNTIL in UTC (dateutil needs it when DTSTART is aware). A floating time is taken as
    UTC; a bare date includes that whole day."""
    for fmt, whole_day in _UNTIL_FORMATS:
        try:
            until = datetime.strptime(value, fmt)
        except ValueError:
            continue
        if whole_day:
            until += timedelta(days=1, seconds=-1)
        if not 1900 <= until.year < 9000:
            break
        return until.strftime("%Y%m%dT%H%M%SZ")
    raise ValueError("UNTIL must look like 20301231T235959Z or 20301231")


def load_zone(name: str | None) -> tzinfo:
    """The zone a series repeats in, or a list's days are counted in: an IANA name, or UTC
    for None. ValueError otherwise."""
    if name is None:
        return UTC
    name = clean_text(name).strip()
    try:
        if not name or len(name) > 64:
            raise ValueError
        return ZoneInfo(name)
    except (ValueError, ZoneInfoNotFoundError, OSError):
        raise ValueError("must be an IANA time zone such as Europe/Berlin") from None


def zone_or(name: str | None, default: tzinfo) -> tzinfo:
    """The zone a task's times are told in: its own `timezone`, else `default` (the user's, or
    UTC) when it has none or one this machine does not know: a reminder or an answer is never
    lost over its wording."""
    try:
        return load_zone(name) if name else default
    except ValueError:
        return default


def normalise_zone(name: str) -> str:
    """A task's `timezone` as stored: the IANA name as given, checked (ValueError)."""
    zone = load_zone(name)
    return str(zone)


def normalise_rrule(text: str) -> str:
    """The canonical RRULE body for what the user wrote (a plain word or an RRULE body)."""
    return str(parse_rule(text))


@lru_cache(maxsize=256)
def _period_finder(rule: Rule) -> PeriodFinder:
    return PeriodFinder(dict(rule.parts))


@lru_cache(maxsize=256)
def _day_finder(rule: Rule, start: datetime) -> DayFinder:
    return DayFinder(dict(rule.parts), start)


def _grid_before(parts: dict[str, str], start: datetime, day: date) -> datetime:
    """The rule's grid (`start`, aware, plus whole INTERVALs on its wall clock) at its last
    place before `day` begins, or `start` itself when none is after it: dateutil from there
    makes the same occurrences on `day` as from `start`."""
    interval = int(parts.get("INTERVAL", "1"))
    if parts["FREQ"] == "HOURLY":
        hours = 24 * (day.toordinal() - start.toordinal()) - start.hour
        return start + timedelta(hours=max(0, (hours - 1) // interval) * interval)
    days = day.toordinal() - start.toordinal()
    return start + timedelta(days=max(0, (days - 1) // interval) * interval)


def check_occurs(rule: Rule, due_at: datetime | None) -> None:
    """Refuse a rule that never produces an occurrence (BYMONTH=2;BYMONTHDAY=30).

    The Gregorian calendar repeats every 400 years, weekdays included, so the same rule
    started 400*k years later, in 9200..9599, occurs in the (at least 400) years dateutil
    scans before 9999 exactly when it occurs within 400 years of the real start. The scan
    is bounded however the rule is written. COUNT and UNTIL are left out: a rule that has
    run out is valid, it just has no next occurrence."""
    start = (due_at or _REFERENCE_START).astimezone(UTC)
    shifted = start.replace(year=9200 + start.year % 400)
    if rule.without("COUNT", "UNTIL").after(shifted, shifted) is None:
        raise ValueError("never produces an occurrence")


def rule_until(rule: Rule) -> datetime | None:
    """The rule's UNTIL as a time (the canonical form is 20301231T235959Z), or None."""
    value = rule.get("UNTIL")
    return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC) if value else None


def next_remind_at(
    next_due_at: datetime,
    due_at: datetime | None,
    remind_at: datetime | None,
    zone: tzinfo | None = None,
) -> datetime | None:
    """The reminder of a task due at `next_due_at`, as far from it as `remind_at` was from
    `due_at`: a series' next instance (recurring-service), or a task moved to another due
    time (the assistant's set_due_date; the web app's movedRemindAt in lib/zoned-time.ts is the same).

    Without a zone (or in UTC) that is remind_at minus due_at. In the task's zone the
    distance is kept on the wall clock: the same local time of day, the same number of
    calendar days before (or after) the due day, so "the evening before at 18:00" stays at
    18:00 when a daylight-saving change falls in between, and 30 minutes before stays 30
    minutes before. A wall time the zone skips or repeats is read the way that keeps the
    elapsed distance best; a reminder never ends up on the other side of the due time (it
    then keeps the elapsed distance)."""
    if remind_at is None or due_at is None:
        return None
    offset = _utc(remind_at) - _utc(due_at)
    elapsed = _utc(next_due_at) + offset
    if zone is None:
        return elapsed
    local = _wall(next_due_at, zone) + (_wall(remind_at, zone) - _wall(due_at, zone))
    readings = (local.replace(tzinfo=zone, fold=fold).astimezone(UTC) for fold in (0, 1))
    found = min(readings, key=lambda reading: abs(reading - elapsed))
    if _side(found - _utc(next_due_at)) != _side(offset):
        return elapsed
    return found


def _wall(moment: datetime, zone: tzinfo) -> datetime:
    """The moment's local date and time in `zone`, without the zone."""
    return _utc(moment).astimezone(zone).replace(tzinfo=None)


def _side(distance: timedelta) -> int:
    return (distance > timedelta(0)) - (distance < timedelta(0))


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("times must carry a UTC offset")
    return moment.astimezone(UTC)
