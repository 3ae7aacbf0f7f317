#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine with the .NET 10 SDK and Node.js.
# Installs and starts what the tests need, then runs every test project of the solution.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build ServicesSync.sln -c Release -warnaserror --nologo -v minimal
dotnet test ServicesSync.sln -c Release --no-build --nologo -v minimal \
  --logger "console;verbosity=normal" -- RunConfiguration.TestSessionTimeout=1500000
