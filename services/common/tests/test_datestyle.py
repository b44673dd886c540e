"""One way to write a moment for every service (h124): as the readers of the zone write it,
with the zone's abbreviation; the assistant's clock and calendar_day put together."""

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from todo_common.datestyle import moment_text

# Wednesday 25 Nov 2026, 19:00 UTC.
AT = datetime(2026, 11, 25, 19, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("America/New_York", "Nov 25, 2026, 2:00 PM EST"),
        ("Europe/London", "25 Nov 2026, 19:00 GMT"),
        ("Europe/Berlin", "25 Nov 2026, 20:00 CET"),
        ("Australia/Sydney", "26 Nov 2026, 6:00 AM AEDT"),
        ("Asia/Tokyo", "Nov 26, 2026, 04:00 JST"),
        ("US/Pacific", "Nov 25, 2026, 11:00 AM PST"),  # an old name, as browsers send
        # UTC and zones of no country: the US way, as the assistant writes for them.
        ("UTC", "Nov 25, 2026, 7:00 PM UTC"),
        ("Etc/GMT+5", "Nov 25, 2026, 2:00 PM -05"),
    ],
)
def test_a_moment_as_the_readers_of_its_zone_write_it(zone: str, expected: str) -> None:
    assert moment_text(AT, ZoneInfo(zone)) == expected


def test_utc_fixed_offsets_and_naive_moments() -> None:
    assert moment_text(AT) == "Nov 25, 2026, 7:00 PM UTC"
    assert moment_text(datetime(2026, 1, 5, 7, 3, tzinfo=UTC)) == "Jan 5, 2026, 7:03 AM UTC"
    assert moment_text(datetime(2026, 1, 5, 0, 3)) == "Jan 5, 2026, 12:03 AM UTC"  # naive: UTC
    plus_one = timezone(timedelta(hours=1))
    assert moment_text(AT, plus_one) == "Nov 25, 2026, 8:00 PM UTC+01:00"
    # The same instant whatever zone it was given in.
    assert moment_text(AT.astimezone(ZoneInfo("Asia/Tokyo")), ZoneInfo("Europe/London")) == (
        "25 Nov 2026, 19:00 GMT"
    )
