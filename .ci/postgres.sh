#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the warranty-jdbc tests, on a free local port.
#   eval "$(.ci/postgres.sh start)"   # starts it and prints the exports WARRANTY_PG_URL/USER/PASSWORD
#   .ci/postgres.sh stop              # stops it and deletes its data
# Installs PostgreSQL with apt-get when initdb/pg_ctl are missing (needs root). Runs the server as a
# non-root user (root may not run postgres): the 'postgres' system user when run as root.
set -euo pipefail
STATE=${WARRANTY_PG_STATE:-/tmp/warranty-pg}

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

as_server_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local bin
  if ! bin=$(find_bin); then
    [ "$(id -u)" = 0 ] || { log "PostgreSQL is not installed; run: sudo apt-get install -y postgresql"; exit 1; }
    log "installing PostgreSQL"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
    bin=$(find_bin) || { log "PostgreSQL installed but initdb/pg_ctl not found"; exit 1; }
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/false postgres
  fi
  stop >/dev/null 2>&1 || true
  mkdir -p "$STATE"
  local data="$STATE/data" sock="$STATE/sock"
  mkdir -p "$sock"
  [ "$(id -u)" = 0 ] && chown -R postgres "$STATE"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
         || echo $((20000 + RANDOM % 20000)))
  local password=warranty
  echo "$password" > "$STATE/pwfile"
  [ "$(id -u)" = 0 ] && chown postgres "$STATE/pwfile"
  as_server_user "$bin/initdb" -D "$data" -U warranty --pwfile="$STATE/pwfile" -A scram-sha-256 -E UTF8 >"$STATE/initdb.log" 2>&1 \
    || { cat "$STATE/initdb.log" >&2; exit 1; }
  as_server_user "$bin/pg_ctl" -D "$data" -l "$STATE/server.log" -w -t 60 \
    -o "-p $port -k $sock -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100" start >&2 \
    || { cat "$STATE/server.log" >&2; exit 1; }
  echo "$bin" > "$STATE/bin"
  log "PostgreSQL running on 127.0.0.1:$port (data in $data)"
  echo "export WARRANTY_PG_URL=jdbc:postgresql://127.0.0.1:$port/postgres"
  echo "export WARRANTY_PG_USER=warranty"
  echo "export WARRANTY_PG_PASSWORD=$password"
}

stop() {
  [ -d "$STATE/data" ] || return 0
  local bin
  bin=$(cat "$STATE/bin" 2>/dev/null || find_bin)
  as_server_user "$bin/pg_ctl" -D "$STATE/data" -m immediate -w stop >&2 || true
  rm -rf "$STATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
