#!/usr/bin/env bash
# Lints the OpenAPI document a live API serves with Spectral's OAS ruleset (.spectral.yaml); any
# warning fails, since API consumers read the document in Scalar. Last line:
# "openapi-lint: N passed, N failed" (one check).
# Usage: scripts/lint-openapi.sh BASE_URL WORK_DIR   (needs MARQUEE_SPECTRAL, set by ensure_tools)
set -uo pipefail
cd "$(dirname "$0")/.."
base=$1 work=$2
mkdir -p "$work"
if ! curl -fsS "$base/openapi/v1.json" -o "$work/openapi.json"; then
  echo "could not fetch $base/openapi/v1.json"
  echo "openapi-lint: 0 passed, 1 failed"
  exit 1
fi
if "$MARQUEE_SPECTRAL" lint --ruleset .spectral.yaml --fail-severity=warn "$work/openapi.json"; then
  echo "openapi-lint: 1 passed, 0 failed"
else
  echo "openapi-lint: 0 passed, 1 failed"
  exit 1
fi
