"""The task list: its filters, its orderings and the opaque cursor of keyset pagination.

An ordering is a tuple of sort keys that ends with the task id, so it is total: a page
starts strictly after the last row of the previous page, and rows inserted meanwhile never
shift or repeat a page (unlike OFFSET)."""

import base64
import binascii
import hashlib
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import Any, Literal
from uuid import UUID

from task_service.domain.errors import InvalidInput
from task_service.domain.fields import (
    MAX_SEARCH,
    Priority,
    clean_text,
    iso,
    normalise_priority,
    normalise_tag,
    parse_time,
    tag_key,
)
from task_service.domain.recurrence import load_zone

Status = Literal["open", "completed", "all"]
DueFilter = Literal["overdue", "today", "week", "none"]
SortName = Literal["priority", "due_at", "created_at", "completed_at", "title", "relevance"]
Order = Literal["asc", "desc"]
KeyKind = Literal["int", "bool", "time", "text", "float", "uuid"]
# How a search matched: full text, or (when full text found nothing) full text again with
# its words corrected to the closest words of the user's vocabulary (trigram similarity).
SearchMode = Literal["fulltext", "trigram"]

# A search returns at most this many tasks, across all its pages.
SEARCH_RESULTS = 50
MAX_FILTER_TAGS = 20
MAX_CURSOR = 4096
_PREFIX_WORDS = 16
# Integer sort keys are priority ranks (0..3); the database column is a smallint.
_MAX_INT_KEY = 1000


@dataclass(frozen=True)
class SortKey:
    """One key of an ordering. `name` is known to the repository, which selects it."""

    name: str
    kind: KeyKind
    descending: bool = False
    nullable: bool = False


def ordering(sort: SortName, descending: bool) -> tuple[SortKey, ...]:
    """The keys of each sort; `descending` flips only the first key (and, for the time
    sorts created_at and completed_at and for title, the id that breaks their ties: Z to
    A is A to Z reversed, one index scan backwards). due_at sorts with
    nulls last in both directions: a task without a due date is never 'most urgent';
    completed_at likewise: an open task (status=all) is never 'latest done'."""
    by_due = (SortKey("due_null", "bool"), SortKey("due_at", "time", descending, nullable=True))
    if sort == "priority":
        return (
            SortKey("priority_rank", "int", descending),
            by_due[0],
            SortKey("due_at", "time", nullable=True),
            SortKey("created_at", "time"),
            SortKey("id", "uuid"),
        )
    if sort == "due_at":
        return (
            *by_due,
            SortKey("priority_rank", "int"),
            SortKey("created_at", "time"),
            SortKey("id", "uuid"),
        )
    if sort == "created_at":
        return (SortKey("created_at", "time", descending), SortKey("id", "uuid", descending))
    if sort == "completed_at":
        return (
            SortKey("completed_null", "bool"),
            SortKey("completed_at", "time", descending, nullable=True),
            SortKey("id", "uuid", descending),
        )
    if sort == "title":
        return (SortKey("title_key", "text", descending), SortKey("id", "uuid", descending))
    # Equal ranks (a common word often ranks thousands of tasks alike) newest first.
    return (SortKey("rank", "float", descending), SortKey("created_at", "time", True), SortKey("id", "uuid"))


@dataclass(frozen=True)
class ListQuery:
    user_id: str
    status: Status
    priorities: tuple[Priority, ...]
    tag_keys: tuple[str, ...]
    # Bounds on due_at: ge/lt from due=today|week, gt/lt_strict from due_after/due_before.
    due_none: bool
    overdue_at: datetime | None
    due_ge: datetime | None
    due_lt: datetime | None
    due_after: datetime | None
    due_before: datetime | None
    # Strict bounds on completed_at (completed_after/completed_before). They say nothing
    # about status: with status=open (the default) they match nothing.
    completed_after: datetime | None
    completed_before: datetime | None
    search: str | None
    sort: SortName
    keys: tuple[SortKey, ...]
    limit: int
    fingerprint: str
    # From the cursor: where the previous page ended, and how its search matched.
    after: tuple[Any, ...] | None = None
    mode: SearchMode | None = None
    # The corrected search text of a "trigram" search, so later pages search the same.
    corrected: str | None = None

    def next_cursor(
        self, values: Sequence[Any], mode: SearchMode | None, corrected: str | None = None
    ) -> str:
        return encode_cursor(self, values, mode, corrected)


def build_list_query(
    *,
    user_id: str,
    now: datetime,
    status: Status = "open",
    priority: str | None = None,
    tags: str | None = None,
    due: DueFilter | None = None,
    due_before: str | None = None,
    due_after: str | None = None,
    completed_before: str | None = None,
    completed_after: str | None = None,
    tz: str | None = None,
    search: str | None = None,
    sort: SortName | None = None,
    order: Order | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> ListQuery:
    """Parse the list endpoint's query into a ListQuery, or raise InvalidInput naming
    every bad parameter."""
    errors: dict[str, str] = {}

    def attempt(name: str, parse: Any, *args: Any) -> Any:
        try:
            return parse(*args)
        except ValueError as exc:
            errors[name] = str(exc)
            return None

    text = attempt("search", _normalise_search, search) if search is not None else None
    priorities = attempt("priority", _priorities, priority) if priority else ()
    keys_of_tags = attempt("tags", _tag_keys, tags) if tags else ()
    before = attempt("due_before", parse_time, due_before) if due_before else None
    after = attempt("due_after", parse_time, due_after) if due_after else None
    done_before = attempt("completed_before", parse_time, completed_before) if completed_before else None
    done_after = attempt("completed_after", parse_time, completed_after) if completed_after else None
    zone = attempt("tz", load_zone, tz) if tz else UTC
    if sort == "relevance" and not text:
        errors["sort"] = "relevance needs a search"
    if errors:
        raise InvalidInput(errors)

    chosen: SortName = sort or ("relevance" if text else "priority")
    # Best match first and latest done first, unless asked otherwise.
    descending = order == "desc" if order else chosen in ("relevance", "completed_at")
    due_ge = due_lt = None
    if due in ("today", "week"):
        due_ge, due_lt = _day_window(now, zone, days=1 if due == "today" else 7)
    fingerprint = _fingerprint(
        status,
        priorities,
        keys_of_tags,
        due,
        before,
        after,
        str(zone),
        text,
        chosen,
        descending,
        # Only when set, so the cursors of lists without them stay what they were.
        *((done_after, done_before) if done_after or done_before else ()),
    )
    query = ListQuery(
        user_id=user_id,
        status=status,
        priorities=priorities or (),
        tag_keys=keys_of_tags or (),
        due_none=due == "none",
        overdue_at=now if due == "overdue" else None,
        due_ge=due_ge,
        due_lt=due_lt,
        due_after=after,
        due_before=before,
        completed_after=done_after,
        completed_before=done_before,
        search=text,
        sort=chosen,
        keys=ordering(chosen, descending),
        limit=min(limit, SEARCH_RESULTS) if text else limit,
        fingerprint=fingerprint,
    )
    if cursor is not None:
        after_values, mode, corrected = decode_cursor(cursor, query)
        query = replace(query, after=after_values, mode=mode, corrected=corrected)
    return query


def _normalise_search(value: str) -> str | None:
    # Longer queries are refused rather than cut: a cut query would silently search for
    # something else. 500 characters is far beyond any real search.
    text = " ".join(clean_text(value).split())
    if len(text) > MAX_SEARCH:
        raise ValueError(f"must be at most {MAX_SEARCH} characters")
    return text or None


def _priorities(value: str) -> tuple[Priority, ...]:
    found = [normalise_priority(p) for p in value.split(",") if p.strip()]
    return tuple(dict.fromkeys(found))


def _tag_keys(value: str) -> tuple[str, ...]:
    found = [tag_key(normalise_tag(t)) for t in value.split(",") if t.strip()]
    unique = tuple(dict.fromkeys(found))
    if len(unique) > MAX_FILTER_TAGS:
        raise ValueError(f"at most {MAX_FILTER_TAGS} tags")
    return unique


def _day_window(now: datetime, zone: tzinfo, days: int) -> tuple[datetime, datetime]:
    """[start of today, start of the day `days` later) in the caller's zone, as UTC. Built
    from local dates, so a day with a DST change is 23 or 25 hours long, as it should be."""
    today = now.astimezone(zone).date()
    start = datetime.combine(today, time(), tzinfo=zone)
    end = datetime.combine(today + timedelta(days=days), time(), tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def _fingerprint(*parts: Any) -> str:
    text = json.dumps([p if not isinstance(p, datetime) else iso(p) for p in parts], default=list)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# -- search ---------------------------------------------------------------------------------
_WORD = re.compile(r"\w+")


def prefix_tsquery(search: str) -> str | None:
    """A to_tsquery text that matches each typed word as a prefix ('grocer' finds
    'groceries'): 'word':* joined by &, with -word as !'word'. A "quoted phrase" stays a
    phrase, as websearch_to_tsquery reads it ('a':* <-> 'b':*; -"a b" negates it), so the
    prefix part finds nothing a phrase search would not. Only \\w characters reach the
    query, quoted, so no input can inject tsquery syntax. At most _PREFIX_WORDS words.
    None without a positive word."""
    terms: list[str] = []
    positive = False
    words_left = _PREFIX_WORDS
    for negated, phrase, text in _search_terms(search):
        words = _WORD.findall(text)[:words_left]
        if not words:
            continue
        words_left -= len(words)
        if phrase:
            term = " <-> ".join(f"{_quoted(w)}:*" for w in words)
            terms.append(f"!({term})" if negated else f"({term})")
        else:
            terms += [f"!{_quoted(w)}" if negated else f"{_quoted(w)}:*" for w in words]
        positive = positive or not negated
    if not positive:
        return None
    return " & ".join(terms)


def _quoted(word: str) -> str:
    return "'" + word.replace("'", "''") + "'"


def _search_terms(search: str) -> list[tuple[bool, bool, str]]:
    """(negated, phrase, text) for each term of a search in websearch syntax: text
    between double quotes is one phrase (an unclosed quote runs to the end), "or" is
    dropped, and a term written with a leading - is negated."""
    terms: list[tuple[bool, bool, str]] = []
    parts = search.split('"')
    for i, part in enumerate(parts):
        if i % 2:  # between quotes
            before = parts[i - 1]
            negated = before.endswith("-") and (len(before) == 1 or before[-2].isspace())
            terms.append((negated, True, part))
            continue
        terms += [(token.startswith("-"), False, token) for token in part.split() if token.lower() != "or"]
    return terms


_LETTERS = re.compile(r"[^\W\d_]+")
# Words shorter than this are not corrected (nor kept in the vocabulary).
MIN_CORRECTED = 3


def correctable_words(search: str) -> list[str]:
    """The words of a search that a typo correction may replace: lower-cased letters-only
    words of the positive terms, as the vocabulary stores them."""
    words: list[str] = []
    for negated, _phrase, text in _search_terms(search):
        if not negated:
            words += [w.lower() for w in _LETTERS.findall(text) if MIN_CORRECTED <= len(w) <= 32]
    return list(dict.fromkeys(words))[:_PREFIX_WORDS]


def apply_corrections(search: str, corrections: Mapping[str, str]) -> str | None:
    """The search with each corrected word replaced (case-insensitively, whole words only),
    or None when nothing changes, so there is nothing new to search for."""
    changed = {w: c for w, c in corrections.items() if c and c != w}
    if not changed:
        return None
    return _LETTERS.sub(lambda m: changed.get(m.group(0).lower(), m.group(0)), search)


# -- cursor ---------------------------------------------------------------------------------
def encode_cursor(
    query: ListQuery, values: Sequence[Any], mode: SearchMode | None, corrected: str | None = None
) -> str:
    body = {
        "v": 1,
        "f": query.fingerprint,
        "k": [_dump(key, value) for key, value in zip(query.keys, values, strict=True)],
        "m": mode,
    }
    if mode == "trigram":
        body["c"] = corrected
    raw = json.dumps(body, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, query: ListQuery) -> tuple[tuple[Any, ...], SearchMode | None, str | None]:
    """The position a cursor encodes, checked against the query it is used with. A cursor
    is opaque but not secret: it only ever positions within the caller's own tasks."""
    bad = InvalidInput({"cursor": "is not a cursor of this query; start again without it"})
    if not cursor or len(cursor) > MAX_CURSOR:
        raise bad
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        body = json.loads(raw)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise bad from None
    if not isinstance(body, dict) or body.get("v") != 1 or body.get("f") != query.fingerprint:
        raise bad
    values, mode = body.get("k"), body.get("m")
    if not isinstance(values, list) or len(values) != len(query.keys):
        raise bad
    if mode not in ((None,) if query.search is None else ("fulltext", "trigram")):
        raise bad
    corrected = body.get("c")
    if mode == "trigram":
        if not isinstance(corrected, str):
            raise bad
        try:
            corrected = _normalise_search(corrected)
        except ValueError:
            raise bad from None
        if corrected is None:
            raise bad
    try:
        loaded = tuple(_load(key, value) for key, value in zip(query.keys, values, strict=True))
    except (ValueError, TypeError, OverflowError):
        raise bad from None
    return loaded, mode, corrected if mode == "trigram" else None


def _dump(key: SortKey, value: Any) -> Any:
    if value is None:
        return None
    if key.kind == "time":
        return value.astimezone(UTC).isoformat()
    if key.kind == "uuid":
        return str(value)
    return value


def _load(key: SortKey, value: object) -> Any:
    """A cursor value back as the key's type; TypeError or ValueError when it is not."""
    if value is None:
        if key.nullable:
            return None
        raise ValueError("null")
    # bool is an int in Python: an int key must not take true/false and vice versa.
    if key.kind == "bool" and isinstance(value, bool):
        return value
    if key.kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        if not 0 <= value <= _MAX_INT_KEY:
            raise ValueError("out of range")
        return value
    if key.kind == "float" and isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise ValueError("not finite")
        return float(value)
    if key.kind == "text" and isinstance(value, str):
        return clean_text(value)
    if key.kind == "uuid" and isinstance(value, str):
        return UUID(value)
    if key.kind == "time" and isinstance(value, str):
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError("naive time")
        return parsed.astimezone(UTC)
    raise TypeError(key.name)
