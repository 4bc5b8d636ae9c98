#!/usr/bin/env bash
# scripts/wasm-deps.sh — builds kron's C/C++ dependencies for WebAssembly from
# Debian's own source packages (no vendoring, nothing fetched from elsewhere).
#
#   scripts/wasm-deps.sh            # idempotent: redoes only what is missing
#   KRON_WASM_CACHE=/some/dir ...   # default: see scripts/wasm-cache.sh
#
# Result: static wasm libraries + CMake package files of Abseil, simdjson,
# date (text tz mode) and libyaml under $KRON_WASM_CACHE/wasm-prefix, built
# with the same flags as kron's cold code (-Oz, -fno-exceptions). Each step
# leaves a stamp in $KRON_WASM_CACHE/wasm-stamps; delete one to redo that step.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/wasm-cache.sh"
CACHE=$KRON_WASM_CACHE
SRC=$CACHE/wasm-src
BLD=$CACHE/wasm-build
PREFIX=$CACHE/wasm-prefix
STAMPS=$CACHE/wasm-stamps
JOBS=${KRON_JOBS:-2}            # the machines have 2 cores; never more
# The flags kron's cold wasm objects are compiled with (wasm/CMakeLists.txt
# uses the same; it compiles the hot engine files -O3). Size first: nothing on
# the per-call path of next-fire runs in these libraries, and nothing kron
# links needs exceptions (no date/tz code is linked any more; simdjson then
# builds with SIMDJSON_EXCEPTIONS=0, Abseil's throws become aborts).
WASM_FLAGS=${KRON_WASM_FLAGS:--fno-exceptions}
OPT_FLAGS="-Oz -DNDEBUG"

export NODE_PATH=/usr/share/nodejs  # emcc's JS optimizer needs acorn (node-acorn)
mkdir -p "$SRC" "$BLD" "$PREFIX" "$STAMPS"

log() { printf '\033[1m[wasm-deps]\033[0m %s\n' "$*" >&2; }
stamp_ok() { [[ -f $STAMPS/$1 ]]; }
stamp() { date -u +%FT%TZ >"$STAMPS/$1"; }
sudo_() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

# --- 1. Debian packages the build needs --------------------------------------
need_pkgs=()
for p in emscripten node-acorn nodejs cmake make dpkg-dev patch tzdata gzip; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need_pkgs+=("$p")
done
if ((${#need_pkgs[@]})); then
  log "installing ${need_pkgs[*]}"
  sudo_ apt-get update -qq
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}"
fi

# --- 2. deb-src for the same archive as the existing deb entries --------------
# Copies every `Types: deb` stanza of the deb822 sources (same URIs, Suites,
# Components, Signed-By) as `Types: deb-src`; the archive is whatever the
# machine already uses.
DEBSRC=/etc/apt/sources.list.d/kron-deb-src.sources
have_debsrc() {
  grep -rqsE '^[[:space:]]*Types:.*deb-src' /etc/apt/sources.list.d/*.sources ||
    grep -qsE '^[[:space:]]*deb-src[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list
}
if ! have_debsrc; then
  main_sources=/etc/apt/sources.list.d/debian.sources
  [[ -f $main_sources ]] || { log "no $main_sources: enable deb-src by hand"; exit 1; }
  log "enabling deb-src ($DEBSRC, copied from $main_sources)"
  tmp=$(mktemp)
  awk 'BEGIN { RS=""; ORS="\n\n" }
       /(^|\n)Types:[^\n]*deb([ \t]|\n|$)/ {
         gsub(/(^|\n)#[^\n]*/, "");             # drop comments
         sub(/Types:[^\n]*/, "Types: deb-src"); print }' "$main_sources" >"$tmp"
  [[ -s $tmp ]] || { log "no deb stanza found in $main_sources"; exit 1; }
  sudo_ install -m 0644 "$tmp" "$DEBSRC"
  rm -f "$tmp"
  rm -f "$STAMPS"/apt-update
fi
if ! stamp_ok apt-update; then
  log "apt-get update"
  sudo_ apt-get update -qq
  stamp apt-update
fi

# --- 3. Source packages, at the versions of the native -dev packages ----------
# fetch <source package> <binary -dev package that pins its version>
fetch() {
  local src=$1 dev=$2 ver dir
  if stamp_ok "src-$src"; then return; fi
  ver=$(dpkg-query -W -f='${source:Version}' "$dev" 2>/dev/null || true)
  log "apt-get source $src${ver:+=$ver}"
  rm -rf "${SRC:?}/$src" && mkdir -p "$SRC/$src"
  (cd "$SRC/$src" && apt-get source -qq "$src${ver:+=$ver}" >/dev/null)
  stamp "src-$src"
}
srcdir() {  # the unpacked tree of a source package
  find "$SRC/$1" -mindepth 1 -maxdepth 1 -type d | head -n1
}
fetch abseil libabsl-dev
fetch simdjson libsimdjson-dev
fetch howardhinnant-date libhowardhinnant-date-dev
fetch libyaml libyaml-dev

# Debian links Abseil against -latomic, which wasm-ld does not have.
ABSL_SRC=$(srcdir abseil)
if ! stamp_ok abseil-unpatched; then
  if patch -R -p1 --dry-run -s -d "$ABSL_SRC" <"$ABSL_SRC/debian/patches/latomic.diff" >/dev/null 2>&1; then
    log "reversing debian/patches/latomic.diff in Abseil"
    patch -R -p1 -s -d "$ABSL_SRC" <"$ABSL_SRC/debian/patches/latomic.diff"
  fi
  stamp abseil-unpatched
fi
# kron needs neither Abseil's flags nor its random library (nothing kron links
# depends on them): leave them out of the build, a fifth of Abseil's objects.
if ! stamp_ok abseil-trimmed; then
  sed -i -E '/^add_subdirectory\((flags|random)\)$/d' "$ABSL_SRC/absl/CMakeLists.txt"
  stamp abseil-trimmed
fi

# --- 4. Builds ---------------------------------------------------------------
# build <name> <source dir> [cmake args...]: emcmake configure, build, install.
build() {
  local name=$1 src=$2; shift 2
  if stamp_ok "built-$name"; then log "$name: up to date"; return; fi
  local t0=$SECONDS
  log "$name: configure"
  rm -rf "${BLD:?}/$name"
  emcmake cmake -S "$src" -B "$BLD/$name" -G "Unix Makefiles" \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_FLAGS="$WASM_FLAGS" -DCMAKE_CXX_FLAGS="$WASM_FLAGS" \
    -DCMAKE_C_FLAGS_RELEASE="$OPT_FLAGS" -DCMAKE_CXX_FLAGS_RELEASE="$OPT_FLAGS" \
    -DCMAKE_CXX_STANDARD=20 -DCMAKE_CXX_STANDARD_REQUIRED=ON \
    -DCMAKE_INSTALL_PREFIX="$PREFIX" -DCMAKE_PREFIX_PATH="$PREFIX" \
    -DCMAKE_FIND_ROOT_PATH="$PREFIX" \
    -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node \
    -DBUILD_SHARED_LIBS=OFF -DBUILD_TESTING=OFF \
    "$@" >"$BLD/$name.configure.log" 2>&1 ||
    { tail -n 30 "$BLD/$name.configure.log"; exit 1; }
  log "$name: build (-j$JOBS)"
  emmake cmake --build "$BLD/$name" -j"$JOBS" >"$BLD/$name.build.log" 2>&1 ||
    { tail -n 40 "$BLD/$name.build.log"; exit 1; }
  cmake --install "$BLD/$name" >"$BLD/$name.install.log" 2>&1 ||
    { tail -n 20 "$BLD/$name.install.log"; exit 1; }
  stamp "built-$name"
  echo "$((SECONDS - t0))" >"$STAMPS/time-$name"
  log "$name: done in $((SECONDS - t0)) s"
}

build libyaml "$(srcdir libyaml)" -DINSTALL_CMAKE_DIR=lib/cmake/yaml

build simdjson "$(srcdir simdjson)" \
  -DSIMDJSON_DEVELOPER_MODE=OFF -DSIMDJSON_ENABLE_THREADS=OFF -DSIMDJSON_EXCEPTIONS=OFF

# date: kron uses only the header-only date.h (calendar arithmetic); the tz
# library is built for date's CMake package but not linked. It throws, so it
# keeps emscripten's default exception mode (not -fno-exceptions).
build date "$(srcdir howardhinnant-date)" \
  -DBUILD_TZ_LIB=ON -DUSE_SYSTEM_TZ_DB=OFF -DMANUAL_TZ_DB=ON -DENABLE_DATE_TESTING=OFF \
  -DENABLE_DATE_INSTALL=ON \
  -DCMAKE_CXX_FLAGS="-DINSTALL=/usr/share/kron"

build abseil "$ABSL_SRC" \
  -DABSL_PROPAGATE_CXX_STD=ON -DABSL_BUILD_TESTING=OFF -DABSL_ENABLE_INSTALL=ON \
  -DABSL_USE_EXTERNAL_GOOGLETEST=ON

log "prefix: $PREFIX"
