// SimNetwork: runs one actor per party inside the SimGrid discrete-event simulator, on a
// platform built from the scenario's network spec. The ONLY code that includes SimGrid lives
// in simulator/.
//
// Timing model (see docs/simulator.md): CM02 with cross-traffic off by default, so a message
// of B bytes over one link of latency L and bandwidth W takes exactly L + B/W simulated
// seconds (SimGrid's default LV08 multiplies latency by 13.01). Delivery is eager: every party
// keeps a receive posted on each incoming mailbox, so transfers never wait for the protocol to
// call recv (SimGrid mailboxes are rendezvous). Sends never block on the transfer.
#pragma once

#include <signal.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "protocols/core/cost_profile.h"
#include "protocols/core/run_result.h"
#include "protocols/core/status.h"
#include "simulator/topology.h"
#include "simulator/variation.h"

namespace smpc {

enum class NetworkModel {
  kCM02,  // configured latency and bandwidth mean what they say (default)
  kLV08,  // SimGrid's calibrated TCP model (latency × 13.01, bandwidth × 0.97)
  kNS3,   // SimGrid's ns-3 binding: packet-level TCP (full_mesh only; docs/simulator.md)
};
const char* topology_name(Topology t);
const char* network_model_name(NetworkModel m);

// A per-link override: the link from `from` to `to` (full mesh; ring and tree: an edge's
// direction from -> to), or the up/down links of party `from` (star, `to` = -1).
struct LinkOverride {
  PartyId from = 0;
  PartyId to = 0;
  double latency_s = 0;
  double bandwidth_bytes_per_s = 0;
  // (Default initializers: the many {from, to, latency, bandwidth} initializers stay valid
  // under -Wmissing-field-initializers.)
  LinkTraces traces = {};                  // this link's own (null: the network-wide one)
  std::optional<Jitter> jitter = std::nullopt;  // this link's own, replacing the network's
  std::optional<Loss> loss = std::nullopt;
};

struct NetworkSpec {
  Topology topology = Topology::kFullMesh;
  NetworkModel model = NetworkModel::kCM02;
  double latency_s = 0.001;               // per link (one hop)
  double bandwidth_bytes_per_s = 125e6;   // per link (1 Gbit/s)
  std::vector<LinkOverride> overrides;    // full_mesh, star, ring and tree only
  TopologySpec shape;                     // what the other topologies need (topology.h)
  HostLinks host_links;                   // per-party NIC capacities (off by default)
  std::vector<Fault> faults;              // crashes and cuts at simulated times
  Variation variation;                    // seeded jitter and loss per message (off by default)
  LinkTraces traces;                      // network-wide latency/bandwidth over time (none)

  // (A message's jitter and loss: PlatformPlan::route_variation, from the links' own settings.)
};

// How far a forked simulation has got, read while it runs (all counts so far, over all parties).
struct SimProgress {
  double wall_s = 0;                 // wall-clock seconds since the child started
  double simulated_time_s = 0;       // simulated clock at the last send or delivery
  std::uint64_t messages_sent = 0;
  std::uint64_t messages_delivered = 0;  // taken out of the network by a receive
  std::uint32_t rounds = 0;          // largest causal round stamped on a message so far
};

struct SimRunOptions {
  std::uint64_t seed = 1;
  NetworkSpec network;
  // Computation as simulated time (cost_profile.h): in the "ops" model each party's counted
  // operations since its last network call advance its clock before the next send, receive
  // or sleep, and before it finishes. Counts are recorded in every model.
  ComputeSpec compute;
  double deadline_s = 60;  // absolute simulated time after which recv gives up (Abort kTimeout)
  // Record the run's timeline in RunResult::trace (every message's send, arrival and delivery
  // time, compute, wait and sleep spans, phase changes) for `smpc run --trace`. Off by
  // default: it costs memory per message. Recording changes nothing in the simulation.
  bool record_trace = false;
  bool verbose = false;    // SimGrid's own log; silent (critical only) by default
  // A star without cuts becomes SimGrid's star zone (routes per host, O(n) memory); off, the
  // same routes per ordered pair in a full zone, as before issue 17 (O(n^2): 6.6 GB at 3,001
  // parties). The run is the same either way; off only to show that in a test.
  bool star_zone = true;
  // Run the simulation in a forked child process (SimGrid keeps one Engine per process).
  // Leave on; off only for a process that runs exactly one simulation.
  bool fork = true;
  // Called in the calling process (never in the simulation) while a forked simulation runs:
  // first after progress_interval_s wall seconds, then at most once per interval. The child
  // only bumps counters in memory shared with the parent, so wall-clock time never reaches the
  // simulation, and a run with or without progress is the same run. Not called without fork.
  std::function<void(const SimProgress&)> progress;
  double progress_interval_s = 2;
};

// Runs `body` for every party and returns each party's outcome and meter, and the simulated
// time at which the last party finished. An error only when the simulation itself failed
// (child process crashed); protocol aborts are outcomes, not errors.
Result<RunResult> run_simulated(int parties, const SimRunOptions& options, const PartyBody& body);

// SIGINT, SIGTERM or SIGHUP received while the last forked simulation ran (0: none). The child
// was killed and run_simulated returned "interrupted by SIG…"; the caller writes what it has.
int stop_signal();

// While alive, SIGINT, SIGTERM and SIGHUP only record themselves for stop_signal() (reset to 0
// on construction); the previous handlers come back on destruction or restore(), which a forked
// child calls to take the signals' default action itself. Used around a forked simulation, and
// by `smpc sweep` around its pool of run processes.
class StopSignals {
 public:
  StopSignals();
  ~StopSignals() { restore(); }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  void restore();

 private:
  static constexpr int kSignals[3] = {SIGINT, SIGTERM, SIGHUP};
  struct sigaction old_[3];
};

}  // namespace smpc
