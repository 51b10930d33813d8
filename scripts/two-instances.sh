#!/usr/bin/env bash
# Two instances on one host must not cross-wire. With one ./run.sh live (test.sh's, described by the
# variables live_start exports), starts a second ./run.sh on its own data folder and ports but asking
# for the first one's silo and gateway ports, as two newcomers on default settings would, and checks
# that each instance answers only with its own data. Last line: "instances: N passed, N failed".
# Usage: scripts/two-instances.sh WORK_DIR
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh
work=$1
first_url=$MARQUEE_LIVE_URL first_password=$MARQUEE_DEMO_PASSWORD
first_silo=$MARQUEE_SILO_PORT first_gateway=$MARQUEE_GATEWAY_PORT
second_password="Second-Demo-2026-Pass!"
passed=0 failed=0

check() {
  local name=$1; shift
  if "$@"; then
    echo "ok   $name"; passed=$((passed + 1))
  else
    echo "FAIL $name"; failed=$((failed + 1))
  fi
}

# status URL METHOD BODY: the HTTP status of a JSON request.
status() {
  curl -s -o /dev/null -w '%{http_code}' -X "$2" -H 'Content-Type: application/json' --data "$3" "$1"
}

login_status() { status "$1/api/v1/auth/login" POST "{\"email\":\"$2\",\"password\":\"$3\"}"; }

mkdir -p "$work"
second_port=$(free_port)
(
  export MARQUEE_DATA_DIR="$work/run" MARQUEE_PORT=$second_port MARQUEE_SILO_HTTP_PORT=$(free_port)
  export MARQUEE_PAYMENTS_PORT=$(free_port) MARQUEE_PG_PORT=$(free_port)
  export MARQUEE_SILO_PORT=$first_silo MARQUEE_GATEWAY_PORT=$first_gateway
  export MARQUEE_DEMO_PASSWORD=$second_password
  unset Orleans__ClusterId Orleans__ServiceId
  exec ./run.sh
) >"$work/run.log" 2>&1 &
second_pid=$!
trap 'kill -TERM "$second_pid" 2>/dev/null; wait "$second_pid" 2>/dev/null' EXIT

for _ in $(seq 1 300); do
  grep -q "Marquee is running." "$work/run.log" && break
  kill -0 "$second_pid" 2>/dev/null || break
  sleep 1
done
if ! grep -q "Marquee is running." "$work/run.log"; then
  echo "the second ./run.sh did not come up:"
  tail -n 40 "$work/run.log"
  echo "instances: 0 passed, 1 failed"
  exit 1
fi
second_url="http://127.0.0.1:$second_port"
silo_line=$(grep -E '^  Silo +silo port' "$work/run.log")
second_silo=$(sed -E 's/.*silo port ([0-9]+),.*/\1/' <<<"$silo_line")
second_gateway=$(sed -E 's/.*gateway ([0-9]+),.*/\1/' <<<"$silo_line")
second_cluster=$(sed -E 's/.*service id ([^ ]+).*/\1/' <<<"$silo_line")
first_cluster=$(cat "$MARQUEE_DATA_DIR/deployment-id")
echo "first: silo $first_silo, gateway $first_gateway, cluster $first_cluster; second: silo $second_silo, gateway $second_gateway, cluster $second_cluster"

check "the second instance takes silo and gateway ports of its own" \
  test "$second_silo" != "$first_silo" -a "$second_gateway" != "$first_gateway" -a "$second_gateway" != "$first_silo" -a "$second_silo" != "$first_gateway"
check "the second instance has a cluster and service id of its own" test -n "$second_cluster" -a "$second_cluster" != "$first_cluster"
check "each instance's demo customer signs in there with its own password" \
  test "$(login_status "$first_url" customer@marquee.local "$first_password")/$(login_status "$second_url" customer@marquee.local "$second_password")" = 200/200
check "neither instance knows the other's demo password" \
  test "$(login_status "$first_url" customer@marquee.local "$second_password")/$(login_status "$second_url" customer@marquee.local "$first_password")" = 401/401

email="second-only-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')@marquee.test"
register=$(status "$second_url/api/v1/auth/register" POST "{\"email\":\"$email\",\"password\":\"Only-Here-2026!\",\"displayName\":\"Second\"}")
check "an account registered on the second instance signs in there and not on the first" \
  test "$register/$(login_status "$second_url" "$email" Only-Here-2026!)/$(login_status "$first_url" "$email" Only-Here-2026!)" = 201/200/401

# The second API's cluster client reached the second silo: the admin view of the membership lists it.
admin_token=$(curl -s -H 'Content-Type: application/json' --data "{\"email\":\"admin@marquee.local\",\"password\":\"$second_password\"}" \
  "$second_url/api/v1/auth/login" | sed -nE 's/.*"accessToken":"([^"]+)".*/\1/p')
members=$(curl -s -H "Authorization: Bearer $admin_token" "$second_url/api/v1/admin/cluster")
only_second_silo() { grep -q "127.0.0.1:$second_silo:" <<<"$members" && ! grep -q "127.0.0.1:$first_silo:" <<<"$members"; }
check "the second API's cluster holds only the second silo" only_second_silo

echo "instances: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
