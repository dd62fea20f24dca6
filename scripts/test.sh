#!/usr/bin/env bash
# Installs what is missing, builds both trees and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build/native --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"
scripts/test-sanitizers.sh  # clang-14 ASan+UBSan tree: every CTest test again, then each fuzz target for a few seconds
# The WASM module under Node: parity with the native build, hostile input.
node --test tests/node/
node --test tests/browser/  # chromium against the real server: the widget and the outbox
