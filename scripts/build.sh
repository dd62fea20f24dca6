#!/usr/bin/env bash
# Builds what the demo and the tests run: the native tools (supportctl, the
# API server) in build/native, the WebAssembly tree in build/wasm, and the
# folder a browser loads from in build/web, and the demo site in build/demo.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
# The tools the demo, the web folder and the tests use (and the chat's learned
# model, which chat-train makes in build/native/generated from the data files and
# the development sets); the test binaries are
# built (with sanitizers) by scripts/test-sanitizers.sh, the benchmarks by
# `cmake --build build/native --target bench`.
cmake --build build/native -j "$jobs" --target supportctl support-api

# Debian's emcc loads acorn from the system's node modules.
export NODE_PATH=/usr/share/nodejs
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j "$jobs"

# The web folder: the WASM module and its data packs under content-hashed
# names, with manifest.json (wasm/pack.mjs); the server and the widget use it.
node wasm/pack.mjs --root . --files build/wasm/bundled-files.txt --generated build/native/generated \
  --module build/wasm/wasm/support-core.mjs --out build/web
node web/build.mjs --out build/web  # the widget: loader, module and styles beside the core
node demo/build.mjs --web build/web --out build/demo  # the demo site: every page per locale, with the SRI hashes
# What the server sends: Brotli and gzip copies beside each file, made once here
# rather than per request.
node web/precompress.mjs build/web build/demo
