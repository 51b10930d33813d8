#!/usr/bin/env bash
# Lighthouse on the web app's home page and a seat picker page, plus the initial JS size (gzip) of the
# scripts index.html references directly, each printed next to its goal (SPEC section G).
# Uses MARQUEE_BENCH_URL when set; otherwise starts ./run.sh on free ports with a temporary data folder.
# Usage: bench/web.sh   (Lighthouse reports under bench/results/web-<time>/; MARQUEE_BENCH_WEB_ROOT: an already built app)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# CPU-heavy work is serialized with other builds and runs: hold the build lock for the whole benchmark.
if [ -z "${MARQUEE_BENCH_LOCKED:-}" ]; then
  exec env MARQUEE_BENCH_LOCKED=1 flock /tmp/marquee-build.lock "$0" "$@"
fi
source scripts/postgres.sh
source scripts/web.sh
export MARQUEE_BUILD_LOCK=/tmp/marquee-bench-inner.lock
ensure_node || exit 1

if [ ! -x /usr/bin/chromium ]; then
  apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } || exit 1
fi
if [ ! -x bench/web/node_modules/.bin/lighthouse ]; then
  (cd bench/web && npm ci --no-audit --no-fund) || exit 1
fi

out="$root/bench/results/web-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
run_pid=
cleanup() {
  if [ -n "$run_pid" ]; then kill -TERM "$run_pid" 2>/dev/null || true; wait "$run_pid" 2>/dev/null || true; rm -rf "$out/run" "$out/www"; fi
}
trap cleanup EXIT

base=${MARQUEE_BENCH_URL:-}
if [ -z "$base" ]; then
  web_root=${MARQUEE_BENCH_WEB_ROOT:-}
  if [ -z "$web_root" ]; then
    web_root="$out/www"
    { { [ -d web/node_modules ] || web_install; } && web_build "$web_root"; } >"$out/web-build.log" 2>&1 \
      || { tail -n 40 "$out/web-build.log" >&2; echo "web build failed" >&2; exit 1; }
  fi
  export MARQUEE_DATA_DIR="$out/run" MARQUEE_PORT=$(free_port) MARQUEE_SILO_HTTP_PORT=$(free_port)
  export MARQUEE_PAYMENTS_PORT=$(free_port) MARQUEE_PG_PORT=$(free_port)
  export Silo__SiloPort=$(free_port) Silo__GatewayPort=$(free_port)
  export Web__Root="$web_root"
  ./run.sh >"$out/run.log" 2>&1 &
  run_pid=$!
  for _ in $(seq 1 600); do
    grep -q "Marquee is running." "$out/run.log" && break
    kill -0 "$run_pid" 2>/dev/null || break
    sleep 1
  done
  grep -q "Marquee is running." "$out/run.log" || { echo "./run.sh did not come up:" >&2; tail -n 40 "$out/run.log" >&2; exit 1; }
  base="http://127.0.0.1:$MARQUEE_PORT"
fi
base=${base%/}

# A showtime two days ahead (on sale, seats free) for the seat picker page.
day=$(TZ=America/Sao_Paulo date -d '+2 days' +%F)
showtime=$(curl -fsS "$base/api/v1/showtimes?date=$day&pageSize=1" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).data[0]?.id??""))')
[ -n "$showtime" ] || { echo "no showtime on $day" >&2; exit 1; }

lighthouse() {
  local name=$1 url=$2 attempt
  # Headless Chromium now and then loses the trace's navigation start (NO_NAVSTART): that is a failed
  # recording, not a score, so it is recorded again (at most three times).
  for attempt in 1 2 3; do
    CHROME_PATH=/usr/bin/chromium bench/web/node_modules/.bin/lighthouse "$url" --quiet \
      --output=json --output-path="$out/$name.json" \
      --only-categories=performance,accessibility,best-practices \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
      >"$out/$name.log" 2>&1 && break
    grep -q NO_NAVSTART "$out/$name.log" && [ "$attempt" -lt 3 ] && continue
    echo "lighthouse failed on $url (see $out/$name.log)" >&2
    return 1
  done
  node -e '
    const r = require(process.argv[1]);
    const s = (k) => Math.round((r.categories[k]?.score ?? 0) * 100);
    const perf = s("performance"), a11y = s("accessibility"), bp = s("best-practices");
    const mark = (ok) => (ok ? "ok" : "MISSED");
    console.log(`${process.argv[2].padEnd(12)} performance ${String(perf).padStart(3)} (goal >= 90, ${mark(perf >= 90)})  accessibility ${String(a11y).padStart(3)} (goal >= 95, ${mark(a11y >= 95)})  best-practices ${String(bp).padStart(3)}`);
  ' "$out/$name.json" "$name"
}

echo "Lighthouse against $base (reports in $out)"
status=0
lighthouse home "$base/" || status=1
lighthouse seat-picker "$base/sessoes/$showtime" || status=1

# Initial JS: the scripts index.html loads directly (module scripts and modulepreloads), gzip -9 as served.
index=$(curl -fsS "$base/")
total=0
for src in $(printf '%s' "$index" | grep -oE '<script[^>]+src="[^"]+"|<link[^>]+rel="modulepreload"[^>]*href="[^"]+"' | grep -oE '(src|href)="[^"]+"' | sed -E 's/^(src|href)="//; s/"$//' | sort -u); do
  case "$src" in http*) url=$src ;; /*) url=$base$src ;; *) url=$base/$src ;; esac
  size=$(curl -fsS "$url" | gzip -9 -c | wc -c)
  printf '  %-40s %7d B gzip\n' "$src" "$size"
  total=$((total + size))
done
kb=$(( (total + 1023) / 1024 ))
mark=ok; [ "$kb" -le 200 ] || mark=MISSED
echo "initial JS   ${kb} KB gzip (goal <= 200 KB, $mark)"
exit $status
