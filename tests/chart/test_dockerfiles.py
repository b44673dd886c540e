"""The images' Dockerfiles, checked offline (no container engine here): multi-stage, base
images pinned by exact version, the right workspace package, non-root UID 10001, a health
check, nothing writable needed outside /tmp, and the chart pointing at the same ports."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml
from chartlib import CHART, ROOT

SERVICES = sorted(p.parent for p in (ROOT / "services").glob("*/pyproject.toml") if p.parent.name != "common")
PYTHON_BASE = re.compile(r"^ARG PYTHON_IMAGE=python:3\.11\.\d+-slim-bookworm$", re.MULTILINE)
NODE_BASE = re.compile(r"^ARG NODE_IMAGE=node:20\.\d+\.\d+-bookworm-slim$", re.MULTILINE)


def _common(text: str) -> None:
    assert len(re.findall(r"^FROM ", text, re.MULTILINE)) >= 2, "not multi-stage"
    assert ":latest" not in text
    assert re.search(r"^USER 10001:10001$", text, re.MULTILINE)
    assert re.search(r"^HEALTHCHECK ", text, re.MULTILINE)
    assert "useradd --system --uid 10001" in text


def test_one_dockerfile_serves_every_python_service() -> None:
    text = (ROOT / "services" / "Dockerfile").read_text()
    _common(text)
    assert PYTHON_BASE.search(text)
    # The service is a build argument; package, module and app id derive from it the way
    # every workspace member is named (services/<s>: package <s>-service, module <s>_service).
    assert "ARG PACKAGE=${SERVICE}-service" in text and "ARG MODULE=${SERVICE}_service" in text
    assert "--frozen --no-dev --no-install-workspace --package ${PACKAGE}" in text
    assert "--frozen --no-dev --no-editable --package ${PACKAGE}" in text
    assert 'exec python -m \\"$APP_MODULE\\"' in text and "APP_MODULE=${SERVICE}_service" in text
    assert "PYTHONDONTWRITEBYTECODE=1" in text and "UV_COMPILE_BYTECODE=1" in text
    # Every workspace member's pyproject.toml reaches the build (uv reads the workspace).
    for member in (ROOT / "services").glob("*/pyproject.toml"):
        assert f"COPY services/{member.parent.name}/pyproject.toml services/{member.parent.name}/" in text
    # The final stage takes the venv only (code included: the packages are not editable).
    final = text[text.rindex("FROM ") :]
    assert re.findall(r"^COPY .*$", final, re.MULTILINE) == ["COPY --from=build /opt/venv /opt/venv"]


@pytest.mark.parametrize("service", SERVICES, ids=lambda p: p.name)
def test_services_follow_the_naming_the_dockerfile_derives(service: Path) -> None:
    project = tomllib.loads((service / "pyproject.toml").read_text())
    assert project["project"]["name"] == f"{service.name}-service"
    assert project["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == [f"{service.name}_service"]


def test_images_script_builds_each_service_on_the_charts_port() -> None:
    script = (ROOT / "scripts" / "images.sh").read_text()
    values = yaml.safe_load((CHART / "values.yaml").read_text())
    for service in SERVICES:
        name = f"{service.name}-service"
        assert f"{service.name}:{values['apps'][name]['port']}" in script


def test_frontend_dockerfile() -> None:
    text = (ROOT / "frontend" / "Dockerfile").read_text()
    _common(text)
    assert NODE_BASE.search(text)
    assert "npm ci" in text and "npm prune --omit=dev" in text
    # The production server (frontend/server.ts, compiled to build/ by `npm run build`).
    assert "COPY --from=build /app/build ./build" in text
    assert 'CMD ["node", "build/server.js", "--hostname", "0.0.0.0"]' in text
    assert "/api/health" in text
    ignore = (ROOT / "frontend" / ".dockerignore").read_text().split()
    assert {"node_modules", ".next", "build"} <= set(ignore)


def test_root_dockerignore_admits_only_the_workspace() -> None:
    lines = [
        line
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    assert lines[0] == "*"
    assert {"!pyproject.toml", "!uv.lock", "!services/", "services/**/tests/"} <= set(lines)


def test_the_data_todo_common_reads_is_locked_with_it() -> None:
    """Every image installs todo-common with its locked dependencies, and nothing else for a
    service that names no more (notification-service). The package data todo-common reads
    (todo_common.datestyle: tzdata's zone.tab and tzdata.zi) must come from its own
    dependencies, or a service that writes a date in the reader's style fails in its image."""
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    [common] = [p for p in lock["package"] if p["name"] == "todo-common"]
    locked = {d["name"] for d in common.get("dependencies", [])}
    sources = [f.read_text() for f in (ROOT / "services" / "common" / "todo_common").glob("*.py")]
    read = {m.split(".")[0] for text in sources for m in re.findall(r'resources\.files\("([\w.]+)"\)', text)}
    assert "tzdata" in read
    assert read <= locked
