// LocalNetwork: every party in its own thread, messages through in-memory queues. For fast unit
// tests of protocol logic; it has no notion of simulated time (the clock is wall time since the
// start, used only for the receive timeout). Costs are accounted exactly as on SimNetwork.
#pragma once

#include <cstdint>

#include "protocols/core/run_result.h"

namespace smpc {

struct LocalRunOptions {
  std::uint64_t seed = 1;
  double timeout_s = 60;  // a recv waiting longer than this throws Abort(kTimeout)
};

RunResult run_local(int parties, const LocalRunOptions& options, const PartyBody& body);

}  // namespace smpc
