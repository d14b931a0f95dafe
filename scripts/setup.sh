#!/usr/bin/env bash
# Installs what consent-kit needs on a fresh machine that has only Node 20 and apt: Debian Chromium (browser tests
# and e2e never download a browser), pnpm 10.34.9 and the workspace's dependencies. Safe to run again: each step
# is skipped when already done. Sourced by check.sh and demo.sh.
set -euo pipefail

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 TURBO_TELEMETRY_DISABLED=1 STORYBOOK_DISABLE_TELEMETRY=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
PNPM_VERSION=10.34.9

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "setup: installing Debian chromium (apt)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm@$PNPM_VERSION (npm; corepack cannot verify signatures here)"
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || as_root npm install -g "pnpm@$PNPM_VERSION" >/dev/null
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stamp="$root/node_modules/.consent-kit-installed"
if [ ! -f "$stamp" ] || [ "$root/pnpm-lock.yaml" -nt "$stamp" ]; then
  echo "setup: pnpm install --frozen-lockfile"
  (cd "$root" && pnpm install --frozen-lockfile --reporter=silent)
  touch "$stamp"
fi
