"""Brief (Fri 27 Nov 2026, Berlin), each as the web quick-add reads it (5f2334c and this change):

- a time after "around", "~" or "@": "add meet anna around 10.30" kept 'around 10.30' in the
  title, "add meet anna ~10:30" left '~'; now 10:30, out of the title ("@ 10.30", "around 10",
  "around 10pm", "~10.30", "@10pm" too). An amount ("around 10 people", "around 10.50 euros",
  "walk around 10 minutes", "~10 apples") and a time glued to a word ("bob@10.30") stay words.
- a day of next month: "next month on the 15th", "on the 15th next month", "the 15th of next
  month" were next month's 1st with 'on the 15th' left in the title; now Dec 15 (a shorter
  month's last), "next month on the 3rd at 10" Dec 3 10:00.
- 12 on a weekday's night in a repeat: "every friday night at 12" repeated on Friday 00:00 (the
  midnight that begins Friday); now the midnight that ends Friday night, Saturday 00:00
  (BYDAY=SA); "every weeknight at 12" Tuesday to Saturday 00:00. "friday night at 12am" (one
  day) is Saturday 00:00 as "friday night at 12" is, 'night' out of the title.
- "plan next weekend" said plainly added a task 'Plan' (due next Saturday) and "can you plan
  next weekend" showed this weekend; both list next weekend's tasks, as "What do I have next
  weekend?" does, then "Tell me what to move, add or prioritise."
"""

import pytest
from tests.conftest import FakeTasks
from tests.talk import Talk
from tests.test_part_of_day_hour import task
from tests.test_plan_my_week import PLAN_THEN
from tests.test_undo import Chat, titles


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("add meet anna around 10.30", ("Meet anna", "2026-11-28 10:30", None)),
        ("add meet anna ~10:30", ("Meet anna", "2026-11-28 10:30", None)),
        ("add meet anna ~10.30", ("Meet anna", "2026-11-28 10:30", None)),
        ("add meet anna around 9.15", ("Meet anna", "2026-11-28 09:15", None)),
        ("add meet anna around 13.30", ("Meet anna", "2026-11-28 13:30", None)),
        ("add meet anna @10pm", ("Meet anna", "2026-11-27 22:00", None)),
        ("add meet anna ~10pm", ("Meet anna", "2026-11-27 22:00", None)),
        ("add meet anna @10", ("Meet anna", "2026-11-28 10:00", None)),
        ("add email bob@10.30", ("Email bob@10.30", None, None)),
        ("add dentist next month on the 15th", ("Dentist", "2026-12-15 09:00", None)),
        ("add dentist next month on the 3rd at 10", ("Dentist", "2026-12-03 10:00", None)),
        ("add dentist on the 15th next month", ("Dentist", "2026-12-15 09:00", None)),
        ("add dentist the 15th of next month", ("Dentist", "2026-12-15 09:00", None)),
        ("add dentist next month, on the 31st", ("Dentist", "2026-12-31 09:00", None)),
        ("add lock up every friday night at 12", ("Lock up", "2026-11-28 00:00", "FREQ=WEEKLY;BYDAY=SA")),
        ("add lock up every friday night at 12am", ("Lock up", "2026-11-28 00:00", "FREQ=WEEKLY;BYDAY=SA")),
        ("add lock up every friday night at 12:30", ("Lock up", "2026-11-28 00:30", "FREQ=WEEKLY;BYDAY=SA")),
        ("add lock up every saturday night at 12", ("Lock up", "2026-11-29 00:00", "FREQ=WEEKLY;BYDAY=SU")),
        (
            "add lock up every weeknight at 12",
            ("Lock up", "2026-11-28 00:00", "FREQ=WEEKLY;BYDAY=TU,WE,TH,FR,SA"),
        ),
        (
            "add lock up every weeknight at 12 starting monday",
            ("Lock up", "2026-12-01 00:00", "FREQ=WEEKLY;BYDAY=TU,WE,TH,FR,SA"),
        ),
        ("add lock up friday night at 12am", ("Lock up", "2026-12-05 00:00", None)),
    ],
)
def test_read_as_on_the_web(message: str, expected: tuple[str | None, str | None, str | None]) -> None:
    assert task(message) == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # Guards (so before too).
        ("add meet anna @ 10.30", ("Meet anna", "2026-11-28 10:30", None)),
        ("add meet anna around 10", ("Meet anna", "2026-11-28 10:00", None)),
        ("add meet anna around 10pm", ("Meet anna", "2026-11-27 22:00", None)),
        ("add invite around 10 people", ("Invite around 10 people", None, None)),
        ("add pay around 10.50 euros", ("Pay around 10.50 euros", None, None)),
        ("add walk around 10 minutes", ("Walk around 10 minutes", None, None)),
        ("add buy ~10 apples", ("Buy ~10 apples", None, None)),
        ("add meet bob@10", ("Meet bob@10", None, None)),
        ("add buy around 10.30 kg", ("Buy around 10.30 kg", None, None)),
        ("add sell shares at 10.50 euros", ("Sell shares at 10.50 euros", None, None)),
        ("add pay rent next month", ("Pay rent", "2026-12-01 09:00", None)),
        ("add plan next month's budget", ("Plan next month's budget", None, None)),
        ("add lock up tonight at 12am", ("Lock up", "2026-11-28 00:00", None)),
        ("add lock up friday night at 12", ("Lock up", "2026-12-05 00:00", None)),
        ("add lock up every night at 12", ("Lock up", "2026-11-28 00:00", "FREQ=DAILY")),
        ("add lock up every friday night at 9", ("Lock up", "2026-11-27 21:00", "FREQ=WEEKLY;BYDAY=FR")),
        ("add lock up every friday at 12am", ("Lock up", "2026-12-04 00:00", "FREQ=WEEKLY;BYDAY=FR")),
        ("add lunch every friday at 12", ("Lunch", "2026-12-04 12:00", "FREQ=WEEKLY;BYDAY=FR")),
    ],
)
def test_read_as_before(message: str, expected: tuple[str | None, str | None, str | None]) -> None:
    assert task(message) == expected


def seed(fake: FakeTasks) -> None:
    fake.seed("alice", title="Brunch", due_at="2026-11-28T10:00:00Z")  # this Saturday
    fake.seed("alice", title="Hike", due_at="2026-12-05T10:00:00Z")  # next Saturday
    fake.seed("alice", title="Swim", due_at="2026-12-06T10:00:00Z")  # next Sunday


@pytest.mark.parametrize(
    "message", ["plan next weekend", "can you plan next weekend", "help me plan next weekend"]
)
async def test_plan_next_weekend_lists_next_weekend(fake: FakeTasks, message: str) -> None:
    seed(fake)
    shown = await Chat(fake).say("What do I have next weekend?")
    assert "Hike" in shown and "Swim" in shown and "Brunch" not in shown
    # Planned, the weekend is named with its days (test_plan_the_weekend_late.py).
    dated = shown.replace("due next weekend", "due next weekend (Sat, Dec 5 \u2013 Sun, Dec 6)")
    assert await Chat(fake).say(message) == f"{dated}\n{PLAN_THEN}"
    assert titles(fake) == ["Brunch", "Hike", "Swim"]


async def test_the_reply_for_a_weekday_night_at_12(fake: FakeTasks) -> None:
    said = await Talk(fake).say("add lock up every friday night at 12")
    assert said == "Added 'Lock up', repeating every Saturday; the first one is due tomorrow at 00:00."
