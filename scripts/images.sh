#!/usr/bin/env bash
# Builds the six images (and pushes them with --push) with a container engine:
#   REGISTRY=<registry/path> TAG=<tag> scripts/images.sh [--push]
# REGISTRY defaults to todo-platform (local names, e.g. minikube's image store), TAG to
# the chart's appVersion. CONTAINER picks the engine CLI (docker, podman, nerdctl).
# No container engine runs on the development machines: this is for machines that have one
# (CI, an operator's workstation, `eval $(minikube docker-env)`).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
CONTAINER="${CONTAINER:-docker}"
REGISTRY="${REGISTRY:-todo-platform}"
TAG="${TAG:-$(awk '/^appVersion:/ {gsub(/"/, "", $2); print $2}' "$ROOT/helm/todo-platform/Chart.yaml")}"
[ "$TAG" != "latest" ] || die "refusing the tag latest: images are pinned"
need "$CONTAINER" "install a container engine (docker, podman) or set CONTAINER"
"$CONTAINER" info >/dev/null 2>&1 || die "$CONTAINER cannot reach a container engine here"
push=false
[ "${1:-}" = "--push" ] && push=true

cd "$ROOT"
build() { # NAME DOCKERFILE CONTEXT
  local image="$REGISTRY/$1:$TAG"
  say "building $image"
  "$CONTAINER" build --pull -f "$2" -t "$image" \
    --label "org.opencontainers.image.version=$TAG" \
    --label "org.opencontainers.image.revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)" \
    "$3"
  if $push; then "$CONTAINER" push "$image"; fi
}
for svc in task chat recurring notification audit; do
  build "$svc-service" "services/$svc/Dockerfile" .
done
build frontend frontend/Dockerfile frontend
say "images: $REGISTRY/{task,chat,recurring,notification,audit}-service:$TAG, $REGISTRY/frontend:$TAG"
