#!/usr/bin/env bash
# Local Redis (Debian package) as our own process on 127.0.0.1:$REDIS_PORT, no persistence.
# Only for the test that swaps the pub/sub component to Redis Streams by YAML.
#   scripts/redis.sh setup|start|stop|status
set -euo pipefail
. "$(dirname "$0")/lib.sh"

R_DIR="$RUN_DIR/redis"
R_PID="$R_DIR/redis.pid"
R_LOG="$LOG_DIR/redis.log"
R_SETUP_LOG="$LOG_DIR/redis-setup.log"

listener() { ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'users:(([^)]*' | head -1 | sed 's/users:((//'; }

# pid of our redis when it runs (the pid file names a live redis-server on our port)
running_pid() {
  local pid
  pid="$(cat "$R_PID" 2>/dev/null)" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "redis-server 127.0.0.1:$REDIS_PORT" || return 1
  echo "$pid"
}

pong() { [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }

cmd_setup() {
  command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 && return 0
  say "installing redis-server (apt)"
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server; } \
    >"$R_SETUP_LOG" 2>&1 || die "apt-get could not install redis-server" "$R_SETUP_LOG"
}

cmd_start() {
  need redis-server "run scripts/redis.sh setup (apt-get install redis-server)"
  need redis-cli "run scripts/redis.sh setup (apt-get install redis-server)"
  local i
  if ! running_pid >/dev/null; then
    port_free "$REDIS_PORT" || die "port $REDIS_PORT is taken by another process ($(listener "$REDIS_PORT")): free it or set REDIS_PORT"
    mkdir -p "$R_DIR"
    # daemonize: redis forks, detaches (setsid) and writes the pid file itself.
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --protected-mode yes \
      --daemonize yes --dir "$R_DIR" --pidfile "$R_PID" --logfile "$R_LOG" \
      --save '' --appendonly no >>"$R_LOG" 2>&1 || die "redis-server did not start" "$R_LOG"
  fi
  for ((i = 0; i < 100; i++)); do # 20 s
    pong && break
    sleep 0.2
  done
  pong || die "redis did not answer on 127.0.0.1:$REDIS_PORT" "$R_LOG"
  say "redis is up on 127.0.0.1:$REDIS_PORT (pid $(cat "$R_PID"))"
}

cmd_stop() {
  local pid i
  if ! pid="$(running_pid)"; then
    say "redis is not running"
    return 0
  fi
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    [ -d "/proc/$pid" ] || break
    sleep 0.2
  done
  [ -d "/proc/$pid" ] && kill -KILL "$pid" 2>/dev/null
  rm -f "$R_PID"
  say "redis stopped"
}

cmd_status() {
  local pid
  if pid="$(running_pid)" && pong; then
    echo "redis: running on 127.0.0.1:$REDIS_PORT (pid $pid)"
    return 0
  fi
  echo "redis: stopped"
  return 3
}

case "${1:-}" in
  setup) cmd_setup ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) die "usage: $0 setup|start|stop|status" ;;
esac
