"""COUNT counts the instances of a series done or skipped (DESIGN.md "Recurrence
semantics"): a skipped instance (moved onto its next occurrence, or an overdue one onto the
first slot still to come, or deleted while open) uses up its slot, and undoing the skip or
the delete gives the slot back. A reminder sent for a deleted task is not sent again when
the undo brings it back.

recurring-service's part (the next instance after a completion or a delete) is played by
calling /internal/tasks/next-occurrence as it does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from httpx import AsyncClient

if TYPE_CHECKING:
    from conftest import User

pytestmark = pytest.mark.integration

MONDAYS_3 = "FREQ=WEEKLY;BYDAY=MO;COUNT=3"
MONDAYS_2 = "FREQ=WEEKLY;BYDAY=MO;COUNT=2"
JAN_7, JAN_14, JAN_21, JAN_28 = (f"2030-01-{d:02}T18:00:00Z" for d in (7, 14, 21, 28))
# What undo of a delete puts back on the next instance (the web's movedBackFields, the
# assistant's MOVED_BACK).
MOVED_BACK = ("title", "description", "priority", "tags", "due_at", "remind_at")


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


async def get(user: User, task_id: str) -> dict[str, Any]:
    r = await user.request("GET", f"/api/tasks/{task_id}")
    assert r.status_code == 200, r.text
    task: dict[str, Any] = r.json()
    return task


async def patch(user: User, task: dict[str, Any], **body: Any) -> dict[str, Any]:
    r = await user.request(
        "PATCH", f"/api/tasks/{task['id']}", json=body, headers={"If-Match": str(task["version"])}
    )
    assert r.status_code == 200, r.text
    patched: dict[str, Any] = r.json()
    return patched


async def next_instance(client: AsyncClient, user: User, finished: dict[str, Any], due: str) -> Any:
    """recurring-service's request after `finished` was completed or deleted while open."""
    fields = {k: finished[k] for k in ("title", "description", "priority", "tags", "rrule", "repeat_from")}
    offset = None
    if finished["remind_at"] and finished["due_at"]:
        offset = datetime.fromisoformat(finished["due_at"]) - datetime.fromisoformat(finished["remind_at"])
    remind = iso(datetime.fromisoformat(due) - offset) if offset is not None else None
    return await client.post(
        "/internal/tasks/next-occurrence",
        json={
            "user_id": user.id,
            "completed_task_id": finished["id"],
            "occurrence_key": finished["id"],
            "task": {**fields, "due_at": due, "remind_at": remind},
        },
    )


async def complete_and_follow(client: AsyncClient, user: User, task: dict[str, Any], due: str) -> Any:
    r = await user.request("POST", f"/api/tasks/{task['id']}/complete")
    assert r.status_code == 200, r.text
    return await next_instance(client, user, r.json(), due)


async def delete_and_follow(
    client: AsyncClient, user: User, task: dict[str, Any], due: str
) -> dict[str, Any]:
    assert (await user.request("DELETE", f"/api/tasks/{task['id']}")).status_code == 204
    made = await next_instance(client, user, task, due)
    assert made.status_code == 201, made.text
    following: dict[str, Any] = made.json()
    return following


# -- a skip uses up its slot ---------------------------------------------------------------
async def test_an_instance_moved_onto_its_next_occurrence_uses_up_the_skipped_slot(
    client: AsyncClient, alice: User
) -> None:
    """'every monday for 3 weeks', skip the first: two Mondays left, not three."""
    gym = await alice.create(title="Gym", rrule=MONDAYS_3, due_at=JAN_7)
    assert gym["next_occurrence"] == JAN_14
    skipped = await patch(alice, gym, due_at=JAN_14)  # what the assistant's skip sends
    assert skipped["next_occurrence"] == JAN_21
    last = await complete_and_follow(client, alice, skipped, JAN_21)
    assert last.status_code == 201 and last.json()["next_occurrence"] is None  # the 3rd slot
    over = await complete_and_follow(client, alice, last.json(), JAN_28)
    assert over.status_code == 409


async def test_skipping_the_last_but_one_leaves_the_last(client: AsyncClient, alice: User) -> None:
    gym = await alice.create(title="Gym", rrule=MONDAYS_2, due_at=JAN_7)
    skipped = await patch(alice, gym, due_at=JAN_14)
    assert skipped["next_occurrence"] is None  # now the 2nd and last
    assert (await complete_and_follow(client, alice, skipped, JAN_21)).status_code == 409


async def test_undoing_a_skip_gives_the_slot_back(client: AsyncClient, alice: User) -> None:
    gym = await alice.create(title="Gym", rrule=MONDAYS_2, due_at=JAN_7)
    skipped = await patch(alice, gym, due_at=JAN_14)
    back = await patch(alice, skipped, due_at=JAN_7)  # the assistant's undo of the skip
    assert back["next_occurrence"] == JAN_14
    second = await complete_and_follow(client, alice, back, JAN_14)
    assert second.status_code == 201 and second.json()["next_occurrence"] is None


async def test_moves_that_are_no_skip_keep_the_count(client: AsyncClient, alice: User) -> None:
    """Guards: a move off the rule's slots, or back onto a slot an earlier instance had,
    changes no count; a completion counts one, as before."""
    gym = await alice.create(title="Gym", rrule=MONDAYS_2, due_at=JAN_7)
    moved = await patch(alice, gym, due_at="2030-01-08T18:00:00Z")  # a Tuesday
    assert moved["next_occurrence"] == JAN_14
    moved = await patch(alice, moved, due_at="2030-01-15T18:00:00Z")  # a week on, still no Monday
    assert moved["next_occurrence"] == "2030-01-21T18:00:00Z"

    swim = await alice.create(title="Swim", rrule=MONDAYS_2, due_at=JAN_7)
    second = await complete_and_follow(client, alice, swim, JAN_14)
    assert second.status_code == 201 and second.json()["next_occurrence"] is None
    earlier = await patch(alice, second.json(), due_at=JAN_7)  # the 1st slot was done: still the 2nd
    assert earlier["next_occurrence"] is None
    assert (await complete_and_follow(client, alice, earlier, JAN_14)).status_code == 409


# -- an overdue instance skipped to the first slot still to come: one slot, as a completion --
async def test_an_overdue_skip_past_several_slots_uses_one_and_its_undo_gives_it_back(
    client: AsyncClient, alice: User
) -> None:
    """A daily 3-times series due at 09:00 four days ago, skipped: the web's and the
    assistant's skip put it on the first 09:00 still to come (todo_common.next_due). One
    instance skipped, one slot used (as completing it would): 2 left, not 3, nor none."""
    now = datetime.now(UTC)
    nine = now.replace(hour=9, minute=0, second=0, microsecond=0)
    first_due, to_come = nine - timedelta(days=4), nine if nine > now else nine + timedelta(days=1)
    pills = await alice.create(title="Pills", rrule="FREQ=DAILY;COUNT=3", due_at=iso(first_due))
    skipped = await patch(alice, pills, due_at=iso(to_come))
    assert skipped["next_occurrence"] == iso(to_come + timedelta(days=1))  # the 3rd and last
    back = await patch(alice, skipped, due_at=iso(first_due))  # Undo
    assert back["next_occurrence"] == iso(first_due + timedelta(days=1))  # the 1st again
    skipped = await patch(alice, back, due_at=iso(to_come))
    last = await complete_and_follow(client, alice, skipped, iso(to_come + timedelta(days=1)))
    assert last.status_code == 201 and last.json()["next_occurrence"] is None
    assert (
        await complete_and_follow(client, alice, last.json(), iso(to_come + timedelta(days=2)))
    ).status_code == 409


# -- a delete uses up its slot; its undo gives it back -------------------------------------
async def test_a_deleted_instance_uses_up_its_slot(client: AsyncClient, alice: User) -> None:
    """Guard: deleting one of 2 leaves 1 (as before)."""
    gym = await alice.create(title="Gym", rrule=MONDAYS_2, due_at=JAN_7)
    following = await delete_and_follow(client, alice, gym, JAN_14)
    assert following["next_occurrence"] is None


async def test_undoing_a_delete_gives_the_slot_back(client: AsyncClient, alice: User) -> None:
    """Undo moves the next instance back to the deleted one's due time: it is that one again,
    so the series still has all its slots."""
    gym = await alice.create(title="Gym", rrule=MONDAYS_2, due_at=JAN_7, priority="HIGH")
    following = await delete_and_follow(client, alice, gym, JAN_14)
    back = await patch(alice, following, **{k: gym[k] for k in MOVED_BACK if gym[k] is not None})
    assert back["due_at"] == JAN_7 and back["next_occurrence"] == JAN_14
    second = await complete_and_follow(client, alice, back, JAN_14)
    assert second.status_code == 201 and second.json()["next_occurrence"] is None
    assert (await complete_and_follow(client, alice, second.json(), JAN_21)).status_code == 409


async def test_undoing_the_delete_of_an_overdue_instance_gives_the_slot_back(
    client: AsyncClient, alice: User
) -> None:
    """Deleted weeks after its due time, its next instance is due after the delete; undo moves
    it back over several slots."""
    gym = await alice.create(title="Gym", rrule=MONDAYS_2, due_at=JAN_7)
    following = await delete_and_follow(client, alice, gym, JAN_28)
    back = await patch(alice, following, due_at=JAN_7)
    assert back["next_occurrence"] == JAN_14


# -- a reminder sent is not sent again -----------------------------------------------------
async def due_ids(client: AsyncClient, user: User) -> list[str]:
    r = await client.get("/internal/reminders/due", params={"limit": 1000})
    assert r.status_code == 200
    return [item["task_id"] for item in r.json()["items"] if item["user_id"] == user.id]


async def reminded(client: AsyncClient, user: User, **fields: Any) -> dict[str, Any]:
    """A task whose reminder (5 minutes ago) went out."""
    now = datetime.now(UTC).replace(microsecond=0)
    remind = iso(now - timedelta(minutes=5))
    task = await user.create(due_at=iso(now + timedelta(minutes=30)), remind_at=remind, **fields)
    r = await client.post(f"/internal/reminders/{task['id']}/sent", json={"remind_at": remind})
    assert r.json()["marked"] is True
    return await get(user, task["id"])


async def test_undoing_the_delete_of_a_reminded_instance_does_not_remind_again(
    client: AsyncClient, alice: User
) -> None:
    gym = await reminded(client, alice, title="Gym", rrule="FREQ=DAILY;COUNT=5")
    tomorrow = iso(datetime.fromisoformat(gym["due_at"]) + timedelta(days=1))
    following = await delete_and_follow(client, alice, gym, tomorrow)
    back = await patch(alice, following, **{k: gym[k] for k in MOVED_BACK if gym[k] is not None})
    assert back["remind_at"] == gym["remind_at"]
    assert back["id"] not in await due_ids(client, alice)


async def test_a_reminded_task_made_again_after_its_delete_is_not_reminded_again(
    client: AsyncClient, alice: User
) -> None:
    """Undo of a delete adds the task again (a new task, with its fields)."""
    call = await reminded(client, alice, title="Call mom", priority="HIGH")
    assert (await alice.request("DELETE", f"/api/tasks/{call['id']}")).status_code == 204
    again = await alice.create(**{k: call[k] for k in ("title", "priority", "due_at", "remind_at")})
    assert again["id"] not in await due_ids(client, alice)


async def test_reminders_not_sent_before_still_fire(client: AsyncClient, alice: User, bob: User) -> None:
    """Guards: a past reminder never sent fires, made again or new; one of the same title
    at another time fires; another user's sent reminder changes nothing."""
    now = datetime.now(UTC).replace(microsecond=0)
    past = iso(now - timedelta(minutes=5))
    unsent = await alice.create(title="Water plants", remind_at=past)
    assert (await alice.request("DELETE", f"/api/tasks/{unsent['id']}")).status_code == 204
    again = await alice.create(title="Water plants", remind_at=past)
    call = await reminded(client, alice, title="Call mom")
    assert (await alice.request("DELETE", f"/api/tasks/{call['id']}")).status_code == 204
    other_time = await alice.create(title="Call mom", remind_at=iso(now - timedelta(minutes=4)))
    open_twin = await reminded(client, alice, title="Pay rent")
    twin = await alice.create(title="Pay rent", remind_at=open_twin["remind_at"])  # the first not deleted
    assert set(await due_ids(client, alice)) == {again["id"], other_time["id"], twin["id"]}
    bobs = await bob.create(title="Call mom", remind_at=call["remind_at"])
    assert await due_ids(client, bob) == [bobs["id"]]
