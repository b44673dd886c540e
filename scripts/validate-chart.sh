#!/usr/bin/env bash
# Offline validation of the Helm chart (helm/todo-platform), for `make test`:
#   helm lint --strict and helm template for every environment (minikube; staging and prod
#   on AKS and GKE), every rendered object against its schema (Kubernetes: the schemas the
#   kubernetes-validate package ships; Dapr: made from the pinned Dapr release's CRDs;
#   prometheus-operator: the validators @kubernetes-models/prometheus-operator ships), the
#   policy (probes, limits, securityContext, pinned images, no plaintext secrets) and the
#   equivalence of the chart's Dapr resources with components/ and config/.
# Installs what is missing first, each cached outside the checkout and keyed by version:
#   helm (built from its Go module)     ~/.cache/todo-platform/bin/helm
#   the checks' Python env (uv)         ~/.cache/todo-platform/chart-venv/<hash>
#   the prometheus-operator validators  ~/.cache/todo-platform/chart-node (npm ci)
# Extra arguments go to pytest (e.g. -k equivalence). Rendered manifests: .run/chart/.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
need uv "scripts/setup-python.sh installs it"
need node "install Node.js 20"
need npm "install npm"

HELM="$("$ROOT/scripts/setup-helm.sh")"
export HELM

reqs="$ROOT/tests/chart/requirements.txt"
venv="$CACHE_DIR/chart-venv/$(sha256sum "$reqs" | cut -c1-16)"
if [ ! -x "$venv/bin/pytest" ]; then
  say "installing the chart checks' Python packages (kubernetes-validate ships the schemas)"
  log="$LOG_DIR/chart-venv.log"
  rm -rf "$CACHE_DIR/chart-venv" # older versions of it
  { uv venv -q -p 3.11 "$venv" && uv pip install -q -p "$venv/bin/python" -r "$reqs"; } >"$log" 2>&1 ||
    { rm -rf "$venv"; die "could not install tests/chart/requirements.txt" "$log"; }
fi

models="$CACHE_DIR/chart-node"
lock_hash="$(sha256sum "$ROOT/tests/chart/node/package-lock.json" | cut -d' ' -f1)"
if [ "$(cat "$models/.lock-hash" 2>/dev/null)" != "$lock_hash" ]; then
  say "installing the prometheus-operator validators (npm ci)"
  log="$LOG_DIR/chart-node.log"
  rm -rf "$models" && mkdir -p "$models"
  cp "$ROOT/tests/chart/node/package.json" "$ROOT/tests/chart/node/package-lock.json" "$models/"
  (cd "$models" && npm ci --no-audit --no-fund --loglevel=error) >"$log" 2>&1 || die "npm ci failed" "$log"
  echo "$lock_hash" >"$models/.lock-hash"
fi
export CHART_NODE_MODELS="$models"
export CHART_RENDER_DIR="$RUN_DIR/chart"

cd "$ROOT"
say "chart: $("$HELM" version --short), lint, render, schemas, policy, equivalence"
exec "$venv/bin/pytest" -c tests/chart/pytest.ini -q tests/chart "$@"
