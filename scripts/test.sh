#!/usr/bin/env bash
# Builds the release preset, runs the circuit-parser fuzzer when present (60 s), then every test
# (ctest last, so its summary closes the output).
# Usage: scripts/test.sh   (after scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
cmake --preset release
cmake --build --preset release -j "$jobs"
if [ -f scripts/fuzz.sh ]; then bash scripts/fuzz.sh; fi
ctest --preset release -j "$jobs"
