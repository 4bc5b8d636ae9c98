# Sourced by wasm-deps.sh and build-wasm.sh: sets KRON_WASM_CACHE, where the
# WebAssembly builds of the dependencies live. By default a machine-wide
# directory keyed by everything they are built from (Debian package versions,
# compiler flags, the recipe itself), so every clone on the machine — CI's
# fresh one included — reuses them, and any change rebuilds them.
kron_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ -z "${KRON_WASM_CACHE:-}" ]; then
  kron_key=$({
    dpkg-query -W -f='${Package}=${Version}\n' emscripten libabsl-dev libsimdjson-dev \
      libhowardhinnant-date-dev libyaml-dev 2>/dev/null | sort
    echo "${KRON_WASM_FLAGS:-}"
    cat "$kron_root/scripts/wasm-deps.sh"
  } | md5sum | cut -c1-12)
  KRON_WASM_CACHE=/var/cache/kron/wasm-$kron_key
fi
export KRON_WASM_CACHE
