#!/usr/bin/env bash
# Deploys the platform to a Kubernetes cluster with Helm (`make deploy ENV=...`):
#   ENV=minikube                      namespace todo-minikube, dev Kafka + PostgreSQL in todo-deps
#   ENV=aks STAGE=staging|prod        namespace todo-<stage>, after `terraform apply` in infra/terraform/aks
#   ENV=gke STAGE=staging|prod        namespace todo-<stage>, after `terraform apply` in infra/terraform/gke
# kubectl must point at the cluster (KUBE_CONTEXT=<context> to pick one). Steps:
#   1. prerequisites: Dapr's control plane (minikube: its Helm chart; AKS: the cluster
#      extension and GKE: the Helm release, both from Terraform, only checked here),
#      cert-manager (Helm) and its ClusterIssuer, on minikube the ingress add-on and the
#      dev Kafka + PostgreSQL (helm/todo-dev-deps) with their Secrets;
#   2. the namespace with PodSecurity "restricted" (rendered from the chart);
#   3. the API token Secrets (todo-dapr-api-token, todo-app-api-token);
#   4. helm upgrade --install with values.yaml + values-<env>.yaml (+ values-<stage>.yaml and
#      the values Terraform outputs, for the clouds), --wait, rolled back on failure.
# Settings (environment): TAG (image tag, default the chart's appVersion), TF_DIR
# (default infra/terraform/<env>), CHART_VALUES_FILE (the Terraform values, instead of
# running `terraform output`), ACME_EMAIL (Let's Encrypt, clouds), CERT_MANAGER_VERSION,
# DRY_RUN=1 (print what would be applied and render the release; touches no cluster).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ENV="${ENV:-${1:-}}"
STAGE="${STAGE:-staging}"
CHART="$ROOT/helm/todo-platform"
CERT_MANAGER_VERSION="${CERT_MANAGER_VERSION:-v1.19.1}"
DRY_RUN="${DRY_RUN:-}"
TAG="${TAG:-$(awk '/^appVersion:/ {gsub(/"/, "", $2); print $2}' "$CHART/Chart.yaml")}"
RELEASE=todo

case "$ENV" in
  minikube) NAMESPACE=todo-minikube; values=(-f "$CHART/values-minikube.yaml") ;;
  aks | gke)
    case "$STAGE" in staging | prod) ;; *) die "STAGE must be staging or prod, not '$STAGE'" ;; esac
    NAMESPACE="todo-$STAGE"
    values=(-f "$CHART/values-$ENV.yaml" -f "$CHART/values-$STAGE.yaml")
    ;;
  *) die "usage: make deploy ENV=minikube|aks|gke [STAGE=staging|prod] (ENV='$ENV')" ;;
esac
[ "$TAG" != "latest" ] || die "refusing the image tag latest"

HELM="$(command -v helm || "$ROOT/scripts/setup-helm.sh")"
if [ -z "$DRY_RUN" ]; then
  need kubectl "install kubectl (apt-get install kubernetes-client, or your cloud's CLI)"
fi
KUBECTL=(kubectl ${KUBE_CONTEXT:+--context "$KUBE_CONTEXT"})
HELM_CTX=(${KUBE_CONTEXT:+--kube-context "$KUBE_CONTEXT"})
work="$RUN_DIR/deploy/$NAMESPACE"
mkdir -p "$work"

# run CMD...: run it, or with DRY_RUN print it.
run() {
  if [ -n "$DRY_RUN" ]; then printf '[dry-run]'; printf ' %q' "$@"; echo; else "$@"; fi
}
# apply FILE: kubectl apply, or with DRY_RUN show what would be applied.
apply() {
  if [ -n "$DRY_RUN" ]; then echo "[dry-run] kubectl apply -f $1:"; sed 's/^/    /' "$1"; else "${KUBECTL[@]}" apply -f "$1"; fi
}
# secret_from_literal NAMESPACE NAME KEY VALUE [--keep]: create (or with --keep, only when
# missing) a generic Secret; the value never appears on a command line or in a file.
secret_from_literal() {
  local ns="$1" name="$2" key="$3" value="$4"
  if [ "${5:-}" = "--keep" ] && [ -z "$DRY_RUN" ] && "${KUBECTL[@]}" -n "$ns" get secret "$name" >/dev/null 2>&1; then
    return 0
  fi
  if [ -n "$DRY_RUN" ]; then echo "[dry-run] secret $ns/$name (key $key)"; return 0; fi
  # printf, not <<<: a here-string would end the value with a newline.
  printf '%s' "$value" | "${KUBECTL[@]}" -n "$ns" create secret generic "$name" \
    --from-file="$key=/dev/stdin" --dry-run=client -o yaml | "${KUBECTL[@]}" apply -f - >/dev/null
}
random_token() { python3 -c 'import secrets; print(secrets.token_urlsafe(32))'; }

# --- 0. The values Terraform made (clouds) -------------------------------------------------
if [ "$ENV" != minikube ]; then
  tf_dir="${TF_DIR:-$ROOT/infra/terraform/$ENV}"
  if [ -n "${CHART_VALUES_FILE:-}" ]; then
    cp "$CHART_VALUES_FILE" "$work/terraform-values.yaml"
  else
    need terraform "install Terraform 1.6+ (or set CHART_VALUES_FILE)"
    terraform -chdir="$tf_dir" output -raw chart_values >"$work/terraform-values.yaml" ||
      die "no Terraform outputs in $tf_dir: run terraform apply there first (or set CHART_VALUES_FILE)"
  fi
  values+=(-f "$work/terraform-values.yaml")
fi
values+=(--set "global.image.tag=$TAG")

# --- 1. Prerequisites ------------------------------------------------------------------------
say "prerequisites: Dapr $DAPR_VERSION, cert-manager $CERT_MANAGER_VERSION"
if [ "$ENV" = minikube ]; then
  if command -v minikube >/dev/null 2>&1; then run minikube addons enable ingress; fi
  run "$HELM" repo add dapr https://dapr.github.io/helm-charts --force-update
  run "$HELM" "${HELM_CTX[@]}" upgrade --install dapr dapr/dapr --version "$DAPR_VERSION" \
    --namespace dapr-system --create-namespace --wait --timeout 10m \
    --set global.mtls.enabled=true --set dapr_sidecar_injector.sidecarDropALLCapabilities=true
elif [ -z "$DRY_RUN" ]; then
  # AKS: the microsoft.dapr cluster extension; GKE: Terraform's helm_release. Not installed
  # here: a second owner of the same control plane would fight the first.
  if ! "${KUBECTL[@]}" get crd components.dapr.io >/dev/null 2>&1 ||
    ! "${KUBECTL[@]}" -n dapr-system rollout status deploy/dapr-sidecar-injector --timeout=5m >/dev/null; then
    die "Dapr is not installed in this cluster: terraform apply in infra/terraform/$ENV installs it"
  fi
else
  echo "[dry-run] check: Dapr CRDs and dapr-system/dapr-sidecar-injector (installed by Terraform)"
fi
run "$HELM" repo add jetstack https://charts.jetstack.io --force-update
run "$HELM" "${HELM_CTX[@]}" upgrade --install cert-manager jetstack/cert-manager --version "$CERT_MANAGER_VERSION" \
  --namespace cert-manager --create-namespace --set crds.enabled=true --wait --timeout 10m

issuers="$work/cluster-issuers.yaml"
if [ "$ENV" = minikube ]; then
  cat >"$issuers" <<'YAML'
apiVersion: cert-manager.io/v1
kind: ClusterIssuer
metadata:
  name: todo-selfsigned
spec:
  selfSigned: {}
YAML
else
  [ -n "${ACME_EMAIL:-}" ] || [ -n "$DRY_RUN" ] || die "set ACME_EMAIL (Let's Encrypt account e-mail)"
  class="$(awk '/^  className:/ {print $2}' "$CHART/values-$ENV.yaml")"
  : >"$issuers"
  for issuer in letsencrypt-staging:https://acme-staging-v02.api.letsencrypt.org/directory \
    letsencrypt-prod:https://acme-v02.api.letsencrypt.org/directory; do
    cat >>"$issuers" <<YAML
---
apiVersion: cert-manager.io/v1
kind: ClusterIssuer
metadata:
  name: ${issuer%%:*}
spec:
  acme:
    server: ${issuer#*:}
    email: ${ACME_EMAIL:-ops@example.com}
    privateKeySecretRef:
      name: ${issuer%%:*}-account
    solvers:
      - http01:
          ingress:
            ingressClassName: $class
YAML
  done
fi
apply "$issuers"

if [ "$ENV" = minikube ]; then
  say "dev dependencies: Kafka and PostgreSQL in namespace todo-deps"
  deps_pw="$("${KUBECTL[@]}" -n todo-deps get secret postgres -o jsonpath='{.data.password}' 2>/dev/null | base64 -d || true)"
  deps_pw="${deps_pw:-$(random_token)}"
  cat >"$work/todo-deps-namespace.yaml" <<'YAML'
apiVersion: v1
kind: Namespace
metadata:
  name: todo-deps
  labels:
    pod-security.kubernetes.io/enforce: restricted
YAML
  apply "$work/todo-deps-namespace.yaml"
  secret_from_literal todo-deps postgres password "$deps_pw" --keep
  run "$HELM" "${HELM_CTX[@]}" upgrade --install todo-deps "$ROOT/helm/todo-dev-deps" --namespace todo-deps --wait --timeout 10m
fi

# --- 2. Namespace (PodSecurity restricted) -------------------------------------------------
say "namespace $NAMESPACE (PodSecurity: restricted)"
"$HELM" template "$RELEASE" "$CHART" --namespace "$NAMESPACE" "${values[@]}" \
  --set namespace.create=true --show-only templates/namespace.yaml >"$work/namespace.yaml"
apply "$work/namespace.yaml"

# --- 3. Secrets ------------------------------------------------------------------------------
say "secrets: API tokens$([ "$ENV" = minikube ] && echo ', the Kubernetes secret store')"
if [ "$ENV" = minikube ]; then
  secret_from_literal "$NAMESPACE" todo-dapr-api-token token "$(random_token)" --keep
  secret_from_literal "$NAMESPACE" todo-app-api-token token "$(random_token)" --keep
  # The Kubernetes secret store serves the local store's names: one Secret each, key = name.
  pg="postgresql://postgres:$deps_pw@postgres.todo-deps.svc.cluster.local:5432"
  for db in tasks audit state auth; do
    secret_from_literal "$NAMESPACE" "$db-db-url" "$db-db-url" "$pg/todo_$db" --keep
  done
  secret_from_literal "$NAMESPACE" better-auth-secret better-auth-secret "$(random_token)" --keep
  # chat-service takes an absent secret as "not configured" (the offline model).
  if [ -n "${OPENAI_API_KEY:-}" ]; then
    secret_from_literal "$NAMESPACE" openai-api-key openai-api-key "$OPENAI_API_KEY"
  fi
  if [ -n "${OPENAI_BASE_URL:-}" ]; then
    secret_from_literal "$NAMESPACE" openai-base-url openai-base-url "$OPENAI_BASE_URL"
  fi
elif [ -n "$DRY_RUN" ]; then
  echo "[dry-run] secrets $NAMESPACE/todo-dapr-api-token, todo-app-api-token from terraform output"
else
  # The tokens Terraform generated (also in the vault, under dapr-api-token / app-api-token).
  secret_from_literal "$NAMESPACE" todo-dapr-api-token token "$(terraform -chdir="$tf_dir" output -raw dapr_api_token)"
  secret_from_literal "$NAMESPACE" todo-app-api-token token "$(terraform -chdir="$tf_dir" output -raw app_api_token)"
fi

# --- 4. The release ------------------------------------------------------------------------
say "helm upgrade --install $RELEASE (namespace $NAMESPACE, images :$TAG)"
if [ -n "$DRY_RUN" ]; then
  echo "[dry-run] $HELM upgrade --install $RELEASE $CHART --namespace $NAMESPACE ${values[*]} --wait --atomic"
  "$HELM" template "$RELEASE" "$CHART" --namespace "$NAMESPACE" "${values[@]}" >"$work/release.yaml"
  say "rendered $(grep -c '^kind:' "$work/release.yaml") objects into ${work#"$ROOT"/}/release.yaml"
  exit 0
fi
"$HELM" "${HELM_CTX[@]}" upgrade --install "$RELEASE" "$CHART" --namespace "$NAMESPACE" "${values[@]}" \
  --wait --timeout 15m --atomic
host="$("$HELM" "${HELM_CTX[@]}" get values "$RELEASE" -n "$NAMESPACE" --all -o json |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["ingress"]["host"])')"
say "deployed: https://$host (pods: kubectl -n $NAMESPACE get pods; Dapr: kubectl -n $NAMESPACE get components,configurations,subscriptions)"
