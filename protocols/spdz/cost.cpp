#include "protocols/spdz/cost.h"

#include "protocols/core/layer_schedule.h"
#include "protocols/spdz/labels.h"

namespace smpc {

ExactCost spdz_cost(const Circuit& c, int parties, int mac_keys) {
  ExactCost e;
  const auto n = static_cast<std::uint64_t>(parties);
  const std::uint64_t pairs = n * (n - 1);
  // Step 0: commitments to the dealer contributions (32 bytes + header), their openings (64 +
  // header) and the commitments to both MACCheck seeds.
  e.bytes[std::string(labels::spdz::kDealerCommit)] = 38 * pairs;
  e.bytes[std::string(labels::spdz::kDealerSeed)] = 70 * pairs;
  e.bytes[std::string(labels::spdz::kCoinCommit)] = 70 * pairs;
  // Step 1: each owner opens ε to the n − 1 others.
  add_per_party_messages(e, std::string(labels::spdz::kInput), c, parties, &Circuit::input_wires_of);
  // Step 2: d and e of every gate of a layer, in one message per ordered pair.
  std::uint32_t layers = 0;
  for (const auto& l : layer_schedule(c)) {
    if (l.nonlinear.empty()) continue;
    e.bytes[std::string(labels::spdz::kOpen)] += pairs * field_message_bytes(2 * l.nonlinear.size());
    ++layers;
  }
  // Steps 3 and 5: two MACChecks (the input check only in the first).
  e.bytes[std::string(labels::spdz::kCoinOpen)] = 2 * 70 * pairs;
  e.bytes[std::string(labels::spdz::kInputCheck)] = 38 * pairs;
  e.bytes[std::string(labels::spdz::kMacCheckCommit)] = 2 * 38 * pairs;
  e.bytes[std::string(labels::spdz::kMacCheckOpen)] = 2 * (43 + 8 * static_cast<std::uint64_t>(mac_keys)) * pairs;
  // Step 4: every party sends its shares of all O output wires to every other.
  e.bytes[std::string(labels::spdz::kOutput)] = pairs * field_message_bytes(c.output_count());
  e.rounds = layers + 10;
  return e;
}

}  // namespace smpc
