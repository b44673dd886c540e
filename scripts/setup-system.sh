#!/usr/bin/env bash
# Debian packages the scripts rely on beyond the machine's toolchains. One apt-get call,
# only when something is missing.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
need go "install Go 1.24+ (it builds daprd and the dapr CLI)"
need java "install Java 17: apt-get install openjdk-17-jre-headless"
need mvn "install Maven: apt-get install maven"
missing=()
command -v fuser >/dev/null || missing+=(psmisc)
command -v curl >/dev/null || missing+=(curl)
[ -x /usr/bin/chromium ] && [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(chromium fonts-dejavu-core)
if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; } \
    >"$LOG_DIR/apt.log" 2>&1 || die "apt-get install ${missing[*]} failed" "$LOG_DIR/apt.log"
fi
