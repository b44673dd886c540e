"""A conversation as stored: its messages (each expiring two days after it was written),
the task the user last worked on, for follow-ups like "make it repeat", the tasks the
assistant last listed, for "the second one", and the assistant's last change, for "undo".
Pure."""

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from chat_service.domain.reply import MAX_LISTED

MESSAGE_TTL = timedelta(days=2)
MAX_MESSAGES = 200
# How much history the model sees each turn.
HISTORY_FOR_MODEL = 20
MAX_INDEXED = 100
# How many changes of a conversation "undo" said again and again walks back through.
UNDO_DEPTH = 10


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_iso(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


@dataclass
class Message:
    role: str
    content: str
    created_at: str


@dataclass
class Conversation:
    id: str
    created_at: str
    updated_at: str
    title: str = ""
    messages: list[Message] = field(default_factory=list)
    last_task: dict[str, Any] | None = None
    # What the assistant's last changing turn did ({"at", "changes"}, or {"at", "undone"} after
    # an undo), with the changes before it that "undo" said again reverts, newest first
    # ("earlier": [{"at", "changes"}], at most UNDO_DEPTH in all; see last_change_after).
    last_change: dict[str, Any] | None = None
    # The tasks the assistant last listed, in the order shown ({"at", "tasks": [{"id", "title"}]};
    # see last_list_after), for "mark the second one as done"; also its tool's arguments, how
    # many of it were shown and whether more are left ({"query", "shown", "rest"}, and "tool":
    # "search_tasks" for a search), for "show me the rest".
    last_list: dict[str, Any] | None = None

    @classmethod
    def start(cls, conversation_id: str, now: datetime) -> "Conversation":
        return cls(id=conversation_id, created_at=iso(now), updated_at=iso(now))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Conversation":
        messages = [Message(**m) for m in data.get("messages", [])]
        return cls(
            id=str(data["id"]),
            created_at=str(data["created_at"]),
            updated_at=str(data.get("updated_at", data["created_at"])),
            title=str(data.get("title", "")),
            messages=messages,
            last_task=data.get("last_task"),
            last_change=data.get("last_change"),
            last_list=data.get("last_list"),
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def live(self, now: datetime) -> list[Message]:
        """Messages younger than two days."""
        cutoff = now - MESSAGE_TTL
        return [m for m in self.messages if parse_iso(m.created_at) > cutoff]

    def add(self, role: str, content: str, now: datetime) -> None:
        self.messages = [*self.live(now), Message(role, content, iso(now))][-MAX_MESSAGES:]
        self.updated_at = iso(now)
        if not self.title and role == "user":
            self.title = content if len(content) <= 60 else content[:57].rstrip() + "..."

    def history(self, now: datetime) -> list[dict[str, str]]:
        """The recent messages as model input items."""
        return [{"role": m.role, "content": m.content} for m in self.live(now)[-HISTORY_FOR_MODEL:]]

    def change_to_undo(self, now: datetime) -> dict[str, Any] | None:
        """The change an "undo" now reverts, while the turn that made it is still in the
        history the model sees (an older one is nothing the user can see in front of them, so
        not undone): the last change; after an undo, the change before the one undone, marked
        "again" (so "no, I meant the other one" does not take it for the last turn's), else
        the mark that all is undone."""
        change = self.last_change
        window = self.live(now)[-HISTORY_FOR_MODEL:]
        if not change or not window or not isinstance(change.get("at"), str):
            return None
        start = parse_iso(window[0].created_at)
        if change.get("undone"):
            earlier = [c for c in change.get("earlier") or [] if isinstance(c, dict)]
            if earlier and isinstance(earlier[0].get("at"), str) and parse_iso(earlier[0]["at"]) >= start:
                return {**earlier[0], "again": True}
        shown = {k: v for k, v in change.items() if k != "earlier"}
        return shown if parse_iso(change["at"]) >= start else None

    def list_to_use(self, now: datetime) -> dict[str, Any] | None:
        """The last list shown, while the turn that showed it is still in the history the
        model sees: {"tasks": [{"id", "title"}] in the order shown, "just_shown": whether it
        was the last turn's answer (then "the last one" is its last task, not the last task
        worked on)}."""
        shown = self.last_list
        window = self.live(now)[-HISTORY_FOR_MODEL:]
        if not shown or not window or not isinstance(shown.get("at"), str):
            return None
        at = parse_iso(shown["at"])
        if at < parse_iso(window[0].created_at):
            return None
        asked = [m for m in window if m.role == "user"]
        just_shown = bool(asked) and at >= parse_iso(asked[-1].created_at)
        kept: dict[str, Any] = {k: shown[k] for k in ("query", "shown", "rest", "tool") if k in shown}
        return {"tasks": list(shown.get("tasks") or []), "just_shown": just_shown, **kept}


@dataclass(frozen=True)
class Action:
    tool: str
    arguments: dict[str, Any]
    ok: bool
    result: dict[str, Any]

    @property
    def task_id(self) -> str | None:
        """The task the tool touched or found, when it names exactly one (an added task's
        id is only known from the result)."""
        task = self.result.get("task") if self.ok else None
        return str(task["id"]) if isinstance(task, dict) and task.get("id") else None


def last_task_after(actions: list[Action], before: dict[str, Any] | None) -> dict[str, Any] | None:
    """The task a follow-up's "it" means after these actions: the last one a tool touched
    or found alone; none once it was deleted."""
    current = before
    for action in actions:
        if not action.ok:
            continue
        task = action.result.get("task")
        if isinstance(task, dict) and task.get("id"):
            current = {"id": task["id"], "title": task.get("title", "")}
        elif (
            action.tool == "delete_task" and current and action.arguments.get("task_id") == current.get("id")
        ):
            current = None
        elif isinstance(action.result.get("tasks"), list) and len(action.result["tasks"]) == 1:
            found = action.result["tasks"][0]
            if isinstance(found, dict) and found.get("id"):
                current = {"id": found["id"], "title": found.get("title", "")}
    return current


def last_list_after(
    actions: list[Action], before: dict[str, Any] | None, *, at: datetime, listed: bool
) -> dict[str, Any] | None:
    """The list "the second one" means after this turn: when the turn answered with a list
    (`listed`: the message asked for a list or a search), the tasks of its last list_tasks or
    search_tasks, in the order the reply shows them (the first MAX_LISTED); otherwise the one
    before. A list keeps its tool's arguments (without `skip`; a search_tasks one its tool
    too), how many of that listing have been shown (those skipped, then these) and whether
    more are left, for "show me the rest"."""
    if not listed:
        return before
    for action in reversed(actions):
        listing = action.ok and action.tool in ("list_tasks", "search_tasks")
        tasks = action.result.get("tasks") if listing else None
        if isinstance(tasks, list):
            shown = [{"id": t["id"], "title": t.get("title", "")} for t in tasks if isinstance(t, dict)]
            kept: dict[str, Any] = {"at": iso(at), "tasks": shown[:MAX_LISTED]}
            if action.tool == "search_tasks":
                # A search's next page too ("show more" after "find the report"): search_tasks again.
                kept["tool"] = "search_tasks"
            query = {k: v for k, v in action.arguments.items() if k != "skip"}
            skipped = action.arguments.get("skip")
            kept |= {
                "query": query,
                "shown": (skipped if isinstance(skipped, int) else 0) + len(kept["tasks"]),
                "rest": len(shown) > MAX_LISTED or bool(action.result.get("more")),
            }
            return kept
    return before


# The tools that change a task, and the fields "undo" puts back (those add_task accepts).
CHANGING_TOOLS = frozenset(
    {
        "add_task",
        "delete_task",
        "complete_task",
        "reopen_task",
        "update_task",
        "set_priority",
        "add_tag",
        "remove_tag",
        "set_due_date",
        "set_reminder",
        "set_recurring",
        "clear_recurring",
    }
)
TASK_FIELDS = ("title", "description", "priority", "tags", "due_at", "remind_at", "rrule", "repeat_from")


def _snapshot(task: dict[str, Any]) -> dict[str, Any]:
    kept = {k: task.get(k) for k in ("id", "completed", *TASK_FIELDS)}
    # A series' instance: what "undo" of its delete finds the next instance by.
    return kept | {k: task[k] for k in ("series_id", "parent_task_id") if task.get(k)}


def _differs(before: dict[str, Any], after: dict[str, Any]) -> bool:
    done = bool(before.get("completed")) != bool(after.get("completed"))
    return done or any(before.get(k) != after.get(k) for k in TASK_FIELDS)


def turn_changes(actions: list[Action]) -> list[dict[str, Any]]:
    """What these actions changed, one record per task in the order first changed:
    {"kind": "added" | "deleted" | "changed", "task_id", "title", "before", "after"}, and
    "series_ended": true for a task deleted with its series (delete_task series=true).
    `before` is the task as this turn first saw it (the search or get that found it came
    before the change), `after` as the last change left it; None when there is none (added,
    deleted) or it was not seen (a change made without looking first)."""
    seen: dict[str, dict[str, Any]] = {}
    records: dict[str, dict[str, Any]] = {}
    for action in actions:
        if not action.ok:
            continue
        task = action.result.get("task")
        task = _snapshot(task) if isinstance(task, dict) and task.get("id") else None
        if action.tool in CHANGING_TOOLS:
            _record(records, seen, action, task)
        found = action.result.get("tasks")
        for item in [task] if task else found if isinstance(found, list) else []:
            if isinstance(item, dict) and item.get("id"):
                seen[str(item["id"])] = _snapshot(item)
    changes = []
    for task_id, record in records.items():
        kind, before, after = record["kind"], record["before"], record["after"]
        if kind == "changed" and before is not None and not _differs(before, after):
            continue  # e.g. a tag it already had
        title = (after or before or {}).get("title") or ""
        change = {"kind": kind, "task_id": task_id, "title": title, "before": before, "after": after}
        changes.append(change | ({"series_ended": True} if record.get("series_ended") else {}))
    return changes


def _record(
    records: dict[str, dict[str, Any]],
    seen: dict[str, dict[str, Any]],
    action: Action,
    task: dict[str, Any] | None,
) -> None:
    """Fold one successful changing action into the turn's records."""
    task_id = str(task["id"]) if task else str(action.arguments.get("task_id") or "")
    if not task_id:
        return
    record = records.get(task_id)
    if action.tool == "delete_task":
        before = record["before"] if record else seen.get(task_id)
        if record and record["kind"] == "added":
            del records[task_id]  # added and deleted in one turn: nothing is left changed
        else:
            records[task_id] = {"kind": "deleted", "before": before, "after": None}
            if action.arguments.get("series"):
                # Its series ended with it: no next instance came, none to move back on undo.
                records[task_id]["series_ended"] = True
    elif task is None:
        return
    elif action.tool == "add_task":
        records[task_id] = {"kind": "added", "before": None, "after": task}
    elif record:
        record["after"] = task
    else:
        before = seen.get(task_id)
        if before is None and action.tool in ("complete_task", "reopen_task"):
            before = {**task, "completed": action.tool == "reopen_task"}
        records[task_id] = {"kind": "changed", "before": before, "after": task}


def last_change_after(
    actions: list[Action], before: dict[str, Any] | None, *, at: datetime, undoing: bool
) -> dict[str, Any] | None:
    """The change "undo" reverts after this turn: the turn's own changes if it made any, the
    one before kept under "earlier"; after an undo that changed something, a mark that it is
    spent ("undone"), so the next undo neither repeats it nor reverts the revert but takes
    the change before it; otherwise what it was. At most UNDO_DEPTH changes are kept."""
    earlier = [c for c in (before or {}).get("earlier") or [] if isinstance(c, dict)]
    if undoing:
        if any(a.ok and a.tool in CHANGING_TOOLS for a in actions):
            # The one undone: the last change, or after an undo the newest earlier one.
            rest = earlier[1:] if (before or {}).get("undone") else earlier
            return {"at": iso(at), "undone": True, "changes": [], "earlier": rest}
        return before
    changes = turn_changes(actions)
    if not changes:
        return before
    if before and not before.get("undone") and before.get("changes"):
        earlier = [{"at": before.get("at"), "changes": before["changes"]}, *earlier]
    return {"at": iso(at), "changes": changes, "earlier": earlier[: UNDO_DEPTH - 1]}


def parse_result(output: Any) -> dict[str, Any]:
    """A tool output (JSON text, or the SDK's list of text parts) as a dict."""
    if isinstance(output, dict) and "text" in output:
        output = output["text"]
    if isinstance(output, list):
        output = "".join(str(p.get("text", "")) for p in output if isinstance(p, dict))
    if isinstance(output, dict):
        return output
    try:
        value = json.loads(str(output))
    except (json.JSONDecodeError, TypeError):
        return {"ok": False, "message": str(output)[:500]}
    return value if isinstance(value, dict) else {"ok": False}
