"""Subscribers tell poison from trouble.

Poison is a message that no number of retries can handle: not JSON, not a CloudEvent, not
a v1 event, an unknown schema version, or one the downstream refuses for good (4xx). The
consumer dead-letters it itself, at once: it publishes the raw payload and the reason to
`<topic>-dlq` through the sidecar and acknowledges the original (SUCCESS).

Everything else (a dependency down, slow or answering 5xx; the database unavailable) is
trouble: the consumer answers RETRY for it (and for the rest of its bulk delivery), and
the sidecar's inbound resiliency policy retries the same message for a long time
(components/resiliency.yaml: about 15 minutes). The subscription's declarative
deadLetterTopic stays as the last resort after that budget.

Dapr 1.16 would dead-letter a `{"status": "DROP"}` answer too (when the subscription has a
deadLetterTopic), but without the reason and without the consumer's name; publishing the
record ourselves keeps both, and does not depend on the subscription's configuration."""

import hashlib
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from prometheus_client import Counter
from pydantic import ValidationError

from todo_common.dapr import Dapr
from todo_common.errors import validation_error
from todo_common.events import CloudEvent, dead_letter_topic
from todo_common.metrics import EVENTS_CONSUMED

log = logging.getLogger(__name__)

DEAD_LETTERS_SENT = Counter(
    "dead_letters_sent_total", "Poison messages this consumer dead-lettered itself", ["topic", "reason"]
)
# The CloudEvent type of the records this module publishes (audit-service reads it).
DEAD_LETTER_TYPE = "dead-letter.v1"
_RAW_LIMIT = 64 * 1024  # a record keeps at most this much of the original payload


class PoisonMessage(Exception):
    """The message can never be handled: dead-letter it and acknowledge it."""

    def __init__(self, reason: str, kind: str = "invalid") -> None:
        super().__init__(reason)
        self.reason, self.kind = reason, kind


class RetryLater(Exception):
    """A dependency is unavailable: the sidecar should deliver the same message again."""


def parse_envelope(message: Any) -> CloudEvent:
    """The CloudEvent envelope the sidecar delivered (raw bytes, or a bulk entry's event
    object), or PoisonMessage."""
    try:
        if isinstance(message, bytes | str):
            return CloudEvent.model_validate_json(message)
        return CloudEvent.model_validate(message)
    except ValidationError as exc:
        raise PoisonMessage(
            f"not a CloudEvent: {exc.errors()[0].get('msg', 'invalid')}", "undecodable"
        ) from exc


def dead_letter_record(consumer: str, topic: str, raw: bytes, reason: str, kind: str) -> dict[str, Any]:
    """What goes to `<topic>-dlq`: who refused what and why, with the payload as received
    (as JSON when it is JSON, as text otherwise)."""
    text = raw[:_RAW_LIMIT].decode("utf-8", errors="replace")
    payload: Any
    try:
        payload = json.loads(raw) if len(raw) <= _RAW_LIMIT else text
    except ValueError:
        payload = text
    original = payload if isinstance(payload, dict) else {}
    inner = original.get("data")
    data: dict[str, Any] = inner if isinstance(inner, dict) else {}
    return {
        "consumer": consumer,
        "topic": topic,
        "reason": reason,
        "kind": kind,
        "event_id": _text(original.get("id")) or _text(data.get("event_id")),
        "event_type": _text(original.get("type")) or _text(data.get("event_type")),
        "task_id": _text(data.get("task_id")),
        "digest": hashlib.sha256(raw).hexdigest(),
        "dead_lettered_at": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
        "payload": payload,
    }


def _text(value: Any) -> str | None:
    return value[:200] if isinstance(value, str) and value else None


class DeadLetters:
    """Publishes poison to the topic's dead-letter topic, on behalf of one consumer."""

    def __init__(self, dapr: Dapr, consumer: str) -> None:
        self._dapr, self.consumer = dapr, consumer

    async def send(self, topic: str, raw: bytes, reason: str, kind: str = "invalid") -> None:
        record = dead_letter_record(self.consumer, topic, raw, reason, kind)
        # One id per (consumer, message): a redelivered poison message gets the same id,
        # and audit-service stores each id once.
        record_id = f"{self.consumer}:{record['event_id'] or record['digest']}"
        await self._dapr.publish(
            dead_letter_topic(topic),
            record,
            event_id=record_id,
            event_type=DEAD_LETTER_TYPE,
            partition_key=record["task_id"] or record_id,
        )
        DEAD_LETTERS_SENT.labels(topic, kind).inc()
        log.warning(
            "poison message dead-lettered",
            extra={"topic": topic, "event_id": record["event_id"], "reason": reason, "kind": kind},
        )


Handler = Callable[[CloudEvent], Awaitable[None]]
SUCCESS, RETRY = "SUCCESS", "RETRY"


async def consume_bulk(
    request: Request,
    topic: str,
    dead_letters: DeadLetters,
    handle: Handler,
    *,
    prepare: Callable[[list[Any]], Awaitable[None]] | None = None,
) -> JSONResponse:
    """Run one bulk delivery (the subscription's bulkSubscribe: many messages of one
    partition in one request). Each entry is handled in order by deliver(). After an
    entry that must be retried, the rest are answered RETRY without being handled, so no
    message overtakes an earlier one of its partition.

    `prepare`, when given, first sees every entry's event at once (e.g. to store them in
    one statement); the entries are then handled one by one all the same.

    `handle` raises PoisonMessage for a message it can never handle and RetryLater for a
    dependency that is down; any other exception is a bug and answers 500, which the
    sidecar retries like trouble (and dead-letters after the policy's budget)."""
    try:
        body = json.loads(await request.body())
        entries = [(str(e["entryId"]), e.get("event")) for e in body["entries"]]
    except (ValueError, TypeError, KeyError) as exc:  # not from a sidecar
        raise validation_error("Not a bulk subscribe request.", {"body": str(exc)[:200]}) from None
    if prepare is not None:
        await prepare([event for _, event in entries])
    statuses: list[dict[str, str]] = []
    problem = ""
    for entry_id, event in entries:
        if problem:
            statuses.append({"entryId": entry_id, "status": RETRY})
            continue
        status, problem = await deliver(event, topic, dead_letters, handle)
        statuses.append({"entryId": entry_id, "status": status})
    return JSONResponse({"statuses": statuses})


async def deliver(message: Any, topic: str, dead_letters: DeadLetters, handle: Handler) -> tuple[str, str]:
    """Handle one entry's event of a bulk delivery (the CloudEvent as a JSON object, or
    whatever else the entry holds). (SUCCESS, "") when handled or dead-lettered; (RETRY,
    why) when it must be delivered again."""
    envelope: CloudEvent | None = None
    try:
        envelope = parse_envelope(message)
        await handle(envelope)
    except PoisonMessage as exc:
        event_type = envelope.type if envelope is not None else "?"
        EVENTS_CONSUMED.labels(topic, event_type, "invalid").inc()
        try:
            await dead_letters.send(topic, _as_bytes(message), exc.reason, exc.kind)
        except Exception as publish_error:  # the sidecar or the broker is down: keep it
            log.warning(
                "could not dead-letter a poison message; it will be redelivered",
                extra={"topic": topic, "reason": repr(publish_error)},
            )
            return RETRY, "the dead-letter topic is unavailable"
    except RetryLater as exc:
        EVENTS_CONSUMED.labels(topic, envelope.type if envelope else "?", "retry").inc()
        log.warning(
            "dependency unavailable; the sidecar will retry",
            extra={"topic": topic, "event_id": envelope.id if envelope else None, "reason": str(exc)},
        )
        return RETRY, str(exc)
    return SUCCESS, ""


def _as_bytes(message: Any) -> bytes:
    if isinstance(message, bytes):
        return message
    if isinstance(message, str):
        return message.encode("utf-8", errors="replace")
    return json.dumps(message, default=str).encode()


def retry(message: str) -> JSONResponse:
    """503 with Dapr's RETRY status in the body (any non-2xx but 404 is retried), for a
    subscription delivered one message at a time (audit's dead-letter topics)."""
    return JSONResponse(
        {"status": "RETRY", "error": {"code": "unavailable", "message": message}}, status_code=503
    )
