"""Rendering the chart for each environment, offline, with the pinned helm.

Environments are what scripts/deploy.sh deploys: minikube, and staging/prod on AKS or
GKE. A cloud environment's identifiers (registry, vault, identity, brokers) come from
Terraform there; here from tests/chart/fixtures/<cloud>-outputs.yaml, which has the same
shape as the file deploy.sh writes from `terraform output`.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
CHART = ROOT / "helm" / "todo-platform"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CACHE = Path(os.environ.get("TODO_CACHE_DIR", Path.home() / ".cache" / "todo-platform"))
RELEASE = "todo"


def helm_bin() -> str:
    return os.environ.get("HELM", str(CACHE / "bin" / "helm"))


@dataclass(frozen=True)
class Environment:
    name: str
    namespace: str
    values: tuple[Path, ...]

    def helm_args(self) -> list[str]:
        args = ["--namespace", self.namespace]
        for path in self.values:
            args += ["--values", str(path)]
        return args


def _cloud(cloud: str, stage: str) -> Environment:
    return Environment(
        f"{cloud}-{stage}",
        f"todo-{stage}",
        (CHART / f"values-{cloud}.yaml", CHART / f"values-{stage}.yaml", FIXTURES / f"{cloud}-outputs.yaml"),
    )


ENVIRONMENTS: dict[str, Environment] = {
    env.name: env
    for env in (
        Environment("minikube", "todo-minikube", (CHART / "values-minikube.yaml",)),
        _cloud("aks", "staging"),
        _cloud("aks", "prod"),
        _cloud("gke", "staging"),
        _cloud("gke", "prod"),
    )
}


def helm(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([helm_bin(), *args], capture_output=True, text=True, check=False)


def template(env: Environment, *extra: str) -> str:
    """`helm template` of the chart for one environment; raises with helm's message."""
    done = helm("template", RELEASE, str(CHART), *env.helm_args(), *extra)
    if done.returncode != 0:
        raise AssertionError(f"helm template ({env.name}) failed:\n{done.stderr}")
    return done.stdout


def parse(manifest: str) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(manifest) if doc]


def render(
    env: Environment,
    *,
    prometheus_operator: bool = True,
    out_dir: Path | None = None,
    extra: tuple[str, ...] = (),
) -> list[dict[str, Any]]:
    """Every object the release creates (plus its Namespace, as deploy.sh applies it).
    With prometheus_operator, the cluster is said to serve monitoring.coreos.com/v1."""
    args = ["--set", "namespace.create=true", *extra]
    if prometheus_operator:
        args += ["--api-versions", "monitoring.coreos.com/v1"]
    manifest = template(env, *args)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / f"{env.name}.yaml").write_text(manifest)
    return parse(manifest)


def load_yaml_docs(*paths: Path) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for path in paths:
        docs += [doc for doc in yaml.safe_load_all(path.read_text()) if doc]
    return docs


def by_kind(docs: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {d["metadata"]["name"]: d for d in docs if d.get("kind") == kind}


def pod_spec(doc: dict[str, Any]) -> dict[str, Any] | None:
    """The pod spec of a workload object, None for anything else."""
    kind = doc.get("kind")
    if kind in {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"}:
        return dict(doc["spec"]["template"]["spec"])
    if kind == "CronJob":
        return dict(doc["spec"]["jobTemplate"]["spec"]["template"]["spec"])
    if kind == "Pod":
        return dict(doc["spec"])
    return None


def pod_annotations(doc: dict[str, Any]) -> dict[str, str]:
    if doc.get("kind") == "Pod":
        return dict(doc["metadata"].get("annotations") or {})
    if doc.get("kind") == "CronJob":
        return dict(doc["spec"]["jobTemplate"]["spec"]["template"]["metadata"].get("annotations") or {})
    return dict(doc["spec"]["template"].get("metadata", {}).get("annotations") or {})
