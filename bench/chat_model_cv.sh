#!/usr/bin/env bash
# The learned model's honest figures on the development sets: each set is
# left out of the training in turn and measured with the model trained on the
# others (the shipped model learns from all of them, so `supportctl eval` on a
# development set measures the training data). Held-out sets: supportctl eval.
#   bench/chat_model_cv.sh [NATIVE_BUILD_DIR]   (default build/native)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/native}
cmake --build "$build" --target chat-train >/dev/null
model=$(mktemp)
trap 'rm -f "$model"' EXIT
sets=(chat/eval/dev/*.tsv)
for left_out in "${sets[@]}"; do
  args=()
  for s in "${sets[@]}"; do [ "$s" = "$left_out" ] || args+=(--dev-set "$s"); done
  "$build/bundle/chat-train" --root . --files "$build/bundled-files.txt" --out "$model" "${args[@]}" --evaluate "$left_out"
done
