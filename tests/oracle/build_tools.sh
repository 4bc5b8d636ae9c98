# shellcheck shell=bash
# Sourced by tests/oracle/differential.sh and bench/robfig_compare.sh:
# builds the robfig oracle and the input generator (Go, GOPATH mode, against
# the robfig/cron v3 sources under $ROBFIG_GOPATH) into a build directory.
#
#   oracle_kron_args DEFAULT_SUBDIR "$@" -> sets KRON_BIN (absolute) and WORK_DIR
#   oracle_build_tools WORK_DIR          -> sets ORACLE_BIN and GEN_BIN
# Returns 77 (ctest's "skipped") when Go or robfig/cron is missing.

ORACLE_SRC_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# The scripts' shared arguments: KRON_BIN [WORK_DIR]; WORK_DIR defaults to
# DEFAULT_SUBDIR next to KRON_BIN's bin/ (in the build tree). Exits 2 on misuse.
oracle_kron_args() {
  local subdir="$1"
  shift
  if [[ $# -lt 1 || $# -gt 2 ]]; then
    echo "usage: $0 KRON_BIN [WORK_DIR]" >&2
    exit 2
  fi
  KRON_BIN="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
  [[ -x "$KRON_BIN" ]] || { echo "not an executable: $1" >&2; exit 2; }
  WORK_DIR="${2:-$(dirname "$(dirname "$KRON_BIN")")/$subdir}"
}

oracle_build_tools() {
  local work="$1"
  local gopath="${ROBFIG_GOPATH:-/usr/share/gocode}"
  if ! command -v go >/dev/null 2>&1; then
    echo "go not found: cannot build the robfig oracle" >&2
    return 77
  fi
  if [[ ! -f "$gopath/src/github.com/robfig/cron/parser.go" ]]; then
    echo "robfig/cron not found under $gopath/src/github.com/robfig/cron (set ROBFIG_GOPATH)" >&2
    return 77
  fi
  mkdir -p "$work"
  # Use the user's Go build cache when there is a writable one, else one in the build tree.
  local cache
  cache="$(go env GOCACHE 2>/dev/null || true)"
  if [[ -z "$cache" || "$cache" == off ]] || ! mkdir -p "$cache" 2>/dev/null || [[ ! -w "$cache" ]]; then
    cache="$work/go-cache"
  fi
  ORACLE_BIN="$work/robfig_oracle"
  GEN_BIN="$work/oracle_gen"
  (
    cd "$ORACLE_SRC_DIR" &&
      GO111MODULE=off GOPATH="$gopath" GOCACHE="$cache" GOFLAGS='' go build -o "$ORACLE_BIN" ./robfig &&
      GO111MODULE=off GOPATH="$gopath" GOCACHE="$cache" GOFLAGS='' go build -o "$GEN_BIN" ./gen
  ) || { echo "building the robfig oracle failed" >&2; return 1; }
}
