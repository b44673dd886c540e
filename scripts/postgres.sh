#!/usr/bin/env bash
# Local PostgreSQL (Debian package, pinned major) with its own cluster under .run/postgres.
#   scripts/postgres.sh setup    install the package if missing; initdb once
#   scripts/postgres.sh start    start on 127.0.0.1:$PG_PORT; ensure role todo + databases
#   scripts/postgres.sh stop     fast shutdown (data kept)
#   scripts/postgres.sh status   exit 0 when running
# initdb and pg_ctl refuse root: they run as the postgres OS user, which owns .run/postgres.
# Admin SQL goes over the unix socket in .run/postgres/sock (peer auth as postgres);
# the apps connect over TCP as todo with the password from .run/secrets.json.
# PG_EXTRA_DBS="a b": more databases owned by todo (tests use it).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PGBIN="/usr/lib/postgresql/$PG_MAJOR/bin"
PG_DIR="$RUN_DIR/postgres"
PG_DATA="$PG_DIR/data"
PG_SOCK="$PG_DIR/sock"
PG_LOG="$LOG_DIR/postgres.log"
PG_SETUP_LOG="$LOG_DIR/postgres-setup.log"
# todo_tasks_test: the task-service integration tests migrate and use it.
# todo_migrate_test: the migration test empties it and migrates it from several processes.
DATABASES=(todo_tasks todo_audit todo_state todo_auth todo_tasks_test todo_migrate_test)

listener() { ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'users:(([^)]*' | head -1 | sed 's/users:((//'; }

as_pg() { (cd / && runuser -u postgres -- "$@"); }

# The postgres user must reach .run/postgres: every directory on the way needs o+x.
# Inside the checkout that is normal (git clones 755); outside it, say what was changed.
ensure_traversable() {
  as_pg test -x "$RUN_DIR" && return 0
  local d path="" IFS=/
  for d in $RUN_DIR; do
    [ -n "$d" ] || continue
    path="$path/$d"
    if ! as_pg test -x "$path"; then
      case "$path/" in
        "$ROOT"/*) ;;
        *) say "chmod o+x $path: the postgres user must traverse it to reach $PG_DIR" ;;
      esac
      chmod o+x "$path"
    fi
  done
  as_pg test -x "$RUN_DIR" || die "the postgres user cannot reach $RUN_DIR"
}

prepare_dirs() {
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  ensure_traversable
  install -d -o postgres -g postgres -m 0700 "$PG_DIR"
  install -d -o postgres -g postgres -m 0755 "$PG_SOCK"
  # pg_ctl writes the server log itself, as postgres.
  touch "$PG_LOG"
  chown postgres:postgres "$PG_LOG"
  # A unix socket path is limited to 107 bytes.
  [ $((${#PG_SOCK} + 18)) -le 107 ] || die "socket path $PG_SOCK/.s.PGSQL.$PG_PORT is too long for a unix socket: clone the repo into a shorter path"
}

cmd_setup() {
  if [ ! -x "$PGBIN/postgres" ]; then
    say "installing postgresql-$PG_MAJOR (apt)"
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "postgresql-$PG_MAJOR"; } \
      >"$PG_SETUP_LOG" 2>&1 || die "apt-get could not install postgresql-$PG_MAJOR" "$PG_SETUP_LOG"
    [ -x "$PGBIN/postgres" ] || die "postgresql-$PG_MAJOR installed but $PGBIN/postgres is missing" "$PG_SETUP_LOG"
  fi
  prepare_dirs
  [ -f "$PG_DATA/PG_VERSION" ] && return 0
  say "initdb $PG_DATA"
  rm -rf "$PG_DATA"
  as_pg "$PGBIN/initdb" -D "$PG_DATA" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$PG_SETUP_LOG" 2>&1 || die "initdb failed" "$PG_SETUP_LOG"
}

is_running() { [ -f "$PG_DATA/PG_VERSION" ] && as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

# The port our running cluster listens on (line 4 of postmaster.pid).
running_port() { sed -n 4p "$PG_DATA/postmaster.pid" 2>/dev/null; }

psql_admin() {
  as_pg "$PGBIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" -U postgres "$@"
}

ensure_objects() {
  local pw db dbs=("${DATABASES[@]}") sql
  [ -f "$SECRETS_FILE" ] || die "$SECRETS_FILE is missing: run scripts/secrets.sh"
  pw="$(secret postgres-password)" || die "no postgres-password in $SECRETS_FILE"
  [ -n "$pw" ] || die "postgres-password in $SECRETS_FILE is empty"
  for db in ${PG_EXTRA_DBS:-}; do
    [[ "$db" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "PG_EXTRA_DBS: '$db' is not a plain lower-case database name"
    dbs+=("$db")
  done
  # SQL on stdin, not argv: the password does not show in ps. Literal quoting: '' doubles '.
  sql="SET client_min_messages = warning;
SELECT 'CREATE ROLE todo' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'todo')
\\gexec
ALTER ROLE todo WITH LOGIN PASSWORD '${pw//\'/\'\'}';
"
  for db in "${dbs[@]}"; do
    sql+="SELECT 'CREATE DATABASE $db OWNER todo ENCODING ''UTF8'' TEMPLATE template0'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')
\\gexec
ALTER DATABASE $db OWNER TO todo;
"
  done
  printf '%s' "$sql" | psql_admin -d postgres -f - >>"$PG_LOG" 2>&1 ||
    die "could not create the todo role and databases" "$PG_LOG"
  echo 'SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS pg_trgm;' | psql_admin -d todo_tasks -f - >>"$PG_LOG" 2>&1 ||
    die "could not create extension pg_trgm in todo_tasks" "$PG_LOG"
}

cmd_start() {
  if [ ! -x "$PGBIN/pg_ctl" ] || [ ! -f "$PG_DATA/PG_VERSION" ]; then
    die "postgres is not set up: run scripts/postgres.sh setup"
  fi
  prepare_dirs
  if is_running; then
    local port
    port="$(running_port)"
    [ "$port" = "$PG_PORT" ] || die "our cluster already runs on port $port, not $PG_PORT: run scripts/postgres.sh stop first"
  else
    port_free "$PG_PORT" || die "port $PG_PORT is taken by another process ($(listener "$PG_PORT")): free it or set PG_PORT"
    say "starting postgres on 127.0.0.1:$PG_PORT"
    # shared_buffers: 128 MB (the default) is less than the tables and indexes of the
    # search benchmark (100,000 tasks of one user).
    # The postmaster calls setsid() itself: a Ctrl-C in the terminal that ran `make run`
    # does not reach it.
    as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k '$PG_SOCK' -c max_connections=200 -c shared_buffers=256MB" \
      start >>"$PG_LOG" 2>&1 || die "postgres did not start" "$PG_LOG"
  fi
  ensure_objects
  say "postgres is up on 127.0.0.1:$PG_PORT (databases: ${DATABASES[*]}${PG_EXTRA_DBS:+ $PG_EXTRA_DBS})"
}

cmd_stop() {
  if ! is_running; then
    say "postgres is not running"
    return 0
  fi
  as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >>"$PG_LOG" 2>&1 || die "postgres did not stop" "$PG_LOG"
  say "postgres stopped"
}

cmd_status() {
  if is_running; then
    echo "postgres: running on 127.0.0.1:$(running_port) (pid $(head -1 "$PG_DATA/postmaster.pid"))"
    return 0
  fi
  echo "postgres: stopped"
  return 3
}

case "${1:-}" in
  setup) cmd_setup ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) die "usage: $0 setup|start|stop|status" ;;
esac
