#!/usr/bin/env bash
# Builds everything: the native tree (core, supportctl, tests, benchmarks) in
# build/native and the WebAssembly tree in build/wasm.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j "$jobs"

# Debian's emcc loads acorn from the system's node modules.
export NODE_PATH=/usr/share/nodejs
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j "$jobs"
