"""A message that only acknowledges, praises or ends the talk ("ok great", "cool cool", "nice
one", "ok sounds good", "👍", "that's all", "no that's it", "all good", "bye") changes
nothing: thanks is answered as "thanks" is, and a closing word with "OK! I'm here whenever you
need me." Before, each was a new task ('Great', 'Cool', 'Nice one', 'That's all', 'All good'),
and "no that's it" right after an add renamed that task 'That's it'."""

import pytest
from chat_service.domain.parse import parse
from tests.conftest import NOW, FakeTasks
from tests.test_undo import Chat, titles


@pytest.mark.parametrize(
    "message",
    [
        "ok great",
        "cool cool",
        "nice one",
        "ok sounds good",
        "ok perfect",
        "great job",
        "much appreciated",
        "appreciate it",
        "got it 👍",
        "👍",
        "kk",
        "lol ok",
        "yes please",
        "that works",
    ],
)
def test_an_acknowledgement_is_thanks(message: str) -> None:
    assert parse(message, NOW).intent == "thanks"


@pytest.mark.parametrize(
    "message",
    [
        "that's all",
        "thats all for now",
        "no that's it",
        "no thanks that's all",
        "nothing else",
        "all good",
        "i'm good",
        "all set, thanks!",
        "bye",
        "ok bye",
        "see you later",
        "good night",
    ],
)
def test_a_closing_word_ends_the_talk(message: str) -> None:
    assert parse(message, NOW).intent == "bye"


async def test_acknowledging_an_add_changes_nothing(fake: FakeTasks) -> None:
    chat = Chat(fake)
    assert await chat.say("add buy milk") == "Added 'Buy milk'."
    assert await chat.say("ok great") == "You're welcome! Anything else I can do for your tasks?"
    assert await chat.say("no that's it") == "OK! I'm here whenever you need me."
    assert titles(fake) == ["Buy milk"]


# Guards (pass before and after): a command after the acknowledgement, titles that start
# with such a word, greetings, musings and "done".
@pytest.mark.parametrize(
    ("message", "intent", "title"),
    [
        ("ok add milk", "add", "Milk"),
        ("great, now add bread", "add", "Bread"),
        ("nice restaurant booking friday", "add", "Nice restaurant booking"),
        ("all good things", "add", "All good things"),
        ("super bowl party sunday", "add", "Super bowl party"),
        ("k-pop concert", "add", "K-pop concert"),
        ("good morning", "greet", None),
        ("thanks!", "thanks", None),
        ("lol", "unclear", None),
        ("no", "cancel", None),
        ("done", "complete", None),
    ],
)
def test_other_messages_are_read_as_before(message: str, intent: str, title: str | None) -> None:
    request = parse(message, NOW)
    assert (request.intent, request.changes.title) == (intent, title)
