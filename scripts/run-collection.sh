#!/usr/bin/env bash
# Starts ./run.sh on free ports with its own data folder, runs the Postman collection against it with
# newman, and stops it. Prints newman's report; the last line is "collection: N passed, N failed".
# Usage: scripts/run-collection.sh WORK_DIR   (newman from tools/, see scripts/tools.sh)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source scripts/postgres.sh
work=${1:?work dir}
mkdir -p "$work"
newman=${MARQUEE_NEWMAN:-$root/tools/node_modules/.bin/newman}

export MARQUEE_DATA_DIR="$work/run" MARQUEE_PORT=$(free_port) MARQUEE_SILO_HTTP_PORT=$(free_port)
export MARQUEE_PAYMENTS_PORT=$(free_port) MARQUEE_PG_PORT=$(free_port)
export Silo__SiloPort=$(free_port) Silo__GatewayPort=$(free_port)
export MARQUEE_DEMO_PASSWORD="Collection-Demo-2026-Pass!"
base="http://127.0.0.1:$MARQUEE_PORT"

./run.sh >"$work/run.log" 2>&1 &
run_pid=$!
stop_run() {
  kill -TERM "$run_pid" 2>/dev/null || true
  wait "$run_pid" 2>/dev/null || true
}
trap stop_run EXIT

# run.sh prints this once every process answers its readiness probe.
for _ in $(seq 1 300); do
  grep -q "Marquee is running." "$work/run.log" && break
  kill -0 "$run_pid" 2>/dev/null || break
  sleep 1
done
if ! grep -q "Marquee is running." "$work/run.log"; then
  echo "./run.sh did not come up:" >&2
  tail -n 40 "$work/run.log" >&2
  echo "collection: 0 passed, 1 failed"
  exit 1
fi

"$newman" run requests/marquee.postman_collection.json \
  --env-var "baseUrl=$base" --env-var "demoPassword=$MARQUEE_DEMO_PASSWORD" \
  --reporters cli,json --reporter-json-export "$work/newman.json" \
  --timeout-request 30000 --color off --disable-unicode
status=$?

read -r total failed < <(node -e '
  const stats = require(process.argv[1]).run.stats;
  console.log(stats.assertions.total, stats.assertions.failed + stats.testScripts.failed + stats.prerequestScripts.failed);
' "$work/newman.json" 2>/dev/null || echo "0 1")
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "collection: $((total - failed < 0 ? 0 : total - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
