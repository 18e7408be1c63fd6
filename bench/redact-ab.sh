#!/usr/bin/env bash
# Two agent jars' `bin/agent redact`, interleaved, end to end, in CPU seconds (user + sys of the whole process, JIT
# and start included) and wall seconds, with the same pseudonym key: a MIB file of make-logs (seed 1) with a fresh
# state directory and with the reverse map of a previous run of it ("warm"), then the start alone (an empty input)
# with that map and with a map of 1,000,000 lines (the reverse map's cap, ~110 MB; made from the warm map's lines
# with other tokens). Checks that both jars write the same bytes and the same reverse-map lines (sorted).
#
# Usage: bench/redact-ab.sh JAR_A JAR_B [ROUNDS=6] [MIB=256]
#   a jar: mvn -B -q -DskipTests package at a commit, then cp agent/target/companyos-agent.jar somewhere; the
#   launcher is this checkout's bin/agent. The first run of a jar prepares its class-data archive: round 1 is a
#   warm-up and left out of the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/redaction-config.sh
A=$(readlink -f "$1"); B=$(readlink -f "$2"); ROUNDS=${3:-6}; MIB=${4:-256}
SHARED=../shared/bench
[ -d "$SHARED" ] || SHARED=/work/shared/bench
WORK=$(mktemp -d "${TMPDIR:-/tmp}/redact-ab.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

python3 "$SHARED/make-logs.py" --mib "$MIB" --seed 1 --out "$WORK/in.log" >/dev/null
: > "$WORK/empty.log"
# state DIR [MAP]: a state directory with the shared key and, when given, a copy of MAP as its reverse map
state() {
  rm -rf "$1"; mkdir -p "$1"; cp "$WORK/key" "$1/pseudonym.key"
  if [ -n "${2:-}" ]; then cp "$2" "$1/pseudonyms.tsv"; fi
  redaction_config "$1" > "$1.yaml"
}
# run JAR STATE INPUT OUT: prints "cpu wall rss_kb"
run() {
  AGENT_JAR=$1 /usr/bin/time -f '%U %S %e %M' -o "$WORK/time" bin/agent redact -c "$2.yaml" "$3" > "$4"
  awk '{printf "%.2f %.2f %d\n", $1 + $2, $3, $4}' "$WORK/time"
}

# the key, and the warm map, from a first run of A (which also prepares A's class-data archive)
printf 'stateDir: %s\n' "$WORK/k" > "$WORK/k.yaml"
AGENT_JAR=$A bin/agent redact -c "$WORK/k.yaml" "$WORK/empty.log" > /dev/null
cp "$WORK/k/pseudonym.key" "$WORK/key"
state "$WORK/s"; run "$A" "$WORK/s" "$WORK/in.log" "$WORK/out.a" > /dev/null
cp "$WORK/s/pseudonyms.tsv" "$WORK/warm.tsv"
python3 - "$WORK/warm.tsv" "$WORK/big.tsv" <<'PY'
import re, sys
base = [l.rstrip('\n') for l in open(sys.argv[1])]
with open(sys.argv[2], 'w') as f:
    for i in range(1_000_000):
        tok, val = base[i % len(base)].split('\t', 1)
        f.write(re.sub(r':[0-9a-f]{8}>', ':%08x>' % i, tok) + '\t' + val + '\n')
PY

echo "== output and reverse map, fresh state, then the same input again on that state"
for j in a b; do
  jar=$A; [ $j = b ] && jar=$B
  state "$WORK/c$j"; run "$jar" "$WORK/c$j" "$WORK/in.log" "$WORK/out.$j" > /dev/null
  sort "$WORK/c$j/pseudonyms.tsv" > "$WORK/map.$j"
done
cmp "$WORK/out.a" "$WORK/out.b" && echo "output: the same $(wc -c < "$WORK/out.a") bytes"
cmp "$WORK/map.a" "$WORK/map.b" && echo "reverse map: the same $(wc -l < "$WORK/map.a") lines"

echo "== $ROUNDS rounds: round case jar cpu wall rss_kb load"
: > "$WORK/results"
for r in $(seq 1 "$ROUNDS"); do
  for c in fresh warm start-warm start-1M; do
    for j in a b; do
      jar=$A; [ $j = b ] && jar=$B
      case $c in
        fresh) state "$WORK/r"; in=$WORK/in.log ;;
        warm) state "$WORK/r" "$WORK/warm.tsv"; in=$WORK/in.log ;;
        start-warm) state "$WORK/r" "$WORK/warm.tsv"; in=$WORK/empty.log ;;
        start-1M) state "$WORK/r" "$WORK/big.tsv"; in=$WORK/empty.log ;;
      esac
      echo "$r $c $j $(run "$jar" "$WORK/r" "$in" /dev/null) $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$WORK/results"
    done
  done
done

echo "== medians of rounds 2-$ROUNDS (a = $A, b = $B), and b/a CPU paired per round"
python3 - "$WORK/results" <<'PY'
import collections, statistics, sys
d = {}
for line in open(sys.argv[1]):
    r, c, j, cpu, wall, rss, load = line.split()
    if r != '1':
        d[(int(r), c, j)] = (float(cpu), float(wall), int(rss))
for c in ('fresh', 'warm', 'start-warm', 'start-1M'):
    rounds = sorted({k[0] for k in d if k[1] == c})
    med = {j: [statistics.median(d[(r, c, j)][i] for r in rounds) for i in range(3)] for j in 'ab'}
    ratios = [d[(r, c, 'b')][0] / d[(r, c, 'a')][0] for r in rounds]
    print(f"{c:10s} CPU-s a {med['a'][0]:.2f} b {med['b'][0]:.2f} | wall a {med['a'][1]:.2f} b {med['b'][1]:.2f} | "
          f"RSS MB a {med['a'][2] / 1024:.0f} b {med['b'][2] / 1024:.0f} | b/a CPU median {statistics.median(ratios):.3f}"
          f" ({min(ratios):.2f}-{max(ratios):.2f})")
PY
