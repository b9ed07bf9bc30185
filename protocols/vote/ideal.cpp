#include "protocols/vote/ideal.h"

namespace smpc::vote {

Circuit election_circuit(const ElectionShape& s) {
  Circuit c;
  c.domain = CircuitDomain::kRing64;
  const auto put = [&c](std::uint64_t v) {
    c.gates.push_back({GateType::kEq, 0, 0, c.num_wires, v});
    return c.num_wires++;
  };
  put(static_cast<std::uint64_t>(s.servers));
  put(static_cast<std::uint64_t>(s.voters));
  put(static_cast<std::uint64_t>(s.candidates));
  put(s.one_of_k ? 1 : 0);
  std::vector<PartyId> receivers;
  for (PartyId p = 0; p < s.servers; ++p) receivers.push_back(p);
  receivers.push_back(s.board());
  std::vector<std::uint32_t> wires;
  for (int i = 0; i < s.candidates; ++i) wires.push_back(put(0));
  c.outputs.push_back({"tally", receivers, wires});
  return c;
}

std::optional<ElectionShape> election_shape(const Circuit& c) {
  if (c.domain != CircuitDomain::kRing64 || !c.inputs.empty() || c.gates.size() < 4)
    return std::nullopt;
  for (std::size_t i = 0; i < 4; ++i)
    if (c.gates[i].type != GateType::kEq) return std::nullopt;
  const auto at = [&c](std::size_t i) { return c.gates[i].constant; };
  if (at(0) < 1 || at(0) > 1000 || at(1) < 1 || at(1) > kMaxVoters || at(2) < 1 ||
      at(2) > kMaxCandidates || at(3) > 1)
    return std::nullopt;
  const ElectionShape s{static_cast<int>(at(0)), static_cast<int>(at(1)), static_cast<int>(at(2)),
                        at(3) == 1};
  // The rest must be exactly the placeholders of this shape.
  if (!(election_circuit(s) == c)) return std::nullopt;
  return s;
}

}  // namespace smpc::vote
