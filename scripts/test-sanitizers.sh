#!/usr/bin/env bash
# The sanitizer tree: Debian's clang-14 with AddressSanitizer and
# UndefinedBehaviorSanitizer (-fno-sanitize-recover=all: any report fails the
# run) builds the core, supportctl, the API server, every test and the fuzz
# targets in build/asan, runs every CTest test there, then each libFuzzer
# target for a few seconds from its seed corpus (FUZZ_SECONDS, default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
build=build/asan

# Warnings stay errors in the g++ tree; clang-14 words some differently.
cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
  -DSUPPORT_SANITIZE=ON -DSUPPORT_FUZZ=ON -DSUPPORT_WERROR=OFF >/dev/null
cmake --build "$build" -j "$jobs"

export ASAN_OPTIONS=detect_stack_use_after_return=1:check_initialization_order=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer  # stacks with file:line
ctest --test-dir "$build" --output-on-failure -j "$jobs"
scripts/fuzz-campaign.sh --build "$build" --seconds "${FUZZ_SECONDS:-3}"
