"""How the reader writes dates and times, from their timezone: the assistant is told only the
IANA zone (the chat request's `timezone`), not the browser's locale. The zone's country (the
tz database's zone.tab, shipped by the `tzdata` package with the zones themselves) says the
order of day and month ("03/02" is 3 February in Britain, March 2 in the US) and the hour
cycle ("19:00" in Britain, "7:00 PM" in the US), as the web app writes them for a reader of
that country (frontend/lib/time.ts displayLocale). UTC and zones of no country: the US way,
as before."""

from dataclasses import dataclass
from datetime import tzinfo
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
