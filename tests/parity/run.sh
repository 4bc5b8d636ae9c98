#!/usr/bin/env bash
# tests/parity/run.sh — the native CLI and the Node CLI (the WebAssembly
# module, bindings/node/bin/kron.mjs) must print the same bytes and exit with
# the same status for the same input; and the Node CLI must agree with the
# real robfig/cron on the differential corpus.
#
#   tests/parity/run.sh [NATIVE_KRON]      (default: build/bin/kron, or $KRON_NATIVE)
#
# Cases (stdout, stderr and exit status compared byte for byte):
#  * next --tsv and next --tsv --last on tests/parity/next.tsv (hand-picked
#    edge cases: errors, DST gaps/overlaps, empty lines, CRLF, bad lines) and
#    on $PARITY_LINES (20000) lines of the robfig differential generator;
#  * readable `next` for each line of tests/parity/next-args.txt;
#  * validate on every manifest under tests/data and tests/parity/manifests,
#    one at a time, all at once, and from stdin; usage errors;
#  * plan --output json (and text) on the seed manifests and the mixed ones;
# then tests/oracle/differential.sh with the Node CLI as "kron" on
# $PARITY_ORACLE_LINES (20000) lines (robfig/cron vs Node).
# Needs Go and robfig/cron (as tests/oracle does) for the generated corpus and
# the differential; without them those parts are skipped and reported.
# Exit: 0 all equal, 1 some difference, 2 setup problem.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/tests/parity
native=${1:-${KRON_NATIVE:-$ROOT/build/bin/kron}}
node_cli=$HERE/kron-node
work=${PARITY_WORK:-$ROOT/build-parity}
lines=${PARITY_LINES:-20000}
oracle_lines=${PARITY_ORACLE_LINES:-20000}

[[ -x "$native" ]] || { echo "parity: no native kron at $native (build it, or pass its path)" >&2; exit 2; }
[[ -f "$ROOT/bindings/node/dist/kron.wasm" ]] || { echo "parity: no module (scripts/build-wasm.sh)" >&2; exit 2; }
mkdir -p "$work"
export TZ=UTC
cd "$ROOT"

cases=0
failures=0
# check NAME STDIN_FILE ARGS... — runs both CLIs, compares the three results.
check() {
  local name=$1 input=$2
  shift 2
  local n_rc=0 j_rc=0
  "$native" "$@" < "$input" > "$work/native.out" 2> "$work/native.err" || n_rc=$?
  "$node_cli" "$@" < "$input" > "$work/node.out" 2> "$work/node.err" || j_rc=$?
  cases=$((cases + 1))
  local bad=""
  cmp -s "$work/native.out" "$work/node.out" || bad+=" stdout"
  cmp -s "$work/native.err" "$work/node.err" || bad+=" stderr"
  [[ $n_rc == "$j_rc" ]] || bad+=" exit($n_rc vs $j_rc)"
  if [[ -n $bad ]]; then
    failures=$((failures + 1))
    echo "DIFFER [$name]:$bad   (kron $*)"
    diff <(head -c 2000 "$work/native.out") <(head -c 2000 "$work/node.out") | head -n 10
    diff <(head -c 2000 "$work/native.err") <(head -c 2000 "$work/node.err") | head -n 10
  fi
}

none=/dev/null

# --- next --tsv -------------------------------------------------------------
check "tsv hand" "$HERE/next.tsv" next --tsv
check "tsv hand --last" "$HERE/next.tsv" next --tsv --last

# shellcheck source=tests/oracle/build_tools.sh
source "$ROOT/tests/oracle/build_tools.sh"
have_oracle=1
oracle_build_tools "$work/oracle" >/dev/null || have_oracle=0
if [[ $have_oracle == 1 ]]; then
  "$GEN_BIN" -seed 7 -n "$lines" > "$work/gen.tsv"
  check "tsv generated ($lines lines)" "$work/gen.tsv" next --tsv
  check "tsv generated --last" "$work/gen.tsv" next --tsv --last
else
  echo "parity: Go or robfig/cron missing: generated next --tsv corpus skipped"
fi

# --- next (readable) ----------------------------------------------------------
while IFS= read -r line; do
  [[ -z $line || $line == \#* ]] && continue
  IFS='|' read -r -a argv <<< "$line"
  check "next $line" "$none" next "${argv[@]}"
done < "$HERE/next-args.txt"
check "next no schedule" "$none" next
check "help" "$none" help
check "no command" "$none"
check "unknown command" "$none" frobnicate

# --- validate -----------------------------------------------------------------
now=2026-01-01T00:00:00Z
mapfile -t manifests < <(find tests/data tests/parity/manifests -type f \( -name '*.yml' -o -name '*.yaml' -o -name '*.json' \) | sort)
for f in "${manifests[@]}"; do
  check "validate $f" "$none" validate --now "$now" "$f"
done
check "validate all" "$none" validate --now "$now" "${manifests[@]}"
check "validate stdin" "$HERE/manifests/dst-warning.yaml" validate --now "$now" -
check "validate missing file" "$none" validate --now "$now" tests/parity/manifests/does-not-exist.yaml tests/data/seed/job-test01.yml
check "validate absolute path" "$none" validate --now "$now" "$ROOT/tests/data/seed/cronjob-test01.yml"
check "validate no file" "$none" validate
check "validate bad flag" "$none" validate --bogus x.yaml
check "validate bad --now" "$none" validate --now tomorrow x.yaml
check "validate help" "$none" validate --help

# --- plan ---------------------------------------------------------------------
seed=tests/data/seed
check "plan cronjob json" "$none" plan "$seed/cronjob-test01.yml" --from 2026-01-01T07:59:30Z --until 2026-01-01T08:03:00Z --at 2026-01-01T08:03:00Z --output json
check "plan cronjob json no --at" "$none" plan "$seed/cronjob-test01.yml" --from 2026-01-01T07:59:30Z --until 2026-01-01T08:01:00Z --output json
check "plan cronjob text" "$none" plan "$seed/cronjob-test01.yml" --from 2026-01-01T07:59:30Z --until 2026-01-01T08:10:30Z --at 2026-01-01T08:10:30Z
check "plan job json" "$none" plan "$seed/job-test01.yml" --from 2026-01-01T08:00:00Z --until 2026-01-01T08:10:00Z --at 2026-01-01T08:05:42Z --output json
check "plan job fail json" "$none" plan "$seed/job-test01.yml" --from 2026-01-01T08:00:00Z --until 2026-01-01T08:10:00Z --pods fail --at 2026-01-01T08:02:00Z --output json
check "plan job fail:2 json" "$none" plan "$seed/job-test01.yml" --from 2026-01-01T08:00:00Z --until 2026-01-01T09:00:00Z --pods fail:2 --seed 42 --output json
check "plan both seeds json" "$none" plan "$seed/cronjob-test01.yml" "$seed/job-test01.yml" --from 2026-01-01T08:00:00Z --until 2026-01-01T08:30:00Z --pods fail:1 --pod-runtime 45s --seed 9 --at 2026-01-01T08:29:59Z -o json
check "plan mixed json" "$none" plan tests/parity/manifests/plan-mixed.yaml --from 2026-03-08T06:00:00Z --until 2026-03-08T08:00:00Z --pods fail:1 --pod-runtime 150s --seed 7 --at 2026-03-08T07:30:00Z --output json
check "plan mixed text" "$none" plan tests/parity/manifests/plan-mixed.yaml --from 2026-03-08T06:00:00Z --until 2026-03-08T08:00:00Z --pods fail --pod-runtime 20s --seed 3 --at 2026-03-08T07:59:00Z
check "plan warnings json" "$none" plan tests/parity/manifests/dst-warning.yaml --from 2026-03-29T00:00:00Z --until 2026-03-29T03:00:00Z --output json
check "plan stdin json" "$seed/cronjob-test01.yml" plan - --from 2026-01-01T08:00:00Z --until 2026-01-01T08:05:00Z --output json
check "plan invalid" "$none" plan tests/parity/manifests/invalid-many.yaml --from 2026-01-01T08:00:00Z --until 2026-01-01T09:00:00Z
check "plan unreadable" "$none" plan tests/parity/manifests/unreadable.yaml --from 2026-01-01T08:00:00Z --until 2026-01-01T09:00:00Z
check "plan no --until" "$none" plan "$seed/job-test01.yml" --from 2026-01-01T08:00:00Z
check "plan until <= from" "$none" plan "$seed/job-test01.yml" --from 2026-01-01T08:00:00Z --until 2026-01-01T08:00:00Z
check "plan bad --pods" "$none" plan "$seed/job-test01.yml" --from 2026-01-01T08:00:00Z --until 2026-01-01T09:00:00Z --pods maybe

echo "parity: $cases cases, $failures differing (native $native vs node bin/kron.mjs)"
status=0
[[ $failures == 0 ]] || status=1

# --- robfig/cron differential through the Node package --------------------------
if [[ $have_oracle == 1 ]]; then
  echo "== robfig/cron differential through the Node CLI ($oracle_lines lines)"
  ORACLE_LINES=$oracle_lines ORACLE_LAST_LINES=$((oracle_lines / 4)) ORACLE_SEED=${PARITY_ORACLE_SEED:-1} \
    bash "$ROOT/tests/oracle/differential.sh" "$node_cli" "$work/oracle" || status=1
else
  echo "parity: Go or robfig/cron missing: differential through Node skipped"
fi
exit "$status"
