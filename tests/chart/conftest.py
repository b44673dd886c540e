"""Renders the chart once per environment for the whole session (helm template, offline).

The rendered manifests are also written to $CHART_RENDER_DIR (default .run/chart/) to read.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dapr_crd_schemas
from chartlib import ENVIRONMENTS, ROOT, render

OUT_DIR = Path(os.environ.get("CHART_RENDER_DIR", ROOT / ".run" / "chart"))


@pytest.fixture(scope="session")
def rendered() -> dict[str, list[dict[str, Any]]]:
    return {name: render(env, out_dir=OUT_DIR) for name, env in ENVIRONMENTS.items()}


@pytest.fixture(params=sorted(ENVIRONMENTS))
def env_docs(
    request: pytest.FixtureRequest, rendered: dict[str, list[dict[str, Any]]]
) -> list[dict[str, Any]]:
    return rendered[request.param]


@pytest.fixture(scope="session")
def dapr_schemas() -> dict[tuple[str, str], Any]:
    return dapr_crd_schemas.load_schemas()
