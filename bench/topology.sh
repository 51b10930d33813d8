# shellcheck shell=bash
# Sourced by bench/run.sh and bench/faults.sh: the common setup of a loopback topology in Production
# mode. Defines cleanup (the caller traps it), builds, starts PostgreSQL in $work, exports what every
# Marquee process reads, mints the JWT key and applies the schema.
#   topology_setup NAME      (NAME: database user and Orleans cluster id)
# Leaves: work, pg_port, silo_dll, api_dll, bench_dll, payments_dll, baseline_dll; pids/pid_logs for start_dotnet.

topology_setup() {
  local name=$1
  work=$(mktemp -d "/tmp/marquee-$name.XXXXXX")
  chmod 755 "$work"
  pids=()
  pid_logs=()

  echo "==> building (Release)"
  for project in src/Silo/Silo.csproj src/Api/Api.csproj src/PaymentSimulator/PaymentSimulator.csproj bench/Marquee.Bench/Marquee.Bench.csproj bench/Marquee.Baseline/Marquee.Baseline.csproj; do
    dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
  done
  silo_dll=$root/src/Silo/bin/Release/net10.0/Marquee.Silo.dll
  api_dll=$root/src/Api/bin/Release/net10.0/Marquee.Api.dll
  bench_dll=$root/bench/Marquee.Bench/bin/Release/net10.0/Marquee.Bench.dll
  payments_dll=$root/src/PaymentSimulator/bin/Release/net10.0/Marquee.PaymentSimulator.dll
  baseline_dll=$root/bench/Marquee.Baseline/bin/Release/net10.0/Marquee.Baseline.dll

  echo "==> PostgreSQL"
  pg_port=$(free_port)
  pg_start "$work/postgres" "$pg_port" "$name" "$name-password"
  PGPASSWORD="$name-password" "$(pg_bin_dir)/psql" -h 127.0.0.1 -p "$pg_port" -U "$name" -d postgres -q -c "CREATE DATABASE marquee"

  export MARQUEE_DATA_DIR=$work/data
  # A short connect timeout: a stopped database is noticed in seconds, not in Npgsql's default 15.
  export ConnectionStrings__Marquee="Host=127.0.0.1;Port=$pg_port;Database=marquee;Username=$name;Password=$name-password;Maximum Pool Size=200;Timeout=5"
  # Production, as deployed: no developer exception page, no development defaults.
  export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
  export Orleans__ClusterId=$name Orleans__ServiceId=$name
  export Logging__LogLevel__Default=Warning
  export Mail__PickupDirectory=$work/mail
  # The load generator mints its customers' tokens with this key: thousands of them, no registrations.
  dotnet "$bench_dll" keygen "$work/jwt-signing.pem"
  export Jwt__SigningKeyPath=$work/jwt-signing.pem
  # The load generator is one address; the per-address limits would measure themselves.
  export Edge__RequestsPerWindow=1000000 Edge__AuthRequestsPerWindow=1000000
  mkdir -p "$MARQUEE_DATA_DIR" "$work/mail"

  (cd "$(dirname "$silo_dll")" && dotnet "$silo_dll" migrate) >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; return 1; }
}

cleanup() {
  trap - INT TERM EXIT
  stop_started
  [ -n "${work:-}" ] && pg_stop "$work/postgres"
  if [ -n "${MARQUEE_BENCH_KEEP:-}" ]; then echo "kept $work" >&2; elif [ -n "${work:-}" ]; then rm -rf "$work"; fi
  return 0
}
