#!/usr/bin/env bash
# ./bench.sh <name> [args]: runs one benchmark (Release build) and prints its RESULT lines. With no name, lists them.
# Azurite is started on its own ports (23000-23002) for the benchmarks that use Table/Queue storage.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh
ensure_node_modules
ensure_debian_packages radicale:radicale vdirsyncer:vdirsyncer
trap stop_azurite EXIT
start_azurite 23000
export CONTACTSYNC_BENCH_STORAGE="$STORAGE_CONNECTION"
dotnet build tools/ContactSync.Bench -c Release --nologo -v q -clp:ErrorsOnly >&2
dotnet tools/ContactSync.Bench/bin/Release/net10.0/ContactSync.Bench.dll "$@"
