#pragma once
// Shared helpers of the simulator suites (sim_network_test, topology_test): exact-time
// comparison, messages of an exact encoded size, and a run that must succeed.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>

#include "protocols/core/message.h"
#include "simulator/sim_network.h"

namespace smpc::test {

// Simulated times must equal the analytic value to `relative` (plus 1e-12 s absolute, for zero).
inline void expect_time(double actual, double expected, double relative = 1e-12) {
  EXPECT_NEAR(actual, expected, relative * std::abs(expected) + 1e-12)
      << "relative error " << (actual - expected) / (expected == 0 ? 1 : expected);
}

// A message whose encoding is exactly `bytes` long (bytes >= 6, or 1 for the empty message).
inline Message message_of_size(std::size_t bytes, std::uint8_t fill = 0xab) {
  Message m;
  if (bytes == 1) return m;
  if (bytes < 6) throw std::invalid_argument("no message encodes to fewer than 6 bytes but 1");
  m.add_bytes(Bytes(bytes - 6, fill));
  return m;
}

inline RunResult run_ok(int parties, const SimRunOptions& options, const PartyBody& body) {
  auto r = run_simulated(parties, options, body);
  if (!r.ok()) {
    ADD_FAILURE() << r.status().message();
    return {};
  }
  return std::move(r).value();
}

inline PartyOutput out(std::uint64_t v) { return PartyOutput{{v}}; }

}  // namespace smpc::test
