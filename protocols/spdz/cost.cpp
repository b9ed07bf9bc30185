#include "protocols/spdz/cost.h"

#include "protocols/core/layer_schedule.h"
#include "protocols/spdz/labels.h"
#include "protocols/fixedpoint/fixed.h"

#include <algorithm>

#include "protocols/core/status.h"
#include "protocols/ot/kos.h"

namespace smpc {
namespace {

// Step 2 of a fixed-point program (spdz.h "Fixed-point programs"): bytes per label, rounds. A
// product batch opens d of each factor first used there (possibly none); a BitLT level after
// the first (the dealer's bit pairs) d and e of each product; a masked opening one value each.
std::uint32_t add_program_cost(ExactCost& e, const fx::Program& prog, std::uint64_t pairs) {
  namespace L = labels::spdz;
  std::uint32_t taken = 0;
  for (const auto& r : fx::program_rounds(prog)) {
    if (r.bit_pairs) continue;  // the dealer's bit pairs: no round
    ++taken;
    if (r.op == fx::Op::kMul) e.bytes[std::string(L::kOpen)] += pairs * field_message_bytes(r.factors);
    else if (r.products > 0) e.bytes[std::string(L::kOpen)] += pairs * field_message_bytes(2 * r.products);
    if (r.opened > 0)
      e.bytes[std::string(fx::is_mod2m(r.op) ? L::kFxLtz : L::kFxTrunc)] += pairs * field_message_bytes(r.opened);
  }
  return taken;
}

// spdz.h's steps 0-5 with step 4's openings per `masks` (spdz_output_openings, spdz_dealer.h).
ExactCost online_cost(const Circuit& c, int parties, int mac_keys, SpdzOutputMasks masks) {
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
  const auto program = fx::carried_program(c);
  if (program) layers = add_program_cost(e, *program, pairs);
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
  // Step 4: every party sends its shares of all O openings to every other (O output wires with
  // the dealer; with MASCOT a wire of a restricted group counts once per receiver).
  e.bytes[std::string(labels::spdz::kOutput)] =
      pairs * field_message_bytes(spdz_output_openings(c, masks).size());
  e.rounds = layers + 10;
  return e;
}

}  // namespace

ExactCost spdz_cost(const Circuit& c, int parties, int mac_keys) {
  return online_cost(c, parties, mac_keys, SpdzOutputMasks::kPerGroup);
}

ExactCost spdz_roles_cost(const Circuit& c, int parties, int servers, int mac_keys) {
  namespace L = labels::spdz;
  ExactCost e = spdz_cost(c, servers, mac_keys);
  const auto s = static_cast<std::uint64_t>(servers);
  constexpr std::uint64_t kDigestPart = 5 + 32;  // a 32-byte part after the first
  bool receiving_client = false;
  for (PartyId p = servers; p < parties; ++p) {
    const std::size_t in = c.input_wires_of(p).size(), out = c.output_wires_of(p).size();
    if (in == 0 && out == 0) continue;
    e.bytes[std::string(L::kDealerClient)] += s * 38;
    if (in > 0) e.bytes[std::string(L::kClientInput)] += s * (field_message_bytes(in) + kDigestPart);
    if (out > 0) e.bytes[std::string(L::kClientOutput)] += s * (field_message_bytes(out) + kDigestPart);
    receiving_client = receiving_client || out > 0;
  }
  if (receiving_client) ++e.rounds;
  return e;
}

ExactCost mascot_cost(const MascotNeeds& needs, int parties, int mac_keys) {
  namespace L = labels::spdz;
  ExactCost e;
  const auto n = static_cast<std::uint64_t>(parties), k = static_cast<std::uint64_t>(mac_keys);
  const std::uint64_t pairs = n * (n - 1), t = needs.triples;
  const std::string ot(L::kMascotOt);
  e.bytes[std::string(L::kMascotCopeBase)] = pairs * (38 + 6 + 32 * kMascotBits * k);
  e.bytes[ot + ".base"] = pairs * (38 + 4102);
  e.bytes[std::string(L::kMascotCoinCommit)] = pairs * (6 + 4 * 32);
  const std::uint64_t mp = t * kMascotTau * kMascotBits + kKosPadding;
  std::uint64_t extend = 0;
  for (std::uint64_t off = 0; off < mp; off += kIknpBatch)
    extend += 6 + 16 * ((std::min<std::uint64_t>(kIknpBatch, mp - off) + 127) / 128 * 128);
  e.bytes[ot + ".extend"] = pairs * extend;
  e.bytes[ot + ".commit"] = e.bytes[ot + ".seed"] = pairs * 38;
  e.bytes[ot + ".check"] = pairs * 107;
  e.bytes[std::string(L::kMascotMultiply)] = pairs * field_message_bytes(t * kMascotTau * kMascotBits);
  e.bytes[std::string(L::kMascotCoinOpen)] = pairs * 4 * 70;
  std::uint64_t& cope = e.bytes[std::string(L::kMascotCope)];
  for (int p = 0; p < parties; ++p) {
    std::uint64_t v = 1 + 5 * t;
    for (PartyId o : needs.input_owner) v += o == p;
    for (const auto& r : needs.output_receiver) v += r == p;
    cope += (n - 1) * field_message_bytes(kMascotBits * k * v);
  }
  e.bytes[std::string(L::kMascotAuthCheck)] = pairs * field_message_bytes(1);
  e.bytes[std::string(L::kMascotSacrifice)] = e.bytes[std::string(L::kMascotSacrificeZero)] =
      pairs * field_message_bytes(t);
  e.bytes[std::string(L::kMascotMacCheckCommit)] = pairs * (38 + 37);  // σ's commitment, the y echo
  e.bytes[std::string(L::kMascotMacCheckOpen)] = pairs * (43 + 8 * k);
  e.rounds = kMascotRounds;
  return e;
}

ExactCost spdz_mascot_cost(const Circuit& c, int parties, int mac_keys) {
  ExactCost e = online_cost(c, parties, mac_keys, SpdzOutputMasks::kPerReceiver);
  const MascotNeeds needs = mascot_needs(c);
  e.bytes.erase(std::string(labels::spdz::kDealerCommit));
  e.bytes.erase(std::string(labels::spdz::kDealerSeed));
  for (const auto& [label, b] : mascot_cost(needs, parties, mac_keys).bytes) e.bytes[label] += b;
  // The dealer's two rounds before the input become MASCOT's rounds and the round of the
  // MACCheck seed commitments, which MASCOT's last round now precedes.
  e.rounds = e.rounds - 2 + kMascotRounds + 1;
  return e;
}

}  // namespace smpc
