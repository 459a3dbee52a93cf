# Shared by bench/run and bench/crash: tools, a throwaway PostgreSQL cluster, and a Release build.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${BENCH_WORK:-$(mktemp -d /tmp/openorders-bench.XXXXXX)}
chmod 755 "$WORK"

need_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  { command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; } || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
  PGBIN=$(pg_config --bindir 2>/dev/null || true)
  [ -x "$PGBIN/initdb" ] || PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
}

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# A cluster with durable settings (fsync on): the baseline and the service see the same disk behaviour.
start_postgres() {
  PGDATA="$WORK/pgdata"; PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  mkdir -p "$PGDATA"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
  as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -c unix_socket_directories=$PGDATA -c max_connections=300 -c shared_buffers=256MB" start >/dev/null
  trap stop_all EXIT
  echo "PostgreSQL on 127.0.0.1:$PGPORT"
}

pg_database() { as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE $1" >/dev/null; echo "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=$1;Maximum Pool Size=100"; }

build_release() {
  echo "building Release…"
  dotnet publish "$ROOT/src/OpenOrders.Api" -c Release -o "$WORK/service" --nologo -v q >/dev/null
  dotnet publish "$ROOT/bench/OpenOrders.Bench" -c Release -o "$WORK/bench" --nologo -v q >/dev/null
}

bench_tool() { dotnet "$WORK/bench/OpenOrders.Bench.dll" "$@"; }

stop_all() {
  [ -n "${SERVICE_PID:-}" ] && kill "$SERVICE_PID" 2>/dev/null || true
  [ -n "${PGDATA:-}" ] && as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
  [ -z "${BENCH_WORK:-}" ] && rm -rf "$WORK"
}
