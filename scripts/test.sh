#!/usr/bin/env bash
# Sets everything up and runs every kron test: native (GoogleTest, the robfig
# differential, fuzzers, ASan+UBSan), WASM/Node (node:test) and browser
# (headless Chromium). Exits non-zero on the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jobs=${KRON_JOBS:-2}

bash scripts/setup.sh

stage() { echo; echo "=== $* ==="; }

stage "native build (Release)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs"

stage "native tests (ctest)"
(cd build && ctest --output-on-failure -j"$jobs")

stage "native tests under AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DKRON_SANITIZE=ON -DKRON_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs" --target kron_tests
build-asan/bin/kron_tests --gtest_brief=1

if [ -x scripts/fuzz.sh ]; then
  stage "fuzzers (libFuzzer, bounded time)"
  bash scripts/fuzz.sh
fi

if [ -f bindings/node/package.json ]; then
  stage "WASM build and Node.js tests"
  bash scripts/build-wasm.sh
  (cd bindings/node && npm test)
fi

if [ -f web/package.json ]; then
  stage "browser tests (headless Chromium)"
  (cd web && npm test)
fi

echo
echo "all kron tests passed"
