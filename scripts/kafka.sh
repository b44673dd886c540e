#!/usr/bin/env bash
# Single-node Apache Kafka (KRaft, broker+controller in one JVM) from Maven Central jars.
#   scripts/kafka.sh setup                 fetch the jars once per version into the cache
#   scripts/kafka.sh start                 format on first start, start, create the topics
#   scripts/kafka.sh stop                  stop the broker (data kept in .run/kafka)
#   scripts/kafka.sh status                exit 0 when running and answering
#   scripts/kafka.sh run-class CLASS ARGS  run a Kafka tool on the same classpath, e.g.
#       scripts/kafka.sh run-class org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:9092 --list
#       (ConsoleProducer: org.apache.kafka.tools.ConsoleProducer,
#        ConsoleConsumer: org.apache.kafka.tools.consumer.ConsoleConsumer)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

KAFKA_HOME="$CACHE_DIR/kafka/$KAFKA_VERSION"
LIBS="$KAFKA_HOME/libs"
K_DIR="$RUN_DIR/kafka"
K_DATA="$K_DIR/data"
K_PROPS="$K_DIR/server.properties"
K_PID="$K_DIR/kafka.pid"
K_CID="$K_DIR/cluster.id"
K_LOG="$LOG_DIR/kafka.log"
K_SETUP_LOG="$LOG_DIR/kafka-setup.log"
INFRA="$ROOT/infra/kafka"
BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
TOPICS=(task-events task-reminders task-events-dlq task-reminders-dlq)
TOPIC_PARTITIONS=3

listener() { ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'users:(([^)]*' | head -1 | sed 's/users:((//'; }

need_java() { need java "install Java 17: apt-get install openjdk-17-jre-headless"; }

need_libs() {
  [ -f "$LIBS/.ready" ] || die "kafka $KAFKA_VERSION jars are missing: run scripts/kafka.sh setup"
}

# Short-lived tool JVMs: small heap, C1 only, quiet logging.
tool() {
  java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$INFRA/log4j2.properties" -Dtodo.kafka.log.level=WARN \
    -cp "$LIBS/*" "$@"
}

# pid of our broker when it runs (the pid file names a live kafka.Kafka JVM on our props)
running_pid() {
  local pid
  [ -f "$K_PID" ] || return 1
  pid="$(cat "$K_PID" 2>/dev/null)" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "kafka.Kafka $K_PROPS" || return 1
  echo "$pid"
}

probe() { python3 "$INFRA/probe.py" "$KAFKA_PORT" "$@"; }

cmd_setup() {
  if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
    say "installing Java 17 and Maven (apt)"
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y openjdk-17-jre-headless maven; } \
      >"$K_SETUP_LOG" 2>&1 || die "apt-get could not install openjdk-17-jre-headless and maven" "$K_SETUP_LOG"
  fi
  [ -f "$LIBS/.ready" ] && return 0
  say "fetching kafka $KAFKA_VERSION jars from Maven Central into $LIBS"
  rm -rf "$LIBS"
  mkdir -p "$LIBS"
  mvn -q -B -Dstyle.color=never -f "$INFRA/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$LIBS" -Dkafka.version="$KAFKA_VERSION" >"$K_SETUP_LOG" 2>&1 ||
    die "maven could not fetch the kafka $KAFKA_VERSION jars" "$K_SETUP_LOG"
  [ -f "$LIBS/kafka_2.13-$KAFKA_VERSION.jar" ] || die "kafka_2.13-$KAFKA_VERSION.jar is not among the fetched jars" "$K_SETUP_LOG"
  touch "$LIBS/.ready"
}

render_props() {
  mkdir -p "$K_DATA"
  sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" -e "s|@KAFKA_CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
    -e "s|@DATA_DIR@|$K_DATA|g" "$INFRA/server.properties.in" >"$K_PROPS.tmp"
  mv "$K_PROPS.tmp" "$K_PROPS"
}

# Format the storage once (first start); the cluster id is kept beside the data.
format_storage() {
  [ -f "$K_DATA/meta.properties" ] && return 0
  if [ ! -s "$K_CID" ]; then
    # A Kafka Uuid: 16 random bytes, URL-safe base64 without padding, not starting with '-'.
    python3 -c 'import base64,os
while True:
    s = base64.urlsafe_b64encode(os.urandom(16)).decode().rstrip("=")
    if not s.startswith("-"): print(s); break' >"$K_CID"
  fi
  say "formatting kafka storage in $K_DATA (cluster id $(cat "$K_CID"))"
  tool kafka.tools.StorageTool format --ignore-formatted -t "$(cat "$K_CID")" -c "$K_PROPS" >>"$K_LOG" 2>&1 ||
    die "kafka storage format failed" "$K_LOG"
}

launch() {
  for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    port_free "$p" || die "port $p is taken by another process ($(listener "$p")): free it or set KAFKA_PORT/KAFKA_CONTROLLER_PORT"
  done
  render_props
  format_storage
  say "starting kafka on $BOOTSTRAP"
  echo "---- $(date -Is) kafka.sh start" >>"$K_LOG"
  rm -f "$K_PID"
  # setsid -f: its own session, so a Ctrl-C in the terminal that ran `make run` does not reach
  # it. The forked shell writes its pid, then becomes the JVM (exec), so the pid is the JVM's.
  # shellcheck disable=SC2016 # $$, $1 and $@ belong to the inner shell
  setsid -f bash -c 'echo $$ >"$1"; shift; exec nohup "$@"' kafka-launch "$K_PID" \
    java -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$INFRA/log4j2.properties" \
    -cp "$LIBS/*" kafka.Kafka "$K_PROPS" </dev/null >>"$K_LOG" 2>&1
  local i
  for ((i = 0; i < 50; i++)); do
    [ -s "$K_PID" ] && return 0
    sleep 0.1
  done
  die "kafka did not launch" "$K_LOG"
}

wait_ready() {
  local pid="$1" i
  for ((i = 0; i < 300; i++)); do # 60 s
    [ -d "/proc/$pid" ] || die "kafka exited during startup" "$K_LOG"
    probe >/dev/null && return 0
    [ $? -eq 2 ] && return 0
    sleep 0.2
  done
  die "kafka did not start within 60 s" "$K_LOG"
}

ensure_topics() {
  local missing t pids=() failed=0 rc=0
  missing="$(probe "${TOPICS[@]}")" || rc=$?
  [ "$rc" -eq 0 ] && return 0
  [ "$rc" -eq 2 ] || die "kafka stopped answering" "$K_LOG"
  say "creating topics: $missing"
  # TopicCommand takes one topic per call; run the JVMs side by side.
  for t in $missing; do
    tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
      --topic "$t" --partitions "$TOPIC_PARTITIONS" --replication-factor 1 >>"$K_LOG" 2>&1 &
    pids+=($!)
  done
  for t in "${pids[@]}"; do wait "$t" || failed=1; done
  rc=0
  missing="$(probe "${TOPICS[@]}")" || rc=$?
  if [ "$failed" -ne 0 ] || [ "$rc" -ne 0 ]; then
    die "could not create kafka topics ${missing:-}" "$K_LOG"
  fi
}

cmd_start() {
  need_java
  need_libs
  local pid
  if pid="$(running_pid)"; then
    :
  else
    launch
    pid="$(cat "$K_PID")"
  fi
  wait_ready "$pid"
  ensure_topics
  say "kafka is up on $BOOTSTRAP (pid $pid)"
}

cmd_stop() {
  local pid i
  if ! pid="$(running_pid)"; then
    rm -f "$K_PID"
    say "kafka is not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do # 20 s
    [ -d "/proc/$pid" ] || break
    sleep 0.2
  done
  if [ -d "/proc/$pid" ]; then
    say "kafka did not stop within 20 s: killing pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$K_PID"
  say "kafka stopped"
}

cmd_status() {
  local pid rss
  if ! pid="$(running_pid)"; then
    echo "kafka: stopped"
    return 3
  fi
  rss="$(awk '/^VmRSS/ {printf "%d MB", $2/1024}' "/proc/$pid/status" 2>/dev/null)"
  if probe >/dev/null || [ $? -eq 2 ]; then
    echo "kafka: running on $BOOTSTRAP (pid $pid, rss $rss)"
    return 0
  fi
  echo "kafka: pid $pid is up but not answering on $BOOTSTRAP"
  return 1
}

case "${1:-}" in
  setup) cmd_setup ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  run-class)
    shift
    [ $# -ge 1 ] || die "usage: $0 run-class MAIN_CLASS [ARGS...]"
    need_java
    need_libs
    tool "$@"
    ;;
  *) die "usage: $0 setup|start|stop|status|run-class" ;;
esac
