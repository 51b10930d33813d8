#!/usr/bin/env bash
# Starts the whole system on this machine: PostgreSQL (under the data dir), schema, one silo, the API
# serving the web app. Prints the URLs once the demo data can be queried, then runs until Ctrl-C or
# SIGTERM and stops everything it started.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
source scripts/postgres.sh
source scripts/processes.sh
source scripts/web.sh

export MARQUEE_DATA_DIR=${MARQUEE_DATA_DIR:-$root/.data}
api_port=${MARQUEE_PORT:-5080}
silo_http_port=${MARQUEE_SILO_HTTP_PORT:-5180}
payments_port=${MARQUEE_PAYMENTS_PORT:-5190}
pg_port=${MARQUEE_PG_PORT:-55432}
silo_port=${MARQUEE_SILO_PORT:-${Silo__SiloPort:-11111}}
gateway_port=${MARQUEE_GATEWAY_PORT:-${Silo__GatewayPort:-30000}}
# Development-only credentials; Production refuses to start without real ones.
export MARQUEE_DEMO_PASSWORD=${MARQUEE_DEMO_PASSWORD:-Marquee-Demo-2026!}
pg_password=${MARQUEE_PG_PASSWORD:-marquee-dev}

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet on PATH)." >&2; exit 1; }
mkdir -p "$MARQUEE_DATA_DIR/logs" "$MARQUEE_DATA_DIR/mail"
chmod 755 "$MARQUEE_DATA_DIR"

pids=()
pid_logs=()
stop_all() {
  trap - INT TERM EXIT
  echo
  echo "Stopping Marquee..."
  stop_started
  pg_stop "$MARQUEE_DATA_DIR/postgres"
  echo "Stopped."
}
trap stop_all INT TERM EXIT

# port_or_free PORT NAME: PORT when nobody listens on it, else a free one (said aloud).
port_or_free() {
  if (echo >/dev/tcp/127.0.0.1/"$1") 2>/dev/null; then
    local other
    other=$(free_port)
    echo "    $2 port $1 taken; using $other" >&2
    echo "$other"
  else
    echo "$1"
  fi
}
# Two instances on one host must never share a silo: each gets its own silo and gateway ports.
silo_port=$(port_or_free "$silo_port" silo)
gateway_port=$(port_or_free "$gateway_port" gateway)
export Silo__SiloPort=$silo_port Silo__GatewayPort=$gateway_port

# A cluster and service id of this deployment's own, kept with its data: a cluster client then never
# joins another instance's silo. A data folder from before ids existed keeps the old shared one,
# because grain state and reminders are stored under the service id.
if [ ! -f "$MARQUEE_DATA_DIR/deployment-id" ]; then
  if [ -f "$MARQUEE_DATA_DIR/postgres/PG_VERSION" ]; then
    echo marquee >"$MARQUEE_DATA_DIR/deployment-id"
  else
    echo "marquee-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')" >"$MARQUEE_DATA_DIR/deployment-id"
  fi
fi
deployment_id=$(cat "$MARQUEE_DATA_DIR/deployment-id")
export Orleans__ClusterId=${Orleans__ClusterId:-$deployment_id} Orleans__ServiceId=${Orleans__ServiceId:-$deployment_id}

# The web app, built into the API's web root unless the caller hands one over already built.
if [ -z "${Web__Root:-}" ]; then
  echo "==> building the web app (Node 22 from npm, Angular)"
  export Web__Root=$root/src/Api/wwwroot
  { web_install && web_build "$Web__Root"; } >"$MARQUEE_DATA_DIR/logs/web-build.log" 2>&1 \
    || { tail -n 40 "$MARQUEE_DATA_DIR/logs/web-build.log" >&2; exit 1; }
fi

echo "==> building (Release)"
dotnet build src/Api/Api.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
dotnet build src/Silo/Silo.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
dotnet build src/PaymentSimulator/PaymentSimulator.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
silo_dll=$root/src/Silo/bin/Release/net10.0/Marquee.Silo.dll
payments_dll=$root/src/PaymentSimulator/bin/Release/net10.0/Marquee.PaymentSimulator.dll
api_dll=$root/src/Api/bin/Release/net10.0/Marquee.Api.dll

echo "==> PostgreSQL on 127.0.0.1:$pg_port (data in $MARQUEE_DATA_DIR/postgres)"
if (echo >/dev/tcp/127.0.0.1/"$pg_port") 2>/dev/null && [ ! -f "$MARQUEE_DATA_DIR/postgres/postmaster.pid" ]; then
  pg_port=$(free_port)
  echo "    port taken; using $pg_port"
fi
pg_start "$MARQUEE_DATA_DIR/postgres" "$pg_port" marquee "$pg_password"
bin=$(pg_bin_dir)
PGPASSWORD=$pg_password "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U marquee -d postgres -tAq \
  -c "SELECT 1 FROM pg_database WHERE datname = 'marquee'" | grep -q 1 \
  || PGPASSWORD=$pg_password "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U marquee -d postgres -q -c "CREATE DATABASE marquee"

export ConnectionStrings__Marquee="Host=127.0.0.1;Port=$pg_port;Database=marquee;Username=marquee;Password=$pg_password"
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export DOTNET_ENVIRONMENT=$ASPNETCORE_ENVIRONMENT

echo "==> schema"
# Each process runs from its build folder, so its appsettings.json is the content root's.
(cd "$(dirname "$silo_dll")" && exec dotnet "$silo_dll" migrate) >"$MARQUEE_DATA_DIR/logs/migrate.log" 2>&1 \
  || { cat "$MARQUEE_DATA_DIR/logs/migrate.log" >&2; exit 1; }

export Identity__PasswordResetUrl="http://127.0.0.1:$api_port/reset-password"
export Mail__PickupDirectory="$MARQUEE_DATA_DIR/mail"
# The demo chain (cinemas, a week of showtimes, packages) and the demo users of each role, loaded
# once per database by the silo; mail (password resets) goes to $MARQUEE_DATA_DIR/mail.
export Seed__Demo=true Seed__DemoPassword="$MARQUEE_DEMO_PASSWORD"

echo "==> payment simulator"
Urls="http://127.0.0.1:$payments_port" start_dotnet "$MARQUEE_DATA_DIR/logs/payments.log" "$payments_dll"
export Payments__BaseUrl="http://127.0.0.1:$payments_port/"

echo "==> silo"
Urls="http://127.0.0.1:$silo_http_port" start_dotnet "$MARQUEE_DATA_DIR/logs/silo.log" "$silo_dll"

echo "==> API"
Urls="http://127.0.0.1:$api_port" Dashboard__Username=admin Dashboard__Password="$MARQUEE_DEMO_PASSWORD" \
  start_dotnet "$MARQUEE_DATA_DIR/logs/api.log" "$api_dll"

wait_ready "http://127.0.0.1:$payments_port/health/ready" "payment simulator" "$MARQUEE_DATA_DIR/logs/payments.log" || exit 1
wait_ready "http://127.0.0.1:$silo_http_port/health/ready" silo "$MARQUEE_DATA_DIR/logs/silo.log" || exit 1
wait_ready "http://127.0.0.1:$api_port/health/ready" API "$MARQUEE_DATA_DIR/logs/api.log" || exit 1
# Ready means usable: the demo chain (showtimes) and menu (products) answer through the API.
wait_ready "http://127.0.0.1:$api_port/api/v1/showtimes?pageSize=1" "demo showtimes" "$MARQUEE_DATA_DIR/logs/silo.log" '"id"' || exit 1
wait_ready "http://127.0.0.1:$api_port/api/v1/products?pageSize=1" "demo menu" "$MARQUEE_DATA_DIR/logs/silo.log" '"id"' || exit 1

cat <<INFO

Marquee is running.
  Web app         http://127.0.0.1:$api_port/
  API             http://127.0.0.1:$api_port/api/v1
  API reference   http://127.0.0.1:$api_port/scalar
  OpenAPI         http://127.0.0.1:$api_port/openapi/v1.json
  Health          http://127.0.0.1:$api_port/health/ready
  Metrics         http://127.0.0.1:$api_port/metrics   (silo: http://127.0.0.1:$silo_http_port/metrics)
  Dashboard       http://127.0.0.1:$api_port/dashboard/   (user admin, password \$MARQUEE_DEMO_PASSWORD)
  Demo users      admin@marquee.local, manager@marquee.local, customer@marquee.local (password \$MARQUEE_DEMO_PASSWORD)
  Payments        http://127.0.0.1:$payments_port (simulator: approves about half, by a hash of the order id)
  Mail pickup     $MARQUEE_DATA_DIR/mail
  PostgreSQL      127.0.0.1:$pg_port, database marquee, user marquee
  Silo            silo port $silo_port, gateway $gateway_port, cluster and service id $deployment_id
  Logs            $MARQUEE_DATA_DIR/logs
Press Ctrl-C to stop.
INFO

# Returns when either process exits (or a signal arrives); the trap stops the rest.
wait -n "${pids[@]}" || true
