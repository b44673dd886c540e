#!/usr/bin/env bash
# Integration tests against the real stack: PostgreSQL, Kafka, sentry, scheduler, six apps
# under daprd. Then the pub/sub scenario again with the pub/sub component swapped to Redis
# Streams (a change of component YAML only), and back.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
PY="$ROOT/.venv/bin"

scripts/stack.sh up
status=0
"$PY/pytest" -q -m integration services "$@" || status=$?
"$PY/pytest" -q tests/integration "$@" || status=$?

say "the web app end to end in Chromium: bundle budget, journey, screens, axe"
make --no-print-directory -C "$ROOT" e2e || status=$?
say "chaos, short form: recurring-service killed, the broker stopped 10 s, task-service's sidecar killed, while writes continue (make chaos: all)"
CHAOS=short "$PY/pytest" -q -s -m chaos tests/chaos || status=$?

say "pub/sub over Redis Streams: the same scenario, another component file"
PUBSUB=redis scripts/stack.sh restart
PUBSUB=redis "$PY/pytest" -q tests/integration/test_pubsub.py || status=$?
scripts/stack.sh restart
exit "$status"
