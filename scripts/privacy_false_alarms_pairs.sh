#!/bin/bash
# False alarms, on unmutated code, of the privacy checks changed for issue 13 (docs/privacy.md):
# the Yao swaps from either side at N = 40 (GF(2) windows now over every view bit), the GMW vote
# with three input pairs (the swap file's and two drawn from the seed), and the OT-based GMW
# triples at 200 samples (25 per run), every single party of n = 3. Counts, per check, the
# invocations in which it alarmed.
#   scripts/privacy_false_alarms_pairs.sh SMPC CHECKS
# Seeds: invocation i starts at 1 + i * (seeds it uses), so no run or sample is reused.
set -euo pipefail
smpc=${1:-build/test/cli/smpc}
checks=${2:-200}
ex=scenarios/examples
# Reports are pretty-printed JSON objects (arrays for --component), one after another.
count() { python3 -c '
import json, re, sys
docs = json.loads("[" + re.sub(r"\n(?=[\[{])", ",\n", sys.stdin.read().strip()) + "]")
alarms = {}
for rep in [r for d in docs for r in (d if isinstance(d, list) else [d])]:
    for c in rep["checks"]: alarms[c["name"]] = alarms.get(c["name"], 0) + int(c["alarm"])
print(f"{sys.argv[1]}: {len(docs)} invocations, seeds 1..{len(docs) * int(sys.argv[2])}; "
      f"alarms per check: {alarms}", flush=True)
' "$1" "$2"; }
swap() {  # example runs pairs
  local name=$1 runs=$2 pairs=$3 step=$((2 * $2 * $3))
  for ((i = 0; i < checks; i++)); do
    "$smpc" verify privacy "$ex/$name.json" --swap "$ex/privacy_swaps/$name.swap.json" \
      --runs "$runs" --pairs "$pairs" --seed $((1 + i * step)) --json 2>/dev/null || [ $? -eq 1 ]
  done | count "$name N = $runs, $pairs pairs" "$step"
}
component() {  # name samples (25 per OT run)
  local name=$1 runs=$2 step=$(( ($2 + 24) / 25 ))
  for ((i = 0; i < checks; i++)); do
    "$smpc" verify privacy --component "$name" --runs "$runs" --seed $((1 + i * step)) \
      --json 2>/dev/null || [ $? -eq 1 ]
  done | count "$name samples = $runs" "$step"
}
case "${3:-all}" in
  yao) swap privacy_yao_millionaires 40 1; swap privacy_yao_garbler 40 1 ;;
  gmw) swap privacy_gmw_vote 250 3 ;;
  ot) component gmw-ot-triples 200 ;;
  *) swap privacy_yao_millionaires 40 1; swap privacy_yao_garbler 40 1
     swap privacy_gmw_vote 250 3; component gmw-ot-triples 200 ;;
esac
