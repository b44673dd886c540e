"""The offline model's reasoning: given the user's message, the conversation context and
the tool results of this turn so far, the next tool call to make or the reply to give.

Pure and replayable: each step re-reads the message and walks the same plan, consuming
the results already in hand (`Journal`), until it reaches a call not yet made (returned as
the next step) or its end (the reply). A cloud model does the same through the same tools."""

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from chat_service.domain import reply
from chat_service.domain.matching import best_matches, select
from chat_service.domain.parse import MUTATING, Changes, Request, parse, series_due
from chat_service.domain.recurrence import describe
from chat_service.domain.text import keywords, words
from chat_service.domain.when import DEFAULT_TIME, When

Task = dict[str, Any]
PRIORITY_ORDER = ("LOW", "MEDIUM", "HIGH", "VERY_IMPORTANT")
MAX_CALLS = 12


@dataclass(frozen=True)
class Call:
    name: str
    arguments: dict[str, Any]


@dataclass(frozen=True)
class Say:
    text: str


Step = Call | Say


@dataclass(frozen=True)
class Context:
    now: datetime  # aware
    timezone: str
    last_task: Task | None = None
    previous_user: str | None = None
    previous_assistant: str | None = None

    @property
    def local_now(self) -> datetime:
        return self.now.astimezone(ZoneInfo(self.timezone))


class _Need(Exception):
    def __init__(self, call: Call) -> None:
        self.call = call


class _Reply(Exception):
    def __init__(self, text: str) -> None:
        self.text = text


class _Instead(Exception):
    """No task matched: do this other request instead."""

    def __init__(self, request: Request) -> None:
        self.request = request


class Journal:
    """Tool results of this turn, handed out in the order the plan asks for them."""

    def __init__(self, done: Sequence[tuple[Call, dict[str, Any]]]) -> None:
        self._done = list(done)
        self._next = 0

    def call(self, name: str, **arguments: Any) -> dict[str, Any]:
        if self._next >= MAX_CALLS:
            raise _Reply("Sorry, that took more steps than I can take at once. Could you split it up?")
        if self._next < len(self._done):
            result = self._done[self._next][1]
            self._next += 1
            return result
        raise _Need(Call(name, {k: v for k, v in arguments.items() if v is not None}))


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def understand(message: str, ctx: Context) -> Request:
    """The request, reading an answer to "which one do you mean?" as a choice among the
    tasks of the question before it."""
    request = parse(message, ctx.local_now)
    asked = ctx.previous_assistant and reply.ASK_WHICH in ctx.previous_assistant
    if not asked or not ctx.previous_user:
        return request
    earlier = parse(ctx.previous_user, ctx.local_now)
    short = len(words(message)) <= 8
    # A short answer that reads as a new task or a bare reference ("the bank one").
    answer = request.intent in ("add", "unclear") or (
        request.intent in ("complete", "delete") and (request.pronoun or request.ref is not None)
    )
    if earlier.intent in (*MUTATING, "show") and short and answer:
        return replace(earlier, selector=message)
    return request


def next_step(message: str, ctx: Context, done: Sequence[tuple[Call, dict[str, Any]]]) -> Step:
    journal = Journal(done)
    try:
        return Say(_plan(understand(message, ctx), ctx, journal))
    except _Need as need:
        return need.call
    except _Reply as answer:
        return Say(answer.text)


def _ok(result: dict[str, Any]) -> bool:
    return bool(result.get("ok"))


def _failure(result: dict[str, Any], doing: str) -> str:
    message = str(result.get("message") or "something went wrong").rstrip(".")
    return f"I couldn't {doing}: {message}."


# -- the plans -------------------------------------------------------------------------------
def _plan(req: Request, ctx: Context, j: Journal) -> str:
    if req.intent == "add":
        return _add(req, ctx, j)
    if req.intent == "list":
        return _list(req, ctx, j)
    if req.intent == "search":
        return _search(req, ctx, j)
    if req.intent in MUTATING or req.intent == "show":
        return _on_targets(req, ctx, j)
    return _small_talk(req, ctx)


def _small_talk(req: Request, ctx: Context) -> str:
    if req.intent == "greet":
        return "Hi! " + reply.HELP
    if req.intent == "help":
        return reply.HELP
    if req.intent == "thanks":
        return "You're welcome! Anything else I can do for your tasks?"
    if req.intent == "cancel":
        return "OK, I've left everything as it was."
    if req.intent == "undo":
        return (
            "I can't undo a change, but I can change it back. Tell me how, for example "
            '"reopen it", "delete it" or "move it back to Friday".'
        )
    if req.intent == "delete_all":
        return (
            "To keep your tasks safe I delete them one at a time. Tell me which task to delete, "
            'or ask "What\'s on my list?" to see them.'
        )
    return "I'm not sure what you'd like me to do. " + reply.HELP


def _add(req: Request, ctx: Context, j: Journal) -> str:
    c = req.changes
    if not c.title:
        return "What should the task be called?"
    args: dict[str, Any] = {"title": c.title}
    if c.priority:
        args["priority"] = c.priority
    if c.add_tags:
        args["tags"] = list(c.add_tags)
    if c.description:
        args["description"] = c.description
    if c.due:
        args["due_at"] = iso(c.due.at)
    if c.rrule:
        args["rrule"] = c.rrule
    if c.remind_minutes is not None and c.due:
        args["remind_minutes_before"] = c.remind_minutes
    result = j.call("add_task", **args, timezone=ctx.timezone)
    if not _ok(result):
        return _failure(result, f"add {reply.quote(c.title)}")
    text = reply.added(result["task"], ctx.now, ctx.timezone)
    if c.description:
        text += " A title can be 200 characters, so I shortened it; your whole message is in the description."
    if c.remind_minutes is not None and not c.due:
        text += " I didn't set a reminder because it has no due time; tell me when it's due."
    return text


def _list(req: Request, ctx: Context, j: Journal) -> str:
    f = req.filters
    result = j.call(
        "list_tasks",
        status=f.status,
        priority=",".join(f.priority) or None,
        tags=",".join(f.tags) or None,
        due=f.due,
        due_after=iso(f.due_after) if f.due_after else None,
        due_before=iso(f.due_before) if f.due_before else None,
        sort=f.sort,
        order=f.order,
        limit=f.limit,
        timezone=ctx.timezone,
    )
    if not _ok(result):
        return _failure(result, "get your tasks")
    return reply.listing(result.get("tasks", []), ctx.now, ctx.timezone, f, more=bool(result.get("more")))


def _search(req: Request, ctx: Context, j: Journal) -> str:
    query = req.query or ""
    terms = " ".join(keywords(query)) or query
    result = j.call("search_tasks", query=terms, status="all")
    if not _ok(result):
        return _failure(result, "search your tasks")
    return reply.search_results(query, result.get("tasks", []), ctx.now, ctx.timezone)


def _resolve(req: Request, ctx: Context, j: Journal, status: str) -> list[Task]:
    """The task(s) the request names; asks (raises _Reply) when none or several match."""
    if req.ref is None:
        if ctx.previous_assistant and reply.ASK_WHICH in ctx.previous_assistant:
            # "it" right after "which one do you mean?" is not an answer: don't guess.
            raise _Reply(_ask_by_name(req, ctx.previous_assistant))
        if ctx.last_task and ctx.last_task.get("id"):
            result = j.call("get_task", task_id=ctx.last_task["id"])
            if _ok(result):
                return [result["task"]]
            raise _Reply(f"I couldn't find {reply.quote(ctx.last_task.get('title', 'that task'))} any more.")
        raise _Reply(reply.not_found(None))
    query = " ".join(keywords(req.ref)) or req.ref
    found: list[Task] = []
    for scope in dict.fromkeys((status, "all")):
        result = j.call("search_tasks", query=query, status=scope)
        if not _ok(result):
            raise _Reply(_failure(result, "look up your tasks"))
        found = best_matches(req.ref, result.get("tasks", []), req.verb_hint)
        if found:
            break
    if not found:
        # Full text found nothing close: compare against the whole list.
        result = j.call("list_tasks", status="all", limit=100)
        found = best_matches(req.ref, result.get("tasks", []) if _ok(result) else [], req.verb_hint)
    if not found and req.fallback is not None:
        raise _Instead(req.fallback)
    if not found:
        raise _Reply(reply.not_found(req.ref))
    if req.selector is not None:
        chosen = select(req.selector, found)
        if not chosen:
            raise _Reply(f"Sorry, I didn't catch which one. {reply.ask_which(req.ref, found)}")
        return chosen
    if len(found) > 1:
        raise _Reply(reply.ask_which(req.ref, found))
    return found


def _ask_by_name(req: Request, question: str) -> str:
    """Asked again after "which one?" was answered with "it": name the choices and show how."""
    text = "I'm still not sure which one you mean."
    listed = question.rsplit(reply.ASK_WHICH, 1)[0]
    titles = re.findall(r"'([^']+)'(?= and |, |\. ?$|\.$)", listed.strip())
    verb = {"complete": "complete", "delete": "delete", "reopen": "reopen"}.get(req.intent)
    if titles and verb:
        return f'{text} Say it with the name, like "{verb} {titles[-1]}".'
    return text + " Could you tell me its name?"


def _on_targets(req: Request, ctx: Context, j: Journal) -> str:
    status = {"complete": "open", "reopen": "completed"}.get(req.intent, "open")
    try:
        targets = _resolve(req, ctx, j, status)
    except _Instead as instead:
        return _plan(instead.request, ctx, j)
    lines = [_act(req, task, ctx, j) for task in targets]
    return " ".join(lines)


def _act(req: Request, task: Task, ctx: Context, j: Journal) -> str:
    title = reply.quote(task.get("title"))
    task_id = task["id"]
    if req.intent == "show":
        return reply.show(task, ctx.now, ctx.timezone)
    if req.intent == "complete":
        if task.get("completed"):
            return f"{title} is already done."
        result = j.call("complete_task", task_id=task_id)
        if not _ok(result):
            return _failure(result, f"complete {title}")
        text = f"Marked {title} as done. Nice work!"
        if task.get("rrule"):
            text += " The next one will show up on your list shortly."
        return text
    if req.intent == "reopen":
        if not task.get("completed"):
            return f"{title} is already open."
        result = j.call("reopen_task", task_id=task_id)
        return f"Reopened {title}." if _ok(result) else _failure(result, f"reopen {title}")
    if req.intent == "delete":
        result = j.call("delete_task", task_id=task_id)
        return f"Deleted {title}." if _ok(result) else _failure(result, f"delete {title}")
    return _update(req.changes, task, ctx, j)


def _update(c: Changes, task: Task, ctx: Context, j: Journal) -> str:
    title = reply.quote(task.get("title"))
    done: list[str] = []
    current = task

    def run(name: str, doing: str, **args: Any) -> bool:
        nonlocal current
        result = j.call(name, task_id=task["id"], **args)
        if not _ok(result):
            raise _Reply(" ".join([*done, _failure(result, doing)]))
        current = result.get("task", current)
        return True

    if c.title or c.description:
        run("update_task", f"update {title}", title=c.title, description=c.description)
        if c.title:
            done.append(f"Renamed {title} to {reply.quote(current.get('title'))}.")
        if c.description:
            done.append(f"Added the note to {reply.quote(current.get('title'))}.")
    name = reply.quote(current.get("title"))
    priority = c.priority
    if c.priority_step:
        index = PRIORITY_ORDER.index(str(task.get("priority", "MEDIUM")))
        priority = PRIORITY_ORDER[max(0, min(len(PRIORITY_ORDER) - 1, index + c.priority_step))]
    if priority:
        run("set_priority", f"change the priority of {name}", priority=priority)
        done.append(f"Set {name} to {reply.PRIORITY_WORDS[priority]}.")
    for tag in c.add_tags:
        run("add_tag", f"tag {name}", tag=tag)
        done.append(f"Tagged {name} as {tag}.")
    for tag in c.remove_tags:
        if tag.lower() not in (str(t).lower() for t in current.get("tags") or []):
            done.append(f"{name} doesn't have the {tag} tag.")
            continue
        run("remove_tag", f"untag {name}", tag=tag)
        done.append(f"Removed the {tag} tag from {name}.")
    if c.rrule:
        args: dict[str, Any] = {"rule": c.rrule, "timezone": ctx.timezone}
        if c.due is not None or c.rrule_at is not None or not current.get("due_at"):
            due = series_due(replace(c, due=c.due), ctx.local_now)
            if due is not None:
                args["due_at"] = iso(due.at)
        run("set_recurring", f"make {name} repeat", **args)
        text = f"{name} now repeats {describe(c.rrule)}"
        if current.get("due_at"):
            text += ", next due " + reply.when_text(current["due_at"], ctx.now, ctx.timezone)
        done.append(text + ".")
    elif c.due is not None or c.shift is not None:
        new_due = _new_due(c, current, ctx)
        run("set_due_date", f"reschedule {name}", due_at=iso(new_due))
        moved = reply.when_text(current.get("due_at") or iso(new_due), ctx.now, ctx.timezone).removeprefix(
            "on "
        )
        done.append(f"Moved {name} to {moved}.")
    if c.clear_due:
        run("set_due_date", f"clear the due date of {name}", due_at=None)
        done.append(f"Removed the due date from {name}.")
    if c.clear_rrule:
        if not current.get("rrule"):
            done.append(f"{name} doesn't repeat.")
        else:
            run("clear_recurring", f"stop {name} repeating")
            done.append(f"{name} no longer repeats.")
    if c.remind_minutes is not None or c.remind_at is not None:
        if c.remind_at is not None:
            run("set_reminder", f"set a reminder for {name}", remind_at=iso(c.remind_at.at))
        elif not current.get("due_at"):
            raise _Reply(
                " ".join(
                    [*done, f"{name} has no due time yet, so I can't remind you before it. When is it due?"]
                )
            )
        else:
            run("set_reminder", f"set a reminder for {name}", minutes_before=c.remind_minutes)
        done.append(f"I'll remind you about {name} {_reminder_text(current, ctx)}.")
    if c.clear_reminder:
        run("set_reminder", f"remove the reminder of {name}", clear=True)
        done.append(f"Removed the reminder from {name}.")
    if not done:
        return f"What would you like to change about {title}?"
    return " ".join(done)


def _reminder_text(task: Task, ctx: Context) -> str:
    due, remind = reply.parse_time(task.get("due_at")), reply.parse_time(task.get("remind_at"))
    if due is not None and remind is not None and remind <= due:
        minutes = int((due - remind) / timedelta(minutes=1))
        return reply.duration(minutes) + (" it's due" if minutes else "")
    return reply.when_text(task.get("remind_at"), ctx.now, ctx.timezone)


def _new_due(c: Changes, task: Task, ctx: Context) -> datetime:
    zone = ZoneInfo(ctx.timezone)
    current = reply.parse_time(task.get("due_at"))
    if c.shift is not None:
        base = (
            current.astimezone(zone)
            if current
            else datetime.combine(ctx.local_now.date(), DEFAULT_TIME, zone)
        )
        shifted: datetime = base + c.shift
        return shifted
    assert c.due is not None
    when: When = c.due
    if not when.date_given and current is not None:
        # "Move it to 4pm": keep the task's day, change the time.
        local = current.astimezone(zone)
        return when.at.replace(year=local.year, month=local.month, day=local.day)
    return when.at
