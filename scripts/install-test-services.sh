#!/usr/bin/env bash
# Installs the servers the test suite starts (PostgreSQL 15, redis-server) when missing.
# The suite itself starts them on loopback ports in throw-away folders (tests/support/servers.py).
set -euo pipefail

need=()
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || need+=(postgresql-15)
command -v redis-server >/dev/null || need+=(redis-server)
if [ "$(id -u)" = 0 ] && ! command -v runuser >/dev/null; then need+=(util-linux); fi

if [ ${#need[@]} -eq 0 ]; then
  echo "test services: PostgreSQL and redis-server present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
echo "test services: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# policy-rc.d 101 stops the packages from starting system-wide services; the tests start
# their own on free ports.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
fi
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "test services: installed ${need[*]}"
