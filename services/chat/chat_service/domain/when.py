# ruff: noqa: E501 - the English vocabularies below read better as unbroken patterns.
"""Dates and times in plain English, resolved in the user's timezone.

Rules (the product's, see chat-eval/README.md): a date without a time is 09:00 local;
"tonight" 20:00, "this evening" 18:00, "this afternoon" 15:00, "morning" 09:00, "noon"
12:00, "end of day" 17:00, "after work" 18:00, "after lunch" 13:00. A weekday name is the next such day after today. A time without
a date is today when still ahead, else tomorrow."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from todo_common.datestyle import style

from chat_service.domain.text import MASK, NUMBER, NUMBER_OF, NUMBERED, Scanner, number

DEFAULT_TIME = time(9, 0)
END_OF_DAY = time(17, 0)

WEEKDAY_NAMES = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
FULL_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
ANY_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)"
)
# Abbreviations read alone as the weekday ("pay rent fri", "Thurs.", "Mon at 5pm"), as the web
# quick-add reads them (chrono). "sun", "sat" and "wed" are also words ("Sun cream", "SAT prep",
# "wed"): alone they stay in the title, as on the web (quick-add.ts WORDLIKE_WEEKDAY), unless a
# word before makes them a date ("on sat") or a time goes with them ("sat at 5pm", "5pm sat",
# "sun morning": chrono merges those into one date).
ABBREVIATED_WEEKDAY = r"(?:mon|tues?|thu(?:rs?)?|fri)"
WORDLIKE_WEEKDAY = r"(?:sun|sat|wed)"
_CLOCK = r"(?:\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\b\.?|\d{1,2}:\d{2}\b|(?:noon|midday|midnight)\b)"
_TIME_AFTER = (
    r"(?=\s*[,.\-]?\s*(?:(?:at|@)\s*(?:"
    + _CLOCK
    + r"|\d{1,2}\b)|"
    + _CLOCK
    + r"|(?:morning|afternoon|evening|night)\b))"
)
_TIME_BEFORE = r"(?:(?:at|@)\s*(?:" + _CLOCK + r"|\d{1,2}\b)|" + _CLOCK + r")\s*,?\s*"
MONTH_NAMES = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
PARTS_OF_DAY = {
    "morning": time(9, 0),
    "afternoon": time(15, 0),
    "evening": time(18, 0),
    "night": time(20, 0),
    "tonight": time(20, 0),
    "noon": time(12, 0),
    "midday": time(12, 0),
    "lunchtime": time(12, 0),
    "lunch": time(12, 0),
    "midnight": time(23, 59),
    # The end of the working day and the hour after lunch, as the web quick-add reads them.
    "after work": time(18, 0),
    "after lunch": time(13, 0),
}
ORDINAL_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
# Words that may lead a date or time and belong to it (removed from titles with it).
# "till" after "the", "a", "my" ... is the cash drawer ("count the till friday"), no "until".
TILL = r"till(?<!\bthe\still)(?<!\ba\still)(?<!\bmy\still)(?<!\bour\still)(?<!\bthis\still)(?<!\byour\still)"
LEAD = r"(?:(?:due|on|by|before|until|" + TILL + r"|for|to|at|this|from|starting|next|coming)\s+)*"


@dataclass(frozen=True)
class When:
    """A resolved due time (aware, in the user's zone) and what the user actually said."""

    at: datetime
    date_given: bool
    time_given: bool
    # A day whose words also say a time of day ("tonight" 20:00, "later today", "end of the
    # week" 17:00) though no clock time was said: a move to it does not keep the task's time.
    time_implied: bool = False


@dataclass(frozen=True)
class _Date:
    day: date
    default_time: time = DEFAULT_TIME


def _unit_delta(n: int, unit: str) -> relativedelta:
    unit = unit.lower().rstrip("s")
    if unit in ("minute", "min"):
        return relativedelta(minutes=n)
    if unit in ("hour", "hr"):
        return relativedelta(hours=n)
    if unit == "day":
        return relativedelta(days=n)
    if unit in ("week", "wk"):
        return relativedelta(weeks=n)
    if unit == "month":
        return relativedelta(months=n)
    return relativedelta(years=n)


UNIT = r"(minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|years?)"


def next_weekday(today: date, weekday: int) -> date:
    """The next such day strictly after today."""
    ahead = (weekday - today.weekday()) % 7 or 7
    return today + timedelta(days=ahead)


def _hour(h: int, minute: int, meridiem: str | None) -> time | None:
    if meridiem:
        pm = meridiem.lower().startswith("p")
        if not 1 <= h <= 12:
            return None
        h = (h % 12) + (12 if pm else 0)
    if not (0 <= h <= 23 and 0 <= minute <= 59):
        return None
    return time(h, minute)


def _guess_meridiem(h: int, minute: int, hint: str | None) -> time | None:
    """A bare 'at 3': afternoon for 1-7, morning for 8-11, unless a hint says otherwise ('at 12
    at night' is midnight; '3 at night' 03:00, '11 at night' 23:00)."""
    hint = " ".join(hint.lower().split()) if hint else None
    if hint == "in the night":
        hint = "at night"  # "at 2 in the night" 02:00, "at 9 in the night" 21:00, as "at night"
    if h == 12 and hint in ("night", "tonight", "at night"):
        return time(0, minute)
    if hint == "at night":
        # "3 at night", "at 1 at night": the small hours (1-5), else the evening (chrono's too).
        return _hour(h, minute, "am" if 1 <= h <= 5 else "pm") if 1 <= h <= 12 else _hour(h, minute, None)
    if hint in ("morning",):
        return _hour(h, minute, "am") if 1 <= h <= 12 else _hour(h, minute, None)
    if hint in ("afternoon", "evening", "night", "tonight"):
        return _hour(h, minute, "pm") if 1 <= h <= 12 else _hour(h, minute, None)
    if 1 <= h <= 7:
        return time(h + 12, minute)
    return _hour(h, minute, None)


_PART_HINT = r"(?:\s+(?:in\s+the\s+(morning|afternoon|evening)|(at\s+night|in\s+the\s+night)|(tonight)))?"


def take_time(scan: Scanner) -> tuple[time | None, bool]:
    """A time of day, and whether the words also fix the date to today ("tonight", "this
    evening")."""
    at, today_only, _, _ = _take_time(scan)
    return at, today_only


def _bare(h: int, hint: str | None) -> bool:
    """An hour 1-12 said without am/pm or a part of the day ("at 8"): its meridiem is guessed."""
    return hint is None and 1 <= h <= 12


# A part of the day said next to a bare hour: "friday evening at 8", "tomorrow night at 10",
# "this evening at 8", "in the morning at 5", "at 10 tomorrow night", "at 8 this evening". Right
# before the hour with "this" / "in the" or a day taken before it; right after it with "this"
# or a day between. "Morning", "afternoon", "evening" alone right before the hour are the part
# too ("call mom evening at 8" 20:00, 'Call mom'); "night" alone stays a word of the title
# ("movie night at 8").
_PART_BEFORE = re.compile(
    r"(?:(?<![^\s"
    + MASK
    + r"])(this|in\s+the)\s+|(?<="
    + MASK
    + r")\s*|(?<![^\s,])(?=(?:morning|afternoon|evening)\b))"
    r"(morning|afternoon|evening|night)\s*,?\s*$",
    re.IGNORECASE,
)
_PART_AFTER = re.compile(
    r"\s*,?\s*(?:" + MASK + r"[" + MASK + r"\s]*(?:(this)\s+)?|(this)\s+)(morning|afternoon|evening)\b"
    r"|\s*,?\s*" + MASK + r"[" + MASK + r"\s]*(night)\b",
    re.IGNORECASE,
)


# "night" right after a word of the title names a thing ("game night friday", "girls' night
# out", "late night snack"), not the time; after a day, a connector or a rule's words it is the
# night ("friday night", "at night"). The web quick-add's NIGHT_OF (frontend/lib/quick-add.ts).
_NIGHT_OF = re.compile(
    r"(?:^|\s)(?!(?:at|by|to|the|this|that|every|each|on|in|for|until|till|before|last|next|same|one|"
    r"tomorrow|tmrw?|today|" + ANY_WEEKDAY + r")\s)[^\W\d_]+['\u2019]?\s$",
    re.IGNORECASE,
)


def _in_part(at: time, part: str) -> time:
    """A bare hour (as _guess_meridiem read it) in a part of the day: "at 9" in the evening is
    21:00, "at 5" in the morning 05:00. "at 12" stays noon, but at night is midnight: 00:00."""
    if at.hour == 12:
        return at.replace(hour=0) if part.lower() in ("night", "tonight") else at
    found = _guess_meridiem(at.hour % 12, at.minute, part.lower())
    return found or at


def _taken(before: str, after: str) -> tuple[int, int]:
    """Where a scanner's text was masked between `before` and `after`: first and end."""
    start = next(i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b)
    end = len(before) - next(
        i for i, (a, b) in enumerate(zip(reversed(before), reversed(after), strict=True)) if a != b
    )
    return start, end


# A part of the day said with a day taken (take_when's `day`), right after it ("friday evening",
# "tomorrow night", "friday in the evening") or right before it ("in the evening friday",
# "evening tomorrow", "at night friday"; "night" alone before it names a thing: "movie night").
_PART_AFTER_DAY = re.compile(r"\s*,?\s*(?:in\s+the\s+)?(morning|afternoon|evening|night)\b", re.IGNORECASE)
_PART_BEFORE_DAY = re.compile(
    r"(?:\b(?:in\s+the|at|by)\s+(morning|afternoon|evening|night)|(?<![^\s,])(morning|afternoon|evening))\s*,?\s*$",
    re.IGNORECASE,
)


def _part_of_day_said(scan: Scanner, day: tuple[int, int]) -> str | None:
    """The part of the day said with the day at `day` (_PART_AFTER_DAY, _PART_BEFORE_DAY), taken."""
    m = _PART_AFTER_DAY.match(scan.masked, day[1])
    if m and scan.take_at(_PART_AFTER_DAY, day[1]):
        return m.group(1)
    m = _PART_BEFORE_DAY.search(scan.masked[: day[0]])
    if m:
        scan.mask(m.start(), m.end())
        return m.group(1) or m.group(2)
    return None


def _take_time(scan: Scanner, day: tuple[int, int] | None = None) -> tuple[time | None, bool, bool, bool]:
    """take_time's answer, whether the hour was bare (_bare), and whether it is the midnight
    that ends the day said ("tonight at 12", "friday night at 12": 00:00 of the next day). A
    bare hour with a part of the day next to it (_PART_BEFORE, _PART_AFTER) is in that part,
    the part taken with it. `day`: where take_when took a day, whose part of the day said with
    it goes with an hour said apart ("friday evening about taxes at 8": 20:00, "in the evening
    friday at 7": 19:00), as on the web (quick-add.ts pickDue), taken too."""
    before = scan.masked
    at, today_only, bare = _take_clock(scan)
    if at is None:
        return at, today_only, bare, False
    start, end = _taken(before, scan.masked)
    beside = _PART_BEFORE.search(scan.masked[:start]) or _PART_AFTER.match(scan.masked, end)
    if day and not (bare and beside):
        part = _part_of_day_said(scan, day)
        if part is not None:
            at = _in_part(at, part) if bare else at
            return at, today_only, False, _at_night_12(at, part)
    if day is None and not (bare and beside):
        m = scan.find(_THIS_PART)
        if m:
            # "this evening about taxes at 8": today, the hour in that part, as "tonight ... at 9"
            # is (take_date's day), as on the web (quick-add.ts pickDue).
            scan.mask(m.start(), m.end())
            return _in_part(at, m.group(1)) if bare else at, True, False, False
    if not bare:
        m = _PART_BEFORE.search(scan.masked[:start]) if at.hour == 0 else None
        if m and m.group(2).lower() == "night":
            # "friday night at 12am": the midnight that ends that night, as "at 12" there is.
            scan.mask(m.start(), start)
            return at, today_only, bare, True
        return at, today_only, bare, _at_night_12(at, before[start:end])
    m = _PART_BEFORE.search(scan.masked[:start])
    if m:
        scan.mask(m.start(), start)
        at = _in_part(at, m.group(2))
        return at, today_only or (m.group(1) or "").lower() == "this", False, _at_night_12(at, m.group(2))
    m = _PART_AFTER.match(scan.masked, end)
    if m:
        scan.mask(m.start(), m.end())
        part = m.group(3) or m.group(4)
        at = _in_part(at, part)
        return at, today_only or bool(m.group(1) or m.group(2)), False, _at_night_12(at, part)
    return at, today_only, bare, False


# "this evening" said apart from the hour (_take_time).
_THIS_PART = re.compile(r"\bthis\s+(morning|afternoon|evening)\b", re.IGNORECASE)


def _at_night_12(at: time, said: str) -> bool:
    """12 said with night: the midnight at the end of that night's day."""
    return at.hour == 0 and re.search(r"night", said, re.IGNORECASE) is not None


# The words before a time: "at", "around", "@", "~" ... ("@10pm", "~10:30"; "bob@10pm" reads
# the time, "@" stays with the word), or none ("10pm").
_ABOUT = r"(?:(?:\b(?:at|by|around|before|until|@|from)|(?<!\w)[@~])\s*|\b)"
# Not a time but an amount: "around 10.50 euros", "~10.30 kg", as the web reads it (ABOUT_TIME).
_NOT_AMOUNT = (
    r"(?!\s*(?:%|\u20ac|\$|\u00a3|(?:euros?|eur|dollars?|usd|gbp|pounds?|people|persons?|times|percent|items?|"
    r"min(?:ute)?s?|h|hours?|hrs?|days?|weeks?|months?|years?|km|kg|miles?)\b))"
)


def _take_clock(scan: Scanner) -> tuple[time | None, bool, bool]:
    """A time of day as it is said, whether it fixes the date to today, and whether the hour
    was bare (_bare)."""
    m = scan.take(_ABOUT + r"(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?" + _PART_HINT)
    if m:
        return _hour(int(m.group(1)), int(m.group(2) or 0), m.group(3)), bool(m.group(6)), False
    m = scan.take(r"\b(half|quarter)\s+(past|to)\s+(\d{1,2})(?:\s*([ap])\.?m\.?)?" + _PART_HINT)
    if m:
        minute = 30 if m.group(1).lower() == "half" else 15
        h = int(m.group(3))
        if m.group(2).lower() == "to":
            h, minute = h - 1, 60 - minute
        hint = m.group(5) or m.group(6) or m.group(7)
        if m.group(4):
            return _hour(h, minute, m.group(4)), bool(m.group(7)), False
        return _guess_meridiem(h, minute, hint), bool(m.group(7)), _bare(h, hint)
    m = scan.take(_ABOUT + r"([01]?\d|2[0-3])([:h])([0-5]\d)\b" + _PART_HINT)
    if m:
        h, minute = int(m.group(1)), int(m.group(3))
        hint = m.group(4) or m.group(5) or m.group(6)
        # "5:30" is read like "at 5" (quick-add does the same); "05:30", "17:30", "5h30" as typed.
        bare = m.group(2) == ":" and not m.group(1).startswith("0")
        guess = h <= 12 and (hint or bare)
        if not guess:
            return time(h, minute), bool(m.group(6)), False
        return _guess_meridiem(h, minute, hint), bool(m.group(6)), _bare(h, hint)
    # A dotted time after "at", "@", "around" or "~" ("meet at 10.30", "@ 9.15", "around 14.45",
    # "~10.30"), as written in Europe: read as "at 10:30" is. Without one ("pay 10.50 to sam",
    # "version 3.5"), glued to a word ("bob@10.30") or before a unit ("around 10.50 euros") it
    # stays words, as on the web; "10.12." is a date (take_date reads it first).
    m = scan.take(
        r"(?:\b(?:at|around)|(?<!\w)[@~])\s*([01]?\d|2[0-3])\.([0-5]\d)\b(?![.,]\d)"
        + _NOT_AMOUNT
        + _PART_HINT
    )
    if m:
        h, minute = int(m.group(1)), int(m.group(2))
        hint = m.group(3) or m.group(4) or m.group(5)
        if m.group(1).startswith("0") or h > 12:
            return time(h, minute), bool(m.group(5)), False
        return _guess_meridiem(h, minute, hint), bool(m.group(5)), _bare(h, hint)
    m = scan.take(
        r"(?:\b(?:at|by|around|before|until)\s+|(?<!\w)@\s*)(\d{1,2})(?:\s*o'?clock)?\b(?![.,]\d)"
        r"(?!\s*(?:%|st\b|nd\b|rd\b|th\b|"
        + UNIT
        + r"|people|times|percent|euros?|dollars?|items?))"
        + _PART_HINT
    )
    if m:
        hint = m.group(3) or m.group(4) or m.group(5)
        return _guess_meridiem(int(m.group(1)), 0, hint), bool(m.group(5)), _bare(int(m.group(1)), hint)
    m = scan.take(r"\b(\d{1,2})\s*o'?clock\b" + _PART_HINT)
    if m:
        hint = m.group(2) or m.group(3) or m.group(4)
        return _guess_meridiem(int(m.group(1)), 0, hint), bool(m.group(4)), _bare(int(m.group(1)), hint)
    # An hour said with its part of the day, no "at" before it: "pay rent 3 in the morning" 03:00,
    # "3 in the afternoon" 15:00, "pay rent 10 in the evening" 22:00, "11 at night" 23:00, "3 at
    # night" / "3 in the night" 03:00, as the web reads them (quick-add.ts partHour). Not a number
    # after a noun that numbers things ("read chapter 3 in the afternoon": 'Read chapter 3' at the
    # part's hour; text.NUMBER_OF).
    m = next(
        (
            found
            for found in scan.find_all(
                r"(?<![\w.,:/'\u2019-])(\d{1,2})\s+(?:in\s+the\s+(morning|afternoon|evening|night)|(at\s+night))\b"
            )
            if not NUMBER_OF.search(scan.masked, 0, found.start())
        ),
        None,
    )
    if m:
        scan.mask(m.start(), m.end())
        hint = "at night" if m.group(3) or m.group(2).lower() == "night" else m.group(2)
        return _guess_meridiem(int(m.group(1)), 0, hint), False, False
    m = scan.take(
        r"\b(?:(?:at|by|around|before|until)\s+)?(?:the\s+)?(?:end\s+of\s+(?:the\s+)?(?:work\s*)?day|eod|close\s+of\s+business|cob)\b"
    )
    if m:
        return END_OF_DAY, False, False
    m = scan.take(r"\b(?:at|by|around|before|until)?\s*(noon|midday|midnight|lunchtime)\b")
    if m:
        return PARTS_OF_DAY[m.group(1).lower()], False, False
    m = scan.take(r"\b(?:at|around|by|for|over)\s+(lunch)\b")
    if m:
        return PARTS_OF_DAY["lunch"], False, False
    # "after work" 18:00, "after lunch" 13:00: like "in the evening", today when still ahead.
    m = scan.take(r"\bafter\s+(work|lunch)\b(?![-'\u2019])")
    if m:
        return PARTS_OF_DAY["after " + m.group(1).lower()], False, False
    m = next(
        (
            found
            for found in scan.find_all(
                r"\b(?:(this|in\s+the|during\s+the|by\s+the)\s+)?(morning|afternoon|evening)\b"
            )
            if found.group(1) or not _part_in_title(scan, found.start(), found.end())
        ),
        None,
    )
    if m:
        scan.mask(m.start(), m.end())
        # "this evening" is today even when it has begun; "in the evening" is the next one.
        today = (m.group(1) or "").lower() == "this"
        return PARTS_OF_DAY[m.group(2).lower()], today, False
    m = next(
        (
            found
            for found in scan.find_all(r"\b(?:(?:at|by|tomorrow|to)\s+)?(tonight|night)\b")
            if found.group(1).lower() == "tonight" or not _NIGHT_OF.search(scan.masked[: found.start(1)])
        ),
        None,
    )
    if m:
        scan.mask(m.start(), m.end())
        return PARTS_OF_DAY["night"], m.group(1).lower() == "tonight", False
    return None, False, False


def _month_day(today: date, month: int, day: int, year: int | None) -> date | None:
    try:
        found = date(year if year else today.year, month, day)
    except ValueError:
        return None
    if year is None and found < today:
        try:
            found = date(today.year + 1, month, day)
        except ValueError:
            return None
    return found


def _year(text: str | None) -> int | None:
    if not text:
        return None
    y = int(text)
    return y + 2000 if y < 100 else y


# A weekday said with "tonight" or "this evening" (morning, afternoon), either first, apart by
# a comma or "on" at most: "tonight friday", "friday tonight", "this evening on friday". "sun",
# "sat", "wed" only after a connector ("relax on sat tonight"; "lie in the sun this afternoon" is
# words), as on the web (quick-add.ts DAY_AND_PART).
def _day_with_part(connectors: str) -> str:
    return (
        r"(?:(?:" + connectors + r")\s+)?(?:" + FULL_WEEKDAY + "|" + ABBREVIATED_WEEKDAY + r")\b\.?"
        r"|(?:" + connectors + r")\s+" + WORDLIKE_WEEKDAY + r"\b\.?"
    )


# A connector before the weekday said first goes with it ("by friday tonight"); after the part only
# "on" ("tonight by friday" is no one day).
_WEEKDAY_AND_PART = re.compile(
    r"\b(?P<said>" + _day_with_part("on|by|due|until|before") + r")\s*,?\s*(?:on\s+)?"
    r"(?P<part>tonight|this\s+(?:morning|afternoon|evening))\b"
    r"|\b(?P<part2>tonight|this\s+(?:morning|afternoon|evening))\s*,?\s*(?P<said2>"
    + _day_with_part("on")
    + r")",
    re.IGNORECASE,
)


def _weekday_and_part(scan: Scanner, today: date) -> _Date | None:
    """A weekday said with tonight or this evening (_WEEKDAY_AND_PART): that weekday, today when
    it is today's, as on the web. With "tonight" both are taken (20:00); "this evening" is left
    for the time (_take_clock: 18:00)."""
    m = scan.find(_WEEKDAY_AND_PART)
    if m is None:
        return None
    said = "said" if m.group("said") is not None else "said2"
    weekday = WEEKDAY_NAMES[m.group(said).split()[-1].lower().rstrip(".")]
    on = today if weekday == today.weekday() else next_weekday(today, weekday)
    if (m.group("part") or m.group("part2")).lower() == "tonight":
        scan.mask(m.start(), m.end())
        return _Date(on, PARTS_OF_DAY["tonight"])
    scan.mask(m.start(said), m.end(said))
    return _Date(on)


def take_date(scan: Scanner, today: date, now: datetime) -> tuple[_Date | None, datetime | None]:
    """A calendar date, or (second value) an exact moment for 'in 2 hours'."""
    with_part = _weekday_and_part(scan, today)
    if with_part is not None:
        return with_part, None
    m = scan.take(r"\b(?:due\s+|by\s+|for\s+|on\s+)?(?:the\s+)?day\s+after\s+tomorrow\b")
    if m:
        return _Date(today + timedelta(days=2)), None
    # "TMR" in capitals is an acronym ("TMR scan"), as in the web quick-add; "tmr", "Tmr" are tomorrow.
    m = scan.take(
        r"\b(?:due\s+|by\s+|for\s+|until\s+|to\s+)?(?:tomorrow|tmrw|(?!(?-i:TMR)\b)tmr|tomorow|tommorow|tommorrow)\b"
    )
    if m:
        return _Date(today + timedelta(days=1)), None
    m = scan.take(r"\b(?:due\s+|by\s+|for\s+|until\s+|to\s+)?(?:later\s+)?(?:today|tonight)\b")
    if m:
        default = time(20, 0) if "tonight" in m.group(0).lower() else DEFAULT_TIME
        if "later" in m.group(0).lower():
            default = END_OF_DAY
        return _Date(today, default), None
    m = scan.take(r"\b(?:in|within)\s+half\s+an?\s+hour\b")
    if m:
        return None, now + timedelta(minutes=30)
    m = scan.take(r"\b(?:in|within)\s+(" + NUMBER + r")\s+" + UNIT + r"(?:'?s?\s+time)?\b")
    if m:
        delta = _unit_delta(number(m.group(1)), m.group(2))
        if delta.minutes or delta.hours:
            return None, now + delta
        return _Date(today + delta), None
    m = scan.take(r"\b(" + NUMBER + r")\s+" + UNIT + r"\s+from\s+(now|today|tomorrow)\b")
    if m:
        delta = _unit_delta(number(m.group(1)), m.group(2))
        if delta.minutes or delta.hours:
            return None, now + delta
        base = today + timedelta(days=1) if m.group(3).lower() == "tomorrow" else today
        return _Date(base + delta), None
    m = scan.take(r"\b(?:(?:by|before|until|at|on)\s+)?(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week\b")
    if m:
        friday = today + timedelta(days=(4 - today.weekday()) % 7)
        return _Date(friday, END_OF_DAY), None
    m = scan.take(r"\b(?:(?:by|before|until|at|on)\s+)?(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month\b")
    if m:
        last = today + relativedelta(day=31)
        return _Date(last, END_OF_DAY), None
    m = scan.take(r"\b(?:(?:by|before|until|at|on)\s+)?(?:the\s+)?end\s+of\s+next\s+month\b")
    if m:
        return _Date(today + relativedelta(months=1, day=31), END_OF_DAY), None
    # "on the last day of the month" without "every": that one day, this month's (today on it)
    # or next month's, as the web quick-add reads it; "every last day of the month" repeats
    # (recurrence._take_rule reads it first).
    m = scan.take(
        r"\b(?:(?:by|before|until|on|for|due)\s+)?(?:the\s+)?last\s+day\s+of\s+(?:the\s+|this\s+)?(next\s+)?month\b"
    )
    if m:
        return _Date(today + relativedelta(months=1 if m.group(1) else 0, day=31)), None
    m = scan.take(r"\b(?:(?:on|by|for|over|during)\s+)?(this|next|the)\s+weekend\b")
    if m:
        saturday = today + timedelta(days=(5 - today.weekday()) % 7)
        if m.group(1).lower() == "next" and today.weekday() < 5:
            saturday += timedelta(days=7)
        return _Date(saturday), None
    # "next month on the 15th", "on the 15th next month", "the 3rd of next month": that day of
    # next month (its last when the month is shorter), as the web quick-add reads it.
    m = scan.take(
        r"\b(?:(?:on|by|for|until)\s+)?(?:the\s+)?(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\s+(?:of\s+)?next\s+month\b(?!['\u2019])"
        r"|\bnext\s+month\s*,?\s+(?:on|by)\s+the\s+(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?!\s+of\b)"
    )
    if m:
        return _Date(today + relativedelta(months=1, day=int(m.group(1) or m.group(2)))), None
    m = scan.take(
        r"\b(?:(?:by|for|in|during|from)\s+)?(?:the\s+)?(?:beginning\s+of\s+|start\s+of\s+)?next\s+month\b"
    )
    if m:
        return _Date(today + relativedelta(months=1, day=1)), None
    m = scan.take(
        r"\b(?:(?:by|for|in|during|from)\s+)?(?:the\s+)?(?:beginning\s+of\s+|start\s+of\s+)?next\s+week\b"
    )
    if m and not scan.has(r"\b" + ANY_WEEKDAY + r"\b"):
        return _Date(next_weekday(today, 0)), None
    if m:
        # "Friday next week": the weekday in the week after this one.
        day_match = scan.take(r"\b(?:on\s+)?(" + ANY_WEEKDAY + r")\b")
        assert day_match is not None
        monday = next_weekday(today, 0)
        return _Date(monday + timedelta(days=WEEKDAY_NAMES[day_match.group(1).lower()])), None
    m = scan.take(r"\b(?:(?:on|from)\s+)?(" + ANY_WEEKDAY + r")\s*-\s*" + ANY_WEEKDAY + r"\b")
    if m:
        # "monday-friday": a span of days, due on its first (as the web quick-add reads it).
        return _Date(next_weekday(today, WEEKDAY_NAMES[m.group(1).lower()])), None
    # A weekday before a date ("Friday Nov 27", "on Fri, 27/11"): the date, the weekday with it.
    m = scan.find(
        r"\b(?:(?:due|on|by|before|until|for|to)\s+)?"
        + ANY_WEEKDAY
        + r"\b\.?,?\s+(?=(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
        + MONTH
        + r"\b|\d{1,2}/\d{1,2}\b|\d{4}-\d{2}-\d{2}\b|"
        + MONTH
        + r"\.?\s+(?:the\s+)?\d)"
    )
    if m:
        before = scan.masked
        scan.mask(m.start(), m.end())
        found, day = _calendar_date(scan, today, now)
        if found:
            return day, None
        scan.masked = before
    m = scan.take(
        r"\b(?:(?:due|on|by|before|until|"
        + TILL
        + r"|for|to|this|next|coming|from|starting)\s+)+(?:the\s+)?("
        + ANY_WEEKDAY
        + r")\b\.?"
    )
    if m is None:
        m = scan.take(r"\b(" + FULL_WEEKDAY + r")\b|\b(" + ABBREVIATED_WEEKDAY + r")\b\.?")
    if m is None:
        m = scan.take(r"\b(" + WORDLIKE_WEEKDAY + r")\b\.?" + _TIME_AFTER)
    if m is None:
        m = scan.find(_TIME_BEFORE + r"\b(" + WORDLIKE_WEEKDAY + r")\b\.?")
        if m:
            scan.mask(m.start(1), m.end())
    if m:
        said = next(group for group in m.groups() if group)
        return _Date(next_weekday(today, WEEKDAY_NAMES[said.lower()])), None
    found, day = _calendar_date(scan, today, now)
    if found:
        return day, None
    m = _day_of_a_month(scan)
    if m:
        day_of_month = int(m.group(1))
        for months in range(0, 3):
            candidate = today + relativedelta(months=months, day=day_of_month)
            if candidate.day == day_of_month and candidate > today:
                return _Date(candidate), None
        return None, None
    return None, None


# Words that may follow a day of the month said alone and leave it a date ("on the 1st at 5pm",
# "by the 15th please", "on the 3rd in the morning", "on the 1st urgent"), as the web quick-add
# reads them (quick-add.ts AFTER_A_DAY); another word after it ("on the 1st draft", "to the 2nd
# floor") makes it words of the title when the title has words before it too.
_AFTER_A_DAY = re.compile(
    r"\s+(?:at|around|about|from|in|and|then|to|with|for|please|pls|thanks|thank|latest|morning|afternoon|"
    r"evening|night|noon|midnight|remind|before|by|until|till|"
    r"urgent|urgently|critical|important|unimportant|asap|very|top|highest|high|lowest|low|medium|not)(?![\w'\u2019-])",
    re.IGNORECASE,
)


def _part_in_title(scan: Scanner, start: int, end: int) -> bool:
    """A part of the day alone with a word of the title after it is that word, as on the web
    (quick-add.ts connectorOrIncidental): "Evening walk", "Morning run friday", "Good morning
    routine". It is the time after "at"/"by" ("by evening"), next to a day ("friday evening",
    "evening tomorrow"), last ("call mom evening"), or after words of the title before a word
    that may follow a date (_AFTER_A_DAY: "call mom evening about taxes", "... evening please";
    first in a new task's words, "Evening at the park", "Morning with sam" are the title's)."""
    masked = scan.masked
    if re.search(r"(?:\b(?:at|by)\s+|" + MASK + r"\s*,?\s*)$", masked[:start], re.IGNORECASE):
        return False
    if re.match(r"\s+[^\W\d_]", masked[end:]) is None:
        return False
    first = scan.lead is not None and re.search(r"[^\W_]", masked[scan.lead : start]) is None
    return first or not _AFTER_A_DAY.match(masked, end)


def _day_of_a_month(scan: Scanner) -> re.Match[str] | None:
    """'on the 1st', 'by the 2nd', 'before the 15th', 'until the 31st', 'till the 3rd', 'for the
    20th' ('on the 15' without its ending), taken, as the web quick-add reads them (quick-add.ts
    DAY_OF_A_MONTH): not 'on the 1st of march' (a calendar date), not 'on the 1.5', and not with
    words of the title on both sides ('Comment on the 1st draft', 'Go to the 2nd floor', 'Do it
    for the 1st time': before, 'Comment draft' due on the 1st). 'to the 3rd' is a date only in
    a line that is no new task's ('move the report to the 3rd'); in a new task's it is words of
    the title, as on the web."""
    connectors = r"on|by|before|until|" + TILL + r"|for" + ("" if scan.lead is not None else r"|to")
    pattern = r"\b(?:" + connectors + r")\s+the\s+" + ORDINAL_DAY + r"(?![\w'\u2019-]|[.,:]\d)(?!\s+of\b)"
    for m in scan.find_all(pattern):
        words_before = re.search(r"[^\W_]", scan.masked[scan.lead or 0 : m.start()])
        words_after = re.match(r"\s+[^\W\d_]", scan.masked[m.end() :])
        if words_before and words_after and not _AFTER_A_DAY.match(scan.masked, m.end()):
            continue
        scan.mask(m.start(), m.end())
        return m
    return None


def _calendar_date(scan: Scanner, today: date, now: datetime) -> tuple[bool, _Date | None]:
    """A date by its day and month ("Nov 27", "27 November", "11/27", "2030-03-20"): whether
    the words were found, and the date (None when there is no such day). A day and month
    without a year are the first such date from today on: today's is today. A numeric date
    either way round ("03/02") is read in the order of the readers of `now`'s zone (todo_common.datestyle):
    3 February in London, March 2 in New York or UTC, as the web quick-add reads it for them."""
    m = scan.take(r"\b(?:due\s+|on\s+|by\s+|before\s+|until\s+|for\s+|to\s+)?(\d{4})-(\d{2})-(\d{2})\b")
    if m:
        d = _month_day(today, int(m.group(2)), int(m.group(3)), int(m.group(1)))
        return True, (_Date(d) if d else None)
    m = scan.take(
        r"\b(?:due\s+|on\s+|by\s+|before\s+|until\s+|for\s+|to\s+)?(?:the\s+)?"
        + ORDINAL_DAY
        + r"\s+(?:of\s+)?("
        + MONTH
        + r")\b\.?(?:,?\s+(\d{4}))?"
    )
    if m:
        d = _month_day(today, MONTH_NAMES[m.group(2).lower()], int(m.group(1)), _year(m.group(3)))
        return True, (_Date(d) if d else None)
    m = scan.take(
        r"\b(?:due\s+|on\s+|by\s+|before\s+|until\s+|for\s+|to\s+|in\s+)?("
        + MONTH
        + r")\.?\s+(?:the\s+)?"
        + ORDINAL_DAY
        + r"\b(?!\s*(?::|am|pm|"
        + UNIT
        + r"))(?:,?\s+(?P<year>\d{4}))?"
    )
    if m:
        # The year by name: UNIT in the lookahead has a group of its own ("dec 3, 2027").
        d = _month_day(today, MONTH_NAMES[m.group(1).lower()], int(m.group(2)), _year(m.group("year")))
        return True, (_Date(d) if d else None)
    m = scan.take(
        r"\b(?:due\s+|on\s+|by\s+|before\s+|until\s+|for\s+|to\s+)?(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b"
    )
    if m is None:
        # European day.month. with its closing dot or a year ("10.12.", "10.12.2026"): 10 Dec.
        # "3.5 hours", "10.30", "version 3.5." are no dates.
        # Not after a noun that numbers things ("version 3.5.", "room 10.12."; text.NUMBERED).
        m = next(
            (
                found
                for found in scan.find_all(
                    r"\b(?:due\s+|on\s+|by\s+|before\s+|until\s+|for\s+|to\s+|am\s+|bis\s+)?(?<![\d.])"
                    r"(\d{1,2})\.(\d{1,2})\.(?:(\d{4})\b|(?![\d.]))"
                )
                if not NUMBERED.search(scan.masked, 0, found.start(1))
            ),
            None,
        )
        if m:
            scan.mask(m.start(), m.end())
            d = _month_day(today, int(m.group(2)), int(m.group(1)), _year(m.group(3)))
            return True, (_Date(d) if d else None)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        day_first = a > 12 or (b <= 12 and style(now.tzinfo).day_first)
        month, day = (b, a) if day_first else (a, b)  # the reader's order unless it cannot be
        d = _month_day(today, month, day, _year(m.group(3)))
        return True, (_Date(d) if d else None)
    return False, None


def take_when(scan: Scanner, now: datetime, part: time | None = None) -> When | None:
    """Take a due date and/or time out of the scanner. `now` is aware, in the user's zone.
    `part`: the hour of a part of the day said with a repeat ("every night" 20:00), whose half
    of the day a bare hour is in ("every night at 9" is 21:00, "every morning at 5" 05:00)."""
    today = now.date()
    before = scan.masked
    day, moment = take_date(scan, today, now)
    if moment is not None:
        return When(moment.replace(second=0, microsecond=0), date_given=True, time_given=True)
    at, today_only, bare, after_midnight = _take_time(
        scan, _taken(before, scan.masked) if before != scan.masked else None
    )
    if at is not None and bare and part is not None:
        # "every night at 12" is midnight; "every evening at 12" noon, as "at 12" is.
        night = part == PARTS_OF_DAY["night"]
        at, bare = _in_part(at, "night" if night else "morning" if part.hour < 12 else "evening"), False
    if day is None and at is None:
        return None
    if day is None:
        # "tonight", "this evening": today. A bare time: today if still ahead, else tomorrow.
        assert at is not None
        candidate = datetime.combine(today, at, tzinfo=now.tzinfo)
        if after_midnight or (not today_only and candidate <= now):
            candidate += timedelta(days=1)
        return When(_fold(candidate), date_given=today_only, time_given=True)
    if (
        at is not None
        and day.default_time == PARTS_OF_DAY["tonight"]
        and (at.hour == 0 or (bare and at.hour == 12))
    ):
        # "tonight at 12", "tonight at 12am": the midnight ending today.
        at, after_midnight = time(0, at.minute), True
    elif (
        at is not None and day.default_time == PARTS_OF_DAY["tonight"] and at.hour < 12 and not after_midnight
    ):
        at = at.replace(hour=at.hour + 12)  # "at 8 tonight"
    elif at is not None and bare and day.day == today:
        at = _today_at(at, now)
    chosen = at or day.default_time
    on = day.day + timedelta(days=1) if after_midnight else day.day
    return When(
        _fold(datetime.combine(on, chosen, tzinfo=now.tzinfo)),
        date_given=True,
        time_given=at is not None,
        time_implied=at is None and day.default_time != DEFAULT_TIME,
    )


def _today_at(at: time, now: datetime) -> time:
    """'today at 8': the first of 8:00 and 20:00 still ahead today, else 20:00 (at 17:17 it is
    20:00, not the 08:00 gone by), as the web quick-add reads it (quick-add.ts resolveBareHour)."""
    morning = at.replace(hour=at.hour % 12)
    evening = morning.replace(hour=morning.hour + 12)
    ahead = [t for t in (morning, evening) if _fold(datetime.combine(now.date(), t, tzinfo=now.tzinfo)) > now]
    return ahead[0] if ahead else evening


# One of several days said together: a weekday, today, tomorrow or a date, with its own
# time if one follows ("tuesday at 7am"). Not a plural ("tuesdays" repeats).
_ONE_DAY = (
    r"(?:(?:on|this|next|coming)\s+)?(?:today|tomorrow|tmrw|"
    + ANY_WEEKDAY
    + r"|"
    + MONTH
    + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + MONTH
    + r")(?![\w'])"
    r"(?:\s+(?:in\s+the\s+)?(?:morning|afternoon|evening|night)|\s+at\s+\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\b\.?)?|"
    r"\s+\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\b\.?)?"
)
# Days said together are apart by commas, "and", "&", or (a weekday after a weekday, "monday
# tuesday and friday") a space alone.
_DAYS_APART = (
    r"\s*,\s*(?:and\s+)?|\s+(?:and|&|\+)\s+|(?<=day)\s+(?=(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)"
)
# The days end the phrase they are in: "the Monday and Tuesday reports" names reports.
_DAY_LIST = re.compile(
    r"(?<!\bthe\s)\b"
    + _ONE_DAY
    + r"(?:(?:"
    + _DAYS_APART
    + r")"
    + _ONE_DAY
    + r")+(?=\s*(?:$|[,.;:!?#)\-\u2063]|(?:at|by|around|from|before|until|@|for|to|with|and|please|remind|add|i|we|"
    r"i'?ll|i'?m|need|have|must|should|gotta)\b))",
    re.IGNORECASE,
)


def take_days(scan: Scanner, now: datetime) -> list[When]:
    """Two or more days said together ("gym tuesday and thursday at 7am", "tomorrow and
    friday"): one due time each, in date order. A day without a time of its own takes the
    time said after it ("monday, wednesday and friday at 6:30am"), else the day's default.
    [] when the text names no such days; a title's own "and" ("Tom and Jerry marathon
    friday") joins no days."""
    found = scan.find(_DAY_LIST)
    if found is None:
        return []
    days = [
        take_when(Scanner("on " + said), now) for said in re.split(_DAYS_APART, found.group(0), flags=re.I)
    ]
    if any(day is None or not day.date_given for day in days):
        return []
    scan.mask(found.start(), found.end())
    later, _ = take_time(scan)  # "tuesday and thursday, 7am"
    dues: list[When] = []
    for day in reversed(days):
        assert day is not None
        if day.time_given:
            later = day.at.time()
        elif later is not None:
            day = When(_fold(datetime.combine(day.at.date(), later, tzinfo=now.tzinfo)), True, True)
        if day not in dues:
            dues.append(day)
    return sorted(dues, key=lambda when: when.at)


def _fold(local: datetime) -> datetime:
    """Normalise a wall time that a DST change skipped or repeated."""
    zone = local.tzinfo
    if not isinstance(zone, ZoneInfo):
        return local
    round_trip = local.astimezone(ZoneInfo("UTC")).astimezone(zone)
    return round_trip if round_trip.replace(tzinfo=None) != local.replace(tzinfo=None) else local


def take_offset(scan: Scanner) -> relativedelta | None:
    """'by 2 days', 'a week', 'back 3 days': how far to push an existing due date."""
    m = scan.take(
        r"\b(?:by|for|back|forward|out)?\s*(" + NUMBER + r")\s+" + UNIT + r"\b(?:\s+(?:later|back))?"
    )
    if m:
        return _unit_delta(number(m.group(1)), m.group(2))
    return None


_REMIND_WORDS = r"(?:,\s*|\b)(?:and\s+|with\s+)?(?:please\s+)?(?:remind\s+me|(?:set\s+|add\s+)?(?:an?\s+)?reminders?|alert\s+me|notify\s+me|ping\s+me)"


def take_reminder(scan: Scanner) -> int | None:
    """'remind me 30 minutes before': minutes before the due time. 'remind me at the due time',
    'remind me at time', 'remind me on time', 'remind me when it's due': 0 (at the due time), as
    the web quick-add reads them."""
    if scan.take(
        _REMIND_WORDS
        + r"\s+(?:(?:at|on)\s+(?:(?:the\s+)?due\s+)?time|when\s+(?:it(?:['\u2019]s|\s+is)\s+)?due)\b"
    ):
        return 0
    m = scan.take(
        _REMIND_WORDS
        + r"(?:\s+(?:about\s+it|of\s+it|for\s+it))?\s+(?:("
        + NUMBER
        + r")\s+"
        + UNIT
        + r"|half\s+an\s+hour|(the\s+(?:day|night|evening)))"
        r"\s+(?:before(?:hand)?|earlier|ahead(?:\s+of\s+time)?|in\s+advance|prior)(?:\s+(?:it(?:'s|\s+is)\s+due|the\s+deadline|it))?"
    )
    if not m:
        return None
    if m.group(3):
        return 24 * 60
    if m.group(1) is None:
        return 30
    delta = _unit_delta(number(m.group(1)), m.group(2))
    return int(delta.minutes + delta.hours * 60 + delta.days * 1440 + delta.weeks * 0)


def local_now(now_utc: datetime, zone: str) -> datetime:
    return now_utc.astimezone(ZoneInfo(zone))


def parse_when(text: str, now: datetime) -> tuple[When | None, str]:
    """`text`'s due time, and the text without it. `now` is aware, in the user's zone."""
    scan = Scanner(text)
    found = take_when(scan, now)
    return found, scan.rest()
