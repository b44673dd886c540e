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
is then checked with a few big-integer bit operations.

A MONTHLY or YEARLY rule makes its times in the months or years of its grid whose days
pass its day filters, and with BYSETPOS picks the times at its positions from them, so a
month or year holding fewer times than every position asks gives none
(BYDAY=MO;BYMONTHDAY=29,30,31;BYSETPOS=3: at most one such Monday a month). How many days a
month or year holds depends only on the calendar, which repeats every 400 years, so
PeriodFinder works it out once for the 4,800 months (400 years) of a cycle, with dateutil's
own day filters written as bit masks, and steps over the months or years of the rule's grid
that hold too few; dateutil then makes the times in the first one that holds enough."""

import re
from collections.abc import Mapping
from datetime import date, datetime
from math import gcd, lcm, prod

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


def dateutil_defaults(parts: Mapping[str, str], start: datetime) -> dict[str, str]:
    """The parts of a MONTHLY or YEARLY rule with what dateutil takes from DTSTART (`start`,
    on the wall clock) written out: its hour, minute and second, and, when no day part is
    given, its day of the month (and month, for YEARLY). The rule then makes the same times
    from any DTSTART on its grid."""
    found = dict(parts)
    for name, value in (("BYHOUR", start.hour), ("BYMINUTE", start.minute), ("BYSECOND", start.second)):
        found.setdefault(name, str(value))
    if not any(n in parts for n in ("BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY")):
        found["BYMONTHDAY"] = str(start.day)
        if parts["FREQ"] == "YEARLY":
            found.setdefault("BYMONTH", str(start.month))
    return found


_BYDAY = re.compile(r"^([+-]?\d+)?([A-Z]{2})$")
_CYCLE_YEARS = 400  # the Gregorian calendar, weekdays included, repeats every 400 years


def _kind(year: int) -> tuple[bool, int, bool]:
    """What dateutil's masks of a year depend on: its length, its first weekday and (for
    BYWEEKNO) the previous year's length."""
    return _is_leap(year), date(year, 1, 1).weekday(), _is_leap(year - 1)


# The kind of each year of the cycle (year y is at y % 400), and a year of each kind.
_CYCLE_KINDS = tuple(_kind(2000 + r) for r in range(_CYCLE_YEARS))
_KIND_YEARS = {kind: 2000 + r for r, kind in reversed(list(enumerate(_CYCLE_KINDS)))}


class PeriodFinder:
    """The months of a MONTHLY rule, or years of a YEARLY one, that give a time: whose days
    pass its day filters, enough of them for a BYSETPOS position. `parts` are the rule's
    with dateutil_defaults written out. Periods are numbered 12 * year + month - 1
    (MONTHLY) or by the year (YEARLY)."""

    def __init__(self, parts: Mapping[str, str]) -> None:
        self.monthly = parts["FREQ"] == "MONTHLY"
        self.last = 12 * LAST_DAY.year + 11 if self.monthly else LAST_DAY.year
        times = prod(len(_ints(parts, n) or ()) for n in ("BYHOUR", "BYMINUTE", "BYSECOND"))
        # A period of n times has a time at position p when 1 <= |p| <= n.
        fewest = min(abs(p) for p in _ints(parts, "BYSETPOS") or [1])
        self._days_needed = -(-fewest // times)
        self._months = _ints(parts, "BYMONTH")
        self._weeknos = _ints(parts, "BYWEEKNO")
        self._wkst = _WEEKDAYS.index(parts.get("WKST", "MO"))
        weekdays: set[int] = set()
        self._nth: set[tuple[int, int]] = set()
        for item in parts["BYDAY"].split(",") if "BYDAY" in parts else ():
            match = _BYDAY.match(item)
            assert match is not None  # parse_rule checked it
            number, day = match.groups()
            if number and int(number):
                self._nth.add((_WEEKDAYS.index(day), int(number)))
            else:
                weekdays.add(_WEEKDAYS.index(day))
        # Bit i is set when day i of a year starting on a Monday is a wanted weekday.
        self._weekday_bits = _bits([i for i in range(366 + 7) if i % 7 in weekdays]) if weekdays else None
        self._calendar = {leap: _bits(calendar_days(parts, leap)) for leap in (False, True)}
        # Whether each month (MONTHLY) or year (YEARLY) of the cycle holds enough days,
        # worked out once a kind of year.
        holds = {kind: bytes(self._holds(year)) for kind, year in _KIND_YEARS.items()}
        self._good = b"".join(holds[kind] for kind in _CYCLE_KINDS)

    def period(self, day: date) -> int:
        return 12 * day.year + day.month - 1 if self.monthly else day.year

    def start(self, period: int) -> date:
        """The first day of a period."""
        return date(period // 12, period % 12 + 1, 1) if self.monthly else date(period, 1, 1)

    def first(self, start: int, step: int, index: int) -> int | None:
        """The first period from `index` on, up to year 9999, of the grid `start` plus whole
        `step`s that gives a time, or None."""
        period = start + max(0, -(-(index - start) // step)) * step
        cycle = len(self._good)
        # The grid's places in the cycle repeat after cycle / gcd(step, cycle) steps.
        for _ in range(cycle // gcd(step, cycle)):
            if period > self.last:
                return None
            if self._good[period % cycle]:
                return period
            period += step
        return None

    def _holds(self, year: int) -> list[bool]:
        """Whether each month (MONTHLY) or the year (YEARLY) holds enough days."""
        leap = _is_leap(year)
        length = 366 if leap else 365
        days = self._days(year, leap, length)
        if not self.monthly:
            return [days.bit_count() >= self._days_needed]
        found = []
        first = 0
        for month, month_length in enumerate(_MONTH_DAYS, start=1):
            month_length += 1 if leap and month == 2 else 0
            in_month = (days >> first) & ((1 << month_length) - 1)
            found.append(in_month.bit_count() >= self._days_needed)
            first += month_length
        return found

    def _days(self, year: int, leap: bool, length: int) -> int:
        """The days of the year (bit i: day i, counted from 0) that pass the rule's day
        filters, as dateutil's _iterinfo masks them."""
        weekday = date(year, 1, 1).weekday()
        days = self._calendar[leap]
        if self._weekday_bits is not None:
            days &= self._weekday_bits >> weekday
        if self._nth:
            days &= self._nth_days(leap, length, weekday)
        if self._weeknos is not None:
            days &= self._weekno_days(year, length, weekday)
        return days & ((1 << length) - 1)

    def _nth_days(self, leap: bool, length: int, weekday: int) -> int:
        """The n-th weekdays (1MO, -1FR) within each month of a MONTHLY rule or of a YEARLY
        rule with BYMONTH, or else within the year."""
        if self.monthly or self._months is not None:
            ends = [0]
            for month, month_length in enumerate(_MONTH_DAYS, start=1):
                ends.append(ends[-1] + month_length + (1 if leap and month == 2 else 0))
            ranges = [(ends[m - 1], ends[m]) for m in (range(1, 13) if self.monthly else self._months or ())]
        else:
            ranges = [(0, length)]
        found = 0
        for first, end in ranges:
            last = end - 1
            for day, n in self._nth:
                if n < 0:
                    i = last + (n + 1) * 7
                    i -= ((weekday + i) % 7 - day) % 7
                else:
                    i = first + (n - 1) * 7
                    i += (7 - (weekday + i) % 7 + day) % 7
                if first <= i <= last:
                    found |= 1 << i
        return found

    def _weekno_days(self, year: int, length: int, weekday: int) -> int:
        """The days in the BYWEEKNO weeks, worked out as dateutil's _iterinfo.rebuild does
        (with its quirks), the week starting on WKST."""
        weeknos = self._weeknos or []
        wkst = self._wkst
        found = 0

        def week_from(i: int) -> int:
            bits = 0
            for _ in range(7):
                bits |= 1 << i
                i += 1
                if (weekday + i) % 7 == wkst:
                    break
            return bits

        no1wkst = firstwkst = (7 - weekday + wkst) % 7
        if no1wkst >= 4:
            no1wkst = 0
            week_year_length = length + (weekday - wkst) % 7
        else:
            week_year_length = length - no1wkst
        div, mod = divmod(week_year_length, 7)
        weeks = div + mod // 4
        for n in weeknos:
            if n < 0:
                n += weeks + 1
            if not 0 < n <= weeks:
                continue
            i = no1wkst + (n - 1) * 7
            if n > 1 and no1wkst != firstwkst:
                i -= 7 - firstwkst
            found |= week_from(i)
        if 1 in weeknos:
            i = no1wkst + weeks * 7
            if no1wkst != firstwkst:
                i -= 7 - firstwkst
            if i < length:
                found |= week_from(i)
        if no1wkst:
            if -1 not in weeknos:
                last_weekday = date(year - 1, 1, 1).weekday()
                last_no1wkst = (7 - last_weekday + wkst) % 7
                last_length = 366 if _is_leap(year - 1) else 365
                if last_no1wkst >= 4:
                    last_weeks = 52 + (last_length + (last_weekday - wkst) % 7) % 7 // 4
                else:
                    last_weeks = 52 + (length - no1wkst) % 7 // 4
            else:
                last_weeks = -1
            if last_weeks in weeknos:
                found |= (1 << no1wkst) - 1
        return found
