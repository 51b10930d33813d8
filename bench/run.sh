#!/usr/bin/env bash
# Benchmarks against the real topology on loopback: PostgreSQL, one silo and the API as separate
# Release processes, driven by bench/Marquee.Bench. Each scenario prints one summary line with its
# same-run baseline.
#   ./bench/run.sh [--quick] [--viewers=N] [scenario ...]
#   scenarios: hot-holds seat-map release-night fan-out sell-out checkout catalog memory (default: all, in that order)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source scripts/postgres.sh
source scripts/processes.sh
source bench/topology.sh

quick=()
viewers=()
scenarios=()
for arg in "$@"; do
  case $arg in
    --quick) quick=(--quick) ;;
    --viewers=*) viewers=(--viewers "${arg#*=}") ;;
    *) scenarios+=("$arg") ;;
  esac
done

trap cleanup INT TERM EXIT
topology_setup bench

silo_http=$(free_port) api_port=$(free_port) payments_port=$(free_port) baseline_port=$(free_port)
echo "==> payment simulator (50 ms), silo, API and the conventional baseline"
Urls="http://127.0.0.1:$payments_port" Simulator__Latency=00:00:00.050 start_dotnet "$work/payments.log" "$payments_dll"
export Payments__BaseUrl="http://127.0.0.1:$payments_port/"
Urls="http://127.0.0.1:$silo_http" Silo__SiloPort=$(free_port) Silo__GatewayPort=$(free_port) start_dotnet "$work/silo.log" "$silo_dll"
silo_pid=${pids[-1]}
Urls="http://127.0.0.1:$api_port" start_dotnet "$work/api.log" "$api_dll"
api_pid=${pids[-1]}
wait_ready "http://127.0.0.1:$payments_port/health/ready" "payment simulator" "$work/payments.log"
wait_ready "http://127.0.0.1:$silo_http/health/ready" silo "$work/silo.log"
# The service we would otherwise build (bench/Marquee.Baseline), on the same database server and key.
Urls="http://127.0.0.1:$baseline_port" ConnectionStrings__Baseline="$ConnectionStrings__Marquee" start_dotnet "$work/baseline.log" "$baseline_dll"
baseline_pid=${pids[-1]}
wait_ready "http://127.0.0.1:$api_port/health/ready" API "$work/api.log"
wait_ready "http://127.0.0.1:$baseline_port/health" "conventional baseline" "$work/baseline.log"

echo "==> load ($(nproc) cores; ${quick[*]:-full})"
dotnet "$bench_dll" --api "http://127.0.0.1:$api_port" --db "$ConnectionStrings__Marquee" --key "$work/jwt-signing.pem" \
  --baseline "http://127.0.0.1:$baseline_port" --silo-pid "$silo_pid" \
  --pids "api=$api_pid,silo=$silo_pid,conventional service=$baseline_pid,postgres=$(head -1 "$work/postgres/postmaster.pid")" "${quick[@]}" "${viewers[@]}" "${scenarios[@]}"
