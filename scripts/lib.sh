# Shared helpers for the setup and run scripts. Source it; it defines no side effects.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../versions.env
. "$ROOT/versions.env"
RUN_DIR="$ROOT/.run"
LOG_DIR="$RUN_DIR/logs"
CACHE_DIR="${TODO_CACHE_DIR:-$HOME/.cache/todo-platform}"
DAPR_BIN="${DAPR_INSTALL_DIR:-$HOME/.dapr/bin}"
export PATH="$DAPR_BIN:$PATH"
mkdir -p "$LOG_DIR" "$CACHE_DIR"

# die REASON [LOGFILE]: one line on stderr, no traceback wall.
die() {
  if [ -n "${2:-}" ]; then echo "error: $1 (log: $2)" >&2; else echo "error: $1" >&2; fi
  exit 1
}
say() { echo "==> $*" >&2; }

need() { command -v "$1" >/dev/null 2>&1 || die "$1 is not installed: $2"; }

# port_free PORT: true when nothing listens on 127.0.0.1:PORT
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_port PORT SECONDS: wait until something listens on the port
wait_port() {
  local i
  for ((i = 0; i < $2 * 5; i++)); do
    port_free "$1" || return 0
    sleep 0.2
  done
  return 1
}

# Loopback ports of the local infrastructure (apps and sidecars: dapr.yaml). Listening
# ports stay below 32768, outside Linux's ephemeral range, so that no outgoing connection
# can hold one when its server starts (sentry's 50001 is fixed by the dapr CLI).
PG_PORT="${PG_PORT:-25432}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
REDIS_PORT="${REDIS_PORT:-6390}"
SCHEDULER_PORT=26006
SECRETS_FILE="$RUN_DIR/secrets.json"

# secret NAME: read one value from the local secret store file.
secret() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$SECRETS_FILE" "$1"; }
