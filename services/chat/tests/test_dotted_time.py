"""A dotted time after "at", as written in Europe. User test (Fri 27 Nov 2026, Berlin): "meet at
10.30" added 'Meet.30' at 10:00 ("at 10" was read, ".30" left in the title). Now "at 10.30",
"at 9.15", "at 14.45" are 10:30, 09:15, 14:45 (the bare hour read as "at 10:30" is: "at 5.30"
17:30) and leave the title, as the web quick-add reads them. Guards: "7.45pm" 19:45 as before;
without "at" a dotted number stays words ("pay 10.50 to sam", "version 3.5", "meet anna 10.30"),
"10.12." a date (f69e4c8). "at 10.50 euros" is money: it stays words (before: 'Sell shares.50
euros' at 10:00)."""

import pytest
from tests.talk import FRIDAY
from tests.test_part_of_day_hour import task


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("meet at 10.30", ("Meet", "2026-11-28 10:30", None)),
        ("add call the bank at 9.15", ("Call the bank", "2026-11-28 09:15", None)),
        ("add standup friday at 9.15", ("Standup", "2026-12-04 09:15", None)),
        ("add pick up kids at 5.30", ("Pick up kids", "2026-11-27 17:30", None)),
        ("add train at 16.45", ("Train", "2026-11-27 16:45", None)),
        ("add call dad friday evening at 8.30", ("Call dad", "2026-12-04 20:30", None)),
    ],
)
def test_a_dotted_time_after_at_is_that_time(message: str, expected: tuple[str | None, ...]) -> None:
    assert task(message, FRIDAY) == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("add dinner 7.45pm", ("Dinner", "2026-11-27 19:45", None)),
        ("pay 10.50 to sam", ("Pay 10.50 to sam", None, None)),
        ("add read version 3.5", ("Read version 3.5", None, None)),
        ("add meet anna 10.30", ("Meet anna 10.30", None, None)),
        ("quote for Kessler 10.12.", ("Quote for Kessler", "2026-12-10 09:00", None)),
        ("add call dad at 10:30", ("Call dad", "2026-11-28 10:30", None)),
    ],
)
def test_dotted_numbers_without_at_read_as_before(message: str, expected: tuple[str | None, ...]) -> None:
    assert task(message, FRIDAY) == expected


def test_money_after_at_stays_words() -> None:
    assert task("add sell shares at 10.50 euros", FRIDAY) == ("Sell shares at 10.50 euros", None, None)
