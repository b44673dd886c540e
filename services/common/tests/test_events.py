import uuid

import pytest
from pydantic import ValidationError
from todo_common.events import EventPayload, EventType, FieldChange, TaskEvent, dead_letter_topic


def test_a_new_event_round_trips_as_v1_json() -> None:
    event = TaskEvent.new(
        EventType.TASK_UPDATED,
        "user-1",
        "task-1",
        EventPayload(task={"title": "Pay rent"}, changes={"priority": FieldChange(old="LOW", new="HIGH")}),
    )
    data = event.to_data()
    assert data["schema_version"] == "v1" and data["event_type"] == "task.updated"
    assert data["payload"]["changes"]["priority"] == {"old": "LOW", "new": "HIGH"}
    assert TaskEvent.model_validate(data) == event


@pytest.mark.parametrize(
    "change",
    [
        {"schema_version": "v2"},
        {"event_type": "task.exploded"},
        {"user_id": ""},
        {"surprise": 1},
        {"event_id": "x"},
    ],
)
def test_anything_but_a_v1_event_is_refused(change: dict[str, object]) -> None:
    data = TaskEvent.new(EventType.TASK_CREATED, "u", str(uuid.uuid4())).to_data() | change
    with pytest.raises(ValidationError):
        TaskEvent.model_validate(data)


def test_dead_letter_topic_name() -> None:
    assert dead_letter_topic("task-events") == "task-events-dlq"
