#!/usr/bin/env bash
# Installs everything kron needs on Debian 12, as root. Idempotent: installs
# only what is missing. Used by scripts/run.sh and scripts/test.sh.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git ca-certificates
  libabsl-dev libhowardhinnant-date-dev tzdata libsimdjson-dev libyaml-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  golang-go golang-github-robfig-cron-dev
  emscripten node-acorn
  chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js and npm: whatever provides the commands (Debian's packages when none does).
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup: system packages ready"
