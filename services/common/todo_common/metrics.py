"""Prometheus metrics shared by every service; services add their own beside these."""

from prometheus_client import Counter, Histogram

REQUESTS = Counter("http_requests_total", "HTTP requests served", ["method", "route", "status"])
LATENCY = Histogram(
    "http_request_duration_seconds",
    "HTTP request latency",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
SECURITY_EVENTS = Counter("security_events_total", "Refused or suspicious requests", ["kind"])
EVENTS_CONSUMED = Counter("events_consumed_total", "Pub/sub events received", ["topic", "type", "outcome"])
DEAD_LETTERS = Counter("dead_letters_total", "Events that reached a dead-letter topic", ["topic"])
