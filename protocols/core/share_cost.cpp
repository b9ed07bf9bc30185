#include "protocols/core/share_cost.h"

#include <algorithm>
#include <vector>

namespace smpc {
namespace {

// After everybody sent at round sent[q], what each party has seen from the others.
std::vector<std::uint32_t> seen_after(const std::vector<std::uint32_t>& sent) {
  std::vector<std::uint32_t> seen(sent.size(), 0);
  for (std::size_t p = 0; p < sent.size(); ++p)
    for (std::size_t q = 0; q < sent.size(); ++q)
      if (q != p) seen[p] = std::max(seen[p], sent[q]);
  return seen;
}

}  // namespace

void add_per_party_messages(ExactCost& e, const std::string& label, const Circuit& c,
                            int parties, WiresOf wires_of) {
  for (PartyId p = 0; p < parties; ++p)
    if (const auto k = (c.*wires_of)(p).size(); k > 0)
      e.bytes[label] += static_cast<std::uint64_t>(parties - 1) * field_message_bytes(k);
}

std::uint32_t share_layers_open_rounds(const Circuit& c, int parties, std::size_t layers) {
  const auto n = static_cast<std::size_t>(parties);
  std::vector<std::uint32_t> sent(n, 0);
  for (std::size_t p = 0; p < n; ++p)
    if (!c.input_wires_of(static_cast<PartyId>(p)).empty()) sent[p] = 1;
  std::uint32_t rounds = *std::max_element(sent.begin(), sent.end());
  auto seen = seen_after(sent);
  for (std::size_t l = 0; l < layers; ++l) {
    for (std::size_t p = 0; p < n; ++p) sent[p] = seen[p] + 1;
    seen = seen_after(sent);
    rounds = std::max(rounds, *std::max_element(sent.begin(), sent.end()));
  }
  for (std::size_t p = 0; p < n; ++p)
    for (std::size_t r = 0; r < n; ++r)
      if (r != p && !c.output_wires_of(static_cast<PartyId>(r)).empty())
        rounds = std::max(rounds, seen[p] + 1);
  return rounds;
}

}  // namespace smpc
