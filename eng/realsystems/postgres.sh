#!/usr/bin/env bash
# PostgreSQL 15 from Debian packages on loopback: a private throwaway cluster for the store
# tests and the multi-node tests, never the packaged service.
#
#   postgres.sh [start]  install (once), create the cluster (once), start it if it is not
#                        running; prints PG_* settings as KEY=VALUE lines
#   postgres.sh install  install only (what eng/setup.sh runs)
#   postgres.sh kill     SIGKILL the server (a database crash, for fault tests); start brings it back
#   postgres.sh stop     a clean stop
#
# Settings: PG_PORT (default 18432), PG_DURABLE=1 for a cluster with fsync on (benchmarks and
# durability tests; its own folder and port 18433 by default), PG_NAME for a cluster of its own
# (fault tests that kill their server must not take the shared one down; give PG_PORT too),
# SERVICESSYNC_REALSYSTEMS_DIR (state folder, default /var/tmp/servicessync-realsystems). Safe to
# run from several processes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/common.sh"

durable="${PG_DURABLE:-0}"
if [ "$durable" = 1 ]; then
  port="${PG_PORT:-18433}"; dir="$rs_root/postgres-durable"; fsync=on
else
  # Tests only: fsync off makes each commit cheap; nothing here must survive a power cut.
  port="${PG_PORT:-18432}"; dir="$rs_root/postgres"; fsync=off
fi
if [ -n "${PG_NAME:-}" ]; then
  [ -n "${PG_PORT:-}" ] || rs_die "PG_NAME needs a PG_PORT of its own"
  dir="$rs_root/postgres-$PG_NAME"
fi
data="$dir/cluster"
log="$dir/server.log"

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else sudo -u postgres bash -c "$*"; fi; }

install() {
  rs_apt_install postgresql
  [ -n "$(bin_dir)" ] || rs_die "postgresql is installed but no /usr/lib/postgresql/*/bin was found"
}

probe() { "$(bin_dir)/pg_isready" -q -h 127.0.0.1 -p "$port"; }

start() {
  install
  local bin; bin="$(bin_dir)"
  exec 8>"$rs_root/postgres-$port.lock"
  flock 8
  if ! probe; then
    if [ ! -f "$data/PG_VERSION" ]; then
      rs_log "creating a cluster in $data"
      rs_sudo mkdir -p "$dir"
      rs_sudo chown postgres:postgres "$dir"
      # initdb runs as postgres: every folder above the cluster must be traversable by it.
      rs_sudo chmod o+x "$rs_root"
      as_postgres "'$bin/initdb' --no-sync -D '$data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$rs_root/postgres-initdb.log" 2>&1 \
        || { tail -n 20 "$rs_root/postgres-initdb.log" >&2; rs_die "initdb failed"; }
    fi
    # A SIGKILLed server leaves its pid file behind; with no live postmaster it only blocks the start.
    if [ -f "$data/postmaster.pid" ] && ! kill -0 "$(head -n 1 "$data/postmaster.pid")" 2>/dev/null; then
      rs_sudo rm -f "$data/postmaster.pid"
    fi
    # After a SIGKILL the old backends may hold the shared memory for a moment: try a few times.
    local attempt
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
      as_postgres "'$bin/pg_ctl' -D '$data' -l '$log' -w -t 60 -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=$fsync -c max_connections=300\" start" >/dev/null 2>&1 8>&- && break
      [ "$attempt" -lt 10 ] || { tail -n 30 "$log" >&2; rs_die "the PostgreSQL server did not start (log: $log)"; }
      sleep 0.5
    done
    rs_wait_for 30 probe || rs_die "the PostgreSQL server does not answer on 127.0.0.1:$port (log: $log)"
  fi
  exec 8>&-
  echo "PG_HOST=127.0.0.1"
  echo "PG_PORT=$port"
  echo "PG_CONNECTION=Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PG_DATA=$data"
  echo "PG_BIN=$bin"
  echo "PG_FSYNC=$fsync"
}

kill_server() {
  if [ -f "$data/postmaster.pid" ]; then
    local pid; pid="$(head -n 1 "$data/postmaster.pid")"
    rs_sudo kill -9 "$pid" 2>/dev/null || true
    # The backends notice their postmaster is gone and exit; wait so a start can reuse the shared memory.
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
}

stop() {
  local bin; bin="$(bin_dir)"
  [ -f "$data/PG_VERSION" ] && as_postgres "'$bin/pg_ctl' -D '$data' -m fast -w stop" >/dev/null 2>&1 || true
}

case "${1:-start}" in
  install) install ;;
  start) start ;;
  kill) kill_server ;;
  stop) stop ;;
  *) rs_die "usage: postgres.sh [install|start|kill|stop]" ;;
esac
