#!/usr/bin/env bash
# The local infrastructure in one go: secrets, PostgreSQL, Kafka (and Redis on request).
#   scripts/infra.sh up [--with-redis]   (or WITH_REDIS=1) set up what is missing, start all
#   scripts/infra.sh down                stop all (data kept under .run/)
#   scripts/infra.sh status              one line per part; exit 0 when postgres and kafka run
set -euo pipefail
. "$(dirname "$0")/lib.sh"
S="$ROOT/scripts"

cmd_up() {
  local with_redis="${WITH_REDIS:-0}" t0 t
  while [ $# -gt 0 ]; do
    case "$1" in
      --with-redis) with_redis=1 ;;
      *) die "usage: $0 up [--with-redis]" ;;
    esac
    shift
  done
  t0=$SECONDS
  "$S/secrets.sh"
  "$S/postgres.sh" setup
  "$S/postgres.sh" start
  "$S/kafka.sh" setup
  "$S/kafka.sh" start
  if [ "$with_redis" = 1 ]; then
    "$S/redis.sh" setup
    "$S/redis.sh" start
  fi
  t=$((SECONDS - t0))
  say "infrastructure is up (${t}s)"
}

cmd_down() {
  local rc=0
  "$S/kafka.sh" stop || rc=1
  "$S/redis.sh" stop || rc=1
  "$S/postgres.sh" stop || rc=1
  return $rc
}

cmd_status() {
  local rc=0
  "$S/postgres.sh" status || rc=1
  "$S/kafka.sh" status || rc=1
  "$S/redis.sh" status || true
  return $rc
}

case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) die "usage: $0 up [--with-redis]|down|status" ;;
esac
