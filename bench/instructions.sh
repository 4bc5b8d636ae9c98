#!/usr/bin/env bash
# Instructions per call of kron::Next and kron::ParseStandard, counted by
# callgrind: repeatable on a shared or loaded machine, where nanoseconds are not.
# usage: bench/instructions.sh [BUILD_DIR]   (default: build)
set -euo pipefail
build=${1:-build}
bench=$build/bin/fire_times_bench
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%-28s %12s\n' benchmark instr/call
for name in $("$bench" --benchmark_list_tests); do
  case $name in BM_Next/*) fn='kron::Next(';; BM_Parse/*) fn='kron::ParseStandard(';; *) continue;; esac
  valgrind --tool=callgrind --callgrind-out-file="$out/cg" \
    "$bench" --benchmark_filter="^${name}\$" --benchmark_min_time=0.01 >/dev/null 2>&1
  callgrind_annotate --tree=calling "$out/cg" 2>/dev/null |
    awk -v fn="$fn" -v name="$name" '
      index($0, "> ") && index($0, fn) {
        gsub(",", "", $1); n = $0; sub(/.*\(/, "", n); sub(/x\).*/, "", n); gsub(",", "", n)
        if (n + 0 > calls) { calls = n + 0; total = $1 + 0 }
      }
      END { if (calls) printf "%-28s %12.0f\n", name, total / calls }'
done
