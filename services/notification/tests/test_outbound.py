"""The optional outbound channel: on only when the sidecar has a `reminder-outbound` binding."""

import json
from types import SimpleNamespace
from typing import Any

from notification_service.adapters.outbound import OutboundChannel, binding_operation


class FakeSidecar:
    def __init__(self, components: list[tuple[str, str]], fail: bool = False) -> None:
        self.components, self.fail = components, fail
        self.metadata_calls = 0
        self.sent: list[tuple[str, str, dict[str, Any]]] = []

    async def sdk(self) -> "FakeSidecar":
        return self

    async def get_metadata(self) -> Any:
        self.metadata_calls += 1
        return SimpleNamespace(
            registered_components=[SimpleNamespace(name=n, type=t) for n, t in self.components]
        )

    async def invoke_binding(
        self, name: str, operation: str, data: str, binding_metadata: dict[str, str]
    ) -> None:
        if self.fail:
            raise RuntimeError("webhook down")
        self.sent.append((name, operation, json.loads(data)))


NOTIFICATION = {"id": "n1", "title": "Pay rent", "message": "Reminder: 'Pay rent'"}


async def test_off_without_the_component() -> None:
    sidecar = FakeSidecar([("statestore", "state.postgresql")])
    channel = OutboundChannel(sidecar)  # type: ignore[arg-type]
    assert await channel.send(NOTIFICATION) is False
    assert await channel.send(NOTIFICATION) is False
    assert sidecar.metadata_calls == 1  # looked up once, not per reminder
    assert sidecar.sent == []


async def test_webhook_and_email() -> None:
    webhook = FakeSidecar([("reminder-outbound", "bindings.http")])
    assert await OutboundChannel(webhook).send(NOTIFICATION) is True  # type: ignore[arg-type]
    assert webhook.sent == [("reminder-outbound", "post", NOTIFICATION)]
    email = FakeSidecar([("reminder-outbound", "bindings.smtp")])
    assert await OutboundChannel(email).send(NOTIFICATION) is True  # type: ignore[arg-type]
    assert email.sent[0][1] == "create"
    assert binding_operation("bindings.twilio.sendgrid") == "create"


async def test_a_failing_channel_is_logged_not_raised() -> None:
    sidecar = FakeSidecar([("reminder-outbound", "bindings.http")], fail=True)
    assert await OutboundChannel(sidecar).send(NOTIFICATION) is False  # type: ignore[arg-type]
