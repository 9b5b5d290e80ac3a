#!/usr/bin/env bash
# The whole test suite, from a fresh clone: services, build, contract and lint checks, then every
# Jest project (unit, integration over HTTP on real PostgreSQL + Redis, browser in Debian Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci
bash scripts/ensure-services.sh

echo "== build"
npm run build --silent

echo "== API contract: backend/openapi.json and the frontend types are up to date"
tmp=$(mktemp -d)
node backend/dist/backend/src/cli/write-openapi.js "$tmp/openapi.json" >/dev/null
diff -u backend/openapi.json "$tmp/openapi.json" || { echo "backend/openapi.json is stale: run npm run openapi" >&2; exit 1; }
npx openapi-typescript backend/openapi.json -o "$tmp/api-schema.d.ts" >/dev/null 2>&1
diff -u frontend/src/lib/api-schema.d.ts "$tmp/api-schema.d.ts" || { echo "frontend/src/lib/api-schema.d.ts is stale: run npm run openapi" >&2; exit 1; }

echo "== content: every course validates"
node backend/dist/backend/src/cli/content.js validate

echo "== lint and typecheck"
npm run lint --silent
npm run typecheck --silent

echo "== tests"
set +e
(cd backend && npx jest --ci --json --outputFile="$tmp/jest.json")
status=$?
set -e
if [ -f "$tmp/jest.json" ]; then
  node -e '
    const r = require(process.argv[1]);
    console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  ' "$tmp/jest.json"
fi
exit $status
