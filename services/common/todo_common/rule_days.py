"""Which days can hold an occurrence of an HOURLY or DAILY rule, found by arithmetic instead
of dateutil's walk of every hour or day. Pure; todo_common.recurrence uses it so that a rule
whose days are rare (leap-day Mondays), or that never meets its filters (every 7 hours, on
Mondays at 05:00), costs a few thousand cheap steps at most, not dateutil's hundreds of
thousands (up to year 9999, seconds of CPU).

A day passes when it passes the day filters (BYMONTH, BYMONTHDAY, BYYEARDAY, plain BYDAY
weekdays) and the rule's grid (DTSTART plus whole INTERVALs, on the wall clock) falls on it,
at an hour in BYHOUR for an HOURLY rule. The grid's place in a day repeats every `m` days
(m = INTERVAL for DAILY, INTERVAL / gcd(INTERVAL, 24) for HOURLY) and the weekday every 7,
so a day passes those two exactly when its day number modulo lcm(m, 7) is in a set worked
out once; the calendar filters depend only on the day of the year and on leap years. A year
is then checked with a few big-integer bit operations."""

from collections.abc import Mapping
from datetime import date, datetime
from math import gcd, lcm

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
LAST_DAY = date(9999, 12, 31)


def _ints(parts: Mapping[str, str], name: str) -> list[int] | None:
    value = parts.get(name)
    return [int(v) for v in value.split(",")] if value else None


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def calendar_days(parts: Mapping[str, str], leap: bool) -> list[int]:
    """The days of a (leap) year, counted from 0, that pass BYMONTH, BYMONTHDAY and
    BYYEARDAY (negative values count from the end of the month or year, as in dateutil)."""
    months, month_days, year_days = (_ints(parts, n) for n in ("BYMONTH", "BYMONTHDAY", "BYYEARDAY"))
    year_length = 366 if leap else 365
    found: list[int] = []
    j = 0
    for month, length in enumerate(_MONTH_DAYS, start=1):
        length += 1 if leap and month == 2 else 0
        for day in range(1, length + 1):
            if (
                (months is None or month in months)
                and (month_days is None or day in month_days or day - length - 1 in month_days)
                and (year_days is None or j + 1 in year_days or j - year_length in year_days)
            ):
                found.append(j)
            j += 1
    return found


def never_in_calendar(parts: Mapping[str, str]) -> bool:
    """No day of any year passes BYMONTH, BYMONTHDAY and BYYEARDAY (BYMONTH=2;BYMONTHDAY=30)."""
    return not calendar_days(parts, leap=True) and not calendar_days(parts, leap=False)


def period_size(parts: Mapping[str, str]) -> int:
    """At most how many times one period of the rule (an hour, a day, a week, a month, a
    year) holds before BYSETPOS picks from them. A time part not given is DTSTART's (one
    value), and so is the day of a WEEKLY or MONTHLY rule without day parts."""
    freq = parts["FREQ"]
    size = 1
    for name in ("BYMINUTE", "BYSECOND") if freq == "HOURLY" else ("BYHOUR", "BYMINUTE", "BYSECOND"):
        values = _ints(parts, name)
        size *= len(values) if values else 1
    days = parts.get("BYDAY", "").split(",") if "BYDAY" in parts else None
    month_days = _ints(parts, "BYMONTHDAY")
    if freq == "WEEKLY":
        size *= len(days) if days else 1
    elif freq == "MONTHLY":
        bounds = [sum(5 if d in _WEEKDAYS else 1 for d in days)] if days else []
        bounds += [len(month_days)] if month_days else []
        size *= min(bounds, default=1)
    elif freq == "YEARLY":
        size *= 366
    return size


def setpos_never(parts: Mapping[str, str], most: int) -> bool:
    """BYSETPOS picks nothing from a set of at most `most` times."""
    positions = _ints(parts, "BYSETPOS")
    return positions is not None and all(abs(p) > most for p in positions)


def searchable(parts: Mapping[str, str]) -> bool:
    """An HOURLY or DAILY rule without COUNT (which counts occurrences, so no day may be
    skipped) whose days are filtered: where dateutil's walk can be long."""
    return (
        parts["FREQ"] in ("HOURLY", "DAILY")
        and "COUNT" not in parts
        and any(n in parts for n in ("BYMONTH", "BYMONTHDAY", "BYYEARDAY", "BYDAY", "BYSETPOS"))
    )


class DayFinder:
    """The days of a searchable rule started at `start` (naive, on the wall clock) on which
    its grid meets its filters."""

    def __init__(self, parts: Mapping[str, str], start: datetime) -> None:
        interval = int(parts.get("INTERVAL", "1"))
        day0 = start.toordinal()
        if parts["FREQ"] == "HOURLY":
            # Hour 24*d + h is on the grid when it is 24*day0 + start.hour modulo INTERVAL.
            g = gcd(24, interval)
            m = interval // g
            inverse = pow(24 // g, -1, m) if m > 1 else 0
            first_hour = 24 * day0 + start.hour
            residues = {
                ((first_hour - h) // g * inverse) % m
                for h in (_ints(parts, "BYHOUR") or range(24))
                if (first_hour - h) % g == 0
            }
        else:
            m = interval
            residues = {day0 % m}
        weekdays = {_WEEKDAYS.index(d) for d in parts["BYDAY"].split(",")} if "BYDAY" in parts else None
        # Day numbers modulo `modulus` that are on the grid and on a wanted weekday
        # (date.fromordinal(d).weekday() is (d + 6) % 7).
        self.modulus = lcm(m, 7) if weekdays is not None else m
        good = 0
        for x in range(self.modulus):
            if x % m in residues and (weekdays is None or (x + 6) % 7 in weekdays):
                good |= 1 << x
        # Repeated to cover a window of a year from any place in the cycle.
        self._good = 0
        for k in range(0, self.modulus + 366, self.modulus):
            self._good |= good << k
        self._years = {leap: _bits(calendar_days(parts, leap)) for leap in (False, True)}

    def first(self, day: date, last: date = LAST_DAY) -> date | None:
        """The first passing day from `day` to `last`, or None."""
        skip = day.timetuple().tm_yday - 1  # days of the first year before `day`
        for year in range(day.year, last.year + 1):
            base = date(year, 1, 1).toordinal()
            hits = self._years[_is_leap(year)] & (self._good >> (base % self.modulus))
            hits = hits >> skip << skip
            skip = 0
            if hits:
                found = date.fromordinal(base + (hits & -hits).bit_length() - 1)
                return found if found <= last else None
        return None


def _bits(days: list[int]) -> int:
    mask = 0
    for j in days:
        mask |= 1 << j
    return mask
