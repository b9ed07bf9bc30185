#include "verify/oracle.h"

namespace smpc {

Result<std::vector<std::vector<std::uint64_t>>> ideal_outputs(
    const Circuit& circuit, const std::vector<PartyInput>& inputs) {
  // Split each party's values back into its input groups.
  std::vector<std::size_t> next(inputs.size(), 0);
  std::vector<std::vector<std::uint64_t>> groups;
  for (const auto& g : circuit.inputs) {
    const auto p = static_cast<std::size_t>(g.owner);
    if (p >= inputs.size() || next[p] + g.wires.size() > inputs[p].values.size())
      return Error("party " + std::to_string(g.owner) + " has too few input values");
    groups.emplace_back(inputs[p].values.begin() + static_cast<std::ptrdiff_t>(next[p]),
                        inputs[p].values.begin() + static_cast<std::ptrdiff_t>(next[p] + g.wires.size()));
    next[p] += g.wires.size();
  }
  SMPC_ASSIGN_OR_RETURN(auto all, evaluate(circuit, groups));
  std::vector<std::vector<std::uint64_t>> expected(inputs.size());
  std::size_t k = 0;
  for (const auto& g : circuit.outputs) {
    for (std::size_t w = 0; w < g.wires.size(); ++w, ++k)
      for (PartyId p = 0; p < static_cast<PartyId>(inputs.size()); ++p)
        if (g.delivered_to(p)) expected[static_cast<std::size_t>(p)].push_back(all[k]);
  }
  return expected;
}

}  // namespace smpc
