#!/usr/bin/env bash
# Differential test: kron against the real robfig/cron v3 (the parser and
# Schedule.Next that Kubernetes uses), on a deterministic generated corpus.
#
#   tests/oracle/differential.sh KRON_BIN [WORK_DIR]
#
# Builds tests/oracle/robfig and tests/oracle/gen into WORK_DIR (default: an
# `oracle` directory next to KRON_BIN's bin/, i.e. in the build tree), writes
# the input, runs `kron next --tsv` and the oracle on it (and both with --last
# on a prefix of it), prints the first disagreements with their input lines
# and `N lines, M disagreements`, and exits 1 on any disagreement.
#
# Environment: ORACLE_LINES (200000), ORACLE_SEED (1), ORACLE_LAST_LINES
# (50000), ORACLE_SHOW (20), ORACLE_GEN_FLAGS (extra oracle_gen flags, e.g.
# "-file-zones"), ROBFIG_GOPATH (/usr/share/gocode).
set -euo pipefail

# shellcheck source=tests/oracle/build_tools.sh
source "$(dirname "${BASH_SOURCE[0]}")/build_tools.sh"
oracle_kron_args oracle "$@"
kron="$KRON_BIN"
work="$WORK_DIR"

lines="${ORACLE_LINES:-200000}"
seed="${ORACLE_SEED:-1}"
last_lines="${ORACLE_LAST_LINES:-50000}"
show="${ORACLE_SHOW:-20}"

rc=0
oracle_build_tools "$work" || rc=$?
if [[ $rc -ne 0 ]]; then exit "$rc"; fi

# Zone data comes from the system zoneinfo directory for both programs.
unset ZONEINFO
export TZ=UTC

input="$work/input.tsv"
# shellcheck disable=SC2086
"$GEN_BIN" -seed "$seed" -n "$lines" ${ORACLE_GEN_FLAGS:-} > "$input"
head -n "$last_lines" "$input" > "$work/input_last.tsv"

# The two programs run side by side (one core each).
run_oracle() {
  "$ORACLE_BIN" next --tsv < "$input" > "$work/robfig.out" &&
    "$ORACLE_BIN" next --tsv --last < "$work/input_last.tsv" > "$work/robfig_last.out"
}
run_kron() {
  "$kron" next --tsv < "$input" > "$work/kron.out" &&
    "$kron" next --tsv --last < "$work/input_last.tsv" > "$work/kron_last.out"
}
start=$SECONDS
run_oracle 2> "$work/robfig.err" & oracle_pid=$!
kron_rc=0
run_kron 2> "$work/kron.err" || kron_rc=$?
oracle_rc=0
wait "$oracle_pid" || oracle_rc=$?
if [[ $oracle_rc -ne 0 ]]; then
  echo "robfig oracle failed (exit $oracle_rc):" >&2
  cat "$work/robfig.err" >&2
  exit 1
fi
if [[ $kron_rc -ne 0 ]]; then
  echo "kron next --tsv failed (exit $kron_rc):" >&2
  head -c 4000 "$work/kron.err" >&2
  exit 1
fi
echo "robfig/cron vs kron, seed $seed, ran in $((SECONDS - start)) s (input: $input)"

status=0
echo "== next --tsv"
"$ORACLE_BIN" diff "$input" "$work/robfig.out" "$work/kron.out" "$show" || status=1
echo "== next --tsv --last"
"$ORACLE_BIN" diff "$work/input_last.tsv" "$work/robfig_last.out" "$work/kron_last.out" "$show" || status=1
exit "$status"
