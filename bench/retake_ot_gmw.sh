#!/usr/bin/env bash
# Retakes issue 23's OT / GMW / Yao / BGW figures for docs/performance.md: builds the release
# preset's benchmarks, runs every benchmark below once per pass, PASSES passes in alternation
# (interleaved, so a load change hits all rows alike), records `uptime` before each pass, and
# prints the median of each counter over the passes.
#   bash bench/retake_ot_gmw.sh [PASSES=3] [OUT_DIR=build/release/retake]
set -euo pipefail
cd "$(dirname "$0")/.."
passes="${1:-3}"
out="${2:-build/release/retake}"
cmake --preset release >/dev/null
cmake --build --preset release --target yao_bench gmw_bench bgw_bench
mkdir -p "$out"
rm -f "$out"/*.json "$out"/uptime.txt
runs=(
  "yao_bench BM_Iknp/(random|correlated|chosen)_(bare|local)_calls65536"
  "yao_bench BM_BaseOt128/naor_pinkas"
  "yao_bench BM_YaoAes128Copies"
  "gmw_bench BM_GmwAes128Sim100msRtt"
  "bgw_bench BgwMultiplications/3/100000"
)
for ((p = 1; p <= passes; ++p)); do
  echo "pass $p: $(uptime)" | tee -a "$out/uptime.txt"
  for k in "${!runs[@]}"; do
    read -r bin filter <<<"${runs[$k]}"
    "build/release/bench/$bin" --benchmark_filter="$filter" --benchmark_format=json \
      >"$out/pass${p}_${k}.json"
  done
done
echo "after: $(uptime)" | tee -a "$out/uptime.txt"
python3 - "$out" <<'PY'
import glob, json, statistics, sys
rows = {}
for f in sorted(glob.glob(sys.argv[1] + "/pass*_*.json")):
    for b in json.load(open(f))["benchmarks"]:
        r = rows.setdefault(b["name"], {})
        r.setdefault("time_" + b["time_unit"], []).append(b["real_time"])
        for k in ("OT/s", "OT/s_cpu", "x_real_time", "sim_s", "cpu_ms", "mult/s"):
            if k in b:
                r.setdefault(k, []).append(b[k])
for name, r in rows.items():
    cells = ", ".join(f"{k} {statistics.median(v):.4g}" for k, v in r.items())
    print(f"{name}: median of {len(next(iter(r.values())))}: {cells}")
PY
