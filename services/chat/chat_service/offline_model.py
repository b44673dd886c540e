"""The built-in offline model: an Agents SDK `Model` that reads English and answers with
the same function calls a cloud model would make, then a reply once their results are in.

It runs in the same Agent / Runner / MCP loop as any other model; all of its language
understanding is the pure planner in domain/. The turn's context (now, the user's
timezone, the task last worked on, the tasks last listed, the last change for "undo") comes from the agent's
instructions, as a JSON line that a cloud model reads too."""

import json
import re
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

from agents.agent_output import AgentOutputSchemaBase
from agents.handoffs import Handoff
from agents.items import ModelResponse, TResponseInputItem, TResponseStreamEvent
from agents.model_settings import ModelSettings
from agents.models.interface import Model, ModelTracing
from agents.tool import Tool
from agents.usage import Usage
from openai.types.responses import (
    Response,
    ResponseCompletedEvent,
    ResponseFunctionToolCall,
    ResponseOutputMessage,
    ResponseOutputText,
)
from openai.types.responses.response_prompt_param import ResponsePromptParam

from chat_service.domain.planner import Call, Calls, Context, Say, next_step

CONTEXT_PREFIX = "Context (JSON): "
_CONTEXT_LINE = re.compile(r"^" + re.escape(CONTEXT_PREFIX) + r"(\{.*\})\s*$", re.MULTILINE)
MODEL_NAME = "offline"


def context_line(
    now: datetime,
    timezone: str,
    last_task: dict[str, Any] | None,
    last_change: dict[str, Any] | None = None,
    last_list: dict[str, Any] | None = None,
) -> str:
    """The line the instructions end with; `read_context` parses it back."""
    data: dict[str, Any] = {
        "now": now.astimezone(UTC).isoformat(),
        "timezone": timezone,
        "last_task": last_task,
    }
    if last_change is not None:
        data["last_change"] = last_change
    if last_list is not None:
        data["last_list"] = last_list
    return CONTEXT_PREFIX + json.dumps(data, separators=(",", ":"))


def read_context(instructions: str | None) -> dict[str, Any]:
    match = _CONTEXT_LINE.search(instructions or "")
    if not match:
        return {}
    try:
        data = json.loads(match.group(1))
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(str(part.get("text", "")) for part in content if isinstance(part, dict))
    return ""


def _output_dict(output: Any) -> dict[str, Any]:
    """A tool result as the dict the MCP tool returned (it arrives as JSON text)."""
    text = _text_of(output) if not isinstance(output, dict) else str(output.get("text", ""))
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, TypeError):
        return {"ok": False, "message": text[:500] or "no result"}
    return value if isinstance(value, dict) else {"ok": False, "message": "unexpected result"}


def _item(item: Any) -> dict[str, Any]:
    if isinstance(item, dict):
        return item
    dump = getattr(item, "model_dump", None)
    return dict(dump()) if callable(dump) else {}


def read_turn(
    items: str | list[TResponseInputItem],
) -> tuple[str, list[tuple[Call, dict[str, Any]]], str | None, str | None]:
    """(this turn's user message, its tool calls with results, previous user message,
    previous assistant message) from the Runner's input items."""
    if isinstance(items, str):
        return items, [], None, None
    entries = [_item(i) for i in items]
    last_user = max((n for n, e in enumerate(entries) if e.get("role") == "user"), default=-1)
    message = _text_of(entries[last_user].get("content")) if last_user >= 0 else ""
    previous_user = previous_assistant = None
    for entry in entries[:last_user]:
        if entry.get("role") == "user":
            previous_user = _text_of(entry.get("content"))
        elif entry.get("role") == "assistant" or entry.get("type") == "message":
            previous_assistant = _text_of(entry.get("content"))
    calls: dict[str, Call] = {}
    outputs: dict[str, dict[str, Any]] = {}
    for entry in entries[last_user + 1 :]:
        if entry.get("type") == "function_call":
            try:
                arguments = json.loads(entry.get("arguments") or "{}")
            except json.JSONDecodeError:
                arguments = {}
            calls[str(entry.get("call_id"))] = Call(str(entry.get("name")), arguments)
        elif entry.get("type") == "function_call_output" and str(entry.get("call_id")) in calls:
            outputs[str(entry.get("call_id"))] = _output_dict(entry.get("output"))
    # In the order the calls were made: the results of calls made together may come back
    # in any order.
    done = [(call, outputs[call_id]) for call_id, call in calls.items() if call_id in outputs]
    return message, done, previous_user, previous_assistant


def read_history(items: str | list[TResponseInputItem]) -> tuple[tuple[str, str], ...]:
    """The conversation's messages before this turn's, oldest first, as (role, text)."""
    if isinstance(items, str):
        return ()
    entries = [_item(i) for i in items]
    last_user = max((n for n, e in enumerate(entries) if e.get("role") == "user"), default=-1)
    history: list[tuple[str, str]] = []
    for entry in entries[: max(last_user, 0)]:
        if entry.get("role") == "user":
            history.append(("user", _text_of(entry.get("content"))))
        elif entry.get("role") == "assistant" or entry.get("type") == "message":
            history.append(("assistant", _text_of(entry.get("content"))))
    return tuple(history)


class OfflineModel(Model):
    """Deterministic, no network. `now` may be fixed for tests."""

    def __init__(self, now: datetime | None = None) -> None:
        self._now = now

    async def get_response(
        self,
        system_instructions: str | None,
        input: str | list[TResponseInputItem],
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Handoff],
        tracing: ModelTracing,
        *,
        previous_response_id: str | None,
        conversation_id: str | None,
        prompt: ResponsePromptParam | None,
    ) -> ModelResponse:
        return ModelResponse(
            output=self.respond(system_instructions, input), usage=Usage(requests=1), response_id=None
        )

    def respond(self, system_instructions: str | None, items: str | list[TResponseInputItem]) -> list[Any]:
        """The output items for one model call."""
        context = read_context(system_instructions)
        message, done, previous_user, previous_assistant = read_turn(items)
        now = self._now or datetime.now(UTC)
        if context.get("now") and self._now is None:
            now = datetime.fromisoformat(str(context["now"]))
        last_task = context.get("last_task") if isinstance(context.get("last_task"), dict) else None
        last_change = context.get("last_change") if isinstance(context.get("last_change"), dict) else None
        shown = context.get("last_list") if isinstance(context.get("last_list"), dict) else None
        ctx = Context(
            now=now,
            timezone=str(context.get("timezone") or "UTC"),
            last_task=last_task,
            last_change=last_change,
            last_list=tuple(t for t in shown.get("tasks") or () if isinstance(t, dict)) if shown else None,
            list_just_shown=bool(shown and shown.get("just_shown")),
            last_listing=(
                {k: shown[k] for k in ("query", "shown", "rest", "tool") if k in shown}
                if shown and isinstance(shown.get("query"), dict)
                else None
            ),
            previous_user=previous_user,
            previous_assistant=previous_assistant,
            history=read_history(items),
        )
        step = next_step(message, ctx, done)
        if isinstance(step, Say):
            return [_message(step.text)]
        # Calls that do not wait for each other go out together, as parallel tool calls.
        return [_function_call(call) for call in (step.calls if isinstance(step, Calls) else (step,))]

    async def stream_response(
        self,
        system_instructions: str | None,
        input: str | list[TResponseInputItem],
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Handoff],
        tracing: ModelTracing,
        *,
        previous_response_id: str | None,
        conversation_id: str | None,
        prompt: ResponsePromptParam | None,
    ) -> AsyncIterator[TResponseStreamEvent]:
        """The whole response as one completed event (nothing to stream token by token)."""
        output = self.respond(system_instructions, input)
        response = Response(
            id=f"resp_{uuid.uuid4().hex[:24]}",
            created_at=datetime.now(UTC).timestamp(),
            model=MODEL_NAME,
            object="response",
            output=output,
            parallel_tool_calls=False,
            tool_choice="auto",
            tools=[],
        )
        yield ResponseCompletedEvent(type="response.completed", response=response, sequence_number=0)


def _function_call(call: Call) -> ResponseFunctionToolCall:
    call_id = f"call_{uuid.uuid4().hex[:24]}"
    return ResponseFunctionToolCall(
        id=call_id,
        call_id=call_id,
        type="function_call",
        name=call.name,
        arguments=json.dumps(call.arguments, separators=(",", ":")),
    )


def _message(text: str) -> ResponseOutputMessage:
    return ResponseOutputMessage(
        id=f"msg_{uuid.uuid4().hex[:24]}",
        type="message",
        role="assistant",
        status="completed",
        content=[ResponseOutputText(type="output_text", text=text, annotations=[])],
    )
