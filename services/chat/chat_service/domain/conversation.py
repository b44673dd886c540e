"""A conversation as stored: its messages (each expiring two days after it was written)
and the task the user last worked on, for follow-ups like "make it repeat". Pure."""

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

MESSAGE_TTL = timedelta(days=2)
MAX_MESSAGES = 200
# How much history the model sees each turn.
HISTORY_FOR_MODEL = 20
MAX_INDEXED = 100


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
