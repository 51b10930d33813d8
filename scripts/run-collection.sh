#!/usr/bin/env bash
# Runs the Postman collection with newman against a live ./run.sh (MARQUEE_LIVE_URL, or one it starts
# and stops itself through scripts/live-run.sh). Prints newman's report; the last line is "collection: N passed, N failed".
# Usage: scripts/run-collection.sh WORK_DIR   (newman from tools/, see scripts/tools.sh)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=${1:?work dir}
mkdir -p "$work"
newman=${MARQUEE_NEWMAN:-$root/tools/node_modules/.bin/newman}

# A live system given by the caller (test.sh shares one between suites), or one of our own.
if [ -z "${MARQUEE_LIVE_URL:-}" ]; then
  source scripts/live-run.sh
  trap live_stop EXIT
  live_start "$work" "${Web__Root:-$root/src/Api/wwwroot}" || { echo "collection: 0 passed, 1 failed"; exit 1; }
fi
base=$MARQUEE_LIVE_URL

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
