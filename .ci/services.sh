#!/usr/bin/env bash
# Throw-away PostgreSQL and Redis for the collectors' probe tests.
#
#   bash .ci/services.sh start   # idempotent: starts what is not running yet
#   bash .ci/services.sh stop    # idempotent: stops what is running, deletes the data
#   bash .ci/services.sh status
#
# Both listen on 127.0.0.1 only, on non-default ports, with data under $AGENT_TEST_SERVICES_DIR.
# The tests read the same defaults (collectors/src/test/.../TestServers.java); override any of
# them with the environment variables below, here and for `mvn` alike.
#
#   AGENT_TEST_PG_PORT=55432  AGENT_TEST_PG_USER=agent_test  AGENT_TEST_PG_PASSWORD=agent-test-pg
#   AGENT_TEST_PG_DATABASE=agent_test
#   AGENT_TEST_REDIS_PORT=56379  AGENT_TEST_REDIS_PASSWORD=agent-test-redis
#
# Needs Debian's `postgresql` (15) and `redis-server` packages. initdb and pg_ctl refuse to run as
# root, so as root they run as the `postgres` user (runuser).
set -euo pipefail

PG_PORT="${AGENT_TEST_PG_PORT:-55432}"
PG_USER="${AGENT_TEST_PG_USER:-agent_test}"
PG_PASSWORD="${AGENT_TEST_PG_PASSWORD:-agent-test-pg}"
PG_DATABASE="${AGENT_TEST_PG_DATABASE:-agent_test}"
REDIS_PORT="${AGENT_TEST_REDIS_PORT:-56379}"
REDIS_PASSWORD="${AGENT_TEST_REDIS_PASSWORD:-agent-test-redis}"
BASE_DIR="${AGENT_TEST_SERVICES_DIR:-/tmp/companyos-agent-test-services}"

PG_DATA="$BASE_DIR/pg/data"
PG_SOCKET_DIR="$BASE_DIR/pg/socket"
PG_LOG="$BASE_DIR/pg/server.log"
REDIS_DIR="$BASE_DIR/redis"

log() { printf 'services.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

pg_bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -n "$dir" && -x "$dir/pg_ctl" ]] || die "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (apt-get install -y postgresql)"
  printf '%s\n' "$dir"
}

# Runs a command as the postgres OS user when we are root, as ourselves otherwise.
as_pg() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_running() {
  [[ -f "$PG_DATA/PG_VERSION" ]] && as_pg "$(pg_bin_dir)/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

pg_start() {
  local bin
  bin="$(pg_bin_dir)"
  if pg_running; then
    log "PostgreSQL already running on 127.0.0.1:$PG_PORT"
    return
  fi
  if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
    rm -rf "$BASE_DIR/pg"
    mkdir -p "$PG_DATA" "$PG_SOCKET_DIR"
    if [[ "$(id -u)" == 0 ]]; then
      chmod 0755 "$BASE_DIR" # the postgres user must reach its data directory, also under umask 077
      chown -R postgres:postgres "$BASE_DIR/pg"
    fi
    as_pg "$bin/initdb" -D "$PG_DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --no-locale >/dev/null
    # 60 connections: the DEGRADED test fills past 80 % of max_connections (49 with its probe's) and leaves 9 slots
    # for whatever else connects meanwhile (with 20, two other clients connecting during that test made its probe's
    # own connection fail: DOWN instead of DEGRADED).
    cat >>"$PG_DATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
max_connections = 60
superuser_reserved_connections = 2
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 32MB
EOF
  fi
  as_pg "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null \
    || { tail -n 20 "$PG_LOG" >&2 || true; die "PostgreSQL did not start"; }
  local psql=("$bin/psql" -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt)
  if [[ "$(as_pg "${psql[@]}" -c "select 1 from pg_roles where rolname = '$PG_USER'")" != 1 ]]; then
    as_pg "${psql[@]}" -c "create role \"$PG_USER\" login password '$PG_PASSWORD'" >/dev/null
  else
    as_pg "${psql[@]}" -c "alter role \"$PG_USER\" login password '$PG_PASSWORD'" >/dev/null
  fi
  # pg_monitor lets the probe's user count every backend in pg_stat_activity.
  as_pg "${psql[@]}" -c "grant pg_monitor to \"$PG_USER\"" >/dev/null
  if [[ "$(as_pg "${psql[@]}" -c "select 1 from pg_database where datname = '$PG_DATABASE'")" != 1 ]]; then
    as_pg "${psql[@]}" -c "create database \"$PG_DATABASE\" owner \"$PG_USER\"" >/dev/null
  fi
  log "PostgreSQL $(as_pg "${psql[@]}" -c 'show server_version') on 127.0.0.1:$PG_PORT (user $PG_USER, database $PG_DATABASE)"
}

pg_stop() {
  if pg_running; then
    as_pg "$(pg_bin_dir)/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
    log "PostgreSQL stopped"
  fi
  rm -rf "$BASE_DIR/pg"
}

redis_cli() {
  REDISCLI_AUTH="$REDIS_PASSWORD" redis-cli -h 127.0.0.1 -p "$REDIS_PORT" --no-auth-warning "$@"
}

redis_running() {
  [[ "$(redis_cli ping 2>/dev/null || true)" == PONG ]]
}

redis_start() {
  command -v redis-server >/dev/null || die "redis-server not found (apt-get install -y redis-server)"
  if redis_running; then
    log "Redis already running on 127.0.0.1:$REDIS_PORT"
    return
  fi
  mkdir -p "$REDIS_DIR"
  # The password goes through stdin, not argv, so `ps` does not show it.
  printf 'requirepass "%s"\n' "$REDIS_PASSWORD" | redis-server - \
    --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --dir "$REDIS_DIR" \
    --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" \
    --save '' --appendonly no >/dev/null
  local i
  for i in $(seq 1 100); do
    redis_running && break
    sleep 0.1
  done
  redis_running || { tail -n 20 "$REDIS_DIR/redis.log" >&2 || true; die "Redis did not start"; }
  log "Redis $(redis_cli info server | sed -n 's/^redis_version:\(.*\)\r$/\1/p') on 127.0.0.1:$REDIS_PORT"
}

redis_stop() {
  if redis_running; then
    redis_cli shutdown nosave >/dev/null 2>&1 || true
    local i
    for i in $(seq 1 100); do
      redis_running || break
      sleep 0.1
    done
    log "Redis stopped"
  fi
  rm -rf "$REDIS_DIR"
}

case "${1:-}" in
  start) pg_start; redis_start ;;
  stop) pg_stop; redis_stop ;;
  status)
    pg_running && log "PostgreSQL running on 127.0.0.1:$PG_PORT" || log "PostgreSQL not running"
    redis_running && log "Redis running on 127.0.0.1:$REDIS_PORT" || log "Redis not running"
    ;;
  *) die "usage: $0 start|stop|status" ;;
esac
