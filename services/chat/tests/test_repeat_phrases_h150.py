"""User test (Priya, h146): repeat phrases the assistant read wrong, the task it adds and its
reply. "every 3 days from when I last did it" repeated from the due date with the words in the
title; now repeat_from "completion", said in the reply. "the first Monday of Jan, Apr, Jul and
Oct" was a one-off; now every year in those months. (test_quick_add_parity.py pins the readings
to the web's.)"""

from tests.conftest import FakeTasks
from tests.talk import Talk


def only_task(fake: FakeTasks) -> dict[str, object]:
    (task,) = fake.tasks.values()
    return {key: task.get(key) for key in ("title", "rrule", "repeat_from", "due_at")}


async def test_a_series_from_completion(fake: FakeTasks) -> None:
    said = await Talk(fake).say("add water plants every 3 days from when I last did it")
    assert said == (
        "Added 'Water plants', repeating every 3 days, counted from when you complete each one; "
        "the first one is due tomorrow at 09:00."
    )
    assert only_task(fake) == {
        "title": "Water plants",
        "rrule": "FREQ=DAILY;INTERVAL=3",
        "repeat_from": "completion",
        "due_at": "2026-11-28T08:00:00Z",
    }


async def test_making_a_task_repeat_from_completion(fake: FakeTasks) -> None:
    talk = Talk(fake)
    await talk.say("add water plants")
    said = await talk.say("make it repeat every 3 days after completion")
    assert said == (
        "'Water plants' now repeats every 3 days, counted from when you complete each one, "
        "next due tomorrow at 09:00."
    )
    assert only_task(fake)["repeat_from"] == "completion"


async def test_a_series_from_its_due_date_as_before(fake: FakeTasks) -> None:
    said = await Talk(fake).say("add water plants every 3 days")
    assert said == "Added 'Water plants', repeating every 3 days; the first one is due tomorrow at 09:00."
    assert only_task(fake)["repeat_from"] == "due"


async def test_some_months_of_each_year(fake: FakeTasks) -> None:
    said = await Talk(fake).say("add Quarterly review on the first Monday of Jan, Apr, Jul and Oct")
    assert said == (
        "Added 'Quarterly review', repeating every year on the first Monday of January, April, July and "
        "October; the first one is due Mon 4 Jan at 09:00."
    )
    assert only_task(fake)["rrule"] == "FREQ=YEARLY;BYMONTH=1,4,7,10;BYDAY=1MO"
