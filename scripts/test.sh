#!/usr/bin/env bash
# Builds the test preset (release + seeded-bug switches), runs the circuit-parser fuzzer when present (60 s), then every test
# (ctest last, so its summary closes the output).
# Usage: scripts/test.sh   (after scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
cmake --preset test
cmake --build --preset test -j "$jobs"
if [ -f scripts/fuzz.sh ]; then bash scripts/fuzz.sh; fi
ctest --preset test -j "$jobs"
