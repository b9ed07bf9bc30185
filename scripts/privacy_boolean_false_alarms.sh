#!/bin/bash
# False alarms of the Boolean privacy checks on unmutated code (docs/privacy.md): runs
# `smpc verify privacy` on the Yao and GMW examples over disjoint seed ranges at their
# documented budgets, then the building blocks (`--component`: commitment hiding and the
# dealers' correlated randomness, every single party of n = 3 as the coalition), and counts
# per check the invocations in which it alarmed.
#   scripts/privacy_boolean_false_alarms.sh SMPC GMW_CHECKS YAO_CHECKS COMPONENT_CHECKS
# Seeds: invocation i starts at 1 + i * (runs it uses), so no run or sample is reused.
set -euo pipefail
smpc=${1:-build/test/cli/smpc}
gmw_checks=${2:-200}
yao_checks=${3:-40}
component_checks=${4:-200}
ex=scenarios/examples

count() {  # label seeds_per_invocation: reads the JSON reports from stdin
  python3 -c '
import json, sys
label, step = sys.argv[1], int(sys.argv[2])
dec, text, pos, alarms, n = json.JSONDecoder(), sys.stdin.read(), 0, {}, 0
while pos < len(text):
    while pos < len(text) and text[pos].isspace(): pos += 1
    if pos >= len(text): break
    doc, pos = dec.raw_decode(text, pos)
    n += 1
    for rep in doc if isinstance(doc, list) else [doc]:
        for c in rep["checks"]:
            alarms[c["name"]] = alarms.get(c["name"], 0) + int(c["alarm"])
print(f"{label}: {n} invocations, seeds 1..{n * step}; alarms per check: {alarms}")
' "$1" "$2"
}

swap() {  # example runs invocations
  local name=$1 runs=$2 checks=$3
  for ((i = 0; i < checks; i++)); do
    "$smpc" verify privacy "$ex/$name.json" --swap "$ex/privacy_swaps/$name.swap.json" \
      --runs "$runs" --seed $((1 + i * 2 * runs)) --json 2>/dev/null || [ $? -eq 1 ]
  done | count "$name N = $runs" $((2 * runs))
}

component() {  # name runs invocations
  local name=$1 runs=$2 checks=$3
  for ((i = 0; i < checks; i++)); do
    "$smpc" verify privacy --component "$name" --runs "$runs" --seed $((1 + i * runs)) \
      --json 2>/dev/null || [ $? -eq 1 ]
  done | count "$name runs = $runs" "$runs"
}

swap privacy_gmw_vote 250 "$gmw_checks"
swap privacy_yao_millionaires 25 "$yao_checks"
component commitment-hiding 32 "$component_checks"
component gmw-dealer-triples 200 "$component_checks"
component spdz-dealer 60 "$component_checks"
