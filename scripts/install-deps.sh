#!/usr/bin/env bash
# Installs the Debian packages this project builds and tests with. Idempotent:
# when everything is present it does nothing, so the README commands stay fast.
set -euo pipefail

packages=(
  cmake g++ make pkg-config gzip
  nlohmann-json3-dev libboost-test-dev libcpp-httplib-dev libsqlite3-dev libssl-dev
  emscripten binaryen nodejs
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
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
