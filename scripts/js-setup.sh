#!/usr/bin/env bash
# Installs the JavaScript tooling (js/package-lock.json) that tests use as peers and independent references.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --prefix js --no-audit --no-fund --silent
