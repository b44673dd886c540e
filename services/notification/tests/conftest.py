"""Unit-test fixtures: an in-memory stand-in for the sidecar's state API, with Dapr's ETag
and first-write rules. The service app is built on import and needs an app token."""

import asyncio
import itertools
import json
import os
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import pytest
from todo_common.dapr import StateConflict

os.environ.setdefault("APP_API_TOKEN", "unit-test-app-token-0123456789")


def _check_key(key: str) -> None:
    if "||" in key:  # the sidecar's own separator (app id prefix)
        raise ValueError(f"input key/keyPrefix '{key}' can't contain '||'")


@dataclass
class FakeDapr:
    data: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (json, etag)
    ttls: dict[str, int | None] = field(default_factory=dict)
    settings: Any = field(default_factory=lambda: SimpleNamespace(state_store="statestore"))
    _etags: Any = field(default_factory=lambda: itertools.count(1))

    async def get_state(self, key: str) -> tuple[Any | None, str | None]:
        _check_key(key)
        await asyncio.sleep(0)  # let concurrent writers interleave, as over the network
        if key not in self.data:
            return None, None
        value, etag = self.data[key]
        return json.loads(value), etag

    async def save_state(
        self,
        key: str,
        value: Any,
        *,
        ttl_seconds: int | None = None,
        etag: str | None = None,
        first_write: bool = False,
    ) -> None:
        _check_key(key)
        await asyncio.sleep(0)
        held = self.data.get(key)
        if etag is not None and (held is None or held[1] != etag):
            raise StateConflict(key)
        if etag is None and first_write and held is not None:
            # What Dapr's PostgreSQL store answers (a generic error, not an ETag conflict).
            raise RuntimeError("failed saving state in state store statestore: no item was updated")
        self.data[key] = (json.dumps(value), str(next(self._etags)))
        self.ttls[key] = ttl_seconds

    async def sdk(self) -> Any:
        return self

    async def get_bulk_state(self, store: str, keys: list[str], parallelism: int = 1) -> Any:
        items = [
            SimpleNamespace(key=k, data=self.data[k][0].encode() if k in self.data else b"") for k in keys
        ]
        return SimpleNamespace(items=items)


@pytest.fixture
def dapr() -> FakeDapr:
    return FakeDapr()
