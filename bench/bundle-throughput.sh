#!/usr/bin/env bash
# Support-bundle export throughput: 1 GiB of logs (8 files from ../shared/bench/make-logs.py) exported with FULL
# redaction by the real command (`bin/agent export-bundle --include logs`, the batch JVM options of bin/agent:
# -XX:+UseSerialGC -Xmx256m; peak RSS from /usr/bin/time) against
# `tar cf - DIR | zstd -3 | gpg -z 0 --encrypt -r KEY` on the same files in the same run (which redacts nothing).
#
# Usage: bench/bundle-throughput.sh [MIB_TOTAL=1024] [ROUNDS=5] [MODE=agent|pass-through]
#   agent:        the agent's export-bundle: real collectors, real Redactor (every detector), real writer
#   pass-through: the bundle module's BundleThroughput driver with a copying "redactor" (pipeline cost only)
# Environment: AGENT_JAR (default agent/target/companyos-agent.jar, built with -pl agent -am when missing),
#   MAKE_LOGS (default ../shared/bench/make-logs.py), KEEP=1 keeps the work directory,
#   VARIANTS (agent mode): one "name:JVM options" per line, each run after the baseline in every round with those
#   options in AGENT_JAVA_OPTS (interleaved), e.g. the JIT choices of export-bundle:
#     VARIANTS=$'launcher:\nfull-jit:-XX:CompileCommand=MaxNodeLimit,io.companyos.agent.redaction.*::*,80000\nc1:-XX:TieredStopAtLevel=1'
#   Default: "launcher:" (bin/agent's own options only). A name of the form NAME@JAR runs that jar instead of
#   AGENT_JAR, so that two builds are compared in the same rounds, e.g. VARIANTS=$'main@/tmp/main.jar:\nbranch:'.
#   FILE_MIB: the files' sizes in MiB, comma-separated (default: MIB_TOTAL / 8 each), e.g. FILE_MIB=640,64,64,64,64,64,64,64
#   for one large file among small ones. LOGS_DIR: use the *.log files there instead of generating them.
#   AGENT_CDS (default off, as in every pass so far): on runs the launcher as a user gets it, with its class-data
#   sharing archive (made beside each jar by one `bin/agent --version` before the rounds, outside the timings).
# Every round runs the baseline, then each variant, one after the other (interleaved, nothing pinned: all share the
# machine alike); at the end each variant's median ratio over the rounds (the baseline moves by 25 % between rounds
# on a shared machine; a single round's ratio says little).
set -euo pipefail
cd "$(dirname "$0")/.."
MIB_TOTAL=${1:-1024}
ROUNDS=${2:-5}
MODE=${3:-agent}
FILES=8
MAKE_LOGS=${MAKE_LOGS:-../shared/bench/make-logs.py}
[ -f "$MAKE_LOGS" ] || MAKE_LOGS=/work/shared/bench/make-logs.py
WORK=$(mktemp -d "${TMPDIR:-/tmp}/bundle-bench.XXXXXX")
[ "${KEEP:-}" = 1 ] || trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/logs" "$WORK/out" "$WORK/state" "$WORK/gnupg"
chmod 700 "$WORK/gnupg"

echo "== build"
if [ "$MODE" = agent ]; then
  export AGENT_JAR=${AGENT_JAR:-$PWD/agent/target/companyos-agent.jar}
  [ -f "$AGENT_JAR" ] || mvn -B -q -pl agent -am package -DskipTests
else
  mvn -B -q -pl bundle install -DskipTests
  mvn -B -q -pl bundle dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt"
  CP="bundle/target/classes:bundle/target/test-classes:$(cat "$WORK/cp.txt")"
fi

if [ -n "${LOGS_DIR:-}" ]; then
  echo "== logs from $LOGS_DIR"
  for f in "$LOGS_DIR"/*.log; do ln "$f" "$WORK/logs/" 2>/dev/null || cp "$f" "$WORK/logs/"; done
else
  IFS=, read -r -a sizes <<< "${FILE_MIB:-$(for i in $(seq 1 $FILES); do printf '%s,' $((MIB_TOTAL / FILES)); done)}"
  echo "== generate ${sizes[*]} MiB of logs in ${#sizes[@]} files"
  for i in "${!sizes[@]}"; do
    python3 "$MAKE_LOGS" --mib "${sizes[$i]}" --seed "$((i + 1))" --out "$WORK/logs/service-$((i + 1)).log" &
  done
  wait
fi
du -sh "$WORK/logs"

echo "== recipient key (gpg --quick-gen-key, Curve25519)"
gpg --homedir "$WORK/gnupg" --batch --quiet --passphrase '' --quick-gen-key 'Bench <bench@example.com>' \
  future-default default never
gpg --homedir "$WORK/gnupg" --batch --armor --export bench@example.com > "$WORK/recipient.asc"

cat > "$WORK/agent.yaml" <<EOF
stateDir: $WORK/state
installation: { cluster: bench, node: bench }
logs:
  - { path: "$WORK/logs/*.log", service: bench }
bundle:
  outputDir: $WORK/out
EOF

JAVA_OPTS=(-Xmx256m)
if java -version 2>&1 | grep -qE 'version "(2[2-9]|[3-9][0-9])'; then JAVA_OPTS+=(--enable-native-access=ALL-UNNAMED); fi

CDS=${AGENT_CDS:-off}
if [ "$MODE" = agent ] && [ "$CDS" != off ]; then
  echo "== class-data sharing archives (bin/agent's training run, once per jar)"
  while IFS= read -r variant; do
    name=${variant%%:*}
    jar=$AGENT_JAR
    if [[ "$name" == *@* ]]; then jar=${name#*@}; fi
    AGENT_JAR="$jar" bin/agent --version > /dev/null
  done <<< "${VARIANTS:-launcher:}"
fi

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
for round in $(seq 1 "$ROUNDS"); do
  sync; rm -f "$WORK"/out/*.pgp "$WORK/baseline.pgp"
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  start=$(date +%s.%N)
  tar cf - -C "$WORK" logs | zstd -q -3 | gpg --homedir "$WORK/gnupg" --batch -z 0 --encrypt -r bench@example.com \
    > "$WORK/baseline.pgp"
  end=$(date +%s.%N)
  baseline=$(echo "$end - $start" | bc)
  if [ "$MODE" = agent ]; then
    while IFS= read -r variant; do
      [ -n "$variant" ] || continue
      name=${variant%%:*}
      jar=$AGENT_JAR
      if [[ "$name" == *@* ]]; then jar=${name#*@}; name=${name%%@*}; fi
      rm -f "$WORK"/out/*.pgp
      # the files' timestamps are from 2024: a window reaching back far enough takes them whole
      /usr/bin/time -f 'max_rss_kib=%M wall_seconds=%e cpu_user=%U cpu_sys=%S' -o "$WORK/time.txt" \
        env AGENT_CDS="$CDS" AGENT_JAR="$jar" AGENT_JAVA_OPTS="${variant#*:}" bin/agent export-bundle --config "$WORK/agent.yaml" \
          --include logs --since 3650d --max-size 4GiB --max-file-size 1GiB --deadline 30m \
          --recipient "$WORK/recipient.asc" < /dev/null > "$WORK/java.txt" 2> "$WORK/java.err" \
          || { cat "$WORK/java.err"; exit 1; }
      result="$(sed -E 's/ sha256 [0-9a-f]+//' "$WORK/java.txt" | cut -c1-160)"
      wall=$(sed -E 's/.*wall_seconds=([0-9.]+).*/\1/' "$WORK/time.txt")
      printf 'round %d: load %s | baseline %.2f s (%d bytes) | agent [%s] %s s, ratio %.2f | %s | %s\n' "$round" \
        "$load_before" "$baseline" "$(stat -c %s "$WORK/baseline.pgp")" "$name" "$wall" \
        "$(echo "$wall / $baseline" | bc -l)" "$(cat "$WORK/time.txt")" "$result"
      echo "$name $(echo "$wall / $baseline" | bc -l) $wall $(sed -E 's/.*cpu_user=([0-9.]+) cpu_sys=([0-9.]+).*/\1 \2/' \
        "$WORK/time.txt" | awk '{print $1 + $2}') $(sed -E 's/max_rss_kib=([0-9]+).*/\1/' "$WORK/time.txt")" \
        >> "$WORK/ratios.txt"
    done <<< "${VARIANTS:-launcher:}"
  else
    /usr/bin/time -f 'max_rss_kib=%M wall_seconds=%e cpu_user=%U cpu_sys=%S' -o "$WORK/time.txt" \
      java "${JAVA_OPTS[@]}" -cp "$CP" io.companyos.agent.bundle.BundleThroughput \
        "$WORK/logs" "$WORK/recipient.asc" "$WORK/out" "$WORK/state" pass-through > "$WORK/java.txt"
    result="$(cat "$WORK/java.txt")"
    wall=$(sed -E 's/.*wall_seconds=([0-9.]+).*/\1/' "$WORK/time.txt")
    printf 'round %d: load %s | baseline %.2f s (%d bytes) | agent %s s, ratio %.2f | %s | %s\n' "$round" \
      "$load_before" "$baseline" "$(stat -c %s "$WORK/baseline.pgp")" "$wall" "$(echo "$wall / $baseline" | bc -l)" \
      "$(cat "$WORK/time.txt")" "$result"
  fi
done
if [ "$MODE" = agent ] && [ -f "$WORK/ratios.txt" ]; then
  echo "== medians over $ROUNDS rounds (ratio to the same round's baseline; wall s; CPU user+sys s; peak RSS MiB)"
  for name in $(awk '{print $1}' "$WORK/ratios.txt" | awk '!seen[$0]++'); do
    median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
    printf '%s: ratio %.2f (each: %s) | wall %.2f | CPU %.2f | RSS %.0f\n' "$name" \
      "$(awk -v n="$name" '$1 == n {print $2}' "$WORK/ratios.txt" | median)" \
      "$(awk -v n="$name" '$1 == n {printf "%.2f ", $2}' "$WORK/ratios.txt")" \
      "$(awk -v n="$name" '$1 == n {print $3}' "$WORK/ratios.txt" | median)" \
      "$(awk -v n="$name" '$1 == n {print $4}' "$WORK/ratios.txt" | median)" \
      "$(awk -v n="$name" '$1 == n {print $5 / 1024}' "$WORK/ratios.txt" | median)"
  done
fi
