#!/usr/bin/env bash
# Writes .run/secrets.json once: the local secret store (secretstores.local.file) that
# Dapr serves to the apps. Same secret names as Azure Key Vault serves in the chart.
# Random values, kept across `make stop`/`make run`; delete the file to rotate.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
[ -f "$SECRETS_FILE" ] && exit 0
mkdir -p "$RUN_DIR"
PG_PORT="$PG_PORT" python3 - "$SECRETS_FILE" <<'PY'
import json, os, secrets, sys

pw = secrets.token_urlsafe(18)
port = os.environ["PG_PORT"]
url = lambda db: f"postgresql://todo:{pw}@127.0.0.1:{port}/{db}"
data = {
    "postgres-password": pw,
    "tasks-db-url": url("todo_tasks"),
    "audit-db-url": url("todo_audit"),
    "state-db-url": url("todo_state"),
    "auth-db-url": url("todo_auth"),
    "better-auth-secret": secrets.token_urlsafe(32),
    "dapr-api-token": secrets.token_urlsafe(24),
    "app-api-token": secrets.token_urlsafe(24),
    "openai-api-key": "",
    "openai-base-url": "",
}
path = sys.argv[1]
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
with os.fdopen(fd, "w") as f:
    json.dump(data, f, indent=2)
PY
say "wrote $SECRETS_FILE"
