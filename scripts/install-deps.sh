#!/usr/bin/env bash
# Installs the Debian packages clarity-report builds and tests against, when they are missing.
set -euo pipefail

# fonts-liberation2 is the one font the PNG charts are drawn in, whatever else the machine has (see ChartFontMap):
# Liberation Sans has Arial's and Helvetica's metrics, so labels measured in it fit in browsers and mail clients too.
# libcurl4-openssl-dev: SMTP delivery (CCurl); its libcurl4 is also what Foundation's networking loads at run time.
packages=(libsqlite3-dev sqlite3 libzstd-dev libcmark-gfm-dev libcmark-gfm-extensions-dev librsvg2-dev libpango1.0-dev
  libcurl4-openssl-dev fonts-liberation2 pkg-config python3 python3-pip openssl time)
# CLARITY_WITH_BROWSER=1 adds what only the tests need (`make test` sets it): Chromium, which the hostile-text tests
# load the weekly page in, fontconfig's tools with a second font family for the hostile-fontconfig test, and poppler's
# pdfinfo, pdffonts and pdftotext, which read the monthly PDF as a reader's viewer would.
if [ "${CLARITY_WITH_BROWSER:-0}" = "1" ]; then
  packages+=(chromium fontconfig fonts-dejavu-core poppler-utils)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing Debian packages: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: need root or sudo to install ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The SMTP tests run aiosmtpd (from PyPI) under the `python3` first on PATH, so it is installed for that same interpreter.
if [ "${CLARITY_WITH_BROWSER:-0}" = "1" ] && ! python3 -c 'import aiosmtpd' 2>/dev/null; then
  echo "Installing aiosmtpd for $(command -v python3)"
  python3 -m pip install --quiet aiosmtpd 2>/dev/null \
    || python3 -m pip install --quiet --user --break-system-packages aiosmtpd
  python3 -c 'import aiosmtpd' || { echo "error: aiosmtpd is not importable by $(command -v python3); the SMTP tests need it" >&2; exit 1; }
fi

# The MCP tests drive `clarity-report mcp` with an independent client, the `mcp` package from PyPI (its 1.x API:
# ClientSession over stdio_client), under the same `python3`.
if [ "${CLARITY_WITH_BROWSER:-0}" = "1" ] && ! python3 -c 'import mcp.client.stdio' 2>/dev/null; then
  echo "Installing mcp 1.30.0 for $(command -v python3)"
  python3 -m pip install --quiet 'mcp==1.30.0' 2>/dev/null \
    || python3 -m pip install --quiet --user --break-system-packages 'mcp==1.30.0'
  python3 -c 'import mcp.client.stdio' || { echo "error: mcp is not importable by $(command -v python3); the MCP tests need it" >&2; exit 1; }
fi
