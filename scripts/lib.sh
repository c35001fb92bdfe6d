# Shared by run.sh, test.sh and bench.sh: install the npm tools from the lockfile, start and stop Azurite.
# Sourced, not run.

AZURITE_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

ensure_node_modules() {
  if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "==> npm ci (Azurite from package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
  fi
}

# ensure_debian_packages CMD:PACKAGE...: installs each Debian package whose command is missing (CMD written py.NAME: a
# module of Debian's /usr/bin/python3). CI runs as root on a fresh Debian machine; elsewhere it goes through sudo.
ensure_debian_packages() {
  local missing=() spec cmd
  for spec in "$@"; do
    cmd=${spec%%:*}
    case "$cmd" in
      py.*) /usr/bin/python3 -c "import ${cmd#py.}" 2>/dev/null || missing+=("${spec#*:}") ;;
      *) command -v "$cmd" >/dev/null || missing+=("${spec#*:}") ;;
    esac
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> apt-get install ${missing[*]}"
  local sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

wait_for_port() { # port, seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on 127.0.0.1:$1 after $2 s" >&2
  return 1
}

# start_azurite BASEPORT: blob on BASEPORT, queue on +1, table on +2, in memory; sets STORAGE_CONNECTION.
start_azurite() {
  local base=$1 q=$(($1 + 1)) t=$(($1 + 2))
  AZURITE_DIR=$(mktemp -d)
  node_modules/.bin/azurite --silent --inMemoryPersistence --skipApiVersionCheck --disableTelemetry \
    --blobPort "$base" --queuePort "$q" --tablePort "$t" >"$AZURITE_DIR/azurite.log" 2>&1 &
  AZURITE_PID=$!
  wait_for_port "$q" 30 && wait_for_port "$t" 30 || { cat "$AZURITE_DIR/azurite.log" >&2; return 1; }
  STORAGE_CONNECTION="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AZURITE_KEY;QueueEndpoint=http://127.0.0.1:$q/devstoreaccount1;TableEndpoint=http://127.0.0.1:$t/devstoreaccount1;"
  export STORAGE_CONNECTION
}

stop_azurite() {
  [ -n "${AZURITE_PID:-}" ] && kill "$AZURITE_PID" 2>/dev/null && wait "$AZURITE_PID" 2>/dev/null
  [ -n "${AZURITE_DIR:-}" ] && rm -rf "$AZURITE_DIR"
  AZURITE_PID=
}
