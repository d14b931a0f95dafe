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

# Refuse to start over a running demo (or anything else on these ports) instead of half-starting.
for port in "$MOCK_PORT" "$COPAY_PORT" "$INSIGHTS_PORT" "$STORYBOOK_PORT"; do
  if node -e 'const s=require("net").connect(+process.argv[1],"127.0.0.1");s.on("connect",()=>process.exit(0));s.on("error",()=>process.exit(1))' "$port"; then
    echo "demo: port $port is already in use (is a demo already running?). Stop it or set MOCK_PORT/COPAY_PORT/INSIGHTS_PORT/STORYBOOK_PORT." >&2
    exit 1
  fi
done

# Each service runs in its own process group (job control on), so stopping the demo stops their children too.
set -m
pids=()
cleanup() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

# The mock keeps its state in a data file, so a restart of the demo loses nothing; `all` seeds the lifecycle scenarios.
PORT=$MOCK_PORT pnpm --filter @consent-kit/mock-server start --seed all --data-file .data/demo-mock.json & pids+=($!)
# Copay also serves Storybook's connected stories a company-scoped token (demo only; the key stays in Copay).
COPAY_DEMO_COMPANY_ID="$(cd apps/mock-server && pnpm exec tsx -e "import('./src/index.ts').then((m) => console.log(m.SEED_COMPANY_IDS.demo))")"
# COPAY_PUBLIC_URL: Copay registers its webhook receiver (/webhooks/codat) with the mock at this URL.
COPAY_DEMO_TOKENS=1 COPAY_DEMO_COMPANY_ID="$COPAY_DEMO_COMPANY_ID" COPAY_PUBLIC_URL="http://localhost:$COPAY_PORT" \
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
