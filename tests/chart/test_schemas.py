"""Every rendered object against its schema, offline:

- Kubernetes objects: the JSON schemas kubernetes-validate ships (strict: unknown fields
  are errors), for the oldest Kubernetes the chart supports and the newest helm assumes;
- Dapr resources: schemas made from the pinned Dapr release's CRDs (dapr_crd_schemas.py);
- prometheus-operator objects: the validators @kubernetes-models/prometheus-operator ships
  (node, tests/chart/node/validate-monitoring.mjs).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from chartlib import ENVIRONMENTS, by_kind, render
from schemas import schema_errors


@pytest.mark.parametrize("name", sorted(ENVIRONMENTS))
def test_every_object_matches_its_schema(
    name: str, rendered: dict[str, list[dict[str, Any]]], dapr_schemas: dict[tuple[str, str], Any]
) -> None:
    docs = rendered[name]
    assert len(docs) > 40
    assert schema_errors(docs, dapr_schemas) == []


def test_every_kind_is_covered(rendered: dict[str, list[dict[str, Any]]]) -> None:
    kinds = {d["kind"] for docs in rendered.values() for d in docs}
    assert {
        "Namespace",
        "Deployment",
        "Service",
        "ServiceAccount",
        "Ingress",
        "HorizontalPodAutoscaler",
        "PodDisruptionBudget",
        "NetworkPolicy",
        "ConfigMap",
        "Component",
        "Configuration",
        "Subscription",
        "Resiliency",
        "PrometheusRule",
        "ServiceMonitor",
        "PodMonitor",
    } <= kinds


def test_schemas_catch_mistakes(
    rendered: dict[str, list[dict[str, Any]]], dapr_schemas: dict[tuple[str, str], Any]
) -> None:
    docs = json.loads(json.dumps(rendered["minikube"]))
    deployment = next(iter(by_kind(docs, "Deployment").values()))
    deployment["spec"]["template"]["spec"]["containers"][0]["livenessProb"] = {}
    subscription = next(iter(by_kind(docs, "Subscription").values()))
    subscription["spec"]["deadLetterTopik"] = "x"
    component = by_kind(docs, "Component")["statestore"]
    component["spec"]["version"] = 1
    hpa = next(iter(by_kind(docs, "HorizontalPodAutoscaler").values()))
    hpa["spec"]["minReplicas"] = "two"
    rule = next(iter(by_kind(docs, "PrometheusRule").values()))
    rule["spec"]["groups"][0]["rules"][0]["for"] = 5
    errors = "\n".join(schema_errors([deployment, subscription, component, hpa, rule], dapr_schemas))
    assert "'livenessProb' was unexpected" in errors
    assert "'deadLetterTopik' was unexpected" in errors
    assert "1 is not of type 'string'" in errors
    assert "'two' is not of type 'integer'" in errors
    assert "for must be string" in errors


def test_monitoring_objects_need_the_operator_api() -> None:
    docs = render(ENVIRONMENTS["minikube"], prometheus_operator=False)
    kinds = {d["kind"] for d in docs}
    assert not kinds & {"PrometheusRule", "ServiceMonitor", "PodMonitor"}
    assert "ConfigMap" in kinds  # the dashboard needs no CRD
