#!/usr/bin/env bash
# Throughput of `smpc sweep` and the per-run overhead of its machinery (docs/performance.md,
# "Sweeps"). Macro measurement: wall clock of whole commands, never a timed test.
#
#   bench/sweep_throughput.sh [SMPC] [GRID]
#
# SMPC defaults to build/test/cli/smpc, GRID to scenarios/sweeps/sum_seeds.json (secure sum,
# 5 parties, 1,000 seeds). Prints, for -j 1 and -j 2 (and 1 and 2 MPI ranks when mpirun is
# installed): runs, seconds, runs/s; then the mean
# in-run wall time the rows report (resolve → simulate in a forked child → judge → record), the
# sweep's cost per run beyond it (fork of the run process, JSON row, pipe, write) and, for
# comparison, the wall time of one `smpc run` process of the same scenario (what spawning a
# `smpc run` per point would cost at least). Run it on an idle machine and quote `uptime`.
set -euo pipefail
cd "$(dirname "$0")/.."
SMPC=${1:-build/test/cli/smpc}
GRID=${2:-scenarios/sweeps/sum_seeds.json}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
now() { date +%s.%N; }

echo "machine: $(nproc) cores; $(uptime)"
for j in 1 2; do
  start=$(now)
  "$SMPC" sweep "$GRID" -q -j "$j" -o "$TMP/j$j.jsonl"
  end=$(now)
  python3 - "$TMP/j$j.jsonl" "$start" "$end" "$j" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
wall = float(sys.argv[3]) - float(sys.argv[2])
inrun = sum(r.get("wall_time_s", 0) for r in rows) / len(rows)
j = int(sys.argv[4])
print(f"-j {j}: {len(rows)} runs in {wall:.2f} s = {len(rows) / wall:.1f} runs/s; "
      f"mean in-run wall {inrun * 1e3:.2f} ms; sweep cost per run beyond it "
      f"{(wall * j / len(rows) - inrun) * 1e3:.2f} ms ({(wall * j / len(rows) - inrun) / inrun * 100:.1f}% of the run)")
PY
done
# The same grid over Open MPI ranks (docs/sweep.md, "Across machines"): 1 and 2 ranks, one run
# at a time per rank; rank 0 also runs points.
if command -v mpirun >/dev/null 2>&1; then
  for ranks in 1 2; do
    start=$(now)
    mpirun --allow-run-as-root --oversubscribe -n "$ranks" "$SMPC" sweep "$GRID" -q -o "$TMP/mpi$ranks.jsonl"
    end=$(now)
    python3 -c "
rows = sum(1 for _ in open('$TMP/mpi$ranks.jsonl'))
print(f'mpirun -n $ranks: {rows} runs in {$end - $start:.2f} s = {rows / ($end - $start):.1f} runs/s (mpirun start-up included)')"
  done
fi
BASE=$(python3 -c "import json,os,sys; g=sys.argv[1]; print(os.path.join(os.path.dirname(g), json.load(open(g))['base']))" "$GRID")
N=50
start=$(now)
for i in $(seq 1 $N); do "$SMPC" run "$BASE" --seed "$i" -q -o /dev/null 2>/dev/null; done
end=$(now)
python3 -c "print(f'smpc run (one process per run, sequential): {($end - $start) / $N * 1e3:.2f} ms per run over $N runs')"
echo "after: $(uptime)"
