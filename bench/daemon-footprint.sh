#!/usr/bin/env bash
# Measures the daemon as a sidecar would run it: time from `bin/agent run` to /readyz = 200, and resident memory
# after it has idled. Usage: bench/daemon-footprint.sh [runs=5] [idle-seconds=30]
# Extra JVM options to compare: AGENT_JAVA_OPTS="-XX:+UseG1GC" bench/daemon-footprint.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
idle=${2:-30}
port=${PORT:-19464}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

src=${BENCH_JAR:-$root/agent/target/companyos-agent.jar}   # BENCH_JAR: measure a given build
[ -f "$src" ] || "$root/bin/agent" version >/dev/null           # build once, outside the measurement
cp "$src" "$work/agent.jar"
export AGENT_JAR="$work/agent.jar"      # and measure that jar, never a rebuild
"$root/bin/agent" version >/dev/null   # makes the class-data-sharing archive for it (unless AGENT_CDS=off)

ready_ms=()
rss_kib=()
for i in $(seq 1 "$runs"); do
  state="$work/state-$i"
  start=$(date +%s%N)
  COMPANYOS_AGENT_STATE_DIR=$state COMPANYOS_AGENT_SERVER_PORT=$port "$root/bin/agent" run 2>"$work/err-$i" &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/readyz"; do
    kill -0 "$pid" 2>/dev/null || { echo "agent died:"; cat "$work/err-$i"; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  ready_ms+=($(( (end - start) / 1000000 )))
  if [ "$i" -eq 1 ] || [ "$idle" -gt 0 ]; then
    sleep "$idle"
    # bin/agent execs java, so $pid is the JVM
    rss_kib+=("$(ps -o rss= -p "$pid" | tr -d ' ')")
  fi
  kill -TERM "$pid"
  wait "$pid" || true
  idle=0   # RSS after idling is measured on the first run only; later runs measure start-up
done

sorted=$(printf '%s\n' "${ready_ms[@]}" | sort -n)
median=$(echo "$sorted" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "java: $(java -version 2>&1 | head -1)"
echo "JVM options: ${AGENT_JAVA_OPTS:-(bin/agent defaults)}"
echo "start to /readyz=200 (ms), $runs runs: $(echo $sorted | tr '\n' ' ') median $median"
echo "idle RSS after ${2:-30} s: $(( ${rss_kib[0]} / 1024 )) MiB"
