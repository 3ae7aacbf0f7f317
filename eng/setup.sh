#!/usr/bin/env bash
# Installs the system packages the tests need, once. Idempotent: a package already present is
# not installed again, so a developer machine pays nothing after the first run.
set -euo pipefail

packages=()
need() { dpkg -s "$1" >/dev/null 2>&1 || packages+=("$1"); }
# The designer's end-to-end tests drive Debian's chromium (Playwright cannot download its own here).
need chromium
need fonts-dejavu-core

if [ ${#packages[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${packages[@]}"
fi

# Real Tryton and Redmine for the connector integration tests: installed from Debian packages
# and initialised once (pristine databases kept); the test fixtures start them. Both scripts
# return at once when everything is already in place.
"$(dirname "$0")/realsystems/tryton.sh" install
"$(dirname "$0")/realsystems/redmine.sh" install
# PostgreSQL for the multi-node store tests: the fixtures start a private cluster on loopback.
"$(dirname "$0")/realsystems/postgres.sh" install
