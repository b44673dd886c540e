"""Request and response bodies. Field checks call the pure normalisers in domain.fields
and domain.recurrence, so a bad field is a 422 naming that field."""

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    model_validator,
)
from pydantic_core import PydanticCustomError

from task_service.adapters.repository import DueReminder
from task_service.domain.fields import (
    MAX_DESCRIPTION,
    MAX_TAG,
    MAX_TAGS,
    MAX_TAGS_SENT,
    MAX_TITLE,
    PRIORITIES,
    REPEAT_FROM,
    SUGGESTED_TAGS,
    clean_text,
    iso,
    normalise_description,
    normalise_priority,
    normalise_repeat_from,
    normalise_tags,
    normalise_time,
    normalise_title,
)
from task_service.domain.recurrence import normalise_rrule, normalise_zone
from task_service.domain.task import Task, snapshot

T = TypeVar("T")


def _checked(normalise: Callable[[T], Any]) -> AfterValidator:
    """The normaliser's ValueError as a plain 422 message (without pydantic's prefix)."""

    def validate(value: T) -> Any:
        try:
            return normalise(value)
        except ValueError as exc:
            raise PydanticCustomError("invalid", str(exc)) from None

    return AfterValidator(validate)


def _iso_string(value: Any) -> Any:
    # Only ISO 8601 strings: pydantic would also take numbers as Unix times.
    if not isinstance(value, str):
        raise PydanticCustomError("invalid", "must be an ISO 8601 time string")
    return value


def _single_line(value: str) -> str:
    return clean_text(value).strip()


# What the schema documents (OpenAPI, checked by schemathesis) is what the normalisers
# accept: no control characters, not blank, the length limits, the enums (the normalisers
# also accept other spellings, such as "high" or "very important"), years 1900..8999.
_NO_CONTROL = r"\x00-\x1f\x7f-\x9f"
_LINE = rf"^[^{_NO_CONTROL}]*[^\s{_NO_CONTROL}][^{_NO_CONTROL}]*$"
_TEXT = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$"
_TIME = {"format": "date-time", "pattern": r"^(19[0-9][0-9]|[2-8][0-9][0-9][0-9])-"}


def _documented(**schema: Any) -> Any:
    return Field(json_schema_extra=schema)


Title = Annotated[
    str, _documented(minLength=1, maxLength=MAX_TITLE, pattern=_LINE), _checked(normalise_title)
]
Description = Annotated[
    str, _documented(maxLength=MAX_DESCRIPTION, pattern=_TEXT), _checked(normalise_description)
]
PriorityIn = Annotated[str, _documented(enum=list(PRIORITIES)), _checked(normalise_priority)]
TagIn = Annotated[
    str,
    _documented(
        minLength=1,
        maxLength=MAX_TAG,
        pattern=r"^[^,\x00-\x1f\x7f-\x9f]*[^,\s\x00-\x1f\x7f-\x9f][^,\x00-\x1f\x7f-\x9f]*$",
    ),
]


def _tags_sent(value: Any) -> Any:
    # Bounds the work before each tag is read: a 1 MiB body holds 200,000 copies of one.
    if isinstance(value, list) and len(value) > MAX_TAGS_SENT:
        raise PydanticCustomError("invalid", f"At most {MAX_TAGS} tags.")
    return value


# At most 10 tags (API.md), counted once de-duplicated case-insensitively as they are
# matched ("Home" and "home" are one), by normalise_tags: a list of 11 with a duplicate in
# it is valid, so the schema's maxItems is only the bound on the list as sent.
TagList = Annotated[
    list[TagIn], BeforeValidator(_tags_sent), _documented(maxItems=MAX_TAGS_SENT), _checked(normalise_tags)
]
Time = Annotated[datetime, BeforeValidator(_iso_string), _documented(**_TIME), _checked(normalise_time)]
RRule = Annotated[str, _checked(normalise_rrule)]
# The IANA zone a repeating task keeps its wall-clock time in (as the preview's tz).
Zone = Annotated[
    str,
    Field(max_length=64, description="IANA time zone, e.g. Europe/London; null repeats in UTC"),
    _checked(normalise_zone),
]
RepeatFromIn = Annotated[str, _documented(enum=list(REPEAT_FROM)), _checked(normalise_repeat_from)]
_ONE_LINE = {"pattern": rf"^[^{_NO_CONTROL}]+$"}
UserId = Annotated[
    str, Field(min_length=1, max_length=200, json_schema_extra=_ONE_LINE), _checked(_single_line)
]
Key = Annotated[str, Field(min_length=1, max_length=200, json_schema_extra=_ONE_LINE), _checked(_single_line)]

# Fields of a task the server owns. A client may send a task back as it got it; these are
# ignored rather than refused. Any other unknown field is refused (it is likely a typo).
READ_ONLY = frozenset(
    {
        "id",
        "completed_at",
        "is_recurring",
        "series_id",
        "parent_task_id",
        "next_occurrence",
        "version",
        "created_at",
        "updated_at",
    }
)


class _TaskInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _drop_read_only(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if k not in READ_ONLY}
        return data


class TaskCreate(_TaskInput):
    title: Title
    description: Description = ""
    priority: PriorityIn = "MEDIUM"
    tags: TagList = []
    due_at: Time | None = None
    remind_at: Time | None = None
    rrule: RRule | None = None
    repeat_from: RepeatFromIn = "due"
    timezone: Zone | None = None
    completed: StrictBool = False

    def values(self) -> dict[str, Any]:
        return self.model_dump()


class TaskPatch(_TaskInput):
    """Only the fields sent change; null clears due_at, remind_at and rrule, and resets
    description, priority, tags and repeat_from to their defaults."""

    title: Title | None = None
    description: Description | None = None
    priority: PriorityIn | None = None
    tags: TagList | None = None
    due_at: Time | None = None
    remind_at: Time | None = None
    rrule: RRule | None = None
    repeat_from: RepeatFromIn | None = None
    timezone: Zone | None = None
    completed: StrictBool | None = None

    def values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.model_fields_set}


class TaskOut(BaseModel):
    """API.md "Task". Times are ISO 8601 in UTC with a trailing Z."""

    id: str
    title: str
    description: str
    completed: bool
    completed_at: str | None
    priority: str
    tags: list[str]
    due_at: str | None
    remind_at: str | None
    rrule: str | None
    repeat_from: str
    # Added to API.md's Task: the IANA zone the task repeats in (null: UTC).
    timezone: str | None = None
    is_recurring: bool
    series_id: str | None
    parent_task_id: str | None
    next_occurrence: str | None
    version: int
    created_at: str
    updated_at: str

    @classmethod
    def of(cls, task: Task) -> "TaskOut":
        return cls(**snapshot(task))


class TaskList(BaseModel):
    items: list[TaskOut]
    next_cursor: str | None
    corrected_search: str | None = Field(
        default=None,
        description="When the search as typed matched nothing and a typo correction did: the"
        ' corrected search these results are for ("grocreies" -> "groceries").',
    )


class TagCount(BaseModel):
    tag: str
    count: int


class TagsOut(BaseModel):
    suggested: list[str] = list(SUGGESTED_TAGS)
    used: list[TagCount]


# -- internal (service to service) -------------------------------------------------------
class NextOccurrenceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    user_id: UserId
    completed_task_id: Key
    occurrence_key: Key
    task: TaskCreate


class DueReminderOut(BaseModel):
    task_id: str
    user_id: str
    title: str
    due_at: str | None
    remind_at: str
    # The task's IANA zone (null: none), so the reminder can tell the due time in it.
    timezone: str | None = None

    @classmethod
    def of(cls, due: DueReminder) -> "DueReminderOut":
        return cls(
            task_id=str(due.task_id),
            user_id=due.user_id,
            title=due.title,
            due_at=iso(due.due_at),
            remind_at=iso(due.remind_at) or "",
            timezone=due.timezone,
        )


class ReminderTaskOut(BaseModel):
    """A task as notification-service needs it when a snoozed reminder comes due."""

    task_id: str
    user_id: str
    title: str
    due_at: str | None
    remind_at: str | None
    completed: bool
    timezone: str | None = None

    @classmethod
    def of(cls, task: Task) -> "ReminderTaskOut":
        return cls(
            task_id=str(task.id),
            user_id=task.user_id,
            title=task.title,
            due_at=iso(task.due_at),
            remind_at=iso(task.remind_at),
            completed=task.completed,
            timezone=task.timezone,
        )


class DueReminders(BaseModel):
    items: list[DueReminderOut]


class UpcomingReminders(BaseModel):
    """When reminders still to be sent come due soon: notification-service wakes itself then."""

    times: list[str]


class ReminderSentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    remind_at: Time
    # Optional extra scoping: when given, the task must be this user's.
    user_id: UserId | None = None


class ReminderSentOut(BaseModel):
    task_id: str
    # True when the reminder at remind_at is recorded as sent (now or by an earlier call);
    # False when the task's reminder has moved since, so it was not marked.
    marked: bool


class SeriesEndIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    user_id: UserId
