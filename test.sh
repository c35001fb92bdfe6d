#!/usr/bin/env bash
# Every test. On a fresh machine it installs what it needs (Azurite from the npm lockfile, NuGet packages, Debian's
# radicale and python3-vobject), starts Azurite on its own ports (20000-20002, in memory) and stops it at the end; the
# CardDAV tests start their own Radicale on a free loopback port.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

ensure_node_modules
# Radicale is the CardDAV server the device tests sync against; python3-vobject reads our vCards back.
ensure_debian_packages radicale:radicale py.vobject:python3-vobject
trap stop_azurite EXIT
start_azurite 20000
export CONTACTSYNC_TEST_STORAGE="$STORAGE_CONNECTION"

echo "==> dotnet build"
dotnet build ContactSync.sln -c Release --nologo -v q -clp:ErrorsOnly
echo "==> dotnet test"
log=$(mktemp)
set +e
dotnet test ContactSync.sln -c Release --no-build --nologo -v q --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
# One closing line over all test projects, in the plain form CI reads.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: $passed passed, $failed failed"
exit "$rc"
