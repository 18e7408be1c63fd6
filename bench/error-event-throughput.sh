#!/usr/bin/env bash
# Sustained Tier-1 error-event throughput: redaction → stack-trace anonymization → OTLP log record → SDK batch
# processor → disk queue (real segment files, fsync per batch) → egress guard + ledger → OTLP/HTTP to a loopback
# endpoint that gunzips and decodes every request (see ErrorEventThroughput's Javadoc). Each round runs two variants
# one after the other:
#   split:     the agent's chain in one JVM pinned to core $CPUS, the endpoint in a JVM of its own pinned to
#              $ENDPOINT_CPUS (the real endpoint is another machine): the agent's events/s and CPU per 1,000 events
#   one-core:  everything in one JVM on core $CPUS, the endpoint a server thread in it (the earlier passes' figure)
# Prints for each run events/s and CPU (user+sys) per 1,000 events, per thread group, and /usr/bin/time's view of
# the agent's process (in the split variant the endpoint's process is not in it).
#
# Usage: bench/error-event-throughput.sh [EVENTS=300000] [ROUNDS=3]
#   JVM_OPTS       the agent's JVM options (default: the daemon's JIT (C1 only), collector and stack size, with
#                  -Xmx128m: the trace corpus shares this JVM, and the daemon's 4 MiB young generation is sized for
#                  idling)
#   CPUS=0         the core(s) given to the agent's process
#   ENDPOINT_CPUS=1  the core(s) of the endpoint's process in the split variant
#   VARIANTS="split one-core"   which variants each round runs, in this order
#   JAR            the benchmark jar (default bench/target/benchmarks.jar, built when older than the sources)
#   QUEUE_DIR      where the queue and ledger live (default: a temp dir under target/, i.e. the project's disk)
# Benchmark properties (in JVM_OPTS, after the default options): -Dbench.window=N (events in flight, default 8000),
#   -Dbench.batchRecords=N, -Dbench.joinBatches=N (batches one request carries at most when several are queued,
#   default 4 as in the daemon; 1: one per request), -Dbench.endFlush=false (end each phase without the flush, as before
#   the eighth pass: the last partial batch then waits ~0.85 s for the SDK's schedule delay), -Dbench.queueDepthMs=N
#   (sample the disk queue's depth every N ms and print its histogram)
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-300000}
ROUNDS=${2:-3}
CPUS=${CPUS:-0}
ENDPOINT_CPUS=${ENDPOINT_CPUS:-1}
VARIANTS=${VARIANTS:-split one-core}
JAR=${JAR:-bench/target/benchmarks.jar}
OPTS=${JVM_OPTS:--XX:+UseSerialGC -Xss512k -XX:TieredStopAtLevel=1 -Xms16m -Xmx128m -XX:ReservedCodeCacheSize=24m}

if [ "$JAR" = bench/target/benchmarks.jar ]; then
  echo "== build (-Pbench; skipped when $JAR is newer than the sources)"
  if [ ! -f "$JAR" ] || [ -n "$(find bench/src exporters/src/main redaction/src/main policy/src/main -newer "$JAR" -name '*.java' -print -quit)" ]; then
    mvn -B -q -Pbench -pl bench -am package -DskipTests
  fi
fi

mkdir -p bench/target
for i in $(seq 1 "$ROUNDS"); do
  for variant in $VARIANTS; do
    case $variant in
      split) endpoint="-Dbench.endpointCpus=$ENDPOINT_CPUS" ;;
      one-core) endpoint="" ;;
      *) echo "unknown variant: $variant (split, one-core)" >&2; exit 2 ;;
    esac
    dir=$(mktemp -d "${QUEUE_DIR:-bench/target}/error-events.XXXXXX")
    echo "== round $i, $variant: $EVENTS events, agent on taskset -c $CPUS, queue in $dir, load $(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/time -f 'agent process: %e s wall, %U s user, %S s sys, max RSS %M KiB' \
      taskset -c "$CPUS" java $OPTS $endpoint -cp "$JAR" \
        io.companyos.agent.bench.telemetry.ErrorEventThroughput "$EVENTS" "$dir"
    rm -rf "$dir"
  done
done
