"""Triage said the way people say it: 'ok paid the electricity bill', 'the invoice is done
too', 'library books - just delete that'. Each acts on that task; none is a new task."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat, titles


@pytest.mark.parametrize(
    ("message", "intent", "ref", "verb"),
    [
        ("ok paid the electricity bill", "complete", "electricity bill", "pay"),
        ("called mom", "complete", "mom", "call"),
        ("submitted the GST return today", "complete", "GST return", "submit"),
        ("sent the invoice", "complete", "invoice", "send"),
        ("the invoice is done too", "complete", "invoice", None),
        ("Laundry is also done", "complete", "Laundry", None),
        ("library books - just delete that", "delete", "library books", None),
        ("dentist: delete it", "delete", "dentist", None),
    ],
)
def test_done_or_delete_said_plainly(message: str, intent: str, ref: str, verb: str | None) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.ref, request.verb_hint) == (intent, ref, verb)
    assert request.verb_required is (verb is not None)


@pytest.mark.parametrize(
    "message", ["Feed the cat", "Read chapter 4", "Shred documents", "Red wine for dinner", "Seed the lawn"]
)
def test_words_that_only_look_past_are_still_new_tasks(message: str) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.changes.title) == ("add", message)


async def test_an_overdue_list_triaged_in_plain_words(fake: FakeTasks) -> None:
    fake.seed("alice", title="Pay electricity bill", due_at="2026-11-20T09:00:00Z", priority="HIGH")
    fake.seed("alice", title="Return library books", due_at="2026-11-23T09:00:00Z")
    fake.seed("alice", title="Send invoice to Acme", due_at="2026-11-24T10:00:00Z")
    fake.seed("alice", title="Bake a cake")
    chat = Chat(fake)
    assert (
        await chat.say("ok paid the electricity bill") == "Marked 'Pay electricity bill' as done. Nice work!"
    )
    assert await chat.say("library books - just delete that") == "Deleted 'Return library books'."
    assert await chat.say("the invoice is done too") == "Marked 'Send invoice to Acme' as done. Nice work!"
    assert await chat.say("baked a cake") == "Marked 'Bake a cake' as done. Nice work!"
    assert titles(fake) == [
        "Bake a cake (done)",
        "Pay electricity bill (done)",
        "Send invoice to Acme (done)",
    ]


async def test_without_i_the_verb_must_be_the_tasks_else_it_is_a_new_task(fake: FakeTasks) -> None:
    fake.seed("alice", title="Read the Bill Bryson book")
    chat = Chat(fake)
    assert await chat.say("paid the bill") == "Added 'Paid the bill'."
    assert titles(fake) == ["Paid the bill", "Read the Bill Bryson book"]
