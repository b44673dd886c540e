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
build() { # NAME DOCKERFILE CONTEXT [BUILD ARGS...]
  local image="$REGISTRY/$1:$TAG" name="$1" file="$2" context="$3"
  shift 3
  say "building $image"
  "$CONTAINER" build --pull -f "$file" -t "$image" "$@" \
    --label "org.opencontainers.image.version=$TAG" \
    --label "org.opencontainers.image.revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)" \
    "$context"
  if $push; then "$CONTAINER" push "$image"; fi
}
# One Dockerfile for the five Python services; the ports are dapr.yaml's and the chart's.
for entry in task:8001 chat:8002 recurring:8003 notification:8004 audit:8005; do
  svc="${entry%%:*}"
  build "$svc-service" services/Dockerfile . --build-arg "SERVICE=$svc" --build-arg "APP_PORT=${entry#*:}"
done
build frontend frontend/Dockerfile frontend
say "images: $REGISTRY/{task,chat,recurring,notification,audit}-service:$TAG, $REGISTRY/frontend:$TAG"
