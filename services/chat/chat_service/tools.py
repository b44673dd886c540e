"""The MCP server: one stateless tool per task operation, written with the official SDK's
high-level server. Every call acts as the user whose JWT came with the request; results
are plain dicts, and failures are dicts too ({"ok": false, "error", "message"}), never
stack traces."""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dateparser
from mcp.server.mcpserver import Context, MCPServer
from todo_common.events import EDITABLE_FIELDS
from todo_common.recurrence import next_remind_at, zone_or

from chat_service.adapters.task_api import TaskApi, TaskApiError
from chat_service.domain.parse import SUGGESTED_TAGS, priority_word
from chat_service.domain.recurrence import first_due, parse_rule
from chat_service.domain.when import parse_when

log = logging.getLogger(__name__)

TasksFor = Callable[[Context], Awaitable[TaskApi]]
Result = dict[str, Any]
SUMMARY_FIELDS = (
    "id",
    *EDITABLE_FIELDS,
    "completed_at",
    "is_recurring",
    "series_id",
    "parent_task_id",
    "next_occurrence",
    "version",
)
STATUSES = ("open", "completed", "all")
DUE_FILTERS = ("overdue", "today", "week", "none")
SORTS = ("priority", "due_at", "created_at", "title", "relevance")

INSTRUCTIONS = (
    "Tools for the signed-in user's todo list. Times are ISO 8601; a time without an offset, or plain "
    "English like 'tomorrow 5pm', is read in the `timezone` argument (IANA, default UTC). Results are "
    "dicts with ok=true, or ok=false with an error code and message."
)


class ToolInputError(Exception):
    """An argument the tool cannot use; reported to the caller, not raised further."""

    def __init__(self, message: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message, self.fields = message, fields or {}


class NotAuthenticated(Exception):
    """The request carried no valid bearer token."""


def summary(task: dict[str, Any]) -> dict[str, Any]:
    return {k: task.get(k) for k in SUMMARY_FIELDS if k in task}


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        raise ToolInputError(
            f"Unknown timezone {name!r}; use an IANA name like Europe/Berlin.", {"timezone": "unknown"}
        ) from None


def _task_zone(task: dict[str, Any], default: ZoneInfo) -> tzinfo:
    """The zone the task's times are kept in: its own `timezone`, else `default` (the user's)."""
    return zone_or(task.get("timezone"), default)


def read_time(value: str | None, zone: ZoneInfo, now: datetime, field: str) -> datetime | None:
    """An ISO 8601 time (naive ones in `zone`) or plain English, as an aware UTC time."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        moment = None
    if moment is not None:
        return (moment if moment.tzinfo else moment.replace(tzinfo=zone)).astimezone(UTC)
    local_now = now.astimezone(zone)
    found, rest = parse_when(text, local_now)
    if found is not None and not rest.strip(" ,.") and found.at:
        return found.at.astimezone(UTC)
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "TIMEZONE": zone.key,
            "RETURN_AS_TIMEZONE_AWARE": True,
            "PREFER_DATES_FROM": "future",
            "RELATIVE_BASE": local_now.replace(tzinfo=None),
        },
    )
    if parsed is None:
        raise ToolInputError(f"{field}: could not read {text!r} as a date and time.", {field: "not a time"})
    result: datetime = parsed.astimezone(UTC)
    return result


def iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def _exact(moment: datetime) -> str:
    """A time to the microsecond, as task-service stores completed_at."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _priority(value: str) -> str:
    priority = priority_word(value)
    if priority is None:
        raise ToolInputError(
            f"Unknown priority {value!r}; use VERY_IMPORTANT, HIGH, MEDIUM or LOW.", {"priority": "unknown"}
        )
    return priority


def _rule(value: str) -> str:
    rule = parse_rule(value)
    if rule is None:
        raise ToolInputError(
            f"Could not read {value!r} as a repeat rule; use an RRULE like FREQ=WEEKLY;BYDAY=MO "
            "or words like 'daily' or 'every 2 weeks'.",
            {"rule": "not a rule"},
        )
    return rule


def _choice(value: str | None, allowed: tuple[str, ...], field: str) -> str | None:
    if value is None or value == "":
        return None
    if value not in allowed:
        raise ToolInputError(f"{field} must be one of {', '.join(allowed)}.", {field: "unknown"})
    return value


def _failure(code: str, message: str, fields: dict[str, str] | None = None) -> Result:
    result: Result = {"ok": False, "error": code, "message": message}
    if fields:
        result["fields"] = fields
    return result


def _api_failure(exc: TaskApiError) -> Result:
    if exc.code == "not_found":
        return _failure("not_found", "No such task (it may have been deleted).")
    detail = "; ".join(f"{k}: {v}" for k, v in exc.fields.items())
    message = exc.message.rstrip(".") + (f" ({detail})" if detail else "") + "."
    return _failure(exc.code, message, exc.fields or None)


def _tag_key(tag: str) -> str:
    """How task-service compares tags: case-insensitively, inner whitespace collapsed."""
    return " ".join(tag.split()).casefold()


_SUGGESTED_KEYS = frozenset(_tag_key(t) for t in SUGGESTED_TAGS)


async def users_spelling(api: TaskApi, names: list[str]) -> list[str]:
    """The tags to add, each a tag the user already has in their spelling of it ("Econ" is
    econ when their tasks say econ); others as given. Suggested tags need no look-up
    (task-service saves them in their canonical case), so only a tag outside that set costs
    one GET /api/tags; if that fails, the tags go as given (they match case-insensitively)."""
    if all(_tag_key(n) in _SUGGESTED_KEYS for n in names):
        return names
    try:
        used = (await api.tags()).get("used") or []
    except TaskApiError:
        return names
    spelled = {_tag_key(str(u["tag"])): str(u["tag"]) for u in used if isinstance(u, dict) and u.get("tag")}
    return [spelled.get(_tag_key(n), n) for n in names]


def _utcnow() -> datetime:
    return datetime.now(UTC)


# How often find_next_instance looks again while recurring-service makes the instance, and
# the longest it may be asked to wait.
NEXT_INSTANCE_POLL_SECONDS = 0.3
NEXT_INSTANCE_MAX_WAIT_SECONDS = 10.0


def build_mcp_server(
    tasks_for: TasksFor,
    clock: Callable[[], datetime] = _utcnow,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> MCPServer:
    """The tools, each acting through the TaskApi that `tasks_for` gives for the caller
    (`sleep`: how find_next_instance waits between looks)."""
    mcp: MCPServer = MCPServer("todo-tasks", instructions=INSTRUCTIONS)

    async def run(ctx: Context, operation: Callable[[TaskApi], Awaitable[Result]]) -> Result:
        try:
            api = await tasks_for(ctx)
            return await operation(api)
        except NotAuthenticated:
            return _failure("unauthorized", "Sign in first: a valid bearer token is required.")
        except ToolInputError as exc:
            return _failure("validation_error", exc.message, exc.fields)
        except TaskApiError as exc:
            return _api_failure(exc)
        except Exception:
            log.exception("tool failed")
            return _failure("internal", "Something went wrong on our side; please try again.")

    def done(task: dict[str, Any]) -> Result:
        return {"ok": True, "task": summary(task)}

    async def patch(
        api: TaskApi, task_id: str, change: Callable[[dict[str, Any]], dict[str, Any] | None]
    ) -> Result:
        """Read, change and write back with If-Match, retrying once if someone else wrote
        in between (so concurrent tag edits are not lost)."""
        for attempt in range(3):
            task = await api.get(task_id)
            body = change(task)
            if body is None:
                return done(task)
            try:
                return done(await api.update(task_id, body, version=int(task["version"])))
            except TaskApiError as exc:
                if exc.status != 412 or attempt == 2:
                    raise
        raise AssertionError("unreachable")

    @mcp.tool()
    async def add_task(
        ctx: Context,
        title: str,
        description: str = "",
        priority: str = "MEDIUM",
        tags: list[str] | None = None,
        due_at: str | None = None,
        remind_at: str | None = None,
        remind_minutes_before: int | None = None,
        rrule: str | None = None,
        repeat_from: str = "due",
        timezone: str = "UTC",
    ) -> Result:
        """Create a task. priority: VERY_IMPORTANT, HIGH, MEDIUM or LOW. due_at/remind_at: ISO 8601
        or plain English in `timezone`. rrule: an RRULE body or words like 'every Monday'; a
        repeating task without due_at starts at its next occurrence, 09:00 local."""

        async def op(api: TaskApi) -> Result:
            zone, now = _zone(timezone), clock()
            body: dict[str, Any] = {
                "title": title,
                "description": description,
                "priority": _priority(priority),
            }
            body["tags"] = await users_spelling(api, list(tags or []))
            due = read_time(due_at, zone, now, "due_at")
            rule = _rule(rrule) if rrule else None
            if rule and due is None:
                due = first_due(rule, now.astimezone(zone)).astimezone(UTC)
            remind = read_time(remind_at, zone, now, "remind_at")
            if remind_minutes_before is not None:
                if due is None:
                    raise ToolInputError(
                        "A reminder before the due time needs a due time.", {"due_at": "required"}
                    )
                if remind_minutes_before < 0:
                    raise ToolInputError(
                        "remind_minutes_before must be 0 or more.", {"remind_minutes_before": "negative"}
                    )
                remind = due - timedelta(minutes=remind_minutes_before)
            body.update(due_at=iso(due), remind_at=iso(remind), rrule=rule, repeat_from=repeat_from)
            if rule:
                body["timezone"] = str(zone)  # the series keeps its local time across DST
            return done(await api.create(body))

        return await run(ctx, op)

    @mcp.tool()
    async def list_tasks(
        ctx: Context,
        status: str = "open",
        priority: str | None = None,
        tags: str | None = None,
        due: str | None = None,
        due_before: str | None = None,
        due_after: str | None = None,
        completed_after: str | None = None,
        completed_before: str | None = None,
        sort: str | None = None,
        order: str | None = None,
        limit: int = 50,
        timezone: str = "UTC",
        skip: int = 0,
    ) -> Result:
        """List tasks. status: open|completed|all. priority: comma list (HIGH,LOW). tags: comma
        list, a task must have all. due: overdue|today|week|none (in `timezone`). sort:
        priority|due_at|created_at|title|completed_at; order: asc|desc. Default order:
        priority, then due. completed_after/completed_before (from, before): the tasks
        completed then, latest first ("what did I finish this week?"). skip: leave out that
        many of the first tasks ("show me the rest": the same arguments, skip = how many were
        shown; at most 100 tasks in all are reached)."""

        async def op(api: TaskApi) -> Result:
            zone, now = _zone(timezone), clock()
            skipped = max(0, min(99, int(skip)))
            if completed_after or completed_before or sort == "completed_at":
                done_from = read_time(completed_after, zone, now, "completed_after")
                done_before = read_time(completed_before, zone, now, "completed_before")
                done: dict[str, Any] = {"status": "completed"}
                if priority:
                    done["priority"] = ",".join(_priority(p) for p in priority.split(",") if p.strip())
                if tags:
                    done["tags"] = tags
                return await _completed(api, done, done_from, done_before, order, limit, skipped)
            params: dict[str, Any] = {"status": _choice(status, STATUSES, "status") or "open"}
            if priority:
                params["priority"] = ",".join(_priority(p) for p in priority.split(",") if p.strip())
            if tags:
                params["tags"] = tags
            if due:
                params["due"] = _choice(due, DUE_FILTERS, "due")
                params["tz"] = zone.key
            if due_before:
                params["due_before"] = iso(read_time(due_before, zone, now, "due_before"))
            if due_after:
                params["due_after"] = iso(read_time(due_after, zone, now, "due_after"))
            if sort:
                params["sort"] = _choice(sort, SORTS, "sort")
            if order:
                params["order"] = _choice(order, ("asc", "desc"), "order")
            params["limit"] = max(1, min(100, int(limit) + skipped))
            page = await api.list(params)
            tasks = [summary(t) for t in page.get("items", [])][skipped:]
            return {"ok": True, "count": len(tasks), "tasks": tasks, "more": bool(page.get("next_cursor"))}

        return await run(ctx, op)

    async def _completed(
        api: TaskApi,
        params: dict[str, Any],
        done_from: datetime | None,
        done_before: datetime | None,
        order: str | None,
        limit: int,
        skipped: int = 0,
    ) -> Result:
        """The completed tasks done in [done_from, done_before), latest first (or oldest): one
        call, task-service sorting and bounding by completion time. Its bounds are strict, so
        the start goes in as the microsecond before it (completed_at is stored to the
        microsecond): a task done at 00:00:00 sharp counts for the day it starts."""
        query = {
            **params,
            "sort": "completed_at",
            "order": "asc" if order == "asc" else "desc",
            "limit": max(1, min(100, int(limit) + skipped)),
        }
        if done_from is not None:
            query["completed_after"] = _exact(done_from - timedelta(microseconds=1))
        if done_before is not None:
            query["completed_before"] = _exact(done_before)
        page = await api.list(query)
        tasks = [summary(t) for t in page.get("items", [])][skipped:]
        return {"ok": True, "count": len(tasks), "tasks": tasks, "more": bool(page.get("next_cursor"))}

    @mcp.tool()
    async def search_tasks(
        ctx: Context, query: str, status: str = "all", limit: int = 20, skip: int = 0
    ) -> Result:
        """Full-text search over titles, descriptions and tags, best matches first.
        status: open|completed|all. skip: leave out that many first matches (the next page);
        more: whether matches are left after these."""
        skipped = max(0, min(50, int(skip)))

        async def op(api: TaskApi) -> Result:
            if not query.strip():
                raise ToolInputError("query must not be empty.", {"query": "empty"})
            params = {
                "search": query.strip()[:500],
                "status": _choice(status, STATUSES, "status") or "all",
                "limit": max(1, min(50, int(limit))) + skipped,
            }
            page = await api.list(params)
            tasks = [summary(t) for t in page.get("items", [])][skipped:]
            result: Result = {"ok": True, "count": len(tasks), "tasks": tasks}
            if page.get("next_cursor"):
                result["more"] = True
            if page.get("corrected_search"):
                # What was typed matched nothing; these tasks match the typo-corrected words.
                result["corrected_query"] = page["corrected_search"]
            return result

        return await run(ctx, op)

    @mcp.tool()
    async def get_task(ctx: Context, task_id: str) -> Result:
        """One task by id."""
        return await run(ctx, lambda api: _get(api, task_id))

    async def _get(api: TaskApi, task_id: str) -> Result:
        return done(await api.get(task_id))

    @mcp.tool()
    async def update_task(
        ctx: Context,
        task_id: str,
        title: str | None = None,
        description: str | None = None,
        priority: str | None = None,
        tags: list[str] | None = None,
        due_at: str | None = None,
        remind_at: str | None = None,
        rrule: str | None = None,
        repeat_from: str | None = None,
        timezone: str = "UTC",
        version: int | None = None,
    ) -> Result:
        """Change the fields given (others stay). To clear a due date, reminder or repeat use
        set_due_date, set_reminder or clear_recurring. version: the task's version as last
        seen; if it changed since, nothing is changed (error precondition_failed)."""

        async def op(api: TaskApi) -> Result:
            zone, now = _zone(timezone), clock()
            body: dict[str, Any] = {}
            if title is not None:
                body["title"] = title
            if description is not None:
                body["description"] = description
            if priority is not None:
                body["priority"] = _priority(priority)
            if tags is not None:
                body["tags"] = tags
            if due_at is not None:
                body["due_at"] = iso(read_time(due_at, zone, now, "due_at"))
            if remind_at is not None:
                body["remind_at"] = iso(read_time(remind_at, zone, now, "remind_at"))
            if rrule is not None:
                body["rrule"] = _rule(rrule)
                body["timezone"] = str(zone)
            if repeat_from is not None:
                body["repeat_from"] = repeat_from
            if not body:
                raise ToolInputError("Nothing to change: give at least one field.")
            return done(await api.update(task_id, body, version=version))

        return await run(ctx, op)

    @mcp.tool()
    async def complete_task(ctx: Context, task_id: str) -> Result:
        """Mark a task done. A repeating task's next instance appears shortly after."""
        return await run(ctx, lambda api: _complete(api, task_id))

    async def _complete(api: TaskApi, task_id: str) -> Result:
        return done(await api.complete(task_id))

    @mcp.tool()
    async def reopen_task(ctx: Context, task_id: str) -> Result:
        """Mark a done task as open again."""
        return await run(ctx, lambda api: _reopen(api, task_id))

    async def _reopen(api: TaskApi, task_id: str) -> Result:
        return done(await api.reopen(task_id))

    @mcp.tool()
    async def delete_task(ctx: Context, task_id: str, series: bool = False) -> Result:
        """Delete a task. Deleting an open instance of a repeating task leaves its series
        going: the next instance is made a moment later. With series=true the series ends
        too (no further instances), as undoing the add of a repeating task needs."""

        async def op(api: TaskApi) -> Result:
            await api.delete(task_id, series=series)
            return {"ok": True, "deleted": task_id, **({"series_ended": True} if series else {})}

        return await run(ctx, op)

    @mcp.tool()
    async def find_next_instance(
        ctx: Context,
        task_id: str,
        title: str,
        series_id: str | None = None,
        parent_task_id: str | None = None,
        wait_seconds: float = 5.0,
    ) -> Result:
        """The open instance that a repeating task's series goes on with after that task
        (`task_id`, `title`, its `series_id` and `parent_task_id` as last seen) was deleted
        while open: recurring-service makes it a moment after the delete. Waits up to
        wait_seconds (at most 10) for it to appear. task is null when none appeared (the
        series had ended). To undo such a delete, move this instance back (update_task with
        its version) rather than adding the task again, which would start a second series."""

        async def op(api: TaskApi) -> Result:
            if not title.strip():
                raise ToolInputError("title must not be empty.", {"title": "empty"})
            # An instance's parent_task_id is the first task of its series.
            first = parent_task_id or task_id
            wait = max(0.0, min(NEXT_INSTANCE_MAX_WAIT_SECONDS, float(wait_seconds)))

            def successor(tasks: list[dict[str, Any]]) -> dict[str, Any] | None:
                for task in tasks:
                    same_series = task.get("series_id") == series_id if series_id else True
                    if (
                        task.get("id") != task_id
                        and not task.get("completed")
                        and task.get("parent_task_id") == first
                        and same_series
                    ):
                        return task
                return None

            looks = 1 + round(wait / NEXT_INSTANCE_POLL_SECONDS)
            for look in range(looks):
                if look:
                    await sleep(NEXT_INSTANCE_POLL_SECONDS)
                # By its title; else among the newest open tasks (a title the full-text
                # search cannot match, such as one of stop words only).
                searched = await api.list({"search": title.strip()[:500], "status": "open", "limit": 50})
                found = successor(searched.get("items", []))
                if found is None:
                    newest = await api.list(
                        {"status": "open", "sort": "created_at", "order": "desc", "limit": 20}
                    )
                    found = successor(newest.get("items", []))
                if found is not None:
                    return done(found)
            return {"ok": True, "task": None}

        return await run(ctx, op)

    @mcp.tool()
    async def set_priority(ctx: Context, task_id: str, priority: str) -> Result:
        """Set the priority: VERY_IMPORTANT (urgent), HIGH, MEDIUM or LOW."""

        async def op(api: TaskApi) -> Result:
            return done(await api.update(task_id, {"priority": _priority(priority)}))

        return await run(ctx, op)

    @mcp.tool()
    async def add_tag(ctx: Context, task_id: str, tag: str) -> Result:
        """Add one tag (suggested: Work, Personal, Shopping, Health, Finance, Learning, Urgent)."""

        async def op(api: TaskApi) -> Result:
            name = tag.strip().lstrip("#").strip()
            if not name:
                raise ToolInputError("tag must not be empty.", {"tag": "empty"})
            name = (await users_spelling(api, [name]))[0]

            def change(task: dict[str, Any]) -> dict[str, Any] | None:
                current = list(task.get("tags") or [])
                if name.casefold() in (t.casefold() for t in current):
                    return None
                return {"tags": [*current, name]}

            return await patch(api, task_id, change)

        return await run(ctx, op)

    @mcp.tool()
    async def remove_tag(ctx: Context, task_id: str, tag: str) -> Result:
        """Remove one tag (case-insensitive)."""

        async def op(api: TaskApi) -> Result:
            name = tag.strip().lstrip("#").strip().casefold()
            task = await api.get(task_id)
            if name not in (t.casefold() for t in task.get("tags") or []):
                return _failure("not_found", f"The task has no tag {tag!r}.")

            def change(task: dict[str, Any]) -> dict[str, Any] | None:
                current = list(task.get("tags") or [])
                kept = [t for t in current if t.casefold() != name]
                return None if kept == current else {"tags": kept}

            return await patch(api, task_id, change)

        return await run(ctx, op)

    @mcp.tool()
    async def set_due_date(
        ctx: Context, task_id: str, due_at: str | None = None, timezone: str = "UTC"
    ) -> Result:
        """Set the due time (ISO 8601 or plain English in `timezone`); null removes it. A
        reminder keeps its distance to the due time on the wall clock of the task's timezone,
        else `timezone` (the evening before at 18:00 stays at 18:00 across a daylight-saving
        change; 30 minutes before stays 30 minutes)."""

        async def op(api: TaskApi) -> Result:
            zone = _zone(timezone)
            due = read_time(due_at, zone, clock(), "due_at")

            def change(task: dict[str, Any]) -> dict[str, Any]:
                body: dict[str, Any] = {"due_at": iso(due)}
                old_due, old_remind = _parse(task.get("due_at")), _parse(task.get("remind_at"))
                if old_due and old_remind and due:
                    remind = next_remind_at(due, old_due, old_remind, _task_zone(task, zone))
                    body["remind_at"] = iso(remind)
                return body

            return await patch(api, task_id, change)

        return await run(ctx, op)

    @mcp.tool()
    async def set_reminder(
        ctx: Context,
        task_id: str,
        minutes_before: int | None = None,
        remind_at: str | None = None,
        clear: bool = False,
        timezone: str = "UTC",
    ) -> Result:
        """Remind minutes_before the due time, or at remind_at (ISO 8601 or plain English);
        clear=true removes the reminder."""

        async def op(api: TaskApi) -> Result:
            zone, now = _zone(timezone), clock()
            if clear:
                return done(await api.update(task_id, {"remind_at": None}))
            at = read_time(remind_at, zone, now, "remind_at")
            if at is not None:
                return done(await api.update(task_id, {"remind_at": iso(at)}))
            if minutes_before is None or minutes_before < 0:
                raise ToolInputError("Give minutes_before (0 or more), remind_at, or clear=true.")

            def change(task: dict[str, Any]) -> dict[str, Any]:
                due = _parse(task.get("due_at"))
                if due is None:
                    raise ToolInputError("The task has no due time to remind before; set one first.")
                return {"remind_at": iso(due - timedelta(minutes=minutes_before))}

            return await patch(api, task_id, change)

        return await run(ctx, op)

    @mcp.tool()
    async def set_recurring(
        ctx: Context,
        task_id: str,
        rule: str,
        repeat_from: str | None = None,
        due_at: str | None = None,
        timezone: str = "UTC",
    ) -> Result:
        """Make a task repeat. rule: an RRULE body (FREQ=WEEKLY;BYDAY=MO,WE), a plain word
        (daily, weekly, monthly, yearly, weekdays) or English ('every 3 days'). A task without
        a due time gets one: the rule's next occurrence at 09:00 in `timezone` (or due_at)."""

        async def op(api: TaskApi) -> Result:
            zone, now = _zone(timezone), clock()
            body_rule = _rule(rule)
            start = read_time(due_at, zone, now, "due_at")

            def change(task: dict[str, Any]) -> dict[str, Any]:
                body: dict[str, Any] = {"rrule": body_rule, "timezone": str(zone)}
                if repeat_from is not None:
                    body["repeat_from"] = repeat_from
                if start is not None:
                    body["due_at"] = iso(start)
                elif not task.get("due_at"):
                    body["due_at"] = iso(first_due(body_rule, now.astimezone(zone)))
                return body

            return await patch(api, task_id, change)

        return await run(ctx, op)

    @mcp.tool()
    async def clear_recurring(ctx: Context, task_id: str) -> Result:
        """Stop a task repeating; it stays on the list as a one-off."""

        async def op(api: TaskApi) -> Result:
            return done(await api.update(task_id, {"rrule": None}))

        return await run(ctx, op)

    return mcp


def _parse(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
