#!/usr/bin/env bash
# Installs helm at the pinned version (HELM_VERSION, default below) into
# ~/.cache/todo-platform/bin/helm, building it from its Go module when it is missing or
# another version. Idempotent: a second run only checks the version (~0.1 s).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

HELM_VERSION="${HELM_VERSION:-3.22.0}"
BIN_DIR="$CACHE_DIR/bin"
HELM="$BIN_DIR/helm"
STAMP="$HELM_VERSION (kube version from client-go)"

if [ -x "$HELM" ] && [ "$(cat "$BIN_DIR/.helm-version" 2>/dev/null)" = "$STAMP" ]; then
  echo "$HELM"
  exit 0
fi
need go "install Go 1.26+ (the helm $HELM_VERSION module needs it)"
say "building helm $HELM_VERSION from its Go module (first time only; 1.5-2.5 min on 2 cores)"
mkdir -p "$BIN_DIR"
log="$LOG_DIR/helm-build.log"
build="$CACHE_DIR/helm-build/$HELM_VERSION"
(
  set -e
  mkdir -p "$build"
  # The Kubernetes version helm assumes offline (`helm template`, lint's deprecation
  # checks) is its client-go minor + 1.x, as helm's Makefile sets it (else it says 1.20).
  gomod="$(GOFLAGS=-mod=mod go mod download -json "helm.sh/helm/v3@v$HELM_VERSION" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["GoMod"])')"
  k8s_minor="$(awk '$1 == "k8s.io/client-go" {split($2, v, "."); print v[2]}' "$gomod")"
  [ -n "$k8s_minor" ]
  pkg=helm.sh/helm/v3
  # `go install module@version` builds the released module as is (it has no replace
  # directives); the ldflags are the ones helm's own Makefile sets.
  GOBIN="$build" CGO_ENABLED=0 go install -trimpath -ldflags "-s -w \
    -X $pkg/internal/version.version=v$HELM_VERSION -X $pkg/internal/version.gitTreeState=clean \
    -X $pkg/pkg/lint/rules.k8sVersionMajor=1 -X $pkg/pkg/lint/rules.k8sVersionMinor=$k8s_minor \
    -X $pkg/pkg/chartutil.k8sVersionMajor=1 -X $pkg/pkg/chartutil.k8sVersionMinor=$k8s_minor" \
    "$pkg/cmd/helm@v$HELM_VERSION"
  "$build/helm" version --short | grep -q "^v$HELM_VERSION"
  mv "$build/helm" "$HELM.tmp" && mv "$HELM.tmp" "$HELM"
  echo "$STAMP" >"$BIN_DIR/.helm-version"
) >"$log" 2>&1 || die "helm build failed: $(tail -n 1 "$log")" "$log"
say "helm: $("$HELM" version --short)"
echo "$HELM"
