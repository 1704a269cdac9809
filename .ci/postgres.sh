# shellcheck shell=bash
# Sourced by .ci/run (also usable by hand: `source .ci/postgres.sh`). Starts a throwaway PostgreSQL
# cluster for the results-store tests and exports FRONTLINE_TEST_POSTGRES_URL.
#
# * Installs Debian's `postgresql` package when no server binaries are found (root + apt only;
#   FRONTLINE_PG_NO_INSTALL=1 skips that, as the tests do outside CI).
# * The cluster lives in $FRONTLINE_PG_DIR (default /tmp/frontline-ci-pg), owned by the `postgres`
#   user when run as root; it listens on 127.0.0.1 only, on a free port remembered in $DIR/port,
#   with trust authentication (a test cluster: nothing else can reach it).
# * Idempotent: a re-run reuses the running cluster, role and database.
# * Never aborts the caller: on any failure it prints a warning and leaves the variable unset, so
#   the tests report it (they fail when CI=true, skip otherwise).

_frontline_pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] && command -v pg_ctl >/dev/null 2>&1; then
    dir=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
  fi
  printf '%s' "$dir"
}

_frontline_pg_as() {
  # Run a command as the cluster owner (postgres when we are root, else ourselves).
  if [ "$(id -u)" = 0 ]; then
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

_frontline_pg_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

_frontline_pg_setup() {
  local bindir dir port psql
  bindir=$(_frontline_pg_bindir)
  if [ -z "$bindir" ]; then
    if [ "$(id -u)" = 0 ] && [ -z "${FRONTLINE_PG_NO_INSTALL:-}" ] && command -v apt-get >/dev/null 2>&1; then
      echo "postgres.sh: installing Debian's postgresql package" >&2
      apt-get update -qq >/dev/null || return 1
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
      bindir=$(_frontline_pg_bindir)
    fi
    [ -n "$bindir" ] || { echo "postgres.sh: no PostgreSQL server binaries found" >&2; return 1; }
  fi
  dir=${FRONTLINE_PG_DIR:-/tmp/frontline-ci-pg}
  mkdir -p "$dir" || return 1
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "postgres.sh: no 'postgres' user" >&2; return 1; }
    chown postgres "$dir" || return 1
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    rm -rf "$dir/data"
    _frontline_pg_as "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync \
      >"$dir/initdb.log" 2>&1 || { echo "postgres.sh: initdb failed, see $dir/initdb.log" >&2; return 1; }
  fi
  if ! _frontline_pg_as "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    # Not running: a lock file left by a killed server (e.g. the end of an earlier session) would
    # block the start if its PID has been reused by another process.
    rm -f "$dir/data/postmaster.pid"
    port=$(_frontline_pg_free_port) || return 1
    _frontline_pg_as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=100" start \
      >/dev/null 2>&1 || { echo "postgres.sh: server did not start, see $dir/server.log" >&2; return 1; }
    printf '%s\n' "$port" >"$dir/port"
  fi
  port=$(cat "$dir/port" 2>/dev/null) || return 1
  psql=("$bindir/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -tA)
  if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'frontline'")" != 1 ]; then
    "${psql[@]}" -c "CREATE ROLE frontline LOGIN CREATEDB PASSWORD 'frontline'" || return 1
  fi
  if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'frontline_test'")" != 1 ]; then
    "${psql[@]}" -c "CREATE DATABASE frontline_test OWNER frontline" || return 1
  fi
  export FRONTLINE_TEST_POSTGRES_URL="postgresql+psycopg://frontline:frontline@127.0.0.1:$port/frontline_test"
  echo "postgres.sh: PostgreSQL ready at 127.0.0.1:$port (FRONTLINE_TEST_POSTGRES_URL exported)" >&2
}

_frontline_pg_setup || echo "postgres.sh: WARNING: no PostgreSQL for the tests (FRONTLINE_TEST_POSTGRES_URL not set)" >&2
