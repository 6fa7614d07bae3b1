#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL server on 127.0.0.1 for the tests and benchmarks.
#   source scripts/pg.sh start   -> exports CASEGATE_TEST_POSTGRES_URL
#   scripts/pg.sh stop
# PostgreSQL refuses to run as root, so the server runs as the `postgres` user when we are root.
set -u
PGDIR=${CASEGATE_PGDIR:-/tmp/casegate-pg}
PGPORT=${CASEGATE_PGPORT:-54329}

_pgbin() {
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && { echo "$d"; return; }; done
  dirname "$(command -v pg_ctl)"
}

_as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  local bin; bin=$(_pgbin)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; return 1; fi
  rm -rf "$PGDIR"; mkdir -p "$PGDIR"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGDIR"; fi
  _as_pg "$bin/initdb" -D "$PGDIR/data" -U casegate --auth=trust -E UTF8 >/dev/null
  _as_pg "$bin/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
    -o "-h 127.0.0.1 -p $PGPORT -k $PGDIR -c fsync=off -c max_connections=200" start >/dev/null
  _as_pg "$bin/createdb" -h 127.0.0.1 -p "$PGPORT" -U casegate casegate_test
  export CASEGATE_TEST_POSTGRES_URL="postgresql+psycopg://casegate@127.0.0.1:$PGPORT/casegate_test"
}

pg_stop() {
  local bin; bin=$(_pgbin)
  [ -d "$PGDIR/data" ] && _as_pg "$bin/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$PGDIR"
}

case "${1:-}" in
  start) pg_start ;;
  stop) pg_stop ;;
esac
