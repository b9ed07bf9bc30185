#include "protocols/sum/cost.h"

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

ExactCost secure_sum_cost(const Circuit& c, int parties) {
  ExactCost e;
  const auto peers = static_cast<std::uint64_t>(parties - 1);
  for (PartyId p = 0; p < parties; ++p) {
    if (const auto ip = c.input_wires_of(p).size(); ip > 0)
      e.bytes["sum.share"] += peers * field_message_bytes(ip);
    if (const auto op = c.output_wires_of(p).size(); op > 0)
      e.bytes["sum.open"] += peers * field_message_bytes(op);
  }
  e.rounds = share_layers_open_rounds(c, parties, 0);
  return e;
}

}  // namespace smpc
