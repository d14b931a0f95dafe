#!/usr/bin/env bash
# `pnpm bench`: bundle sizes, runtime in Chromium and mock-server load, printed as one table (README "Performance").
#   pnpm bench                    # everything (~1.5 min on 2 cores)
#   pnpm bench -- --only size     # or runtime, load (comma separated)
#   pnpm bench -- --markdown      # the table as Markdown (for the README)
# Installs what it needs on a fresh clone (scripts/setup.sh: Debian Chromium, pnpm, dependencies).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export TURBO_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [[ "${1:-}" == "--" ]]; then shift; fi
exec node scripts/bench/run.mjs "$@"
