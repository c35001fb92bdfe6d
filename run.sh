#!/usr/bin/env bash
# ./run.sh          the demo: Azurite on 10000-10002 (in memory), the Graph sandbox on 127.0.0.1:7072 and the dev host on
#                   127.0.0.1:7071 running the handler from source; a tenant, three CSV-imported groups (~300 contacts),
#                   two policies, five sandbox mailboxes synced by the Scheduler and workers, a status table, the sandbox's
#                   request counters, and a conflict shown and resolved through the API; then stops everything (exit 0).
# ./run.sh --serve  the same, then keeps Azurite, the sandbox and the dev host running with the demo data until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

SERVE=
[ "${1:-}" = "--serve" ] && SERVE=--serve
DEMO_PID=

cleanup() {
  if [ -n "$DEMO_PID" ]; then
    kill "$DEMO_PID" 2>/dev/null || true # the demo stops the dev host and the handler it started
    for _ in $(seq 1 200); do kill -0 "$DEMO_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$DEMO_PID" 2>/dev/null || true
  fi
  stop_azurite || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_node_modules
for port in 7071 7072; do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo "port $port is in use (another dev host, sandbox or func?)" >&2; exit 1; fi
done

echo "==> Azurite on 127.0.0.1:10000-10002"
start_azurite 10000
export AzureWebJobsStorage="$STORAGE_CONNECTION"

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
