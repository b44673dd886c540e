"""The offline model's reasoning: given the user's message, the conversation context and
the tool results of this turn so far, the next tool call to make or the reply to give.

Pure and replayable: each step re-reads the message and walks the same plan, consuming
the results already in hand (`Journal`), until it reaches a call not yet made (returned as
the next step) or its end (the reply). A cloud model does the same through the same tools."""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta
from functools import partial
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from todo_common import datestyle

from chat_service.domain import reply
from chat_service.domain.cannot import Cannot
from chat_service.domain.conversation import TASK_FIELDS
from chat_service.domain.matching import best_matches, is_exact, names_whole, position, select, split_refs
from chat_service.domain.parse import (
    MUTATING,
    Changes,
    Filters,
    Request,
    edit_said_alone,
    parse,
    read_add,
    read_month_day_answer,
    read_tag_answer,
    read_title_correction,
    read_when_answer,
    says_add,
    says_yes,
    series_due,
)
from chat_service.domain.recurrence import describe, first_due, skip_to
from chat_service.domain.text import keywords, retitled, words
from chat_service.domain.when import DEFAULT_TIME, When

Task = dict[str, Any]
T = TypeVar("T")
R = TypeVar("R")
PRIORITY_ORDER = ("LOW", "MEDIUM", "HIGH", "VERY_IMPORTANT")
# Steps of one plan: each one call, or the calls of one round of `Journal.each`. Each step is
# one model call of the Runner and the reply one more, so the plan answers (reply.could_not)
# before a turn's max_turns (ChatSettings, 10) run out.
MAX_STEPS = 9


@dataclass(frozen=True)
class Call:
    name: str
    arguments: dict[str, Any]


@dataclass(frozen=True)
class Calls:
    """Calls that do not wait for each other's results, made in one step (as a cloud
    model makes parallel tool calls); their results come back in this order."""

    calls: tuple[Call, ...]


@dataclass(frozen=True)
class Say:
    text: str


Step = Call | Calls | Say


@dataclass(frozen=True)
class Context:
    now: datetime  # aware
    timezone: str
    last_task: Task | None = None
    # The conversation's last change that "undo" may revert (Conversation.change_to_undo).
    last_change: dict[str, Any] | None = None
    previous_user: str | None = None
    previous_assistant: str | None = None
    # The conversation before this message, oldest first: (role, text).
    history: tuple[tuple[str, str], ...] = ()
    # The tasks the assistant last listed, in the order shown ({"id", "title"}; None when it
    # listed none in the history), and whether that list was the last turn's answer.
    last_list: tuple[Task, ...] | None = None
    list_just_shown: bool = False
    # That list's tool arguments, how many of it were shown and whether more are left
    # ({"query", "shown", "rest"}, "tool" for a search), for "show me the rest".
    last_listing: dict[str, Any] | None = None

    @property
    def local_now(self) -> datetime:
        return self.now.astimezone(ZoneInfo(self.timezone))


class _Need(Exception):
    def __init__(self, *calls: Call) -> None:
        self.calls = calls

    @property
    def step(self) -> Call | Calls:
        return self.calls[0] if len(self.calls) == 1 else Calls(self.calls)


class _Reply(Exception):
    def __init__(self, text: str) -> None:
        self.text = text


class _NoAnswer(_Reply):
    """The reply to "which one do you mean?" picks none of the tasks offered."""


class _Instead(Exception):
    """No task matched: do this other request instead."""

    def __init__(self, request: Request) -> None:
        self.request = request


class Journal:
    """Tool results of this turn, handed out in the order the plan asks for them."""

    def __init__(self, done: Sequence[tuple[Call, dict[str, Any]]], message: str = "") -> None:
        self._done = list(done)
        self._next = 0
        self._steps = 0
        self._message = message

    def _step(self) -> None:
        self._steps += 1
        if self._steps > MAX_STEPS:
            raise _Reply(reply.could_not(self._message, reply.TOO_MANY_STEPS))

    def call(self, name: str, **arguments: Any) -> dict[str, Any]:
        self._step()
        if self._next < len(self._done):
            result = self._done[self._next][1]
            self._next += 1
            return result
        raise _Need(Call(name, {k: v for k, v in arguments.items() if v is not None}))

    def each(self, items: Sequence[T], branch: "Callable[[T, Journal], R]") -> list[R | str]:
        """`branch(item, journal)` for every item, side by side: each step makes the next
        call of every branch still going, together, so n tasks take as many steps as the
        longest branch, not n times that. A branch's outcome is what it returns, or the
        text it says (_Reply) when it stops early. The results of a step are handed out in
        the order its calls were made, as the replay finds them again."""
        got: list[list[tuple[Call, dict[str, Any]]]] = [[] for _ in items]
        outcomes: dict[int, R | str] = {}
        while True:
            wanted: list[tuple[int, Call]] = []
            for n, item in enumerate(items):
                if n in outcomes:
                    continue
                try:
                    outcomes[n] = branch(item, Journal(got[n], self._message))
                except _Reply as answer:
                    outcomes[n] = answer.text
                except _Need as need:
                    wanted.append((n, need.calls[0]))
            if not wanted:
                return [outcomes[n] for n in range(len(items))]
            self._step()
            ready = self._done[self._next : self._next + len(wanted)]
            self._next += len(ready)
            for (n, call), (_, result) in zip(wanted, ready, strict=False):
                got[n].append((call, result))
            if len(ready) < len(wanted):
                raise _Need(*(call for _, call in wanted[len(ready) :]))


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def understand(message: str, ctx: Context) -> Request:
    """The request, reading an answer to "which one do you mean?" as a choice among the
    tasks of the question before it, and a "yes" to "I can't ..., but I can add it" as that
    task."""
    request = parse(message, ctx.local_now)
    offered = ctx.previous_assistant and reply.SAY_YES in ctx.previous_assistant
    if offered and ctx.previous_user and says_yes(message):
        # "Yes" to "I can't call your dentist, but I can add 'Call my dentist' (just say yes)".
        earlier = parse(ctx.previous_user, ctx.local_now)
        declined = earlier.cannot
        if declined is not None and declined.task:
            return read_add(declined.task, ctx.local_now)
        offer = earlier.fallback if earlier.then is not None else None
        if (
            offer is not None
            and offer.intent == "add"
            and reply.quote(offer.changes.title) in (ctx.previous_assistant or "")
        ):
            # "Yes" to "Added 'Make dinner'. I couldn't find a task matching 'old photos'. I can
            # add 'Delete old photos' to your list (just say "yes")": that task.
            return offer
    if ctx.previous_assistant and reply.NO_SUCH_DAY in ctx.previous_assistant and ctx.previous_user:
        # "The last day" to "No month has a 45th day ... Which day?": the request asked with it.
        answered = read_month_day_answer(message, ctx.previous_user, ctx.local_now)
        if answered is not None:
            return answered
    if (
        ctx.previous_assistant
        and reply.ASK_TAG in ctx.previous_assistant
        and ctx.last_task
        and reply.quote(str(ctx.last_task.get("title", ""))) in ctx.previous_assistant
    ):
        # "Work" to "Which tag should I add to 'Weekly report'?": that task's tag.
        tags = read_tag_answer(message)
        if tags is not None:
            return Request("update", pronoun=True, changes=Changes(add_tags=tags))
    if ctx.previous_assistant and reply.ASK_REMIND_WHEN in ctx.previous_assistant and ctx.last_task:
        # "At 5pm" to "When should I remind you about it?": the reminder of the task just added.
        when = read_when_answer(message, ctx.local_now)
        if when is not None:
            return Request("update", pronoun=True, changes=Changes(remind_at=when, remind_sets_due=True))
    if (
        ctx.previous_assistant
        and ctx.last_task
        and (reply.ask_move_when(str(ctx.last_task.get("title", ""))) in ctx.previous_assistant)
    ):
        # "Saturday at 5" to "When should I move 'Yoga' to?": that task moved there.
        moved = parse("move it " + message, ctx.local_now)
        if moved.intent == "update" and moved.pronoun and moved.changes.due is not None:
            return moved
    if _just_added(ctx) and request.intent in ("add", "retarget"):
        # "No, oat milk" right after "add buy milk": the title was wrong ('Buy oat milk').
        said = read_title_correction(message, ctx.local_now)
        if said is not None:
            return Request("update", pronoun=True, changes=Changes(retitle=said))
    if _ALL_DONE.match(message):
        # "all done" after a list, or first thing: which tasks? as "mark everything as done".
        # Anywhere else the talk is over, as "that's all": after "Added 'Buy milk'." it means
        # the user has nothing more to add, not that the milk is bought.
        return Request("complete_all") if ctx.list_just_shown or not ctx.previous_user else Request("bye")
    asked = ctx.previous_assistant and reply.ASK_WHICH in ctx.previous_assistant
    edit = edit_said_alone(request, message) if _last_told(ctx) and not asked else None
    if edit is not None:
        # "and high priority", "actually tonight" after "add renew car insurance": that task.
        return Request("update", pronoun=True, changes=edit)
    if (
        not asked
        and request.intent == "add"
        and not request.changes.any_but_title()
        and position(request.changes.title) is not None
        and not says_add(message)
    ):
        # "the second one" alone, after a list: that task shown (no task called 'The second one');
        # after "which one do you mean?" it is the answer (below).
        return Request("show", ref=request.changes.title)
    if request.ref and request.ref.lower() == "number" and _NUMBER_ONE.search(message):
        # "delete number one": "one" went as a word like "the blue one"'s.
        return replace(request, ref="number 1")
    if not asked and request.pronoun and _THE_LAST_ONE.search(message) and _going_by_place(ctx):
        # "delete the last one" right after a list, or after "the first one": the list's last
        # task, not the last one worked on.
        return replace(request, ref="last", pronoun=False)
    if not asked or not ctx.previous_user:
        return request
    earlier = _part_that_asked(parse(ctx.previous_user, ctx.local_now), ctx.previous_assistant or "")
    short = len(words(message)) <= 8
    # A short answer that reads as a new task or a bare reference ("the bank one").
    answer = request.intent in ("add", "unclear") or (
        request.intent in ("complete", "delete") and (request.pronoun or request.ref is not None)
    )
    if earlier.intent in (*MUTATING, "show", "done_yet", "retarget") and short and answer:
        return replace(earlier, selector=message)
    if (
        earlier.intent in (*MUTATING, "show", "done_yet", "retarget")
        and request.intent == "retarget"
        and request.ref
    ):
        return replace(earlier, selector=request.ref)  # "I meant the bank one"
    return request


def _part_that_asked(earlier: Request, said: str) -> Request:
    """Of a message of several requests ("add call mom and mark gym as done"), the one whose
    "which one do you mean?" the reply `said` asked ("I found 2 tasks matching 'gym'"), alone:
    the answer finishes that one, the others were done; else `earlier`."""
    part: Request | None = earlier
    while part is not None and earlier.then is not None:
        if part.ref and f"matching {reply.quote(part.ref)}" in said:
            return replace(part, then=None)
        part = part.then
    return earlier


_ALL_DONE = re.compile(r"^\s*all\s+done[\s!.]*$", re.IGNORECASE)
_NUMBER_ONE = re.compile(r"\bnumber\s+one\b", re.IGNORECASE)
_THE_LAST_ONE = re.compile(r"\bthe\s+last\s+(?:one|task)\b", re.IGNORECASE)


def _last_told(ctx: Context) -> bool:
    """Whether the last reply was about the task last worked on (it names it: 'Added ...',
    'Moved ...'), so a follow-up with no task name means it; not after a list of many."""
    title = (ctx.last_task or {}).get("title")
    return bool(title) and reply.quote(str(title)) in (ctx.previous_assistant or "")


def _going_by_place(ctx: Context) -> bool:
    """Whether the user is picking from the list just shown: it was the last turn's answer, or
    the last message named a task by its place in it."""
    if not ctx.last_list:
        return False
    if ctx.list_just_shown:
        return True
    return bool(ctx.previous_user) and position(parse(ctx.previous_user or "", ctx.local_now).ref) is not None


def _just_added(ctx: Context) -> bool:
    """Whether the last turn added one task, the one "it" means now."""
    change = ctx.last_change or {}
    records = change.get("changes") or []
    if change.get("undone") or change.get("again") or len(records) != 1 or not isinstance(records[0], dict):
        return False
    record = records[0]
    said = ctx.previous_assistant or ""
    return (
        record.get("kind") == "added"
        and bool(ctx.last_task)
        and (ctx.last_task or {}).get("id") == record.get("task_id")
        and said.startswith("Added " + reply.quote(record.get("title") or ""))
    )


def next_step(message: str, ctx: Context, done: Sequence[tuple[Call, dict[str, Any]]]) -> Step:
    journal = Journal(done, message)
    try:
        return Say(_plan(understand(message, ctx), ctx, journal))
    except _Need as need:
        return need.step
    except _Reply as answer:
        return Say(answer.text)


def _ok(result: dict[str, Any]) -> bool:
    return bool(result.get("ok"))


def _failure(result: dict[str, Any], doing: str) -> str:
    message = str(result.get("message") or "something went wrong").rstrip(".")
    return f"I couldn't {doing}: {message}."


# -- the plans -------------------------------------------------------------------------------
def _plan(req: Request, ctx: Context, j: Journal) -> str:
    if req.unread:
        todo = req.then
        first = replace(req, unread=None, then=None)
        if todo is not None and not _any_target(Request("complete", ref=todo.ref), ctx, j):
            # "add call mom. set the table" with no task 'table': two new tasks.
            return f"{_told(first, ctx, j)} {_told(replace(todo, ref=None), ctx, j)}"
        # "add call mom. also mark yoga": what was done, then the words not acted on.
        return f"{_told(first, ctx, j)} {reply.not_acted_on(req.unread)}"
    if req.then is not None:
        if req.fallback is not None and not _any_target(req.then, ctx, j):
            # "make dinner and delete old photos" with no task 'old photos': 'Make dinner'
            # added, and 'Delete old photos' offered as a new task (a "yes" adds it: understand).
            first = replace(req, then=None, fallback=None)
            return f"{_told(first, ctx, j)} {reply.not_found_offer(req.then.ref, req.fallback.changes.title)}"
        # "Mark call mom as done, and push the dentist back an hour": each done and told in turn.
        return " ".join(_told(r, ctx, j) for r in (replace(req, then=None, fallback=None), req.then))
    if req.intent == "add":
        return _add(req, ctx, j)
    if req.intent == "list":
        return _list(req, ctx, j)
    if req.intent == "search":
        return _search(req, ctx, j)
    if req.intent == "update" and req.changes.stop:
        return _stop(req, ctx, j)
    if req.intent == "update" and req.tag_or_name:
        return _tag_or_ask(req, ctx, j)
    if req.intent in MUTATING or req.intent == "show":
        return _on_targets(req, ctx, j)
    if req.intent == "done_yet":
        return _done_yet(req, ctx, j)
    if req.intent == "undo":
        return _undo(ctx, j)
    if req.intent == "retarget":
        return _retarget(req, ctx, j)
    if req.intent == "cannot" and req.cannot is not None:
        return _cannot(req.cannot, ctx)
    if req.intent == "move_all":
        return _move_all(req, ctx, j)
    if req.intent == "complete_all":
        return _complete_all(req, ctx, j)
    if req.intent == "delete_done":
        return _delete_done(j)
    if req.intent == "reminders":
        return _reminders(ctx, j)
    if req.intent == "lower_listed":
        return _lower_listed(ctx, j)
    if req.intent == "no_such_day":
        return reply.no_such_day(int(req.query or 0), change=req.pronoun or req.ref is not None)
    return _small_talk(req, ctx)


def _any_target(req: Request, ctx: Context, j: Journal) -> bool:
    """Whether a task is there for the command `req` (looked up, nothing changed); a question
    it would ask ("which one do you mean?") says there is."""
    status = {"complete": "open", "reopen": "completed"}.get(req.intent, "open")
    try:
        targets, _ = _find_targets(replace(req, fallback=Request("unclear")), ctx, j, status)
    except _Instead:
        return False
    except _Reply:
        return True
    return bool(targets)


def _told(req: Request, ctx: Context, j: Journal) -> str:
    """What one of several commands of a message did, or why not (the others still go on)."""
    try:
        return _plan(req, ctx, j)
    except _Reply as answer:
        return answer.text


# After the tasks of a stretch asked to be planned ("help me plan the weekend").
PLAN_THEN = "Tell me what to move, add or prioritise."


def _cannot(cannot: Cannot, ctx: Context) -> str:
    """What the assistant can't do, and what it can instead; nothing is changed."""
    title = read_add(cannot.task, ctx.local_now).changes.title if cannot.task else None
    return reply.cannot(cannot.doing, title, about_list=cannot.about_list, ask=cannot.ask)


def _small_talk(req: Request, ctx: Context) -> str:
    if req.intent == "greet":
        return "Hi! " + reply.HELP
    if req.intent == "help":
        return reply.HELP
    if req.intent == "thanks":
        return "You're welcome! Anything else I can do for your tasks?"
    if req.intent == "bye":
        return "OK! I'm here whenever you need me."
    if req.intent == "cancel":
        return "OK, I've left everything as it was."
    if req.intent == "time" and req.ref:
        return _date_told(req, ctx)
    if req.intent == "time":
        now = ctx.local_now
        return (
            f"It's {datestyle.clock(now)} on {datestyle.calendar_day(now, None, weekday='%A', month='%B')}."
        )
    if req.intent == "chat" and req.query == "how":
        return "All good here, thanks for asking! What can I do for your tasks?"
    if req.intent == "chat" and req.query == "how":
        return "All good here, thanks for asking! What can I do for your tasks?"
    if req.intent == "chat":
        return "I'm only good with tasks, I'm afraid. Tell me one to add, or ask \"What's on my list?\""
    if req.intent == "hide_done":
        return (
            "Completed tasks are already out of your list: it shows open tasks unless you ask for "
            'the completed ones. To delete them for good, say "clear completed tasks".'
        )
    if req.intent == "delete_all":
        return (
            "To keep your tasks safe I delete them one at a time. Tell me which task to delete, "
            "or ask \"What's on my list?\" to see them. To delete the ones you've completed, say "
            '"clear completed tasks".'
        )
    return "I'm not sure what you'd like me to do. " + reply.HELP


def _date_told(req: Request, ctx: Context) -> str:
    """'Today is friday': yes, with the date, or (kindly) what the day is."""
    said_day, said_weekday = (req.ref or "").split()
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[said_day]
    day = ctx.local_now + timedelta(days=offset)
    weekday = day.strftime("%A")
    verb = "was" if said_day == "yesterday" else "is"
    told = f"{said_day} {verb} {datestyle.calendar_day(day.date(), ctx.timezone, weekday='%A', month='%B')}"
    if weekday.lower().startswith(said_weekday[:3]):
        return f"Yes, {told}."
    if req.query == "?":
        return f"No, {told}."
    return f"Not quite: {told}, not {WEEKDAYS_SAID.get(said_weekday[:3], said_weekday.title())}."


WEEKDAYS_SAID = {
    d[:3].lower(): d for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
}


def _add(req: Request, ctx: Context, j: Journal) -> str:
    if req.also:
        # "add milk. also add bread": each task added and told, one after the other.
        return " ".join(_add(replace(req, changes=c, also=()), ctx, j) for c in (req.changes, *req.also))
    c = req.changes
    if not c.title:
        return "What should the task be called?"
    # A task for each day said ("gym tuesday and thursday at 7am"): the adds wait for nothing,
    # so they go out together, in one step.
    days = [replace(c, due=due, dues=(), remind_at=_on_day(c.remind_at, due)) for due in c.dues]
    if len(days) > MAX_ADDED_TOLD:
        # "gym monday to friday at 7am": told in one sentence.
        outcomes = j.each(days, lambda day, branch: _add_task(day, ctx, branch))
        added = [o for o in outcomes if not isinstance(o, str)]
        failed = [o for o in outcomes if isinstance(o, str)]
        return " ".join([reply.added_days(added, ctx.now, ctx.timezone), *failed]).strip()
    if days:
        # Each told.
        return " ".join(j.each(days, lambda day, branch: _add_one(day, ctx, branch)))
    return _add_one(c, ctx, j)


def _on_day(reminder: When | None, due: When) -> When | None:
    """A reminder time said for a task of several days ("... and remind me at 6am"): on each
    task's own day."""
    if reminder is None:
        return None
    return When(datetime.combine(due.at.date(), reminder.at.timetz()), date_given=True, time_given=True)


# A task added for more than this many days in one message is told in one sentence.
MAX_ADDED_TOLD = 3


def _add_one(c: Changes, ctx: Context, j: Journal) -> str:
    outcome = _add_task(c, ctx, j)
    if isinstance(outcome, str):
        return outcome
    # A reminder time said ("... and remind me at 1pm"): that time, not hours before the due time.
    said = c.remind_at is not None and c.due is not None
    text = reply.added(outcome, ctx.now, ctx.timezone, reminder_time=said)
    if said:
        text += _after_due(outcome, ctx)
    if c.description:
        text += " A title can be 200 characters, so I shortened it; your whole message is in the description."
    if c.remind_minutes is not None and not c.due:
        text += " I didn't set a reminder because it has no due time; tell me when it's due."
    if c.ask_remind:
        text += " " + reply.ASK_REMIND_WHEN
    return text


def _add_task(c: Changes, ctx: Context, j: Journal) -> Task | str:
    """The task added, or why not."""
    assert c.title
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
    if c.rrule and c.repeat_from:
        args["repeat_from"] = c.repeat_from
    if c.remind_at is not None and c.due:
        args["remind_at"] = iso(c.remind_at.at)
    elif c.remind_minutes is not None and c.due:
        args["remind_minutes_before"] = c.remind_minutes
    result = j.call("add_task", **args, timezone=ctx.timezone)
    if not _ok(result):
        return _failure(result, f"add {reply.quote(c.title)}")
    task: Task = result["task"]
    return task


PRIORITY_RANK = {name: rank for rank, name in enumerate(reversed(PRIORITY_ORDER))}
FIRST_SCAN = 100


def first_things_first(tasks: Sequence[Task], now: datetime) -> list[Task]:
    """The tasks in the order to do them: those overdue or due today (in `now`'s zone) first,
    then by priority (very important first), then by due time (soonest first, none last); a
    tie keeps the order given. A high-priority task due in January comes after a medium one
    due tonight, and before a medium one due tomorrow."""
    end_of_today = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), tzinfo=now.tzinfo)

    def key(task: Task) -> tuple[int, int, int, datetime]:
        due = reply.parse_time(task.get("due_at"))
        pressing = due is not None and due < end_of_today
        rank = PRIORITY_RANK.get(str(task.get("priority")), PRIORITY_RANK["MEDIUM"])
        return (0 if pressing else 1, rank, due is None, due or now)

    return sorted(tasks, key=key)


def _list(req: Request, ctx: Context, j: Journal) -> str:
    if req.filters.rest:
        return _list_rest(ctx, j)
    if req.cannot is None:
        return _listing(req, ctx, j)[0]
    # "Help me plan the weekend" (parse: a list with the planning asked): no tool plans, so
    # the stretch's tasks and what to say next (before: a pointer to its question, or for
    # "help me ..." the general help).
    if req.filters.due_when in ("this weekend", "next weekend"):
        return _weekend_plan(req, ctx, j) + "\n" + PLAN_THEN
    return _listing(req, ctx, j)[0] + "\n" + PLAN_THEN


# From Saturday noon on, half of the weekend is gone: "plan my weekend" plans what is left of
# this one and offers next weekend, or plans next weekend when nothing is left of this one.
WEEKEND_HALF_GONE = time(12, 0)


def _weekend_plan(req: Request, ctx: Context, j: Journal) -> str:
    """'Plan my weekend', 'plan next weekend': that weekend's tasks, named with its days ("this
    weekend (Sat, Nov 28 \u2013 Sun, Nov 29)"). User test: said on Sunday at 17:00, it listed
    the one task left and named no days; from Saturday noon (WEEKEND_HALF_GONE) on, it is "the
    rest of this weekend" and next weekend is offered, or shown when nothing is left. One list
    is shown, the turn's last list_tasks, so a number said next picks from it."""
    f = req.filters
    assert f.due_after is not None and f.due_before is not None
    now = ctx.local_now
    late = now.weekday() == 6 or (now.weekday() == 5 and now.time() >= WEEKEND_HALF_GONE)
    if f.due_when == "next weekend" or not late:
        return _listing(replace(req, filters=_weekend_named(f, str(f.due_when))), ctx, j)[0]
    saturday = f.due_before + timedelta(days=5)  # next weekend's: five days after this one's Monday
    upcoming = replace(f, due_after=saturday - timedelta(seconds=1), due_before=saturday + timedelta(days=2))
    rest, found = _listing(replace(req, filters=_weekend_named(f, "in the rest of this weekend")), ctx, j)
    if found is None:
        return rest  # list_tasks failed: said so
    if found:
        days = reply.date_span(saturday, saturday + timedelta(days=1))
        return rest + f'\nNext weekend is {days}: say "plan next weekend" to plan it too.'
    shown = _listing(replace(req, filters=_weekend_named(upcoming, "next weekend")), ctx, j)[0]
    return rest.removesuffix(".") + ", so here is next weekend.\n" + shown


def _weekend_named(f: Filters, words: str) -> Filters:
    """The filters of a weekend (or what is left of it) with its days in the words the reply
    names it by: "this weekend (Sat, Nov 28 \u2013 Sun, Nov 29)", "in the rest of this weekend
    (Sun, Nov 29)" (date_span, as a move names "this week")."""
    assert f.due_after is not None and f.due_before is not None
    first, last = f.due_after + timedelta(seconds=1), f.due_before - timedelta(days=1)
    days = (
        reply.date_span(first, last) if first.date() != last.date() else datestyle.calendar_day(first, None)
    )
    return replace(f, due_when=f"{words} ({days})")


def _listing(req: Request, ctx: Context, j: Journal) -> tuple[str, int | None]:
    """The tasks the request's filters ask for, listed, and how many were found (None when
    list_tasks failed; the text says so)."""
    f = req.filters
    if f.tag_said and not f.tags:
        # "What's due this week for cs101?": that tag's tasks, when the user has the tag (one
        # task of any status says so); else the words are the question's, as before ("what's
        # due for the party"). Looked at first, so the list shown is the turn's last.
        has = j.call("list_tasks", status="all", tags=f.tag_said, limit=1, timezone=ctx.timezone)
        if _ok(has) and has.get("tasks"):
            f = _spelled(replace(f, tags=(f.tag_said,)), has["tasks"])
    if f.first:
        # "What should I do first?": ordered here from all of them (the API orders by priority
        # only), the first few shown.
        f = replace(f, limit=FIRST_SCAN)
    elif (
        f.sort is None and f.status == "open" and (f.due in ("today", "week") or f.due_after or f.due_before)
    ):
        # "What's due this week?": by day, soonest first (user test: Thursday's high-priority
        # task came before today's and tomorrow's in the API's default order, priority first).
        f = replace(f, sort="due_at")
    result = j.call(
        "list_tasks",
        status=f.status,
        priority=",".join(f.priority) or None,
        tags=",".join(f.tags) or None,
        due=f.due,
        due_after=iso(f.due_after) if f.due_after else None,
        due_before=iso(f.due_before) if f.due_before else None,
        completed_after=iso(f.completed_after) if f.completed_after else None,
        completed_before=iso(f.completed_before) if f.completed_before else None,
        sort=f.sort,
        order=f.order,
        limit=f.limit,
        timezone=ctx.timezone,
    )
    if not _ok(result):
        return _failure(result, "get your tasks"), None
    tasks, more = result.get("tasks", []), bool(result.get("more"))
    if f.count_by_tag:
        return reply.counted_by_tag(tasks, f.count_by_tag, more=more), len(tasks)
    if f.first:
        ordered = first_things_first(tasks, ctx.local_now)
        limit = req.filters.limit
        tasks, more, f = ordered[:limit], more or len(ordered) > limit, replace(f, limit=limit)
    return reply.listing(tasks, ctx.now, ctx.timezone, _spelled(f, tasks), more=more), len(tasks)


def _list_rest(ctx: Context, j: Journal) -> str:
    """ "Show me the rest": the tasks of the last listing after those shown (the same
    list_tasks arguments, `skip` the ones shown), or that there is nothing to continue."""
    listing = ctx.last_listing
    if listing is None:
        return reply.NOTHING_TO_CONTINUE
    if not listing.get("rest"):
        return reply.NO_MORE_LISTED
    query = {k: v for k, v in (listing.get("query") or {}).items() if k != "skip"}
    shown = listing.get("shown")
    tool = "search_tasks" if listing.get("tool") == "search_tasks" else "list_tasks"
    result = j.call(tool, **query, skip=shown if isinstance(shown, int) else 0)
    if not _ok(result):
        return _failure(result, "get your tasks")
    done = query.get("sort") == "completed_at"
    more = bool(result.get("more"))
    return reply.listing_continued(result.get("tasks", []), ctx.now, ctx.timezone, done=done, more=more)


def _search(req: Request, ctx: Context, j: Journal) -> str:
    query = req.query or ""
    terms = " ".join(keywords(query)) or query
    result = j.call("search_tasks", query=terms, status="all")
    if not _ok(result):
        return _failure(result, "search your tasks")
    return reply.search_results(
        query, result.get("tasks", []), ctx.now, ctx.timezone, more=bool(result.get("more"))
    )


def _done_yet(req: Request, ctx: Context, j: Journal) -> str:
    """'Did I already call mom?': whether the task it names is done, looked for among open and
    completed tasks alike. Tasks of one title (a repeating task's done and next ones) are
    answered together; differently named matches are asked about."""
    if req.ref is None:
        return reply.not_found(None)
    query = " ".join(keywords(req.ref)) or req.ref
    result = j.call("search_tasks", query=query, status="all")
    if not _ok(result):
        return _failure(result, "look up your tasks")
    found = _matches(req.ref, result.get("tasks", []), req)
    if not found:
        listed = j.call("list_tasks", status="all", limit=100)
        found = _matches(req.ref, listed.get("tasks", []) if _ok(listed) else [], req)
    if not found:
        return f"I can't find a task about {reply.quote(req.ref)} on your list, done or open."
    if len({str(t.get("title", "")).lower() for t in found}) > 1:
        found = _one_of(req.ref, found, req.selector)
    return reply.done_yet(found, ctx.now, ctx.timezone)


def _resolve(req: Request, ctx: Context, j: Journal, status: str) -> list[Task]:
    """The task(s) the request names; asks (raises _Reply) when none or several match."""
    return _find_targets(req, ctx, j, status)[0]


def _find_targets(req: Request, ctx: Context, j: Journal, status: str) -> tuple[list[Task], list[str]]:
    """The task(s) the request names, and the names among several ('X and Y') that match no
    task; asks (raises _Reply) when none or several match."""
    if req.ref is None:
        if ctx.previous_assistant and reply.ASK_WHICH in ctx.previous_assistant:
            # "it" right after "which one do you mean?" is not an answer: don't guess.
            raise _Reply(_ask_by_name(req, ctx.previous_assistant))
        # "it's for work" with no command: the last task only while the last reply named it.
        if ctx.last_task and ctx.last_task.get("id") and (not req.said_of_last or _last_told(ctx)):
            result = j.call("get_task", task_id=ctx.last_task["id"])
            if _ok(result):
                return [result["task"]], []
            raise _Reply(f"I couldn't find {reply.quote(ctx.last_task.get('title', 'that task'))} any more.")
        if req.intent == "update" and req.changes.clear_reminder:
            # "Cancel this reminder" with no task in the talk: which task's, never a task
            # called 'reminder' deleted (before: "cancel this reminder" deleted one).
            raise _Reply(_which_reminder(ctx, j))
        raise _Reply(reply.not_found(None))
    place = position(req.ref)
    if place is None and ctx.last_list and req.ref.isdigit() and 0 < int(req.ref) <= 99:
        place = int(req.ref)  # "delete task 2", "complete 3" after a list
    if place is not None:
        return [_listed(place, ctx, j)], []
    query = " ".join(keywords(req.ref)) or req.ref
    parts = split_refs(req.ref)
    places = [position(part) for part in parts]
    if parts and all(p is not None for p in places):
        # "delete the first and the third": each the task at its place.
        picked = [_listed(p, ctx, j) for p in places if p is not None]
        return [t for n, t in enumerate(picked) if all(t.get("id") != o.get("id") for o in picked[:n])], []
    found: list[Task] = []
    # An edit that would otherwise add a task ("remind me that the rent is due tomorrow")
    # edits an open task only: a reminder or date on last month's done 'Pay rent' is lost.
    # A skip moves a repeating task's coming occurrence: an open task's.
    # "When is the next yoga?" asks about the one still to do.
    open_only = (req.intent == "update" and req.fallback is not None) or req.intent == "skip" or req.open_only
    for scope in dict.fromkeys((status,) if open_only else (status, "all")):
        result = j.call("search_tasks", query=query, status=scope)
        if not _ok(result):
            raise _Reply(_failure(result, "look up your tasks"))
        found = _matches(req.ref, result.get("tasks", []), req)
        if parts and not names_whole(req.ref, found):
            # "team sync and pick up kids": no one task has all those words, so each name
            # is looked up on its own (else only the best half-match was changed).
            targets, missing = _each_target(req, parts, j, status)
            if targets:
                return targets, missing
            if req.fallback is not None:
                raise _Instead(req.fallback)
            raise _Reply(reply.not_found(req.ref))
        if found:
            break
    if not found:
        # Full text found nothing close: compare against the whole list.
        result = j.call("list_tasks", status=status if open_only else "all", limit=100)
        found = _matches(req.ref, result.get("tasks", []) if _ok(result) else [], req)
    if not found and req.fallback is not None:
        raise _Instead(req.fallback)
    if not found and req.open_only:
        _no_next_one(req, j)
    if not found:
        raise _Reply(reply.not_found(req.ref))
    return _one_of(req.ref, found, req.selector), []


def _tag_or_ask(req: Request, ctx: Context, j: Journal) -> str:
    """'Tag the weekly report': when all the words name a task whole (its title has them, in
    that order), that task is meant and no tag was said: which tag is asked, with the task
    looked up so that the answer ("work") is its tag. Else the last word is the tag of the
    task the others name ("tag the weekly report work", "tag the essay econ")."""
    said = req.tag_or_name or ""
    result = j.call("search_tasks", query=" ".join(keywords(said)) or said, status="all")
    if not _ok(result):
        raise _Reply(_failure(result, "look up your tasks"))
    named = [t for t in result.get("tasks", []) if _says_whole(said, str(t.get("title", "")))]
    named = [t for t in named if is_exact(said, t)] or [t for t in named if not t.get("completed")] or named
    if not named:
        return _on_targets(replace(req, tag_or_name=None), ctx, j)
    task = _one_of(said, named, req.selector)[0]
    found = j.call("get_task", task_id=task["id"])  # the task "it" is, for the answer
    return reply.ask_tag(found["task"].get("title") if _ok(found) else task.get("title"))


def _says_whole(said: str, title: str) -> bool:
    """Whether the title has the words said, one after another ('weekly report' in 'Send
    weekly report'; not 'essay econ' in 'Econ essay')."""
    these, there = words(said), words(title)
    return bool(these) and any(there[i : i + len(these)] == these for i in range(len(there) - len(these) + 1))


def _no_next_one(req: Request, j: Journal) -> None:
    """'When is the next yoga?' with no open one: says so (raises _Reply) when a done task of
    that name repeats (recurring-service adds its next one a moment after it is completed)."""
    result = j.call("search_tasks", query=" ".join(keywords(req.ref or "")) or req.ref, status="completed")
    done = [
        t
        for t in _matches(req.ref or "", result.get("tasks", []) if _ok(result) else [], req)
        if t.get("rrule")
    ]
    if done:
        title = reply.quote(done[0].get("title"))
        raise _Reply(f"{title} is done, and its next one isn't on your list yet. Ask me again in a moment.")


def _listed(place: int, ctx: Context, j: Journal) -> Task:
    """The task at that place (1-based; -1 the last) of the list the assistant last showed,
    as it is now; asks (raises _Reply) when no list was shown or it has no such place."""
    shown = ctx.last_list
    if not shown:
        raise _Reply(
            'Which task do you mean? Tell me its name, or ask "what\'s on my list?" '
            "and then pick one by its number."
        )
    if place > len(shown):
        # Not reply.ASK_WHICH: the next message is no answer to a search's "which one?".
        count = f"{len(shown)} task" + ("" if len(shown) == 1 else "s")
        raise _Reply(f"I only listed {count}. Say a number up to {len(shown)}, or the task's name.")
    chosen = shown[place - 1 if place > 0 else -1]
    result = j.call("get_task", task_id=chosen.get("id"))
    if not _ok(result):
        raise _Reply(f"I couldn't find {reply.quote(chosen.get('title') or 'that task')} any more.")
    task: Task = result["task"]
    return task


def _matches(ref: str, tasks: list[Task], req: Request) -> list[Task]:
    if req.whole_ref:
        # Said with a misspelled verb: only a task with every word of the name is meant.
        tasks = [t for t in tasks if names_whole(ref, [t])]
    return best_matches(ref, tasks, req.verb_hint, verb_required=req.verb_required)


def _one_of(ref: str, found: list[Task], selector: str | None) -> list[Task]:
    """The task(s) among several matches that the answer to "which one?" picks; asks
    (raises _Reply) while it is not clear."""
    if selector is not None:
        chosen = select(selector, found)
        if not chosen:
            raise _NoAnswer(f"Sorry, I didn't catch which one. {reply.ask_which(ref, found)}")
        return chosen
    if len(found) > 1:
        raise _Reply(reply.ask_which(ref, found))
    return found


def _each_target(req: Request, parts: list[str], j: Journal, status: str) -> tuple[list[Task], list[str]]:
    """The task each name of 'X and Y' names (asking when one is ambiguous), and the names
    that match none."""

    def search(part: str, branch: Journal) -> list[Task]:
        query = " ".join(keywords(part)) or part
        for scope in dict.fromkeys((status, "all")):
            result = branch.call("search_tasks", query=query, status=scope)
            if not _ok(result):
                raise _Reply(_failure(result, "look up your tasks"))
            found = _matches(part, result.get("tasks", []), req)
            if found:
                return found
        return []

    # Side by side: one after another, five names took more steps than a turn has (user test
    # of 29 Nov 2026: four month names of an unread rule taken for task names).
    looked_up = j.each(parts, search)
    for outcome in looked_up:
        if isinstance(outcome, str):
            raise _Reply(outcome)
    founds = [outcome for outcome in looked_up if not isinstance(outcome, str)]
    if not all(founds):
        # Full text found nothing close for some: the whole list, once.
        listed = j.call("list_tasks", status="all", limit=100)
        everything = listed.get("tasks", []) if _ok(listed) else []
        founds = [found or _matches(part, everything, req) for part, found in zip(parts, founds, strict=True)]
    targets: list[Task] = []
    missing: list[str] = []
    for part, found in zip(parts, founds, strict=True):
        if not found:
            missing.append(part)
            continue
        for task in _one_of(part, found, req.selector if len(found) > 1 else None):
            if all(task.get("id") != t.get("id") for t in targets):
                targets.append(task)
    return targets, missing


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
        targets, missing = _find_targets(req, ctx, j, status)
    except _Instead as instead:
        return _plan(instead.request, ctx, j)
    except _NoAnswer:
        own = _own_command(req.selector, ctx)
        if own is None:
            raise
        # "I finished the CS101 problem set" to "which history reading?": that, not an answer.
        return _plan(own, ctx, j)
    lines = [_act(req, task, ctx, j) for task in targets]
    lines += [f"I couldn't find a task matching {reply.quote(part)}." for part in missing]
    return " ".join(lines)


def _own_command(message: str | None, ctx: Context) -> Request | None:
    """A reply to "which one do you mean?" that picked none of the tasks offered, read as a
    command of its own when it is one: a verb and a task's name ("I finished the CS101 problem
    set", "delete the gym"), or "add ..."; None for what only tries to pick ("the blue one",
    "the one due friday", "it")."""
    if not message:
        return None
    own = parse(message, ctx.local_now)
    if own.intent == "add":
        return own if says_add(message) else None
    if own.intent not in MUTATING or own.ref is None or own.pronoun or own.ref.isdigit():
        return None
    return own if position(own.ref) is None else None


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
        if task.get("completed") and req.whole_ref:
            # A plain "drop milk" (or a misspelled verb) may not mean a delete at all: no open
            # task matched, and a completed one is not deleted on such a reading.
            again = f'"delete {task.get("title")}"'
            return f"{title} is already done, so I left it. To delete it anyway, say {again}."
        return _delete(req, task, ctx, j)
    if req.intent == "skip":
        return _skip(task, ctx, j)
    if req.changes.ask_due:
        return _ask_move_when(task, ctx, j)
    return _update(req.changes, task, ctx, j)


def _ask_move_when(task: Task, ctx: Context, j: Journal) -> str:
    """'Move yoga' with no day: when it is due, and when to move it to. The task is fetched
    (get_task) so that it is the one "it" means next (conversation.last_task_after), and the
    answer ("saturday at 5") moves it (understand)."""
    result = j.call("get_task", task_id=task["id"])
    if not _ok(result):
        return _failure(result, f"look up {reply.quote(task.get('title'))}")
    current = result.get("task") or task
    due = reply.when_text(current.get("due_at"), ctx.now, ctx.timezone)
    said = f"It's due {due}. " if due else "It has no due date yet. "
    return said + reply.ask_move_when(current.get("title"))


def _delete(req: Request, task: Task, ctx: Context, j: Journal) -> str:
    """Delete `task`. Of an open repeating task only this one by default, as the web's "Delete
    this one": its series goes on (recurring-service makes the next one a moment later), and
    the reply says so, when the next one is due, and how to end the series. Said of the
    series ("delete the gym series", "delete gym for good"): the series ends with it, as the
    web's "Delete and stop repeating" (before: "Deleted 'Gym'." either way, and the next one
    appeared at once)."""
    title = reply.quote(task.get("title"))
    repeating = bool(task.get("rrule")) and not task.get("completed")
    whole = repeating and req.whole_series
    result = j.call("delete_task", task_id=task["id"], **({"series": True} if whole else {}))
    if not _ok(result):
        return _failure(result, f"delete {title}")
    if whole:
        return f"Deleted {title} and ended its series: no more will come."
    if not repeating:
        return f"Deleted {title}."
    rule, due = str(task["rrule"]), reply.parse_time(task.get("due_at"))
    end = f'To end the series too, say "delete {str(task.get("title") or "it").lower()} for good".'
    if due is None:
        return f"Deleted this one of {title}; the series goes on with the next one. {end}"
    # COUNT counts instances, which only task-service knows: its next_occurrence says when over.
    over = "COUNT=" in rule.upper() and "next_occurrence" in task and not task["next_occurrence"]
    following = None if over else skip_to(rule, due, ctx.now, task.get("repeat_from"), task.get("timezone"))
    if following is None:
        return f"Deleted {title}, the last one of its series."
    next_due = reply.when_text(iso(following), ctx.now, ctx.timezone).removeprefix("on ")
    return f"Deleted {_occurrence(title, due, ctx)}; the series goes on, next due {next_due}. {end}"


def _skip(task: Task, ctx: Context, j: Journal) -> str:
    """'Skip the next gym': the repeating task moves to where completing it now would put the
    next one (todo_common.next_due, as recurring-service and the web's "Skip this one" say it):
    repeating from its due date, the rule's first slot after both its due time and now, in the
    task's timezone, so an overdue one lands on a slot still to come; repeating from completion,
    one interval of the rule from now. Not completed, so no completion is recorded and no next
    instance is made; its reminder keeps its distance. A task that does not repeat, or whose
    series ends with it, is left as it is."""
    title = reply.quote(task.get("title"))
    rule, due = task.get("rrule"), reply.parse_time(task.get("due_at"))
    if not rule:
        return (
            f"{title} doesn't repeat, so there is no next one to skip. "
            "Should I move it to another day, or delete it?"
        )
    if due is None:
        return f"{title} repeats but has no due date, so there is nothing to skip yet. When is it next due?"
    # COUNT counts instances, which only task-service knows: its next_occurrence says when over.
    over = "COUNT=" in rule.upper() and "next_occurrence" in task and not task["next_occurrence"]
    following = None if over else skip_to(rule, due, ctx.now, task.get("repeat_from"), task.get("timezone"))
    if following is None:
        repeats = describe(rule, ctx.timezone)
        return (
            f"{title} is the last one of its series (it repeats {repeats} and ends after this one), "
            "so there is no next one to move it to. I left it as it is."
        )
    result = j.call("set_due_date", task_id=task["id"], due_at=iso(following), timezone=ctx.timezone)
    if not _ok(result):
        return _failure(result, f"skip {title}")
    moved = result.get("task", {}).get("due_at") or iso(following)
    next_due = reply.when_text(moved, ctx.now, ctx.timezone).removeprefix("on ")
    return f"Skipped {_occurrence(title, due, ctx)}; next due {next_due}."


def _occurrence(title: str, due: datetime, ctx: Context) -> str:
    """The skipped occurrence: "this Monday's 'Gym'", "today's 'Gym'", "'Gym' of Mon, Dec 14"."""
    day = reply.day_text(due, ctx.now, ctx.timezone)
    if day in ("today", "tomorrow", "yesterday"):
        return f"{day}'s {title}"
    if "," not in day:
        return f"this {day}'s {title}"
    return f"{title} of {day}"


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

    if c.retitle:
        c = replace(c, title=retitled(str(task.get("title") or ""), c.retitle))
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
        # As saved: the user's own spelling of a tag they already have.
        saved = [str(t) for t in current.get("tags") or [] if str(t).casefold() == tag.casefold()]
        done.append(f"Tagged {name} as {saved[0] if saved else tag}.")
    for tag in c.remove_tags:
        if tag.lower() not in (str(t).lower() for t in current.get("tags") or []):
            done.append(f"{name} doesn't have the {tag} tag.")
            continue
        run("remove_tag", f"untag {name}", tag=tag)
        done.append(f"Removed the {tag} tag from {name}.")
    if c.rrule:
        args: dict[str, Any] = {"rule": c.rrule, "timezone": ctx.timezone}
        if c.repeat_from:
            args["repeat_from"] = c.repeat_from
        off_day = None
        if c.due is not None or c.rrule_at is not None or not current.get("due_at"):
            due = series_due(_keeping_time(c, current, ctx), ctx.local_now)
            if due is not None:
                args["due_at"] = iso(due.at)
        else:
            # "Make it repeat every monday and wednesday" for a task due Saturday: its first
            # instance moves to the rule's first day on or after Saturday, at its time.
            off_day = _off_rule_day(c.rrule, current, ctx)
            if off_day is not None:
                args["due_at"] = iso(off_day[1])
        run("set_recurring", f"make {name} repeat", **args)
        text = f"{name} now repeats {describe(c.rrule, ctx.timezone)}"
        if c.repeat_from == "completion":
            text += reply.FROM_COMPLETION
        if current.get("due_at"):
            text += ", next due " + reply.when_text(current["due_at"], ctx.now, ctx.timezone)
        if off_day is not None:
            text += f" (moved from {off_day[0]}, which is not one of its days)"
        done.append(text + ".")
    elif c.meridiem is not None:
        # "I meant am": the same day, the other half of it.
        due_at = reply.parse_time(current.get("due_at"))
        if due_at is None:
            raise _Reply(" ".join([*done, f"{name} has no due time to change. When is it due?"]))
        local = due_at.astimezone(ZoneInfo(ctx.timezone))
        clock = c.meridiem_at or local.time()
        hour = clock.hour % 12 + (12 if c.meridiem == "pm" else 0)
        moved_to = local.replace(hour=hour, minute=clock.minute, second=0, microsecond=0)
        run("set_due_date", f"reschedule {name}", due_at=iso(moved_to), timezone=ctx.timezone)
        done.append(f"Moved {name} to {_when_said(current.get('due_at') or iso(moved_to), ctx)}.")
    elif c.later_only and c.due is not None and _not_later(current, _new_due(c, current, ctx)):
        # "push the dentist to monday" when it is due Tuesday: not made earlier.
        due_text = reply.when_text(current.get("due_at"), ctx.now, ctx.timezone).removeprefix("on ")
        done.append(f"{name} is already due {due_text}, on or after {_target_day(c, ctx)}; I left it there.")
    elif c.due is not None or c.shift is not None:
        new_due = _new_due(c, current, ctx)
        run("set_due_date", f"reschedule {name}", due_at=iso(new_due), timezone=ctx.timezone)
        moved = reply.when_text(current.get("due_at") or iso(new_due), ctx.now, ctx.timezone).removeprefix(
            "on "
        )
        done.append(f"Moved {name} to {moved}.")
    if c.clear_due:
        run("set_due_date", f"clear the due date of {name}", due_at=None)
        done.append(f"Removed the due date from {name}.")
    if c.clear_rrule:
        if current.get("rrule"):
            run("clear_recurring", f"stop {name} repeating")
            done.append(f"{name} no longer repeats.")
        elif replace(c, clear_rrule=False, stop=None).any():
            done.append(f"{name} doesn't repeat.")  # said with other changes, made above
        else:
            # "Cancel the monthly rent" of a rent that doesn't repeat: nothing changes, and what
            # can be done instead is offered (before: only "'Pay rent' doesn't repeat.").
            done.append(
                f"{name} doesn't repeat, so there is no series to stop; I left it as it is. "
                "Should I delete it, or mark it as done?"
            )
    if c.remind_sets_due and c.remind_at is not None and not current.get("due_at"):
        # "Remind me later to call the bank" ... "at 5pm": due then too, as "remind me to call
        # the bank at 5pm" would have made it.
        run("set_due_date", f"set the due date of {name}", due_at=iso(c.remind_at.at))
        done.append(f"{name} is now due {reply.when_text(current.get('due_at'), ctx.now, ctx.timezone)}.")
    if c.remind_shift is not None:
        # "Push the reminder back an hour", "remind me 15 minutes earlier": the reminder only.
        reminder = reply.parse_time(current.get("remind_at"))
        if reminder is None:
            done.append(f'{name} has no reminder to move. Say "remind me at ..." to set one.')
        else:
            # By days on the calendar in the user's zone (same time of day), by hours as hours.
            by_days = bool(c.remind_shift.days or c.remind_shift.months)
            base = reminder.astimezone(ZoneInfo(ctx.timezone)) if by_days else reminder
            run("set_reminder", f"move the reminder of {name}", remind_at=iso(base + c.remind_shift))
            text = f"Moved the reminder for {name} to {_when_said(current.get('remind_at'), ctx)}"
            if current.get("due_at"):
                text += f"; it's still due {_when_said(current['due_at'], ctx)}"
            done.append(text + "." + _after_due(current, ctx))
    elif c.reminder_moved and c.remind_at is not None:
        # "Snooze the kickoff call reminder to 1pm on monday": the reminder only.
        at = _moved_reminder(c.remind_at, current, ctx)
        run("set_reminder", f"move the reminder of {name}", remind_at=iso(at))
        text = f"Moved the reminder for {name} to {_when_said(current.get('remind_at'), ctx)}"
        if current.get("due_at"):
            text += f"; it's still due {_when_said(current['due_at'], ctx)}"
        done.append(text + "." + _after_due(current, ctx))
    elif c.remind_minutes is not None or c.remind_at is not None:
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
        when = (
            reply.when_text(current.get("remind_at"), ctx.now, ctx.timezone)
            if c.remind_at is not None  # a time was said: that time, not hours before the due time
            else _reminder_text(current, ctx)
        )
        done.append(f"I'll remind you about {name} {when}." + _after_due(current, ctx))
    if c.clear_reminder:
        done.append(_clear_reminder(c, current, ctx, name, run))
    if not done:
        return f"What would you like to change about {title}?"
    return " ".join(done)


def _stop(req: Request, ctx: Context, j: Journal) -> str:
    """'Stop the rent reminder', 'stop the rent series' (parse._read_stop): as any update,
    but a name matching no task is said plainly; a line starting "stop" that names no
    reminder or series ("stop by the bank") changes nothing and adds nothing."""
    if req.changes.stop == "said":
        said = (req.query or "").rstrip(".!")
        return (
            f'I didn\'t add {reply.quote(said)} as a task. To add it, say "add {said}"; to end a reminder '
            'or a repeating task, say "stop the ... reminder" or "stop repeating ...".'
        )
    try:
        return _on_targets(req, ctx, j)
    except _Reply as answer:
        if req.ref and answer.text == reply.not_found(req.ref):
            return f"I couldn't find a task about {reply.quote(req.ref)}."
        raise


def _clear_reminder(c: Changes, task: Task, ctx: Context, name: str, run: Callable[..., bool]) -> str:
    """The reminder of `task` removed. A repeating task keeps its series, and the reply says
    how to end it; said as "stop the rent reminder" of a repeating task without a reminder,
    the series ends (people call a repeating task a reminder)."""
    rule = task.get("rrule")
    repeats = f"It still repeats {describe(rule, ctx.timezone)}" if rule else ""
    end = f' \u2014 say "stop repeating {str(task.get("title") or "it").lower()}" to end the series.'
    if task.get("remind_at"):
        run("set_reminder", f"remove the reminder of {name}", clear=True)
        return f"Removed the reminder from {name}." + (f" {repeats}{end}" if rule else "")
    if rule and c.stop == "reminder":
        run("clear_recurring", f"stop {name} repeating")
        return (
            f"{name} had no reminder of its own, but it repeated {describe(rule, ctx.timezone)}: "
            "now it no longer repeats. It stays on your list."
        )
    return f"{name} has no reminder." + (f" {repeats}{end}" if rule else "")


def _keeping_time(c: Changes, task: Task, ctx: Context) -> Changes:
    """The changes of a rule said with a day but no time ("repeat monthly starting monday"),
    at the time of day the task is due at, as a day alone moves it (_new_due); before, its
    11:00 became 09:00. A time said, or meant by the day's words ("monday morning"), stays."""
    due = reply.parse_time(task.get("due_at"))
    said = c.due
    if due is None or c.rrule_at is not None or said is None or said.time_given:
        return c
    if said.time_implied and not c.keep_time:
        return c
    return replace(c, rrule_at=due.astimezone(ZoneInfo(ctx.timezone)).time().replace(tzinfo=None))


def _off_rule_day(rule: str, task: Task, ctx: Context) -> tuple[str, datetime] | None:
    """When the task's due day is no day of `rule` (made to repeat every Monday and Wednesday
    while due Saturday): (how its day reads, "Saturday"; the rule's first slot on or after
    that day at the task's time). None when the day is one of the rule's, or it has no due."""
    due = reply.parse_time(task.get("due_at"))
    if due is None:
        return None
    local = due.astimezone(ZoneInfo(ctx.timezone))
    first = first_due(rule, ctx.local_now, local.time().replace(tzinfo=None), local.date())
    if first.date() == local.date():
        return None
    ahead = (local.date() - ctx.local_now.date()).days
    day = f"{local:%A}" if 0 <= ahead < 7 else reply.day_text(due, ctx.now, ctx.timezone)
    return day, first


def _after_due(task: Task, ctx: Context) -> str:
    """' Heads up: that's after it's due (Monday at 3:00 PM).' when the task's reminder is
    later than its due time (set so all the same), else ''."""
    due, remind = reply.parse_time(task.get("due_at")), reply.parse_time(task.get("remind_at"))
    if remind is not None and remind < ctx.now:
        # "Remind me about it yesterday at 5", a shift that lands before now: set as asked.
        return " Heads up: that's in the past."
    if due is None or remind is None or remind <= due:
        return ""
    return f" Heads up: that's after it's due ({_when_said(task.get('due_at'), ctx)})."


def _when_said(value: str | None, ctx: Context) -> str:
    """'Monday at 1:00 PM', 'tomorrow at 9:00 AM' (no leading 'on')."""
    return reply.when_text(value, ctx.now, ctx.timezone).removeprefix("on ")


def _moved_reminder(when: When, task: Task, ctx: Context) -> datetime:
    """Where a moved reminder goes: the time said; a time said without a day ("move the
    reminder to 2pm") on the day the reminder was set for, else the due day, when that is
    still ahead; else the time's next occurrence (as read)."""
    if when.date_given:
        return when.at
    zone = ZoneInfo(ctx.timezone)
    for field in ("remind_at", "due_at"):
        moment = reply.parse_time(task.get(field))
        if moment is None:
            continue
        day = moment.astimezone(zone).date()
        at = datetime.combine(day, when.at.timetz().replace(tzinfo=None), tzinfo=zone)
        if at > ctx.now:
            return at
    return when.at


# -- every task of a day at once ------------------------------------------------------------
# The most tasks one request moves: each move is two task-service calls and its undo two
# more, which stays inside the per-user rate limit (100 a minute).
MAX_MOVED = 20


def _move_all(req: Request, ctx: Context, j: Journal) -> str:
    """'Move everything from today to tomorrow', 'move all work tasks to friday': every open
    task the filters name (at most MAX_MOVED), each keeping its time of day unless a time was
    given; says how many and which. A task called exactly what a group's words say ('Work
    tasks') is meant instead, when the words could be its name."""
    f = req.filters
    if f.at_clock is not None:
        return _move_clock(req, f.at_clock, ctx, j)
    if f.due is None and f.due_after is None and not f.tags and not f.priority:
        return reply.ASK_WHICH_TASKS
    result = _group(req, ctx, j)
    if isinstance(result, str):
        return result
    changes = replace(req.changes, keep_time=True)
    # A task without a due date gets the day said; one said as a shift has nothing to shift.
    to_a_day = changes.due is not None and changes.due.date_given
    listed = result.get("tasks", [])
    tasks = [t for t in listed if t.get("due_at") or to_a_day]
    undated = [t.get("title") for t in listed if not t.get("due_at")]
    source = reply.tasks_of(_spelled(f, listed), ctx.now, ctx.timezone)
    if not tasks:
        if undated:
            return f"None of your {source} has a due date to move, so I didn't move anything."
        return f"You have no {source}, so I didn't move anything."
    moves = [(task, _new_due(changes, task, ctx)) for task in tasks]
    left: list[Task] = []
    if changes.later_only:
        # "Push everything to monday": a task already due then or later is not made earlier.
        left = [task for task, due in moves if _not_later(task, due)]
        moves = [(task, due) for task, due in moves if not _not_later(task, due)]
        if not moves:
            return _all_left(left, source, changes, ctx)
    outcomes = j.each(moves, partial(_move_one, timezone=ctx.timezone))
    moved = [(task, due) for (task, due), failed in zip(moves, outcomes, strict=True) if not failed]
    kept = any(task.get("due_at") for task, _ in moved)
    note = ""
    given = [task.get("title") for task, _ in moved if not task.get("due_at")]
    if undated and not to_a_day:
        they = "it" if len(undated) == 1 else "them"
        note = f"{reply.named(undated)} had no due date, so I left {they} as is."
    elif given and kept and changes.due is not None and not changes.due.time_given:
        they = "it's" if len(given) == 1 else "they're"
        note = f"{reply.named(given)} had no due date; {they} now due at {datestyle.clock(changes.due.at)}."
    to = _moved_to(changes, ctx, kept)
    text = reply.moved_all(moved, source, to, ctx.now, ctx.timezone, note)
    notes = [failed for failed in outcomes if failed]
    if left:
        notes.append(_left_note(left, changes, ctx))
    if result.get("more"):
        if f.due or f.due_after:  # the moved ones are no longer in the group
            notes.append(f"You have more than {MAX_MOVED}; say it again to move the rest.")
        else:
            notes.append(f"You have more than {MAX_MOVED} of them; I moved the {MAX_MOVED} due soonest.")
    return " ".join([text, *notes]).strip()


def _spelled(f: Filters, tasks: Sequence[Task]) -> Filters:
    """The filters with each tag as the user spells it on the tasks found (the most common
    spelling among them: "errands" said, 'Errands' saved), for the reply; as said when none
    has it."""
    if not f.tags:
        return f
    seen: dict[str, dict[str, int]] = {}
    for task in tasks:
        for tag in task.get("tags") or []:
            counts = seen.setdefault(str(tag).casefold(), {})
            counts[str(tag)] = counts.get(str(tag), 0) + 1
    spelled = []
    for tag in f.tags:
        found = seen.get(tag.casefold())
        spelled.append(max(found, key=found.__getitem__) if found else tag)
    return replace(f, tags=tuple(spelled))


CLOCK_SCAN = 100


def _move_clock(req: Request, at: time, ctx: Context, j: Journal) -> str:
    """'Move my 8pm tasks to 9pm': the open tasks due at 8 PM today, or if none, on the next
    day that has some, each to 9 PM on its own day; the reply names the day when not today."""
    assert req.changes.due is not None
    to = req.changes.due.at.time()
    zone = ZoneInfo(ctx.timezone)
    today = ctx.local_now.date()
    midnight = datetime.combine(today, time(0, 0), tzinfo=zone)
    result = j.call(
        "list_tasks",
        status="open",
        due_after=iso(midnight - timedelta(seconds=1)),
        sort="due_at",
        limit=CLOCK_SCAN,
        timezone=ctx.timezone,
    )
    if not _ok(result):
        return _failure(result, "get your tasks")
    said = datestyle.clock(datetime.combine(today, at, tzinfo=zone))
    at_clock: list[tuple[Task, datetime]] = []
    for task in result.get("tasks", []):
        due = reply.parse_time(task.get("due_at"))
        local = due.astimezone(zone) if due is not None else None
        if local is not None and local.date() >= today and (local.hour, local.minute) == (at.hour, at.minute):
            at_clock.append((task, local))
    if not at_clock:
        return f"You have no open tasks due at {said} from today on, so I didn't move anything."
    day = min(local.date() for _, local in at_clock)
    moves = [
        (task, datetime.combine(day, to, tzinfo=zone)) for task, local in at_clock if local.date() == day
    ]
    moves = moves[:MAX_MOVED]
    outcomes = j.each(moves, partial(_move_one, timezone=ctx.timezone))
    moved = [(task, due) for (task, due), failed in zip(moves, outcomes, strict=True) if not failed]
    on_day = reply.day_text(moves[0][1], ctx.now, ctx.timezone)
    on_day = on_day if on_day in ("today", "tomorrow") else "on " + on_day
    note = "" if day == today else f"You had none at {said} today."
    source = f"tasks due at {said} {on_day}"
    text = reply.moved_all(moved, source, f"to {datestyle.clock(moves[0][1])}", ctx.now, ctx.timezone, note)
    return " ".join([text, *(failed for failed in outcomes if failed)]).strip()


def _not_later(task: Task, new_due: datetime) -> bool:
    """Whether moving `task` to `new_due` would not make it later (it is due then or after)."""
    due = reply.parse_time(task.get("due_at"))
    return due is not None and new_due <= due


def _target_day(changes: Changes, ctx: Context, *, dated: bool = False) -> str:
    """'Monday', 'tomorrow', 'Monday at 9:00 AM': the new time a push names; `dated`, with
    the date of a weekday ('Monday, Nov 30'), as a group move says it."""
    assert changes.due is not None
    day = (reply.dated_day if dated else reply.day_text)(changes.due.at, ctx.now, ctx.timezone)
    return day + (f" at {datestyle.clock(changes.due.at)}" if changes.due.time_given else "")


def _left_note(left: Sequence[Task], changes: Changes, ctx: Context) -> str:
    """'3 were already due on or after Monday, Nov 30; left them as they are: 'A', 'B' and 'C'.'"""
    count = "1 was" if len(left) == 1 else f"{len(left)} were"
    them = "it" if len(left) == 1 else "them"
    titles = reply.named([t.get("title") for t in left])
    state = "it is" if len(left) == 1 else "they are"
    on_or_after = _target_day(changes, ctx, dated=True)
    return f"{count} already due on or after {on_or_after}; left {them} as {state}: {titles}."


def _all_left(left: Sequence[Task], source: str, changes: Changes, ctx: Context) -> str:
    """A push of a group all due on or after its day already: nothing moved; which group and
    which day are said, so that what "this week" was read as can be seen."""
    titles = reply.named([t.get("title") for t in left])
    on_or_after = _target_day(changes, ctx, dated=True)
    if len(left) == 1:
        return (
            f"{titles}, the only one of your {source}, is already due on or after {on_or_after}, "
            "so I left it where it is."
        )
    return (
        f"All {len(left)} {source} are already due on or after {on_or_after}, so I didn't move "
        f"anything: {titles}."
    )


def _group(req: Request, ctx: Context, j: Journal) -> dict[str, Any] | str:
    """The list_tasks result of the open tasks a bulk change's filters name (at most
    MAX_MOVED, soonest due first), or what was said instead: the one task called exactly
    what the words say ('Work tasks'), or the fallback's outcome when no task has the tag."""
    f = req.filters
    if req.one_task is not None and req.ref:
        named = _called_exactly(req.ref, j)
        if named:
            return " ".join(_act(req.one_task, task, ctx, j) for task in _one_of(req.ref, named, None))
    result = j.call(
        "list_tasks",
        status="open",
        priority=",".join(f.priority) or None,
        tags=",".join(f.tags) or None,
        due=f.due,
        due_after=iso(f.due_after) if f.due_after else None,
        due_before=iso(f.due_before) if f.due_before else None,
        sort="due_at",
        limit=MAX_MOVED,
        timezone=ctx.timezone,
    )
    if not _ok(result):
        return _failure(result, "get your tasks")
    if not result.get("tasks") and req.fallback is not None:
        # "all errands tasks" and no open task tagged Errands: the words as they read otherwise.
        return _plan(req.fallback, ctx, j)
    return result


def _complete_all(req: Request, ctx: Context, j: Journal) -> str:
    """'Mark all overdue tasks as done', 'mark all shopping tasks done': every open task the
    filters name (at most MAX_MOVED) is completed, together; says how many and which, and
    "undo" reopens them. Without a group it asks which: all open tasks at once is never
    guessed."""
    f = req.filters
    if f.due is None and f.due_after is None and not f.tags and not f.priority:
        return reply.ASK_WHICH_DONE
    result = _group(req, ctx, j)
    if isinstance(result, str):
        return result
    tasks = [t for t in result.get("tasks", []) if t.get("id") and not t.get("completed")]
    source = reply.tasks_of(_spelled(f, tasks), ctx.now, ctx.timezone)
    if not tasks:
        return f"You have no {source}, so I didn't mark anything as done."
    if len(tasks) == 1:
        return _act(replace(req, intent="complete"), tasks[0], ctx, j)
    outcomes = j.each(tasks, _complete_one)
    done = [t for t, failed in zip(tasks, outcomes, strict=True) if not failed]
    notes = [failed for failed in outcomes if failed]
    if result.get("more"):
        notes.append(f"You have more than {MAX_MOVED}; say it again to mark the rest.")
    return " ".join([reply.completed_all(done, source), *notes]).strip()


ASK_WHICH_NOT_URGENT = (
    'Which tasks do you mean? Ask me for a list ("what\'s on my list?"), then tell me, or name a '
    'task ("the report isn\'t urgent").'
)


def _lower_listed(ctx: Context, j: Journal) -> str:
    """'None of this is urgent' right after a list: its urgent and high priority tasks (of the
    first MAX_MOVED shown, as they are now) are set to medium priority, together, told by
    name; "undo" puts them back. With no list just shown it asks which tasks."""
    if not ctx.last_list or not ctx.list_just_shown:
        return ASK_WHICH_NOT_URGENT
    found = j.each(list(ctx.last_list[:MAX_MOVED]), _fetch_one)
    tasks = [t for t in found if isinstance(t, dict)]
    raised = [t for t in tasks if t.get("priority") in ("HIGH", "VERY_IMPORTANT") and not t.get("completed")]
    if not raised:
        return "None of them is marked urgent or high priority, so I left them as they are."
    outcomes = j.each(raised, _lower_one)
    lowered = [t.get("title") for t, failed in zip(raised, outcomes, strict=True) if not failed]
    notes = [failed for failed in outcomes if failed]
    if not lowered:
        return " ".join(notes)
    back = 'Say "undo" to put it back.' if len(lowered) == 1 else reply.UNDO_THEM
    rest = "" if len(raised) == len(tasks) else "; the rest were already medium or low"
    return " ".join([f"Set {reply.named(lowered)} to medium priority{rest}. {back}", *notes])


def _fetch_one(task: Task, j: Journal) -> Task | str:
    result = j.call("get_task", task_id=task.get("id"))
    found: Task = result.get("task") or {}
    return found if _ok(result) and found else f"I couldn't find {reply.quote(task.get('title'))} any more."


def _lower_one(task: Task, j: Journal) -> str:
    """'' once set to medium priority, else why not."""
    result = j.call("set_priority", task_id=task["id"], priority="MEDIUM")
    return "" if _ok(result) else _failure(result, f"change the priority of {reply.quote(task.get('title'))}")


def _complete_one(task: Task, j: Journal) -> str:
    """'' once completed, else why not."""
    result = j.call("complete_task", task_id=task["id"])
    return "" if _ok(result) else _failure(result, f"complete {reply.quote(task.get('title'))}")


# How many open tasks "what reminders do I have?" looks through (the task API cannot filter
# by reminder; a list longer than this says there may be more).
REMINDER_SCAN = 100


def _reminders(ctx: Context, j: Journal) -> str:
    """'What reminders do I have?': the open tasks whose reminder is still to come, soonest
    first."""
    result = j.call("list_tasks", status="open", limit=REMINDER_SCAN)
    if not _ok(result):
        return _failure(result, "get your tasks")
    return reply.reminders(result.get("tasks", []), ctx.now, ctx.timezone, more=bool(result.get("more")))


def _which_reminder(ctx: Context, j: Journal) -> str:
    """'Which task's reminder should I cancel?' and the open tasks that have one, or that none
    has."""
    result = j.call("list_tasks", status="open", limit=REMINDER_SCAN)
    if not _ok(result):
        return _failure(result, "get your tasks")
    return reply.which_reminder(result.get("tasks", []), ctx.now, ctx.timezone)


# The most completed tasks one request deletes: each is one task-service call and its undo two
# (add it again, complete it), inside the per-user rate limit as MAX_MOVED is.
MAX_DELETED = 20


def _delete_done(j: Journal) -> str:
    """'Clear completed tasks': delete the completed tasks (at most MAX_DELETED), together;
    "undo" brings them back, done. Open tasks are never touched."""
    result = j.call("list_tasks", status="completed", limit=MAX_DELETED)
    if not _ok(result):
        return _failure(result, "get your completed tasks")
    tasks = [t for t in result.get("tasks", []) if t.get("completed") and t.get("id")]
    if not tasks:
        return "You have no completed tasks, so I didn't delete anything."
    outcomes = j.each(tasks, _delete_one)
    deleted = [t.get("title") for t, failed in zip(tasks, outcomes, strict=True) if not failed]
    notes = [failed for failed in outcomes if failed]
    if result.get("more"):
        notes.append(f"You have more than {MAX_DELETED}; say it again to delete the rest.")
    if not deleted:
        return " ".join(notes)
    if len(deleted) == 1:
        text = f'Deleted the completed task {reply.quote(deleted[0])}. Say "undo" to bring it back.'
    else:
        text = f"Deleted {len(deleted)} completed tasks: {reply.named(deleted)}. {reply.UNDO_THEM}"
    return " ".join([text, *notes])


def _delete_one(task: Task, j: Journal) -> str:
    """'' once deleted, else why not."""
    result = j.call("delete_task", task_id=task["id"])
    return "" if _ok(result) else _failure(result, f"delete {reply.quote(task.get('title'))}")


def _called_exactly(name: str, j: Journal) -> list[Task]:
    """The open tasks whose title is `name` ('move the work tasks to friday' and a task
    'Work tasks')."""
    result = j.call("search_tasks", query=" ".join(keywords(name)) or name, status="open")
    return [t for t in result.get("tasks", []) if is_exact(name, t)] if _ok(result) else []


def _moved_to(c: Changes, ctx: Context, kept: bool = True) -> str:
    """Where a bulk move puts the tasks: 'to tomorrow, keeping their times', 'to Monday, Nov 30
    at 9:00 AM', '1 day later', 'to the same day and time next week'. `kept`: some task had a
    time to keep."""
    if c.shift is not None:
        if c.shift == relativedelta(weeks=1):
            return "to the same day and time next week"
        return reply.span(c.shift) + " later"
    assert c.due is not None
    if not c.due.date_given:
        return f"to {datestyle.clock(c.due.at)} on the same day"
    day = reply.dated_day(c.due.at, ctx.now, ctx.timezone)
    if c.due.time_given or not kept:
        return f"to {day} at {datestyle.clock(c.due.at)}"
    return f"to {day}, keeping their times"


def _move_one(move: tuple[Task, datetime], j: Journal, timezone: str) -> str:
    """'' once moved, else why not. A reminder keeps its place on the wall clock of the
    task's zone, else `timezone` (the user's)."""
    task, due = move
    result = j.call("set_due_date", task_id=task["id"], due_at=iso(due), timezone=timezone)
    return "" if _ok(result) else _failure(result, f"move {reply.quote(task.get('title'))}")


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
    if not when.time_given and current is not None and (c.keep_time or not when.time_implied):
        # "Move the dentist to friday", "no, I meant Friday": only the day changes, the task's
        # time of day stays (a task with no due date gets the usual 09:00). A time said ("friday
        # at 4", "friday morning") or meant by the day's words ("tonight") is the time.
        local = current.astimezone(zone)
        return when.at.replace(hour=local.hour, minute=local.minute)
    return when.at


# -- undo ------------------------------------------------------------------------------------
NOTHING_TO_UNDO = "There's nothing for me to undo yet."
ALREADY_UNDONE = "I've already undone what I can, so there's nothing more for me to undo."
# An undo said again reverts the change before the one it undid (Conversation.change_to_undo).
UNDID_EARLIER = "Undid the change before that:"
# How a reply names each field.
FIELD_NAMES = {
    "title": "title",
    "description": "note",
    "priority": "priority",
    "tags": "tags",
    "due_at": "due date",
    "remind_at": "reminder",
    "rrule": "repeat",
    "repeat_from": "repeat",
}


# Undoing more than this many tasks is told in one sentence, naming five.
MAX_UNDONE_TOLD = 3


@dataclass(frozen=True)
class Undone:
    """What undoing one task's change did, as a sentence; `how` it is as it was again
    ('removed', 'brought back', 'reopened', 'completed', 'changed'), None when it is not
    all the way (gone, changed again since, a call failed)."""

    title: str
    text: str
    how: str | None = None


def _undo(ctx: Context, j: Journal) -> str:
    """Revert every task the last changing turn changed, each as far as it still can be,
    saying so for any it cannot."""
    change = ctx.last_change or {}
    if change.get("undone"):
        return ALREADY_UNDONE
    records = [r for r in change.get("changes") or [] if isinstance(r, dict) and r.get("task_id")]
    if not records:
        return NOTHING_TO_UNDO
    outcomes = j.each(records, lambda record, journal: _undo_record(record, ctx, journal))
    lead = [UNDID_EARLIER] if change.get("again") else []
    done = [o for o in outcomes if isinstance(o, Undone) and o.how]
    if len(done) <= MAX_UNDONE_TOLD:
        return " ".join([*lead, *(o.text if isinstance(o, Undone) else o for o in outcomes)])
    # Many tasks: those put back in one sentence, then what went otherwise, each its own.
    others = [
        o.text if isinstance(o, Undone) else o for o in outcomes if not (isinstance(o, Undone) and o.how)
    ]
    summary = reply.undone_all([o.title for o in done], {str(o.how) for o in done})
    return " ".join([*lead, summary, *others])


def _undo_one(record: dict[str, Any], ctx: Context, j: Journal) -> str:
    return _undo_record(record, ctx, j).text


def _undo_record(record: dict[str, Any], ctx: Context, j: Journal) -> Undone:
    name = str(record.get("title") or "that task")
    title = reply.quote(name)
    before, after = record.get("before"), record.get("after")
    if record.get("kind") == "added":
        # With its series: a repeating task's next instance would otherwise come a moment later.
        result = j.call("delete_task", task_id=record["task_id"], series=True)
        if _ok(result):
            return Undone(name, f"Removed {title}, which I had just added.", "removed")
        if result.get("error") == "not_found":
            return Undone(name, f"{title} is already gone.")
        return Undone(name, _failure(result, f"remove {title}"))
    if record.get("kind") == "deleted":
        return _bring_back(name, before, j, series_ended=bool(record.get("series_ended")))
    if not isinstance(before, dict) or not isinstance(after, dict):
        return Undone(name, f"I can't change {title} back: I didn't see how it was before.")
    result = j.call("get_task", task_id=record["task_id"])
    if not _ok(result):
        if result.get("error") == "not_found":
            return Undone(name, f"I couldn't find {title} any more, so I can't change it back.")
        return Undone(name, _failure(result, f"look up {title}"))
    return _change_back(name, before, after, result["task"], ctx, j)


def _bring_back(name: str, before: Any, j: Journal, *, series_ended: bool = False) -> Undone:
    """A deleted task again, as a new task with its fields; an open instance of a series by
    moving back the next instance its deletion made (_move_back_next), unless it was deleted
    with its series (`series_ended`: no next instance came), when it is made again, repeating."""
    title = reply.quote(name)
    if not isinstance(before, dict) or not before.get("title"):
        return Undone(name, f"I can't bring back {title}: I didn't keep its details.")
    if before.get("rrule") and not before.get("completed") and before.get("id") and not series_ended:
        moved = _move_back_next(name, before, j)
        if moved is not None:
            return moved
    fields = dict(before)
    if before.get("completed") and before.get("rrule"):
        # A done instance of a series already made its successor: back as a done one-off,
        # since completing a new series would make a second successor.
        fields.update(rrule=None, repeat_from=None)
    args = {k: fields[k] for k in TASK_FIELDS if fields.get(k) not in (None, "", [])}
    result = j.call("add_task", **args)
    if not _ok(result):
        return Undone(name, _failure(result, f"bring back {title}"))
    if not before.get("completed"):
        return Undone(name, f"Brought back {title}.", "brought back")
    done = j.call("complete_task", task_id=result["task"]["id"])
    if not _ok(done):
        return Undone(name, f"Brought back {title}, but open: {_failure(done, 'mark it as done')}")
    return Undone(name, f"Brought back {title}, marked as done.", "brought back")


# What moving the next instance back puts back: the deleted instance's own fields (the repeat
# is the series', the same).
MOVED_BACK = ("title", "description", "priority", "tags", "due_at", "remind_at")


def _move_back_next(name: str, before: Task, j: Journal) -> Undone | None:
    """Undo of deleting an open instance of a series. Deleting it made the series' next
    instance (recurring-service, a moment later); made again, it would be a second series
    beside that one, two open instances. So the next instance (waited for, as it comes
    through events) takes back the deleted one's fields: one open instance, due as before.
    None when none came (the series had ended): it is made again, as any task."""
    title = reply.quote(name)
    found = j.call(
        "find_next_instance",
        task_id=before["id"],
        title=before["title"],
        series_id=before.get("series_id"),
        parent_task_id=before.get("parent_task_id"),
    )
    if not _ok(found):
        return Undone(name, _failure(found, f"bring back {title}"))
    following = found.get("task")
    if not isinstance(following, dict) or not following.get("id"):
        return None
    values = {k: before.get(k) for k in MOVED_BACK}
    kept = {k: v for k, v in values.items() if v is not None}
    moved = j.call("update_task", task_id=following["id"], version=following.get("version"), **kept)
    if not _ok(moved):
        return Undone(name, _failure(moved, f"bring back {title}"))
    if values["remind_at"] is None and moved["task"].get("remind_at") is not None:
        cleared = j.call("set_reminder", task_id=following["id"], clear=True)
        if not _ok(cleared):
            return Undone(name, _failure(cleared, f"bring back {title}"))
    return Undone(name, f"Brought back {title}.", "brought back")


def _change_back(name: str, before: Task, after: Task, current: Task, ctx: Context, j: Journal) -> Undone:
    """Put back each field the change set, unless it has changed again since (the later
    edit wins); then say what was put back and what was left."""
    title = reply.quote(name)
    changed = [k for k in TASK_FIELDS if before.get(k) != after.get(k)]
    revert = {k: before.get(k) for k in changed if current.get(k) == after.get(k)}
    left = list(dict.fromkeys(FIELD_NAMES[k] for k in changed if k not in revert))
    said: list[str] = []
    kinds: list[str] = []  # what was put back
    all_the_way = not left
    if bool(before.get("completed")) != bool(after.get("completed")):
        text, kind = _completion_back(
            title, bool(before.get("completed")), bool(current.get("completed")), current, j
        )
        said.append(text)
        if kind is None:
            all_the_way = False
        else:
            kinds.append(kind)
    if revert:
        failed = _put_back(current["id"], revert, j)
        if failed is not None:
            return Undone(name, " ".join([*said, _failure(failed, f"change {title} back")]))
        parts = [_field_text(k, v, ctx) for k, v in revert.items()]
        said.append(f"Changed {title} back: {', '.join(parts)}.")
        kinds.append("changed")
    if left:
        them = "it" if len(left) == 1 else "them"
        said.append(f"The {' and '.join(left)} of {title} changed again since, so I left {them} as is.")
    if not said:
        return Undone(name, f"{title} is already as it was.")
    how = (kinds[0] if len(kinds) == 1 else "changed") if all_the_way and kinds else None
    return Undone(name, " ".join(said), how)


def _completion_back(
    title: str, was_done: bool, is_done: bool, current: Task, j: Journal
) -> tuple[str, str | None]:
    """What putting back done/open said, and 'reopened' / 'completed' when it did."""
    if is_done == was_done:
        return f"{title} is already {'done' if is_done else 'open'}.", None
    if was_done:
        result = j.call("complete_task", task_id=current["id"])
        if _ok(result):
            return f"Marked {title} as done again.", "completed"
        return _failure(result, f"complete {title}"), None
    result = j.call("reopen_task", task_id=current["id"])
    return (f"Reopened {title}.", "reopened") if _ok(result) else (_failure(result, f"reopen {title}"), None)


def _put_back(task_id: str, values: dict[str, Any], j: Journal) -> dict[str, Any] | None:
    """The calls that set `values`: update_task for values, the clearing tools for the
    empty ones (update_task cannot clear). The repeat goes first and the due date last, so
    no step leaves a repeat without the due date it started from. The failed result, if any."""
    calls: list[tuple[str, dict[str, Any]]] = []
    if "rrule" in values and values["rrule"] is None:
        calls.append(("clear_recurring", {}))
    kept = {k: v for k, v in values.items() if v is not None}
    if kept:
        calls.append(("update_task", kept))
    if "remind_at" in values and values["remind_at"] is None:
        calls.append(("set_reminder", {"clear": True}))
    if "due_at" in values and values["due_at"] is None:
        calls.append(("set_due_date", {}))
    for name, args in calls:
        result = j.call(name, task_id=task_id, **args)
        if not _ok(result):
            return result
    return None


def _field_text(name: str, value: Any, ctx: Context) -> str:
    if name == "title":
        return f"renamed to {reply.quote(value)}"
    if name == "description":
        return "the note as it was" if value else "no note"
    if name == "priority":
        return reply.PRIORITY_WORDS.get(str(value), str(value).lower())
    if name == "tags":
        return "tags " + ", ".join(value) if value else "no tags"
    if name == "due_at":
        return "due " + reply.when_text(value, ctx.now, ctx.timezone) if value else "no due date"
    if name == "remind_at":
        return "reminder " + reply.when_text(value, ctx.now, ctx.timezone) if value else "no reminder"
    if name == "rrule":
        return "repeats " + describe(value, ctx.timezone) if value else "doesn't repeat"
    return f"repeats from its {'completion' if value == 'completion' else 'due date'}"


# -- "no, I meant the other one" -------------------------------------------------------------
SWITCHED = "Sorry about that."


def _switch_help(changed: bool) -> str:
    text = 'Which task did you mean? Tell me its name and what to do, like "complete Call mom".'
    return text + (' If I changed the wrong one, say "undo" to put it back.' if changed else "")


def _original(ctx: Context) -> tuple[Request, str] | None:
    """The request of the last exchange and its reply, as understood then (an answer to
    "which one do you mean?" read with the question's request). A "no, I meant ..." that
    only asked back is passed over; one that switched is the last change itself."""
    h = list(ctx.history)
    while len(h) >= 2 and h[-1][0] == "assistant" and h[-2][0] == "user":
        user, said = h[-2][1], h[-1][1]
        if parse(user, ctx.local_now).intent == "retarget":
            if said.startswith(SWITCHED):
                return None
            h = h[:-2]
            continue
        then = Context(
            now=ctx.now,
            timezone=ctx.timezone,
            previous_user=h[-4][1] if len(h) >= 4 and h[-4][0] == "user" else None,
            previous_assistant=h[-3][1] if len(h) >= 3 and h[-3][0] == "assistant" else None,
        )
        return understand(user, then), said
    return None


def _retarget(req: Request, ctx: Context, j: Journal) -> str:
    """'No, I meant the other one' (or '... I meant Call mom'): put back what the last turn
    changed and do that turn's request to the task meant instead."""
    change = ctx.last_change or {}
    records = [r for r in change.get("changes") or [] if isinstance(r, dict) and r.get("task_id")]
    found = _original(ctx)
    if change.get("undone") or change.get("again") or not records or found is None:
        return _switch_help(False)
    original, said = found
    titles = [reply.quote(r.get("title") or "") for r in records]
    made_by_it = reply.ASK_WHICH not in said and any(t in said for t in titles)
    if not made_by_it or original.intent not in MUTATING or original.ref is None:
        return _switch_help(made_by_it)
    changed_ids = {str(r["task_id"]) for r in records}
    status = {"complete": "open", "reopen": "completed"}.get(original.intent, "open")
    if req.ref is not None:
        meant = replace(original, ref=req.ref, pronoun=False, selector=req.selector, fallback=None)
        targets = _resolve(meant, ctx, j, status)
        if any(str(t.get("id")) in changed_ids for t in targets):
            return f"That's the one I changed: {said}"
    else:
        targets = _others(original, changed_ids, j, status)
        if not targets:
            return (
                f"I couldn't find another task matching {reply.quote(original.ref)}. "
                f'If {reply.join(titles)} was the wrong one, say "undo" to put it back.'
            )
        if req.selector is not None:
            chosen = select(req.selector, targets)
            if not chosen:
                return f"Sorry, I didn't catch which one. {reply.ask_which(original.ref, targets)}"
            targets = chosen
        elif len(targets) > 1:
            return reply.ask_which(original.ref, targets)
    undone = [_undo_one(record, ctx, j) for record in records]
    redone = [_act(original, task, ctx, j) for task in targets]
    return " ".join([SWITCHED, *undone, *redone])


def _others(original: Request, changed_ids: set[str], j: Journal, status: str) -> list[Task]:
    """The tasks the original request's words name, besides the ones it changed."""
    assert original.ref is not None
    query = " ".join(keywords(original.ref)) or original.ref
    for scope in dict.fromkeys((status, "all")):
        result = j.call("search_tasks", query=query, status=scope)
        rest = (
            [t for t in result.get("tasks", []) if str(t.get("id")) not in changed_ids] if _ok(result) else []
        )
        others = best_matches(original.ref, rest, original.verb_hint)
        if others:
            return others
    return []
