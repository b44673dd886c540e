"""Chaos scenarios against the running stack (make chaos; a short form runs in make test).

They kill and restart parts of the shared stack, so they run only when selected with
`-m chaos`, never as part of `pytest tests` or `-m integration`. CHAOS=short picks the
short form (one service kill and a 10 s broker outage)."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "chaos: kills and restarts parts of the running stack (make chaos)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    selected = "chaos" in (config.option.markexpr or "")
    for item in items:
        if item.path.is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.chaos)
            if not selected:
                item.add_marker(pytest.mark.skip(reason="destructive: run with make chaos (pytest -m chaos)"))


@pytest.fixture(scope="session")
def secrets() -> dict[str, str]:
    return dict(json.loads((ROOT / ".run" / "secrets.json").read_text()))


@pytest.fixture(scope="session", autouse=True)
def stack() -> None:
    result = subprocess.run([str(ROOT / "scripts" / "stack.sh"), "status"], capture_output=True)
    if result.returncode != 0:
        pytest.fail("the stack is not running: start it with `make run`")


@pytest.fixture(scope="session")
def short() -> bool:
    return os.environ.get("CHAOS", "full") == "short"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
