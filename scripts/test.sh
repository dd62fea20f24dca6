#!/usr/bin/env bash
# Installs what is missing, builds both trees and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build/native --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"
# The WASM module under Node: parity with the native build, hostile input.
node --test tests/node/
