"""notification-service settings: the platform's, plus the stream's timing."""

from pydantic import Field
from todo_common.settings import ServiceSettings

from notification_service.stream import StreamTiming


class NotificationSettings(ServiceSettings):
    # One response of GET /api/notifications/stream lasts at most this long: below the
    # resiliency timeout of calls to this app (components/resiliency.yaml, 10 s).
    stream_window_seconds: float = 8.0
    stream_poll_seconds: float = 2.0
    stream_heartbeat_seconds: float = 15.0
    # After each cron scan, reminders due within this many seconds get a wake job of their
    # own (wakes.py): a little more than the reminder-cron period (30 s here; the chart's
    # 5 min period sets 330 s). 1..3600.
    reminder_lookahead_seconds: int = Field(default=45, ge=1, le=3600)

    @property
    def stream_timing(self) -> StreamTiming:
        return StreamTiming(
            window=self.stream_window_seconds,
            poll=self.stream_poll_seconds,
            heartbeat=self.stream_heartbeat_seconds,
        )
