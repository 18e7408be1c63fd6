#!/usr/bin/env bash
# The daemon's footprint as a sidecar on every node runs it (bin/agent with its own JVM options), three measurements:
#
#   bench/daemon-footprint.sh start [ROUNDS=7] [VARIANT...]
#       start-up: from `bin/agent run` to the first GET /readyz = 200 (wall ms), the JVM's CPU time (user+sys, from
#       /proc/PID/stat) and RSS at that moment. The variants are run interleaved (round 1: A B C, round 2: A B C ...)
#       so that a busy machine slows all of them alike; medians and ranges per variant. A VARIANT is
#       `label:ASSIGNMENTS`, shell assignments evaluated for that variant's bin/agent, e.g.
#         'defaults:'  'no-cds:AGENT_CDS=off'  'g1:AGENT_JAVA_OPTS="-XX:+UseG1GC"'  'old:JAR=/tmp/old.jar'
#       (JAR: a given build, LAUNCHER: a given bin/agent; each variant runs its own copy of its jar, with its own
#       class-data-sharing archive).
#       Default variants: defaults, no-cds.
#
#   bench/daemon-footprint.sh idle [MINUTES=5] [WARMUP_SECONDS=60]
#       idle RSS and CPU at the default intervals, side by side in the same window with collectd (the native baseline,
#       Debian package collectd-core, installed here when absent): agent A with a realistic configuration (probes of
#       the running PostgreSQL and Redis, an HTTP and a TCP probe, one scrape, one log source with a line a second),
#       agent B with the embedded defaults (host metrics only, like collectd), both scraped by a Prometheus stand-in
#       (curl /metrics every 30 s), and collectd reading cpu, memory, load, swap, disk, interface and df every 30 s
#       into CSV files. CPU = utime+stime over the window after the warm-up; RSS from /proc/PID/status.
#
#   bench/daemon-footprint.sh rss [ROUNDS=3] [IDLE_SECONDS=150] [VARIANT...]
#       idle RSS of the realistic configuration (agent A of `idle`) for several variants side by side: each round
#       starts one agent per variant at the same time (start order rotated per round), lets them idle IDLE_SECONDS
#       and reads VmRSS from /proc/PID/status; medians per variant. VARIANTs as for `start`, and PG_PROBE_KEYS /
#       REDIS_PROBE_KEYS: extra keys of the postgres / redis probe, e.g. 'nokeep:PG_PROBE_KEYS="keepConnection: false"'.
#
#   bench/daemon-footprint.sh curve [MINUTES=60] [INTERVAL_SECONDS=30] [VARIANT...]
#       the RSS curve of the realistic configuration over a long idle: one agent per variant, all started at the same
#       time and scraped like in `idle` (GET /metrics every 30 s), VmRSS, CPU ticks and threads of each sampled every
#       INTERVAL_SECONDS into curve.csv
#       (seconds,label,rss_kib,cpu_ticks,threads); at the end a table per variant: RSS at 2.5, 5, 10, 20, 30, 45 and
#       60 min and at the end (each the median of the samples within a minute), the slope over the last third of the
#       run, the CPU in % of a core from 5 min to the end. A variant whose AGENT_JAVA_OPTS contain -XX:NativeMemoryTracking=summary gets an NMT baseline at 2.5 min
#       and `jcmd PID VM.native_memory summary.diff` at 10, 30 and 60 min (nmt-LABEL-MIN.txt). CURVE_OUT: a directory
#       for curve.csv and the NMT files (default: the work directory). VARIANTs as for `rss`.
#
#   bench/daemon-footprint.sh export [MIB=1024]
#       RSS under load: peak RSS (VmHWM, via /usr/bin/time -v) of `bin/agent export-bundle` with the launcher's batch
#       options over MIB of logs in 8 files from make-logs.py.
#
# Environment: PG_PORT (55432), PG_USER/PG_DATABASE (agent_test), PG_PASSWORD (agent-test-pg), REDIS_PORT (56379),
#   REDIS_PASSWORD (agent-test-redis): the test services of .ci/services.sh;
#   MAKE_LOGS (../shared/bench/make-logs.py); BENCH_JAR: a given build; KEEP=1 keeps the work directory. The jar is built once when missing
#   (outside the measurement). The old form `bench/daemon-footprint.sh RUNS` means `start RUNS`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-start}
case "$mode" in [0-9]*) set -- start "$@"; mode=start ;; esac
shift || true
work=$(mktemp -d "${TMPDIR:-/tmp}/daemon-footprint.XXXXXX")
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ "${KEEP:-}" = 1 ] && echo "work directory kept: $work" || rm -rf "$work"
}
trap cleanup EXIT
hz=$(getconf CLK_TCK)
src_jar=${BENCH_JAR:-$root/agent/target/companyos-agent.jar}   # BENCH_JAR: measure a given build
[ -f "$src_jar" ] || "$root/bin/agent" version >/dev/null   # build once, outside the measurement

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# utime+stime of a process (all its threads), in clock ticks
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
status_kib() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
machine() {
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
}
start_variant() {   # label assignments config errfile: runs that variant's daemon in the background; sets started_pid
  (
    LAUNCHER=$root/bin/agent
    eval "$2"
    export AGENT_CDS AGENT_JAVA_OPTS
    export AGENT_JAR="$work/$1/agent.jar"
    exec "$LAUNCHER" run --config "$3"
  ) 2>"$4" &
  started_pid=$!
}

wait_ready() {   # pid port log: polls /readyz every 10 ms; fails when the process dies
  until curl -sf -o /dev/null "http://127.0.0.1:$2/readyz"; do
    kill -0 "$1" 2>/dev/null || { echo "agent died:" >&2; cat "$3" >&2; return 1; }
    sleep 0.01
  done
}

prepare_variants() {   # label:ASSIGNMENTS...: each variant gets its own copy of its jar and its own CDS archive
  local v label assign
  for v in "$@"; do
    label=${v%%:*}
    assign=${v#*:}
    mkdir -p "$work/$label"
    (
      JAR=$src_jar LAUNCHER=$root/bin/agent
      eval "$assign"
      export AGENT_CDS AGENT_JAVA_OPTS
      cp "$JAR" "$work/$label/agent.jar"
      # the variant's own class-data-sharing archive (unless it switches CDS off), made before the measurement
      AGENT_JAR="$work/$label/agent.jar" "$LAUNCHER" version >/dev/null
    )
    : > "$work/$label/results"
  done
}

start_mode() {
  local rounds=${1:-7}
  shift || true
  local variants=("$@")
  [ ${#variants[@]} -gt 0 ] || variants=('defaults:' 'no-cds:AGENT_CDS=off')
  local v label assign
  prepare_variants "${variants[@]}"
  machine
  local round port pid t0 t1 ticks rss
  for round in $(seq 1 "$rounds"); do
    for v in "${variants[@]}"; do
      label=${v%%:*}
      assign=${v#*:}
      port=$(free_port)
      t0=$(date +%s%N)
      (
        LAUNCHER=$root/bin/agent
        eval "$assign"
        export AGENT_CDS AGENT_JAVA_OPTS
        export AGENT_JAR="$work/$label/agent.jar" COMPANYOS_AGENT_STATE_DIR="$work/$label/state-$round" \
          COMPANYOS_AGENT_SERVER_PORT=$port
        exec "$LAUNCHER" run
      ) 2>"$work/$label/err-$round" &
      pid=$!
      wait_ready "$pid" "$port" "$work/$label/err-$round"
      t1=$(date +%s%N)
      ticks=$(cpu_ticks "$pid")   # bin/agent execs java: $pid is the JVM
      rss=$(status_kib "$pid" VmRSS)
      kill -TERM "$pid"
      wait "$pid" || true
      echo "$(( (t1 - t0) / 1000000 )) $(( ticks * 1000 / hz )) $(( rss / 1024 ))" >> "$work/$label/results"
    done
  done
  machine
  printf '%-12s %-28s %-28s %s\n' variant "ready ms: median (min-max)" "CPU ms to ready: median (range)" "RSS MiB"
  for v in "${variants[@]}"; do
    label=${v%%:*}
    local r="$work/$label/results"
    printf '%-12s %-28s %-28s %s\n' "$label" \
      "$(cut -d' ' -f1 "$r" | median) ($(cut -d' ' -f1 "$r" | sort -n | head -1)-$(cut -d' ' -f1 "$r" | sort -n | tail -1))" \
      "$(cut -d' ' -f2 "$r" | median) ($(cut -d' ' -f2 "$r" | sort -n | head -1)-$(cut -d' ' -f2 "$r" | sort -n | tail -1))" \
      "$(cut -d' ' -f3 "$r" | median)"
    echo "  $label ($(echo "${v#*:}")): $(tr '\n' ' ' < "$r" | sed 's/ $//' | awk '{for(i=1;i<=NF;i+=3) printf "%s/%s/%s ", $i, $(i+1), $(i+2)}')" \
      "(wall/cpu/rss per round)"
  done
}

install_collectd() {
  command -v collectd >/dev/null 2>&1 || [ -x /usr/sbin/collectd ] && return 0
  echo "installing collectd-core (the benchmark's baseline)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends collectd-core >/dev/null
}

idle_mode() {
  local minutes=${1:-5} warmup=${2:-60}
  install_collectd
  mkdir -p "$work/collectd/csv"
  local www_port a_port b_port
  realistic_setup
  a_port=$(free_port); b_port=$(free_port)
  realistic_config "$work/agent-a.yaml" "$work/state-a" "$a_port"
  cat > "$work/collectd.conf" <<EOF
Hostname "bench"
FQDNLookup false
BaseDir "$work/collectd"
PIDFile "$work/collectd/collectd.pid"
TypesDB "/usr/share/collectd/types.db"
Interval 30
LoadPlugin logfile
<Plugin logfile>
  LogLevel warning
  File "$work/collectd/collectd.log"
</Plugin>
LoadPlugin cpu
LoadPlugin memory
LoadPlugin load
LoadPlugin swap
LoadPlugin disk
LoadPlugin interface
LoadPlugin df
LoadPlugin csv
<Plugin csv>
  DataDir "$work/collectd/csv"
  StoreRates true
</Plugin>
EOF
  cp "$src_jar" "$work/agent.jar"
  export AGENT_JAR="$work/agent.jar"
  "$root/bin/agent" version >/dev/null   # the class-data-sharing archive, outside the measurement
  machine
  "$root/bin/agent" run --config "$work/agent-a.yaml" 2>"$work/agent-a.log" &
  local a=$!; pids+=($a)
  COMPANYOS_AGENT_STATE_DIR="$work/state-b" COMPANYOS_AGENT_SERVER_PORT=$b_port "$root/bin/agent" run \
    2>"$work/agent-b.log" &
  local b=$!; pids+=($b)
  "$(command -v collectd || echo /usr/sbin/collectd)" -f -C "$work/collectd.conf" &
  local c=$!; pids+=($c)
  wait_ready "$a" "$a_port" "$work/agent-a.log"
  wait_ready "$b" "$b_port" "$work/agent-b.log"
  # the Prometheus stand-in, for both agents
  ( while :; do curl -sf -o /dev/null "http://127.0.0.1:$a_port/metrics"; curl -sf -o /dev/null \
      "http://127.0.0.1:$b_port/metrics"; sleep 30; done ) &
  pids+=($!)
  echo "warm-up ${warmup} s, then a window of ${minutes} min"
  sleep "$warmup"
  local p start_ticks=() start_rss=() load0
  load0=$(cut -d' ' -f1-3 /proc/loadavg)
  for p in "$a" "$b" "$c"; do start_ticks+=("$(cpu_ticks "$p")"); start_rss+=("$(status_kib "$p" VmRSS)"); done
  local t0 t1; t0=$(date +%s%N)
  sleep $((minutes * 60))
  t1=$(date +%s%N)
  local secs; secs=$(echo "($t1 - $t0) / 1000000000" | bc -l)
  echo "window ${minutes} min; load average at start $load0, at end $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-34s %10s %12s %14s %14s %12s\n' process "CPU s" "% of 1 core" "CPU s per hour" "RSS MiB (start/end)" "VmHWM MiB"
  local i=0 names=("agent, realistic config (A)" "agent, embedded defaults (B)" "collectd 5.12, 7 plugins")
  for p in "$a" "$b" "$c"; do
    local dt=$(( $(cpu_ticks "$p") - start_ticks[i] ))
    local cpu; cpu=$(echo "$dt / $hz" | bc -l)
    printf '%-34s %10.2f %12.3f %14.1f %9s/%-9s %12s\n' "${names[$i]}" "$cpu" "$(echo "100 * $cpu / $secs" | bc -l)" \
      "$(echo "3600 * $cpu / $secs" | bc -l)" "$(( start_rss[i] / 1024 ))" "$(( $(status_kib "$p" VmRSS) / 1024 ))" \
      "$(( $(status_kib "$p" VmHWM) / 1024 ))"
    i=$((i + 1))
  done
  echo "agent A /v1/status (probes, scrapes, logs):"
  curl -sf -H "Authorization: Bearer $(cat "$work/admin-token")" "http://127.0.0.1:$a_port/v1/status" \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); c=d.get("components", d); print(json.dumps({k: c.get(k) for k in ("probes","scrapes","logs") if k in c})[:600])' \
    || echo "  (status not readable)"
  echo "collectd wrote $(find "$work/collectd/csv" -type f | wc -l) CSV files; its log: $(cat "$work/collectd/collectd.log" 2>/dev/null | wc -l) lines"
}

# the realistic configuration's surroundings (for idle and rss): a /metrics server, a service writing a log line a
# second, the probes' password files; sets www_port
realistic_setup() {
  mkdir -p "$work/logs" "$work/www"
  printf '%s' "${PG_PASSWORD:-agent-test-pg}" > "$work/pg-password"
  printf '%s' "${REDIS_PASSWORD:-agent-test-redis}" > "$work/redis-password"
  head -c 24 /dev/urandom | base64 > "$work/admin-token"
  python3 - "$work/www/metrics" <<'EOF'
import sys
out = []
for f in range(40):
    out.append(f"# HELP svc_metric_{f}_total A counter of the service\n# TYPE svc_metric_{f}_total counter\n")
    for s in range(6):
        out.append(f'svc_metric_{f}_total{{route="/api/v{s}/items",status="200"}} {f * 1000 + s}\n')
open(sys.argv[1], "w").write("".join(out))
EOF
  www_port=$(free_port)
  (cd "$work/www" && exec python3 -m http.server "$www_port" --bind 127.0.0.1) >/dev/null 2>&1 &
  pids+=($!)
  ( n=0; while :; do n=$((n+1)); lvl=INFO; [ $((n % 20)) -eq 0 ] && lvl=ERROR
      echo "$(date -u +%FT%T.%3NZ) $lvl [main] c.c.api.Handler - request $n served in 12 ms" >> "$work/logs/app.log"
      sleep 1; done ) &
  pids+=($!)
}

realistic_config() {   # file state_dir port [pg_keys redis_keys]: extra keys of the postgres and redis probes
  cat > "$1" <<EOF
stateDir: $2
installation: { cluster: bench, node: bench }
server: { port: $3, adminTokenFile: $work/admin-token }
probes:
  - { name: db, type: postgres, host: 127.0.0.1, port: ${PG_PORT:-55432}, database: ${PG_DATABASE:-agent_test}, user: ${PG_USER:-agent_test}, passwordFile: $work/pg-password${4:+, $4} }
  - { name: cache, type: redis, host: 127.0.0.1, port: ${REDIS_PORT:-56379}, passwordFile: $work/redis-password${5:+, $5} }
  - { name: web, type: http, url: "http://127.0.0.1:$www_port/metrics" }
  - { name: web-tcp, type: tcp, host: 127.0.0.1, port: $www_port }
scrapes:
  - { name: svc, url: "http://127.0.0.1:$www_port/metrics", allow: ["svc_metric_*"] }
logs:
  - { path: "$work/logs/*.log", service: api }
EOF
}

rss_mode() {
  local rounds=${1:-3} idle=${2:-150}
  shift 2 || shift $#
  local variants=("$@")
  [ ${#variants[@]} -gt 0 ] || variants=('defaults:')
  local www_port v label assign
  realistic_setup
  prepare_variants "${variants[@]}"
  machine
  local round i n=${#variants[@]} port pid started
  for round in $(seq 1 "$rounds"); do
    started=()
    for i in $(seq 0 $((n - 1))); do
      v=${variants[$(( (i + round - 1) % n ))]}
      label=${v%%:*}
      assign=${v#*:}
      port=$(free_port)
      realistic_config "$work/$label/agent-$round.yaml" "$work/$label/state-$round" "$port" \
        "$(eval "$assign"; echo "${PG_PROBE_KEYS:-}")" "$(eval "$assign"; echo "${REDIS_PROBE_KEYS:-}")"
      start_variant "$label" "$assign" "$work/$label/agent-$round.yaml" "$work/$label/err-$round"
      pid=$started_pid
      pids+=($pid)
      started+=("$label:$pid:$port")
    done
    for v in "${started[@]}"; do
      IFS=: read -r label pid port <<< "$v"
      wait_ready "$pid" "$port" "$work/$label/err-$round"
    done
    sleep "$idle"
    for v in "${started[@]}"; do
      IFS=: read -r label pid port <<< "$v"
      echo "$(( $(status_kib "$pid" VmRSS) / 1024 )) $(ls "/proc/$pid/task" | wc -l)" >> "$work/$label/results"
    done
    for v in "${started[@]}"; do
      IFS=: read -r label pid port <<< "$v"
      kill -TERM "$pid"; wait "$pid" || true
    done
    echo "round $round done ($(cut -d' ' -f1-3 /proc/loadavg))"
  done
  machine
  printf '%-14s %-26s %s\n' variant "idle RSS MiB: median (range)" "threads"
  for v in "${variants[@]}"; do
    label=${v%%:*}
    local r="$work/$label/results"
    printf '%-14s %-26s %s    %s\n' "$label" \
      "$(cut -d' ' -f1 "$r" | median) ($(cut -d' ' -f1 "$r" | sort -n | head -1)-$(cut -d' ' -f1 "$r" | sort -n | tail -1))" \
      "$(cut -d' ' -f2 "$r" | median)" "per round: $(cut -d' ' -f1 "$r" | tr '\n' ' ')(${v#*:})"
  done
}

curve_mode() {
  local minutes=${1:-60} interval=${2:-30}
  shift 2 || shift $#
  local variants=("$@")
  [ ${#variants[@]} -gt 0 ] || variants=('defaults:')
  local out=${CURVE_OUT:-$work}
  mkdir -p "$out"
  local www_port v label assign port pid started=()
  realistic_setup
  prepare_variants "${variants[@]}"
  machine | tee "$out/machine.txt"
  for v in "${variants[@]}"; do
    label=${v%%:*}
    assign=${v#*:}
    port=$(free_port)
    realistic_config "$work/$label/agent.yaml" "$work/$label/state" "$port" \
      "$(eval "$assign"; echo "${PG_PROBE_KEYS:-}")" "$(eval "$assign"; echo "${REDIS_PROBE_KEYS:-}")"
    start_variant "$label" "$assign" "$work/$label/agent.yaml" "$work/$label/err"
    pid=$started_pid
    pids+=($pid)
    started+=("$label:$pid:$port")
  done
  local t0; t0=$(date +%s)
  for v in "${started[@]}"; do
    IFS=: read -r label pid port <<< "$v"
    wait_ready "$pid" "$port" "$work/$label/err"
  done
  # the Prometheus stand-in of `idle`: GET /metrics of every agent every 30 s
  ( while :; do for v in "${started[@]}"; do curl -sf -o /dev/null "http://127.0.0.1:${v##*:}/metrics" || true; done
      sleep 30; done ) &
  pids+=($!)
  echo "seconds,label,rss_kib,cpu_ticks,threads" > "$out/curve.csv"
  local end=$((t0 + minutes * 60)) next=$((t0 + interval)) now secs nmt_at=(600 1800 3600) based=()
  while :; do
    now=$(date +%s)
    [ "$now" -lt "$next" ] && { sleep $((next - now)); continue; }
    secs=$((now - t0))
    for v in "${started[@]}"; do
      IFS=: read -r label pid port <<< "$v"
      kill -0 "$pid" 2>/dev/null || { echo "$label died:" >&2; tail -5 "$work/$label/err" >&2; return 1; }
      echo "$secs,$label,$(status_kib "$pid" VmRSS),$(cpu_ticks "$pid"),$(ls "/proc/$pid/task" | wc -l)" >> "$out/curve.csv"
      if tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q 'NativeMemoryTracking=summary'; then
        if [ "$secs" -ge 150 ] && [[ " ${based[*]} " != *" $label "* ]]; then
          jcmd "$pid" VM.native_memory baseline >/dev/null && based+=("$label")
          jcmd "$pid" VM.native_memory summary > "$out/nmt-$label-baseline.txt"
        fi
        local at
        for at in "${nmt_at[@]}"; do
          if [ "$secs" -ge "$at" ] && [ "$secs" -lt $((at + interval)) ]; then
            jcmd "$pid" VM.native_memory summary.diff > "$out/nmt-$label-$((at / 60)).txt"
          fi
        done
      fi
    done
    [ "$now" -ge "$end" ] && break
    next=$((next + interval))
  done
  machine | tee -a "$out/machine.txt"
  curve_table "$out/curve.csv" "$minutes"
  echo "samples: $out/curve.csv"
}

curve_table() {   # curve.csv minutes: RSS MiB at fixed minutes, slope over the last third, CPU % of a core after 5 min
  python3 - "$1" "$2" "$hz" <<'EOF'
import csv, statistics, sys
rows, minutes, hz = list(csv.DictReader(open(sys.argv[1]))), float(sys.argv[2]), int(sys.argv[3])
labels = list(dict.fromkeys(r["label"] for r in rows))
end = max(int(r["seconds"]) for r in rows)
marks = [m for m in (2.5, 5, 10, 20, 30, 45, 60, 90, 120) if m * 60 <= end - 60]
rss = lambda r: int(r["rss_kib"]) / 1024
def around(series, sec):   # the median of the samples within a minute either side (one sample can catch a spike)
    return statistics.median(rss(r) for r in series if abs(int(r["seconds"]) - sec) <= 60)
def at(series, sec):   # the last sample at or before sec
    best = series[0]
    for r in series:
        if int(r["seconds"]) <= sec: best = r
    return best
print("RSS MiB (median of the samples within a minute of each mark)")
print("%-14s " % "variant" + " ".join("%6s" % ("%gm" % m) for m in marks)
      + "    end  MiB/10min(last third)  CPU%(5m-end)  threads")
for l in labels:
    s = [r for r in rows if r["label"] == l]
    last = s[-1]; t_end = int(last["seconds"]); third = t_end * 2 // 3
    slope = (around(s, t_end) - around(s, third)) / max(1, t_end - third) * 600
    c5 = at(s, 300)
    cpu = (int(last["cpu_ticks"]) - int(c5["cpu_ticks"])) / hz / max(1, t_end - int(c5["seconds"])) * 100
    print("%-14s " % l + " ".join("%6.1f" % around(s, m * 60) for m in marks)
          + " %6.1f  %20.2f  %12.3f  %7s" % (around(s, t_end), slope, cpu, last["threads"]))
EOF
}

export_mode() {
  local mib=${1:-1024} files=8
  local make_logs=${MAKE_LOGS:-$root/../shared/bench/make-logs.py}
  [ -f "$make_logs" ] || make_logs=/work/shared/bench/make-logs.py
  mkdir -p "$work/logs" "$work/out"
  for i in $(seq 1 $files); do
    python3 "$make_logs" --mib $((mib / files)) --seed "$i" --out "$work/logs/service-$i.log" &
  done
  wait
  cat > "$work/export.yaml" <<EOF
stateDir: $work/state
installation: { cluster: bench, node: bench }
logs:
  - { path: "$work/logs/*.log", service: bench }
bundle:
  outputDir: $work/out
EOF
  cp "$src_jar" "$work/agent.jar"
  export AGENT_JAR="$work/agent.jar"
  "$root/bin/agent" version >/dev/null
  machine
  echo "logs: $(du -sh "$work/logs" | cut -f1) in $files files"
  /usr/bin/time -v "$root/bin/agent" export-bundle --config "$work/export.yaml" --include logs --since 3650d \
    --max-size 4GiB --max-file-size 1GiB --deadline 30m >"$work/receipt" 2>"$work/time.txt" \
    || { cat "$work/time.txt"; exit 1; }
  sed -E 's/ sha256 [0-9a-f]+//' "$work/receipt" | cut -c1-200
  grep -E 'Maximum resident|Elapsed|User time|System time' "$work/time.txt" | sed 's/^\s*/  /'
  echo "peak RSS: $(( $(awk -F': ' '/Maximum resident/ {print $2}' "$work/time.txt") / 1024 )) MiB"
  machine
}

case "$mode" in
  start) start_mode "$@" ;;
  idle) idle_mode "$@" ;;
  rss) rss_mode "$@" ;;
  curve) curve_mode "$@" ;;
  export) export_mode "$@" ;;
  *) echo "usage: bench/daemon-footprint.sh start [ROUNDS] [label:ASSIGNMENTS...] | idle [MINUTES] [WARMUP_S] | rss [ROUNDS] [IDLE_S] [label:ASSIGNMENTS...] | curve [MINUTES] [INTERVAL_S] [label:ASSIGNMENTS...] | export [MIB]" >&2
     exit 2 ;;
esac
