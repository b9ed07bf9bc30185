#!/usr/bin/env bash
# The compute model against reality (issue 16, "Must show"; docs/performance.md, "Computation
# model"): calibrates a cost profile on this machine, then runs five protocols on LocalNetwork
# (`smpc run --local --cpu-table`) and prints, per party, its counted operations x that profile
# (modelled) next to its thread's measured CPU time (with its parallel_slices helpers') and
# modelled / measured. The runs are the issue's: yao AES-128, gmw AES-128 (n = 3), a bgw product
# chain (n = 5), a spdz inner product (n = 3) and a secure sum (n = 10).
#
# Usage: scripts/validate_compute.sh [SMPC] [SHARED_DIR] [REPEATS]
#   SMPC: the binary (default build/test/cli/smpc); SHARED_DIR: holds circuits/bristol/aes_128.txt
#   (default ../shared next to the repository, else /work/shared); REPEATS (default 5): runs of
#   each scenario. The counted operations, hence the modelled time, are the same in every run;
#   the measured thread CPU time of one run of 1-30 ms moves by 10-30% from run to run on a
#   shared VM (a page fault costs 10-15 µs here and the scheduler decides where it lands), so
#   each party's measured figure is the median of its REPEATS runs, and the table also gives
#   the smallest and largest.
# A benchmark, not a test: the figures depend on the machine and its load (run `uptime` next to it).
set -euo pipefail
cd "$(dirname "$0")/.."
smpc=${1:-build/test/cli/smpc}
shared=${2:-../shared}
repeats=${3:-5}
[ -f "$shared/circuits/bristol/aes_128.txt" ] || shared=/work/shared
aes=$(realpath "$shared/circuits/bristol/aes_128.txt")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$smpc" calibrate --output "$work/profile.json" >&2
# A vector of k values 1..k (as JSON).
vec() { python3 -c "import sys; print([i % 1000 + 1 for i in range(int(sys.argv[1]))])" "$1"; }

scenario() {  # name parties protocol-json function-json inputs-json
  cat > "$work/$1.json" <<JSON
{"name": "$1", "seed": 1, "parties": $2, "protocol": $3, "function": $4, "inputs": $5,
 "network": {"latency_ms": 0.05, "bandwidth_mbps": 10000}}
JSON
}
aes_fn="{\"name\": \"circuit\", \"file\": \"$aes\", \"encoding\": \"bytes_reversed_lsb0\"}"
key='"000102030405060708090a0b0c0d0e0f"' pt='"00112233445566778899aabbccddeeff"'
scenario yao_aes128 2 '{"name": "yao"}' "$aes_fn" "[$key, $pt]"
scenario gmw_aes128_3 3 '{"name": "gmw"}' "$aes_fn" "[$key, $pt, []]"
chain=$(vec 200)
scenario bgw_product_chain_5 5 '{"name": "bgw", "threshold": 2}' '{"name": "product"}' \
  "[$chain, $chain, $chain, $chain, $chain]"
ip=$(vec 10000)
scenario spdz_inner_product_3 3 '{"name": "spdz", "preprocessing": "dealer"}' '{"name": "inner_product"}' "[$ip, $ip, []]"
sum=$(vec 1000)
scenario sum_10 10 '{"name": "secure_sum"}' '{"name": "sum"}' \
  "[$sum, $sum, $sum, $sum, $sum, $sum, $sum, $sum, $sum, $sum]"

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $repeats runs each"
for s in yao_aes128 gmw_aes128_3 bgw_product_chain_5 spdz_inner_product_3 sum_10; do
  for r in $(seq 1 "$repeats"); do
    "$smpc" run "$work/$s.json" --local --quiet --cpu-table "$work/profile.json" \
      --output "$work/$s.report.json" 2>&1 | sed -n '/^cpu table/,$p' > "$work/$s.table.$r"
  done
  python3 - "$s" "$work"/"$s".table.* <<'PY'
import statistics, sys
runs = [open(f).read().splitlines() for f in sys.argv[2:]]
rows = {}  # party -> (modelled, [measured...], top operation)
for lines in runs:
    for line in lines[2:]:
        f = line.split()
        if not f or f[0] == "all":
            continue
        m = rows.setdefault(f[0], [float(f[1]), [], " ".join(f[4:])])
        m[1].append(float(f[2]))
print(f"{sys.argv[1]}: {runs[0][0]}")
print(f"{'party':>5} {'modelled_ms':>12} {'measured_ms':>12} {'min':>8} {'max':>8} {'ratio':>6}  top operation")
for p, (model, meas, top) in rows.items():
    med = statistics.median(meas)
    print(f"{p:>5} {model:12.3f} {med:12.3f} {min(meas):8.3f} {max(meas):8.3f} {model / med:6.2f}  {top}")
print()
PY
done
