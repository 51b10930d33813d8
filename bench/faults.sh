#!/usr/bin/env bash
# Fault and abuse run: three silos and the API on loopback with PostgreSQL, a bounded booking and
# ordering load (bench/Marquee.Bench faults), and during it: SIGKILL of one silo, a graceful restart
# of another, and PostgreSQL stopped for 30 seconds. Then an audit through SQL and the API.
# Last line: "faults: N scenarios, V invariant violations, L lost confirmed writes, recovery X s (worst)".
#   ./bench/faults.sh            (about 6 minutes)
#   MARQUEE_BENCH_KEEP=1 ./bench/faults.sh   keeps the work folder (logs, faults.tsv)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source scripts/postgres.sh
source scripts/processes.sh
source bench/topology.sh

load_seconds=${MARQUEE_FAULTS_SECONDS:-150}
outage_seconds=30
trap cleanup INT TERM EXIT
now_ms() { date +%s%3N; }

topology_setup faults

payments_port=$(free_port) api_port=$(free_port)
Urls="http://127.0.0.1:$payments_port" Simulator__Latency=00:00:00.020 start_dotnet "$work/payments.log" "$payments_dll"
export Payments__BaseUrl="http://127.0.0.1:$payments_port/"

# Each silo keeps its ports across a restart, as a pod keeps its name.
declare -A silo_pid silo_http silo_port gateway_port
start_silo() {
  local n=$1
  Urls="http://127.0.0.1:${silo_http[$n]}" Silo__Name="silo-$n" Silo__SiloPort=${silo_port[$n]} Silo__GatewayPort=${gateway_port[$n]} \
    start_dotnet "$work/silo-$n.log" "$silo_dll"
  silo_pid[$n]=${pids[-1]}
}
echo "==> three silos and the API"
for n in 1 2 3; do
  silo_http[$n]=$(free_port) silo_port[$n]=$(free_port) gateway_port[$n]=$(free_port)
  start_silo "$n"
done
Urls="http://127.0.0.1:$api_port" start_dotnet "$work/api.log" "$api_dll"
wait_ready "http://127.0.0.1:$payments_port/health/ready" "payment simulator" "$work/payments.log"
for n in 1 2 3; do wait_ready "http://127.0.0.1:${silo_http[$n]}/health/ready" "silo-$n" "$work/silo-$n.log"; done
wait_ready "http://127.0.0.1:$api_port/health/ready" API "$work/api.log"

echo "==> load for $load_seconds s, with faults"
dotnet "$bench_dll" faults --api "http://127.0.0.1:$api_port" --db "$ConnectionStrings__Marquee" --key "$work/jwt-signing.pem" \
  --work "$work" --duration "$load_seconds" >"$work/load.out" 2>&1 &
load_pid=$!
for _ in $(seq 1 600); do
  [ -f "$work/load-started" ] && break
  kill -0 "$load_pid" 2>/dev/null || { cat "$work/load.out" >&2; exit 1; }
  sleep 0.1
done
started=$(cat "$work/load-started")
at() { local target=$((started + $1 * 1000)); while [ "$(now_ms)" -lt "$target" ]; do sleep 0.2; done; }
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$work/faults.tsv"; echo "    $1 done"; }

at 20
t=$(now_ms); kill -KILL "${silo_pid[1]}"; forget_started "${silo_pid[1]}"
record silo-kill "$t" "$t"

at 50
t=$(now_ms); kill -TERM "${silo_pid[2]}"; forget_started "${silo_pid[2]}"; wait "${silo_pid[2]}" 2>/dev/null || true
start_silo 2
wait_ready "http://127.0.0.1:${silo_http[2]}/health/ready" silo-2 "$work/silo-2.log"
record silo-restart "$t" "$(now_ms)"

at 85
t=$(now_ms); pg_stop "$work/postgres"
sleep "$outage_seconds"
pg_start "$work/postgres" "$pg_port" faults faults-password
record db-outage "$t" "$(now_ms)"

echo "# running silo-2 silo-3" >>"$work/faults.tsv"
touch "$work/faults.done"
echo "==> audit"
status=0
wait "$load_pid" || status=$?
cat "$work/load.out"
for n in 2 3; do
  kill -0 "${silo_pid[$n]}" 2>/dev/null || { echo "silo-$n is no longer running; last lines of its log:" >&2; tail -n 20 "$work/silo-$n.log" >&2; status=1; }
done
exit "$status"
