"""Recurrence phrases to RRULE, the first due time of a series, the rule in words."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from chat_service.domain.recurrence import describe, first_due, parse_rule, take_recurrence
from chat_service.domain.text import Scanner

UTC = ZoneInfo("UTC")
NOW = datetime(2026, 11, 25, 14, 30, tzinfo=UTC)  # Wednesday


@pytest.mark.parametrize(
    ("text", "rule", "rest"),
    [
        ("take vitamins every day", "FREQ=DAILY", "take vitamins"),
        ("gym every Monday and Wednesday at 7am", "FREQ=WEEKLY;BYDAY=MO,WE", "gym at 7am"),
        ("pay rent on the 1st of every month", "FREQ=MONTHLY;BYMONTHDAY=1", "pay rent"),
        ("every month on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15", ""),
        ("check email every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "check email"),
        ("standup on weekdays", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "standup"),
        ("water the plants every 2 weeks", "FREQ=WEEKLY;INTERVAL=2", "water the plants"),
        ("every other week", "FREQ=WEEKLY;INTERVAL=2", ""),
        ("make it repeat every 3 days", "FREQ=DAILY;INTERVAL=3", ""),
        ("every other Tuesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", ""),
        ("yoga on Tuesdays and Thursdays", "FREQ=WEEKLY;BYDAY=TU,TH", "yoga"),
        ("every Mon, Wed and Fri", "FREQ=WEEKLY;BYDAY=MO,WE,FR", ""),
        ("the first Monday of every month", "FREQ=MONTHLY;BYDAY=1MO", ""),
        ("on the last day of every month", "FREQ=MONTHLY;BYMONTHDAY=-1", ""),
        ("clean every weekend", "FREQ=WEEKLY;BYDAY=SA,SU", "clean"),
        ("water plants weekly on Mondays", "FREQ=WEEKLY;BYDAY=MO", "water plants"),
        ("floss daily", "FREQ=DAILY", "floss"),
        ("renew it every year", "FREQ=YEARLY", "renew it"),
        ("biweekly", "FREQ=WEEKLY;INTERVAL=2", ""),
        ("daily for 10 times", "FREQ=DAILY;COUNT=10", ""),
    ],
)
def test_phrases(text: str, rule: str, rest: str) -> None:
    scan = Scanner(text)
    found = take_recurrence(scan)
    assert found is not None and found.rrule == rule
    assert scan.rest() == rest


@pytest.mark.parametrize(
    "text", ["finish the quarterly report", "send the weekly update", "buy milk", "monday meeting notes"]
)
def test_no_recurrence(text: str) -> None:
    assert take_recurrence(Scanner(text)) is None


def test_every_morning_gives_a_time() -> None:
    found = take_recurrence(Scanner("go running every morning"))
    assert found is not None and found.rrule == "FREQ=DAILY" and found.at == time(9, 0)


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        ("daily", "FREQ=DAILY"),
        ("weekdays", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=MO"),
        ("every 3 days", "FREQ=DAILY;INTERVAL=3"),
        ("nonsense", None),
        ("", None),
    ],
)
def test_parse_rule(value: str, rule: str | None) -> None:
    assert parse_rule(value) == rule


@pytest.mark.parametrize(
    ("rule", "at", "expected"),
    [
        ("FREQ=DAILY", None, "2026-11-26 09:00"),  # 09:00 today has passed
        ("FREQ=DAILY", time(20, 0), "2026-11-25 20:00"),
        ("FREQ=WEEKLY;BYDAY=MO,WE", time(7, 0), "2026-11-30 07:00"),
        ("FREQ=WEEKLY;BYDAY=WE", time(18, 0), "2026-11-25 18:00"),
        ("FREQ=MONTHLY;BYMONTHDAY=1", None, "2026-12-01 09:00"),
        ("FREQ=WEEKLY;INTERVAL=2", None, "2026-11-26 09:00"),
    ],
)
def test_first_due(rule: str, at: time | None, expected: str) -> None:
    assert first_due(rule, NOW, at).strftime("%Y-%m-%d %H:%M") == expected


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=DAILY", "every day"),
        ("FREQ=DAILY;INTERVAL=3", "every 3 days"),
        ("FREQ=WEEKLY;BYDAY=MO,WE", "every Monday and Wednesday"),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday"),
        ("FREQ=WEEKLY;INTERVAL=2", "every other week"),
        ("FREQ=MONTHLY;BYMONTHDAY=1", "on the 1st of every month"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "on the last Friday of every month"),
    ],
)
def test_describe(rule: str, words: str) -> None:
    assert describe(rule) == words


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=HOURLY;BYMONTH=4;BYMONTHDAY=31;BYDAY=MO",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=MONTHLY;BYDAY=6MO",
    ],
)
def test_first_due_of_a_rule_that_never_occurs_does_not_walk_to_year_9999(
    rule: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """dateutil looked for the first occurrence until year 9999 (seconds of CPU for an hourly
    one); the bounded check answers first, and the task-service refuses the rule."""
    import chat_service.domain.recurrence as recurrence

    def walk(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("dateutil walked a rule that never occurs")

    monkeypatch.setattr(recurrence, "rrulestr", walk)
    now = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    assert first_due(rule, now) == datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
