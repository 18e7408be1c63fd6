#!/usr/bin/env bash
# Sustained Tier-1 error-event throughput on ONE core: redaction → stack-trace anonymization → OTLP log record →
# SDK batch processor → disk queue (real segment files, fsync per batch) → egress guard + ledger → OTLP/HTTP to a
# loopback server in the same JVM (see ErrorEventThroughput's Javadoc). Prints events/s and CPU (user+sys) per
# 1,000 events for each run, and /usr/bin/time's view of the whole process.
#
# Usage: bench/error-event-throughput.sh [EVENTS=300000] [RUNS=3]
#   JVM_OPTS   JVM options (default: the daemon's JIT (C1 only), collector and stack size, with -Xmx128m: the
#              server and the trace corpus share this JVM, and the daemon's 4 MiB young generation is sized for idling)
#   CPUS=0     the core(s) given to taskset (default 0: one core)
#   QUEUE_DIR  where the queue and ledger live (default: a temp dir under target/, i.e. the project's disk)
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-300000}
RUNS=${2:-3}
CPUS=${CPUS:-0}
JAR=bench/target/benchmarks.jar

echo "== build (-Pbench; skipped when $JAR is newer than the sources)"
if [ ! -f "$JAR" ] || [ -n "$(find bench/src exporters/src/main redaction/src/main policy/src/main -newer "$JAR" -name '*.java' -print -quit)" ]; then
  mvn -B -q -Pbench -pl bench -am package -DskipTests
fi

mkdir -p bench/target
for i in $(seq 1 "$RUNS"); do
  dir=$(mktemp -d "${QUEUE_DIR:-bench/target}/error-events.XXXXXX")
  echo "== run $i: $EVENTS events, taskset -c $CPUS, queue in $dir"
  /usr/bin/time -f 'process: %e s wall, %U s user, %S s sys, max RSS %M KiB' \
    taskset -c "$CPUS" java ${JVM_OPTS:--XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1 -Xms16m -Xmx128m -XX:ReservedCodeCacheSize=24m} -cp "$JAR" \
      io.companyos.agent.bench.telemetry.ErrorEventThroughput "$EVENTS" "$dir"
  rm -rf "$dir"
done
