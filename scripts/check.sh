#!/usr/bin/env bash
# Every check, in the order a failure is cheapest to find: lint, types, unit + component tests, bundle budgets,
# Storybook stories as tests, the Storybook build and its screenshots, then end-to-end. Installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
started=$SECONDS

step "custom-elements manifest"; pnpm --filter @consent-kit/elements analyze >/dev/null
step "lint";                     pnpm lint
step "typecheck";                pnpm typecheck
step "unit, component and server tests"; pnpm test
step "bundle budgets";           pnpm size
step "stories as tests (a11y as errors)"; pnpm test:stories
step "storybook build";          pnpm build-storybook
step "storybook screenshots";    node scripts/storybook-screenshots.mjs
step "end-to-end (Playwright + axe)"; pnpm e2e

echo
echo "All checks passed in $((SECONDS - started)) s."
