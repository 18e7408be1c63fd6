#!/usr/bin/env bash
# Support-bundle export throughput: 1 GiB of logs (8 files from ../shared/bench/make-logs.py) through the agent's
# bundle writer (-Xmx256m, peak RSS reported) against `tar cf - DIR | zstd -3 | gpg -z 0 --encrypt -r KEY` on the
# same files in the same run.
#
# Usage: bench/bundle-throughput.sh [MIB_TOTAL=1024] [REDACTOR=pass-through|planted]
#   pass-through: text is decoded, copied unchanged and re-encoded (pipeline cost only; NOT a redactor)
#   planted:      the test redactor (two regexes per line: e-mail and SECRET-… tokens)
set -euo pipefail
cd "$(dirname "$0")/.."
MIB_TOTAL=${1:-1024}
REDACTOR=${2:-pass-through}
FILES=8
MAKE_LOGS=${MAKE_LOGS:-../shared/bench/make-logs.py}
[ -f "$MAKE_LOGS" ] || MAKE_LOGS=/work/shared/bench/make-logs.py
WORK=$(mktemp -d "${TMPDIR:-/tmp}/bundle-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/logs" "$WORK/out" "$WORK/state" "$WORK/gnupg"
chmod 700 "$WORK/gnupg"

echo "== build"
mvn -B -q -o -pl bundle install -DskipTests
mvn -B -q -o -pl bundle dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt"
CP="bundle/target/classes:bundle/target/test-classes:$(cat "$WORK/cp.txt")"

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

JAVA_OPTS=(-Xmx256m)
if java -version 2>&1 | grep -qE 'version "(2[2-9]|[3-9][0-9])'; then JAVA_OPTS+=(--enable-native-access=ALL-UNNAMED); fi

for round in 1 2 3; do
  sync; rm -f "$WORK"/out/*.pgp "$WORK/baseline.pgp"
  start=$(date +%s.%N)
  tar cf - -C "$WORK" logs | zstd -q -3 | gpg --homedir "$WORK/gnupg" --batch -z 0 --encrypt -r bench@example.com \
    > "$WORK/baseline.pgp"
  end=$(date +%s.%N)
  baseline=$(echo "$end - $start" | bc)
  /usr/bin/time -f 'max_rss_kib=%M wall_seconds=%e' -o "$WORK/time.txt" \
    java "${JAVA_OPTS[@]}" -cp "$CP" io.companyos.agent.bundle.BundleThroughput \
      "$WORK/logs" "$WORK/recipient.asc" "$WORK/out" "$WORK/state" "$REDACTOR" > "$WORK/java.txt"
  printf 'round %d: baseline_seconds=%.2f baseline_bytes=%d | %s | %s\n' "$round" "$baseline" \
    "$(stat -c %s "$WORK/baseline.pgp")" "$(cat "$WORK/java.txt")" "$(cat "$WORK/time.txt")"
done
