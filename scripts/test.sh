#!/usr/bin/env bash
# The whole test pipeline: build, typecheck, every package's tests, the time suites under several host
# time zones, and the package checks (publint, attw).
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 TURBO_UI=false FORCE_COLOR=0
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium || echo /usr/bin/chromium)}"

pnpm exec turbo run build typecheck --output-logs=errors-only
pnpm exec turbo run test --output-logs=full --concurrency=1
node scripts/test-tz.mjs
pnpm exec turbo run check:package --output-logs=errors-only
