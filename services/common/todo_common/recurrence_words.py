"""A rule in words, for the UI's preview (recurring-service) and the assistant's replies
(chat-service). Pure.

    describe(parse_rule("FREQ=WEEKLY;BYDAY=MO,WE,FR"), dtstart=<a 09:00 UTC due time>)
    == "every Monday, Wednesday and Friday at 09:00"

Without a dtstart only what the rule itself says is described ("every 2 weeks"); with one,
the parts dateutil takes from DTSTART (weekday, day of month, time of day) are named too.
A rule that repeats on the wall clock of `tz` (`repeats_in_zone`: a task with a
timezone, the preview) is said as it is, DTSTART's parts read on that clock. A rule that
repeats in UTC (a task without a timezone) has its times and weekdays shown in `tz`, using
its UTC offset at `offset_at`. When that would move a day-of-month or nth-weekday rule
across midnight, words in the zone would be wrong, so the rule is described in UTC, its
times marked "UTC".
"""

import calendar
import math
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, tzinfo

from todo_common.recurrence import WEEKDAYS, Rule, rule_until

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = tuple(calendar.month_name)  # index 1..12
_UNITS = {"HOURLY": "hour", "DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}
_WORKWEEK = (0, 1, 2, 3, 4)
_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
# Used for a zone's offset when no date is known at all.
_SOME_DAY = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class _Spec:
    """A rule with every part spelled out (DTSTART's defaults filled in, as dateutil does)."""

    freq: str
    interval: int
    count: int | None
    until: datetime | None
    hours: tuple[int, ...] = ()
    minutes: tuple[int, ...] = ()
    seconds: tuple[int, ...] = ()
    weekdays: tuple[int, ...] = ()  # plain BYDAY: 0 = Monday
    nth_weekdays: tuple[tuple[int, int], ...] = ()  # (ordinal, weekday): 1MO, -1FR
    monthdays: tuple[int, ...] = ()
    yeardays: tuple[int, ...] = ()
    weeknos: tuple[int, ...] = ()
    months: tuple[int, ...] = ()
    setpos: tuple[int, ...] = ()
    # The months a MONTHLY rule without BYMONTH reaches from DTSTART (every 6 months from
    # November: May and November); () when every month may be (or no DTSTART is known).
    visited_months: tuple[int, ...] = ()

    @property
    def has_day_parts(self) -> bool:
        return bool(self.nth_weekdays or self.monthdays or self.yeardays or self.weeknos or self.months)


def describe(
    rule: Rule,
    dtstart: datetime | None = None,
    tz: tzinfo = UTC,
    offset_at: datetime | None = None,
    *,
    repeats_in_zone: bool = False,
) -> str:
    """The rule in English, e.g. "every weekday at 09:00", "on day 31 of every month
    (months without a day 31 are skipped)", "every 2 weeks on Monday, 10 times"."""
    if repeats_in_zone:
        # _spec reads DTSTART's fields in UTC: give it the zone's wall clock as if UTC.
        wall = dtstart.astimezone(tz).replace(tzinfo=UTC) if dtstart is not None else None
        return _phrase(_spec(rule, wall), tz)
    spec = _spec(rule, dtstart)
    local, in_zone = _in_zone(spec, tz, offset_at or dtstart or _SOME_DAY)
    return _phrase(local, tz) if in_zone else _phrase(spec, UTC, zone_name=" UTC")


# -- the rule, spelled out --------------------------------------------------------------------
def _ints(rule: Rule, name: str) -> tuple[int, ...]:
    value = rule.get(name)
    return tuple(int(v) for v in value.split(",")) if value else ()


def _spec(rule: Rule, dtstart: datetime | None) -> _Spec:
    weekdays: list[int] = []
    nth: list[tuple[int, int]] = []
    for item in filter(None, (rule.get("BYDAY") or "").split(",")):
        match = _BYDAY.match(item)
        assert match, item  # the rule is canonical
        ordinal, day = match.groups()
        if ordinal:
            nth.append((int(ordinal), WEEKDAYS.index(day)))
        else:
            weekdays.append(WEEKDAYS.index(day))
    spec = _Spec(
        freq=rule.get("FREQ") or "DAILY",
        interval=int(rule.get("INTERVAL") or 1),
        count=rule.count,
        until=rule_until(rule),
        hours=_ints(rule, "BYHOUR"),
        minutes=_ints(rule, "BYMINUTE"),
        seconds=_ints(rule, "BYSECOND"),
        weekdays=tuple(weekdays),
        nth_weekdays=tuple(nth),
        monthdays=_ints(rule, "BYMONTHDAY"),
        yeardays=_ints(rule, "BYYEARDAY"),
        weeknos=_ints(rule, "BYWEEKNO"),
        months=_ints(rule, "BYMONTH"),
        setpos=_ints(rule, "BYSETPOS"),
    )
    if dtstart is None:
        # No DTSTART: only the rule's own parts; a BYHOUR alone is on the hour.
        return replace(spec, minutes=spec.minutes or ((0,) if spec.hours else ()))
    start = dtstart.astimezone(UTC)
    # dateutil's defaults from DTSTART (rrule.__init__).
    if not (spec.weekdays or spec.nth_weekdays or spec.monthdays or spec.yeardays or spec.weeknos):
        if spec.freq == "YEARLY":
            spec = replace(spec, months=spec.months or (start.month,), monthdays=(start.day,))
        elif spec.freq == "MONTHLY":
            spec = replace(spec, monthdays=(start.day,))
        elif spec.freq == "WEEKLY":
            spec = replace(spec, weekdays=(start.weekday(),))
    if spec.freq == "MONTHLY" and not spec.months:
        step = math.gcd(spec.interval, 12)
        visited = sorted({(start.month - 1 + k * step) % 12 + 1 for k in range(12 // step)})
        spec = replace(spec, visited_months=tuple(visited) if len(visited) < 12 else ())
    return replace(
        spec,
        hours=spec.hours or ((start.hour,) if spec.freq != "HOURLY" else ()),
        minutes=spec.minutes or (start.minute,),
        seconds=spec.seconds or (start.second,),
    )


def _in_zone(spec: _Spec, tz: tzinfo, at: datetime) -> tuple[_Spec, bool]:
    """The spec with its times (and plain weekdays) in `tz`; False when it cannot be said
    there (its day would change and it names days of the month or year)."""
    if not spec.minutes:  # no time of day is known: days are the rule's own
        return spec, True
    day = at.astimezone(UTC).date()
    hours = spec.hours or (0,)  # HOURLY without BYHOUR: only the minutes matter
    moments = [
        datetime.combine(day, time(h, m, s), UTC).astimezone(tz)
        for h in hours
        for m in spec.minutes
        for s in spec.seconds or (0,)
    ]
    shifts = {(moment.date() - day).days for moment in moments}
    if spec.hours and len(shifts) > 1:
        return spec, False
    shift = shifts.pop() if spec.hours else 0
    if shift and (spec.has_day_parts or spec.freq == "HOURLY"):
        return spec, False
    hourly_days = spec.freq == "HOURLY" and (spec.weekdays or spec.has_day_parts)
    if hourly_days and any(moment.utcoffset() for moment in moments):
        return spec, False  # an hourly rule's UTC days are not the zone's days
    local = replace(
        spec,
        minutes=tuple(sorted({m.minute for m in moments})),
        seconds=tuple(sorted({m.second for m in moments})) if spec.seconds else (),
        weekdays=tuple(sorted((d + shift) % 7 for d in spec.weekdays)),
    )
    if spec.hours:
        local = replace(local, hours=tuple(sorted({m.hour for m in moments})))
    return local, True


# -- words ------------------------------------------------------------------------------------
def _join(items: list[str], word: str = "and") -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"


def _ordinal(n: int) -> str:
    if n < 0:
        return "last" if n == -1 else f"{_ordinal(-n)}-to-last"
    return _ORDINALS.get(n) or _numbered(n)


def _day_set(days: tuple[int, ...], word: str = "and", *, plural: bool = False) -> str:
    """ "weekday", "day" or the days' names."""
    s = "s" if plural else ""
    if days == _WORKWEEK:
        return f"weekday{s}"
    if len(days) == 7:
        return f"day{s}"
    return _join([DAY_NAMES[d] + s for d in days], word)


def _nth_day(n: int) -> str:
    return f"day {n}" if n > 0 else f"the {_ordinal(n)} day"


def _monthdays(days: tuple[int, ...]) -> str:
    positive = [_numbered(d) for d in days if d > 0]
    phrases = ["the " + _join(positive)] if positive else []
    phrases += [_nth_day(d) for d in days if d < 0]
    return "on " + _join(phrases)


def _numbered(n: int) -> str:
    """1st, 2nd, 23rd: a day of the month."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _nth_weekdays(nth: tuple[tuple[int, int], ...]) -> str:
    return "on " + _join([f"the {_ordinal(n)} {DAY_NAMES[d]}" for n, d in nth])


def _months(months: tuple[int, ...]) -> str:
    return _join([MONTH_NAMES[m] for m in months])


def _times(spec: _Spec) -> list[str]:
    seconds = spec.seconds if any(spec.seconds) else ()
    return [
        f"{h:02d}:{m:02d}" + (f":{s:02d}" if seconds else "")
        for h in spec.hours
        for m in spec.minutes
        for s in seconds or (0,)
    ]


def _short_month_note(spec: _Spec) -> str:
    """Month-end rules skip months without that day (BYMONTHDAY=31 skips April)."""
    big = [d for d in spec.monthdays if d > 28]
    if not big:
        return ""
    months = spec.months or spec.visited_months or tuple(range(1, 13))
    if spec.freq == "YEARLY" and months == (2,) and big == [29]:
        return " (in leap years only)"
    # The longest each month gets (February: 29, in leap years).
    if all(d <= calendar.monthrange(2000, m)[1] and not (m == 2 and d == 29) for d in big for m in months):
        return ""
    if len(big) == 1:
        return f" (months without a {_numbered(big[0])} are skipped)"
    return " (each day is skipped in months without it)"


def _period(spec: _Spec) -> str:
    unit = _UNITS[spec.freq]
    if spec.interval == 1:
        return f"every {unit}"
    if spec.interval == 2 and unit != "hour":
        return f"every other {unit}"
    return f"every {spec.interval} {unit}s"


def _main(spec: _Spec) -> tuple[str, set[str]]:
    """The main phrase and the parts it has said."""
    every, freq = _period(spec), spec.freq
    if freq == "DAILY" and spec.interval == 1 and spec.weekdays:
        return f"every {_day_set(spec.weekdays)}", {"weekdays"}
    if freq == "WEEKLY" and spec.weekdays:
        if spec.interval == 1:
            return f"every {_day_set(spec.weekdays)}", {"weekdays"}
        return f"{every} on {_day_set(spec.weekdays, plural=spec.weekdays == _WORKWEEK)}", {"weekdays"}
    if freq == "MONTHLY":
        of = f"of {every}"
        if spec.monthdays:
            return f"{_monthdays(spec.monthdays)} {of}", {"monthdays"}
        if spec.nth_weekdays:
            return f"{_nth_weekdays(spec.nth_weekdays)} {of}", {"nth_weekdays"}
        if spec.weekdays and spec.setpos:
            ordinals = _join([_ordinal(p) for p in spec.setpos])
            return f"on the {ordinals} {_day_set(spec.weekdays, 'or')} {of}", {"weekdays", "setpos"}
        if spec.weekdays:
            return f"on every {_day_set(spec.weekdays)} {of}", {"weekdays"}
    if freq == "YEARLY":
        if spec.months and spec.monthdays and all(d > 0 for d in spec.monthdays):
            dates = [f"{MONTH_NAMES[m]} {d}" for m in spec.months for d in spec.monthdays]
            if len(dates) <= 4:
                return f"{every} on {_join(dates)}", {"months", "monthdays"}
        if spec.months and (spec.monthdays or spec.nth_weekdays or spec.weekdays):
            if spec.monthdays:
                days = _monthdays(spec.monthdays)
            elif spec.nth_weekdays:
                days = _nth_weekdays(spec.nth_weekdays)
            else:
                days = f"on every {_day_set(spec.weekdays)}"
            said = {"months", "monthdays", "nth_weekdays", "weekdays"}
            return f"{every} {days} of {_months(spec.months)}", said
        if spec.months and not (spec.monthdays or spec.nth_weekdays or spec.weekdays or spec.yeardays):
            return f"{every} in {_months(spec.months)}", {"months"}
        if spec.yeardays:
            days = _join([_nth_day(d) for d in spec.yeardays])
            return f"on {days} of {every}", {"yeardays"}
        if spec.nth_weekdays and not spec.weeknos:
            return f"{_nth_weekdays(spec.nth_weekdays)} of {every}", {"nth_weekdays"}
        if spec.weeknos:
            weeks = ("week " if len(spec.weeknos) == 1 else "weeks ") + _join([str(w) for w in spec.weeknos])
            return f"in {weeks} of {every}", {"weeknos"}
        if spec.monthdays:
            return f"{every}, {_monthdays(spec.monthdays)} of every month", {"monthdays"}
    return every, set()


def _phrase(spec: _Spec, tz: tzinfo, zone_name: str = "") -> str:
    text, said = _main(spec)
    if spec.freq == "HOURLY" and not spec.hours and spec.minutes:
        text += " at " + _join([f":{m:02d}" for m in spec.minutes]) + zone_name
    elif spec.hours:
        text += " at " + _join(_times(spec)) + zone_name
    # Parts the main phrase did not say restrict it further.
    if spec.monthdays and "monthdays" not in said:
        text += f", {_monthdays(spec.monthdays)} of the month"
    if spec.nth_weekdays and "nth_weekdays" not in said:
        text += f", {_nth_weekdays(spec.nth_weekdays)}"
    if spec.weekdays and "weekdays" not in said:
        text += f", on {_day_set(spec.weekdays, plural=True)}"
    if spec.months and "months" not in said:
        text += f", in {_months(spec.months)}"
    if spec.setpos and "setpos" not in said:
        text += f", only the {_join([_ordinal(p) for p in spec.setpos])} of these each {_UNITS[spec.freq]}"
    text += _short_month_note(spec)
    if spec.count is not None:
        text += {1: ", once", 2: ", twice"}.get(spec.count, f", {spec.count} times")
    if spec.until is not None:
        until = spec.until.astimezone(tz)
        text += f", until {MONTH_NAMES[until.month]} {until.day}, {until.year}"
    return text
