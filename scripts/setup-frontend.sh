#!/usr/bin/env bash
# The frontend: node_modules from package-lock.json, and a production build when the
# sources changed since the last one. Idempotent and quick when set up.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
need node "install Node.js 20"
need npm "install npm"
cd "$ROOT/frontend"
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat node_modules/.lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  say "installing frontend packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >"$LOG_DIR/npm-ci.log" 2>&1 || die "npm ci failed" "$LOG_DIR/npm-ci.log"
  echo "$lock_hash" >node_modules/.lock-hash
fi
inputs=()
for f in app lib components public types server.ts next.config.ts package.json package-lock.json tsconfig.json \
  tsconfig.server.json postcss.config.mjs; do
  [ -e "$f" ] && inputs+=("$f")
done
src_hash="$(find "${inputs[@]}" -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -d' ' -f1)"
# `npm run build` is `next build` and the compiled server (build/server.js, what `npm start` runs).
if [ "${1:-}" != "--no-build" ] && { [ "$(cat .next/.src-hash 2>/dev/null)" != "$src_hash" ] || [ ! -f build/server.js ]; }; then
  say "building the frontend (next build)"
  NEXT_TELEMETRY_DISABLED=1 npm run build >"$LOG_DIR/next-build.log" 2>&1 || die "next build failed" "$LOG_DIR/next-build.log"
  echo "$src_hash" >.next/.src-hash
fi
