// The pieces of a sweep that both drivers share: the local one (run_sweep, scenarios/sweep.cpp)
// and each rank of an MPI sweep (scenarios/mpi/sweep_mpi.cpp). A rank runs its points exactly
// as the local pool does, in forked processes, so a row does not depend on where it ran.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenarios/sweep.h"
#include "simulator/sim_network.h"

namespace smpc {

// The points of `grid` this sweep runs (ids not in `done`), in grid order. Skipped points
// (loader or resolver refusals, filters) become rows at once through count_sweep_row.
std::vector<std::uint64_t> plan_sweep(const SweepGrid& grid, const std::set<std::string>& done,
                                      const SweepOptions& options, SweepProgress& progress);

// Counts a finished row in `progress` and hands it to options.on_row and on_progress.
void count_sweep_row(const nlohmann::ordered_json& row, const SweepOptions& options,
                     SweepProgress& progress);

// Run processes: one fork per point (SimGrid runs once per process), its row read from a pipe.
class SweepPool {
 public:
  SweepPool(const SweepGrid& grid, const SweepOptions& options, StopSignals& signals)
      : grid_(grid), options_(options), signals_(signals) {}
  ~SweepPool() { kill_all(); }
  SweepPool(const SweepPool&) = delete;
  SweepPool& operator=(const SweepPool&) = delete;

  Status start(std::uint64_t index);  // forks the run of point `index`
  std::size_t running() const { return workers_.size(); }
  // Waits up to timeout_ms for output and returns the rows of the runs that ended: each run's
  // own row, or an "error" row for a run process that crashed. A run stopped by SIGINT, SIGTERM
  // or SIGHUP gives no row (its point is redone on resume) and sets `stop` to the signal.
  std::vector<nlohmann::ordered_json> collect(int timeout_ms, int& stop);
  void kill_all();

 private:
  struct Worker {
    pid_t pid = -1;
    SweepPoint point;
    std::string data;
  };
  nlohmann::ordered_json reap(Worker& w, int& stop);

  const SweepGrid& grid_;
  const SweepOptions& options_;
  StopSignals& signals_;
  std::map<int, Worker> workers_;  // by the read end of its pipe
};

}  // namespace smpc
