#!/usr/bin/env bash
# The Python workspace: uv (pinned) and .venv from uv.lock. Idempotent and quick when set up.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
UV_VERSION=0.13.9
if ! command -v uv >/dev/null 2>&1 || [ "$(uv --version | cut -d' ' -f2)" != "$UV_VERSION" ]; then
  say "installing uv $UV_VERSION"
  python3 -m pip install -q --disable-pip-version-check "uv==$UV_VERSION" >"$LOG_DIR/uv-install.log" 2>&1 \
    || die "could not install uv" "$LOG_DIR/uv-install.log"
fi
cd "$ROOT"
uv sync --frozen --quiet >"$LOG_DIR/uv-sync.log" 2>&1 || die "uv sync failed" "$LOG_DIR/uv-sync.log"
