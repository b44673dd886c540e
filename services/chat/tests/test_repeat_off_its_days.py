"""Making a task repeat on days that exclude its due day moves it to the rule's first day.
User test (Friday 27 Nov 2026, Berlin): "make it repeat every monday and wednesday" on a task
due Saturday left the first instance on Saturday ("Tomorrow 07:45 · Every Mon and Wed"); the
same with "every weekday". Now the due date moves to the rule's first slot on or after the
current due day, at the same time, and the reply says so. A rule that has the due day (every
Saturday, daily), or a time said with the rule, read as before (guards)."""

import pytest
from tests.conftest import FakeTasks
from tests.talk import Talk, local


async def school_run(fake: FakeTasks, rule: str) -> str:
    fake.seed("alice", title="School run", due_at="2026-11-28T06:45:00Z")  # Saturday 07:45
    talk = Talk(fake)
    await talk.say("when is the school run?")
    return await talk.say(rule)


def due(fake: FakeTasks) -> tuple[str | None, str | None]:
    [task] = fake.tasks.values()
    return local(task["due_at"]), task["rrule"]


@pytest.mark.parametrize(
    ("rule", "said", "rrule"),
    [
        (
            "make it repeat every monday and wednesday",
            "every Monday and Wednesday",
            "FREQ=WEEKLY;BYDAY=MO,WE",
        ),
        ("make it repeat every weekday", "every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("make it repeat every tuesday", "every Tuesday", "FREQ=WEEKLY;BYDAY=TU"),
    ],
)
async def test_the_first_instance_moves_to_the_rules_first_day(
    fake: FakeTasks, rule: str, said: str, rrule: str
) -> None:
    answer = await school_run(fake, rule)
    first = "Tuesday" if rrule.endswith("=TU") else "Monday"
    assert answer == (
        f"'School run' now repeats {said}, next due on {first} at 07:45 "
        "(moved from Saturday, which is not one of its days)."
    )
    assert due(fake) == (f"{'Tue 01 Dec' if first == 'Tuesday' else 'Mon 30 Nov'} 07:45", rrule)


@pytest.mark.parametrize(
    ("rule", "when"),
    [
        ("make it repeat every saturday", "Sat 28 Nov 07:45"),
        ("make it repeat daily", "Sat 28 Nov 07:45"),
        ("make it repeat every monday and wednesday at 8am", "Mon 30 Nov 08:00"),
    ],
)
async def test_a_rule_with_the_due_day_or_a_time_reads_as_before(
    fake: FakeTasks, rule: str, when: str
) -> None:
    answer = await school_run(fake, rule)
    assert "moved from" not in answer
    assert due(fake)[0] == when
