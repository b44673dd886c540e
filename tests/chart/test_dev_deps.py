"""helm/todo-dev-deps (minikube's Kafka and PostgreSQL): lint, schemas and PodSecurity
"restricted" (namespace todo-deps enforces it too)."""

from __future__ import annotations

from typing import Any

import pytest
from chartlib import ROOT, helm, parse
from policy import violations
from schemas import schema_errors

DEV_DEPS = ROOT / "helm" / "todo-dev-deps"


@pytest.fixture(scope="module")
def docs() -> list[dict[str, Any]]:
    done = helm("template", "todo-deps", str(DEV_DEPS), "--namespace", "todo-deps")
    assert done.returncode == 0, done.stderr
    return parse(done.stdout)


def test_lint() -> None:
    done = helm("lint", "--strict", str(DEV_DEPS), "--namespace", "todo-deps")
    assert done.returncode == 0, done.stdout + done.stderr


def test_schemas(docs: list[dict[str, Any]], dapr_schemas: dict[tuple[str, str], Any]) -> None:
    assert schema_errors(docs, dapr_schemas) == []


def test_restricted(docs: list[dict[str, Any]]) -> None:
    assert {d["kind"] for d in docs} == {"StatefulSet", "Service", "ConfigMap"}
    assert violations(docs, read_only_root=False) == []


def test_kafka_advertises_the_address_the_chart_uses() -> None:
    minikube = (ROOT / "helm/todo-platform/values-minikube.yaml").read_text()
    assert "brokers: kafka.todo-deps.svc.cluster.local:9092" in minikube
