"""Offline checks of infra/terraform/{aks,gke}.

`terraform validate` needs the providers, which `terraform init` downloads from the
Terraform registry: not reachable here. What runs offline: `terraform fmt -check` (when
terraform is installed), HCL parsing, every var./local./resource/data reference resolving
to a declaration, the secret names agreeing with the local store and the chart, and the
`chart_values` output carrying what the chart needs from each cloud.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from typing import Any

import hcl2
import pytest
import yaml
from chartlib import CHART, FIXTURES, ROOT

TERRAFORM = ROOT / "infra" / "terraform"
CLOUDS = ("aks", "gke")
REF = re.compile(
    r"(?<![\w.])(?:(var|local)\.([A-Za-z_][\w-]*)|data\.(\w+)\.(\w+)|((?:azurerm|google|random|helm)_\w+)\.(\w+))"
)


def _unquote(key: str) -> str:
    return key.strip('"')


def _module(cloud: str) -> dict[str, Any]:
    merged: dict[str, list[Any]] = {}
    for path in sorted((TERRAFORM / cloud).glob("*.tf")):
        with path.open() as f:
            for key, blocks in hcl2.load(f).items():
                if isinstance(blocks, list):
                    merged.setdefault(key, []).extend(blocks)
    return merged


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in _strings(k) + _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def test_terraform_fmt() -> None:
    terraform = shutil.which("terraform")
    if terraform is None:
        pytest.fail("terraform is not installed: this machine kind ships it in /usr/local/bin")
    done = subprocess.run(
        [terraform, "fmt", "-check", "-recursive", str(TERRAFORM)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"not terraform-fmt formatted:\n{done.stdout}"


@pytest.mark.parametrize("cloud", CLOUDS)
def test_every_reference_resolves(cloud: str) -> None:
    module = _module(cloud)
    declared = {
        "var": {_unquote(k) for block in module.get("variable", []) for k in block},
        "local": {k for block in module.get("locals", []) for k in block if not k.startswith("__")},
        "data": {
            (_unquote(t), _unquote(n))
            for block in module.get("data", [])
            for t, v in block.items()
            for n in v
        },
        "resource": {
            (_unquote(t), _unquote(n))
            for block in module.get("resource", [])
            for t, v in block.items()
            for n in v
        },
    }
    unresolved: set[str] = set()
    for text in _strings({k: v for k, v in module.items() if k != "__comments__"}):
        for m in REF.finditer(text):
            kind, name, data_type, data_name, res_type, res_name = m.groups()
            if kind and name not in declared[kind]:
                unresolved.add(f"{kind}.{name}")
            if data_type and (data_type, data_name) not in declared["data"]:
                unresolved.add(f"data.{data_type}.{data_name}")
            if res_type and (res_type, res_name) not in declared["resource"]:
                unresolved.add(f"{res_type}.{res_name}")
    assert unresolved == set()
    assert declared["resource"], "no resources parsed"


def _terraform_secret_names(cloud: str) -> set[str]:
    text = (TERRAFORM / cloud / "main.tf").read_text()
    block = text[text.index("secret_names = concat(") :]
    block = block[: block.index("\n  )")]
    return set(re.findall(r'"([a-z0-9-]+)"', block))


def _local_secret_names() -> set[str]:
    # The names scripts/secrets.sh writes into .run/secrets.json (the local store).
    text = (ROOT / "scripts" / "secrets.sh").read_text()
    return set(re.findall(r'^\s*"([a-z0-9-]+)":', text, re.MULTILINE))


@pytest.mark.parametrize("cloud", CLOUDS)
def test_secret_names_match_the_local_store_and_the_chart(cloud: str) -> None:
    values = yaml.safe_load((CHART / "values.yaml").read_text())
    kafka = values["dapr"]["pubsub"]["kafka"]["auth"]
    cloud_names = _terraform_secret_names(cloud)
    local = _local_secret_names() - {"postgres-password"}  # the local server's own password
    assert local, "no secret names found in scripts/secrets.sh"
    assert cloud_names == local | {kafka["usernameSecret"], kafka["passwordSecret"]}
    assert set(values["dapr"]["secretStore"]["secretNames"]) <= cloud_names


def _leaf_keys(node: Any) -> set[str]:
    if isinstance(node, dict):
        return {k for k, v in node.items() if not isinstance(v, dict | list)} | {
            leaf for v in node.values() for leaf in _leaf_keys(v)
        }
    if isinstance(node, list):
        return {leaf for v in node for leaf in _leaf_keys(v)}
    return set()


@pytest.mark.parametrize("cloud", CLOUDS)
def test_chart_values_output_has_what_the_fixture_has(cloud: str) -> None:
    outputs = {_unquote(k): v for block in _module(cloud)["output"] for k, v in block.items()}
    expression = outputs["chart_values"]["value"]
    fixture = yaml.safe_load((FIXTURES / f"{cloud}-outputs.yaml").read_text())
    fixture["global"]["image"].pop("tag")  # deploy.sh sets the tag
    missing = {
        key
        for key in _leaf_keys(fixture)
        if not re.search(rf'(?<![\w"]){re.escape(key)}\s*=|"{re.escape(key)}"\s*=', expression)
    }
    assert missing == set()


def test_azure_allow_lists_every_extension_the_migrations_create() -> None:
    """Azure Flexible Server refuses CREATE EXTENSION for anything not in its
    azure.extensions parameter: every extension a migration creates must be listed."""
    created = {
        name.upper()
        for path in (ROOT / "services").glob("*/*/alembic/versions/*.py")
        for name in re.findall(r"CREATE EXTENSION IF NOT EXISTS (\w+)", path.read_text())
    }
    assert {"PG_TRGM", "BTREE_GIN"} <= created
    configs = [
        _unquote(body["value"])
        for block in _module("aks").get("resource", [])
        for kind, resources in block.items()
        if _unquote(kind) == "azurerm_postgresql_flexible_server_configuration"
        for body in resources.values()
        if _unquote(body.get("name", "")) == "azure.extensions"
    ]
    assert len(configs) == 1, "no azure.extensions configuration for the flexible server"
    assert set(configs[0].split(",")) >= created
