"""The zone a task's times are told in (todo_common.recurrence.zone_or)."""

from datetime import UTC
from zoneinfo import ZoneInfo

import pytest
from todo_common.recurrence import load_zone, zone_or

VIENNA = ZoneInfo("Europe/Vienna")


def test_the_tasks_own_zone_wins() -> None:
    assert zone_or("Asia/Kolkata", VIENNA) == ZoneInfo("Asia/Kolkata")


@pytest.mark.parametrize("name", [None, "", "Mars/Olympus_Mons", "x" * 65, "../etc/passwd"])
def test_no_zone_or_an_unknown_one_falls_back(name: str | None) -> None:
    assert zone_or(name, VIENNA) is VIENNA
    assert zone_or(name, UTC) is UTC


def test_load_zone_still_refuses_what_zone_or_forgives() -> None:
    with pytest.raises(ValueError, match="IANA"):
        load_zone("Mars/Olympus_Mons")
