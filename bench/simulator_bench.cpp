// Simulated messages per wall second: (a) a raw SimGrid mailbox ping-pong between two actors
// (blocking put/get of a pointer, simulated size 14 bytes), (b) the same ping-pong through
// run_simulated (SimNetwork: Message encoding, Meter accounting, eager delivery, envelopes), 14-byte
// Messages (one Z_2^64 element).
//
// SimGrid allows one engine per process, so every iteration runs in a forked child. The child
// times only the ping-pong loop (from the first to the last message of party 0, so engine and
// platform setup, fork and result transfer are excluded from both) and reports it; the
// benchmark uses that as the iteration's manual time. items_per_second = messages per wall
// second (a round trip is 2 messages).
//
// BM_PingPongRatio runs both back to back in every iteration, so that both see the same machine
// load, and reports wall_ratio = SimNetwork msgs/s / raw msgs/s, plus cpu_ratio from the
// children's CPU time (robust to other processes competing for the cores).
#include <benchmark/benchmark.h>
#include <sys/wait.h>
#include <unistd.h>

#include <time.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "protocols/core/message.h"
#include "simulator/raw_baseline.h"
#include "simulator/sim_network.h"

namespace {

using WallClock = std::chrono::steady_clock;

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

struct Timing {
  double wall_s = -1;  // the ping-pong loop, as measured by the work itself
  double cpu_s = -1;   // CPU time of the whole child (setup included)
};

// Runs `work` in a forked child and returns the wall seconds it reports and the child's CPU
// seconds (negative on failure).
Timing in_child(const std::function<double()>& work) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    Timing t;
    t.wall_s = work();
    t.cpu_s = cpu_seconds();
    const ssize_t w = write(fds[1], &t, sizeof t);
    _exit(w == sizeof t ? 0 : 1);
  }
  close(fds[1]);
  Timing t;
  if (read(fds[0], &t, sizeof t) != sizeof t) t = Timing{};
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? t : Timing{};
}

// (a) The raw SimGrid mailbox ping-pong (simulator/raw_baseline.h).
double raw_ping_pong(int round_trips) { return smpc::raw_simgrid_ping_pong_seconds(round_trips); }

// (b) The same exchange through SimNetwork. Party 0 measures its loop and returns the
// nanoseconds as its output (wall time inside a body: benchmark only).
double sim_network_ping_pong(int round_trips) {
  smpc::SimRunOptions options;
  options.network.latency_s = 1e-3;
  options.network.bandwidth_bytes_per_s = 125e6;
  options.deadline_s = 1e9;
  options.fork = false;  // already in a child of our own
  const auto body = [round_trips](smpc::PartyContext& ctx) {
    const auto t0 = WallClock::now();
    const std::vector<std::uint64_t> value{42};
    smpc::Message m;
    m.add_ring64(value);
    for (int i = 0; i < round_trips; ++i) {
      if (ctx.net.self() == 0) {
        ctx.net.send(1, "ping", m);
        ctx.net.recv(1);
      } else {
        ctx.net.send(0, "pong", ctx.net.recv(0));
      }
    }
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(WallClock::now() - t0);
    return smpc::PartyOutput{{static_cast<std::uint64_t>(ns.count())}};
  };
  auto result = smpc::run_simulated(2, options, body);
  if (!result.ok() || result->parties[0].status != smpc::PartyStatus::kOutput) return -1;
  return static_cast<double>(result->parties[0].outputs[0]) * 1e-9;
}

void run(benchmark::State& state, double (*ping_pong)(int)) {
  const int round_trips = static_cast<int>(state.range(0));
  for (auto _ : state) {
    const Timing t = in_child([&] { return ping_pong(round_trips); });
    if (t.wall_s < 0) {
      state.SkipWithError("simulation child failed");
      break;
    }
    state.SetIterationTime(t.wall_s);
  }
  state.SetItemsProcessed(state.iterations() * 2 * round_trips);
}

void BM_PingPongRatio(benchmark::State& state) {
  const int round_trips = static_cast<int>(state.range(0));
  Timing raw_total{0, 0}, sim_total{0, 0};
  for (auto _ : state) {
    const Timing raw = in_child([&] { return raw_ping_pong(round_trips); });
    const Timing sim = in_child([&] { return sim_network_ping_pong(round_trips); });
    if (raw.wall_s < 0 || sim.wall_s < 0) {
      state.SkipWithError("simulation child failed");
      break;
    }
    raw_total.wall_s += raw.wall_s;
    raw_total.cpu_s += raw.cpu_s;
    sim_total.wall_s += sim.wall_s;
    sim_total.cpu_s += sim.cpu_s;
    state.SetIterationTime(raw.wall_s + sim.wall_s);
  }
  const double messages = 2.0 * round_trips * static_cast<double>(state.iterations());
  state.counters["raw_msgs_per_s"] = messages / raw_total.wall_s;
  state.counters["sim_msgs_per_s"] = messages / sim_total.wall_s;
  state.counters["wall_ratio"] = raw_total.wall_s / sim_total.wall_s;
  state.counters["cpu_ratio"] = raw_total.cpu_s / sim_total.cpu_s;
}

void BM_RawSimGridPingPong(benchmark::State& state) { run(state, raw_ping_pong); }
void BM_SimNetworkPingPong(benchmark::State& state) { run(state, sim_network_ping_pong); }

BENCHMARK(BM_RawSimGridPingPong)->Arg(100'000)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SimNetworkPingPong)->Arg(100'000)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PingPongRatio)->Arg(100'000)->UseManualTime()->Unit(benchmark::kMillisecond)
    ->Iterations(10);

}  // namespace

BENCHMARK_MAIN();
