#!/usr/bin/env bash
# Builds the libFuzzer targets (the project configured with clang++ -DSMPC_FUZZ=ON; the layers
# under test instrumented with -fsanitize=fuzzer-no-link,address,undefined, see
# fuzz/CMakeLists.txt) into build/fuzz, and runs
# each for FUZZ_SECONDS (default 60) on one core, both at once:
#   circuit_parser_fuzzer  Bristol parser; seeds generated here plus the small circuits of
#                          ../shared/circuits/bristol when present; dictionary fuzz/bristol.dict
#   scenario_fuzzer        scenario loader + resolve; seeds scenarios/examples and hostile cases
#                          generated here; dictionary fuzz/scenario.dict
# The corpora in build/fuzz/corpus-* persist between runs, so CI-sized slices add up.
# Exits non-zero if a fuzzer finds a crash, a sanitizer report, a hang or a broken invariant;
# the reproducer is left in build/fuzz/ (crash-*, timeout-*, oom-*).
# Usage: scripts/fuzz.sh                 (called by scripts/test.sh)
#        FUZZ_SECONDS=10 scripts/fuzz.sh
#        FUZZ_ONLY=scenario scripts/fuzz.sh     (or circuit)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${FUZZ_SECONDS:-60}
only=${FUZZ_ONLY:-}
out=build/fuzz
cxx=${FUZZ_CXX:-clang++}
if ! command -v "$cxx" >/dev/null; then
  echo "fuzz.sh: $cxx not found; install the Debian packages clang and libclang-rt-dev" >&2
  exit 1
fi
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi

cmake -S . -B "$out" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" "${launcher[@]}" \
  -DCMAKE_BUILD_TYPE= -DSMPC_FUZZ=ON -DSMPC_BUILD_TESTS=OFF \
  -DSMPC_BUILD_BENCH=OFF -DSMPC_WERROR=OFF \
  -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" >/dev/null
cmake --build "$out" -j "$(nproc)" --target circuit_parser_fuzzer scenario_fuzzer

# Runs one fuzzer: run_fuzzer NAME DICT SEEDS_DIR
run_fuzzer() {
  local name=$1 dict=$2 seeds=$3 corpus="$out/corpus-$1" work="$out/work-$1"
  mkdir -p "$corpus" "$work"
  echo "fuzz.sh: running $name for ${seconds}s"
  set +e
  # From an empty directory: files a scenario names are looked up relative to it.
  (cd "$work" && "$root/$out/fuzz/$name" "$root/$corpus" "$root/$seeds" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -dict="$root/$dict" -artifact_prefix="$root/$out/" -print_final_stats=1) \
    >"$out/$name.log" 2>&1
  local status=$?
  set -e
  grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)|^Done|stat::number_of_executed_units" "$out/$name.log" || true
  if [ "$status" -ne 0 ]; then
    echo "fuzz.sh: $name failed (status $status); see $out/$name.log and $out/crash-*" >&2
    tail -60 "$out/$name.log" >&2
    exit 1
  fi
}

# Circuit seeds: small valid circuits of both formats with every gate type, regenerated each run.
if [ "$only" != scenario ]; then
seeds="$out/seeds-circuit"
rm -rf "$seeds"
mkdir -p "$seeds"
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
run_fuzzer circuit_parser_fuzzer fuzz/bristol.dict "$seeds" >"$out/circuit.summary" 2>&1 &
circuit_pid=$!
fi

if [ "$only" != circuit ]; then
# Scenario seeds: every example, and small versions of the hostile cases of
# tests/scenarios/hostile_inputs_test.cpp (the large ones are too slow to mutate).
seeds="$out/seeds-scenario"
rm -rf "$seeds"
mkdir -p "$seeds"
cp scenarios/examples/*.json "$seeds/"
base='"name": "x", "parties": 2, "protocol": {"name": "secure_sum"}, "function": {"name": "sum"}'
printf '{%s, "inputs": [1e400, 2]}' "$base" >"$seeds/h_number.json"
printf '{%s, "inputs": [1, 2], "seed": 1, "seed": 2}' "$base" >"$seeds/h_duplicate.json"
printf '{%s, "inputs": [1, 2], "seed": 18446744073709551615}' "$base" >"$seeds/h_seed.json"
printf '{%s, "inputs": [1, [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}' "$base" >"$seeds/h_deep.json"
printf '{"name": "x", "parties": 2, "protocol": {"name": "yao"}, "function": {"name": "millionaires"}, "inputs": ["0x%s", "-5"]}' \
  "$(head -c 300 /dev/zero | tr '\0' f)" >"$seeds/h_hex.json"
run_fuzzer scenario_fuzzer fuzz/scenario.dict "$seeds" >"$out/scenario.summary" 2>&1 &
scenario_pid=$!
fi

# The fuzzers run side by side, one core each (CI has two): the wait is one slice, not two.
failed=0
for name in circuit scenario; do
  pid_var=${name}_pid
  [ -n "${!pid_var:-}" ] || continue
  if ! wait "${!pid_var}"; then failed=1; fi
  cat "$out/$name.summary"
done
if [ "$failed" -ne 0 ]; then exit 1; fi
echo "fuzz.sh: no crash in ${seconds}s per fuzzer"
