"""The assistant's words: confirmations, lists and questions, with times in the user's
timezone. No ids, JSON or internals ever reach the text. Pure."""

import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from todo_common.datestyle import calendar_day, clock

from chat_service.domain.recurrence import describe

Task = dict[str, Any]
ASK_WHICH = "Which one do you mean?"
PRIORITY_WORDS = {
    "VERY_IMPORTANT": "urgent",
    "HIGH": "high priority",
    "MEDIUM": "medium priority",
    "LOW": "low priority",
}
MAX_LISTED = 15

HELP = (
    'I\'m your task assistant. I can add tasks ("Add call the dentist tomorrow at 3pm"), set due dates, '
    'priorities, tags and reminders ("remind me 30 minutes before"), make tasks repeat ("every Monday"), '
    'mark them done, rename or delete them, and show or search your list ("What\'s due this week?").'
)


# The offer after "I can't ...": a "yes" to it adds the task offered.
SAY_YES = 'just say "yes"'
# Asked after adding a task whose reminder had no time ("remind me later to call the bank").
ASK_REMIND_WHEN = "When should I remind you about it?"
# "Tag the weekly report" naming the task 'Weekly report' whole: no tag was said.
ASK_TAG = "Which tag should I add to "


def ask_move_when(title: str | None) -> str:
    """Asked after "move yoga" with no day (planner._ask_move_when); the answer moves it."""
    return f"When should I move {quote(title)} to?"


def ask_tag(title: str | None) -> str:
    return f"{ASK_TAG}{quote(title)}?"


def cannot(doing: str, title: str | None, *, about_list: bool, ask: str | None = None) -> str:
    """'Sorry, I can't make phone calls.' and what it can do instead."""
    text = f"Sorry, I can't {doing}."
    if ask:
        # "Can you sort out my week?": that stretch's tasks are what it can show.
        then = "then tell me what to move, add or prioritise."
        return f'{text} I can show you what\'s on it, though: ask "{ask}", {then}'
    if about_list:
        return f"{text} Your tasks are all here, though: ask \"What's on my list?\" and I'll show them."
    if not title:
        return (
            f'{text} I can remind you in the app instead, like "remind me to leave for the airport at 6am".'
        )
    instead = f"I can add {quote(title)} to your list ({SAY_YES}), set a reminder for it, or show your tasks."
    return f"{text} {instead}"


NO_SUCH_DAY = "Which day of the month should it repeat on?"


def no_such_day(day: int, *, change: bool = False) -> str:
    """'every month on the 45th': no month has that day; nothing was added, or with `change`
    ("make it repeat every month on the 32nd") nothing was changed. The answer ("the last
    day") is read with the request (planner.understand)."""
    nth = f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"
    done = "change" if change else "add"
    return (
        f"No month has a {nth} day, so I didn't {done} anything. {NO_SUCH_DAY} "
        'Say a day from the 1st to the 31st, or "the last day".'
    )


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


# Every date and time the assistant writes goes through clock and calendar_day, in one rule
# for every service (todo_common.datestyle, the web app's, frontend/lib/time.ts): English words,
# and the hour cycle and order of day and month of the readers of the user's zone. '7:00 PM'
# and 'Tue, Dec 8' in New York (and UTC), '19:00' and 'Tue 8 Dec' in London.


def when_text(value: str | datetime | None, now: datetime, zone: str) -> str:
    """'today at 8:00 PM', 'tomorrow at 3:00 PM', 'on Friday at 9:00 AM', 'on Fri, Dec 25 at 9:00 AM',
    'on Dec 25, 2027 at 9:00 AM' (in London 'on Fri 25 Dec at 09:00', 'on 25 Dec 2027 at 09:00')."""
    moment = parse_time(value) if isinstance(value, str) or value is None else value
    if moment is None:
        return ""
    tz = ZoneInfo(zone)
    local, today = moment.astimezone(tz), now.astimezone(tz).date()
    days = (local.date() - today).days
    at = clock(local)
    if days == 0:
        return f"today at {at}"
    if days == 1:
        return f"tomorrow at {at}"
    if days == -1:
        return f"yesterday at {at}"
    if 1 < days < 7:
        return f"on {local.strftime('%A')} at {at}"
    if local.year == today.year or 0 < days < 180:
        return f"on {calendar_day(local, zone)} at {at}"
    return f"on {calendar_day(local, zone, weekday='', year=True)} at {at}"


def day_text(value: datetime, now: datetime, zone: str) -> str:
    """'today', 'tomorrow', 'Friday', 'Fri, Dec 4': when_text without the time."""
    return when_text(value, now, zone).rsplit(" at ", 1)[0].removeprefix("on ")


def dated_day(value: datetime, now: datetime, zone: str) -> str:
    """day_text with the date of a day said by its weekday name: 'Monday, Nov 30' ('Monday 30
    Nov' in London; 'today', 'tomorrow', 'Fri, Dec 11' as day_text)."""
    day = day_text(value, now, zone)
    if day.isalpha() and day not in ("today", "tomorrow", "yesterday"):
        day = calendar_day(value.astimezone(ZoneInfo(zone)), zone, weekday="%A")
    return day


def date_span(start: datetime, end: datetime) -> str:
    """'Mon, Nov 30 \u2013 Sun, Dec 6' (an en dash; 'Mon 30 Nov \u2013 Sun 6 Dec' in London):
    the days from `start` to `end`, both in, in `start`'s zone."""
    return " \u2013 ".join(calendar_day(day, start.tzinfo) for day in (start, end))


def span(delta: Any) -> str:
    """A relativedelta in words: '1 day', '2 weeks'."""
    for size, unit in (
        (delta.years, "year"),
        (delta.months, "month"),
        (delta.days, "day"),
        (delta.hours, "hour"),
    ):
        if size:
            if unit == "day" and size % 7 == 0:
                size, unit = size // 7, "week"
            return f"{size} {unit}{'s' if size != 1 else ''}"
    return f"{delta.minutes} minute{'s' if delta.minutes != 1 else ''}"


def quote(title: Any) -> str:
    return f"'{str(title).strip()}'"


def join(items: Sequence[str], word: str = "and") -> str:
    items = list(items)
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def _reminder_minutes(task: Task) -> int | None:
    due, remind = parse_time(task.get("due_at")), parse_time(task.get("remind_at"))
    if due is None or remind is None:
        return None
    return int((due - remind) / timedelta(minutes=1))


def duration(minutes: int) -> str:
    if minutes == 0:
        return "at the due time"
    for size, unit in ((10080, "week"), (1440, "day"), (60, "hour")):
        if minutes % size == 0:
            n = minutes // size
            return f"{n} {unit}{'s' if n != 1 else ''} before"
    return f"{minutes} minute{'s' if minutes != 1 else ''} before"


def details(
    task: Task,
    now: datetime,
    zone: str,
    *,
    with_due: bool = True,
    with_rule: bool = True,
    reminder_time: bool = False,
) -> list[str]:
    """Phrases describing a task: due time, repetition, priority, tags, reminder (its time,
    'reminder Monday at 1:00 PM', when `reminder_time`: a time was said for it)."""
    parts: list[str] = []
    if with_due and task.get("due_at"):
        parts.append("due " + when_text(task["due_at"], now, zone))
    if with_rule and task.get("rrule"):
        parts.append("repeating " + describe(str(task["rrule"]), zone))
    if task.get("priority") and task["priority"] != "MEDIUM":
        parts.append(PRIORITY_WORDS.get(task["priority"], str(task["priority"]).lower()))
    if task.get("tags"):
        parts.append("tagged " + join([str(t) for t in task["tags"]]))
    minutes = _reminder_minutes(task)
    if reminder_time and task.get("remind_at"):
        parts.append("reminder " + when_text(task["remind_at"], now, zone).removeprefix("on "))
    elif minutes is not None and minutes >= 0:
        parts.append("reminder " + duration(minutes))
    elif task.get("remind_at"):
        parts.append("reminder " + when_text(task["remind_at"], now, zone))
    return parts


# A series that repeats from completion ("every 3 days from when I last did it"), said after its rule.
FROM_COMPLETION = ", counted from when you complete each one"


def added(task: Task, now: datetime, zone: str, *, reminder_time: bool = False) -> str:
    text = f"Added {quote(task.get('title'))}"
    if task.get("rrule"):
        text += ", repeating " + describe(str(task["rrule"]), zone)
        if task.get("repeat_from") == "completion":
            text += FROM_COMPLETION
        if task.get("due_at"):
            text += "; the first one is due " + when_text(task["due_at"], now, zone).removeprefix("on ")
    elif task.get("due_at"):
        text += " for " + when_text(task["due_at"], now, zone).removeprefix("on ")
    extra = details(task, now, zone, with_due=False, with_rule=False, reminder_time=reminder_time)
    if extra:
        text += " (" + ", ".join(extra) + ")"
    return text + "."


def added_days(tasks: Sequence[Task], now: datetime, zone: str) -> str:
    """One task added for many days, in one sentence: 'Added 'Gym' for 5 days: tomorrow,
    Friday, Monday, Tuesday and Wed, Dec 2, at 7:00 AM.' (each day's time when they differ;
    several titles are each named)."""
    if not tasks:
        return ""
    titles = join(list(dict.fromkeys(quote(t.get("title")) for t in tasks)))
    dues = [parse_time(t.get("due_at")) for t in tasks]
    local = [d.astimezone(ZoneInfo(zone)) for d in dues if d is not None]
    times = {clock(d) for d in local}
    if len(local) == len(tasks) and len(times) == 1:
        days = join([day_text(d, now, zone) for d in local]) + f", at {times.pop()}"
    else:
        days = join([when_text(t.get("due_at"), now, zone).removeprefix("on ") or "no date" for t in tasks])
    text = f"Added {titles} for {len(tasks)} days: {days}"
    extra = details(tasks[0], now, zone, with_due=False, with_rule=False)
    if extra:
        text += " (" + ", ".join(extra) + ")"
    return text + "."


def task_line(task: Task, now: datetime, zone: str) -> str:
    line = "- " + str(task.get("title", "")).strip()
    extra = details(task, now, zone)
    if task.get("completed"):
        extra.insert(0, "done")
    elif (due := parse_time(task.get("due_at"))) is not None and due < now:
        extra.insert(0, "overdue")
    if extra:
        line += " (" + ", ".join(extra) + ")"
    return line


def reminders(tasks: Sequence[Task], now: datetime, zone: str, *, more: bool) -> str:
    """'You have 2 reminders coming up:' and, soonest first, each task with when it reminds;
    a reminder whose time has passed is left out (it has been sent)."""
    coming: list[tuple[datetime, Task]] = []
    for task in tasks:
        at = parse_time(task.get("remind_at"))
        if not task.get("completed") and at is not None and at >= now:
            coming.append((at, task))
    coming.sort(key=lambda pair: pair[0])
    maybe_more = " among your first tasks" if more else ""
    if not coming:
        hint = 'Say "remind me 30 minutes before" to set one on a task.'
        return f"You have no reminders coming up{maybe_more}. {hint}"
    lines = [f"- {task.get('title')}: {when_text(at, now, zone)}" for at, task in coming]
    noun = "reminder" if len(coming) == 1 else "reminders"
    return "\n".join([f"You have {len(coming)} {noun} coming up{maybe_more}:", *lines])


def which_reminder(tasks: Sequence[Task], now: datetime, zone: str) -> str:
    """ "Cancel the reminder" naming no task: which task's, and the tasks that have one
    (soonest first), or that none does."""
    having = sorted(
        (
            (at, t)
            for t in tasks
            if (at := parse_time(t.get("remind_at"))) is not None and not t.get("completed")
        ),
        key=lambda pair: pair[0],
    )
    if not having:
        return "None of your open tasks has a reminder, so there's none to cancel."
    named = [f"{quote(t.get('title'))} ({when_text(at, now, zone).removeprefix('on ')})" for at, t in having]
    listed = join(named, "and") if len(named) <= MAX_NAMED else ", ".join(named[:MAX_NAMED]) + ", ..."
    return (
        f"Which task's reminder should I cancel? Say, for example, \"cancel the reminder for "
        f'{str(having[0][1].get("title") or "").lower()}". '
        + ("This one has one: " if len(having) == 1 else "These have one: ")
        + listed
        + "."
    )


def listing(tasks: Sequence[Task], now: datetime, zone: str, filters: Any, *, more: bool) -> str:
    """'You have 2 high priority tasks due today:' and one line per task. `filters` is the
    parsed request's Filters (status, priority, tags, due)."""
    if filters.sort == "completed_at":
        return _done_listing(tasks, now, zone, filters, more=more)
    before: list[str] = []
    after: list[str] = []
    if filters.status == "completed":
        before.append("completed")
    elif filters.status == "open" and not filters.priority and not filters.due:
        before.append("open")
    if filters.priority:
        before.append("high priority" if "HIGH" in filters.priority else PRIORITY_WORDS[filters.priority[0]])
    if filters.due == "overdue":
        before.insert(0, "overdue")
    elif filters.due == "today":
        after.append("due today")
    elif filters.due == "week":
        after.append("due this week")
    elif filters.due == "none":
        after.append("without a due date")
    elif filters.due_after is not None:
        after.append(f"due {getattr(filters, 'due_when', None) or 'tomorrow'}")
    elif filters.due_before is not None and filters.due_when:
        after.append(f"due {filters.due_when}")  # "due by Sunday": overdue ones too
    if filters.tags:
        after.append("tagged " + join(list(filters.tags)))
    count = len(tasks)

    def described(n: int) -> str:
        return " ".join([*before, "task" if n == 1 else "tasks", *after])

    if not tasks:
        # Only a plain "what's on my list?" can say the list is empty; "overdue" alone is a filter.
        if before == ["open"] and not after:
            return 'Your list is empty. Tell me something to add, like "Buy milk tomorrow".'
        return f"You have no {described(2)}."
    head = f"You have {count}{'+' if more else ''} {described(count)}"
    if (in_order := order_text(filters.sort, filters.order)) and count > 1:
        head += ", " + in_order
    elif getattr(filters, "first", False) and count > 1:
        head += ", " + FIRST_ORDER
    lines = [task_line(t, now, zone) for t in tasks[:MAX_LISTED]]
    rest = f"\n...and {count - MAX_LISTED} more." if count > MAX_LISTED else ""
    return head + ":\n" + "\n".join(lines) + rest


def _done_listing(tasks: Sequence[Task], now: datetime, zone: str, filters: Any, *, more: bool) -> str:
    """'You completed 3 tasks this week, latest first:' and each with when it was done."""
    when = f" {filters.completed_when}" if filters.completed_when else ""
    if not tasks:
        if filters.completed_when in ("yesterday", "last week"):
            return f"You didn't complete any tasks{when}."
        return f"You haven't completed any tasks{when or ' yet'}."
    count = len(tasks)
    noun = "task" if count == 1 else "tasks"
    first = "oldest first" if filters.order == "asc" else "latest first"
    head = f"You completed {count}{'+' if more else ''} {noun}{when}" + (f", {first}" if count > 1 else "")
    lines = [_done_line(task, now, zone) for task in tasks[:MAX_LISTED]]
    rest = f"\n...and {count - MAX_LISTED} more." if count > MAX_LISTED else ""
    return head + ":\n" + "\n".join(lines) + rest


def _done_line(task: Task, now: datetime, zone: str) -> str:
    line = "- " + str(task.get("title", "")).strip()
    if task.get("completed_at"):
        line += " (done " + when_text(task["completed_at"], now, zone).removeprefix("on ") + ")"
    return line


NOTHING_TO_CONTINUE = "There's no list to continue. Ask me for one, like \"What's due this week?\""
NO_MORE_LISTED = "That was all of them: there are no more on that list."


def listing_continued(tasks: Sequence[Task], now: datetime, zone: str, *, done: bool, more: bool) -> str:
    """ "Show me the rest" after a list that ended "...and N more": the next tasks of that
    listing, as its lines were (`done`: as completed tasks are listed), with "...and N more"
    again when still more are left."""
    if not tasks:
        return NO_MORE_LISTED
    count = len(tasks)
    shown = tasks[:MAX_LISTED]
    if count > MAX_LISTED or more:
        head = f"Here are the next {len(shown)}:" if len(shown) > 1 else "Here's the next one:"
    else:
        head = f"Here are the last {count}:" if count > 1 else "Here's the last one:"
    lines = [_done_line(t, now, zone) if done else task_line(t, now, zone) for t in shown]
    # More left past what was fetched: how many is not known ("...and 5 more" said too few).
    rest = "\n...and more." if more else f"\n...and {count - MAX_LISTED} more." if count > MAX_LISTED else ""
    return head + "\n" + "\n".join(lines) + rest


FIRST_ORDER = "overdue and due today first, then by priority"


def order_text(sort: str | None, order: str | None) -> str:
    """How a list asked for in an order is ordered: 'soonest due first', 'A to Z'."""
    if sort == "due_at":
        return "latest due first" if order == "desc" else "soonest due first"
    if sort == "priority":
        return "least important first" if order == "desc" else "most important first"
    if sort == "title":
        return "Z to A" if order == "desc" else "A to Z"
    if sort == "created_at":
        return "newest first" if order == "desc" else "oldest first"
    return ""


def search_results(query: str, tasks: Sequence[Task], now: datetime, zone: str, *, more: bool = False) -> str:
    if not tasks:
        return f"I couldn't find any tasks about {quote(query)}."
    noun = "task" if len(tasks) == 1 else "tasks"
    lines = [task_line(t, now, zone) for t in tasks[:MAX_LISTED]]
    if more:  # "show more" shows them
        lines.append("...and more.")
    elif len(tasks) > MAX_LISTED:
        lines.append(f"...and {len(tasks) - MAX_LISTED} more.")
    return f"I found {len(tasks)}{'+' if more else ''} {noun} about {quote(query)}:\n" + "\n".join(lines)


def ask_which(ref: str | None, candidates: Sequence[Task]) -> str:
    titles = [quote(t.get("title")) for t in candidates[:5]]
    about = f" matching {quote(ref)}" if ref else ""
    return f"I found {len(candidates)} tasks{about}: {join(titles, 'and')}. {ASK_WHICH}"


ASK_WHICH_TASKS = (
    'Which tasks should I move? Say, for example, "move today\'s tasks to tomorrow" or "move all overdue '
    'tasks to Monday".'
)
ASK_WHICH_DONE = (
    'Which tasks should I mark as done? Say, for example, "mark today\'s tasks as done" or "mark all '
    'overdue tasks as done".'
)
MAX_NAMED = 5


def tasks_of(filters: Any, now: datetime, zone: str) -> str:
    """The tasks a bulk move's filters name: 'overdue tasks', 'tasks due today', 'tasks due
    on Friday', 'tasks tagged Work', 'high priority tasks', 'tasks due this week (Mon, Nov 30 to
    Sun, Dec 6 in a date_span)': the days "this week" was read as (on a weekend, in a move, the
    coming week)."""
    before: list[str] = []
    after: list[str] = []
    if filters.due == "overdue":
        before.append("overdue")
    if filters.priority:
        before.append("high priority" if "HIGH" in filters.priority else PRIORITY_WORDS[filters.priority[0]])
    if filters.tags:
        after.append("tagged " + join(list(filters.tags)))
    if filters.due == "today":
        after.append("due today")
    elif filters.due_when == "this week" and filters.due_after is not None and filters.due_before is not None:
        tz = ZoneInfo(zone)
        first, last = filters.due_after + timedelta(seconds=1), filters.due_before - timedelta(days=1)
        days = date_span(first.astimezone(tz), last.astimezone(tz))
        after.append(f"due this week ({days})")
    elif filters.due == "week" or filters.due_when == "this week":
        after.append("due this week")
    elif filters.due_before is not None:
        day = day_text(filters.due_before - timedelta(days=1), now, zone)
        after.append(f"due {day if day in ('today', 'tomorrow', 'yesterday') else 'on ' + day}")
    return " ".join([*before, "tasks", *after])


def moved_all(
    moved: Sequence[tuple[Task, datetime]], source: str, to: str, now: datetime, zone: str, note: str = ""
) -> str:
    """'Moved 3 tasks due today to tomorrow, keeping their times: 'A', 'B' and 'C'.' (five
    named, then 'and 2 more'), then `note`; one task with its new time."""
    if not moved:
        return note
    if len(moved) == 1:
        task, due = moved[0]
        text = f"Moved {quote(task.get('title'))} to {when_text(due, now, zone).removeprefix('on ')}."
        return " ".join(filter(None, [text, note]))
    listed = named([task.get("title") for task, _ in moved])
    return " ".join(filter(None, [f"Moved {len(moved)} {source} {to}: {listed}.", note, UNDO_THEM]))


UNDO_THEM = 'Say "undo" to put them back.'


def completed_all(done: Sequence[Task], source: str) -> str:
    """'Marked 3 overdue tasks as done: 'A', 'B' and 'C'. Nice work!' (five named, then 'and
    2 more'), that repeating ones come back, and how to undo it."""
    if not done:
        return ""
    text = f"Marked {len(done)} {source} as done: {named([t.get('title') for t in done])}. Nice work!"
    if any(t.get("rrule") for t in done):
        text += " The repeating ones will show up again with their next dates shortly."
    return f"{text} {UNDO_THEM}"


def counted_by_tag(tasks: Sequence[Task], noun: str, *, more: bool = False) -> str:
    """'Which client has the most open tasks?': the open tasks counted per tag, most first
    ("Acme has the most open tasks: 3. Then Kessler 2. 1 has no tag."); with no tags, that
    it cannot tell, and how to make it so."""
    counts: dict[str, int] = {}
    untagged = 0
    for task in tasks:
        tags = [str(t) for t in task.get("tags") or []]
        untagged += not tags
        for tag in dict.fromkeys(tags):
            counts[tag] = counts.get(tag, 0) + 1
    of = f" (of your first {len(tasks)} open tasks)" if more else ""
    if not tasks:
        return "You have no open tasks."
    if not counts:
        return (
            f"None of your {len(tasks)} open tasks has a tag, so I can't tell which {noun} has the most. "
            f'Tag each with its {noun} ("tag the brief Acme") and ask me again.'
        )
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].lower()))
    top = [tag for tag, n in ranked if n == ranked[0][1]]
    n = ranked[0][1]
    tasks_word = "open task" if n == 1 else "open tasks"
    if len(top) == 1:
        text = f"{top[0]} has the most {tasks_word}{of}: {n}."
    else:
        text = f"{join(top)} have the most {tasks_word}{of}: {n} each."
    rest = [f"{tag} {count}" for tag, count in ranked[len(top) :]]
    if rest:
        text += (
            " Then "
            + join(
                rest[:MAX_NAMED] + ([f"{len(rest) - MAX_NAMED} more tags"] if len(rest) > MAX_NAMED else [])
            )
            + "."
        )
    if untagged:
        text += f" {untagged} {'has' if untagged == 1 else 'have'} no tag."
    return text + " (I count your tags as the " + noun + "s.)" if noun not in ("tag", "label") else text


def named(titles: Sequence[Any]) -> str:
    """Titles quoted and joined, five of them and then 'and 3 more'; a title several tasks
    have once, with how many ("'Gym' (5 times)")."""
    counts: dict[str, int] = {}
    for title in titles:
        counts[quote(title)] = counts.get(quote(title), 0) + 1
    names = [name if n == 1 else f"{name} ({n} times)" for name, n in counts.items()]
    if len(names) > MAX_NAMED:
        rest = sum(list(counts.values())[MAX_NAMED:])
        return ", ".join(names[:MAX_NAMED]) + f" and {rest} more"
    return join(names)


# How undoing put each task back, as one sentence for many.
_UNDONE = {
    "removed": "Removed the {n} tasks I had just added: {names}.",
    "brought back": "Brought back {n} tasks: {names}.",
    "reopened": "Reopened {n} tasks: {names}.",
    "completed": "Marked {n} tasks as done again: {names}.",
}


def undone_all(titles: Sequence[Any], how: set[str]) -> str:
    """'Put 8 tasks back as they were: 'A', 'B', 'C', 'D', 'E' and 3 more.' ('Removed the 4
    tasks I had just added: ...' when that is all undo did)."""
    template = _UNDONE.get(next(iter(how)), "") if len(how) == 1 else ""
    template = template or "Put {n} tasks back as they were: {names}."
    return template.format(n=len(titles), names=named(titles))


# Why a turn was left undone when it was not the task service being down (agent.run_turn,
# app._turn): the plan, or the model, needed more model calls than one turn allows; or the
# model failed in a way that is no outage.
TOO_MANY_STEPS = "it took more steps than I can take at once"
WENT_WRONG = "something went wrong on my side"
# A request about a task's repeat: the task's Repeat field in the app sets any rule.
_SAYS_REPEAT = re.compile(r"\b(?:repeat|recurr?)\w*|\bevery\s+(?!(?:thing|one|body|task)\b)\w", re.IGNORECASE)


def could_not(message: str, why: str) -> str:
    """'I couldn't do that: <why>.' and what the user can do instead: a repeat is set in the
    task's Repeat field; anything else said again, more simply or in parts."""
    if _SAYS_REPEAT.search(message):
        return f"I couldn't do that: {why}; you can set it in the task's Repeat field."
    instead = "Could you split it up?" if why == TOO_MANY_STEPS else "Could you say it another way?"
    return f"I couldn't do that: {why}. {instead}"


def not_acted_on(words: str) -> str:
    """The words of a message read as no request ("add call mom. also mark yoga")."""
    return f"I didn't act on \"{words}\": I couldn't tell what to do. Could you say it another way?"


def not_found_offer(ref: str | None, title: str | None) -> str:
    """No task matches `ref`, a command's words that name a to-do too ('delete old photos')."""
    return f"I couldn't find a task matching {quote(ref)}. I can add {quote(title)} to your list ({SAY_YES})."


def not_found(ref: str | None) -> str:
    if not ref:
        return "I'm not sure which task you mean. Could you tell me its name?"
    return f"I couldn't find a task matching {quote(ref)}. Could you check the name?"


def show(task: Task, now: datetime, zone: str) -> str:
    extra = details(task, now, zone)
    state = "done" if task.get("completed") else "open"
    text = f"{quote(task.get('title'))} is {state}"
    if extra:
        text += ": " + ", ".join(extra)
    else:
        text += " with no due date"
    if task.get("description"):
        text += f". Notes: {str(task['description'])[:300]}"
    return text + "."


def done_yet(tasks: Sequence[Task], now: datetime, zone: str) -> str:
    """'Yes, you completed 'Call mom' on Fri, Nov 20.' / 'Not yet: 'Call mom' is still open,
    due tomorrow at 9:00 AM.' The latest completion answers; an open one of the same title
    (a repeating task's next one) is said after it."""
    done = sorted((t for t in tasks if t.get("completed")), key=lambda t: str(t.get("completed_at") or ""))
    still_open = [t for t in tasks if not t.get("completed")]
    if done:
        last = done[-1]
        text = f"Yes, you completed {quote(last.get('title'))}"
        at = parse_time(last.get("completed_at"))
        if at is not None:
            day = day_text(at, now, zone)
            text += f" {day}" if day in ("today", "yesterday") else f" on {day}"
        text += "."
        if still_open:
            nxt = still_open[0]
            due = when_text(nxt.get("due_at"), now, zone).removeprefix("on ")
            text += f" The next one is open, due {due}." if due else " It is open again too."
        return text
    task = still_open[0]
    due = when_text(task.get("due_at"), now, zone).removeprefix("on ")
    return f"Not yet: {quote(task.get('title'))} is still open" + (
        f", due {due}." if due else ", with no due date."
    )
