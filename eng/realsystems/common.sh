#!/usr/bin/env bash
# Helpers shared by the real-system scripts; sourced, never run on its own.
# Everything a script keeps (databases, pristine copies, pid files, logs) lives under one state
# folder so that a re-run finds it and skips the slow steps.

rs_root="${SERVICESSYNC_REALSYSTEMS_DIR:-/var/tmp/servicessync-realsystems}"
mkdir -p "$rs_root"

rs_log() { printf '[%s] %s\n' "$(basename "$0" .sh)" "$*" >&2; }
rs_die() { rs_log "error: $*"; exit 1; }

rs_sudo() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the Debian packages that are missing, with their services kept from starting: a
# temporary policy-rc.d that exits 101 stops the maintainer scripts from launching them (a
# packaged trytond would take port 8000, a packaged web server would want Redmine). An existing
# policy-rc.d (Docker images ship one) is left as it is.
rs_apt_install() {
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0

  # Two fixtures may install at the same time; apt allows one at a time.
  exec 9>"$rs_root/apt.lock"
  flock 9
  missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -eq 0 ]; then exec 9>&-; return 0; fi

  local policy=/usr/sbin/policy-rc.d made_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | rs_sudo tee "$policy" >/dev/null
    rs_sudo chmod 755 "$policy"
    made_policy=1
  fi
  rs_log "installing ${missing[*]}"
  local status=0
  if ! rs_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" >"$rs_root/apt.log" 2>&1; then
    # A fresh machine has no package lists yet; fetch them once and try again.
    rs_sudo apt-get update -qq >>"$rs_root/apt.log" 2>&1 || true
    rs_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" >>"$rs_root/apt.log" 2>&1 || status=$?
  fi
  [ "$made_policy" -eq 1 ] && rs_sudo rm -f "$policy"
  exec 9>&-
  [ "$status" -eq 0 ] || { tail -n 30 "$rs_root/apt.log" >&2; rs_die "apt-get install ${missing[*]} failed (log: $rs_root/apt.log)"; }
}

# True when the process in the pid file is alive.
rs_running() {
  local pidfile="$1"
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

# Stops the process of a pid file (TERM, then KILL after 10 s) and removes the file.
rs_stop_pidfile() {
  local pidfile="$1" pid i
  if rs_running "$pidfile"; then
    pid="$(cat "$pidfile")"
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

# Waits until a command succeeds, at most $1 seconds.
rs_wait_for() {
  local seconds="$1"; shift
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}
