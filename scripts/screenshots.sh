#!/usr/bin/env bash
# Retakes the screenshots of docs/design.md: every area of the web app as its role sees it, at a
# phone (375 px) and a desktop (1280 px) viewport, from a live ./run.sh (MARQUEE_E2E_URL and
# MARQUEE_DEMO_PASSWORD of a running one, or one started here on free ports). Not part of ./test.sh.
# Usage: scripts/screenshots.sh   (writes docs/design/screenshots/<page>-<width>.png)
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/web.sh
ensure_node || exit 1
[ -d tests/e2e/node_modules/@playwright/test ] || (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund) || exit 1
run_pid=
trap '[ -n "$run_pid" ] && { kill -TERM "$run_pid"; wait "$run_pid"; }' EXIT
if [ -z "${MARQUEE_E2E_URL:-}" ]; then
  work=$(mktemp -d /tmp/marquee-screens.XXXXXX)
  { [ -d web/node_modules ] || web_install; } && web_build "$work/www" >"$work/web-build.log" 2>&1 || { tail -n 40 "$work/web-build.log"; exit 1; }
  source scripts/live-run.sh
  live_start "$work" "$work/www" || exit 1
  run_pid=$live_pid
  export MARQUEE_E2E_URL=$MARQUEE_LIVE_URL MARQUEE_E2E_MAIL_DIR=$MARQUEE_LIVE_MAIL_DIR
fi
export MARQUEE_E2E_MAIL_DIR=${MARQUEE_E2E_MAIL_DIR:-/tmp}
export MARQUEE_SCREENSHOTS_DIR=$PWD/docs/design/screenshots
(cd tests/e2e && npx playwright test --config playwright.screenshots.config.ts "$@")
