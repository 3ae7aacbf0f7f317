#!/usr/bin/env bash
# Tryton 6.0 from Debian packages on loopback, for the connector integration tests.
#
#   tryton.sh [start]  install (once), initialise a pristine SQLite database (once), start the
#                      server if it is not running; prints TRYTON_* settings as KEY=VALUE lines
#   tryton.sh install  install and initialise only (what eng/setup.sh runs)
#   tryton.sh reset    stop, put back the pristine database, start again (~3 s)
#   tryton.sh stop     stop the server (see also tryton-stop.sh)
#
# Settings: TRYTON_PORT (default 18071), SERVICESSYNC_REALSYSTEMS_DIR (state folder,
# default /var/tmp/servicessync-realsystems). Safe to run again and from several processes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/common.sh"

port="${TRYTON_PORT:-18071}"
name=servicessync
user=admin
password=servicessync-admin
dir="$rs_root/tryton"
conf="$dir/trytond.conf"
pidfile="$dir/trytond.pid"
url="http://127.0.0.1:$port/"
modules="project_invoice company_work_time timesheet"
packages="tryton-server tryton-modules-company-work-time tryton-modules-project tryton-modules-timesheet tryton-modules-project-invoice curl"

probe() {
  curl -sf -m 2 -H 'Content-Type: application/json' \
    -d '{"id":0,"method":"common.server.version","params":[]}' "$url" | grep -q '"result"'
}

write_conf() {
  mkdir -p "$dir/db" "$dir/pristine"
  cat >"$conf" <<CONF
[database]
uri = sqlite://
path = $dir/db
[web]
listen = 127.0.0.1:$port
CONF
}

# Builds the pristine database once; every later start copies it (~0.1 s instead of ~20 s).
ensure_pristine() {
  local pristine="$dir/pristine/$name.sqlite"
  [ -s "$pristine" ] && [ "$(cat "$dir/pristine/modules" 2>/dev/null)" = "$modules" ] && return 0
  local build="$dir/build"
  rm -rf "$build"; mkdir -p "$build"
  : >"$build/$name.sqlite"
  printf '%s\n' "$password" >"$dir/passfile"
  sed "s#^path = .*#path = $build#" "$conf" >"$dir/build.conf"
  rs_log "initialising a pristine Tryton database (modules: $modules; ~20 s, once)"
  # Called by full path: a pyenv python3 earlier on PATH cannot import trytond.
  if ! TRYTONPASSFILE="$dir/passfile" /usr/bin/trytond-admin -c "$dir/build.conf" -d "$name" \
      --email admin@example.com -u $modules --activate-dependencies >"$dir/init.log" 2>&1; then
    tail -n 30 "$dir/init.log" >&2
    rs_die "trytond-admin failed (log: $dir/init.log)"
  fi
  mv "$build/$name.sqlite" "$pristine"
  printf '%s' "$modules" >"$dir/pristine/modules"
  rm -rf "$build" "$dir/build.conf"
}

start() {
  if rs_running "$pidfile" && probe; then return 0; fi
  rs_stop_pidfile "$pidfile"
  [ -s "$dir/db/$name.sqlite" ] || cp "$dir/pristine/$name.sqlite" "$dir/db/$name.sqlite"
  # The lock descriptors must not leak into the server, or the next run would wait forever.
  setsid /usr/bin/trytond -c "$conf" >"$dir/trytond.log" 2>&1 </dev/null 8>&- 9>&- &
  echo $! >"$pidfile"
  if ! rs_wait_for 30 probe; then
    tail -n 30 "$dir/trytond.log" >&2
    rs_die "trytond did not answer on $url within 30 s (log: $dir/trytond.log)"
  fi
}

print_settings() {
  printf 'TRYTON_URL=%s\nTRYTON_DATABASE=%s\nTRYTON_USER=%s\nTRYTON_PASSWORD=%s\nTRYTON_PRISTINE=%s\n' \
    "$url" "$name" "$user" "$password" "$dir/pristine/$name.sqlite"
}

command="${1:-start}"
case "$command" in
  install|start|reset)
    rs_apt_install $packages
    [ -x /usr/bin/trytond ] || rs_die "/usr/bin/trytond is missing although tryton-server is installed"
    mkdir -p "$dir"
    exec 8>"$dir/lock"; flock 8
    write_conf
    ensure_pristine
    [ "$command" = install ] && exit 0
    if [ "$command" = reset ]; then
      rs_stop_pidfile "$pidfile"
      cp "$dir/pristine/$name.sqlite" "$dir/db/$name.sqlite"
    fi
    start
    print_settings
    ;;
  stop)
    mkdir -p "$dir"
    exec 8>"$dir/lock"; flock 8
    rs_stop_pidfile "$pidfile"
    ;;
  *)
    echo "usage: $0 [install|start|reset|stop]" >&2; exit 2 ;;
esac
