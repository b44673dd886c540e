#!/usr/bin/env bash
# The app stack: Dapr sentry (mTLS CA) and `dapr run -f dapr.yaml` (six apps, six
# sidecars), on top of the infrastructure from scripts/infra.sh.
#   scripts/stack.sh up      start (PUBSUB=redis swaps the pub/sub component to Redis Streams)
#   scripts/stack.sh down    stop the apps and sentry (infrastructure keeps running)
#   scripts/stack.sh restart restart the apps and sidecars (after a code change)
#   scripts/stack.sh status  exit 0 when every app answers ready
set -euo pipefail
. "$(dirname "$0")/lib.sh"

SENTRY_PORT=50001
SENTRY_DIR="$RUN_DIR/sentry"
APPS=(task-service:8001 chat-service:8002 recurring-service:8003 notification-service:8004 audit-service:8005)
PUBSUB="${PUBSUB:-kafka}"

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

all_ready() {
  local a
  for a in "${APPS[@]}"; do
    curl -fsS -m 2 "http://127.0.0.1:${a#*:}/ready" >/dev/null 2>&1 || return 1
  done
  curl -fsS -m 2 http://127.0.0.1:3000/api/health >/dev/null 2>&1
}

start_sentry() {
  pid_alive "$RUN_DIR/sentry.pid" && return 0
  port_free "$SENTRY_PORT" || die "port $SENTRY_PORT (dapr sentry) is in use by another process"
  mkdir -p "$SENTRY_DIR"
  nohup "$DAPR_BIN/sentry" --config "$ROOT/config/sentry.yaml" --issuer-credentials "$SENTRY_DIR" \
    --trust-domain localhost --port "$SENTRY_PORT" --listen-address 127.0.0.1 \
    --healthz-port 28080 --healthz-listen-address 127.0.0.1 --metrics-port 9189 \
    >"$LOG_DIR/sentry.log" 2>&1 9>&- &
  echo $! >"$RUN_DIR/sentry.pid"
  for _ in $(seq 1 100); do
    [ -s "$SENTRY_DIR/ca.crt" ] && ! port_free "$SENTRY_PORT" && return 0
    pid_alive "$RUN_DIR/sentry.pid" || break
    sleep 0.2
  done
  die "dapr sentry did not start" "$LOG_DIR/sentry.log"
}

start_scheduler() {
  pid_alive "$RUN_DIR/scheduler.pid" && return 0
  port_free "$SCHEDULER_PORT" || die "port $SCHEDULER_PORT (dapr scheduler) is in use by another process"
  mkdir -p "$RUN_DIR/scheduler"
  nohup "$DAPR_BIN/scheduler" --etcd-data-dir "$RUN_DIR/scheduler/etcd" \
    --listen-address 127.0.0.1 --port "$SCHEDULER_PORT" --override-broadcast-host-port "127.0.0.1:$SCHEDULER_PORT" \
    --etcd-client-listen-address 127.0.0.1 --etcd-client-port 22379 \
    --etcd-initial-cluster dapr-scheduler-server-0=http://127.0.0.1:22380 \
    --healthz-port 28081 --healthz-listen-address 127.0.0.1 --metrics-port 9188 --metrics-listen-address 127.0.0.1 \
    --tls-enabled --sentry-address 127.0.0.1:$SENTRY_PORT --trust-anchors-file "$SENTRY_DIR/ca.crt" \
    >"$LOG_DIR/scheduler.log" 2>&1 9>&- &
  echo $! >"$RUN_DIR/scheduler.pid"
  wait_port "$SCHEDULER_PORT" 30 || die "dapr scheduler did not start" "$LOG_DIR/scheduler.log"
}

up() {
  local started
  started=$(date +%s.%N)
  if pid_alive "$RUN_DIR/dapr.pid" && all_ready; then
    start_watcher
    say "the stack is already running"
    return 0
  fi
  [ -f "$RUN_DIR/dapr.pid" ] && down_apps
  for p in 3000 3500 3501 3502 3503 3504 3505 8001 8002 8003 8004 8005; do
    port_free "$p" || die "port $p is in use by another process (see: ss -ltnp 'sport = :$p')"
  done
  start_sentry
  start_scheduler

  local template="$ROOT/dapr.yaml"
  if [ "$PUBSUB" != kafka ]; then
    [ -d "$ROOT/components-pubsub/$PUBSUB" ] || die "no pub/sub component components-pubsub/$PUBSUB"
    template="$ROOT/.dapr-$PUBSUB.yaml"
    sed "s#./components-pubsub/kafka#./components-pubsub/$PUBSUB#" "$ROOT/dapr.yaml" >"$template"
  fi
  # Both tokens reach every sidecar and app through the environment (Kubernetes: a secret).
  DAPR_API_TOKEN="$(secret dapr-api-token)"
  APP_API_TOKEN="$(secret app-api-token)"
  DAPR_TRUST_ANCHORS="$(cat "$SENTRY_DIR/ca.crt")"
  export DAPR_API_TOKEN APP_API_TOKEN DAPR_TRUST_ANCHORS
  export BETTER_AUTH_URL="${BETTER_AUTH_URL:-http://localhost:3000}"
  rm -rf "$ROOT/.dapr/logs"
  # Each start registers the sidecars afresh (name resolution, config/<app>.yaml): records
  # of earlier runs would only pile up, as the resolver's own clean-up is off.
  rm -f "$RUN_DIR"/dapr-names.db*
  cd "$ROOT"
  setsid nohup "$DAPR_BIN/dapr" run -f "$template" >"$LOG_DIR/dapr-run.log" 2>&1 </dev/null 9>&- &
  echo $! >"$RUN_DIR/dapr.pid"
  echo "$PUBSUB" >"$RUN_DIR/pubsub"

  local deadline=$(($(date +%s) + ${STACK_TIMEOUT:-120}))
  until all_ready; do
    if ! pid_alive "$RUN_DIR/dapr.pid"; then
      die "dapr run exited: $(tail -n 1 "$LOG_DIR/dapr-run.log")" "$LOG_DIR/dapr-run.log"
    fi
    if [ "$(date +%s)" -gt "$deadline" ]; then
      for a in "${APPS[@]}"; do
        curl -fsS -m 2 "http://127.0.0.1:${a#*:}/ready" >/dev/null 2>&1 \
          || die "${a%%:*} did not become ready in ${STACK_TIMEOUT:-120} s" "$(ls -t "$ROOT"/.dapr/logs/"${a%%:*}"_app_*.log 2>/dev/null | head -n 1)"
      done
      die "frontend did not become ready" "$(ls -t "$ROOT"/.dapr/logs/frontend_app_*.log 2>/dev/null | head -n 1)"
    fi
    sleep 0.5
  done
  start_watcher
  say "ready in $(python3 -c "import time; print(round(time.time() - $started, 1))") s (pub/sub: $PUBSUB)"
}

# Restarts a sidecar that exits (the dapr CLI does not): scripts/watch_sidecars.py.
start_watcher() {
  pid_alive "$RUN_DIR/watch-sidecars.pid" && return 0
  local ids=(frontend) a
  for a in "${APPS[@]}"; do ids+=("${a%%:*}"); done
  cd "$ROOT"
  setsid nohup python3 scripts/watch_sidecars.py --parent "$(cat "$RUN_DIR/dapr.pid")" --run-dir "$RUN_DIR" \
    "${ids[@]}" >>"$LOG_DIR/watch-sidecars.log" 2>&1 </dev/null 9>&- &
  echo $! >"$RUN_DIR/watch-sidecars.pid"
}

stop_watcher() {
  if pid_alive "$RUN_DIR/watch-sidecars.pid"; then
    local pid
    pid="$(cat "$RUN_DIR/watch-sidecars.pid")"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$RUN_DIR/watch-sidecars.pid"
}

down_apps() {
  # First the watcher, or it would start again the sidecars this stops.
  stop_watcher
  if pid_alive "$RUN_DIR/dapr.pid"; then
    local pid
    pid="$(cat "$RUN_DIR/dapr.pid")"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$RUN_DIR/dapr.pid"
  # Sidecars started again by the watcher (the CLI does not restart them) record their
  # pid here.
  local f adopted
  for f in "$RUN_DIR"/adopted/*.pid; do
    [ -f "$f" ] || continue
    adopted="$(cat "$f")"
    if [[ "$adopted" =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$adopted/cmdline" 2>/dev/null | grep -q daprd; then
      kill -TERM "$adopted" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$adopted" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "$adopted" 2>/dev/null || true
    fi
    rm -f "$f"
  done
  # Whatever outlived the CLI (an app that ignored SIGTERM) on our ports.
  for p in 3000 8001 8002 8003 8004 8005 3500 3501 3502 3503 3504 3505; do
    port_free "$p" || fuser -k -TERM "$p/tcp" >/dev/null 2>&1 || true
  done
}

down() {
  down_apps
  local svc
  for svc in scheduler sentry; do
    if pid_alive "$RUN_DIR/$svc.pid"; then kill "$(cat "$RUN_DIR/$svc.pid")" 2>/dev/null || true; fi
    rm -f "$RUN_DIR/$svc.pid"
  done
}

# One start/stop at a time (several shells, or engineers, may restart the stack).
if [ "${1:-}" != status ]; then
  exec 9>"$RUN_DIR/stack.lock"
  flock -w 300 9 || die "another scripts/stack.sh is still running"
fi

case "${1:-}" in
  up) up ;;
  down) down ;;
  restart) down_apps; up ;;
  status) pid_alive "$RUN_DIR/dapr.pid" && all_ready ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
