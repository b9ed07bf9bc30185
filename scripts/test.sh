#!/usr/bin/env bash
# Builds the release preset and runs every test; then the circuit-parser fuzzer when present.
# Usage: scripts/test.sh   (after scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
cmake --preset release
cmake --build --preset release -j "$jobs"
ctest --preset release -j "$jobs"
if [ -f scripts/fuzz.sh ]; then bash scripts/fuzz.sh; fi
