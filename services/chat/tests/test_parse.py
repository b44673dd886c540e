"""Reading requests: intents, titles, priorities, tags, references to existing tasks."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from chat_service.domain.parse import parse
from tests.conftest import FakeTasks
from tests.test_undo import Chat

NOW = datetime(2026, 11, 25, 14, 30, tzinfo=ZoneInfo("UTC"))  # Wednesday


@pytest.mark.parametrize(
    ("message", "title", "priority", "tags"),
    [
        ("Add a task to buy milk", "Buy milk", None, ()),
        ("I need to renew my passport", "Renew my passport", None, ()),
        ("Add a high priority task: finish the quarterly report", "Finish the quarterly report", "HIGH", ()),
        ("Urgent: call the plumber", "Call the plumber", "VERY_IMPORTANT", ()),
        ("Remind me to clean the garage sometime, low priority", "Clean the garage", "LOW", ()),
        ("add buy batteries #shopping", "Buy batteries", None, ("Shopping",)),
        ("Add prepare slides for the demo to my work list", "Prepare slides for the demo", None, ("Work",)),
        ("Prepare the budget review for work", "Prepare the budget review", None, ("Work",)),
        ("Put eggs on my shopping list", "Eggs", None, ("Shopping",)),
        ("Add eggs to my grocery list", "Eggs", None, ("Shopping",)),
        ("Create a task to book flights to Lisbon", "Book flights to Lisbon", None, ()),
        ("Don't forget to buy a birthday gift for Sam", "Buy a birthday gift for Sam", None, ()),
        ("New task: fix the leaky faucet", "Fix the leaky faucet", None, ()),
        ("Buy flowers for mom, it's important", "Buy flowers for mom", "HIGH", ()),
        ("Organize the bookshelf, no rush", "Organize the bookshelf", "LOW", ()),
        ("Make dinner", "Make dinner", None, ()),
        ("Schedule a haircut", "Schedule a haircut", None, ()),
        ("add renew gym membership #health #finance", "Renew gym membership", None, ("Health", "Finance")),
        ("Add \"Read 'Dune'\" to my list", "Read 'Dune'", None, ()),
    ],
)
def test_add(message: str, title: str, priority: str | None, tags: tuple[str, ...]) -> None:
    request = parse(message, NOW)
    assert request.intent == "add"
    assert request.changes.title == title
    assert request.changes.priority == priority
    assert request.changes.add_tags == tags


def test_add_with_due_recurrence_and_reminder() -> None:
    request = parse("Add team meeting tomorrow at 10am and remind me 30 minutes before", NOW)
    assert request.changes.title == "Team meeting"
    assert request.changes.due is not None and request.changes.due.at.strftime("%d %H:%M") == "26 10:00"
    assert request.changes.remind_minutes == 30
    gym = parse("Gym every Monday and Wednesday at 7am", NOW)
    assert gym.changes.title == "Gym" and gym.changes.rrule == "FREQ=WEEKLY;BYDAY=MO,WE"
    assert gym.changes.due is not None and gym.changes.due.at.strftime("%a %H:%M") == "Mon 07:00"


def test_remind_me_to_at_a_time_sets_a_reminder_at_the_due_time() -> None:
    request = parse("Remind me to call the bank at 4pm", NOW)
    assert request.intent == "add" and request.changes.remind_minutes == 0


@pytest.mark.parametrize(
    ("message", "intent", "ref"),
    [
        ("Mark the groceries task as done", "complete", "groceries"),
        ("I finished the project report", "complete", "project report"),
        ("Check off buy groceries", "complete", "buy groceries"),
        ("I called mom", "complete", "mom"),
        ("The blog post is done", "complete", "blog post"),
        ("laundry done", "complete", "laundry"),
        ("Complete the call task", "complete", "call"),
        ("Reopen the groceries task", "reopen", "groceries"),
        ("Mark buy milk as not done", "reopen", "buy milk"),
        ("Delete the dentist task", "delete", "dentist"),
        ("Get rid of the gym task", "delete", "gym"),
        ("I don't need to buy stamps anymore", "delete", "buy stamps"),
        ("When is the dentist due?", "show", "dentist"),
    ],
)
def test_task_references(message: str, intent: str, ref: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref, request.pronoun) == (intent, ref, False)


@pytest.mark.parametrize(
    ("message", "ref", "field", "value"),
    [
        ("Rename buy milk to buy oat milk", "buy milk", "title", "Buy oat milk"),
        (
            "Change call the plumber to call the electrician",
            "call the plumber",
            "title",
            "Call the electrician",
        ),
        ("Make pay rent high priority", "pay rent", "priority", "HIGH"),
        ("Set the priority of the report to urgent", "report", "priority", "VERY_IMPORTANT"),
        ("The passport renewal is important", "passport renewal", "priority", "HIGH"),
        ("Change the dentist to urgent", "dentist", "priority", "VERY_IMPORTANT"),
        ("Tag read chapter 4 as learning", "read chapter 4", "add_tags", ("Learning",)),
        ("Add the finance tag to quarterly taxes", "quarterly taxes", "add_tags", ("Finance",)),
        ("Remove the urgent tag from the doctor visit", "doctor visit", "remove_tags", ("Urgent",)),
        ("Take the personal tag off the team offsite", "team offsite", "remove_tags", ("Personal",)),
        ("Stop repeating the yoga class", "yoga class", "clear_rrule", True),
        ("The piano lesson shouldn't repeat anymore", "piano lesson", "clear_rrule", True),
        ("Make water the orchids repeat every Sunday", "water the orchids", "rrule", "FREQ=WEEKLY;BYDAY=SU"),
        ("Remind me about the flight 2 hours before", "flight", "remind_minutes", 120),
        ("Remove the due date from the report", "report", "clear_due", True),
    ],
)
def test_updates(message: str, ref: str, field: str, value: object) -> None:
    request = parse(message, NOW)
    assert request.intent == "update" and request.ref == ref
    assert getattr(request.changes, field) == value


def test_move_due_splits_name_from_date() -> None:
    request = parse("Move the Monday call to Friday at 5pm", NOW)
    assert request.ref == "Monday call"
    assert request.changes.due is not None and request.changes.due.at.strftime("%a %H:%M") == "Fri 17:00"


def test_postpone_by_an_offset() -> None:
    request = parse("Push the report back by two days", NOW)
    assert request.ref == "report" and request.changes.shift is not None and request.changes.shift.days == 2


@pytest.mark.parametrize(
    "message",
    ["Make it repeat every 3 days", "make it urgent", "Move it to Friday", "Mark it as done", "delete it"],
)
def test_pronouns(message: str) -> None:
    request = parse(message, NOW)
    assert request.pronoun and request.ref is None


@pytest.mark.parametrize(
    ("message", "status", "priority", "tags", "due"),
    [
        ("What's on my list?", "open", (), (), None),
        ("Show me my high priority tasks", "open", ("VERY_IMPORTANT", "HIGH"), (), None),
        ("What's urgent?", "open", ("VERY_IMPORTANT",), (), None),
        ("List my work tasks", "open", (), ("Work",), None),
        ("What have I finished?", "completed", (), (), None),
        ("What do I have today?", "open", (), (), "today"),
        ("Anything overdue?", "open", (), (), "overdue"),
        ("What's due this week?", "open", (), (), "week"),
    ],
)
def test_lists(
    message: str, status: str, priority: tuple[str, ...], tags: tuple[str, ...], due: str | None
) -> None:
    request = parse(message, NOW)
    assert request.intent == "list"
    f = request.filters
    assert (f.status, f.priority, f.tags, f.due) == (status, priority, tags, due)


@pytest.mark.parametrize(
    ("message", "query"),
    [
        ("Find anything about taxes", "taxes"),
        ("Do I have anything about the vet?", "vet"),
        ("Look up insurance", "insurance"),
    ],
)
def test_search(message: str, query: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.query) == ("search", query)


@pytest.mark.parametrize(
    ("message", "intent"),
    [
        ("Hello! What can you do?", "help"),
        ("hi", "greet"),
        ("Thanks!", "thanks"),
        ("never mind", "cancel"),
        ("delete everything", "delete_all"),
        ("what's the weather like?", "unclear"),
    ],
)
def test_small_talk(message: str, intent: str) -> None:
    assert parse(message, NOW).intent == intent


@pytest.mark.parametrize("message", ["asdfghjkl", "zxcvbnm", "sdfsdf jkljkl", "Qwrtzsdf!"])
def test_keyboard_mash_is_no_task(message: str) -> None:
    assert parse(message, NOW).intent == "unclear"


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("add asdfghjkl", "Asdfghjkl"),  # asked for in so many words
        ("asdfghjkl tomorrow", "Asdfghjkl"),  # said with a date: meant as a task
        ("strengths workshop", "Strengths workshop"),  # five consonants in a row are English
        ("Rhythm class", "Rhythm class"),
        ("milk", "Milk"),
        ("HTML", "HTML"),
    ],
)
def test_words_that_look_odd_are_still_tasks(message: str, title: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.changes.title) == ("add", title)


def test_a_date_in_a_completion_makes_it_a_new_task() -> None:
    request = parse("Finish the essay by end of day", NOW)
    assert request.intent == "add" and request.changes.title == "Finish the essay"


@pytest.mark.parametrize(
    ("message", "intent", "ref"),
    [
        ("Set up a meeting with Priya next Thursday at 2", "add", None),
        ("Done: renew the car insurance", "complete", "renew the car insurance"),
        ("Make the landlord call tomorrow at 11", "update", "landlord call"),
        ("Move the vet appointment to the 12th at 10am", "update", "vet appointment"),
        ("Make the Spanish lessons weekly", "update", "Spanish lessons"),
        ("Please delete the task about the gym", "delete", "gym"),
    ],
)
def test_more_phrasings(message: str, intent: str, ref: str | None) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref) == (intent, ref)


@pytest.mark.parametrize(
    ("message", "intent", "ref"),
    [
        ("udpate the call dad task to high prioirty", "update", "call dad"),
        ("delte the milk task", "delete", "milk"),
        ("please compelte the report", "complete", "report"),
        ("reanme milk to oat milk", "update", "milk"),
        ("Chnage dentist to friday", "update", "dentist"),
        ("remvoe milk", "delete", "milk"),
    ],
)
def test_a_mistyped_command_is_the_command_not_a_new_task(message: str, intent: str, ref: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref) == (intent, ref)


def test_a_mistyped_priority_is_the_priority_not_a_new_title() -> None:
    request = parse("udpate the call dad task to high prioirty", NOW)
    assert request.changes.priority == "HIGH" and request.changes.title is None


@pytest.mark.parametrize(
    ("message", "title"),
    [("Compete in the 10k race", "Compete in the 10k race"), ("Remote team lunch", "Remote team lunch")],
)
def test_real_words_near_a_command_stay_titles(message: str, title: str) -> None:
    request = parse(message, NOW)
    assert request.intent == "add" and request.changes.title == title


@pytest.mark.parametrize(
    ("message", "title", "priority", "tags"),
    [
        (
            "add dentist appointment next wednesday at 3pm !high #health",
            "Dentist appointment",
            "HIGH",
            ("Health",),
        ),
        ("add call the bank !urgent", "Call the bank", "VERY_IMPORTANT", ()),
        ("Pay rent every month on the 1st #Finance !high tomorrow 9am", "Pay rent", "HIGH", ("Finance",)),
        ("water the plants !l", "Water the plants", "LOW", ()),
        ("add read Dune !p1 tonight", "Read Dune", "VERY_IMPORTANT", ()),
        # "!!" last on the line is the mark too, not trailing punctuation.
        ("buy milk !!", "Buy milk", "VERY_IMPORTANT", ()),
        ("buy milk !!! please", "Buy milk", "VERY_IMPORTANT", ()),
        ("add eggs #shopping !!.", "Eggs", "VERY_IMPORTANT", ("Shopping",)),
    ],
)
def test_quick_add_priority_marks(message: str, title: str, priority: str, tags: tuple[str, ...]) -> None:
    request = parse(message, NOW)
    assert request.intent == "add"
    assert (request.changes.title, request.changes.priority, request.changes.add_tags) == (
        title,
        priority,
        tags,
    )


def test_an_exclamation_that_is_not_a_priority_stays_in_the_title() -> None:
    assert parse("Wow! plan the surprise party", NOW).changes.title == "Wow! plan the surprise party"
    shouted = parse("buy milk!!", NOW).changes
    assert (shouted.title, shouted.priority) == ("Buy milk", None)


@pytest.mark.parametrize(
    ("message", "ref", "priority"),
    [
        ("set milk to !low", "milk", "LOW"),
        ("mark call mom as !h", "call mom", "HIGH"),
        ("change the dentist task to !!", "dentist", "VERY_IMPORTANT"),
    ],
)
def test_a_quick_add_mark_after_to_changes_the_priority(message: str, ref: str, priority: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref, request.changes.priority) == ("update", ref, priority)
    assert request.changes.title is None


def test_a_quick_add_mark_elsewhere_still_adds_a_task() -> None:
    request = parse("set up the printer !high", NOW)
    assert (request.intent, request.changes.title, request.changes.priority) == (
        "add",
        "Set up the printer",
        "HIGH",
    )


@pytest.mark.parametrize(
    ("message", "tags"),
    [
        ("tag it family", ("family",)),
        ("tag it with family", ("family",)),
        ("tag this urgent-stuff", ("urgent-stuff",)),
        ("label it work", ("Work",)),
        ("tag that one finance and home", ("Finance", "home")),
        ("please tag it #family", ("family",)),
        ("tag it as family", ("family",)),  # guard: read so before too
    ],
)
def test_tag_it_with_the_tag_right_after_the_pronoun_tags_the_last_task(
    message: str, tags: tuple[str, ...]
) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref, request.pronoun) == ("update", None, True)
    assert request.changes.add_tags == tags and request.changes.title is None


async def test_tag_it_family_after_an_add_tags_that_task(fake: FakeTasks) -> None:
    chat = Chat(fake)
    await chat.say("add call grandma sunday")
    assert await chat.say("tag it family") == "Tagged 'Call grandma' as family."
    assert await chat.say("label it work") == "Tagged 'Call grandma' as Work."
    [task] = fake.tasks.values()
    assert task["tags"] == ["family", "Work"]
