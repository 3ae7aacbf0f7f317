#!/usr/bin/env bash
# Runs the README's quick tour as a newcomer would: every command of its bash block, in order, as
# written, from the repository root. What the tour creates there (./data, ./node1, ./box,
# ./artifacts; all ignored by git) is removed afterwards; the script refuses to start when one of
# them exists already, so it never deletes someone's data. Differences from a person at a
# terminal, and why:
# - a `serve` line is started in the background and waited for (GET /health answers) before the
#   next line, and stopped at the end, since it would otherwise never return;
# - `dotnet tool install -g` installs into a scratch tool path instead of the user's (-g → --tool-path);
# - the database the tour creates (servicessync_copy) is dropped first, so the tour can run again;
# - a line that fails stops the script with its line number.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
created=(data node1 box artifacts)
scratch="$(mktemp -d /tmp/servicessync-readme-XXXXXX)"
servers=()

cd "$repo"
for folder in "${created[@]}"; do
  if [ -e "$folder" ]; then
    echo "./$folder exists; the README tour would write into it. Move it away and run again." >&2
    exit 1
  fi
done

cleanup() {
  # Each server runs in its own process group (dotnet run and the server under it): stop the group.
  for pid in "${servers[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  for folder in "${created[@]}"; do rm -rf "${repo:?}/$folder"; done
  rm -rf "$scratch"
}
trap cleanup EXIT

# The bash block that follows "## Quick tour".
commands="$(awk '/^## Quick tour/{tour=1} tour && /^```bash/{block=1; next} block && /^```/{exit} block' "$repo/README.md")"
[ -n "$commands" ] || { echo "README.md has no bash block under '## Quick tour'" >&2; exit 1; }

wait_for_health() {
  local url="$1" pid="$2"
  for _ in $(seq 1 240); do
    if curl -fsS "$url/health" >/dev/null 2>&1; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { echo "serve exited before answering $url/health" >&2; return 1; }
    sleep 0.5
  done
  echo "serve did not answer $url/health within 2 minutes" >&2
  return 1
}

psql -h 127.0.0.1 -p 18432 -U postgres -q -c 'drop database if exists servicessync_copy with (force)' 2>/dev/null || true

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
number=0
while IFS= read -r line; do
  number=$((number + 1))
  case "$line" in ''|'#'*) continue ;; esac
  command="${line%&}"
  command="${command/tool install -g /tool install --tool-path $scratch/tools }"
  echo "readme $number: $command" >&2
  if [[ "$command" == *" -- serve "* ]]; then
    url="$(grep -o -- '--urls [^ ]*' <<<"$command" | cut -d' ' -f2 || true)"
    setsid bash -c "$command" >"$scratch/serve-$number.log" 2>&1 &
    servers+=("$!")
    wait_for_health "${url:-http://localhost:5080}" "$!" || { cat "$scratch/serve-$number.log" >&2; exit 1; }
    continue
  fi
  # Each line runs in this shell, so a variable one line sets (KEY=…, export …) is there for the next.
  if ! eval "$command"; then
    echo "README quick tour, line $number failed: $command" >&2
    exit 1
  fi
done <<<"$commands"
echo "README quick tour: every command ran from the repository root" >&2
