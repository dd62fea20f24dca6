#!/usr/bin/env bash
# Installs what is missing, builds both trees and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
scripts/test-sanitizers.sh  # every CTest test, built by clang-14 with ASan+UBSan, then each fuzz target for a few seconds
# The WASM module under Node: parity with the native build, hostile input.
node --test tests/node/
node --test tests/browser/  # chromium against the real server: the widget and the outbox
