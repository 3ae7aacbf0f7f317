#!/usr/bin/env bash
# The designer's browser app: install, type-check, unit tests (Vitest), then the end-to-end tests
# (Playwright driving Debian's chromium against the Release build of the designer host, which
# eng/test.sh builds first). Screenshots of failed end-to-end tests land in designer/web/e2e/artifacts.
set -euo pipefail
cd "$(dirname "$0")/../designer/web"

dll=../ServicesSync.Designer/bin/Release/net10.0/ServicesSync.Designer.dll
if [ ! -f "$dll" ]; then
  echo "Building the designer host (Release) for the end-to-end tests"
  dotnet build ../ServicesSync.Designer/ServicesSync.Designer.csproj -c Release --nologo -v quiet
fi

npm ci --no-audit --no-fund --loglevel=error
npx tsc --noEmit -p .
npx vitest run
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}" npx playwright test
