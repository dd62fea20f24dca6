#!/usr/bin/env bash
# The main job: installs what is missing, builds, shows supportctl at work on
# example values and forms, then runs the reference portal API server on
# http://127.0.0.1:8080 until Ctrl-C (database ./support-demo.db).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctl=build/native/cli/supportctl
now=2026-11-21T14:30

show() { echo "\$ supportctl $*"; "$ctl" "$@" || true; echo; }

show validate snils "112-233-445 95"
show validate phone "+7 (495) 783-34-34 доб. 123"
show validate email "почта@госуслуги.рф"
show validate inn 7707083894
show --locale ru validate snils "112-233-445 96"
show --locale en validate phone "8 916 123"
show password "P@ssw0rd"
show match "не магу вайти в личный кабинет"
show match "yt ghb[jlbn cvc"
show --locale en match "I forgot my password"
show --now "$now" validate-form feedback forms/examples/feedback.json
show --now "$now" --locale ru validate-form feedback forms/examples/feedback-with-mistakes.json

echo "Starting the reference API server (OpenAPI: /api/v1/openapi.json); Ctrl-C stops it."
exec build/native/server/support-api --port "${PORT:-8080}" --db "${DB:-support-demo.db}" --demo-step 60
