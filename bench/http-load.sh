#!/usr/bin/env bash
# Load test of the daemon's HTTP endpoints with wrk (Debian package, installed here when absent): GET /metrics, then
# GET /v1/status (with the admin bearer token), each for DURATION seconds on loopback, reporting wrk's latency
# percentiles, and checking that the daemon keeps its schedule under that load:
#   - probes (PostgreSQL, Redis, TCP) every probeInterval: runs seen in /v1/status (probes.lastRun) during the load
#     vs the expected count, and the largest gap between runs;
#   - the scrape every its interval (scrapes.<name>.lastScrape), likewise;
#   - tier full's OTLP exports and heartbeats to a loopback sink: requests the sink received during the load vs the
#     expected count;
#   - the log source (a line every 0.1 s, every 10th an ERROR): ERROR lines written vs agent_log_errors_events_total.
#   - every response wrk got was 2xx (e.g. the admin token was accepted).
# A check that fails is printed as FAIL and the script exits 1 (after printing everything).
#
# Usage: bench/http-load.sh [DURATION=30] [THREADS=2] [CONNECTIONS=16]
# Environment: BENCH_JAR (a given build), PROBE_INTERVAL (5s), EXPORT_INTERVAL (10s: telemetry.interval and heartbeat.interval), PG_PORT,
#   PG_USER, PG_DATABASE, PG_PASSWORD, REDIS_PORT, REDIS_PASSWORD (the test services of .ci/services.sh), KEEP=1.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
duration=${1:-30}
threads=${2:-2}
connections=${3:-16}
probe_s=${PROBE_INTERVAL:-5}
export_s=${EXPORT_INTERVAL:-10}
work=$(mktemp -d "${TMPDIR:-/tmp}/http-load.XXXXXX")
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ "${KEEP:-}" = 1 ] && echo "work directory kept: $work" || rm -rf "$work"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (the benchmark's load generator)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends wrk >/dev/null
fi
src_jar=${BENCH_JAR:-$root/agent/target/companyos-agent.jar}   # BENCH_JAR: measure a given build
[ -f "$src_jar" ] || "$root/bin/agent" version >/dev/null
cp "$src_jar" "$work/agent.jar"
export AGENT_JAR="$work/agent.jar"
"$root/bin/agent" version >/dev/null   # the class-data-sharing archive, outside the measurement

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port); sink_port=$(free_port); www_port=$(free_port)
mkdir -p "$work/logs" "$work/www"
head -c 24 /dev/urandom | base64 > "$work/admin-token"
token=$(cat "$work/admin-token")
printf '%s' "${PG_PASSWORD:-agent-test-pg}" > "$work/pg-password"
printf '%s' "${REDIS_PASSWORD:-agent-test-redis}" > "$work/redis-password"
printf '# TYPE svc_requests_total counter\nsvc_requests_total{route="/a"} 7\nsvc_requests_total{route="/b"} 9\n' \
  > "$work/www/metrics"

# the vendor endpoint stand-in: answers every POST 200 and records when and where
cat > "$work/sink.py" <<'EOF'
import http.server, sys, time
log = open(sys.argv[2], "a", buffering=1)
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        log.write(f"{time.time():.3f} {self.path}\n")
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
EOF
python3 "$work/sink.py" "$sink_port" "$work/sink.log" & pids+=($!)
(cd "$work/www" && exec python3 -m http.server "$www_port" --bind 127.0.0.1) >/dev/null 2>&1 & pids+=($!)
: > "$work/logs/api.log"   # there before the agent starts (it follows from the end of the files it finds)
: > "$work/errors-written"

cat > "$work/agent.yaml" <<EOF
tier: full
stateDir: $work/state
installation: { cluster: bench, node: bench }
server: { port: $port, adminTokenFile: $work/admin-token }
heartbeat: { endpoint: "http://127.0.0.1:$sink_port/v1/heartbeat", interval: ${export_s}s }
telemetry: { endpoint: "http://127.0.0.1:$sink_port", interval: ${export_s}s }
probeInterval: ${probe_s}s
probes:
  - { name: db, type: postgres, host: 127.0.0.1, port: ${PG_PORT:-55432}, database: ${PG_DATABASE:-agent_test}, user: ${PG_USER:-agent_test}, passwordFile: $work/pg-password }
  - { name: cache, type: redis, host: 127.0.0.1, port: ${REDIS_PORT:-56379}, passwordFile: $work/redis-password }
  - { name: web, type: tcp, host: 127.0.0.1, port: $www_port }
scrapes:
  - { name: svc, url: "http://127.0.0.1:$www_port/metrics", interval: ${probe_s}s, allow: ["svc_*"] }
logs:
  - { path: "$work/logs/*.log", service: api }
EOF
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
"$root/bin/agent" run --config "$work/agent.yaml" 2>"$work/agent.log" & agent=$!; pids+=($agent)
until curl -sf -o /dev/null "http://127.0.0.1:$port/readyz"; do
  kill -0 "$agent" 2>/dev/null || { echo "agent died:"; cat "$work/agent.log"; exit 1; }
  sleep 0.05
done
auth=(-H "Authorization: Bearer $token")
curl -sf "${auth[@]}" -o /dev/null "http://127.0.0.1:$port/v1/status" \
  || { echo "GET /v1/status with the admin token failed"; exit 1; }
# a service log: a line every 0.1 s, every 10th an ERROR; the writer records each ERROR it writes
( n=0; while :; do n=$((n+1)); lvl=INFO; [ $((n % 10)) -eq 0 ] && { lvl=ERROR; echo "$n" >> "$work/errors-written"; }
    echo "$(date -u +%FT%T.%3NZ) $lvl [main] c.c.api.Handler - request $n" >> "$work/logs/api.log"; sleep 0.1; done ) &
writer=$!; pids+=($writer)
sleep $((probe_s * 2))   # warm-up: first probe runs, scrape, export

# the schedule sampler: /v1/status every 0.25 s for the whole load, one JSON line per sample
cat > "$work/sample.py" <<'EOF'
import json, sys, time, urllib.request
url, token, seconds, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), open(sys.argv[4], "w", buffering=1)
end = time.time() + seconds
while time.time() < end:
    try:
        req = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
        c = json.load(urllib.request.urlopen(req, timeout=10))["components"]
        out.write(json.dumps({"t": time.time(), "probe": c["probes"]["lastRun"],
                              "scrape": c["scrapes"]["svc"]["lastScrape"]}) + "\n")
    except Exception as e:
        out.write(json.dumps({"t": time.time(), "error": type(e).__name__}) + "\n")
    time.sleep(0.25)
EOF
counter() {
  curl -sf "http://127.0.0.1:$port/metrics" | awk -v m="$1" 'index($0, m) == 1 {s += $NF} END {printf "%d", s}'
}
hz=$(getconf CLK_TCK)
cpu0=$(sed 's/.*) //' "/proc/$agent/stat" | awk '{print $12 + $13}')
t0=$(date +%s.%N)
python3 "$work/sample.py" "http://127.0.0.1:$port/v1/status" "$token" "$((2 * duration + 2))" "$work/samples.jsonl" &
sampler=$!

for path in /metrics /v1/status; do
  echo "== wrk -t$threads -c$connections -d${duration}s --latency http://127.0.0.1:$port$path"
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "${auth[@]}" "http://127.0.0.1:$port$path" \
    | tee -a "$work/wrk.txt" | sed -n '/Thread Stats/,$p'
done
t1=$(date +%s.%N)
wait "$sampler"
kill "$writer"; wait "$writer" 2>/dev/null || true
sleep 3   # the tailer polls every 2 s
written=$(wc -l < "$work/errors-written")
errors=$(counter 'agent_log_errors_events_total{')
cpu=$(( $(sed 's/.*) //' "/proc/$agent/stat" | awk '{print $12 + $13}') - cpu0 ))
echo "== daemon during the load: CPU $(echo "$cpu / $hz" | bc -l | xargs printf '%.1f') s over $(echo "$t1 - $t0" | bc | xargs printf '%.0f') s," \
  "VmHWM $(( $(awk '/VmHWM/ {print $2}' "/proc/$agent/status") / 1024 )) MiB, VmRSS $(( $(awk '/VmRSS/ {print $2}' "/proc/$agent/status") / 1024 )) MiB;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== schedule under load ($(echo "$t1 - $t0" | bc | xargs printf '%.0f') s)"
non2xx=$(awk '/Non-2xx or 3xx responses/ {s += $NF} END {print s + 0}' "$work/wrk.txt")
python3 - "$work/samples.jsonl" "$work/sink.log" "$t0" "$t1" "$probe_s" "$export_s" "$written" "$errors" "$non2xx" <<'EOF'
import json, sys, datetime
samples, sink, t0, t1, probe_s, export_s, written, errors, non2xx = sys.argv[1:]
t0, t1, probe_s, export_s, written, errors = float(t0), float(t1), float(probe_s), float(export_s), int(written), int(errors)
rows = [json.loads(l) for l in open(samples)]
failed = [r for r in rows if "error" in r]
ok = True
def ts(s): return datetime.datetime.fromisoformat(s.replace("Z", "+00:00")[:26] + "+00:00").timestamp()
def check(name, good, text):
    global ok
    ok &= good
    print(f"{'ok  ' if good else 'FAIL'} {name}: {text}")
window = t1 - t0
print(f"     /v1/status samples: {len(rows)}, failed {len(failed)}")
for key, interval in (("probe", probe_s), ("scrape", probe_s)):
    runs = sorted({ts(r[key]) for r in rows if r.get(key)})
    inside = [t for t in runs if t0 <= t <= t1]
    gaps = [b - a for a, b in zip(runs, runs[1:])]
    expected = int(window // interval)
    check(f"{key} schedule (every {interval:.0f} s)", len(inside) >= expected - 1 and max(gaps, default=0) <= 1.5 * interval,
          f"{len(inside)} runs during the load (expected {expected}), largest gap {max(gaps, default=0):.2f} s")
posts = [l.split() for l in open(sink)]
for path, label in (("/v1/metrics", "OTLP metrics export"), ("/v1/heartbeat", "heartbeat")):
    times = sorted(float(t) for t, p in posts if p == path)
    inside = [t for t in times if t0 <= t <= t1]
    gaps = [b - a for a, b in zip(times, times[1:])]
    expected = int(window // export_s)
    check(f"{label} (every {export_s:.0f} s)", len(inside) >= expected - 1 and max(gaps, default=0) <= 1.5 * export_s,
          f"{len(inside)} received during the load (expected {expected}), largest gap {max(gaps, default=0):.2f} s")
# the last ERROR may still wait in the multi-line event assembler for the line that ends it
check("log tailing", written - 1 <= errors <= written,
      f"{written} ERROR lines written (warm-up and load), agent_log_errors_events_total {errors}")
check("status endpoint answered the sampler", not failed, f"{len(failed)} failed samples")
check("every wrk response 2xx (the token was accepted)", non2xx == "0", f"{non2xx} non-2xx responses")
sys.exit(0 if ok else 1)
EOF
