#include "scenarios/mpi/sweep_mpi.h"

#include <mpi.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <vector>

#include "scenarios/sweep_pool.h"

namespace smpc {
namespace {

using Ordered = nlohmann::ordered_json;

// Ranks > 0 send kToRoot messages: one kind byte, then (kRow) the row as JSON text. Rank 0
// answers kReady and kRow with a kToRank message: the next point's index, or kStop.
constexpr int kToRoot = 1;
constexpr int kToRank = 2;
constexpr char kReady = 'R';    // a rank's first request
constexpr char kRow = 'W';      // a finished point's row; asks for the next point
constexpr char kStopped = 'S';  // a signal stopped the rank's run: it leaves, no answer
constexpr std::uint64_t kStop = std::numeric_limits<std::uint64_t>::max();

void send_to_root(char kind, const std::string& row = {}) {
  std::string message(1, kind);
  message += row;
  MPI_Send(message.data(), static_cast<int>(message.size()), MPI_CHAR, 0, kToRoot, MPI_COMM_WORLD);
}

void send_to_rank(int rank, std::uint64_t index) {
  MPI_Send(&index, 1, MPI_UINT64_T, rank, kToRank, MPI_COMM_WORLD);
}

// A rank's message that MPI_Iprobe (or MPI_Probe) found: its source and bytes.
std::pair<int, std::string> receive_probed(const MPI_Status& probed) {
  int count = 0;
  MPI_Get_count(&probed, MPI_CHAR, &count);
  std::string text(static_cast<std::size_t>(std::max(count, 0)), '\0');
  MPI_Recv(text.data(), count, MPI_CHAR, probed.MPI_SOURCE, kToRoot, MPI_COMM_WORLD,
           MPI_STATUS_IGNORE);
  return {probed.MPI_SOURCE, text};
}

// Rank 0's state while it coordinates.
struct Coordinator {
  const SweepOptions& options;
  SweepSummary& summary;
  const std::vector<std::uint64_t>& to_run;
  std::size_t next = 0;
  int ranks_left = 0;  // ranks > 0 not yet told to stop (or stopped by a signal)
  int stop = 0;

  // The next point for a rank, or kStop (then the rank leaves).
  std::uint64_t hand_out() {
    if (!stop && next < to_run.size()) return to_run[next++];
    --ranks_left;
    return kStop;
  }

  // Every message the other ranks have sent so far; returns whether there was one.
  bool serve_ranks() {
    bool any = false;
    for (int flag = 1; flag;) {
      MPI_Status probed;
      MPI_Iprobe(MPI_ANY_SOURCE, kToRoot, MPI_COMM_WORLD, &flag, &probed);
      if (!flag) break;
      any = true;
      const auto [source, text] = receive_probed(probed);
      if (text.empty() || text[0] == kStopped) {
        --ranks_left;
        stop = stop ? stop : SIGINT;
        continue;
      }
      // After a stop no more rows are written: the point is redone on resume, as locally.
      if (text[0] == kRow && !stop) {
        // The row is the rank's own run process's line, already parsed once there.
        Ordered row = Ordered::parse(text.substr(1), nullptr, false);
        if (!row.is_discarded()) count_row(row);
      }
      send_to_rank(source, hand_out());
    }
    return any;
  }

  void count_row(const Ordered& row) { count_sweep_row(row, options, summary.progress); }
};

}  // namespace

bool launched_by_mpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK"})
    if (std::getenv(name) != nullptr) return true;
  return false;
}

Result<std::unique_ptr<MpiSweep>> MpiSweep::join() {
  int initialized = 0;
  MPI_Initialized(&initialized);
  if (!initialized && MPI_Init(nullptr, nullptr) != MPI_SUCCESS)
    return Error("sweep: MPI_Init failed (started by mpirun, but MPI could not start)");
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  return std::unique_ptr<MpiSweep>(new MpiSweep(rank, size));
}

MpiSweep::~MpiSweep() {
  if (rank_ == 0 && !coordinated_) stop_other_ranks();
  MPI_Finalize();
}

void MpiSweep::stop_other_ranks() {
  // Each rank > 0 starts with kReady and then waits for its answer.
  for (int r = 1; r < size_; ++r) {
    MPI_Status probed;
    MPI_Probe(r, kToRoot, MPI_COMM_WORLD, &probed);
    receive_probed(probed);
    send_to_rank(r, kStop);
  }
}

Result<SweepSummary> MpiSweep::coordinate(const SweepGrid& grid, const std::set<std::string>& done,
                                          const SweepOptions& options) {
  coordinated_ = true;
  StopSignals signals;
  const auto start = std::chrono::steady_clock::now();
  SweepSummary summary;
  const std::vector<std::uint64_t> to_run = plan_sweep(grid, done, options, summary.progress);
  Coordinator c{options, summary, to_run};
  c.ranks_left = size_ - 1;
  SweepPool pool(grid, options, signals);
  const auto jobs = static_cast<std::size_t>(std::max(1, options.jobs));
  while (pool.running() > 0 || c.ranks_left > 0 || (!c.stop && c.next < to_run.size())) {
    if (stop_signal() && !c.stop) c.stop = stop_signal();
    if (c.stop) pool.kill_all();
    for (; !c.stop && c.next < to_run.size() && pool.running() < jobs; ++c.next)
      SMPC_RETURN_IF_ERROR(pool.start(to_run[c.next]));
    const bool served = c.serve_ranks();
    // Short waits while other ranks may ask for work: a point of a small sweep takes ~20 ms.
    const int wait_ms = served ? 0 : (c.ranks_left > 0 ? 2 : 100);
    for (const auto& row : pool.collect(wait_ms, c.stop)) c.count_row(row);
    summary.progress.wall_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  summary.signal = c.stop ? c.stop : stop_signal();
  return summary;
}

int MpiSweep::serve(const SweepGrid& grid, const SweepOptions& options) {
  StopSignals signals;
  SweepPool pool(grid, options, signals);
  send_to_root(kReady);
  for (;;) {
    std::uint64_t index = kStop;
    MPI_Recv(&index, 1, MPI_UINT64_T, 0, kToRank, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (index == kStop) return 0;
    if (stop_signal()) {  // came while this rank waited for its point
      send_to_root(kStopped);
      return 128 + stop_signal();
    }
    std::vector<Ordered> rows;
    int stop = 0;
    if (auto started = pool.start(index); !started.ok()) {
      rows.push_back(sweep_problem_row(grid, sweep_point(grid, index), "error",
                                       started.message(), options.run));
    }
    while (pool.running() > 0)
      for (auto& row : pool.collect(100, stop)) rows.push_back(std::move(row));
    if (stop || rows.empty()) {
      send_to_root(kStopped);
      return 128 + (stop ? stop : SIGINT);
    }
    send_to_root(kRow, rows.front().dump());
  }
}

}  // namespace smpc
