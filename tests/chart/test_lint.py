"""helm lint --strict with each environment's values files, and the chart's refusals."""

from __future__ import annotations

import pytest
from chartlib import CHART, ENVIRONMENTS, Environment, helm, template


@pytest.mark.parametrize("name", sorted(ENVIRONMENTS))
def test_helm_lint_strict(name: str) -> None:
    env = ENVIRONMENTS[name]
    done = helm("lint", "--strict", str(CHART), *env.helm_args())
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 chart(s) failed" in done.stdout


def _refused(env: Environment, *args: str) -> str:
    with pytest.raises(AssertionError) as failure:
        template(env, *args)
    return str(failure.value)


def test_image_tag_latest_is_refused() -> None:
    message = _refused(ENVIRONMENTS["minikube"], "--set", "global.image.tag=latest")
    assert "pinned version" in message


def test_values_for_another_namespace_are_refused() -> None:
    prod = ENVIRONMENTS["aks-prod"]
    wrong = Environment("aks-prod-in-staging", "todo-staging", prod.values)
    assert 'not "todo-staging"' in _refused(wrong)


def test_cloud_values_need_the_terraform_outputs() -> None:
    aks = ENVIRONMENTS["aks-staging"]
    without_outputs = Environment("aks-bare", aks.namespace, aks.values[:-1])
    assert "is required" in _refused(without_outputs)


def test_secret_store_must_match_the_cloud() -> None:
    message = _refused(ENVIRONMENTS["gke-prod"], "--set", "dapr.secretStore.type=kubernetes")
    assert "expects dapr.secretStore.type gcp.secretmanager" in message
