"""One JSON object per line on stdout, carrying the request's ids from context."""

import json
import logging
import sys
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
trace_id_var: ContextVar[str | None] = ContextVar("trace_id", default=None)
user_id_var: ContextVar[str | None] = ContextVar("user_id", default=None)

_RESERVED = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        context = {k: v for k, v in record.__dict__.items() if k not in _RESERVED}
        entry: dict[str, Any] = {
            "timestamp": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "service": self.service,
            "logger": record.name,
            "user_id": user_id_var.get(),
            "request_id": request_id_var.get(),
            "trace_id": trace_id_var.get(),
            "message": record.getMessage(),
            "context": context,
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def configure_logging(service: str, level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonFormatter(service))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # uvicorn's own access log duplicates ours; its error log goes through the root handler.
    logging.getLogger("uvicorn.access").disabled = True
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    # httpx logs every request at INFO: one line per call to the sidecar (each relay
    # round, each tool call of a chat turn). Failures are logged where they are handled.
    logging.getLogger("httpx").setLevel(logging.WARNING)


security_log = logging.getLogger("security")


def log_security_event(kind: str, **context: Any) -> None:
    """Refused tokens, cross-user attempts, rate-limit hits, calls without the app token."""
    from todo_common.metrics import SECURITY_EVENTS

    SECURITY_EVENTS.labels(kind=kind).inc()
    security_log.warning("security event: %s", kind, extra={"security_event": kind, **context})
