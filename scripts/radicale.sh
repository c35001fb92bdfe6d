# start_radicale PORT / stop_radicale: a Radicale (Debian's 3.1.x) on 127.0.0.1:PORT with a temporary storage folder and
# no authentication (any user name is accepted; collections live under /<user>/). Sets and exports RADICALE_URL.
# The folder is on tmpfs (/dev/shm) when there is one: each Radicale write fsyncs four times (the private
# _filesystem_fsync setting cannot be changed from the command line or a config file), ~4 ms a write on this disk.
# Sourced, not run; needs wait_for_port from scripts/lib.sh.

start_radicale() {
  local port=$1
  command -v radicale >/dev/null || { echo "radicale is not installed (apt-get install -y radicale)" >&2; return 1; }
  RADICALE_DIR=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
  radicale --server-hosts "127.0.0.1:$port" --auth-type none --rights-type owner_only \
    --storage-filesystem-folder "$RADICALE_DIR/collections" --logging-level warning \
    >"$RADICALE_DIR/radicale.log" 2>&1 &
  RADICALE_PID=$!
  wait_for_port "$port" 30 || { cat "$RADICALE_DIR/radicale.log" >&2; return 1; }
  RADICALE_URL="http://127.0.0.1:$port"
  export RADICALE_URL
}

stop_radicale() {
  [ -n "${RADICALE_PID:-}" ] && kill "$RADICALE_PID" 2>/dev/null && wait "$RADICALE_PID" 2>/dev/null
  [ -n "${RADICALE_DIR:-}" ] && rm -rf "$RADICALE_DIR"
  RADICALE_PID=
}
