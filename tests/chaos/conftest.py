"""Chaos scenarios against the running stack (make chaos; a short form runs in make test).

They kill and restart parts of the shared stack, so they are collected only when selected
with `-m chaos` (otherwise deselected, never part of `pytest tests` or `-m integration`).
CHAOS=short picks the short form (one service kill, a 10 s broker outage and a sidecar kill)."""

from pathlib import Path

import pytest

# The running stack's secrets, and a check that the stack is up (autouse): shared with
# the integration tests.
from tests.integration.conftest import secrets, stack  # noqa: F401


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "chaos: kills and restarts parts of the running stack (make chaos)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    selected = "chaos" in (config.option.markexpr or "")
    here = Path(__file__).parent
    ours = [item for item in items if item.path.is_relative_to(here)]
    for item in ours:
        item.add_marker(pytest.mark.chaos)
    if not selected and ours:
        # Destructive: only with make chaos (pytest -m chaos).
        config.hook.pytest_deselected(items=ours)
        items[:] = [item for item in items if not item.path.is_relative_to(here)]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
