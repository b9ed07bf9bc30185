// What one point of `smpc sweep` costs in its run process, split in two: the machinery alone
// (expand the point, fork, the child writes a JSON row on a pipe and exits, the parent reads,
// parses and reaps it) and the same with the run itself in the child (secure sum, 5 parties, LAN:
// load, resolve, simulate in-process, judge, record, row). Their ratio is the machinery's share
// of a small run (docs/performance.md, "Sweeps"; the issue asks for below 10%).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "scenarios/runner.h"
#include "scenarios/sweep.h"

namespace {

const smpc::SweepGrid& grid() {
  static const smpc::SweepGrid g = [] {
    const std::string path = "/tmp/smpc-bench-sweep-grid.json";
    std::ofstream(path) << R"({"base": ")" SMPC_SOURCE_DIR
                           R"(/scenarios/examples/sum_5_lan.json", "axes": [{"pointer": "/seed",
                           "range": {"from": 1, "to": 20000, "step": 1}}]})";
    auto loaded = smpc::load_sweep_grid(path);
    if (!loaded.ok()) std::abort();
    return *loaded;
  }();
  return g;
}

// Loaded (20,000 values checked against the schema) before the first timed iteration.
const smpc::SweepGrid& kLoaded = grid();

// CPU seconds and minor page faults of this process and its reaped children so far: on a
// loaded machine the wall time mostly measures waiting for a core, the CPU time what the point
// really costs; on this paravirtualised VM most of that CPU is page faults (docs/performance.md).
struct Usage {
  double cpu_s = 0;
  double faults = 0;
};
Usage usage() {
  Usage total;
  for (const int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
    rusage u{};
    ::getrusage(who, &u);
    total.cpu_s += static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
                   static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
    total.faults += static_cast<double>(u.ru_minflt);
  }
  return total;
}

void count_cpu(benchmark::State& state, const Usage& start) {
  const Usage end = usage();
  const auto n = static_cast<double>(state.iterations());
  state.counters["cpu_ms_per_point"] = benchmark::Counter((end.cpu_s - start.cpu_s) * 1e3 / n);
  state.counters["faults_per_point"] = benchmark::Counter((end.faults - start.faults) / n);
}

// Fork a child that writes row(point) on a pipe; read, parse, reap.
template <typename MakeRow>
void one_point(std::uint64_t index, MakeRow make_row) {
  const smpc::SweepPoint point = smpc::sweep_point(grid(), index);
  int fds[2];
  if (::pipe(fds) != 0) std::abort();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    const std::string line = make_row(point).dump() + "\n";
    if (::write(fds[1], line.data(), line.size()) != static_cast<ssize_t>(line.size())) ::_exit(4);
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string data;
  char buf[1 << 14];
  for (ssize_t r; (r = ::read(fds[0], buf, sizeof buf)) > 0;) data.append(buf, static_cast<std::size_t>(r));
  ::close(fds[0]);
  ::waitpid(pid, nullptr, 0);
  benchmark::DoNotOptimize(nlohmann::ordered_json::parse(data));
}

// The floor under any process-per-run design: fork this (smpc-sized) process, the child exits at
// once, the parent reaps it. No row, no pipe, no JSON.
void BM_ForkExitOnly(benchmark::State& state) {
  const Usage start = usage();
  for (auto _ : state) {
    const pid_t pid = ::fork();
    if (pid == 0) ::_exit(0);
    ::waitpid(pid, nullptr, 0);
  }
  count_cpu(state, start);
}
BENCHMARK(BM_ForkExitOnly)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SweepMachineryOnly(benchmark::State& state) {
  std::uint64_t i = 0;
  const Usage start = usage();
  for (auto _ : state)
    one_point(i++, [](const smpc::SweepPoint& p) {
      return smpc::sweep_problem_row(grid(), p, "error", "no run: the machinery alone", {});
    });
  count_cpu(state, start);
}
BENCHMARK(BM_SweepMachineryOnly)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SweepSmallRun(benchmark::State& state) {
  std::uint64_t i = 0;
  const Usage start = usage();
  for (auto _ : state)
    one_point(i++, [](const smpc::SweepPoint& p) {
      smpc::RunOptions run;
      run.fork_simulation = false;  // as the sweep's run process does
      auto s = smpc::scenario_from_json(p.document, grid().path);
      auto record = smpc::run_scenario(*s, run);
      if (!record.ok()) ::_exit(3);
      return smpc::sweep_row(grid(), p, *record, run);
    });
  count_cpu(state, start);
}
BENCHMARK(BM_SweepSmallRun)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
