#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the API tests: Debian's postgresql, initdb in a temporary
# folder (as the postgres user when run as root, since initdb refuses root), started on a loopback
# port, stopped on exit. Source it: it exports JIXIAO_TEST_DATABASE_URL.
set -euo pipefail
if [ "$(id -u)" = 0 ]; then as_root() { "$@"; }; else as_root() { sudo "$@"; }; fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
PG_PORT=${PG_PORT:-55432}
PG_DIR=$(mktemp -d /tmp/jixiao-pg.XXXXXX)
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$PG_DIR"
  pg_as() { su postgres -c "$*"; }
else
  pg_as() { sh -c "$*"; }
fi
pg_as "$PG_BIN/initdb -D $PG_DIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
pg_as "$PG_BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/log -w -o '-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=200 -c fsync=off' start" >/dev/null
trap 'pg_as "$PG_BIN/pg_ctl -D $PG_DIR/data -m immediate stop" >/dev/null 2>&1 || true; rm -rf "$PG_DIR"' EXIT
export JIXIAO_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
