#!/usr/bin/env bash
# Redaction throughput of `bin/agent redact` (full default catalog plus the customer domains and keywords of the
# generated logs), single thread and over 2 files on 2 threads, against in the same run:
#   - a plain UTF-8 line copy of the same file (BufferedReader/BufferedWriter; the floor of any Java redactor),
#   - ../shared/bench/NaiveRedact.java seq (one java.util.regex per type, line by line), on a smaller file.
# All times are wall clock of the whole process (JVM start included) except NaiveRedact, which reports its own
# in-process rate after a warm-up pass. The same redact command on an empty file, in each round, shows what of the
# agent's time is its start and exit ("net of an empty run": the file's size over the difference of the two).
#
# Usage: bench/redact-throughput.sh [MIB=256] [ROUNDS=3] [NAIVE_MIB=16]
#   AGENT_JAR=…  use this agent jar instead of building one (see bin/agent)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/redaction-config.sh
MIB=${1:-256}
ROUNDS=${2:-3}
NAIVE_MIB=${3:-16}
SHARED=../shared/bench
[ -d "$SHARED" ] || SHARED=/work/shared/bench
WORK=$(mktemp -d "${TMPDIR:-/tmp}/redact-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

echo "== build (bin/agent builds the shaded jar when needed; the bench module has the line copy)"
bin/agent version >/dev/null
mvn -B -q -Pbench -pl bench -am package -DskipTests   # -am: the reactor's modules, never stale ones in ~/.m2
BENCH_JAR=bench/target/benchmarks.jar

echo "== generate logs: $MIB MiB (seed 1 and 2), $NAIVE_MIB MiB for NaiveRedact (seed 1, warm-up seed 3)"
python3 "$SHARED/make-logs.py" --mib "$MIB" --seed 1 --out "$WORK/a.log" &
python3 "$SHARED/make-logs.py" --mib "$MIB" --seed 2 --out "$WORK/b.log" &
python3 "$SHARED/make-logs.py" --mib "$NAIVE_MIB" --seed 1 --out "$WORK/naive.log" &
python3 "$SHARED/make-logs.py" --mib 4 --seed 3 --out "$WORK/warm.log" &
wait

redaction_config "$WORK/state" > "$WORK/agent.yaml"

# seconds OUT CMD...: runs CMD with stdout to OUT, prints the wall-clock seconds it took; the CPU seconds
# (user + sys) go to $WORK/cpu, because on a shared machine the wall clock measures the other tenants too.
# A file OUT of an earlier round is removed first (untimed), as is the line copy's output: writing over an existing
# 256 MiB file cost every program ~0.11 s more than writing a new one here (the truncation, and ext4 writing back at
# close a file that was truncated and written again: `cat a.log > old` 185-206 ms against 80-89 ms into a new file;
# `bin/agent redact` 1.95 against 1.84 s, 6 alternating pairs; docs/benchmarks.md, session 16), which the first round
# did not pay and the later ones did.
seconds() {
  local out=$1 s e; shift
  if [ -f "$out" ]; then rm -f "$out"; fi
  s=$(date +%s.%N); /usr/bin/time -f '%U %S' -o "$WORK/time" "$@" > "$out"; e=$(date +%s.%N)
  awk '{print $1 + $2}' "$WORK/time" > "$WORK/cpu"
  echo "$e - $s" | bc
}
rate() { echo "scale=1; $1 / $2" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

SIZE_MIB=$(echo "scale=3; $(stat -c %s "$WORK/a.log") / 1048576" | bc)
: > "$WORK/empty.log"; : > "$WORK/empty.txt"; : > "$WORK/net.txt"
: > "$WORK/copy.txt"; : > "$WORK/one.txt"; : > "$WORK/two.txt"; : > "$WORK/twoserial.txt"; : > "$WORK/naive.txt"
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round"
  rm -f "$WORK/copy.out"
  t=$(seconds /dev/null java -Xmx256m -XX:+UseSerialGC -cp "$BENCH_JAR" io.companyos.agent.bench.redaction.LineCopy \
      "$WORK/a.log" "$WORK/copy.out")
  rate "$SIZE_MIB" "$t" | tee -a "$WORK/copy.txt" | sed 's/^/line copy MiB\/s: /'
  rate "$SIZE_MIB" "$(cat "$WORK/cpu")" >> "$WORK/copy.cpu"
  t=$(seconds "$WORK/one.out" bin/agent redact -c "$WORK/agent.yaml" "$WORK/a.log")
  rate "$SIZE_MIB" "$t" | tee -a "$WORK/one.txt" | sed 's/^/agent redact, 1 file MiB\/s: /'
  rate "$SIZE_MIB" "$(cat "$WORK/cpu")" >> "$WORK/one.cpu"
  # the same command on an empty file: the process's start and exit alone, to tell them from the redaction
  e=$(seconds /dev/null bin/agent redact -c "$WORK/agent.yaml" "$WORK/empty.log")
  printf '%.3f\n' "$e" | tee -a "$WORK/empty.txt" | sed 's/^/agent redact, empty file s: /'
  rate "$SIZE_MIB" "$(echo "$t - $e" | bc)" >> "$WORK/net.txt"
  rm -rf "$WORK/out"
  t=$(seconds /dev/null bin/agent redact -c "$WORK/agent.yaml" --threads 1 --out-dir "$WORK/out" "$WORK/a.log" "$WORK/b.log")
  rate "$(echo "2 * $SIZE_MIB" | bc)" "$t" | tee -a "$WORK/twoserial.txt" | sed 's/^/agent redact, 2 files, 1 thread MiB\/s: /'
  rm -rf "$WORK/out"
  t=$(seconds /dev/null bin/agent redact -c "$WORK/agent.yaml" --threads 2 --out-dir "$WORK/out" "$WORK/a.log" "$WORK/b.log")
  rate "$(echo "2 * $SIZE_MIB" | bc)" "$t" | tee -a "$WORK/two.txt" | sed 's/^/agent redact, 2 files, 2 threads MiB\/s: /'
  java -Xmx1g "$SHARED/NaiveRedact.java" seq "$WORK/naive.log" "$WORK/naive.out" "$WORK/warm.log" \
    | grep RESULT | sed 's/.*MiBps=//' | tee -a "$WORK/naive.txt" | sed 's/^/NaiveRedact seq MiB\/s: /'
done

COPY=$(median < "$WORK/copy.txt"); ONE=$(median < "$WORK/one.txt"); TWO=$(median < "$WORK/two.txt")
SERIAL=$(median < "$WORK/twoserial.txt"); NAIVE=$(median < "$WORK/naive.txt")
COPY_CPU=$(median < "$WORK/copy.cpu"); ONE_CPU=$(median < "$WORK/one.cpu")
EMPTY=$(median < "$WORK/empty.txt"); NET=$(median < "$WORK/net.txt")
echo
echo "== medians of $ROUNDS rounds, $SIZE_MIB MiB per file, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-44s %8s MiB/s\n' "plain UTF-8 line copy" "$COPY" "agent redact, 1 file" "$ONE" \
  "agent redact, 1 file, net of an empty run" "$NET" \
  "agent redact, 2 files, --threads 1" "$SERIAL" "agent redact, 2 files, --threads 2" "$TWO" \
  "NaiveRedact seq ($NAIVE_MIB MiB)" "$NAIVE"
echo "agent redact of an empty file (start and exit): $EMPTY s"
echo "per CPU second (user+sys, JIT threads included): line copy $COPY_CPU MiB, agent redact $ONE_CPU MiB"
echo "agent / line copy:        $(echo "scale=2; $ONE / $COPY" | bc) (wall), $(echo "scale=2; $ONE_CPU / $COPY_CPU" | bc) (CPU)"
echo "agent / NaiveRedact:      $(echo "scale=1; $ONE / $NAIVE" | bc)"
echo "2 threads / 1 thread:     $(echo "scale=2; $TWO / $SERIAL" | bc)"
head -c 2000 "$WORK/one.out" | grep -m3 -E '<(email|ipv4|secret):' | cut -c1-160 || true
