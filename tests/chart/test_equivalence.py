"""The local Dapr resources (components/, components-pubsub/kafka/, config/, dapr.yaml)
and the chart's rendered ones stay equivalent in every environment: the same component
names, type families and scopes, the same secret references, the same subscriptions
(routes, dead letters, scopes), the same resiliency, and per app the same secret scope
and the same access control (caller -> operations)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from chartlib import ENVIRONMENTS, ROOT, by_kind, load_yaml_docs, pod_annotations, render

LOCAL_COMPONENTS = [
    *sorted((ROOT / "components").glob("*.yaml")),
    ROOT / "components-pubsub/kafka/pubsub.yaml",
]
LOCAL_CONFIGS = [p for p in sorted((ROOT / "config").glob("*.yaml")) if p.name != "sentry.yaml"]


@pytest.fixture(scope="module")
def local() -> list[dict[str, Any]]:
    return load_yaml_docs(*LOCAL_COMPONENTS, *LOCAL_CONFIGS)


@pytest.fixture(scope="module")
def local_apps() -> dict[str, dict[str, Any]]:
    apps = yaml.safe_load((ROOT / "dapr.yaml").read_text())["apps"]
    return {a["appID"]: a for a in apps}


def _family(component_type: str) -> str:
    return component_type.split(".")[0]


def _secret_refs(component: dict[str, Any]) -> dict[str, tuple[str, str]]:
    return {
        m["name"]: (m["secretKeyRef"]["name"], m["secretKeyRef"]["key"])
        for m in component["spec"].get("metadata") or []
        if "secretKeyRef" in m
    }


def _metadata(component: dict[str, Any]) -> dict[str, Any]:
    return {m["name"]: m.get("value") for m in component["spec"].get("metadata") or [] if "value" in m}


def test_components(local: list[dict[str, Any]], env_docs: list[dict[str, Any]]) -> None:
    mine, theirs = by_kind(local, "Component"), by_kind(env_docs, "Component")
    assert sorted(theirs) == sorted(mine)
    for name, component in mine.items():
        chart = theirs[name]
        assert _family(chart["spec"]["type"]) == _family(component["spec"]["type"]), name
        if _family(component["spec"]["type"]) != "secretstores":
            # Only the secret store changes its kind per cloud; the rest are the same component.
            assert chart["spec"]["type"] == component["spec"]["type"], name
        assert chart.get("scopes") == component.get("scopes"), name
        # The secret store resolving the component's secretKeyRefs: the same one (the
        # managed Kafka's credentials add one where the local broker has none).
        assert chart.get("auth") == (
            component.get("auth") or (chart.get("auth") and {"secretStore": "secretstore"})
        )
        # Every secret the local component reads, the chart's reads under the same name.
        assert _secret_refs(component).items() <= _secret_refs(chart).items(), name


def test_component_settings_that_must_not_drift(
    local: list[dict[str, Any]], env_docs: list[dict[str, Any]]
) -> None:
    mine, theirs = by_kind(local, "Component"), by_kind(env_docs, "Component")
    for name in ("statestore", "reminder-cron"):
        local_meta, chart_meta = _metadata(mine[name]), _metadata(theirs[name])
        local_meta.pop("schedule", None)  # the cron runs every 30 s locally, every 5 min in the cluster
        assert local_meta.items() <= chart_meta.items(), name
    assert _metadata(theirs["reminder-cron"])["schedule"] == "@every 5m"
    pubsub = _metadata(theirs["pubsub"])
    for key in ("consumerGroup", "clientID", "initialOffset"):
        assert pubsub[key] == _metadata(mine["pubsub"])[key]


def _seconds(schedule: str) -> int:
    """'@every 30s' / '@every 5m' -> seconds."""
    every = schedule.removeprefix("@every ")
    return int(every[:-1]) * {"s": 1, "m": 60, "h": 3600}[every[-1]]


def test_reminder_wakes_look_past_the_next_cron_tick(env_docs: list[dict[str, Any]]) -> None:
    """notification-service plans a wake job for each reminder due before the next tick
    (wakes.py): in the cluster its lookahead must cover the cron period, or a reminder falls
    between two plans and comes a period late (locally: its test_wakes.py)."""
    period = _seconds(_metadata(by_kind(env_docs, "Component")["reminder-cron"])["schedule"])
    pod = by_kind(env_docs, "Deployment")["notification-service"]["spec"]["template"]["spec"]
    env = {e["name"]: e.get("value") for c in pod["containers"] for e in c.get("env") or []}
    assert int(env["REMINDER_LOOKAHEAD_SECONDS"]) > period


def _subscription(doc: dict[str, Any]) -> tuple[Any, ...]:
    spec = doc["spec"]
    rules = tuple((r["match"], r["path"]) for r in spec["routes"].get("rules") or [])
    return (
        doc["apiVersion"],
        spec["pubsubname"],
        spec["topic"],
        rules,
        spec["routes"].get("default"),
        spec.get("deadLetterTopic"),
        spec.get("metadata") or {},
        tuple(doc.get("scopes") or []),
    )


def test_subscriptions(local: list[dict[str, Any]], env_docs: list[dict[str, Any]]) -> None:
    mine, theirs = by_kind(local, "Subscription"), by_kind(env_docs, "Subscription")
    assert {n: _subscription(d) for n, d in theirs.items()} == {n: _subscription(d) for n, d in mine.items()}


def test_resiliency(local: list[dict[str, Any]], env_docs: list[dict[str, Any]]) -> None:
    (mine,), (theirs,) = by_kind(local, "Resiliency").values(), by_kind(env_docs, "Resiliency").values()
    assert theirs["metadata"]["name"] == mine["metadata"]["name"]
    assert theirs["spec"] == mine["spec"]
    assert theirs.get("scopes") == mine.get("scopes")


def _acl(config: dict[str, Any]) -> dict[str, Any]:
    acl = config["spec"]["accessControl"]
    return {
        "defaultAction": acl["defaultAction"],
        "policies": {
            p["appId"]: (
                p["defaultAction"],
                sorted((o["name"], tuple(o["httpVerb"]), o["action"]) for o in p["operations"]),
            )
            for p in acl.get("policies") or []
        },
    }


def _secret_scopes(config: dict[str, Any]) -> list[tuple[str, str, list[str]]]:
    return sorted(
        (s["storeName"], s["defaultAccess"], sorted(s.get("allowedSecrets") or []))
        for s in config["spec"]["secrets"]["scopes"]
    )


def test_configurations(local: list[dict[str, Any]], env_docs: list[dict[str, Any]]) -> None:
    mine, theirs = by_kind(local, "Configuration"), by_kind(env_docs, "Configuration")
    assert sorted(theirs) == sorted(mine)
    namespace = next(iter(by_kind(env_docs, "Namespace")))
    for name, config in mine.items():
        chart = theirs[name]
        assert _acl(chart) == _acl(config), name
        assert _secret_scopes(chart) == _secret_scopes(config), name
        assert chart["spec"]["mtls"]["enabled"] == config["spec"]["mtls"]["enabled"] is True
        assert chart["spec"]["metric"] == config["spec"]["metric"]
        # Identities are namespaced in the cluster: every policy names this release's namespace
        # and the configured trust domain.
        trust = chart["spec"]["accessControl"]["trustDomain"]
        for policy in chart["spec"]["accessControl"]["policies"]:
            assert (policy["namespace"], policy["trustDomain"]) == (namespace, trust)


def test_apps_match_the_multi_app_run_file(
    local_apps: dict[str, dict[str, Any]], env_docs: list[dict[str, Any]]
) -> None:
    deployments = by_kind(env_docs, "Deployment")
    configs = by_kind(env_docs, "Configuration")
    common = yaml.safe_load((ROOT / "dapr.yaml").read_text())["common"]
    assert sorted(deployments) == sorted(local_apps)
    for name, app in local_apps.items():
        annotations = pod_annotations(deployments[name])
        assert annotations["dapr.io/app-id"] == name
        assert annotations["dapr.io/app-port"] == str(app["appPort"])
        assert annotations["dapr.io/config"] in configs
        assert annotations["dapr.io/app-health-check-path"] in {
            app.get("appHealthCheckPath", "/health"),
            "/healthz",
        }
        # The sidecar probes its app as locally: how often, how long it waits (a saturated
        # app answers late but works) and how many failures take it out of service.
        for key, annotation in (
            ("appHealthProbeInterval", "app-health-probe-interval"),
            ("appHealthProbeTimeout", "app-health-probe-timeout"),
            ("appHealthThreshold", "app-health-threshold"),
        ):
            assert annotations[f"dapr.io/{annotation}"] == str(app.get(key, common[key])), (name, key)


def test_optional_reminder_outbound_matches_components_optional() -> None:
    (optional,) = load_yaml_docs(ROOT / "components-optional/reminder-outbound.yaml")
    docs = render(ENVIRONMENTS["aks-prod"], extra=("--set", "dapr.reminderOutbound.enabled=true"))
    chart = by_kind(docs, "Component")[optional["metadata"]["name"]]
    assert chart["spec"]["type"] == optional["spec"]["type"]
    assert _secret_refs(chart) == _secret_refs(optional)
    assert _metadata(chart) == _metadata(optional)
    assert (chart["auth"], chart["scopes"]) == (optional["auth"], optional["scopes"])
    assert "reminder-outbound" not in by_kind(render(ENVIRONMENTS["aks-prod"]), "Component")
