"""The notification stream, with the state store faked and time simulated."""

from collections.abc import Sequence
from typing import Any

from notification_service.stream import (
    EMPTY_CURSOR,
    StreamTiming,
    notification_events,
    unseen,
)


class Source:
    """A user's index that grows as simulated time passes: {time: [ids added then]}."""

    def __init__(self, index: list[str], arrivals: dict[float, list[str]] | None = None) -> None:
        self.ids = list(index)
        self.arrivals = dict(arrivals or {})
        self.now = 0.0
        self.fail_at: set[float] = set()

    async def index(self, user_id: str) -> list[str]:
        for at in sorted(list(self.arrivals)):
            if at <= self.now:
                self.ids = [*reversed(self.arrivals.pop(at)), *self.ids]
        if self.now in self.fail_at:
            self.fail_at.discard(self.now)
            raise RuntimeError("sidecar hiccup")
        return list(self.ids)

    async def get_many(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        return [
            {"id": i, "user_id": "u1", "task_id": "t", "title": i, "message": "m", "created_at": "x"}
            for i in ids
            if not i.startswith("expired")
        ]

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


async def collect(
    source: Source, last_event_id: str | None = None, timing: StreamTiming | None = None, gone_at: float = 1e9
) -> list[str]:
    async def disconnected() -> bool:
        return source.now >= gone_at

    return [
        chunk
        async for chunk in notification_events(
            source,
            "u1",
            last_event_id=last_event_id,
            disconnected=disconnected,
            timing=timing or StreamTiming(window=8, poll=2, heartbeat=15),
            clock=source.clock,
            sleep=source.sleep,
        )
    ]


def events(chunks: list[str]) -> list[str]:
    return [
        line.removeprefix("id: ") for c in chunks if "event: notification" in c for line in c.splitlines()[:1]
    ]


def last_id(chunks: list[str]) -> str | None:
    ids = [line.removeprefix("id: ") for c in chunks for line in c.splitlines() if line.startswith("id: ")]
    return ids[-1] if ids else None


async def test_starts_with_retry_and_the_cursor_and_sends_nothing_old() -> None:
    chunks = await collect(Source(["b", "a"]))
    assert chunks[0].startswith("retry: ")
    assert last_id(chunks) == "b"
    assert events(chunks) == []


async def test_a_new_notification_is_sent_and_ends_the_window() -> None:
    source = Source(["a"], {3.0: ["b", "c"]})
    chunks = await collect(source)
    assert events(chunks) == ["b", "c"]  # oldest first
    assert last_id(chunks) == "c"  # the index head: the next window starts after it
    assert source.now == 4.0  # found on the poll after it arrived
    assert '"read":false' in next(c for c in chunks if "event: notification" in c)


async def test_the_window_ends_after_its_time_when_nothing_happens() -> None:
    source = Source([])
    chunks = await collect(source)
    assert source.now == 8.0
    assert last_id(chunks) == EMPTY_CURSOR
    assert events(chunks) == []


async def test_reconnecting_with_last_event_id_replays_what_was_missed() -> None:
    first = await collect(Source(["a"]))
    # Between the windows two notifications arrive.
    source = Source(["c", "b", "a"])
    second = await collect(source, last_event_id=last_id(first))
    assert events(second) == ["b", "c"]
    assert source.now == 0.0  # at once
    # A client that saw an empty index gets everything that appeared since.
    assert events(await collect(Source(["b", "a"]), last_event_id=EMPTY_CURSOR)) == ["a", "b"]
    # An id we no longer know: nothing to replay, the stream carries on from now.
    assert events(await collect(Source(["b", "a"]), last_event_id="long-gone")) == []


async def test_heartbeat_every_15_seconds_of_silence_in_a_long_window() -> None:
    source = Source([])
    chunks = await collect(source, timing=StreamTiming(window=40, poll=2, heartbeat=15))
    assert sum(1 for c in chunks if c == ": keep-alive\n\n") == 2  # at 16 s and 32 s
    assert source.now == 40.0


async def test_ends_when_the_client_disconnects() -> None:
    source = Source([], {20.0: ["late"]})
    chunks = await collect(source, timing=StreamTiming(window=60, poll=2, heartbeat=15), gone_at=6.0)
    assert source.now == 6.0
    assert events(chunks) == []


async def test_a_failed_poll_does_not_end_the_stream() -> None:
    source = Source([], {3.0: ["b"]})
    source.fail_at = {2.0, 4.0}
    chunks = await collect(source)
    assert events(chunks) == ["b"]
    assert source.now == 6.0


async def test_expired_notifications_are_skipped() -> None:
    chunks = await collect(Source(["expired-1", "a"]), last_event_id="a")
    assert events(chunks) == []
    assert last_id(chunks) == "expired-1"


def test_unseen() -> None:
    assert unseen(["c", "b", "a"], "a") == ["c", "b"]
    assert unseen(["c", "b", "a"], "c") == []
    assert unseen(["c", "b", "a"], None) == []
    assert unseen([], EMPTY_CURSOR) == []
