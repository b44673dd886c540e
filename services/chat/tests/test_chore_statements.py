"""A chore said as a statement, and "every weeknight". User test (Friday 27 Nov 2026, Berlin):
"trash goes out every other wednesday night" replied "I couldn't find a task matching 'goes
out every other wednesday night'" ("trash" read as the verb of a delete); now it adds 'Trash
goes out', every other Wednesday at 20:00, as the web quick-add box reads the same line.
"Pack lunches every weeknight 8pm" kept 'every weeknight' in the title and was one task; now
it repeats Monday to Friday (FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR) at the time said, 20:00 when
none is. "Trash the old report" still deletes (guard)."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.talk import FRIDAY, Talk, local

WEEKNIGHTS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"


@pytest.mark.parametrize(
    ("message", "title", "due", "rrule"),
    [
        (
            "trash goes out every other wednesday night",
            "Trash goes out",
            "Wed 02 Dec 20:00",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
        ),
        ("pack lunches every weeknight 8pm", "Pack lunches", "Fri 27 Nov 20:00", WEEKNIGHTS),
        ("pack lunches every weeknight", "Pack lunches", "Fri 27 Nov 20:00", WEEKNIGHTS),
        ("read to the kids on weeknights at 7:30pm", "Read to the kids", "Fri 27 Nov 19:30", WEEKNIGHTS),
        ("homework check weeknights at 6pm", "Homework check", "Fri 27 Nov 18:00", WEEKNIGHTS),
    ],
)
def test_the_task_and_its_rule(message: str, title: str, due: str, rrule: str) -> None:
    request = parse(message, FRIDAY)
    c = request.changes
    assert request.intent == "add"
    assert (c.title, c.due.at.strftime("%a %d %b %H:%M") if c.due else None, c.rrule) == (title, due, rrule)


async def test_the_reported_trash_line_adds_the_series(fake: FakeTasks) -> None:
    answer = await Talk(fake).say("trash goes out every other wednesday night")
    assert answer.startswith("Added 'Trash goes out'")
    [task] = fake.tasks.values()
    assert (task["title"], local(task["due_at"]), task["rrule"]) == (
        "Trash goes out",
        "Wed 02 Dec 20:00",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
    )


@pytest.mark.parametrize(
    ("message", "ref"), [("trash the old report", "old report"), ("bin the draft", "draft")]
)
def test_trash_as_a_verb_still_deletes(message: str, ref: str) -> None:
    request = parse(message, FRIDAY)  # guard
    assert (request.intent, request.ref) == ("delete", ref)


def test_every_weeknight_is_no_weekly_rule_in_a_title() -> None:
    request = parse("add the weeknight dinner plan", FRIDAY)  # guard: no "every", no plural
    assert (request.intent, request.changes.title, request.changes.rrule) == (
        "add",
        "The weeknight dinner plan",
        None,
    )
