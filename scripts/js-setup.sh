#!/usr/bin/env bash
# Installs the JavaScript tooling (js/package-lock.json) that tests use as peers and independent references
# (e.g. the KZG trusted setup the BLS12-381 tests compare with). `npm ci` is skipped when js/node_modules was
# installed from this very lockfile, so repeated `make test` runs cost nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
lock_hash=$(sha256sum js/package-lock.json | cut -d' ' -f1)
stamp=js/node_modules/.installed-lock-sha256
if [ "$(cat "$stamp" 2>/dev/null)" = "$lock_hash" ]; then exit 0; fi
npm ci --prefix js --no-audit --no-fund --silent
echo "$lock_hash" > "$stamp"
