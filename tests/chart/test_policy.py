"""The policy (policy.py) on every environment's manifests, and proof that it bites."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from chartlib import by_kind, pod_spec
from policy import image_problem, violations


def test_rendered_manifests_meet_the_policy(env_docs: list[dict[str, Any]]) -> None:
    assert violations(env_docs) == []


def test_namespace_enforces_restricted(env_docs: list[dict[str, Any]]) -> None:
    (namespace,) = by_kind(env_docs, "Namespace").values()
    labels = namespace["metadata"]["labels"]
    assert labels["pod-security.kubernetes.io/enforce"] == "restricted"


def test_each_app_has_hpa_pdb_service_account_and_probes(env_docs: list[dict[str, Any]]) -> None:
    deployments = by_kind(env_docs, "Deployment")
    assert sorted(deployments) == sorted(
        [
            "frontend",
            "task-service",
            "chat-service",
            "recurring-service",
            "notification-service",
            "audit-service",
        ]
    )
    hpas, pdbs = by_kind(env_docs, "HorizontalPodAutoscaler"), by_kind(env_docs, "PodDisruptionBudget")
    accounts = by_kind(env_docs, "ServiceAccount")
    for name, deployment in deployments.items():
        assert hpas[name]["spec"]["minReplicas"] >= 2
        assert hpas[name]["spec"]["metrics"][0]["containerResource"]["target"]["averageUtilization"] == 70
        assert name in pdbs
        spec = pod_spec(deployment)
        assert spec is not None and spec["serviceAccountName"] in accounts
        app = spec["containers"][0]
        health = "/api/health" if name == "frontend" else "/healthz"
        ready = "/api/health" if name == "frontend" else "/readyz"
        assert app["livenessProbe"]["httpGet"]["path"] == health
        assert app["readinessProbe"]["httpGet"]["path"] == ready


def test_hpa_ceiling_per_environment(rendered: dict[str, list[dict[str, Any]]]) -> None:
    for name, docs in rendered.items():
        ceiling = 10 if name == "minikube" else 50
        assert {h["spec"]["maxReplicas"] for h in by_kind(docs, "HorizontalPodAutoscaler").values()} == {
            ceiling
        }


def test_default_deny_network_policy(env_docs: list[dict[str, Any]]) -> None:
    deny = by_kind(env_docs, "NetworkPolicy")["default-deny-all"]["spec"]
    assert deny == {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}


@pytest.mark.parametrize(
    ("image", "ok"),
    [
        ("registry.example.com/todo/task-service:0.1.0", True),
        ("localhost:5000/task-service:1.2.3", True),
        ("task-service@sha256:" + "a" * 64, True),
        ("task-service", False),
        ("localhost:5000/task-service", False),
        ("task-service:latest", False),
    ],
)
def test_image_pinning(image: str, ok: bool) -> None:
    assert (image_problem(image) is None) is ok


def _broken(docs: list[dict[str, Any]], change: Any) -> list[str]:
    docs = copy.deepcopy(docs)
    change(docs)
    return violations(docs)


def _app(docs: list[dict[str, Any]], name: str = "task-service") -> dict[str, Any]:
    spec = pod_spec(by_kind(docs, "Deployment")[name])
    assert spec is not None
    container: dict[str, Any] = spec["containers"][0]
    return container


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: _app(d).pop("readinessProbe"), "no readinessProbe"),
        (lambda d: _app(d).pop("livenessProbe"), "no livenessProbe"),
        (lambda d: _app(d)["resources"].pop("limits"), "no resources.limits.cpu"),
        (lambda d: _app(d)["resources"]["requests"].pop("memory"), "no resources.requests.memory"),
        (lambda d: _app(d)["securityContext"].pop("readOnlyRootFilesystem"), "readOnlyRootFilesystem"),
        (
            lambda d: _app(d)["securityContext"].update(allowPrivilegeEscalation=True),
            "allowPrivilegeEscalation",
        ),
        (lambda d: _app(d)["securityContext"]["capabilities"].update(drop=[]), "drop ALL"),
        (lambda d: _app(d)["securityContext"]["capabilities"].update(add=["NET_ADMIN"]), "adds capabilities"),
        (lambda d: _app(d)["securityContext"].update(runAsNonRoot=False), "runAsNonRoot"),
        (lambda d: _app(d).update(volumeMounts=[]), "writable /tmp"),
        (lambda d: _app(d).update(image="todo/task-service:latest"), "tag latest"),
        (lambda d: _app(d).update(image="todo/task-service"), "no pinned tag"),
        (lambda d: _app(d)["env"].append({"name": "DB_PASSWORD", "value": "hunter2"}), "env DB_PASSWORD"),
    ],
)
def test_policy_catches_workload_mistakes(
    rendered: dict[str, list[dict[str, Any]]], change: Any, expected: str
) -> None:
    problems = _broken(rendered["aks-prod"], change)
    assert any(expected in p for p in problems), problems


def test_policy_catches_seccomp_only_when_missing_everywhere(
    rendered: dict[str, list[dict[str, Any]]],
) -> None:
    def drop_seccomp(docs: list[dict[str, Any]]) -> None:
        _app(docs)["securityContext"].pop("seccompProfile")
        spec = pod_spec(by_kind(docs, "Deployment")["task-service"])
        assert spec is not None
        spec["securityContext"].pop("seccompProfile")

    assert any("seccompProfile" in p for p in _broken(rendered["minikube"], drop_seccomp))


def test_policy_catches_missing_dapr_annotations(rendered: dict[str, list[dict[str, Any]]]) -> None:
    def drop(docs: list[dict[str, Any]]) -> None:
        annotations = by_kind(docs, "Deployment")["chat-service"]["spec"]["template"]["metadata"][
            "annotations"
        ]
        annotations.pop("dapr.io/app-token-secret")

    assert any("dapr.io/app-token-secret" in p for p in _broken(rendered["minikube"], drop))


def test_policy_catches_plaintext_secrets(rendered: dict[str, list[dict[str, Any]]]) -> None:
    docs = copy.deepcopy(rendered["gke-staging"])
    docs.append(
        {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "oops"}, "stringData": {"token": "x"}}
    )
    pubsub = by_kind(docs, "Component")["pubsub"]
    for item in pubsub["spec"]["metadata"]:
        if item["name"] == "saslPassword":
            item.pop("secretKeyRef")
            item["value"] = "plaintext"
    state = by_kind(docs, "Component")["statestore"]
    state["spec"]["metadata"].append({"name": "url", "value": "postgres://todo:s3cret@db:5432/todo"})
    problems = violations(docs)
    assert any("Secret/oops: plaintext secret value in stringData.token" in p for p in problems)
    assert any("saslPassword has a plaintext value" in p for p in problems)
    assert any("url holds a URL with a password" in p for p in problems)
