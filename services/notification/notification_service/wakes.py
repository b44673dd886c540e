"""On-time reminders between cron ticks. The reminder-cron binding wakes the scan every
period (30 s here, 5 min in the chart), so a reminder used to come up to one period late.
After each scan, `plan` asks task-service when the reminders still to be sent come due
within the lookahead (a little more than the period) and schedules a Dapr job (Jobs API, the
scheduler) at each of those seconds; when one fires, the sidecar posts /job/<name> and the
same scan runs then. The cron stays the safety net: a wake that is lost, or a reminder set
less than a period ahead, is sent at the next tick as before.

Safe to repeat: one job name per second (domain/reminders.py wake_job_name), scheduled with
overwrite, so replanning at every tick or from two replicas gives one wake; and the scan
sends each reminder once however often it runs (scan.py)."""

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from prometheus_client import Counter

from notification_service.domain.reminders import iso, wake_at, wake_job_name
from notification_service.scan import ReminderScan, ScanResult, utcnow
from notification_service.snooze import Jobs

log = logging.getLogger(__name__)

WAKES_PLANNED = Counter(
    "reminder_wakes_planned", "Wake jobs scheduled for reminders due before the next tick"
)
# At most this many distinct seconds are planned per tick (the endpoint's own cap).
PLAN_LIMIT = 1000
# A wake job that fails (503) is retried this often; the next tick catches it anyway.
WAKE_RETRY_SECONDS = 5
WAKE_MAX_RETRIES = 6
# The scheduler may deliver a job a moment early: wait for the named second (never longer).
MAX_EARLY_SECONDS = 2.0


class Upcoming(Protocol):
    async def upcoming(self, within_seconds: int, limit: int) -> list[datetime]: ...


class ReminderWakes:
    def __init__(
        self,
        tasks: Upcoming,
        jobs: Jobs,
        scan: ReminderScan,
        lookahead_seconds: int,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._tasks, self._jobs, self._scan = tasks, jobs, scan
        self._lookahead, self._clock = lookahead_seconds, clock

    async def plan(self) -> int:
        """Schedule a wake at each second a reminder comes due within the lookahead; the
        number of wakes scheduled."""
        times = await self._tasks.upcoming(self._lookahead, PLAN_LIMIT)
        wakes = sorted({wake_at(t) for t in times})
        for at in wakes:
            await self._jobs.schedule_job(
                wake_job_name(at),
                due_time=iso(at),
                data={},
                overwrite=True,
                retry_interval_seconds=WAKE_RETRY_SECONDS,
                max_retries=WAKE_MAX_RETRIES,
            )
        WAKES_PLANNED.inc(len(wakes))
        return len(wakes)

    async def wake(self, at: datetime) -> ScanResult:
        """A wake job for `at` fired: run the scan (at `at` at the earliest)."""
        early = (at - self._clock()).total_seconds()
        if early > 0:
            await asyncio.sleep(min(early, MAX_EARLY_SECONDS))
        return await self._scan.run()
