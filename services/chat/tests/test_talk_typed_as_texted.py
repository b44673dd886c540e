"""What a user test (Tom, Sydney, en-AU, Friday 27 Nov 2026, 15:00) found turned into tasks,
each read by a general rule:
- small talk asked of the assistant after thanks ("thanks mate, how's your day going?") is
  answered in kind (before: a task 'Mate, how's your day going');
- a question is no new task unless it asks for one ("call mom tomorrow?"; "can you add milk?"
  still adds);
- "oops" before a command, and a remark after a delete ("..., that wasn't a task", "..., stop it
  completely"), leave the command (before: a task of the whole sentence);
- "I don't want the gym task anymore" deletes it;
- a question typed as texted ("wat do i hav tmrw") is that question; "tmrw" is tomorrow in a
  question as in a new task;
- "put X out/away/up ..." and "put X ... every ..." are a new task, "put X on friday" a move;
- "remnd me" (one letter from "remind", before "me") is "remind me";
- "wk" after "this", "every", a number ... is a week; "arvo" after a day word, "this" or
  "the" is the afternoon (15:00, not in the title), as on the web (frontend/lib/quick-add.ts)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.talk import Talk

SYDNEY = ZoneInfo("Australia/Sydney")
FRIDAY = datetime(2026, 11, 27, 15, 0, tzinfo=SYDNEY)


def titles(fake: FakeTasks) -> list[str]:
    return sorted(t["title"] for t in fake.tasks.values())


def local(value: str | None) -> str | None:
    if value is None:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(SYDNEY).strftime("%a %d %H:%M")


# -- small talk and questions ------------------------------------------------------------------
@pytest.mark.parametrize(
    "message",
    [
        "thanks mate, how's your day going?",
        "how's your day going?",
        "cheers, how was your weekend?",
        "how's it going",
        "what's up?",
    ],
)
async def test_small_talk_asked_of_the_assistant_is_answered_not_added(fake: FakeTasks, message: str) -> None:
    talk = Talk(fake, FRIDAY)
    await talk.say("add call mate tomorrow")
    assert await talk.say(message) == "All good here, thanks for asking! What can I do for your tasks?"
    assert titles(fake) == ["Call mate"]


async def test_thanks_then_a_question_answers_the_question(fake: FakeTasks) -> None:
    fake.seed("alice", title="Dentist", due_at="2026-11-27T23:00:00Z")  # Sat 10:00 in Sydney
    reply = await Talk(fake, FRIDAY).say("thanks mate, what's due tomorrow?")
    assert reply.startswith("You have 1 open task due tomorrow:")
    assert titles(fake) == ["Dentist"]


@pytest.mark.parametrize(
    "message", ["call mom tomorrow?", "is it going to be a long one?", "will it be sunny?"]
)
def test_a_question_is_no_new_task(message: str) -> None:
    assert parse(message, FRIDAY).intent != "add"


@pytest.mark.parametrize(
    ("message", "title"),
    [
        # Guards: a question that asks for a task still adds it.
        ("can you add milk?", "Milk"),
        ("could you remind me to call mom at 5?", "Call mom"),
        ("have the car serviced friday", "The car serviced"),
    ],
)
def test_a_question_asking_for_a_task_still_adds_it(message: str, title: str) -> None:
    request = parse(message, FRIDAY)
    assert (request.intent, request.changes.title) == ("add", title)


# -- corrections ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "message",
    [
        "oops delete the mate one, that wasn't a task",
        "oops, delete the mate one",
        "delete the mate task, I added it by mistake",
        "wait, remove call mate - it was a mistake",
    ],
)
async def test_oops_and_a_remark_leave_the_delete(fake: FakeTasks, message: str) -> None:
    fake.seed("alice", title="Buy milk")
    talk = Talk(fake, FRIDAY)
    await talk.say("add call mate")
    assert await talk.say(message) == "Deleted 'Call mate'."
    assert titles(fake) == ["Buy milk"]


@pytest.mark.parametrize(
    "message",
    [
        "I don't want the gym task anymore, stop it completely",
        "I don't want the gym task anymore",
        "i dont need gym any more",
        "I no longer need the gym task",
    ],
)
async def test_not_wanting_a_task_any_more_deletes_it(fake: FakeTasks, message: str) -> None:
    talk = Talk(fake, FRIDAY)
    await talk.say("add gym every monday at 6am")
    await talk.say("add call mate")
    # Not wanted any more: the series ends with it (h147), nothing comes back next Monday.
    assert await talk.say(message) == "Deleted 'Gym' and ended its series: no more will come."
    assert titles(fake) == ["Call mate"]


def test_a_remark_after_a_delete_of_it_is_still_that_delete() -> None:
    # Guard: "delete it, it was a mistake" names no task; the readers before decide.
    assert parse("oops, delete that", FRIDAY).intent == "delete"


# -- typed as texted -----------------------------------------------------------------------
@pytest.mark.parametrize("message", ["wat do i hav tmrw", "what do i have tmrw", "wut do i have tomorrow?"])
async def test_a_question_typed_as_texted_lists_the_day(fake: FakeTasks, message: str) -> None:
    fake.seed("alice", title="Dentist", due_at="2026-11-28T04:00:00Z")  # Sat 15:00 in Sydney
    fake.seed("alice", title="Gym", due_at="2026-11-30T04:00:00Z")
    reply = await Talk(fake, FRIDAY).say(message)
    assert reply == "You have 1 open task due tomorrow:\n- Dentist (due tomorrow at 3:00 PM)"
    assert titles(fake) == ["Dentist", "Gym"]


@pytest.mark.parametrize(
    "message", ["remnd me to call mum at 3:30 tmrw", "remidn me to call mum at 3:30 tomorrow"]
)
async def test_remind_misspelled_before_me_sets_the_reminder(fake: FakeTasks, message: str) -> None:
    reply = await Talk(fake, FRIDAY).say(message)
    assert reply == "Added 'Call mum' for tomorrow at 3:30 PM (reminder at the due time)."
    (task,) = fake.tasks.values()
    assert local(task["due_at"]) == local(task["remind_at"]) == "Sat 28 15:30"


def test_a_word_of_its_own_near_remind_stays() -> None:
    # Guard: "rewind" is one letter from "remind" and a word.
    request = parse("rewind me the tape friday", FRIDAY)
    assert (request.changes.title, request.changes.remind_minutes) == ("Rewind me the tape", None)


@pytest.mark.parametrize("message", ["whats due this wk", "what's due this wk?"])
def test_wk_after_this_is_the_week(message: str) -> None:
    request = parse(message, FRIDAY)
    assert (request.intent, request.filters.due) == ("list", "week")


@pytest.mark.parametrize(
    ("message", "title", "due"),
    [
        ("pick up parcel sat arvo", "Pick up parcel", "Sat 28 15:00"),
        ("call nan sunday arvo", "Call nan", "Sun 29 15:00"),
        ("call nan tmrw arvo", "Call nan", "Sat 28 15:00"),
        ("team lunch in the arvo", "Team lunch", "Sat 28 15:00"),
        # Guards: elsewhere the words stay the title's.
        ("Arvo Part concert friday", "Arvo Part concert", "Fri 04 09:00"),
        ("review the WK 12 report friday", "Review the WK 12 report", "Fri 04 09:00"),
    ],
)
def test_arvo_after_a_day_is_the_afternoon(message: str, title: str, due: str) -> None:
    request = parse(message, FRIDAY)
    assert request.intent == "add"
    assert request.changes.due is not None
    assert (request.changes.title, request.changes.due.at.strftime("%a %d %H:%M")) == (title, due)


def test_every_wk_repeats_weekly() -> None:
    request = parse("gym 3 times a wk", FRIDAY)
    assert (request.changes.title, request.changes.rrule) == ("Gym", "FREQ=WEEKLY;BYDAY=MO,WE,FR")


# -- put ... out ---------------------------------------------------------------------------
async def test_put_the_bins_out_every_sunday_is_a_new_repeating_task(fake: FakeTasks) -> None:
    reply = await Talk(fake, FRIDAY).say("put the bins out every sunday at 7pm")
    assert (
        reply == "Added 'Put the bins out', repeating every Sunday; the first one is due Sunday at 7:00 PM."
    )
    (task,) = fake.tasks.values()
    assert (task["rrule"], local(task["due_at"])) == ("FREQ=WEEKLY;BYDAY=SU", "Sun 29 19:00")


@pytest.mark.parametrize(
    ("message", "title"),
    [("put the bins out friday", "Put the bins out"), ("put up the shelves saturday", "Put up the shelves")],
)
def test_put_with_a_particle_is_a_new_task(message: str, title: str) -> None:
    request = parse(message, FRIDAY)
    assert (request.intent, request.changes.title) == ("add", title)


async def test_put_a_task_on_a_day_still_moves_it(fake: FakeTasks) -> None:
    # Guard: "put X on <date>" is a move.
    fake.seed("alice", title="Bins")
    assert await Talk(fake, FRIDAY).say("put the bins on friday") == "Moved 'Bins' to Fri 4 Dec at 9:00 AM."
