#!/usr/bin/env bash
# Installs kron from BUILD_DIR into a temporary prefix, then builds and runs
# the example scheduler from a clean directory twice: with
# find_package(kron CONFIG) and with pkg-config.
#   tests/package/run.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
cmake=${CMAKE_COMMAND:-cmake}
cc=${CC:-cc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$cmake" --install "$build" --prefix "$work/prefix" >/dev/null
cp -r "$src/tests/package" "$work/example"   # a clean directory, outside the source tree

echo "== find_package(kron CONFIG)"
"$cmake" -S "$work/example" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_BUILD_TYPE=Release >/dev/null
"$cmake" --build "$work/build" -j2 >/dev/null
"$work/build/engine_check"
"$work/build/scheduler"

echo "== pkg-config kron"
export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig:$work/prefix/lib64/pkgconfig"
"$cc" -std=c99 -Wall -o "$work/scheduler_pc" "$work/example/scheduler.c" \
  $(pkg-config --cflags kron) $(pkg-config --libs kron)
LD_LIBRARY_PATH="$work/prefix/lib:$work/prefix/lib64${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
  "$work/scheduler_pc" >/dev/null
echo "package example: OK"
