"""notification-service settings: the platform's, plus the stream's timing."""

from todo_common.settings import ServiceSettings

from notification_service.stream import StreamTiming


class NotificationSettings(ServiceSettings):
    # One response of GET /api/notifications/stream lasts at most this long: below the
    # resiliency timeout of calls to this app (components/resiliency.yaml, 10 s).
    stream_window_seconds: float = 8.0
    stream_poll_seconds: float = 2.0
    stream_heartbeat_seconds: float = 15.0

    @property
    def stream_timing(self) -> StreamTiming:
        return StreamTiming(
            window=self.stream_window_seconds,
            poll=self.stream_poll_seconds,
            heartbeat=self.stream_heartbeat_seconds,
        )
