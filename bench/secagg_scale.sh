#!/usr/bin/env bash
# Secure aggregation at federated scale, end to end: writes a scenario of N clients with
# vectors of L values in Z_{2^32} (inputs from Python's random under seed 1), 10% of the clients
# dropping out after round 2 (and, with DROP1 > 0, that fraction after round 1 as well), runs
# `smpc run` on it under /usr/bin/time -v (simulation, verdict and report: the whole pipeline),
# and prints the verdict, the simulated time, the bytes, the wall and CPU time, the peak memory
# and `uptime` before and after (docs/performance.md, "Secure aggregation").
#   bash bench/secagg_scale.sh [PROTOCOL=secagg] [N=1000] [L=1000] [DROP2=0.1] [DROP1=0]
#                              [BACKEND=sim|local] [DELTA=20] [BUILD=build/test]
# DROP2, DROP1: the fractions of clients dropping out after round 2 and after round 1.
# BACKEND local runs the parties as threads (`smpc run --local`); on threads the round
# deadlines (DELTA) are wall-clock seconds, so a run with dropouts waits them out (wall >=
# rounds x DELTA) and its CPU time is the figure to read. The simulator takes 10,000 clients
# too (a star zone and per-pair state for the pairs that talk only: 581 MB, docs/simulator.md,
# "How many parties"):
# e.g. bash bench/secagg_scale.sh secagg_plus 10000 100 0.1 0 sim 20
set -euo pipefail
cd "$(dirname "$0")/.."
protocol="${1:-secagg}"
clients="${2:-1000}"
length="${3:-1000}"
drop2="${4:-0.1}"
drop1="${5:-0}"
backend="${6:-sim}"
delta="${7:-20}"
build="${8:-build/test}"
flags=()
if [[ "$backend" == local ]]; then flags=(--local); fi
out="$build/secagg-scale"
mkdir -p "$out"
scenario="$out/${protocol}_${clients}x${length}.json"
python3 - "$protocol" "$clients" "$length" "$drop2" "$drop1" "$delta" "$scenario" <<'PY'
import json, random, sys
protocol, n, length = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
drop2, drop1, delta, path = float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), sys.argv[7]
random.seed(1)
drops = []
if drop2 > 0:
    drops.append({"after_round": 2, "fraction": drop2, "seed": 1})
if drop1 > 0:
    drops.append({"after_round": 1, "fraction": drop1, "seed": 2})
json.dump({
    "name": f"{protocol}: {n} clients x {length} values, drop after round 2: {drop2}, after round 1: {drop1}",
    "seed": 1, "parties": n + 1,
    "protocol": {"name": protocol, "round_timeout_s": delta},
    "function": {"name": "secure_aggregation", "bits": 32, "dropouts": drops},
    "inputs": [[]] + [[random.randrange(2**32) for _ in range(length)] for _ in range(n)],
    "network": {"topology": "star", "hub": 0, "latency_ms": 20, "bandwidth_mbps": 10000},
    "deadline_s": 8 * delta}, open(path, "w"))
PY
echo "before: $(uptime)"
/usr/bin/time -v "$build/cli/smpc" run "$scenario" -q "${flags[@]}" >"$out/report.json" 2>"$out/time.txt" || true
echo "after:  $(uptime)"
python3 - "$out/report.json" "$out/time.txt" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
t = open(sys.argv[2]).read()
get = lambda k: re.search(re.escape(k) + r": (.*)", t).group(1)
print(f"{r['scenario']}: verdict {r['verdict']} ({r['outcome']}), "
      f"{r['cost']['simulated_time_s']:.3f} s simulated, {r['cost']['bytes_sent']} bytes, "
      f"{r['cost']['messages']} messages, report wall_time_s {r['wall_time_s']:.1f}")
print(f"wall {get('Elapsed (wall clock) time (h:mm:ss or m:ss)')}, user {get('User time (seconds)')} s, "
      f"sys {get('System time (seconds)')} s, max RSS {int(get('Maximum resident set size (kbytes)')) / 1024:.0f} MB")
PY
