#!/usr/bin/env bash
# A throw-away PostgreSQL server for tests, on 127.0.0.1 only, with trust auth and no durability.
#
#   test/support/postgres.sh [start]   start a fresh server in a new temp dir; on stdout print
#                                      PURSUIT_PG_DIR=<dir> and, last, DATABASE_URL=postgres://...
#   test/support/postgres.sh stop [DIR]  stop the server in DIR (the printed PURSUIT_PG_DIR, or its
#                                      data/ dir) and delete DIR; without DIR, the last one started.
#
# Every start makes a new server (port 54329, or the next free one), so running it twice gives two
# independent servers; stop is safe to repeat. As root, the server runs as the `postgres` user
# (PostgreSQL refuses root); as any other user, it runs as that user, who owns the files.
# Environment: PG_BIN (bin dir; default the newest /usr/lib/postgresql/*/bin), PURSUIT_PG_PORT
# (first port to try; default 54329), PURSUIT_PG_TMPDIR (parent of the temp dir; default $TMPDIR or /tmp).
# Progress and errors go to stderr; stdout carries only the two KEY=value lines.
set -euo pipefail

MARKER=.pursuit-test-postgres
DB=pursuit_test
LAST="${TMPDIR:-/tmp}/pursuit-test-postgres.$(id -u).last"

log() { echo "postgres.sh: $*" >&2; }
die() {
  log "error: $*"
  exit 1
}

find_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then
    [[ -x "$PG_BIN/postgres" ]] || die "PG_BIN=$PG_BIN has no postgres binary"
    echo "$PG_BIN"
    return 0
  fi
  local dir best=""
  for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V); do
    [[ -x "$dir/postgres" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && best="$dir"
  done
  if [[ -z "$best" ]] && command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then
    best="$(dirname "$(command -v pg_ctl)")"
  fi
  [[ -n "$best" ]] || die "PostgreSQL not found (no /usr/lib/postgresql/*/bin/postgres); install the postgresql package"
  echo "$best"
}

# Run a server-side command as the user who owns the cluster.
as_owner() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Resolve a stop argument (the temp dir or its data/ dir) to the temp dir holding our marker.
resolve_dir() {
  local dir="$1"
  # Explicit `return 0`: a bare `return` in a function run from a trap returns the pre-trap status.
  [[ -f "$dir/$MARKER" ]] && { echo "$dir"; return 0; }
  [[ -f "$dir/../$MARKER" ]] && { (cd "$dir/.." && pwd); return 0; }
  return 1
}

stop_server() {
  local dir="${1:-}"
  if [[ -z "$dir" ]]; then
    [[ -f "$LAST" ]] || { log "nothing to stop (no $LAST)"; return 0; }
    dir="$(cat "$LAST")"
  fi
  if [[ ! -e "$dir" ]]; then
    log "already gone: $dir"
    [[ -f "$LAST" && "$(cat "$LAST")" == "$dir" ]] && rm -f "$LAST"
    return 0
  fi
  local given="$dir"
  dir="$(resolve_dir "$given")" || die "$given is not a directory made by this script"
  local bin
  bin="$(cat "$dir/bin" 2>/dev/null || find_bin)"
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
  fi
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    local pid
    pid="$(head -n1 "$dir/data/postmaster.pid")"
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
  [[ -f "$LAST" && "$(cat "$LAST")" == "$dir" ]] && rm -f "$LAST"
  log "stopped and removed $dir"
}

start_server() {
  local bin parent port tries=0
  bin="$(find_bin)"
  if [[ $EUID -eq 0 ]]; then
    id -u postgres >/dev/null 2>&1 || die "running as root but there is no postgres user"
    command -v runuser >/dev/null || die "running as root but runuser is missing"
  fi

  parent="${PURSUIT_PG_TMPDIR:-${TMPDIR:-/tmp}}"
  # Global, not local: the EXIT trap below needs it.
  dir="$(mktemp -d "$parent/pursuit-pg.XXXXXX")"
  touch "$dir/$MARKER"
  echo "$bin" >"$dir/bin"
  mkdir "$dir/sock"
  local started=""
  # On any failure from here, show the server log and clean up.
  trap 'rc=$?; if [[ $rc -ne 0 ]]; then [[ -f "$dir/postgres.log" ]] && tail -n 30 "$dir/postgres.log" >&2; stop_server "$dir" >/dev/null 2>&1 || true; fi' EXIT
  if [[ $EUID -eq 0 ]]; then
    chown -R postgres: "$dir"
    runuser -u postgres -- test -w "$dir" ||
      die "the postgres user cannot write $dir; set PURSUIT_PG_TMPDIR to a directory it can reach"
  fi

  log "initdb ($bin) in $dir/data"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C --no-sync \
    --auth-local=trust --auth-host=trust >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  # Only the local socket and loopback TCP, all trusted: no password for anyone on this machine.
  cat >"$dir/pg_hba.conf" <<'EOF'
local all         all                 trust
host  all         all  127.0.0.1/32   trust
host  all         all  ::1/128        trust
local replication all                 trust
host  replication all  127.0.0.1/32   trust
EOF
  [[ $EUID -eq 0 ]] && chown postgres: "$dir/pg_hba.conf"
  as_owner cp "$dir/pg_hba.conf" "$dir/data/pg_hba.conf"

  port="${PURSUIT_PG_PORT:-54329}"
  while :; do
    tries=$((tries + 1))
    [[ $tries -le 50 ]] || die "no free port found from ${PURSUIT_PG_PORT:-54329} upwards"
    if port_busy "$port"; then
      port=$((port + 1))
      continue
    fi
    rm -f "$dir/postgres.log"
    # -w makes pg_ctl wait until the server accepts connections (or has failed).
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 -o \
      "-h 127.0.0.1 -p $port -k '$dir/sock' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" \
      start >/dev/null 2>&1; then
      started=1
      break
    fi
    # Lost a race for the port? Try the next one; anything else is fatal.
    if grep -q "Address already in use" "$dir/postgres.log" 2>/dev/null; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
      port=$((port + 1))
      continue
    fi
    die "the server did not start"
  done
  [[ -n "$started" ]]

  local isready="$bin/pg_isready" i
  [[ -x "$isready" ]] || isready=pg_isready
  for i in $(seq 1 100); do
    "$isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres && break
    [[ $i -lt 100 ]] || die "pg_isready never succeeded on port $port"
    sleep 0.1
  done

  local psql="$bin/psql"
  [[ -x "$psql" ]] || psql=psql
  "$psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres >/dev/null <<EOF
SELECT 'CREATE DATABASE $DB' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB') \gexec
EOF
  # Prove the URL works over TCP with no password before handing it out.
  local url="postgres://postgres@127.0.0.1:$port/$DB"
  PGPASSWORD= "$psql" -X -q -At -v ON_ERROR_STOP=1 -w "$url" -c 'select 1' >/dev/null ||
    die "cannot connect to $url"

  echo "$dir" >"$LAST"
  trap - EXIT
  log "ready on 127.0.0.1:$port (stop with: $0 stop $dir)"
  echo "PURSUIT_PG_DIR=$dir"
  echo "DATABASE_URL=$url"
}

case "${1:-start}" in
  start) start_server ;;
  stop) stop_server "${2:-}" ;;
  *) die "usage: $0 [start] | stop [DIR]" ;;
esac
