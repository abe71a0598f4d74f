#!/usr/bin/env bash
# CI: Debian's Chromium for tests/test_web_playwright.py (Playwright drives /usr/bin/chromium; it never
# downloads a browser). Instant when Chromium is already installed. Never fails CI: where apt-get or
# root is missing it says so loudly, and the browser tests skip with their reason.
set -uo pipefail

warn() {
  echo "" >&2
  echo "************************************************************************" >&2
  echo "browser.sh: WARNING: $*" >&2
  echo "browser.sh: Chromium is not installed; tests/test_web_playwright.py will be SKIPPED." >&2
  echo "************************************************************************" >&2
  echo "" >&2
}

if [ -x /usr/bin/chromium ]; then
  echo "browser.sh: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) already installed"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  warn "apt-get is not available on this machine"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    warn "not root and no password-less sudo: cannot apt-get install chromium"
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
echo "browser.sh: installing chromium with apt-get"
if ! $SUDO apt-get update -qq; then
  warn "apt-get update failed"
  exit 0
fi
if ! $SUDO apt-get install -y -qq chromium >/dev/null; then
  warn "apt-get install chromium failed"
  exit 0
fi
if [ -x /usr/bin/chromium ]; then
  echo "browser.sh: $(/usr/bin/chromium --version 2>/dev/null || echo chromium) installed"
else
  warn "apt-get installed a chromium package but /usr/bin/chromium is missing"
fi
exit 0
