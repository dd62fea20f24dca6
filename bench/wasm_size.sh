#!/usr/bin/env bash
# What a browser downloads, in raw and gzip -9 bytes: the WASM module and its
# glue (and the forms-only module), the data packs of the first chat answer in Russian and in English,
# and the widget's files when built; then the 20 largest functions of the
# module (from a build with names).
#   bench/wasm_size.sh [WEB_DIR] [WASM_BUILD_DIR]   (default build/web build/wasm)
set -euo pipefail
cd "$(dirname "$0")/.."
web=${1:-build/web}
wasm_build=${2:-build/wasm}

size_of() { printf '%-44s %9d %9d\n' "$1" "$(stat -c %s "$web/$1")" "$(gzip -9c "$web/$1" | wc -c)"; }
pack() { node -e "console.log(require('./$web/manifest.json').packs['$1'])"; }
total() {
  local raw=0 gz=0
  for f in "$@"; do raw=$((raw + $(stat -c %s "$web/$f"))); gz=$((gz + $(gzip -9c "$web/$f" | wc -c))); done
  printf '%-44s %9d %9d\n' "  total" "$raw" "$gz"
}

module=$(node -e "console.log(require('./$web/manifest.json').module)")
wasm=$(node -e "console.log(require('./$web/manifest.json').wasm)")
printf '%-44s %9s %9s\n' file raw gzip-9
echo "module (budget: 100 KB gzip)"
size_of "$module"; size_of "$wasm"; total "$module" "$wasm"
module_forms=$(node -e "console.log(require('./$web/manifest.json').moduleForms ?? '')")
wasm_forms=$(node -e "console.log(require('./$web/manifest.json').wasmForms ?? '')")
if [ -n "$wasm_forms" ]; then
  echo "forms-only module (loadCore({ chat: false }))"
  size_of "$module_forms"; size_of "$wasm_forms"; total "$module_forms" "$wasm_forms"
fi
for locale in ru en; do
  echo "data for the first chat answer, $locale (budget: 30 KB gzip)"
  files=()
  for p in forms chat "$locale" "chat-$locale"; do files+=("$(pack "$p")"); done
  for f in "${files[@]}"; do size_of "$f"; done
  total "${files[@]}"
done
echo "loaded where a password field is"
size_of "$(pack passwords)"
if [ -f "$web/manifest.json" ] && node -e "process.exit(require('./$web/manifest.json').widget ? 0 : 1)" 2>/dev/null; then
  echo "widget"
  for f in $(node -e "const w=require('./$web/manifest.json').widget; console.log(Object.values(w).filter(x => typeof x === 'string').join(' '))"); do size_of "$f"; done
fi

export NODE_PATH=/usr/share/nodejs
cmake --build "$wasm_build" --target support-core-names >/dev/null
node bench/wasm_functions.mjs "$wasm_build/wasm/support-core-names.wasm" 20
if [ -n "$wasm_forms" ]; then
  echo "forms-only module:"
  cmake --build "$wasm_build" --target support-core-forms-names >/dev/null
  node bench/wasm_functions.mjs "$wasm_build/wasm/support-core-forms-names.wasm" 10
fi
