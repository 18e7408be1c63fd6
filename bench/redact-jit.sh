#!/usr/bin/env bash
# JIT flag sets for `bin/agent redact`, end to end on one generated log file, interleaved (variant 1, 2, …, then
# again) so that a shared machine's load hits every variant alike. Prints per run: wall seconds, CPU seconds
# (user + sys, JIT compiler threads included), MiB per CPU-second, peak RSS, the load average, and whether the
# output is byte-for-byte the first variant's. Compare the CPU columns; the wall clock measures the other tenants.
#
# Usage: bench/redact-jit.sh [MIB=256] [ROUNDS=2] ['LABEL:AGENT_JAVA_OPTS' …]
#   default variants: bin/agent's launcher as it is (C2 for the scanner's core, the rest of the engine C1), C1 only
#   AGENT_JAR=…  use this agent jar instead of building one (see bin/agent)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/redaction-config.sh
MIB=${1:-256}
ROUNDS=${2:-2}
shift $(( $# > 2 ? 2 : $# ))
VARIANTS=("$@")
[ ${#VARIANTS[@]} -gt 0 ] || VARIANTS=("launcher:" "c1:-XX:TieredStopAtLevel=1")
SHARED=../shared/bench
[ -d "$SHARED" ] || SHARED=/work/shared/bench
WORK=$(mktemp -d "${TMPDIR:-/tmp}/redact-jit.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

bin/agent version >/dev/null
python3 "$SHARED/make-logs.py" --mib "$MIB" --seed 1 --out "$WORK/a.log"
redaction_config "$WORK/state" > "$WORK/agent.yaml"
SIZE_MIB=$(echo "scale=3; $(stat -c %s "$WORK/a.log") / 1048576" | bc)
printf '%-16s %8s %8s %12s %8s %6s %s\n' variant wall_s cpu_s MiB/CPU-s rss_MB load output
for round in $(seq 1 "$ROUNDS"); do
  for v in "${VARIANTS[@]}"; do
    label=${v%%:*}; opts=${v#*:}
    s=$(date +%s.%N)
    AGENT_JAVA_OPTS="$opts" /usr/bin/time -f '%U %S %M' -o "$WORK/time" \
      bin/agent redact -c "$WORK/agent.yaml" "$WORK/a.log" > "$WORK/out"
    e=$(date +%s.%N)
    read -r u sy rss < "$WORK/time"
    cpu=$(echo "$u + $sy" | bc)
    if [ ! -f "$WORK/first.out" ]; then mv "$WORK/out" "$WORK/first.out"; same=reference
    elif cmp -s "$WORK/out" "$WORK/first.out"; then same=same; else same=DIFFERENT; fi
    printf '%-16s %8.1f %8.2f %12.1f %8d %6s %s\n' "$label" "$(echo "$e - $s" | bc)" "$cpu" \
      "$(echo "scale=1; $SIZE_MIB / $cpu" | bc)" $((rss / 1024)) "$(cut -d' ' -f1 /proc/loadavg)" "$same"
  done
done
