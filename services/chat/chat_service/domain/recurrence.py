# ruff: noqa: E501 - the English vocabularies below read better as unbroken patterns.
"""Recurrence phrases to RFC 5545 RRULE bodies ("every Monday and Wednesday" ->
FREQ=WEEKLY;BYDAY=MO,WE), the first due time of a new series, and the rule in words.

Days are the user's days: BYDAY names the weekdays the user said, and the series' first
due time (DTSTART) is a local time on one of them."""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrulestr
from todo_common.next_due import next_due
from todo_common.recurrence import check_occurs, load_zone
from todo_common.recurrence import parse_rule as canonical_rule
from todo_common.recurrence_words import describe as describe_rule

from chat_service.domain.text import MASK, NUMBER, Scanner, number
from chat_service.domain.when import DEFAULT_TIME, MONTH, MONTH_NAMES, PARTS_OF_DAY, WEEKDAY_NAMES, take_date

CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS_RULE = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
PLAIN_WORDS = {
    "daily": "FREQ=DAILY",
    "weekly": "FREQ=WEEKLY",
    "monthly": "FREQ=MONTHLY",
    "yearly": "FREQ=YEARLY",
    "weekdays": WEEKDAYS_RULE,
}

_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)"
# Days in a list: "monday, wednesday and friday", "mon/wed", and weekdays separated only by
# spaces ("monday wednesday friday", "mon wed fri"), but not a possessive day word that starts
# the title ("every monday friday's standup": Mondays, titled "Friday's standup").
_DAYS = _DAY + r"s?(?:(?:\s*(?:,|and|&|\+|or|/)\s*(?:(?:on|every)\s+)?|\s+)" + _DAY + r"s?(?![\w'\u2019]))*"
_PLURAL_DAYS = r"(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)"
_EVERY = r"(?:every|each|once\s+(?:a|every|per))"
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": -1,
}
# The place of a weekday in its month ("the last Friday", "the 1st Monday").
_PLACE = r"(first|second|third|fourth|last|1st|2nd|3rd|4th)"
# Months in a list: "Jan, Apr, Jul and Oct", "january and july", "mar/jun/sep/dec".
_MONTHS = MONTH + r"\.?(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|/\s*|\+\s*)" + MONTH + r"\b\.?)*"
# "of every quarter": the calendar's quarters, each one's first month.
_QUARTER_MONTHS = "1,4,7,10"
_UNIT_FREQ = {"hour": "HOURLY", "day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}
_WORD_RULES = {
    "daily": "FREQ=DAILY",
    "nightly": "FREQ=DAILY",
    "hourly": "FREQ=HOURLY",
    "weekly": "FREQ=WEEKLY",
    "biweekly": "FREQ=WEEKLY;INTERVAL=2",
    "bi-weekly": "FREQ=WEEKLY;INTERVAL=2",
    "fortnightly": "FREQ=WEEKLY;INTERVAL=2",
    "monthly": "FREQ=MONTHLY",
    "quarterly": "FREQ=MONTHLY;INTERVAL=3",
    "yearly": "FREQ=YEARLY",
    "annually": "FREQ=YEARLY",
}
# "twice a week", "2x a week", "three times a week", "twice a month": how often, not which
# days, so the days are chosen (and the reply names them: "every Monday and Thursday"), as the
# web quick-add chooses them (TIMES_A rules). "three times a month" and "twice a day" are none.
_TIMES_A = r"\b(twice|(?:two|2)\s+times|2\s*x|(?:three|3)\s+times|3\s*x)\s+(?:a|per)\s+(week|month)\b"
_TIMES_A_RULES = {
    (2, "week"): "FREQ=WEEKLY;BYDAY=MO,TH",
    (3, "week"): "FREQ=WEEKLY;BYDAY=MO,WE,FR",
    (2, "month"): "FREQ=MONTHLY;BYMONTHDAY=1,15",
}
# "repeat every", "recurring", "and repeat it": words that only say "this repeats".
REPEAT_WORDS = r"(?:\b(?:and\s+)?(?:make\s+it\s+|have\s+it\s+|set\s+it\s+to\s+|to\s+)?(?:repeat(?:s|ing|ed)?|recurr?(?:s|ing|ent)?)(?:\s+(?:it|this|task))?\b)"


@dataclass(frozen=True)
class Recurrence:
    rrule: str
    # "every morning": the time of day the phrase itself gives.
    at: time | None = None
    # "every 3 days from when I last did it", "... after completion": the next one counts
    # from when this one is done (the task's repeat_from "completion").
    from_completion: bool = False


def _days(text: str) -> list[str]:
    found: list[str] = []
    for word in re.findall(_DAY + r"s?", text, re.IGNORECASE):
        code = CODES[
            WEEKDAY_NAMES[word.lower().rstrip("s") if word.lower() not in WEEKDAY_NAMES else word.lower()]
        ]
        if code not in found:
            found.append(code)
    return sorted(found, key=CODES.index)


def _interval(word: str) -> int:
    word = word.lower()
    if word in ("other", "second", "2nd"):
        return 2
    if word in ("third", "3rd"):
        return 3
    return number(word)


def _with_interval(freq: str, interval: int, extra: str = "") -> str:
    rule = f"FREQ={freq}" + (f";INTERVAL={interval}" if interval > 1 else "")
    return rule + (f";{extra}" if extra else "")


def take_recurrence(scan: Scanner) -> Recurrence | None:
    """Take a recurrence phrase out of the scanner."""
    rule, at = _take_rule(scan, first=True)
    if rule is None:
        return None
    # A part of the day right after the phrase ("every Monday morning").
    part = scan.take(
        r"^\W*(morning|afternoon|evening|night)s?\b|\b(?:in\s+the\s+)(morning|afternoon|evening)s?\b"
    )
    if part and at is None:
        at = PARTS_OF_DAY[(part.group(1) or part.group(2)).lower()]
    # A second phrase ("weekly" in "weekly on Mondays") goes with the first, which wins; not
    # a word first in the line ("weekly review every friday": 'Weekly review', as on the web).
    _take_rule(scan, first=False)
    bound = scan.take(r"\b(?:for\s+)?(" + NUMBER + r")\s+times\b")
    if bound:
        rule += f";COUNT={number(bound.group(1))}"
    from_completion = scan.take(_FROM_COMPLETION) is not None
    scan.take(REPEAT_WORDS)
    from_completion = scan.take(_FROM_COMPLETION) is not None or from_completion
    return Recurrence(rule, at, from_completion)


# "from when I last did it", "after completion", "from completion", "after it's done", "counting
# from when I finish it", "repeating from the last completion": the next one counts from when
# this one is done (the web quick-add's FROM_COMPLETION). Before, words of the title, and the
# series repeated from its due date.
_DID = r"(?:did|do|does|finish(?:ed|es)?|complete[ds]?|check(?:ed)?\s+(?:it\s+)?off|mark(?:ed)?\s+it\s+(?:as\s+)?(?:done|complete))"
_FROM_COMPLETION = re.compile(
    r"\b(?:(?:counting|counted|repeating|repeat|starting)\s+)?(?:from|after)\s+(?:"
    r"(?:the\s+)?(?:last\s+)?completion"
    r"|(?:(?:when|the\s+(?:day|time|moment))\s+)?i\s+(?:last\s+)?" + _DID + r"(?:\s+it)?"
    r"|(?:when|the\s+(?:day|time|moment))\s+it(?:['\u2019]s|\s+is|\s+was|\s+gets)\s+(?:done|completed|finished)"
    r"|it(?:['\u2019]s|\s+is|\s+was)\s+(?:done|completed|finished)"
    r")(?![\w'\u2019-])",
    re.IGNORECASE,
)


def into_next_day(rule: str) -> str:
    """A weekly rule's days one day on: "every friday night at 12" is the midnight that ends
    Friday night, Saturday 00:00 (BYDAY=FR -> SA; weeknights MO-FR -> TU-SA)."""
    m = re.search(r"(?<=BYDAY=)[A-Z,]+", rule)
    if m is None or "FREQ=WEEKLY" not in rule:
        return rule
    days = sorted({CODES[(CODES.index(code) + 1) % 7] for code in m.group(0).split(",")}, key=CODES.index)
    return rule[: m.start()] + ",".join(days) + rule[m.end() :]


def _take_rule(scan: Scanner, *, first: bool) -> tuple[str | None, time | None]:
    # Monthly on a day of the month: "on the 1st of every month", "every month on the 15th".
    # "every last day of the month", "each 15th of the month" too. "On the last day of the
    # month" without "every" / "each" is one day (when.take_date), as on the web; "on the 15th
    # of the month" repeats, as before.
    m = (
        scan.take(
            r"\b(?:on\s+)?(?:the\s+)?(\d{1,2}|first|last)(?:st|nd|rd|th)?(?:\s+day)?\s+of\s+(?:every|each)\s+month\b"
        )
        or scan.take(
            r"\b(?:on\s+)?(?:every|each)\s+(?:the\s+)?(\d{1,2}|first|last)(?:st|nd|rd|th)?(?:\s+day)?\s+of\s+the\s+month\b"
        )
        or scan.take(
            r"\b(?:on\s+)?(?:the\s+)?(\d{1,2}|first)(?:st|nd|rd|th)?(?:\s+day)?\s+of\s+the\s+month\b"
        )
    )
    if m:
        day = m.group(1).lower()
        return f"FREQ=MONTHLY;BYMONTHDAY={-1 if day == 'last' else 1 if day == 'first' else int(day)}", None
    m = scan.take(
        r"\b(?:(?:every|each)\s+month|monthly)\s+on\s+the\s+(\d{1,2}|first|last)(?:st|nd|rd|th)?(?:\s+day)?\b"
        r"(?!\s+" + _DAY + r"s?\b)"
    )
    if m:
        day = m.group(1).lower()
        return f"FREQ=MONTHLY;BYMONTHDAY={-1 if day == 'last' else 1 if day == 'first' else int(day)}", None
    # Monthly on the nth weekday: "the first Monday of every month".
    m = scan.take(
        r"\b(?:on\s+)?(?:the\s+|every\s+)?" + _PLACE + r"\s+(" + _DAY + r")\s+of\s+"
        r"(?:every|each|the)\s+month\b"
    )
    if m:
        return f"FREQ=MONTHLY;BYDAY={_placed(m.group(1), m.group(2))}", None
    # In some months of each year: "the first Monday of Jan, Apr, Jul and Oct", "every last
    # Friday of June", "the first Monday of every quarter" (January, April, July, October).
    # One month without "every" is one day ("the first monday of june"). Before, no repeat.
    m = scan.find(
        r"\b(?:on\s+)?(?:the\s+|(every\s+|each\s+))?" + _PLACE + r"\s+(" + _DAY + r")s?\s+(?:of|in)\s+"
        r"(?:((?:every|each|the)\s+quarter)|(" + _MONTHS + r"))\b(?:\s+(?:every|each)\s+year\b)?"
    )
    if m:
        months = _QUARTER_MONTHS if m.group(4) else ",".join(str(n) for n in _month_numbers(m.group(5)))
        if m.group(1) or m.group(4) or "," in months:
            scan.mask(m.start(), m.end())
            return f"FREQ=YEARLY;BYMONTH={months};BYDAY={_placed(m.group(2), m.group(3))}", None
    # "every first Monday", "every last Friday", "every 3rd Thursday": that place in each month.
    # "every 2nd/second/other Tuesday" is every other week (below), as people mostly mean it.
    m = scan.take(r"\b(?:every|each)\s+(first|third|fourth|last|1st|3rd|4th)\s+(" + _DAY + r")s?\b")
    if m:
        return f"FREQ=MONTHLY;BYDAY={_placed(m.group(1), m.group(2))}", None
    m = scan.take(
        r"\bevery\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:day|week|month|year|hour|"
        + _DAY
        + r"s?\b))(?:\s+of\s+the\s+month)?"
    )
    if m:
        return f"FREQ=MONTHLY;BYMONTHDAY={int(m.group(1))}", None
    # How many times a week or a month: "twice a week" (Mondays and Thursdays), "three times a
    # week" (Mondays, Wednesdays and Fridays), "twice a month" (the 1st and the 15th).
    m = scan.find(_TIMES_A)
    if m:
        times = 2 if m.group(1).lower().startswith(("tw", "2")) else 3
        rule = _TIMES_A_RULES.get((times, m.group(2).lower()))
        if rule:
            scan.mask(m.start(), m.end())
            return rule, None
    # Yearly on a date: "every March 3rd", "every year on 3 March" (the date is DTSTART).
    m = scan.take(r"\b(?:every|each)\s+(" + MONTH + r")\s+(\d{1,2})(?:st|nd|rd|th)?\b")
    if m:
        return f"FREQ=YEARLY;BYMONTH={MONTH_NAMES[m.group(1).lower()]};BYMONTHDAY={int(m.group(2))}", None
    # Weekdays and weekends.
    m = scan.take(
        r"\b(?:(?:every|each|on)\s+(?:single\s+)?(?:week\s*days?|work\s*days?|working\s+days?|business\s+days?)|week\s*days|"
        r"monday\s+(?:through|thru|to|-)\s+friday|mon\s*-\s*fri)\b"
    )
    if m:
        return WEEKDAYS_RULE, None
    # "every weeknight", "weeknights", "on weeknights": Monday to Friday, at night (20:00)
    # unless a time is said, as the web quick-add reads it.
    m = scan.take(r"\b(?:(?:every|each)\s+week\s*nights?|(?:on\s+)?week\s*nights)\b")
    if m:
        return WEEKDAYS_RULE, PARTS_OF_DAY["night"]
    m = scan.take(r"\b(?:(?:every|each|on)\s+weekends?|weekends)\b")
    if m:
        return "FREQ=WEEKLY;BYDAY=SA,SU", None
    # Named weekdays: "every Monday and Wednesday", "every other Tuesday", "on Mondays".
    m = scan.take(r"\b(?:every|each)\s+(other\s+|second\s+|2nd\s+)?(" + _DAYS + r")\b")
    if m is None:
        m = scan.take(r"\b(?:on\s+)?()(" + _PLURAL_DAYS + r"(?:\s*(?:,|and|&|\+|or)\s*" + _DAY + r"s?)*)\b")
    if m:
        interval = 2 if m.group(1) else 1
        return _with_interval("WEEKLY", interval, "BYDAY=" + ",".join(_days(m.group(2)))), None
    # "every 3 days", "every other week", "every two months".
    m = scan.take(
        r"\b(?:every|each)\s+(other|second|2nd|third|3rd|" + NUMBER + r")\s+(hour|day|week|month|year)s?\b"
    )
    if m:
        freq = _UNIT_FREQ[m.group(2).lower()]
        rule = _with_interval(freq, _interval(m.group(1)))
        return rule + _weekly_days(scan, freq) + _monthly_day(scan, freq), None
    m = scan.take(r"\b" + _EVERY + r"\s+(hour|day|week|month|year|quarter)\b")
    if m:
        unit = m.group(1).lower()
        if unit == "quarter":
            return "FREQ=MONTHLY;INTERVAL=3" + _monthly_day(scan, "MONTHLY"), None
        freq = _UNIT_FREQ[unit]
        return f"FREQ={freq}" + _weekly_days(scan, freq) + _monthly_day(scan, freq), None
    m = scan.take(r"\b(?:every|each)\s+(morning|afternoon|evening|night)\b")
    if m:
        return "FREQ=DAILY", PARTS_OF_DAY[m.group(1).lower()]
    # As an adverb: "water the plants weekly", not "review the weekly report" (a word of the
    # title, as the web quick-add reads it too). First in a new task's words, before its title,
    # as the web quick-add reads it (its RECURRENCE_RULES words): "weekly review" is 'Review'
    # every week, "add daily standup" 'Standup' every day, "fortnightly review" 'Review' every
    # 2 weeks.
    m = scan.take(
        r"\b(daily|nightly|hourly|weekly|bi-?weekly|fortnightly|monthly|quarterly|yearly|annually)\b"
        r"(?=(?:[\s,]+" + _POLITE + r")*" + _AFTER_A_RULE + r")"
    )
    if m is None and scan.lead is not None and first:
        m = scan.take_at(_FIRST_WORD_RULE, scan.lead)
    elif m is None and scan.lead is None:
        # Not a new task's line (a name, a rename's new title): "fortnightly" first only, as before.
        m = scan.take(r"^[" + MASK + r"\s]*(fortnightly)\s+(?=[^\W\d_])")
    if m:
        word = m.group(1).lower()
        rule = _WORD_RULES[word]
        freq = rule.split(";")[0].removeprefix("FREQ=")
        at = PARTS_OF_DAY["night"] if word == "nightly" else None
        return rule + _weekly_days(scan, freq) + _monthly_day(scan, freq), at
    # "pay monthly rent on the 1st": "monthly" among a new task's title words and a day of the
    # month said in the line is the monthly rule on that day, the word staying in the title, as
    # the web quick-add reads it (monthlyOfTitle). "cancel monthly subscription": no rule.
    # A day no month has ("on the 45th") is no rule, as on the web.
    if first and scan.lead is not None and scan.find(r"\bmonthly\b"):
        said = scan.find(_ON_MONTH_DAY)
        if said and (not said.group(1).isdigit() or 1 <= int(said.group(1)) <= 31):
            return "FREQ=MONTHLY" + _monthly_day(scan, "MONTHLY"), None
    return None, None


# Polite words after a repeat said as an adverb go with it ("pay rent monthly please", "monthly
# thanks, tomorrow"), as on the web (quick-add.ts POLITE_END), when no title words follow them:
# read at first with what may end the rule's words (_AFTER_A_RULE), else again once the dates,
# tags and priority words are taken ("pay rent monthly thanks tomorrow"). Before, "please"
# alone, followed by anything ("pay rent monthly please call mom tomorrow": a monthly 'Pay rent
# please call mom'; the web's 'pay rent monthly please call mom', no repeat).
_POLITE = r"(?:please|pls|thanks|thank\s+you)\b"
_AFTER_A_RULE = r"(?=\s*(?:$|[,.;:!?)\u2063]|(?:on|at|in|from|starting|until|for|and|by|basis|too)\b))"

_FIRST_WORD_RULE = re.compile(
    r"[" + MASK + r"\s]*(daily|nightly|weekly|fortnightly|monthly|yearly|annually)\s+(?=[^\W_])",
    re.IGNORECASE,
)


def _weekly_days(scan: Scanner, freq: str) -> str:
    """'weekly on Mondays': the days after a weekly phrase."""
    if freq != "WEEKLY":
        return ""
    m = scan.take(r"\b(?:on\s+)(" + _DAYS + r")\b")
    return ";BYDAY=" + ",".join(_days(m.group(1))) if m else ""


# "on the 1st", "on the last day" (the web quick-add's ON_MONTH_DAY); not "on the 1st of march",
# nor "on the 1st Monday" (_ON_PLACED_DAY).
_ON_MONTH_DAY = re.compile(
    r"\bon\s+the\s+(\d{1,2}|first|last)(?:st|nd|rd|th)?(?:\s+day)?\b(?!\s+of\b)(?!\s+" + _DAY + r"s?\b)",
    re.IGNORECASE,
)
# "on the first Monday", "on the 2nd tuesday (of the month)" (the web's ON_PLACED_DAY).
_ON_PLACED_DAY = re.compile(
    r"\bon\s+the\s+" + _PLACE + r"\s+(" + _DAY + r")s?\b(?:\s+of\s+(?:the|each|every)\s+month\b)?",
    re.IGNORECASE,
)


def _placed(place: str, day: str) -> str:
    """'last', 'Friday' -> '-1FR'."""
    return f"{_ORDINALS[place.lower()]}{_days(day)[0]}"


def _month_numbers(said: str) -> list[int]:
    """'Jan, Apr, Jul and Oct' -> [1, 4, 7, 10], in the year's order."""
    found = {MONTH_NAMES[word.lower()] for word in re.findall(MONTH, said, re.IGNORECASE)}
    return sorted(found)


def _monthly_day(scan: Scanner, freq: str) -> str:
    """'every 3 months on the 15th' / 'on the first Monday': the day of a monthly rule."""
    if freq != "MONTHLY":
        return ""
    placed = scan.take(_ON_PLACED_DAY)
    if placed:
        return f";BYDAY={_placed(placed.group(1), placed.group(2))}"
    m = scan.take(_ON_MONTH_DAY)
    if not m:
        return ""
    day = m.group(1).lower()
    return f";BYMONTHDAY={-1 if day == 'last' else 1 if day == 'first' else int(day)}"


# -- how long a series runs: "until Dec 20", "for 3 weeks" ------------------------------------
@dataclass(frozen=True)
class Bound:
    """The end of a series the user said: its last day ("until Dec 20"), or how long it runs
    from its first due day ("for 3 weeks"), which is only known once the first due is."""

    last_day: date | None = None
    span: relativedelta | None = None


_UNTIL_WORDS = r"\b(?:until|till|til|through|thru|ending(?:\s+on)?|up\s+to(?:\s+and\s+including)?)\s+"
# Days people end a series on that are no date take_date reads. Only as a bound: "buy gifts
# before christmas" stays a title's words, as the web quick-add (chrono) reads it.
_HOLIDAY = re.compile(
    r"(?:(?P<eve>christmas\s+eve)|(?P<day>christmas(?:\s+day)?|xmas)|(?P<new>new\s+year'?s\s+eve))\b",
    re.IGNORECASE,
)
_HOLIDAY_DAYS = {"eve": (12, 24), "day": (12, 25), "new": (12, 31)}
# "through the 15th", "till the 15th", "up to the 15th": a day of the month alone, after any
# word that ends a series (take_date reads it only after "until", "by", "on", ...), as the web
# quick-add reads it (DAY_OF_MONTH). "the 15th of march" is a date take_date reads.
_DAY_OF_MONTH = re.compile(r"the\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s+of\b)", re.IGNORECASE)
# "until march", "until the end of march": a month said alone (no day after it).
_MONTH_ALONE = re.compile(
    r"(?:the\s+end\s+of\s+)?(" + MONTH + r")\b(?!\.?\s*\d)(?!\s+(?:the\s+)?\d)(?!['\u2019-])", re.IGNORECASE
)
_SPAN_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}


def take_until(scan: Scanner, now: datetime) -> Bound | None:
    """Take the end of a series said after its rule: "until Dec 20", "till next friday",
    "through the end of the month", "until christmas", "for 3 weeks", "for the next 10 days",
    "thru dec 20", "ending (on) dec 20", "up to dec 20", "through the 15th".
    Without it the date was read as the first due day and the series never ended ("take
    vitamins every morning until dec 20" began on the 20th). Only a day: "until 5pm" is the
    task's time, "for 2 hours" how long each one takes, and "until it's done" title words."""
    span = scan.take(
        r"\bfor\s+(?:the\s+next\s+|another\s+)?("
        + NUMBER
        + r")\s+(day|week|month|year)s?\b(?!\s+(?:ago|later))"
    )
    if span:
        unit = _SPAN_UNITS[span.group(2).lower()]
        return Bound(span=relativedelta(**{unit: number(span.group(1))}))
    for lead in re.finditer(_UNTIL_WORDS, scan.masked, re.IGNORECASE):
        said = scan.masked[lead.end() :]
        holiday = _HOLIDAY.match(said)
        if holiday:
            month, day = _HOLIDAY_DAYS[str(holiday.lastgroup)]
            last = date(now.year, month, day)
            scan.mask(lead.start(), lead.end() + holiday.end())
            return Bound(last_day=last if last >= now.date() else last.replace(year=now.year + 1))
        month_alone = _MONTH_ALONE.match(said)
        if month_alone:
            # "until march", "till the end of march": that month's last day, the next March
            # from this month on (as the web quick-add reads it).
            month = MONTH_NAMES[month_alone.group(1).lower()]
            year = now.year if month >= now.month else now.year + 1
            scan.mask(lead.start(), lead.end() + month_alone.end())
            return Bound(last_day=date(year, month, 1) + relativedelta(day=31))
        day_of_month = _DAY_OF_MONTH.match(said)
        if day_of_month:
            # The first such day after today, as take_date reads "until the 15th".
            wanted = int(day_of_month.group(1))
            for months in range(3):
                candidate = now.date() + relativedelta(months=months, day=wanted)
                if candidate.day == wanted and candidate > now.date():
                    scan.mask(lead.start(), lead.end() + day_of_month.end())
                    return Bound(last_day=candidate)
            continue
        # The lead word stays with the date: take_date reads "until friday", "until the 20th".
        # Its date may begin inside the lead: the "on" of "ending on dec 20", the "to" of "up
        # to dec 20" (take_date reads "on dec 20", "to dec 20").
        sub = Scanner(scan.masked[lead.start() :])
        found, moment = take_date(sub, now.date(), now)
        taken = [i for i, (a, b) in enumerate(zip(sub.masked, sub.text, strict=True)) if a != b]
        if found is None or moment is not None or not taken or taken[0] > lead.end() - lead.start():
            continue
        if len(taken) != taken[-1] - taken[0] + 1:
            continue  # words of the date elsewhere in the message: not one phrase after "until"
        scan.mask(lead.start(), lead.start() + taken[-1] + 1)
        return Bound(last_day=found.day)
    return None


# "every sunday starting january", "starting in march", "starting from december": a month said
# alone after "starting" is where the series starts (its 1st), as the web quick-add reads it
# (takeStart, 19efc32); "may" is a verb too, and a word after the month ("starting march
# madness") makes it the title's.
_START_MONTH = re.compile(
    r"\bstarting(?:\s+(?:in|from|on))?\s+(?:the\s+(?:beginning|start)\s+of\s+)?(?!may\b)("
    + MONTH
    + r")\b\.?(?=\s*(?:$|[,.;:!?)\u2063]|(?:and|at|until|till|through|thru|for|#)\b))",
    re.IGNORECASE,
)


def take_start_month(scan: Scanner, now: datetime) -> date | None:
    """The first day of the month a series is said to start in ("every sunday starting
    january": Jan 1, the first such day from today on), its words taken out; None if none."""
    m = scan.take(_START_MONTH)
    if m is None:
        return None
    first = date(now.year, MONTH_NAMES[m.group(1).lower()], 1)
    return first if first >= now.date() else first.replace(year=now.year + 1)


def bounded(rule: str, bound: Bound, first: datetime) -> str:
    """The rule ending on the bound's last day, at its end in the user's zone (`first`, the
    series' first due time, is in it), as UTC: UNTIL=20261220T225959Z. A rule that already has
    COUNT ("10 times"), or a last day before the first due day, is left as it is: RFC 5545
    forbids both bounds, and a series that ends before it starts would have no task."""
    last = first.date() + bound.span - timedelta(days=1) if bound.span is not None else bound.last_day
    if last is None or "COUNT=" in rule.upper() or last < first.date():
        return rule
    end = datetime.combine(last, time(23, 59, 59), tzinfo=first.tzinfo).astimezone(UTC)
    return f"{rule};UNTIL={end.strftime('%Y%m%dT%H%M%SZ')}"


def parse_rule(text: str) -> str | None:
    """An RRULE body from a rule, plain word or English phrase; None when none is found."""
    stripped = text.strip().rstrip(".").strip()
    if not stripped:
        return None
    if "FREQ=" in stripped.upper():
        return stripped.upper().removeprefix("RRULE:")
    if stripped.lower() in PLAIN_WORDS:
        return PLAIN_WORDS[stripped.lower()]
    found = take_recurrence(Scanner(stripped))
    return found.rrule if found else None


def _parts(rule: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in rule.split(";") if "=" in part)


def first_due(rule: str, now: datetime, at: time | None = None, start: date | None = None) -> datetime:
    """The first due time of a new series: its first occurrence after now (or on/after
    `start`) at `at` (09:00 by default), in the zone of `now`."""
    at = at or DEFAULT_TIME
    parts = _parts(rule)
    base_day = start or now.date()
    base = datetime.combine(base_day, at)
    naive_now = now.replace(tzinfo=None)
    anchored = any(k in parts for k in ("BYDAY", "BYMONTHDAY", "BYMONTH", "BYYEARDAY", "BYWEEKNO"))
    if not anchored and parts.get("FREQ") == "HOURLY" and start is None:
        return (naive_now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)).replace(
            tzinfo=now.tzinfo
        )
    if not anchored:
        # Unanchored rules start at the next slot: today's if still ahead, else tomorrow's.
        if start is None and base <= naive_now:
            base += timedelta(days=1)
        return base.replace(tzinfo=now.tzinfo)
    body = ";".join(f"{k}={v}" for k, v in parts.items() if k not in ("COUNT", "UNTIL", "INTERVAL"))
    try:
        # A rule that never occurs (typed as a raw FREQ= body) would have dateutil walk to year
        # 9999 below; the bounded check refuses it at once, and task-service says why.
        check_occurs(canonical_rule(body), None)
    except ValueError:
        return base.replace(tzinfo=now.tzinfo)
    series = rrulestr(body, dtstart=base - timedelta(days=1))
    after = base - timedelta(seconds=1) if start is not None else max(base - timedelta(seconds=1), naive_now)
    found = series.after(after)
    first: datetime = found if found is not None else base
    return first.replace(tzinfo=now.tzinfo)


def skip_to(
    rule: str, due_at: datetime, now: datetime, repeat_from: str | None = "due", zone: str | None = None
) -> datetime | None:
    """Where "skip this one" moves a repeating task due at `due_at`: where completing it `now`
    would put the next one (todo_common.next_due, as recurring-service makes it and the web's
    "Skip this one" moves it): repeating from its due date, the rule's first slot strictly after
    both due_at and now, with due_at as DTSTART on the wall clock of the task's `timezone` (UTC
    when None); repeating from completion, now plus one interval of the rule. UNTIL bounds it;
    None when the series has none. COUNT is left to the caller (it counts instances, which only
    task-service knows)."""
    return next_due(
        canonical_rule(rule).without("COUNT"),
        due_at=due_at,
        finished_at=now,
        repeat_from="completion" if repeat_from == "completion" else "due",
        zone=load_zone(zone),
    )


def describe(rule: str, zone: str = "UTC") -> str:
    """The rule in words, as the recurring service's preview says it: 'every Monday and
    Wednesday', 'every 3 days', 'every day, until December 20, 2026' (UNTIL is a UTC time: its
    day is said in the user's zone, where it is the day they said)."""
    try:
        return describe_rule(canonical_rule(rule), tz=ZoneInfo(zone))
    except ValueError:
        return "on a schedule"
