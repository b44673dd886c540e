"""Weekdays after "every" separated only by spaces are one list: "add gym every monday
wednesday friday at 7am" is 'Gym' on FREQ=WEEKLY;BYDAY=MO,WE,FR, first due on the first of
those days after now. Before, only the first day was the rule and the others were words of
the title ('Gym friday') or pushed the first due time a week later."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from chat_service.domain.parse import parse
from chat_service.domain.recurrence import parse_rule
from tests.conftest import FakeTasks
from tests.test_undo import Chat

# Friday 27 Nov 2026 at noon in Paris: the next Monday is the 30th.
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=ZoneInfo("Europe/Paris"))


def task(message: str) -> tuple[str | None, str | None, str | None]:
    """(title, due as local 'YYYY-MM-DD HH:MM', rrule) of the task a message adds."""
    request = parse(message, NOW)
    assert request.intent == "add", request
    c = request.changes
    return c.title, c.due.at.strftime("%Y-%m-%d %H:%M") if c.due else None, c.rrule


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "add gym every monday wednesday friday at 7am",
            ("Gym", "2026-11-30 07:00", "FREQ=WEEKLY;BYDAY=MO,WE,FR"),
        ),
        ("add gym every mon wed fri at 7am", ("Gym", "2026-11-30 07:00", "FREQ=WEEKLY;BYDAY=MO,WE,FR")),
        ("add gym every tue thu", ("Gym", "2026-12-01 09:00", "FREQ=WEEKLY;BYDAY=TU,TH")),
        ("add gym every tuesday thursday at 6pm", ("Gym", "2026-12-01 18:00", "FREQ=WEEKLY;BYDAY=TU,TH")),
        ("add standup every monday friday", ("Standup", "2026-11-30 09:00", "FREQ=WEEKLY;BYDAY=MO,FR")),
        ("add yoga every sat sun at 9", ("Yoga", "2026-11-28 09:00", "FREQ=WEEKLY;BYDAY=SA,SU")),
        ("add gym weekly on monday wednesday", ("Gym", "2026-11-30 09:00", "FREQ=WEEKLY;BYDAY=MO,WE")),
    ],
)
def test_weekdays_separated_by_spaces_are_one_list(message: str, expected: tuple[str | None, ...]) -> None:
    assert task(message) == expected


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("every monday wednesday friday", "FREQ=WEEKLY;BYDAY=MO,WE,FR"),
        ("every other tue thu", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH"),
    ],
)
def test_a_spaced_list_is_one_rule(text: str, rule: str) -> None:
    assert parse_rule(text) == rule


# Guards (pass before and after): lists with commas or "and", a possessive day word that
# starts the title, a day word later in the title, every weekday.
@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "add gym every monday, wednesday and friday at 7am",
            ("Gym", "2026-11-30 07:00", "FREQ=WEEKLY;BYDAY=MO,WE,FR"),
        ),
        (
            "add prep every monday friday's standup",
            ("Prep friday's standup", "2026-11-30 09:00", "FREQ=WEEKLY;BYDAY=MO"),
        ),
        (
            "add every monday call Friday's team",
            ("Call Friday's team", "2026-11-30 09:00", "FREQ=WEEKLY;BYDAY=MO"),
        ),
        ("add call mom every weekday", ("Call mom", "2026-11-30 09:00", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")),
    ],
)
def test_other_day_lists_and_titles_are_read_as_before(
    message: str, expected: tuple[str | None, ...]
) -> None:
    assert task(message) == expected


async def test_the_assistant_adds_one_series_on_the_three_days() -> None:
    fake = FakeTasks()  # Chat's clock: Wednesday 25 Nov 2026, 14:31 UTC
    said = await Chat(fake).say("add gym every monday wednesday friday at 7am")
    [added] = fake.tasks.values()
    assert (added["title"], added["rrule"], added["due_at"]) == (
        "Gym",
        "FREQ=WEEKLY;BYDAY=MO,WE,FR",
        "2026-11-27T07:00:00Z",
    )
    assert said.startswith("Added 'Gym'"), said
