#!/usr/bin/env bash
# Throughput of `smpc sweep` and the per-run overhead of its machinery (docs/performance.md,
# "Sweeps"). Macro measurement: wall clock of whole commands, never a timed test.
#
#   bench/sweep_throughput.sh [SMPC] [GRID]
#
# SMPC defaults to build/test/cli/smpc, GRID to scenarios/sweeps/sum_seeds.json (secure sum,
# 5 parties, 1,000 seeds). Prints, for -j 1 and -j 2 (and 1 and 2 MPI ranks when mpirun is
# installed): runs, seconds, runs/s; the mean in-run wall time the rows report (the simulation
# alone: run_simulated in the run process) and the machinery's share,
#   overhead = (sweep wall per run x jobs - in-run wall) / in-run wall,
# i.e. everything a run costs beyond its simulation (fork, loading and checking the point,
# resolve, judge, the JSON row, pipe, exit, the sweep process's own work); and, less sensitive
# to the load of a shared machine, the CPU time and minor page faults per run of the whole
# command with its processes (getrusage of the reaped command). Last, for comparison, the wall
# time of one `smpc run` process of the same scenario (what spawning a `smpc run` per point
# would cost at least). Run it on an idle machine and quote `uptime`.
set -euo pipefail
cd "$(dirname "$0")/.."
SMPC=${1:-build/test/cli/smpc}
GRID=${2:-scenarios/sweeps/sum_seeds.json}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# measure LABEL JOBS ROWS_FILE -- COMMAND...: runs COMMAND, then prints its figures.
measure() {
  python3 - "$@" <<'PY'
import json, os, subprocess, sys, time
label, jobs, rows_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
cmd = sys.argv[5:]
start = time.monotonic()
proc = subprocess.Popen(cmd)
_, status, ru = os.wait4(proc.pid, 0)
wall = time.monotonic() - start
if status != 0:
    sys.exit(f"{label}: exit status {status}")
rows = [json.loads(l) for l in open(rows_file)]
n = len(rows)
inrun = sum(r.get("wall_time_s", 0) for r in rows) / n
over = (wall * jobs / n - inrun) / inrun * 100
cpu = (ru.ru_utime + ru.ru_stime) / n * 1e3
print(f"{label}: {n} runs in {wall:.2f} s = {n / wall:.1f} runs/s; mean in-run wall "
      f"{inrun * 1e3:.2f} ms; overhead {over:.0f}% of the run; CPU {cpu:.2f} ms a run "
      f"(user {ru.ru_utime / n * 1e3:.2f}, sys {ru.ru_stime / n * 1e3:.2f}); "
      f"{ru.ru_minflt / n:.0f} page faults a run")
PY
}

echo "machine: $(nproc) cores; $(uptime)"
for j in 1 2; do
  measure "-j $j" "$j" "$TMP/j$j.jsonl" -- "$SMPC" sweep "$GRID" -q -j "$j" -o "$TMP/j$j.jsonl"
done
# The same grid over Open MPI ranks (docs/sweep.md, "Across machines"): 1 and 2 ranks, one run
# at a time per rank; rank 0 also runs points. The wall time includes mpirun's start-up; the
# CPU of ranks mpirun starts is in mpirun's children, so it is counted too.
if command -v mpirun >/dev/null 2>&1; then
  for ranks in 1 2; do
    measure "mpirun -n $ranks" "$ranks" "$TMP/mpi$ranks.jsonl" -- \
      mpirun --allow-run-as-root --oversubscribe -n "$ranks" "$SMPC" sweep "$GRID" -q -o "$TMP/mpi$ranks.jsonl"
  done
fi
now() { date +%s.%N; }
BASE=$(python3 -c "import json,os,sys; g=sys.argv[1]; print(os.path.join(os.path.dirname(g), json.load(open(g))['base']))" "$GRID")
N=50
start=$(now)
for i in $(seq 1 $N); do "$SMPC" run "$BASE" --seed "$i" -q -o /dev/null 2>/dev/null; done
end=$(now)
python3 -c "print(f'smpc run (one process per run, sequential): {($end - $start) / $N * 1e3:.2f} ms per run over $N runs')"
echo "after: $(uptime)"
