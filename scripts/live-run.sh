# shellcheck shell=bash
# Sourced by test.sh and the suites that need the whole system: one ./run.sh on free ports with its
# own data folder, shaped for tests (30-second holds so an expiry can be watched, per-address limits
# lifted because every client is 127.0.0.1), shared by every suite that runs against it.

# live_start WORK WEB_ROOT: starts ./run.sh serving the app built in WEB_ROOT and waits until it says
# it is running; exports MARQUEE_LIVE_URL, MARQUEE_LIVE_MAIL_DIR and MARQUEE_DEMO_PASSWORD.
live_start() {
  local work=$1 web_root=$2
  source scripts/postgres.sh
  mkdir -p "$work"
  export MARQUEE_DATA_DIR="$work/run" MARQUEE_PORT=$(free_port) MARQUEE_SILO_HTTP_PORT=$(free_port)
  export MARQUEE_PAYMENTS_PORT=$(free_port) MARQUEE_PG_PORT=$(free_port)
  export MARQUEE_SILO_PORT=$(free_port) MARQUEE_GATEWAY_PORT=$(free_port)
  export MARQUEE_DEMO_PASSWORD="Live-Demo-2026-Pass!"
  export Cinema__HoldDuration=${Cinema__HoldDuration:-00:00:30}
  export Edge__RequestsPerWindow=${Edge__RequestsPerWindow:-1000000} Edge__AuthRequestsPerWindow=${Edge__AuthRequestsPerWindow:-100000}
  # The suites sign the demo accounts in far more often than a person would; the budget itself is tested in Api.Tests.
  export Identity__SignInAttemptsPerWindow=${Identity__SignInAttemptsPerWindow:-1000}
  export Web__Root="$web_root"
  # Google sign-in against the browser suite's stand-in issuer (tests/e2e/support/oidc-issuer.ts),
  # which the suite starts on this port; nothing asks it before then.
  export MARQUEE_E2E_OIDC_PORT=${MARQUEE_E2E_OIDC_PORT:-$(free_port)}
  export Google__ClientId=marquee-e2e.apps.googleusercontent.com Google__RequireHttpsMetadata=false
  export Google__Authority="http://127.0.0.1:$MARQUEE_E2E_OIDC_PORT" Google__ValidIssuers__0="http://127.0.0.1:$MARQUEE_E2E_OIDC_PORT"
  export Google__AuthorizationEndpoint="http://127.0.0.1:$MARQUEE_E2E_OIDC_PORT/authorize"
  live_log="$work/run.log"
  ./run.sh >"$live_log" 2>&1 &
  live_pid=$!
  local _
  for _ in $(seq 1 300); do
    grep -q "Marquee is running." "$live_log" && break
    kill -0 "$live_pid" 2>/dev/null || break
    sleep 1
  done
  if ! grep -q "Marquee is running." "$live_log"; then
    echo "./run.sh did not come up:" >&2
    tail -n 40 "$live_log" >&2
    return 1
  fi
  export MARQUEE_LIVE_URL="http://127.0.0.1:$MARQUEE_PORT" MARQUEE_LIVE_MAIL_DIR="$MARQUEE_DATA_DIR/mail"
}

# live_stop: SIGTERM to run.sh, which stops everything it started.
live_stop() {
  [ -n "${live_pid:-}" ] || return 0
  kill -TERM "$live_pid" 2>/dev/null || true
  wait "$live_pid" 2>/dev/null || true
  live_pid=
}
