#!/usr/bin/env bash
# Sets up a fresh machine for mentorkit: pnpm, Debian's Chromium (for browser tests and screenshots),
# Debian's PostgreSQL server (the server's tests start their own on loopback), and the workspace's dependencies. Safe to run again; it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  echo "› installing pnpm $PNPM_VERSION"
  npm install --global --silent "pnpm@$PNPM_VERSION"
fi

if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "› installing Chromium from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install it (apt-get install chromium) or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi

# The server's tests look for initdb and pg_ctl in $PG_BIN, on PATH, then in /usr/lib/postgresql/<version>/bin
# (where Debian puts them, off PATH): install Debian's package only when none of those has them.
if ! { [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/initdb" ]; } && ! command -v initdb >/dev/null 2>&1 && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "› installing PostgreSQL from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "PostgreSQL's server binaries are missing: install them (apt-get install postgresql) or set PG_BIN." >&2
    exit 1
  fi
fi

echo "› installing dependencies"
pnpm install --frozen-lockfile --reporter=silent
