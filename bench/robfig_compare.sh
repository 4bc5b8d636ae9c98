#!/usr/bin/env bash
# Whole-process speed of `kron next --tsv` against the robfig/cron v3 oracle
# (tests/oracle/robfig) on the same generated input.
#
#   bench/robfig_compare.sh KRON_BIN [WORK_DIR]
#
# Environment: COMPARE_LINES (200000), COMPARE_COUNT (N per line, 10),
# COMPARE_SEED (1), COMPARE_RUNS (3; the best run counts), ROBFIG_GOPATH.
# Uses hyperfine when installed, else bash's `time`. Prints the figures and
# the robfig/kron ratio; writes nothing outside WORK_DIR (default: a
# `robfig-compare` directory in KRON_BIN's build tree).
set -euo pipefail

# shellcheck source=tests/oracle/build_tools.sh
source "$(dirname "${BASH_SOURCE[0]}")/../tests/oracle/build_tools.sh"
oracle_kron_args robfig-compare "$@"
kron="$KRON_BIN"
work="$WORK_DIR"

lines="${COMPARE_LINES:-200000}"
count="${COMPARE_COUNT:-10}"
seed="${COMPARE_SEED:-1}"
runs="${COMPARE_RUNS:-3}"

oracle_build_tools "$work"
unset ZONEINFO
export TZ=UTC

input="$work/input.tsv"
"$GEN_BIN" -seed "$seed" -n "$lines" -count "$count" > "$input"
echo "input: $lines lines, N=$count, seed $seed ($input)"
echo "kron:   $kron"
echo "robfig: $ORACLE_BIN (robfig/cron v3, $(go version | awk '{print $3}'))"
echo "cores:  $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# Sanity: both must agree on this input before their speed means anything.
"$kron" next --tsv < "$input" > "$work/kron.out"
"$ORACLE_BIN" next --tsv < "$input" > "$work/robfig.out"
{ "$ORACLE_BIN" diff "$input" "$work/robfig.out" "$work/kron.out" 0 || true; } | sed 's/^/agreement check: /'

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 1 --runs "$runs" --export-json "$work/hyperfine.json" \
    -n kron "'$kron' next --tsv < '$input' > /dev/null" \
    -n robfig "'$ORACLE_BIN' next --tsv < '$input' > /dev/null"
  python_free_mean() {  # mean seconds of command $1 from hyperfine's JSON
    tr -d '\n ' < "$work/hyperfine.json" | grep -o "\"command\":\"$1\",\"mean\":[0-9.e-]*" | sed 's/.*://'
  }
  k="$(python_free_mean kron)"
  r="$(python_free_mean robfig)"
else
  # Best of $runs wall-clock times, with user+sys CPU of that run.
  best() {
    local best_wall="" best_cpu="" i out wall cpu
    for ((i = 0; i < runs; i++)); do
      out="$( { TIMEFORMAT='%R %U %S'; time "$@" < "$input" > /dev/null; } 2>&1 )"
      wall="$(awk '{print $1}' <<< "$out")"
      cpu="$(awk '{printf "%.3f", $2 + $3}' <<< "$out")"
      if [[ -z "$best_wall" ]] || awk -v a="$wall" -v b="$best_wall" 'BEGIN{exit !(a < b)}'; then
        best_wall="$wall" best_cpu="$cpu"
      fi
    done
    echo "$best_wall $best_cpu"
  }
  "$kron" next --tsv < "$input" > /dev/null  # warm the page cache
  read -r k kcpu < <(best "$kron" next --tsv)
  read -r r rcpu < <(best "$ORACLE_BIN" next --tsv)
  printf 'kron   next --tsv: %8.3f s wall, %8.3f s CPU (best of %d)\n' "$k" "$kcpu" "$runs"
  printf 'robfig next --tsv: %8.3f s wall, %8.3f s CPU (best of %d)\n' "$r" "$rcpu" "$runs"
  awk -v k="$kcpu" -v r="$rcpu" 'BEGIN { if (k > 0) printf "ratio robfig/kron (whole process, CPU): %.1fx\n", r / k }'
fi
awk -v k="$k" -v r="$r" -v n="$lines" -v c="$count" 'BEGIN {
  printf "kron:   %.0f lines/s, %.0f fire times/s\n", n / k, n * c / k
  printf "robfig: %.0f lines/s, %.0f fire times/s\n", n / r, n * c / r
  printf "ratio robfig/kron (whole process, wall): %.1fx\n", r / k
}'
