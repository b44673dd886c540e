#!/usr/bin/env bash
# supervise.sh CMD [ARGS...]: run an app the way a Kubernetes restartPolicy would.
# When CMD exits non-zero or is killed by a signal (kill -9, OOM), start it again after a
# backoff (1 s, doubling to 30 s; back to 1 s once a run lasted 60 s). A clean exit (0)
# ends the supervisor with it. SIGTERM/SIGINT/SIGHUP to the supervisor stop it: the signal
# is passed to CMD, CMD is waited for, and nothing is restarted.
#
# dapr.yaml uses it as every app's `command:`. `dapr run -f` (scripts/stack.sh) starts it
# in the CLI's process group; `scripts/stack.sh down` signals that whole group, so CMD and
# its supervisor get the stop signal together, and a supervisor killed outright (the CLI
# sends SIGKILL to the command it started) leaves a CMD that the group signal reaches too.
# The supervisor stays in its parent's process group (no setsid) for that reason.
set -u

[ $# -gt 0 ] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }

child=0
stopping=0
stop() {
  stopping=1
  [ "$child" -gt 0 ] && kill -TERM "$child" 2>/dev/null
}
trap stop TERM INT HUP

note() { echo "{\"level\":\"warning\",\"service\":\"supervise\",\"message\":\"$*\",\"timestamp\":\"$(date -u +%FT%T.%3NZ)\"}"; }

delay=1
restarts=0
while :; do
  started=$(date +%s)
  "$@" &
  child=$!
  # `wait` returns early (>128) when a trapped signal arrives: wait again until CMD is gone.
  wait "$child"
  rc=$?
  while kill -0 "$child" 2>/dev/null; do
    wait "$child"
    rc=$?
  done
  child=0
  [ "$stopping" -eq 1 ] && exit 0
  if [ "$rc" -eq 0 ]; then
    exit 0
  fi
  if [ $(($(date +%s) - started)) -ge 60 ]; then delay=1; fi
  restarts=$((restarts + 1))
  if [ "$rc" -gt 128 ]; then why="killed by signal $((rc - 128))"; else why="exited with $rc"; fi
  note "$* $why; restart $restarts in ${delay}s"
  # Interruptible sleep: a stop signal during the backoff ends the supervisor at once.
  sleep "$delay" &
  wait $! 2>/dev/null
  [ "$stopping" -eq 1 ] && exit 0
  delay=$((delay * 2 > 30 ? 30 : delay * 2))
done
