#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer on 127.0.0.1 (the scale-out tier's tests need both):
# installs them with apt where missing, starts them where stopped, creates the `test` database.
# Used by .ci/run; safe to run again (it does nothing when both already answer).
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
redis_up() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; }

if ! command -v pg_ctlcluster >/dev/null || ! command -v redis-server >/dev/null; then
  echo "== installing PostgreSQL and Redis with apt"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql redis-server >/dev/null
fi

if ! pg_up; then
  echo "== starting PostgreSQL"
  version=$(ls /etc/postgresql | sort -n | tail -1)
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 60); do pg_up && break; sleep 0.5; done
fi
pg_up || { echo "PostgreSQL did not start on 127.0.0.1:5432" >&2; exit 1; }

# Tests connect as postgres to the database `test` (trust auth on loopback, as on this machine).
if ! psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
  echo "== creating database test and trusting loopback connections"

  as_root su postgres -c "psql -qc 'create database test'" 2>/dev/null || true
  if ! psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
    hba=$(as_root su postgres -c "psql -tAc 'show hba_file'")
    as_root sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
    as_root su postgres -c "psql -qc 'select pg_reload_conf()'" >/dev/null
  fi
fi
psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null || { echo "cannot connect to postgres://postgres@127.0.0.1:5432/test" >&2; exit 1; }

if ! redis_up; then
  echo "== starting Redis"
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 40); do redis_up && break; sleep 0.25; done
fi
redis_up || { echo "Redis did not start on 127.0.0.1:6379" >&2; exit 1; }
echo "== PostgreSQL and Redis are up"
