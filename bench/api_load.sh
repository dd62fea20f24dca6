#!/usr/bin/env bash
# Starts the reference server on a free loopback port with a fresh database,
# runs the load generator against it, and stops it.
# Usage: bench/api_load.sh BUILD_DIR [CREATES READS THREADS SECONDS] [-- SERVER OPTIONS]
set -euo pipefail
build=${1:?build dir}; shift
load_args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do load_args+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
"$build/server/support-api" --port 0 --db "$work/load.db" --quiet --rate-limit 0 "$@" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  port=$(sed -n 's/^listening on http:\/\/127.0.0.1:\([0-9]*\)$/\1/p' "$work/server.log")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "${port:-}" ] || { cat "$work/server.log"; exit 1; }
"$build/bench/api_load" "$port" "${load_args[@]}"
