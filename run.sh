#!/usr/bin/env bash
# ./run.sh          the demo: Azurite on 10000-10002 (in memory), Radicale on 127.0.0.1:5232 (Debian's package, installed
#                   when missing, a temporary storage folder), the Graph sandbox on 127.0.0.1:7072, the device emulator on
#                   127.0.0.1:7073 and the dev host on 127.0.0.1:7071 running the handler from source; a tenant, three
#                   CSV-imported groups (~300 contacts), two policies, five sandbox mailboxes synced by the Scheduler and
#                   workers, a status table, the sandbox's request counters, a conflict shown and resolved through the API;
#                   then two devices (an emulated phone, a Radicale address book) getting their business contacts beside
#                   the user's own, a device table, backups taken, listed, diffed and one restored onto the wiped phone;
#                   then stops everything (exit 0; non-zero with the reason when a step fails).
# ./run.sh --serve  the same, then keeps everything running with the demo data until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh
. scripts/radicale.sh

SERVE=
[ "${1:-}" = "--serve" ] && SERVE=--serve
DEMO_PID=

cleanup() {
  if [ -n "$DEMO_PID" ]; then
    kill "$DEMO_PID" 2>/dev/null || true # the demo stops the dev host and the handler it started
    for _ in $(seq 1 200); do kill -0 "$DEMO_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$DEMO_PID" 2>/dev/null || true
  fi
  stop_radicale || true
  stop_azurite || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_node_modules
ensure_debian_packages radicale:radicale # the CardDAV server the second device lives on
for port in 7071 7072 7073 5232; do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo "port $port is in use (another dev host, sandbox, emulator, Radicale or func?)" >&2; exit 1; fi
done

echo "==> Azurite on 127.0.0.1:10000-10002"
start_azurite 10000
export AzureWebJobsStorage="$STORAGE_CONNECTION"
echo "==> Radicale on 127.0.0.1:5232"
start_radicale 5232 # exports RADICALE_URL for the demo

echo "==> dotnet build (handler, demo)"
dotnet build functions/ContactSync.Handler -c Release --nologo -v q -clp:ErrorsOnly
dotnet build tools/ContactSync.Demo -c Release --nologo -v q -clp:ErrorsOnly

dotnet tools/ContactSync.Demo/bin/Release/net10.0/ContactSync.Demo.dll $SERVE &
DEMO_PID=$!
set +e
wait "$DEMO_PID"
rc=$?
set -e
DEMO_PID=
exit $rc
