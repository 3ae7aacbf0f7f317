#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine with the .NET 10 SDK and Node.js:
# installs what the tests need (eng/setup.sh), builds once, runs every .NET test project,
# then the browser app's unit and end-to-end tests (eng/test-web.sh) when the designer exists,
# and last the README's quick tour from the repository root (eng/readme-commands.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

./eng/setup.sh
dotnet build ServicesSync.sln -c Release -warnaserror --nologo -v quiet
dotnet test ServicesSync.sln -c Release --no-build --nologo -v quiet --logger "console;verbosity=minimal"
if [ -x eng/test-web.sh ]; then
  ./eng/test-web.sh
fi
./eng/readme-commands.sh
