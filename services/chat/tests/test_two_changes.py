"""Two changes said in one sentence ("change book flights to urgent and due tomorrow at 5pm",
"make flights due friday and high priority", "set flights due monday, high priority"): one
update of one task with both changes, never a rename to the change words nor a search for
"flights due friday and". Reading (pure) and whole conversations through the real Agent,
Runner and MCP server against the fake task API."""

import pytest
from chat_service.domain.parse import Request, parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat


def _fields(request: Request) -> dict[str, object]:
    c = request.changes
    return {
        "priority": c.priority,
        "due": c.due.at.strftime("%a %d %H:%M") if c.due else None,
        "tags": c.add_tags,
        "remind": c.remind_minutes,
        "rrule": c.rrule,
        "title": c.title,
    }


def _want(
    priority: str | None = None,
    due: str | None = None,
    tags: tuple[str, ...] = (),
    remind: int | None = None,
    rrule: str | None = None,
) -> dict[str, object]:
    return {"priority": priority, "due": due, "tags": tags, "remind": remind, "rrule": rrule, "title": None}


@pytest.mark.parametrize(
    ("message", "ref", "want"),
    [
        # The four found live.
        (
            "change book flights to urgent and due tomorrow at 5pm",
            "book flights",
            _want("VERY_IMPORTANT", "Thu 26 17:00"),
        ),
        ("make flights due friday and high priority", "flights", _want("HIGH", "Fri 27 09:00")),
        ("set flights due monday, high priority", "flights", _want("HIGH", "Mon 30 09:00")),
        ("set the flights to high priority and due next friday", "flights", _want("HIGH", "Fri 27 09:00")),
        # Paraphrases: the other order, other joining words.
        ("make flights high priority and also due friday", "flights", _want("HIGH", "Fri 27 09:00")),
        ("make flights due friday, and high priority", "flights", _want("HIGH", "Fri 27 09:00")),
        ("set flights to high & due friday", "flights", _want("HIGH", "Fri 27 09:00")),
        ("set flights to low priority plus due monday at 10am", "flights", _want("LOW", "Mon 30 10:00")),
        ("move flights to friday and make it urgent", "flights", _want("VERY_IMPORTANT", "Fri 27 09:00")),
        ("change the report to high priority, due tomorrow", "report", _want("HIGH", "Thu 26 09:00")),
        (
            "make bread and butter urgent and due friday",
            "bread and butter",
            _want("VERY_IMPORTANT", "Fri 27 09:00"),
        ),
        # Tags, reminders, repeats in the same shape.
        ("make the report urgent and tag it work", "report", _want("VERY_IMPORTANT", tags=("Work",))),
        ("make the report urgent and tagged work", "report", _want("VERY_IMPORTANT", tags=("Work",))),
        (
            "make the report urgent, tagged work and due friday",
            "report",
            _want("VERY_IMPORTANT", "Fri 27 09:00", ("Work",)),
        ),
        (
            "move the dentist to friday at 3 and remind me an hour before",
            "dentist",
            _want(due="Fri 27 15:00", remind=60),
        ),
        (
            "move the dentist to friday and make it repeat weekly",
            "dentist",
            _want(due="Fri 27 09:00", rrule="FREQ=WEEKLY"),
        ),
    ],
)
def test_two_changes_in_one_sentence_are_one_update(message: str, ref: str, want: dict[str, object]) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref, request.pronoun) == ("update", ref, False)
    assert _fields(request) == want


def test_two_changes_of_it_change_the_last_task() -> None:
    request = parse("make it urgent and due tomorrow", NOW)
    assert (request.intent, request.ref, request.pronoun) == ("update", None, True)
    assert _fields(request) == _want("VERY_IMPORTANT", "Thu 26 09:00")


@pytest.mark.parametrize(
    "message",
    [
        "change book flights to urgent and due tomorrow at 5pm",
        "change flights to due friday",
        "change flights to high priority, tagged work",
    ],
)
def test_change_x_to_change_words_is_no_rename(message: str) -> None:
    assert parse(message, NOW).changes.title is None


# Guards: these were read so before and still are.
@pytest.mark.parametrize(
    ("message", "ref", "title"),
    [
        ("change taxes to file taxes", "taxes", "File taxes"),
        ("change taxes to urgent care appointment", "taxes", "Urgent care appointment"),
        ("rename book flights to Urgent care appointment", "book flights", "Urgent care appointment"),
        ("rename flights to urgent and due friday", "flights", "Urgent and due friday"),
        ("change the title of flights to urgent and due friday", "flights", "Urgent and due friday"),
        ("change flights to label maker", "flights", "Label maker"),
    ],
)
def test_real_renames_are_still_renames(message: str, ref: str, title: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref, request.changes.title) == ("update", ref, title)


@pytest.mark.parametrize(
    ("message", "ref", "want"),
    [
        ("set the flights to high priority", "flights", _want("HIGH")),
        ("move flights to friday", "flights", _want(due="Fri 27 09:00")),
        ("move salt and pepper to friday", "salt and pepper", _want(due="Fri 27 09:00")),
        ("make salt and pepper urgent", "salt and pepper", _want("VERY_IMPORTANT")),
    ],
)
def test_single_edits_are_read_as_before(message: str, ref: str, want: dict[str, object]) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref) == ("update", ref)
    assert _fields(request) == want


async def test_both_changes_are_made_and_the_title_is_kept(fake: FakeTasks) -> None:
    task = fake.seed("alice", title="Book flights")
    chat = Chat(fake)
    said = await chat.say("change book flights to urgent and due tomorrow at 5pm")
    assert said == "Set 'Book flights' to urgent. Moved 'Book flights' to tomorrow at 5:00 PM."
    assert (task["title"], task["priority"], task["due_at"]) == (
        "Book flights",
        "VERY_IMPORTANT",
        "2026-11-26T17:00:00Z",
    )


async def test_a_due_date_and_a_priority_in_either_order(fake: FakeTasks) -> None:
    task = fake.seed("alice", title="Book flights")
    chat = Chat(fake)
    await chat.say("make flights due friday and high priority")
    assert (task["title"], task["priority"], task["due_at"]) == (
        "Book flights",
        "HIGH",
        "2026-11-27T09:00:00Z",
    )
    await chat.say("set the flights to low priority and due monday")
    assert (task["title"], task["priority"], task["due_at"]) == (
        "Book flights",
        "LOW",
        "2026-11-30T09:00:00Z",
    )


async def test_a_move_and_a_reminder(fake: FakeTasks) -> None:
    task = fake.seed("alice", title="Dentist")
    chat = Chat(fake)
    said = await chat.say("move the dentist to friday at 3 and remind me an hour before")
    assert (task["due_at"], task["remind_at"]) == ("2026-11-27T15:00:00Z", "2026-11-27T14:00:00Z"), said
