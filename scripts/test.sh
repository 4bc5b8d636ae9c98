#!/usr/bin/env bash
# Sets everything up and runs every kron test: native (GoogleTest, the robfig
# differential, the bounded fuzzer runs — all in ctest — and the unit suites
# under ASan+UBSan), WASM/Node (node:test) and browser (headless Chromium).
# Exits non-zero on the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."
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

stage "WASM build and Node.js tests"
bash scripts/build-wasm.sh
(cd bindings/node && npm test)

stage "browser tests (headless Chromium)"
(cd web && npm test)

echo
echo "all kron tests passed"
