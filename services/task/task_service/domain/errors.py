"""What can go wrong in a task use case, independent of HTTP (app.py maps these)."""


class TaskError(Exception):
    """Base of the domain's errors; the message is safe to show to the caller."""


class InvalidInput(TaskError):
    """One or more fields are not acceptable: `fields` maps each to the reason."""

    def __init__(self, fields: dict[str, str], message: str = "The request is not valid.") -> None:
        super().__init__(message)
        self.fields = fields


class NotFound(TaskError):
    """No such task for this user (another user's task is not found either)."""


class Conflict(TaskError):
    """The request contradicts the current state (reused idempotency key, ended series)."""


class PreconditionFailed(TaskError):
    """If-Match named a version that is no longer current."""
