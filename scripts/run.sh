#!/usr/bin/env bash
# The main command: installs what is missing, builds, and serves the demo site
# and the reference portal API on http://127.0.0.1:8080 until Ctrl-C.
#   PORT, DB      the port and the SQLite database (default 8080, ./support-demo.db)
#   RUN_BUILD=0   serve what is already built (no install, no build)
#   SUPPORT_API, SUPPORT_DEMO, SUPPORT_WEB   other builds of the server, the site, the widget
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${RUN_BUILD:-1}" != 0 ]; then
  scripts/install-deps.sh
  scripts/build.sh
fi
api=${SUPPORT_API:-build/native/server/support-api}
demo=${SUPPORT_DEMO:-build/demo}
web=${SUPPORT_WEB:-build/web}
port=${PORT:-8080}
db=${DB:-support-demo.db}
origin="http://127.0.0.1:$port"

print_urls() {
  cat <<URLS
The demo (Russian; English under $origin/en/):
  $origin/            a portal page with the support widget (the chat button, bottom right)
  $origin/mobile      the app's webview: no launcher, the native bridge and its log
  $origin/playground  every validator live, in both languages
  $origin/forms       forms-only mode on a plain portal form
  $origin/status      the requests filed in this browser, with status and due date
  $origin/api/v1/openapi.json   the portal API
Ctrl-C stops the server.
URLS
}

# Requests move through the statuses every minute, so /status shows a change.
# The URLs are printed once the server says it listens; a port in use ends
# the script with the server's error and its exit code.
coproc SERVER { exec "$api" --port "$port" --db "$db" --demo-step 60 --web-root "/=$demo" --web-root "/widget=$web"; }
server=$SERVER_PID
stop() {
  kill -TERM "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  exit 0
}
trap stop INT TERM

while IFS= read -r line <&"${SERVER[0]}"; do
  printf '%s\n' "$line"
  case $line in "listening on "*) print_urls ;; esac
done
wait "$server"
