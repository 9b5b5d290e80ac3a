#!/usr/bin/env bash
# Builds and starts the whole platform on one port. Without DATABASE_URL it uses an embedded
# PostgreSQL under .data/; without REDIS_URL jobs run inside the API process.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci
npm run build --silent
if [ -n "${REDIS_URL:-}" ] && [ "${WORKER_IN_API:-false}" != "true" ]; then
  # Real Redis: the API and a separate BullMQ worker process, stopped together.
  node backend/dist/backend/src/main.js &
  api=$!
  sleep 2
  node backend/dist/backend/src/worker.js &
  worker=$!
  trap 'kill $api $worker 2>/dev/null' INT TERM EXIT
  wait -n $api $worker
else
  exec node backend/dist/backend/src/main.js
fi
