"""Validation and normalisation of a task's fields. Pure: every function either returns
the canonical value or raises ValueError with a message meant for the caller."""

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Literal, get_args

from todo_common.text import clean_text as clean_text  # shared with todo_common.recurrence

Priority = Literal["VERY_IMPORTANT", "HIGH", "MEDIUM", "LOW"]
RepeatFrom = Literal["due", "completion"]

# Most important first: the default list order and the rank stored in the database.
PRIORITIES: tuple[Priority, ...] = get_args(Priority)
PRIORITY_RANK: dict[str, int] = {p: rank for rank, p in enumerate(PRIORITIES)}
REPEAT_FROM: tuple[RepeatFrom, ...] = get_args(RepeatFrom)

SUGGESTED_TAGS = ("Work", "Personal", "Shopping", "Health", "Finance", "Learning", "Urgent")
_SUGGESTED_BY_KEY = {t.casefold(): t for t in SUGGESTED_TAGS}

MAX_TITLE = 200
MAX_DESCRIPTION = 5000
MAX_TAGS = 10
# Tags in one request as sent, duplicates included (they are merged, then counted).
MAX_TAGS_SENT = 100
MAX_TAG = 32
MAX_SEARCH = 500

# Times outside this window are refused: nobody plans a task there, and keeping clear of
# datetime's limits means offsets and recurrence arithmetic can never overflow.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)


def normalise_title(value: str) -> str:
    title = clean_text(value.strip())
    if not title:
        raise ValueError("must not be empty")
    if len(title) > MAX_TITLE:
        raise ValueError(f"must be at most {MAX_TITLE} characters")
    return title


def normalise_description(value: str) -> str:
    description = clean_text(value, multiline=True).strip()
    if len(description) > MAX_DESCRIPTION:
        raise ValueError(f"must be at most {MAX_DESCRIPTION} characters")
    return description


def tag_key(tag: str) -> str:
    """How tags are compared: case-insensitively (casefold, so 'STRASSE' matches 'straße')."""
    return tag.casefold()


def normalise_tag(value: str) -> str:
    # Inner runs of whitespace collapse so 'deep  work' and 'deep work' are one tag.
    tag = " ".join(clean_text(value).split())
    if not tag:
        raise ValueError("tags must not be empty")
    if len(tag) > MAX_TAG:
        raise ValueError(f"each tag must be at most {MAX_TAG} characters")
    if "," in tag:
        # The list filter takes tags as a comma list; a tag with a comma could never match.
        raise ValueError("tags must not contain commas")
    return _SUGGESTED_BY_KEY.get(tag_key(tag), tag)


def normalise_tags(values: Iterable[str]) -> list[str]:
    """Trimmed, suggested tags in their canonical case, de-duplicated case-insensitively
    (the first spelling wins), in the order given."""
    seen: dict[str, str] = {}
    for value in values:
        tag = normalise_tag(value)
        seen.setdefault(tag_key(tag), tag)
    if len(seen) > MAX_TAGS:
        raise ValueError(f"At most {MAX_TAGS} tags.")
    return list(seen.values())


def normalise_priority(value: str) -> Priority:
    """Case-insensitive; 'very important' and 'very-important' are VERY_IMPORTANT."""
    key = "_".join(clean_text(value).strip().upper().replace("-", " ").split())
    for priority in PRIORITIES:
        if priority == key:
            return priority
    raise ValueError(f"must be one of {', '.join(PRIORITIES)}")


def normalise_repeat_from(value: str) -> RepeatFrom:
    key = clean_text(value).strip().lower()
    for option in REPEAT_FROM:
        if option == key:
            return option
    raise ValueError(f"must be one of {', '.join(REPEAT_FROM)}")


def normalise_time(value: datetime) -> datetime:
    """A timezone-aware instant, in UTC. Naive times are refused: guessing the zone would
    silently move a due date by hours."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("must include a timezone offset (for example 2030-01-31T09:00:00Z)")
    try:
        utc = value.astimezone(UTC)
    except OverflowError:
        raise ValueError("is out of range") from None
    if not EARLIEST <= utc < LATEST:
        raise ValueError(f"must be between {EARLIEST.year} and {LATEST.year}")
    return utc


def parse_time(value: str) -> datetime:
    """An ISO 8601 time from a query string. A '+' of an offset that arrived unescaped
    (decoded as a space) is restored."""
    text = clean_text(value).strip().replace(" ", "+")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError("must be an ISO 8601 time with a timezone, e.g. 2030-01-31T09:00:00Z") from None
    return normalise_time(parsed)


def iso(value: datetime | None) -> str | None:
    """The API's time format: ISO 8601 in UTC with a trailing Z."""
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
