#!/usr/bin/env bash
# Support-bundle export throughput: 1 GiB of logs (8 files from ../shared/bench/make-logs.py) exported with FULL
# redaction by the real command (`bin/agent export-bundle --include logs`, the batch JVM options of bin/agent:
# -XX:+UseSerialGC -Xmx256m; peak RSS from /usr/bin/time) against
# `tar cf - DIR | zstd -3 | gpg -z 0 --encrypt -r KEY` on the same files in the same run (which redacts nothing).
#
# Usage: bench/bundle-throughput.sh [MIB_TOTAL=1024] [ROUNDS=3] [MODE=agent|pass-through]
#   agent:        the agent's export-bundle: real collectors, real Redactor (every detector), real writer
#   pass-through: the bundle module's BundleThroughput driver with a copying "redactor" (pipeline cost only)
# Environment: AGENT_JAR (default agent/target/companyos-agent.jar, built with -pl agent -am when missing),
#   MAKE_LOGS (default ../shared/bench/make-logs.py), KEEP=1 keeps the work directory,
#   VARIANTS (agent mode): one "name:JVM options" per line, each run after the baseline in every round with those
#   options in AGENT_JAVA_OPTS (interleaved), e.g. the JIT choices of export-bundle:
#     VARIANTS=$'launcher:\nfull-jit:-XX:CompileCommand=MaxNodeLimit,io.companyos.agent.redaction.*::*,80000\nc1:-XX:TieredStopAtLevel=1'
#   Default: "launcher:" (bin/agent's own options only).
set -euo pipefail
cd "$(dirname "$0")/.."
MIB_TOTAL=${1:-1024}
ROUNDS=${2:-3}
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
  [ -f "$AGENT_JAR" ] || mvn -B -q -o -pl agent -am package -DskipTests
else
  mvn -B -q -o -pl bundle install -DskipTests
  mvn -B -q -o -pl bundle dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt"
  CP="bundle/target/classes:bundle/target/test-classes:$(cat "$WORK/cp.txt")"
fi

echo "== generate $MIB_TOTAL MiB of logs in $FILES files"
for i in $(seq 1 $FILES); do
  python3 "$MAKE_LOGS" --mib $((MIB_TOTAL / FILES)) --seed "$i" --out "$WORK/logs/service-$i.log" &
done
wait
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
      rm -f "$WORK"/out/*.pgp
      # the files' timestamps are from 2024: a window reaching back far enough takes them whole
      /usr/bin/time -f 'max_rss_kib=%M wall_seconds=%e cpu_user=%U cpu_sys=%S' -o "$WORK/time.txt" \
        env AGENT_CDS=off AGENT_JAVA_OPTS="${variant#*:}" bin/agent export-bundle --config "$WORK/agent.yaml" \
          --include logs --since 3650d --max-size 4GiB --max-file-size 1GiB --deadline 30m \
          --recipient "$WORK/recipient.asc" < /dev/null > "$WORK/java.txt" 2> "$WORK/java.err" \
          || { cat "$WORK/java.err"; exit 1; }
      result="$(sed -E 's/ sha256 [0-9a-f]+//' "$WORK/java.txt" | cut -c1-160)"
      wall=$(sed -E 's/.*wall_seconds=([0-9.]+).*/\1/' "$WORK/time.txt")
      printf 'round %d: load %s | baseline %.2f s (%d bytes) | agent [%s] %s s, ratio %.2f | %s | %s\n' "$round" \
        "$load_before" "$baseline" "$(stat -c %s "$WORK/baseline.pgp")" "$name" "$wall" \
        "$(echo "$wall / $baseline" | bc -l)" "$(cat "$WORK/time.txt")" "$result"
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
