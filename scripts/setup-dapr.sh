#!/usr/bin/env bash
# Installs daprd and the dapr CLI at the pinned versions into ~/.dapr/bin, building
# them from their Go modules when they are missing or another version. Idempotent.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

have_version() { # BIN WANT
  [ -x "$DAPR_BIN/$1" ] || return 1
  case "$1" in
    daprd) [ "$("$DAPR_BIN/daprd" --version 2>/dev/null)" = "$2" ] ;;
    dapr) "$DAPR_BIN/dapr" version 2>/dev/null | grep -q "CLI version: $2" ;;
  esac
}

mkdir -p "$DAPR_BIN"
if ! have_version daprd "$DAPR_VERSION"; then
  need go "install Go 1.24+ (apt-get install golang or the Go toolchain)"
  say "building daprd $DAPR_VERSION from its Go module (first time only; ~15 min on 2 cores)"
  log="$LOG_DIR/daprd-build.log"
  src="$CACHE_DIR/dapr-src/$DAPR_VERSION"
  build="$CACHE_DIR/daprd-build/$DAPR_VERSION"
  (
    set -e
    GOFLAGS=-mod=mod go mod download "github.com/dapr/dapr@v$DAPR_VERSION"
    upstream="$(go env GOMODCACHE)/github.com/dapr/dapr@v$DAPR_VERSION"
    # A private, writable copy of the upstream source with the trimmed registry in place
    # of zz_notag.go (Go refuses overlays of files inside the module cache).
    if [ ! -f "$src/.ready" ]; then
      rm -rf "$src" && mkdir -p "$src"
      cp -r "$upstream/." "$src/" && chmod -R u+w "$src"
      touch "$src/.ready"
    fi
    cp "$ROOT/infra/dapr/daprd/components.go.in" "$src/cmd/daprd/components/zz_notag.go"
    mkdir -p "$build"
    cp "$ROOT/infra/dapr/daprd/go.mod" "$ROOT/infra/dapr/daprd/main.go" "$build/"
    cp "$upstream/go.sum" "$build/go.sum" && chmod u+w "$build/go.sum"
    cd "$build"
    go mod edit -replace "github.com/dapr/dapr=$src"
    go mod tidy
    go build -trimpath -ldflags "-s -w -X github.com/dapr/dapr/pkg/buildinfo.version=$DAPR_VERSION" \
      -o "$DAPR_BIN/daprd.tmp" .
    mv "$DAPR_BIN/daprd.tmp" "$DAPR_BIN/daprd"
  ) >"$log" 2>&1 || die "daprd build failed: $(tail -n 1 "$log")" "$log"
fi

# The control plane services dapr run expects beside daprd: sentry is the CA (with it the
# sidecars talk mTLS and carry the SPIFFE identities that access control matches on);
# scheduler backs the Jobs API (and dapr run -f always points daprd at one).
for svc in sentry scheduler; do
  if [ -x "$DAPR_BIN/$svc" ] && [ "$(cat "$DAPR_BIN/.$svc-version" 2>/dev/null)" = "$DAPR_VERSION" ]; then
    continue
  fi
  say "building $svc $DAPR_VERSION"
  log="$LOG_DIR/$svc-build.log"
  (
    set -e
    cd "$CACHE_DIR/daprd-build/$DAPR_VERSION"
    go build -mod=mod -trimpath -ldflags "-s -w -X github.com/dapr/dapr/pkg/buildinfo.version=$DAPR_VERSION" \
      -o "$DAPR_BIN/$svc.tmp" "github.com/dapr/dapr/cmd/$svc"
    mv "$DAPR_BIN/$svc.tmp" "$DAPR_BIN/$svc"
    echo "$DAPR_VERSION" >"$DAPR_BIN/.$svc-version"
  ) >"$log" 2>&1 || die "$svc build failed: $(tail -n 1 "$log")" "$log"
done

if ! have_version dapr "$DAPR_CLI_VERSION"; then
  need go "install Go 1.24+"
  say "building the dapr CLI $DAPR_CLI_VERSION from its Go module"
  log="$LOG_DIR/dapr-cli-build.log"
  (
    set -e
    upstream="$(go env GOMODCACHE)/github.com/dapr/cli@v$DAPR_CLI_VERSION"
    GOFLAGS=-mod=mod go mod download "github.com/dapr/cli@v$DAPR_CLI_VERSION"
    build="$CACHE_DIR/dapr-cli-build/$DAPR_CLI_VERSION"
    mkdir -p "$build"
    cp "$ROOT/infra/dapr/cli/go.mod" "$ROOT/infra/dapr/cli/main.go" "$build/"
    cat "$upstream/go.sum" "$(go env GOMODCACHE)/github.com/dapr/dapr@v$DAPR_VERSION/go.sum" | sort -u >"$build/go.sum"
    cd "$build"
    # no `go mod tidy`: it also resolves test-only imports whose versions are not served
    go build -mod=mod -trimpath -ldflags "-s -w -X main.version=$DAPR_CLI_VERSION -X main.apiVersion=1.0" \
      -o "$DAPR_BIN/dapr.tmp" .
    mv "$DAPR_BIN/dapr.tmp" "$DAPR_BIN/dapr"
  ) >"$log" 2>&1 || die "dapr CLI build failed: $(tail -n 1 "$log")" "$log"
fi
say "dapr: daprd $("$DAPR_BIN/daprd" --version), $("$DAPR_BIN/dapr" version | head -n 1)"
