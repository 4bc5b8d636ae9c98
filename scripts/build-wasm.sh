#!/usr/bin/env bash
# scripts/build-wasm.sh — builds kron's WebAssembly module and puts it into the
# Node.js package: dependencies (scripts/wasm-deps.sh, cached) → emcmake
# configure → build → bindings/node/dist/{kron.cjs,kron.wasm}. Idempotent and
# incremental; prints the artifacts' sizes (raw and gzip) and the times.
#
#   scripts/build-wasm.sh                      # build dir: build-wasm/
#   KRON_WASM_BUILD=/tmp/bw scripts/build-wasm.sh
#   KRON_WASM_EXCLUDE="foo.cc;bar.cc" scripts/build-wasm.sh   # leave sources out
#   KRON_NATIVE=/path/to/kron scripts/build-wasm.sh   # the native CLI that writes
#                                          # the zone table (default build/bin/kron)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${KRON_WASM_BUILD:-$ROOT/build-wasm}
DIST=$ROOT/bindings/node/dist
JOBS=${KRON_JOBS:-2}
export NODE_PATH=/usr/share/nodejs  # emcc's JS optimizer needs acorn (node-acorn)

log() { printf '\033[1m[build-wasm]\033[0m %s\n' "$*" >&2; }
t_start=$SECONDS

source "$ROOT/scripts/wasm-cache.sh"
bash "$ROOT/scripts/wasm-deps.sh"
t_deps=$((SECONDS - t_start))

# The module's zones are a table the native CLI writes (`kron zones
# --export-table`, TimeZones::ExportTable): build that CLI first if it is
# missing or predates the command.
NATIVE=${KRON_NATIVE:-$ROOT/build/bin/kron}
if ! { [[ -x $NATIVE ]] && "$NATIVE" zones --export-table /dev/null 2>/dev/null; }; then
  [[ -z ${KRON_NATIVE:-} ]] || { log "KRON_NATIVE=$NATIVE cannot write a zone table"; exit 1; }
  log "native kron (zone table writer): cmake --build build --target kron_cli"
  cmake -S "$ROOT" -B "$ROOT/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$ROOT/build" -j"$JOBS" --target kron_cli
fi

t0=$SECONDS
log "configure ($BUILD)"
# Every run: KRON_WASM_EXCLUDE must not stick in the CMake cache, and the
# dependencies' package directories are found again (-U), since a new cache
# key (other flags or versions) means another prefix.
emcmake cmake -S "$ROOT/wasm" -B "$BUILD" -G "Unix Makefiles" \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node \
  -DKRON_WASM_PREFIX="$KRON_WASM_CACHE/wasm-prefix" \
  -Uabsl_DIR -Usimdjson_DIR -Udate_DIR -Uyaml_DIR \
  -DKRON_WASM_EXCLUDE="${KRON_WASM_EXCLUDE:-}" \
  -DKRON_NATIVE_KRON="$NATIVE" >/dev/null
log "build (-j$JOBS)"
cmake --build "$BUILD" -j"$JOBS"
t_build=$((SECONDS - t0))

mkdir -p "$DIST"
# The glue is CommonJS-style; the package is "type": "module", so it ships as
# .cjs. It and src/index.js ship minified (terser, installed by minify.mjs):
# dist/kron.cjs and dist/index.js.
node "$ROOT/bindings/node/scripts/minify.mjs" --glue "$BUILD/kron.js"
cp "$BUILD/kron.wasm" "$DIST/kron.wasm.tmp" && mv "$DIST/kron.wasm.tmp" "$DIST/kron.wasm"

size_row() {  # name file
  printf '  %-28s %9d B raw %9d B gzip\n' "$1" "$(stat -c %s "$2")" "$(gzip -9c "$2" | wc -c)"
}
log "artifacts in $DIST"
# What the package ships: the module, its glue and the JS API (target: <= 250 KB gzip).
shipped=("$DIST/kron.wasm" "$DIST/kron.cjs" "$DIST/index.js")
total_raw=0 total_gz=0
for f in "${shipped[@]}"; do
  size_row "$(basename "$f")" "$f"
  total_raw=$((total_raw + $(stat -c %s "$f")))
  total_gz=$((total_gz + $(gzip -9c "$f" | wc -c)))
done
printf '  %-28s %9d B raw %9d B gzip\n' "total shipped" "$total_raw" "$total_gz"
echo "  linked into kron.wasm (tz data):"
size_row "  zone table" "$BUILD/zone-table.bin"
log "times: deps ${t_deps}s (cached after the first run), module ${t_build}s, total $((SECONDS - t_start))s"
