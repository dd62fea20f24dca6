#!/usr/bin/env bash
# Installs the Debian packages this project builds and tests with. Idempotent:
# when everything is present it does nothing, so the README commands stay fast.
set -euo pipefail

packages=(
  cmake g++ make pkg-config gzip
  nlohmann-json3-dev libboost-test-dev libcpp-httplib-dev libsqlite3-dev libssl-dev
  emscripten binaryen nodejs
  chromium fonts-dejavu-core
  sqlite3  # browser tests count the rows the API server stored
  clang-14 libclang-rt-14-dev llvm-14  # sanitizer tree and fuzz targets (llvm-14: llvm-symbolizer)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

install_node_modules() {
  # Build and test tools from npm, at the versions pinned in package-lock.json.
  cd "$(dirname "$0")/.."
  local want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ "$(cat node_modules/.installed-lock-sha256 2>/dev/null)" != "$want" ]; then
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > node_modules/.installed-lock-sha256
  fi
}

if [ ${#missing[@]} -eq 0 ]; then
  install_node_modules
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: run as root (or install: ${missing[*]})" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_node_modules
