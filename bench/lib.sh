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
# The same as the process itself (for one run in the background: its $! is then the tool, which kill stops).
exec_bench_tool() { exec dotnet "$WORK/bench/OpenOrders.Bench.dll" "$@"; }

stop_all() {
  [ -n "${SERVICE_PID:-}" ] && kill "$SERVICE_PID" 2>/dev/null || true
  [ -n "${PGDATA:-}" ] && as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
  [ -z "${BENCH_WORK:-}" ] && rm -rf "$WORK"
}

# The service in Release on a free port, as bench/run and bench/scale measure it; $1 name, $2 provider, $3 connection string.
start_service() { # $1 name, $2 provider, $3 connection string
  SERVICE_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  SERVICE_URL="http://127.0.0.1:$SERVICE_PORT"
  ( cd "$WORK/service" && ASPNETCORE_ENVIRONMENT=Production Database__MigrateAtStartup=true Metrics__Token=bench-metrics-token-0123456789 ASPNETCORE_URLS="$SERVICE_URL" Database__Provider="$2" ConnectionStrings__Orders="$3" \
    Auth__SigningKey="YmVuY2gtc2lnbmluZy1rZXktYmVuY2gtc2lnbmluZy1rZXktMDEyMzQ1Njc4OQ==" \
    Auth__BootstrapAdmin__ClientId=bench-admin Auth__BootstrapAdmin__ClientSecret=bench-admin-secret-0123456789abcdef \
    Webhooks__AllowHttp=true Webhooks__AllowPrivateNetworks=true Logging__LogLevel__Default=Warning RateLimiting__PermitsPerSecond=0 \
    Mail__Smtp__Host="${MAIL_HOST:-}" Mail__Smtp__Port="${MAIL_PORT:-25}" \
    ASPNETCORE_FORWARDEDHEADERS_ENABLED=true \
    exec dotnet OpenOrders.Api.dll > "$WORK/$1-service.log" 2>&1 ) &
  SERVICE_PID=$!
  for _ in $(seq 300); do curl -sf "$SERVICE_URL/health/ready" >/dev/null && return; sleep 0.1; done
  echo "the service did not start; see $WORK/$1-service.log"; exit 1
}

wrk_rate() { # $1 script; prints requests/s answered 2xx, measured after an unmeasured warm-up (JIT, pools)
  BENCH_DIR="$DIR" wrk -t2 -c$CLIENTS -d${WARMUP}s -s "$ROOT/bench/wrk/$1" "$SERVICE_URL" > /dev/null
  BENCH_DIR="$DIR" wrk -t2 -c$CLIENTS -d${DURATION}s -s "$ROOT/bench/wrk/$1" "$SERVICE_URL" > "$DIR/wrk-$1.txt"
  python3 - "$DIR/wrk-$1.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
total = int(re.search(r"(\d+) requests in", text).group(1))
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(round(rate * (1 - (int(bad.group(1)) if bad else 0) / max(total, 1)), 1))
PY
}

# CPU time spent by the service, the SMTP sink, PostgreSQL's processes and the whole machine, as a snapshot
# (cpu_ticks $service $sink) and, after a phase, as the cores each used meanwhile (cpu_since "$snapshot" $service $sink).
cpu_ticks() {
  python3 - "$@" <<'PY'
import os, sys, time
def ticks(pid):
    try: f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split(); return int(f[11]) + int(f[12])
    except OSError: return 0
def comm(pid):
    try: return open(f"/proc/{pid}/comm").read().strip()
    except OSError: return ""
pg = sum(ticks(p) for p in os.listdir("/proc") if p.isdigit() and comm(p) == "postgres")
machine = sum(int(x) for i, x in enumerate(open("/proc/stat").readline().split()[1:]) if i not in (3, 4))
print(time.time(), *(ticks(p) for p in sys.argv[1:]), pg, machine)
PY
}
cpu_since() {
  python3 - "$(cpu_ticks "${@:2}")" "$1" <<'PY'
import json, os, sys
now, then = [float(x) for x in sys.argv[1].split()], [float(x) for x in sys.argv[2].split()]
hz, wall = os.sysconf("SC_CLK_TCK"), now[0] - then[0]
cores = [round((a - b) / hz / wall, 2) for a, b in zip(now[1:], then[1:])]
print(json.dumps({"seconds": round(wall, 1), "service": cores[0], "sink": cores[1], "postgres": cores[2], "machine": cores[3],
                  "other": round(cores[3] - sum(cores[:3]), 2)}))
PY
}
