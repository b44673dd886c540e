"""The chart's policy: what every rendered object must satisfy beyond its schema.

violations(docs) returns one line per breach (empty: compliant). It checks workloads for
probes, resource requests and limits, PodSecurity "restricted" settings (non-root,
read-only root FS with a writable /tmp, no privilege escalation, all capabilities
dropped, seccomp RuntimeDefault), pinned image tags, the Dapr sidecar annotations; and
that no Secret or Dapr component carries a plaintext secret value.
"""

from __future__ import annotations

import re
from typing import Any

from chartlib import pod_annotations, pod_spec

# Dapr annotations every app pod needs (sidecar identity, config, logs, tokens, sizes).
REQUIRED_DAPR_ANNOTATIONS = (
    "dapr.io/enabled",
    "dapr.io/app-id",
    "dapr.io/app-port",
    "dapr.io/config",
    "dapr.io/log-as-json",
    "dapr.io/api-token-secret",
    "dapr.io/app-token-secret",
    "dapr.io/sidecar-cpu-request",
    "dapr.io/sidecar-cpu-limit",
    "dapr.io/sidecar-memory-request",
    "dapr.io/sidecar-memory-limit",
)
# Component metadata whose value is a credential: it must come by secretKeyRef.
SECRET_FIELD = re.compile(
    r"(password|passwd|secret|token|connectionstring|accesskey|apikey|api_key|privatekey|private_key"
    r"|credentials?|saslusername|clientkey)$",
    re.IGNORECASE,
)
# A URL carrying a password: scheme://user:password@host
URL_WITH_PASSWORD = re.compile(r"[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@", re.IGNORECASE)
# Pinned: name:tag (not latest) or name@sha256:digest.
IMAGE = re.compile(r"^(?P<name>[^@\s]+?)(:(?P<tag>[\w][\w.-]{0,127}))?(@sha256:[0-9a-f]{64})?$")
ALLOWED_CAPABILITIES = {"NET_BIND_SERVICE"}


def _where(doc: dict[str, Any]) -> str:
    return f"{doc.get('kind')}/{doc.get('metadata', {}).get('name')}"


def image_problem(image: str) -> str | None:
    match = IMAGE.match(image or "")
    if not match:
        return f"image {image!r} is not a valid reference"
    if "@sha256:" in image:
        return None
    tag = match.group("tag")
    # A registry port (host:5000/name) is not a tag: the tag follows the last slash.
    if tag is None or "/" in tag:
        return f"image {image!r} has no pinned tag"
    if tag == "latest":
        return f"image {image!r} uses the tag latest"
    return None


def _container_violations(
    where: str, pod: dict[str, Any], c: dict[str, Any], init: bool, read_only_root: bool
) -> list[str]:
    name = f"{where} container {c.get('name')}"
    out: list[str] = []
    problem = image_problem(c.get("image", ""))
    if problem:
        out.append(f"{name}: {problem}")
    if not init:
        for probe in ("livenessProbe", "readinessProbe"):
            if not c.get(probe):
                out.append(f"{name}: no {probe}")
    resources = c.get("resources") or {}
    for section in ("requests", "limits"):
        for resource in ("cpu", "memory"):
            if not (resources.get(section) or {}).get(resource):
                out.append(f"{name}: no resources.{section}.{resource}")
    pod_sc = pod.get("securityContext") or {}
    sc = c.get("securityContext") or {}
    if sc.get("runAsNonRoot", pod_sc.get("runAsNonRoot")) is not True:
        out.append(f"{name}: runAsNonRoot is not true")
    if sc.get("runAsUser", pod_sc.get("runAsUser")) == 0:
        out.append(f"{name}: runs as UID 0")
    if sc.get("allowPrivilegeEscalation") is not False:
        out.append(f"{name}: allowPrivilegeEscalation is not false")
    if read_only_root and sc.get("readOnlyRootFilesystem") is not True:
        out.append(f"{name}: readOnlyRootFilesystem is not true")
    if sc.get("privileged"):
        out.append(f"{name}: privileged")
    capabilities = sc.get("capabilities") or {}
    if "ALL" not in (capabilities.get("drop") or []):
        out.append(f"{name}: capabilities do not drop ALL")
    added = set(capabilities.get("add") or []) - ALLOWED_CAPABILITIES
    if added:
        out.append(f"{name}: adds capabilities {sorted(added)}")
    seccomp = (sc.get("seccompProfile") or pod_sc.get("seccompProfile") or {}).get("type")
    if seccomp not in {"RuntimeDefault", "Localhost"}:
        out.append(f"{name}: seccompProfile is {seccomp!r}, not RuntimeDefault")
    if sc.get("readOnlyRootFilesystem") is True:
        mounts = {m.get("mountPath") for m in c.get("volumeMounts") or []}
        if "/tmp" not in mounts:
            out.append(f"{name}: read-only root FS without a writable /tmp mount")
    return out


def workload_violations(doc: dict[str, Any], read_only_root: bool = True) -> list[str]:
    pod = pod_spec(doc)
    if pod is None:
        return []
    where = _where(doc)
    out: list[str] = []
    for flag in ("hostNetwork", "hostPID", "hostIPC"):
        if pod.get(flag):
            out.append(f"{where}: {flag}")
    for volume in pod.get("volumes") or []:
        if "hostPath" in volume:
            out.append(f"{where}: hostPath volume {volume.get('name')}")
    for c in pod.get("initContainers") or []:
        out += _container_violations(where, pod, c, init=True, read_only_root=read_only_root)
    for c in pod.get("containers") or []:
        out += _container_violations(where, pod, c, init=False, read_only_root=read_only_root)
    annotations = pod_annotations(doc)
    if annotations.get("dapr.io/enabled") == "true":
        for key in REQUIRED_DAPR_ANNOTATIONS:
            if not annotations.get(key):
                out.append(f"{where}: no {key} annotation")
        if annotations.get("dapr.io/log-as-json") != "true":
            out.append(f"{where}: dapr.io/log-as-json is not true")
    return out


def secret_violations(doc: dict[str, Any]) -> list[str]:
    where = _where(doc)
    out: list[str] = []
    if doc.get("kind") == "Secret":
        for section in ("data", "stringData"):
            for key, value in (doc.get(section) or {}).items():
                if value not in (None, ""):
                    out.append(f"{where}: plaintext secret value in {section}.{key}")
    if doc.get("kind") == "Component" and str(doc.get("apiVersion", "")).startswith("dapr.io/"):
        for item in (doc.get("spec") or {}).get("metadata") or []:
            value = item.get("value")
            if value in (None, ""):
                continue
            if SECRET_FIELD.search(str(item.get("name", ""))):
                out.append(f"{where}: metadata {item.get('name')} has a plaintext value (use secretKeyRef)")
            elif URL_WITH_PASSWORD.search(str(value)):
                out.append(f"{where}: metadata {item.get('name')} holds a URL with a password")
    if doc.get("kind") in {"ConfigMap"}:
        for key, value in (doc.get("data") or {}).items():
            if URL_WITH_PASSWORD.search(str(value)):
                out.append(f"{where}: data.{key} holds a URL with a password")
    return out


def env_violations(doc: dict[str, Any]) -> list[str]:
    """Credentials in plain env values of a workload (they belong in a secretKeyRef)."""
    pod = pod_spec(doc)
    if pod is None:
        return []
    out: list[str] = []
    for c in (pod.get("containers") or []) + (pod.get("initContainers") or []):
        for env in c.get("env") or []:
            value = env.get("value")
            if value in (None, ""):
                continue
            if SECRET_FIELD.search(env.get("name", "")) or URL_WITH_PASSWORD.search(str(value)):
                out.append(
                    f"{_where(doc)} container {c.get('name')}: env {env['name']} has a plaintext value"
                )
    return out


def violations(docs: list[dict[str, Any]], read_only_root: bool = True) -> list[str]:
    """read_only_root=False: PodSecurity "restricted" alone (it does not ask for a read-only
    root filesystem), for third-party images that write into theirs (the dev Kafka)."""
    out: list[str] = []
    for doc in docs:
        out += workload_violations(doc, read_only_root)
        out += secret_violations(doc)
        out += env_violations(doc)
    return out
