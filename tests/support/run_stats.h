// Small readers of a finished run for cost assertions, and the body that runs one protocol on
// a generated circuit case (tests/support/random_circuit.h).
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>

#include "protocols/core/protocol.h"
#include "protocols/core/run_result.h"
#include "tests/support/random_circuit.h"

namespace smpc::testing {

// Bytes sent under each label, summed over the parties.
inline std::map<std::string, std::uint64_t> bytes_by_label(const RunResult& r) {
  std::map<std::string, std::uint64_t> bytes;
  for (const auto& p : r.parties)
    for (const auto& [label, s] : p.meter.by_label) bytes[label] += s.traffic.bytes;
  return bytes;
}

// The run's causal rounds: the largest round any party reached.
inline std::uint32_t max_round(const RunResult& r) {
  std::uint32_t rounds = 0;
  for (const auto& p : r.parties) rounds = std::max(rounds, p.meter.max_round);
  return rounds;
}

// Each party runs `protocol` on its input of `cc` (both must outlive the run).
inline PartyBody body_of(const Protocol& protocol, const CircuitCase& cc) {
  return [&](PartyContext& ctx) {
    return protocol.run(ctx, cc.inputs[static_cast<std::size_t>(ctx.net.self())]);
  };
}

}  // namespace smpc::testing
