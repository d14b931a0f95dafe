#!/usr/bin/env bash
# Starts the whole demo stack on this machine: the mock API (with demo data and the embedded local test key),
# Copay, Insights and Storybook. Ctrl+C stops everything. Installs what it needs on first run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

export MOCK_PORT="${MOCK_PORT:-4010}" COPAY_PORT="${COPAY_PORT:-4020}" INSIGHTS_PORT="${INSIGHTS_PORT:-4030}"
export STORYBOOK_PORT="${STORYBOOK_PORT:-6006}"
export MOCK_URL="${MOCK_URL:-http://localhost:$MOCK_PORT}"

echo "demo: building the apps"
pnpm --filter @consent-kit/elements analyze >/dev/null
pnpm --filter @consent-kit/copay --filter @consent-kit/insights build >/dev/null

pids=()
cleanup() { trap - INT TERM EXIT; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup INT TERM EXIT

PORT=$MOCK_PORT pnpm --filter @consent-kit/mock-server start -- --seed demo & pids+=($!)
PORT=$COPAY_PORT pnpm --filter @consent-kit/copay start & pids+=($!)
PORT=$INSIGHTS_PORT pnpm --filter @consent-kit/insights start & pids+=($!)
pnpm exec storybook dev -p "$STORYBOOK_PORT" --no-open --ci >/dev/null 2>&1 & pids+=($!)

# Waits (up to 2 minutes) until a URL answers; node's fetch, since a fresh machine may have no curl.
wait_for() {
  node -e 'const u=process.argv[1];const t=Date.now();(async function poll(){try{await fetch(u);process.exit(0)}catch{if(Date.now()-t>120000){console.error("demo: "+u+" did not start");process.exit(1)}setTimeout(poll,500)}})()' "$1"
}
wait_for "$MOCK_URL/openapi.json"
wait_for "http://localhost:$COPAY_PORT/"
wait_for "http://localhost:$INSIGHTS_PORT/"
wait_for "http://localhost:$STORYBOOK_PORT/"

cat <<MSG

  consent-kit demo is running:
    Copay (lending journey)     http://localhost:$COPAY_PORT
    Insights (React dashboard)  http://localhost:$INSIGHTS_PORT
    Storybook                   http://localhost:$STORYBOOK_PORT
    Mock API + reference        $MOCK_URL  ($MOCK_URL/docs)

  Press Ctrl+C to stop.
MSG
wait -n "${pids[@]}"
