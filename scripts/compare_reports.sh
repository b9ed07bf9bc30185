#!/usr/bin/env bash
# Compares the reports two builds of smpc give for the same scenarios: every example scenario and
# the kept property-suite failures, at their own seed and at seed 999, plus `smpc audit` for
# each protocol at one seed. A refactoring that must not change behaviour passes it.
#
# Usage: scripts/compare_reports.sh OLD_SMPC NEW_SMPC [ADDED_FIELD ...]
#   ADDED_FIELD: top-level report fields the new build adds (ignored), e.g. claim_scope.
# wall_time_s is always ignored. Exit 0 when everything matches, 1 otherwise.
set -uo pipefail
old=$1 new=$2; shift 2
added=("wall_time_s" "$@")
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
filter=$(printf 'del(.%s) | ' "${added[@]}")
strip() { python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
for k in sys.argv[2:]: d.pop(k, None)
print(json.dumps(d, sort_keys=False))' "$@"; }
fail=0 count=0
for f in scenarios/examples/*.json tests/property/failures/*.json; do
  for seed in "" 999; do
    args=("$f"); [ -n "$seed" ] && args+=(--seed "$seed")
    "$old" run "${args[@]}" --output "$work/old.json" >/dev/null 2>"$work/old.err"; a=$?
    "$new" run "${args[@]}" --output "$work/new.json" >/dev/null 2>"$work/new.err"; b=$?
    count=$((count + 1))
    if [ $a -ne $b ]; then echo "DIFF exit $a vs $b: $f ${seed:+--seed $seed}"; fail=1; continue; fi
    if [ -s "$work/old.json" ] || [ -s "$work/new.json" ]; then
      if ! cmp -s <(strip "$work/old.json" "${added[@]}") <(strip "$work/new.json" "${added[@]}"); then
        echo "DIFF report: $f ${seed:+--seed $seed}"; fail=1
      fi
    elif ! cmp -s "$work/old.err" "$work/new.err"; then
      echo "DIFF error: $f"; fail=1
    fi
    rm -f "$work/old.json" "$work/new.json"
  done
done
for p in $("$new" list protocols --json 2>/dev/null | python3 -c 'import json,sys; print(" ".join(e["name"] for e in json.load(sys.stdin)))' 2>/dev/null || echo secure_sum bgw bgw_robust spdz yao gmw gmw_dealer); do
  "$old" audit --protocol "$p" --seeds 1 --output "$work/old.json" --repro-dir "$work/r1" >/dev/null 2>&1
  "$new" audit --protocol "$p" --seeds 1 --output "$work/new.json" --repro-dir "$work/r2" >/dev/null 2>&1
  count=$((count + 1))
  cmp -s "$work/old.json" "$work/new.json" || { echo "DIFF audit: $p"; fail=1; }
done
echo "compared $count runs: $([ $fail -eq 0 ] && echo 'all identical' || echo 'DIFFERENCES')"
exit $fail
