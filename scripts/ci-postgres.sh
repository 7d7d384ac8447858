#!/usr/bin/env bash
# A throw-away PostgreSQL primary and a streaming replica of it for the API tests: Debian's postgresql,
# initdb in a temporary folder (as the postgres user when run as root, since initdb refuses root),
# both started on loopback ports, both stopped on exit. Source it: it exports
# JIXIAO_TEST_DATABASE_URL (the primary) and JIXIAO_TEST_REPLICA_URL (the replica).
# Ports: PG_PORT (default 55432) and PG_REPLICA_PORT (default PG_PORT + 1).
set -euo pipefail
if [ "$(id -u)" = 0 ]; then as_root() { "$@"; }; else as_root() { sudo "$@"; }; fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
PG_PORT=${PG_PORT:-55432}
PG_REPLICA_PORT=${PG_REPLICA_PORT:-$((PG_PORT + 1))}
PG_DIR=$(mktemp -d /tmp/jixiao-pg.XXXXXX)
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$PG_DIR"
  pg_as() { su postgres -c "$*"; }
else
  pg_as() { sh -c "$*"; }
fi
pg_start() { # data folder, port
  pg_as "$PG_BIN/pg_ctl -D $PG_DIR/$1 -l $PG_DIR/$1.log -w -o '-c listen_addresses=127.0.0.1 -p $2 -k $PG_DIR -c max_connections=200 -c fsync=off' start" >/dev/null
}
trap 'for d in replica primary; do pg_as "$PG_BIN/pg_ctl -D $PG_DIR/$d -m immediate stop" >/dev/null 2>&1 || true; done; rm -rf "$PG_DIR"' EXIT
# initdb's pg_hba.conf lets loopback connect for replication too, with the --auth given; PostgreSQL
# 15's defaults (wal_level=replica, max_wal_senders=10, hot_standby=on) are what streaming needs.
pg_as "$PG_BIN/initdb -D $PG_DIR/primary -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
pg_start primary "$PG_PORT"
# -R writes standby.signal and primary_conninfo: the copy starts as a hot standby streaming from the primary.
pg_as "$PG_BIN/pg_basebackup -h 127.0.0.1 -p $PG_PORT -U postgres -D $PG_DIR/replica -R -X stream -c fast" >/dev/null
pg_start replica "$PG_REPLICA_PORT"
export JIXIAO_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
export JIXIAO_TEST_REPLICA_URL="postgres://postgres@127.0.0.1:$PG_REPLICA_PORT/postgres"
