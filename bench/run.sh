#!/usr/bin/env bash
# Benchmarks against the real topology on loopback: PostgreSQL, one silo and the API as separate
# Release processes, driven by bench/Marquee.Bench. Each scenario prints one summary line with its
# same-run baseline.
#   ./bench/run.sh [--quick] [scenario ...]
#   scenarios: hot-holds seat-map sell-out checkout catalog memory (default: all, in that order)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source scripts/postgres.sh
source scripts/processes.sh

quick=()
scenarios=()
for arg in "$@"; do
  case $arg in
    --quick) quick=(--quick) ;;
    *) scenarios+=("$arg") ;;
  esac
done

work=$(mktemp -d /tmp/marquee-bench.XXXXXX)
chmod 755 "$work"
pids=()
pid_logs=()
cleanup() {
  trap - INT TERM EXIT
  stop_started
  pg_stop "$work/postgres"
  if [ -n "${MARQUEE_BENCH_KEEP:-}" ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
  return 0
}
trap cleanup INT TERM EXIT

echo "==> building (Release)"
for project in src/Silo/Silo.csproj src/Api/Api.csproj src/PaymentSimulator/PaymentSimulator.csproj bench/Marquee.Bench/Marquee.Bench.csproj; do
  dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
done
silo_dll=$root/src/Silo/bin/Release/net10.0/Marquee.Silo.dll
api_dll=$root/src/Api/bin/Release/net10.0/Marquee.Api.dll
bench_dll=$root/bench/Marquee.Bench/bin/Release/net10.0/Marquee.Bench.dll
payments_dll=$root/src/PaymentSimulator/bin/Release/net10.0/Marquee.PaymentSimulator.dll

echo "==> PostgreSQL"
pg_port=$(free_port)
pg_start "$work/postgres" "$pg_port" bench bench-password
PGPASSWORD=bench-password "$(pg_bin_dir)/psql" -h 127.0.0.1 -p "$pg_port" -U bench -d postgres -q -c "CREATE DATABASE marquee"

export MARQUEE_DATA_DIR=$work/data
export ConnectionStrings__Marquee="Host=127.0.0.1;Port=$pg_port;Database=marquee;Username=bench;Password=bench-password;Maximum Pool Size=200"
# Production, as deployed: no developer exception page, no development defaults.
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
export Orleans__ClusterId=bench Orleans__ServiceId=bench
export Logging__LogLevel__Default=Warning
export Mail__PickupDirectory=$work/mail
# The benchmark mints its customers' tokens with this key: thousands of them, no registrations.
dotnet "$bench_dll" keygen "$work/jwt-signing.pem"
export Jwt__SigningKeyPath=$work/jwt-signing.pem
# The load generator is one address; the per-address limits would measure themselves.
export Edge__RequestsPerWindow=1000000 Edge__AuthRequestsPerWindow=1000000
mkdir -p "$MARQUEE_DATA_DIR" "$work/mail"

(cd "$(dirname "$silo_dll")" && dotnet "$silo_dll" migrate) >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }

silo_http=$(free_port) api_port=$(free_port) payments_port=$(free_port)
echo "==> payment simulator (50 ms), silo and API"
Urls="http://127.0.0.1:$payments_port" Simulator__Latency=00:00:00.050 start_dotnet "$work/payments.log" "$payments_dll"
export Payments__BaseUrl="http://127.0.0.1:$payments_port/"
Urls="http://127.0.0.1:$silo_http" Silo__SiloPort=$(free_port) Silo__GatewayPort=$(free_port) start_dotnet "$work/silo.log" "$silo_dll"
silo_pid=${pids[-1]}
Urls="http://127.0.0.1:$api_port" start_dotnet "$work/api.log" "$api_dll"
wait_ready "http://127.0.0.1:$payments_port/health/ready" "payment simulator" "$work/payments.log"
wait_ready "http://127.0.0.1:$silo_http/health/ready" silo "$work/silo.log"
wait_ready "http://127.0.0.1:$api_port/health/ready" API "$work/api.log"

echo "==> load ($(nproc) cores; ${quick[*]:-full})"
dotnet "$bench_dll" --api "http://127.0.0.1:$api_port" --db "$ConnectionStrings__Marquee" --key "$work/jwt-signing.pem" \
  --pgbench "$(pg_bin_dir)/pgbench" --silo-pid "$silo_pid" "${quick[@]}" "${scenarios[@]}"
