#!/usr/bin/env bash
# Sets everything up and runs kron's main job: the CLI on the seed's
# manifests, then the playground served on http://127.0.0.1:${KRON_PORT:-8080}.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${KRON_JOBS:-2}

bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DKRON_BUILD_TESTS=OFF -DKRON_BUILD_BENCH=OFF >/dev/null
cmake --build build -j"$jobs" --target kron_cli
kron=build/bin/kron

echo
echo "=== kron next: the seed CronJob's schedule ==="
"$kron" next '*/1 * * * *' --after 2026-01-01T07:59:30Z --count 3 --cronjob cronjob-test01

seed=tests/data/seed
echo
echo "=== kron validate: the seed's manifests ==="
"$kron" validate "$seed/job-test01.yml" "$seed/cronjob-test01.yml" || true
echo
echo "=== kron plan: cronjob-test01, ten minutes from 07:59:30Z ==="
"$kron" plan "$seed/cronjob-test01.yml" --from 2026-01-01T07:59:30Z --until 2026-01-01T08:10:00Z --seed 1
echo
echo "=== kron plan: job-test01 with every pod failing ==="
"$kron" plan "$seed/job-test01.yml" --from 2026-01-01T08:00:00Z --until 2026-01-01T08:10:00Z --pods fail --seed 1

bash scripts/build-wasm.sh
(cd web && npm install --no-audit --no-fund --silent && npm run build --silent)
echo
exec node web/serve.mjs --host 127.0.0.1 --port "${KRON_PORT:-8080}"
