"""JSON schemas for the Dapr resources, made from the CRDs the Dapr release ships.

The CRD YAMLs come from the dapr Go module of the pinned version (versions.env), the one
scripts/setup-dapr.sh builds daprd from: $(go env GOMODCACHE)/github.com/dapr/dapr@v<V>/
charts/dapr/crds/*.yaml. Each served version's openAPIV3Schema becomes a JSON schema:

- strict like `kubectl apply --validate=strict`: an object that lists its properties
  refuses others (additionalProperties: false) unless it says
  x-kubernetes-preserve-unknown-fields;
- x-kubernetes-int-or-string becomes integer-or-string, nullable adds null;
- apiVersion and kind are pinned to the CRD's group/version and kind.

Usage: python dapr_crd_schemas.py OUT_DIR  (writes <kind>-<version>.json; prints the paths)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]

# Keys of OpenAPI v3 schemas that mean the same in JSON Schema.
_KEEP = (
    "type",
    "required",
    "enum",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "uniqueItems",
    "pattern",
    "minProperties",
    "maxProperties",
)


def dapr_version() -> str:
    for line in (ROOT / "versions.env").read_text().splitlines():
        if line.startswith("DAPR_VERSION="):
            return line.split("=", 1)[1].strip()
    raise RuntimeError("DAPR_VERSION missing from versions.env")


def crd_dir(version: str | None = None) -> Path:
    """The CRDs of the pinned Dapr release in the Go module cache (downloaded if missing)."""
    version = version or dapr_version()
    modcache = (
        os.environ.get("GOMODCACHE")
        or subprocess.run(
            ["go", "env", "GOMODCACHE"], check=True, capture_output=True, text=True
        ).stdout.strip()
    )
    path = Path(modcache) / f"github.com/dapr/dapr@v{version}/charts/dapr/crds"
    if not path.is_dir():
        subprocess.run(
            ["go", "mod", "download", f"github.com/dapr/dapr@v{version}"],
            check=True,
            env={**os.environ, "GOFLAGS": "-mod=mod"},
        )
    return path


def convert(node: dict[str, Any]) -> dict[str, Any]:
    """One OpenAPI v3 (structural) schema node as a strict JSON schema node."""
    out: dict[str, Any] = {k: node[k] for k in _KEEP if k in node}
    if node.get("x-kubernetes-int-or-string"):
        out.pop("type", None)
        out["anyOf"] = [{"type": "integer"}, {"type": "string"}]
    if node.get("nullable") and "type" in out:
        out["type"] = [out["type"], "null"]
    if "properties" in node:
        out["properties"] = {k: convert(v) for k, v in node["properties"].items()}
    if "items" in node:
        out["items"] = convert(node["items"])
    for key in ("allOf", "anyOf", "oneOf"):
        if key in node:
            out[key] = [convert(n) for n in node[key]]
    additional = node.get("additionalProperties")
    if isinstance(additional, dict):
        out["additionalProperties"] = convert(additional)
    elif isinstance(additional, bool):
        out["additionalProperties"] = additional
    elif "properties" in node and not node.get("x-kubernetes-preserve-unknown-fields"):
        out["additionalProperties"] = False
    return out


def schemas_from_crd(crd: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """{(apiVersion, kind): JSON schema} for every served version of one CRD."""
    group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for version in crd["spec"]["versions"]:
        if not version.get("served", True):
            continue
        api_version = f"{group}/{version['name']}"
        schema = convert(version["schema"]["openAPIV3Schema"])
        schema.setdefault("properties", {})
        schema["properties"]["apiVersion"] = {"type": "string", "enum": [api_version]}
        schema["properties"]["kind"] = {"type": "string", "enum": [kind]}
        schema["properties"]["metadata"] = {"type": "object"}
        schema["required"] = sorted({*schema.get("required", []), "apiVersion", "kind", "metadata"})
        schema["$schema"] = "http://json-schema.org/draft-07/schema#"
        schema["title"] = f"{kind} {api_version} (from the Dapr CRD)"
        found[(api_version, kind)] = schema
    return found


def load_schemas(directory: Path | None = None) -> dict[tuple[str, str], dict[str, Any]]:
    schemas: dict[tuple[str, str], dict[str, Any]] = {}
    for path in sorted((directory or crd_dir()).glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            if doc and doc.get("kind") == "CustomResourceDefinition":
                schemas.update(schemas_from_crd(doc))
    if not schemas:
        raise RuntimeError(f"no CRDs found in {directory}")
    return schemas


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for (api_version, kind), schema in sorted(load_schemas().items()):
        path = out / f"{kind.lower()}-{api_version.split('/')[1]}.json"
        path.write_text(json.dumps(schema, indent=1, sort_keys=True) + "\n")
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
