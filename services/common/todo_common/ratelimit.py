"""Per-user rate limits: token buckets in memory, keyed by the JWT's `sub`.

Per replica: each replica keeps its own buckets, so with N replicas behind Dapr's
round-robin a user gets up to N times the configured rate. Dapr's ratelimit middleware
cannot do this job here: it counts per client IP, and every public request reaches a
service from the same place, the frontend's sidecar."""

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    """`rate` tokens a second, at most `burst` saved up; one request takes one token."""

    rate: float
    burst: int

    @classmethod
    def per_minute(cls, count: float, burst: int) -> "Limit":
        return cls(rate=count / 60, burst=burst)


class RateLimited(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"rate limited; retry after {retry_after} s")
        self.retry_after = retry_after


class RateLimiter:
    """Token buckets for one limit, one per key, least recently used dropped past
    `max_keys` (a dropped bucket comes back full: the cost of bounded memory)."""

    def __init__(
        self, limit: Limit, max_keys: int = 100_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if limit.rate <= 0 or limit.burst < 1:
            raise ValueError("a rate limit needs a positive rate and a burst of at least 1")
        self.limit, self._max_keys, self._clock = limit, max_keys, clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, at)

    def take(self, key: str) -> None:
        """Take one token for `key`, or raise RateLimited with the whole seconds to wait."""
        now = self._clock()
        tokens, at = self._buckets.pop(key, (float(self.limit.burst), now))
        tokens = min(float(self.limit.burst), tokens + (now - at) * self.limit.rate)
        if tokens < 1:
            self._buckets[key] = (tokens, now)
            raise RateLimited(max(1, math.ceil((1 - tokens) / self.limit.rate)))
        self._buckets[key] = (tokens - 1, now)
        if len(self._buckets) > self._max_keys:
            self._buckets.popitem(last=False)
