"""Thin helpers over the sidecar: the official dapr SDK for state, pub/sub and secrets;
httpx for service invocation (so callers see real HTTP status codes and headers) and for
the Jobs API.
Business code calls these methods and never builds a Dapr URL itself."""

import asyncio
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import httpx
from dapr.aio.clients import DaprClient
from dapr.clients.grpc._state import Concurrency, StateOptions

from todo_common.settings import ServiceSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OutgoingEvent:
    """One event for publish_bulk: its data and the CloudEvent fields we set ourselves."""

    event_id: str
    event_type: str
    partition_key: str
    data: dict[str, Any]


class SidecarUnavailable(Exception):
    """The sidecar did not answer in time."""


class StateConflict(Exception):
    """A first-write or ETag-checked save lost the race."""


class Dapr:
    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        headers = {"dapr-api-token": settings.dapr_api_token} if settings.dapr_api_token else {}
        self.http = httpx.AsyncClient(
            base_url=settings.dapr_http_url, headers=headers, timeout=httpx.Timeout(15.0)
        )
        self._sdk: DaprClient | None = None
        self._sdk_lock = asyncio.Lock()

    async def close(self) -> None:
        await self.http.aclose()
        if self._sdk is not None:
            await self._sdk.close()

    # -- health -------------------------------------------------------------------------
    async def healthy(self) -> bool:
        """True once the sidecar's components are loaded (outbound health)."""
        try:
            r = await self.http.get("/v1.0/healthz/outbound", timeout=2.0)
        except httpx.HTTPError:
            return False
        return r.status_code == 204 or r.is_success

    async def wait_until_healthy(self, timeout: float = 60.0) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not await self.healthy():
            if loop.time() > deadline:
                raise SidecarUnavailable(f"sidecar at {self.settings.dapr_http_url} did not become healthy")
            await asyncio.sleep(0.5)

    async def sdk(self) -> DaprClient:
        """The SDK's async client. Its constructor blocks until the sidecar is healthy, so
        we wait asynchronously first and build it once."""
        if self._sdk is None:
            async with self._sdk_lock:
                if self._sdk is None:
                    await self.wait_until_healthy()
                    self._sdk = DaprClient()
        return self._sdk

    # -- service invocation -------------------------------------------------------------
    async def invoke(
        self,
        app_id: str,
        path: str,
        *,
        method: str = "GET",
        json_body: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        timeout: float | None = None,
    ) -> httpx.Response:
        url = f"/v1.0/invoke/{app_id}/method/{path.lstrip('/')}"
        kwargs: dict[str, Any] = {"params": params, "headers": headers}
        if json_body is not None:
            kwargs["json"] = json_body
        if timeout is not None:
            kwargs["timeout"] = timeout
        return await self.http.request(method, url, **kwargs)

    # -- jobs -----------------------------------------------------------------------------
    async def schedule_job(
        self,
        name: str,
        *,
        due_time: str,
        data: dict[str, Any],
        overwrite: bool = False,
        retry_interval_seconds: int | None = None,
        max_retries: int | None = None,
    ) -> None:
        """Schedule a one-shot job with Dapr's Jobs API (alpha in Dapr 1.16: /v1.0-alpha1).
        `due_time`: an RFC 3339 instant (or a Go duration from now). When it is due, the
        scheduler has the app's sidecar POST `data` to the app at /job/<name>; an answer
        other than 2xx (or 404) is retried, every `retry_interval_seconds` up to
        `max_retries` times (Dapr's default: 3 times, 1 s apart). With `overwrite`, a job of
        the same name replaces the earlier one instead of being refused (409)."""
        body: dict[str, Any] = {"dueTime": due_time, "data": data, "overwrite": overwrite}
        if retry_interval_seconds is not None or max_retries is not None:
            constant: dict[str, Any] = {}
            if retry_interval_seconds is not None:
                constant["interval"] = f"{retry_interval_seconds}s"
            if max_retries is not None:
                constant["maxRetries"] = max_retries
            body["failurePolicy"] = {"constant": constant}
        r = await self.http.post(f"/v1.0-alpha1/jobs/{name}", json=body)
        if not r.is_success:
            raise SidecarUnavailable(f"scheduling job {name} answered {r.status_code}: {r.text[:300]}")

    # -- secrets ------------------------------------------------------------------------
    async def get_secret(self, name: str) -> str:
        client = await self.sdk()
        resp = await client.get_secret(self.settings.secret_store, name)
        return str(resp.secret[name])

    # -- pub/sub ------------------------------------------------------------------------
    async def publish(
        self, topic: str, data: dict[str, Any], *, event_id: str, event_type: str, partition_key: str
    ) -> None:
        """Publish `data` as the CloudEvent's data, with our event id as the CloudEvent id
        (so consumers can deduplicate) and a partition key that keeps per-key order."""
        client = await self.sdk()
        await client.publish_event(
            self.settings.pubsub_name,
            topic,
            json.dumps(data),
            data_content_type="application/json",
            publish_metadata={
                "cloudevent.id": event_id,
                "cloudevent.type": event_type,
                "partitionKey": partition_key,
            },
        )

    async def publish_bulk(self, topic: str, events: Sequence[OutgoingEvent]) -> set[str]:
        """Publish several events in one call to the sidecar (Dapr's bulk publish API,
        which the Kafka component sends as one producer batch). Each keeps its own
        CloudEvent id, type and partition key. Returns the event ids that failed (empty:
        all published); raises when the call itself fails, when none can be assumed sent."""
        entries = [
            {
                "entryId": e.event_id,
                "event": e.data,
                "contentType": "application/json",
                "metadata": {
                    "cloudevent.id": e.event_id,
                    "cloudevent.type": e.event_type,
                    "partitionKey": e.partition_key,
                },
            }
            for e in events
        ]
        r = await self.http.post(
            f"/v1.0-alpha1/publish/bulk/{self.settings.pubsub_name}/{topic}", json=entries
        )
        if r.is_success:
            return set()
        try:
            failed = {str(f["entryId"]) for f in r.json().get("failedEntries") or []}
        except (ValueError, AttributeError, KeyError, TypeError):
            failed = set()
        if not failed:
            raise SidecarUnavailable(f"bulk publish answered {r.status_code}: {r.text[:300]}")
        return failed

    # -- state --------------------------------------------------------------------------
    async def get_state(self, key: str) -> tuple[Any | None, str | None]:
        client = await self.sdk()
        resp = await client.get_state(self.settings.state_store, key)
        if not resp.data:
            return None, None
        return json.loads(resp.data), (resp.etag or None)

    async def save_state(
        self,
        key: str,
        value: Any,
        *,
        ttl_seconds: int | None = None,
        etag: str | None = None,
        first_write: bool = False,
    ) -> None:
        """Save a JSON value. With first_write, the save fails with StateConflict when the
        key already exists (etag None) or changed since it was read (etag given)."""
        client = await self.sdk()
        metadata = {"ttlInSeconds": str(ttl_seconds)} if ttl_seconds else {}
        options = StateOptions(concurrency=Concurrency.first_write) if first_write else None
        try:
            await client.save_state(
                self.settings.state_store,
                key,
                json.dumps(value),
                etag=etag,
                options=options,
                state_metadata=metadata,
            )
        except Exception as exc:
            if _is_etag_conflict(exc):
                raise StateConflict(key) from exc
            raise

    async def delete_state(self, key: str) -> None:
        client = await self.sdk()
        await client.delete_state(self.settings.state_store, key)


def _is_etag_conflict(exc: Exception) -> bool:
    text = str(exc).lower()
    # state.postgresql reports a lost first-write race as "no item was updated".
    return any(m in text for m in ("etag", "aborted", "already exists", "no item was updated"))
