#!/usr/bin/env bash
# The whole test pipeline: build, typecheck, lint, every package's tests, the time suites under several host
# time zones, and the package checks (publint, attw). Ends with one line totalling every test run.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 TURBO_UI=false FORCE_COLOR=0
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium || echo /usr/bin/chromium)}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# Files the build writes that are under version control (the JSON Schema) must come out as committed:
# a build that changes one means the committed copy is stale. Compared before and after, so local edits
# in progress do not count.
tree_state() { { git status --porcelain --untracked-files=all; git diff; } 2>/dev/null | sha1sum; }
before="$(tree_state)"
pnpm exec turbo run build typecheck --output-logs=errors-only
if [ "$(tree_state)" != "$before" ]; then
  echo "The build changed files under version control; commit what it regenerated:" >&2
  git status --short >&2
  exit 1
fi
pnpm run --silent lint
pnpm exec turbo run test --output-logs=full --concurrency=1 | tee "$log"
node scripts/test-tz.mjs | tee -a "$log"
pnpm exec turbo run check:package --output-logs=errors-only

# vitest prints "Tests  N passed (N)" per run; every run above passed, or set -e would have stopped here.
total=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -oE 'Tests +[0-9]+ passed' | awk '{ sum += $2 } END { print sum + 0 }')
echo "tests: ${total:-0} passed, 0 failed"
