"""How the reader writes dates and times, from their timezone: one way for every service (the
assistant's replies, the activity summaries, the reminder messages), the web app's rule
(frontend/lib/time.ts): English words, and the order of day and month ("03/02" is 3 February
in Britain, March 2 in the US) and the hour cycle ("19:00" in Britain, "7:00 PM" in the US)
of the readers of the zone's country (the tz database's zone.tab, shipped by the `tzdata`
package with the zones themselves), as the web app writes them for a reader of that country
(displayLocale). The services are told only an IANA zone (the chat request's `timezone`, a
task's zone, the activity list's ?tz=), not the reader's locale. UTC, zones of no country
and fixed offsets: the US way, as the web app writes for a reader whose locale it does not
know; so an API client that names no zone reads the same style from every service.

    moment_text:  'Nov 25, 2026, 7:00 PM EST' in New York (and '... 7:00 PM UTC' in UTC),
                  '25 Nov 2026, 19:00 GMT' in London
    clock:        '7:00 PM', '19:00'
    calendar_day: 'Tue, Dec 8', 'Tue 8 Dec'"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo

# From CLDR 48 (ICU 78.2, Node 20's Intl), by the web app's rule (frontend/lib/time.ts
# displayLocale) for the likely locale of each country of the tz database (iso3166.tab):
# und-XX maximized to its language, e.g. "de-DE", "en-GB", "hi-IN". Checked against the web's
# rule by frontend/lib/region-styles.test.ts, which says what to paste here when CLDR changes
# (so they are codes apart by spaces, not a list literal: SIM905).
#
# Countries whose numeric dates put the month first ("3/2" is March 2): the US and its
# territories, Canada, the Philippines ..., and the year-month-day countries (China, Japan,
# Korea: month before day).
MONTH_FIRST = frozenset(
    "AF AQ AS BI BQ BT CA CN CW GL GU HM HT IR JP KP KR LK MH MN MP MV NE NP PA PG PH PR PW PY "  # noqa: SIM905
    "SO TK TV TW UM US VI VU WS ZA".split()
)
# Countries whose clocks run 12 hours with AM/PM ("7:00 PM"); the others 24 ("19:00").
TWELVE_HOURS = frozenset(
    "AE AG AL AQ AR AS AU BB BD BH BM BN BO BQ BS BT CA CC CL CO CR CU CW CY DJ DM DO DZ EC EG "  # noqa: SIM905
    "EH ER ET FJ FM GD GH GM GR GT GU GY HK HM HN HT IN IQ JM JO KH KI KN KP KR KW KY LB LC LR "
    "LS LY MH MO MP MR MV MW MX MY NA NI NZ OM PA PE PG PH PK PR PS PW PY QA SA SB SD SG SL SO "
    "SS SV SY SZ TC TD TK TN TO TT TV TW UM US UY VC VE VG VI VU WS YE ZM".split()
)


@dataclass(frozen=True)
class Style:
    """How a reader writes a date and a time of day."""

    day_first: bool  # "3/2" is 3 February; "Tue 8 Dec", not "Tue, Dec 8"
    twelve_hours: bool  # "7:00 PM", not "19:00"


US = Style(day_first=False, twelve_hours=True)


def style(zone: str | tzinfo | None) -> Style:
    """The style of the readers of `zone` (a name, or a datetime's tzinfo): US for UTC, an
    unknown zone, or a fixed offset."""
    key = zone if isinstance(zone, str) else zone.key if isinstance(zone, ZoneInfo) else None
    country = _country(key) if key else None
    if country is None:
        return US
    return Style(day_first=country not in MONTH_FIRST, twelve_hours=country in TWELVE_HOURS)


def clock(moment: datetime) -> str:
    """'7:00 PM', or '19:00' where the moment's zone writes 24 hours ('09:00', as the web app)."""
    if not style(moment.tzinfo).twelve_hours:
        return f"{moment.hour:02d}:{moment.minute:02d}"
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def calendar_day(
    day: date, zone: str | tzinfo | None, *, weekday: str = "%a", month: str = "%b", year: bool = False
) -> str:
    """A day as the readers of `zone` write it (a datetime's own zone when None): 'Tue, Dec 8',
    or day first 'Tue 8 Dec'; `weekday` '%A' 'Tuesday', '' none; `month` '%B' 'December';
    `year`: 'Tue, Dec 8, 2027', 'Tue 8 Dec 2027'."""
    if zone is None and isinstance(day, datetime):
        zone = day.tzinfo
    named = f"{day:{weekday}}" if weekday else ""
    if style(zone).day_first:
        return " ".join(
            part for part in (named, str(day.day), f"{day:{month}}", str(day.year) if year else "") if part
        )
    text = f"{day:{month}} {day.day}" + (f", {day.year}" if year else "")
    return f"{named}, {text}" if named else text


def moment_text(moment: datetime, zone: tzinfo = UTC) -> str:
    """A moment (aware; naive is taken as UTC) in `zone` as its readers write it, with the
    zone's abbreviation: 'Nov 25, 2026, 7:00 PM EST' in New York, '25 Nov 2026, 19:00 GMT'
    in London, 'Nov 25, 2026, 7:00 PM UTC' (the web's 'Nov 25, 2026, 7:00 PM' and
    '25 Nov 2026, 19:00', with the zone a reader of another zone needs)."""
    local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(zone)
    day = calendar_day(local, zone, weekday="", year=True)
    return f"{day}, {clock(local)} {local.tzname() or 'UTC'}"


@cache
def _country(zone: str) -> str | None:
    """The country of a zone ("Europe/London": "GB"), also by an old name ("Asia/Calcutta",
    "US/Eastern", "Europe/Kiev": browsers still send some), through the tz database's links."""
    countries, links = _tables()
    return countries.get(zone) or countries.get(links.get(zone, ""))


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """zone.tab's zone → country, and tzdata.zi's link → zone."""
    data = resources.files("tzdata.zoneinfo")
    countries: dict[str, str] = {}
    for line in (data / "zone.tab").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            country, _, name = line.split("\t")[:3]
            countries[name] = country
    links: dict[str, str] = {}
    for line in (data / "tzdata.zi").read_text(encoding="utf-8").splitlines():
        if line.startswith("L "):
            _, target, name = line.split()
            links[name] = target
    return countries, links
