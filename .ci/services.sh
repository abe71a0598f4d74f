#!/usr/bin/env bash
# System services the test suite needs, installed from Debian packages.
#   PostgreSQL: tests/test_store_postgres.py starts its own throwaway server with
#   initdb + pg_ctl (as the `postgres` user when run as root), so only the binaries
#   are needed here; no system cluster is started.
# Idempotent and quick when everything is installed (no apt call at all). Never fails
# CI: without apt, or when the install fails, it prints a visible notice and the tests
# that need the service skip with a reason.
set -uo pipefail

have_postgres() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null
}

notice() { echo "services.sh: WARNING: $*"; echo "services.sh: WARNING: $*" >&2; }

if have_postgres; then
  echo "services.sh: PostgreSQL binaries present ($(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | head -1))"
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  notice "apt-get not available: PostgreSQL tests will be skipped"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    notice "not root and no sudo: cannot install postgresql; PostgreSQL tests will be skipped"
    exit 0
  fi
fi

export DEBIAN_FRONTEND=noninteractive
if $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null; then
  # Debian's package may start a system cluster; the tests use their own, so stop it to save memory.
  if command -v pg_ctlcluster >/dev/null; then
    for c in $(ls /etc/postgresql 2>/dev/null); do
      for n in $(ls "/etc/postgresql/$c" 2>/dev/null); do $SUDO pg_ctlcluster "$c" "$n" stop 2>/dev/null || true; done
    done
  fi
  have_postgres && echo "services.sh: PostgreSQL installed" || notice "postgresql installed but initdb not found"
else
  notice "apt-get install postgresql failed: PostgreSQL tests will be skipped"
fi
exit 0
