#!/usr/bin/env bash
# Size of the data that ships to browsers with the chat: the knowledge base
# (topics, channels, lexicon, dialogue) and the two catalogs, raw and gzip -9.
set -euo pipefail
root=${1:-.}
cd "$root"
report() {
  local label=$1; shift
  printf '%-44s raw %8d bytes   gzip -9 %7d bytes\n' "$label" "$(cat "$@" | wc -c)" "$(cat "$@" | gzip -9 -c | wc -c)"
}
report "knowledge base (chat/kb)" chat/kb/channels.json chat/kb/dialogue.json chat/kb/lexicon.json chat/kb/topics/*.json
report "message catalogs (i18n/messages)" i18n/messages/*.json
