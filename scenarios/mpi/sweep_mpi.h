// `mpirun -n K smpc sweep GRID.json` (docs/sweep.md, "Across machines with Open MPI"): the
// sweep's points spread dynamically over K ranks on one or many hosts. Rank 0 plans the sweep
// (skipped rows at once), runs points in its own local pool and hands the other ranks one point
// at a time as each finishes the last; every row comes back to rank 0, which alone reads and
// writes the results file. Each rank runs a point exactly as the local pool does (a forked
// process per run), so the rows are those of `smpc sweep` without mpirun, as a set.
//
// Only this folder includes <mpi.h> (docs/architecture.md) and only the smpc executable links
// Open MPI: tests and tools linking smpc::scenarios never start MPI.
#pragma once

#include <memory>
#include <set>
#include <string>

#include "protocols/core/status.h"
#include "scenarios/sweep.h"

namespace smpc {

// Whether this process was started by an MPI launcher (Open MPI's mpirun or a PMIx launcher:
// its rank variables are set), i.e. whether `smpc sweep` should join the MPI job.
bool launched_by_mpi();

// MPI_Init on join(), MPI_Finalize on destruction. A rank-0 session destroyed before
// coordinate() ran (bad output file, ...) first tells the other ranks to stop, so no rank waits.
class MpiSweep {
 public:
  static Result<std::unique_ptr<MpiSweep>> join();
  ~MpiSweep();
  MpiSweep(const MpiSweep&) = delete;
  MpiSweep& operator=(const MpiSweep&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }

  // Rank 0: the sweep over all ranks, rows through options.on_row (options.jobs local runs at
  // a time on this rank too). Same summary as run_sweep.
  Result<SweepSummary> coordinate(const SweepGrid& grid, const std::set<std::string>& done,
                                  const SweepOptions& options);
  // Ranks > 0: run the points rank 0 hands out until it says stop. Returns the process exit
  // code: 0, or 128 + N when signal N stopped a run.
  int serve(const SweepGrid& grid, const SweepOptions& options);

 private:
  MpiSweep(int rank, int size) : rank_(rank), size_(size) {}
  void stop_other_ranks();
  int rank_ = 0;
  int size_ = 1;
  bool coordinated_ = false;
};

}  // namespace smpc
