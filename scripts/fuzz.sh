#!/usr/bin/env bash
# Builds the Bristol circuit-parser fuzzer (clang++ -fsanitize=fuzzer,address,undefined, from
# the small CMake project in fuzz/) and runs it for FUZZ_SECONDS (default 60) on a seed corpus
# generated here, plus the small circuits of ../shared/circuits/bristol when present.
# Exits non-zero if the fuzzer finds a crash, a sanitizer report or a broken invariant; the
# reproducer is left in build/fuzz/ (crash-*, timeout-*, oom-*).
# Usage: scripts/fuzz.sh            (called by scripts/test.sh)
#        FUZZ_SECONDS=10 scripts/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
out=build/fuzz
cxx=${FUZZ_CXX:-clang++}
if ! command -v "$cxx" >/dev/null; then
  echo "fuzz.sh: $cxx not found; install the Debian packages clang and libclang-rt-dev" >&2
  exit 1
fi

cmake -S fuzz -B "$out" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
cmake --build "$out" -j "$(nproc)"

# Seed corpus: small valid circuits of both formats with every gate type, regenerated each run.
seeds="$out/seeds"
corpus="$out/corpus"
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus"
printf '1 3\n2 1 1\n1 1\n\n2 1 0 1 2 AND\n' >"$seeds/and.txt"
printf '3 6\n2 2 1\n1 1\n\n2 1 0 2 3 AND\n1 1 1 4 INV\n2 1 3 4 5 XOR\n' >"$seeds/mixed.txt"
printf '7 11\n2 2 1\n2 1 1\n\n2 1 0 1 3 XOR\n1 1 1 4 EQ\n1 1 3 5 INV\n4 2 0 2 1 4 6 7 MAND\n1 1 5 8 NOT\n2 1 6 7 9 AND\n1 1 8 10 EQW\n' >"$seeds/all_gates.txt"
printf '2 5\r\n2 1 1\r\n2 1 0 2 3 XOR\r\n2 1 3 1 4 AND\r\n' >"$seeds/legacy_crlf.txt"
printf '1 3\n2 0 1\n\n2 1 0 1 2 XOR\n' >"$seeds/legacy_one_input.txt"
printf '0 2\n1 1\n1 1\n\n' >"$seeds/overlap.txt"
shared=../shared/circuits/bristol
if [ -d "$shared" ]; then
  for f in "$shared"/*.txt "$shared"/legacy/*.txt; do
    # Small files only: large seeds slow every mutation down.
    if [ "$(stat -c %s "$f")" -le 16384 ]; then cp "$f" "$seeds/shared_$(basename "$f")"; fi
  done
else
  echo "fuzz.sh: $shared not found; using generated seeds only"
fi

echo "fuzz.sh: running the circuit parser fuzzer for ${seconds}s"
set +e
"$out/circuit_parser_fuzzer" "$corpus" "$seeds" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -dict=fuzz/bristol.dict -artifact_prefix="$out/" -print_final_stats=1 >"$out/fuzz.log" 2>&1
status=$?
set -e
grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)|^Done|stat::number_of_executed_units" "$out/fuzz.log" || true
if [ "$status" -ne 0 ]; then
  echo "fuzz.sh: the fuzzer failed (status $status); see $out/fuzz.log and $out/crash-*" >&2
  tail -60 "$out/fuzz.log" >&2
  exit 1
fi
echo "fuzz.sh: no crash in ${seconds}s"
