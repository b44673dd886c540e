"""Schema validation of rendered objects, offline (see test_schemas.py for the sources)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
from chartlib import CACHE

KUBE_VERSIONS = os.environ.get("CHART_KUBE_VERSIONS", "1.30 1.37").split()
NODE_DIR = Path(__file__).resolve().parent / "node"
MODELS_DIR = Path(os.environ.get("CHART_NODE_MODELS", CACHE / "chart-node"))


def kube_errors(doc: dict[str, Any], version: str) -> list[str]:
    try:
        kubernetes_validate.validate(doc, version, strict=True)
    except kubernetes_validate.ValidationError as e:
        return [f"{'.'.join(str(p) for p in e.path)}: {e.message}"]
    except kubernetes_validate.SchemaNotFoundError:
        return [f"no Kubernetes {version} schema for {doc['apiVersion']} {doc['kind']}"]
    return []


def dapr_errors(doc: dict[str, Any], schemas: dict[tuple[str, str], Any]) -> list[str]:
    schema = schemas.get((doc["apiVersion"], doc["kind"]))
    if schema is None:
        return [f"no Dapr CRD schema for {doc['apiVersion']} {doc['kind']}"]
    validator = jsonschema.Draft7Validator(schema)
    return [f"{'.'.join(str(p) for p in e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]


def monitoring_errors(docs: list[dict[str, Any]]) -> list[str]:
    if not docs:
        return []
    node = shutil.which("node")
    assert node, "node is needed to validate the prometheus-operator objects"
    assert (MODELS_DIR / "node_modules").is_dir(), (
        f"{MODELS_DIR}/node_modules is missing: scripts/validate-chart.sh installs it"
    )
    done = subprocess.run(
        [node, str(NODE_DIR / "validate-monitoring.mjs"), str(MODELS_DIR)],
        input=json.dumps(docs),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return [line for line in (done.stdout + done.stderr).splitlines() if "validated" not in line]
    return []


def schema_errors(docs: list[dict[str, Any]], schemas: dict[tuple[str, str], Any]) -> list[str]:
    errors: list[str] = []
    monitoring: list[dict[str, Any]] = []
    for doc in docs:
        where = f"{doc['kind']}/{doc['metadata']['name']}"
        group = doc["apiVersion"].split("/")[0] if "/" in doc["apiVersion"] else ""
        if group == "dapr.io":
            errors += [f"{where}: {e}" for e in dapr_errors(doc, schemas)]
        elif group == "monitoring.coreos.com":
            monitoring.append(doc)
        else:
            for version in KUBE_VERSIONS:
                errors += [f"{where} (k8s {version}): {e}" for e in kube_errors(doc, version)]
    return errors + monitoring_errors(monitoring)
