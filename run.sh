#!/usr/bin/env bash
# ./run.sh          the demo: Azurite on 10000-10002, the dev host on 127.0.0.1:7071 running the handler from source,
#                   health, one probe job through the sync-jobs queue, a status table; then stops everything.
# ./run.sh --serve  the same, then keeps running until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

SERVE=false
[ "${1:-}" = "--serve" ] && SERVE=true
URL=http://127.0.0.1:7071
export ContactSync__AdminKey="${ContactSync__AdminKey:-dev-admin-key}"
DEVHOST_PID=
LOG=$(mktemp)

cleanup() {
  if [ -n "$DEVHOST_PID" ]; then
    kill "$DEVHOST_PID" 2>/dev/null || true # the dev host stops the handler it started
    for _ in $(seq 1 200); do kill -0 "$DEVHOST_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$DEVHOST_PID" 2>/dev/null || true
    wait "$DEVHOST_PID" 2>/dev/null || true
  fi
  stop_azurite || true
  rm -f "$LOG"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# json EXPR: reads JSON on stdin and prints the JavaScript expression EXPR over it (`j`); node comes with Azurite.
json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const j=JSON.parse(s);console.log($1)})"; }

ensure_node_modules
if (exec 3<>/dev/tcp/127.0.0.1/7071) 2>/dev/null; then echo "port 7071 is in use (another dev host or func?)" >&2; exit 1; fi

echo "==> Azurite on 127.0.0.1:10000-10002"
start_azurite 10000
export AzureWebJobsStorage="$STORAGE_CONNECTION"

echo "==> dotnet build (handler, dev host)"
dotnet build functions/ContactSync.Handler -c Release --nologo -v q -clp:ErrorsOnly
dotnet build tools/ContactSync.DevHost -c Release --nologo -v q -clp:ErrorsOnly

echo "==> dev host (source layout) on $URL"
if $SERVE; then
  dotnet tools/ContactSync.DevHost/bin/Release/net10.0/ContactSync.DevHost.dll --source --configuration Release --url "$URL" 2>&1 | tee "$LOG" &
else
  dotnet tools/ContactSync.DevHost/bin/Release/net10.0/ContactSync.DevHost.dll --source --configuration Release --url "$URL" >"$LOG" 2>&1 &
fi
DEVHOST_PID=$!
for _ in $(seq 1 600); do
  grep -q "dev host listening" "$LOG" && break
  kill -0 "$DEVHOST_PID" 2>/dev/null || { cat "$LOG" >&2; echo "the dev host exited" >&2; exit 1; }
  sleep 0.1
done
grep -q "dev host listening" "$LOG" || { cat "$LOG" >&2; echo "the dev host did not start in 60 s" >&2; exit 1; }
$SERVE || grep -E '^  [A-Za-z]+: ' "$LOG"

echo "==> GET $URL/api/health"
curl -fsS "$URL/api/health" | json '`status ${j.status}; storage reachable ${j.storage.reachable} (${j.storage.latencyMs} ms); queue ${j.queue.name}`'

echo "==> POST $URL/api/diagnostics/jobs (a probe job that takes 1 s)"
headers=$(mktemp)
curl -fsS -D "$headers" -o /dev/null -X POST "$URL/api/diagnostics/jobs" \
  -H "X-Api-Key: $ContactSync__AdminKey" -H 'Content-Type: application/json' -d '{"kind":"probe","durationMs":1000}'
location=$(tr -d '\r' <"$headers" | sed -n 's/^[Ll]ocation: //p')
rm -f "$headers"
echo "202 Accepted, Location: $location"

last=
for _ in $(seq 1 600); do
  state=$(curl -fsS "$URL$location" -H "X-Api-Key: $ContactSync__AdminKey" | json 'j.state')
  [ "$state" != "$last" ] && echo "   job state: $state" && last=$state
  [ "$state" = succeeded ] || [ "$state" = failed ] && break
  sleep 0.1
done
[ "$state" = succeeded ] || { echo "the probe job did not succeed (state: $state)" >&2; tail -50 "$LOG" >&2; exit 1; }
$SERVE || grep -E "\[SyncWorker\] job .*${location##*/}" "$LOG" || true

echo "==> recent jobs"
curl -fsS "$URL/api/diagnostics/jobs" -H "X-Api-Key: $ContactSync__AdminKey" | json \
  "['JOB ID                         KIND       STATE      ATTEMPTS  RESULT / ERROR'].concat(j.map(x => x.jobId.padEnd(31) + x.kind.padEnd(11) + x.state.padEnd(11) + String(x.attempts).padEnd(10) + (x.error ?? x.result ?? ''))).join('\n')"

if $SERVE; then
  echo "==> serving on $URL (admin key: X-Api-Key: $ContactSync__AdminKey); Ctrl-C stops"
  wait "$DEVHOST_PID"
fi
echo "==> done"
