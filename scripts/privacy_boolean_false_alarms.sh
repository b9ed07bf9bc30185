#!/bin/bash
# False alarms of the Boolean privacy checks on unmutated code (docs/privacy.md): runs
# `smpc verify privacy` on the Yao and GMW examples over disjoint seed ranges at their
# documented budgets and counts the ranges in which some check alarmed, per check.
#   scripts/privacy_boolean_false_alarms.sh SMPC GMW_CHECKS YAO_CHECKS
# Seeds: check i uses first seed 1 + i * 2N (N runs per input vector), so no run is reused.
set -euo pipefail
smpc=${1:-build/test/cli/smpc}
gmw_checks=${2:-200}
yao_checks=${3:-40}
ex=scenarios/examples
sweep() {  # name runs checks
  local name=$1 runs=$2 checks=$3
  for ((i = 0; i < checks; i++)); do
    "$smpc" verify privacy "$ex/$name.json" --swap "$ex/privacy_swaps/$name.swap.json" \
      --runs "$runs" --seed $((1 + i * 2 * runs)) --json 2>/dev/null || [ $? -eq 1 ]
  done | python3 -c '
import json, sys
dec, text, pos, alarms, n = json.JSONDecoder(), sys.stdin.read(), 0, {}, 0
while pos < len(text):
    while pos < len(text) and text[pos].isspace(): pos += 1
    if pos >= len(text): break
    rep, pos = dec.raw_decode(text, pos)
    n += 1
    for c in rep["checks"]:
        alarms[c["name"]] = alarms.get(c["name"], 0) + int(c["alarm"])
print(f"'"$name"' N = '"$runs"': {n} checks, seeds 1..{n * 2 * '"$runs"'}; alarms per check: {alarms}")
'
}
sweep privacy_gmw_vote 250 "$gmw_checks"
sweep privacy_yao_millionaires 25 "$yao_checks"
