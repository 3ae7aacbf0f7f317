#!/usr/bin/env bash
# Redmine 5.0 from Debian packages (SQLite, thin) on loopback, for the connector integration tests.
#
#   redmine.sh [start]  install (once, ~25 s), enable the REST API with a known admin key and
#                       keep a pristine copy of the database (once), start the server if it is
#                       not running; prints REDMINE_* settings as KEY=VALUE lines
#   redmine.sh install  install and configure only (what eng/setup.sh runs)
#   redmine.sh reset    stop, put back the pristine database, start again (~5 s)
#   redmine.sh stop     stop the server (see also redmine-stop.sh)
#
# Settings: REDMINE_PORT (default 13071), SERVICESSYNC_REALSYSTEMS_DIR (state folder,
# default /var/tmp/servicessync-realsystems). Safe to run again and from several processes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/common.sh"

port="${REDMINE_PORT:-13071}"
api_key=0123456789abcdef0123456789abcdef01234567
dir="$rs_root/redmine"
app=/usr/share/redmine
database=/var/lib/dbconfig-common/sqlite3/redmine/instances/default/redmine_default
pidfile="$dir/redmine.pid"
url="http://127.0.0.1:$port/"

probe() {
  curl -sf -m 2 -H "X-Redmine-API-Key: $api_key" "${url}users/current.json" | grep -q '"login":"admin"'
}

install() {
  dpkg -s redmine >/dev/null 2>&1 && dpkg -s redmine-sqlite >/dev/null 2>&1 && dpkg -s thin >/dev/null 2>&1 && return 0
  # dbconfig-common asks which database to use; these answers make it SQLite, unattended.
  printf '%s\n' \
    'redmine redmine/instances/default/dbconfig-install boolean true' \
    'redmine redmine/instances/default/database-type select sqlite3' | rs_sudo debconf-set-selections
  # Debian's bundle has no web server of its own; thin makes `rails server -u thin` work.
  rs_apt_install redmine redmine-sqlite thin curl
}

rails_runner() {
  (cd "$app" && RAILS_ENV=production bin/rails runner "$1") >>"$dir/setup.log" 2>&1
}

# Enables the REST API and gives the admin a known API key, once, then snapshots the database.
ensure_pristine() {
  [ -s "$dir/pristine.db" ] && [ "$(cat "$dir/pristine.key" 2>/dev/null)" = "$api_key" ] && return 0
  [ -s "$database" ] || rs_die "the Redmine database $database is missing; was the package configured for SQLite?"
  rs_log "enabling the REST API and setting the admin API key (~5 s, once)"
  if ! rails_runner "
    Setting.rest_api_enabled = '1'
    admin = User.find_by_login('admin')
    admin.must_change_passwd = false
    admin.save!
    Token.where(user_id: admin.id, action: 'api').delete_all
    token = Token.create!(user: admin, action: 'api')
    token.update_column(:value, '$api_key')
  "; then
    tail -n 30 "$dir/setup.log" >&2
    rs_die "configuring Redmine failed (log: $dir/setup.log)"
  fi
  cp "$database" "$dir/pristine.db"
  printf '%s' "$api_key" >"$dir/pristine.key"
}

start() {
  if rs_running "$pidfile" && probe; then return 0; fi
  rs_stop_pidfile "$pidfile"
  rm -f "$dir/rails.pid"
  (
    cd "$app"
    # The lock descriptors must not leak into the server, or the next run would wait forever.
    exec 8>&- 9>&-
    RAILS_ENV=production exec setsid bin/rails server -u thin -b 127.0.0.1 -p "$port" -e production \
      -P "$dir/rails.pid" >"$dir/server.log" 2>&1 </dev/null
  ) &
  echo $! >"$pidfile"
  if ! rs_wait_for 60 probe; then
    tail -n 30 "$dir/server.log" >&2
    rs_die "Redmine did not answer on $url within 60 s (log: $dir/server.log)"
  fi
}

print_settings() {
  printf 'REDMINE_URL=%s\nREDMINE_API_KEY=%s\n' "$url" "$api_key"
}

command="${1:-start}"
case "$command" in
  install|start|reset)
    mkdir -p "$dir"
    exec 8>"$dir/lock"; flock 8
    install
    ensure_pristine
    [ "$command" = install ] && exit 0
    if [ "$command" = reset ]; then
      rs_stop_pidfile "$pidfile"
      cp "$dir/pristine.db" "$database"
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
