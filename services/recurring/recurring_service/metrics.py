"""recurring-service's own metrics, beside todo_common.metrics (events_consumed_total
counts every event by outcome, invalid ones included)."""

from prometheus_client import Counter, Histogram

NEXT_INSTANCES_CREATED = Counter(
    "next_instances_created", "Next instances of recurring series made", ["cause"]
)
SERIES_ENDED = Counter(
    "series_ended",
    "Series marked ended: no occurrence left (exhausted) or task-service refused the next "
    "instance (refused: COUNT used up, or ended before)",
    ["reason"],
)
COMPLETION_TO_NEXT = Histogram(
    "completion_to_next_seconds",
    "From the task.completed event's timestamp to the next instance made",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300),
)
