#!/usr/bin/env bash
# Installs every build and test dependency from Debian 12 packages. Idempotent, non-interactive;
# run as root (or with sudo). Skips apt entirely when everything is already installed.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libsimgrid-dev libz3-dev librapidcheck-dev nlohmann-json3-dev libboost-graph-dev
  libgtest-dev libgmock-dev libbenchmark-dev libsodium-dev libssl-dev libcli11-dev
  libvalijson-dev clang libclang-rt-dev
  librust-blake3-dev  # BLAKE3's upstream C sources, for the view digest (cmake/blake3.cmake)
  liblua5.4-dev
  libopenmpi-dev openmpi-bin  # mpirun smpc sweep (docs/sweep.md)
  libjs-vega  # Vega, inlined into the HTML reports (reports/html_report.cpp, docs/reports.md)
  chromium    # headless, for the HTML reports' browser test (tests/report, ctest -L browser)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
