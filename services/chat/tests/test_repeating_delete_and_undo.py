"""Delete and undo of a repeating task do what the user means (user test of 27 Nov 2026).

- "water plants every 3 days", then "undo that": the reply said "Removed 'Water plants',
  which I had just added", but the delete left the series going, so its next instance was
  made a moment later and stayed on the list. Undoing an add now ends the series too.
- "delete the gym task" of a weekly gym said "Deleted 'Gym'." and the next one appeared at
  once. As the web's delete dialog ("Delete this one" / "Delete and stop repeating"), the
  reply now says which it did: this one, the series going on (and when the next one is due),
  and how to end it; "delete the gym series", "delete gym for good" end it at once.

Whole conversations through the real Agent, Runner and MCP server against a fake task API
that makes the next instance of a series when an open one is deleted without ?series=true."""

from typing import Any

import httpx
import pytest
from chat_service.adapters.task_api import DaprTaskApi
from tests.test_undo import Chat
from tests.test_undo_series_delete import SeriesTasks

GYM = {"title": "Gym", "due_at": "2026-11-30T07:00:00Z", "rrule": "FREQ=WEEKLY;BYDAY=MO"}


async def settled(store: SeriesTasks) -> list[dict[str, Any]]:
    """The tasks once every next instance a delete made has come (through events)."""
    await store.as_user("alice").list({})
    assert store.coming == []
    return list(store.tasks.values())


# -- undo of an add ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("message", "title"),
    [("water plants every 3 days", "Water plants"), ("gym every monday at 7am", "Gym")],
)
async def test_undo_of_adding_a_repeating_task_leaves_nothing_behind(message: str, title: str) -> None:
    store = SeriesTasks()
    chat = Chat(store)
    assert (await chat.say(message)).startswith(f"Added '{title}'")
    [added] = store.tasks.values()
    assert await chat.say("undo that") == f"Removed '{title}', which I had just added."
    # Before: the next instance came a moment after the undo and stayed.
    assert await settled(store) == []
    assert added["series_id"] in store.ended_series


# -- delete: this one, the series goes on ------------------------------------------------------
async def test_delete_of_a_repeating_task_says_the_series_goes_on_and_how_to_end_it() -> None:
    store = SeriesTasks()
    store.seed("alice", **GYM)
    chat = Chat(store)  # Wednesday 25 Nov 2026
    assert await chat.say("delete the gym task") == (
        "Deleted this Monday's 'Gym'; the series goes on, next due Mon, Dec 7 at 7:00 AM. "
        'To end the series too, say "delete gym for good".'
    )
    [following] = await settled(store)
    assert following["due_at"] == "2026-12-07T07:00:00Z"
    # What the reply offers ends it: nothing left, nothing more to come.
    assert await chat.say("delete gym for good") == "Deleted 'Gym' and ended its series: no more will come."
    assert await settled(store) == []


async def test_delete_of_the_last_one_of_a_series_says_so() -> None:
    store = SeriesTasks(ended=True)
    store.seed("alice", **{**GYM, "rrule": "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261201T000000Z"})
    chat = Chat(store)
    assert await chat.say("delete the gym task") == "Deleted 'Gym', the last one of its series."
    assert await settled(store) == []


# -- delete: the whole series ------------------------------------------------------------------
@pytest.mark.parametrize(
    "message",
    [
        "delete the gym series",
        "delete the whole gym series",
        "delete gym for good",
        "remove gym forever",
        "delete gym and stop repeating",
        "delete gym and all future ones",
    ],
)
async def test_delete_said_of_the_series_ends_it(message: str) -> None:
    store = SeriesTasks()
    gym = store.seed("alice", **GYM)
    chat = Chat(store)
    assert await chat.say(message) == "Deleted 'Gym' and ended its series: no more will come."
    assert await settled(store) == [] and gym["series_id"] in store.ended_series


@pytest.mark.parametrize(
    "message", ["I don't need to water the plants anymore", "I no longer need to water the plants"]
)
async def test_no_longer_needed_ends_the_series(message: str) -> None:
    store = SeriesTasks()
    store.seed("alice", **{**GYM, "title": "Water the plants"})
    chat = Chat(store)
    assert await chat.say(message) == "Deleted 'Water the plants' and ended its series: no more will come."
    assert await settled(store) == []


async def test_delete_it_for_good_after_adding_a_series() -> None:
    store = SeriesTasks()
    chat = Chat(store)
    await chat.say("gym every monday at 7am")
    assert await chat.say("delete it for good") == "Deleted 'Gym' and ended its series: no more will come."
    assert await settled(store) == []


async def test_undo_of_deleting_the_series_brings_the_task_back_at_once_repeating() -> None:
    store = SeriesTasks()
    store.seed("alice", **GYM, description="legs", tags=["Health"], remind_at="2026-11-30T06:30:00Z")
    chat = Chat(store)
    await chat.say("delete the gym series")
    looked = len(store.list_calls)
    assert await chat.say("undo") == "Brought back 'Gym'."
    # No next instance is waited for (none comes: the series ended): made again, repeating.
    assert len(store.list_calls) == looked
    [back] = await settled(store)
    assert {k: back[k] for k in ("due_at", "rrule", "description", "tags", "remind_at")} == {
        "due_at": GYM["due_at"],
        "rrule": GYM["rrule"],
        "description": "legs",
        "tags": ["Health"],
        "remind_at": "2026-11-30T06:30:00Z",
    }


# -- guards: as before -------------------------------------------------------------------------
async def test_stop_repeating_keeps_the_task_as_a_one_off() -> None:
    store = SeriesTasks()
    store.seed("alice", **GYM)
    chat = Chat(store)
    assert await chat.say("stop repeating the gym task") == "'Gym' no longer repeats."
    [gym] = await settled(store)
    assert (gym["rrule"], gym["due_at"]) == (None, GYM["due_at"])


async def test_a_one_off_deleted_for_good_is_deleted_as_any() -> None:
    store = SeriesTasks()
    store.seed("alice", title="Gym", due_at="2026-11-30T07:00:00Z")
    store.seed("alice", title="Buy milk")
    chat = Chat(store)
    assert await chat.say("delete gym for good") == "Deleted 'Gym'."
    assert [t["title"] for t in await settled(store)] == ["Buy milk"]


# -- the task API ------------------------------------------------------------------------------
class Sidecar:
    """Dapr's service invocation, answering 204 and keeping what it was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str, dict[str, Any] | None]] = []

    async def invoke(self, app_id: str, path: str, *, method: str, params: Any = None, **_: Any) -> Any:
        self.asked.append((method, path, params))
        return httpx.Response(204)


async def test_the_task_api_deletes_with_the_series_as_the_web_does() -> None:
    sidecar = Sidecar()
    api = DaprTaskApi(sidecar, "jwt")  # type: ignore[arg-type]
    await api.delete("t1")
    await api.delete("t1", series=True)
    assert sidecar.asked == [
        ("DELETE", "api/tasks/t1", None),
        ("DELETE", "api/tasks/t1", {"series": "true"}),
    ]
