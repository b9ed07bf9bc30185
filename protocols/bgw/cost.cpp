#include "protocols/bgw/cost.h"

#include <algorithm>
#include <vector>

#include "protocols/bgw/bivariate_vss.h"
#include "protocols/bgw/phase_king.h"
#include "protocols/bgw/reshare_plan.h"
#include "protocols/core/layer_schedule.h"
#include "protocols/bgw/labels_robust.h"
#include "protocols/bgw/labels.h"
#include "protocols/fixedpoint/fixed.h"

namespace smpc {
namespace {

// One VSS batch in which dealer D deals per_dealer[D] values: rows, pairwise checks and the
// five broadcasts of bivariate_vss.h, all with empty payloads in an honest run.
void add_vss_batch(ExactCost& e, int parties, int t, const std::vector<std::uint64_t>& per_dealer) {
  const auto n = static_cast<std::uint64_t>(parties), ut = static_cast<std::uint64_t>(t);
  const std::uint64_t pairs = n * (n - 1);
  std::uint64_t total = 0;
  for (auto m : per_dealer) {
    if (m > 0) e.bytes[std::string(labels::bgw_robust::kVssRows)] += (n - 1) * field_message_bytes((ut + 1) * m);
    total += m;
  }
  e.bytes[std::string(labels::bgw_robust::kVssPairwise)] += pairs * field_message_bytes(total);
  const std::uint64_t votes = 6 + 4 * n;  // a vector of n empty payloads
  e.bytes[std::string(labels::bgw_robust::kBcastSend)] += 5 * pairs * 6;
  e.bytes[std::string(labels::bgw_robust::kBcastVote)] += 5 * (ut + 1) * pairs * votes;
  e.bytes[std::string(labels::bgw_robust::kBcastPropose)] += 5 * (ut + 1) * pairs * votes;
  e.bytes[std::string(labels::bgw_robust::kBcastKing)] += 5 * (ut + 1) * (n - 1) * votes;
  e.rounds += static_cast<std::uint32_t>(vss_rounds(t));
}

}  // namespace


namespace {

// A carried fixed-point program (bgw_program.h): step 1's randomness, R2, R3 and the program's
// batches; the inputs and outputs are added by bgw_cost as for circuits.
void add_program_cost(ExactCost& e, const Circuit& c, const fx::Program& prog, int parties) {
  namespace L = labels::bgw;
  const auto n = static_cast<std::uint64_t>(parties);
  const std::uint64_t pairs = n * (n - 1);
  const fx::Needs needs = fx::needs_of(prog);
  const std::size_t bits = needs.bits(prog.params), masks = needs.masks();
  if (bits + masks > 0) {
    e.bytes[std::string(L::kFxRandom)] = pairs * field_message_bytes(bits + masks);
    e.bytes[std::string(L::kFxSquare)] = pairs * field_message_bytes(bits);
    e.bytes[std::string(L::kFxSquareOpen)] = pairs * field_message_bytes(bits);
  }
  // A product round reshares one value per product; a masked opening sends one value each.
  const auto rounds = fx::program_rounds(prog);
  for (const auto& r : rounds) {
    if (r.products > 0) e.bytes[std::string(L::kMultReshare)] += pairs * field_message_bytes(r.products);
    if (r.opened > 0)
      e.bytes[std::string(fx::is_mod2m(r.op) ? L::kFxLtz : L::kFxTrunc)] += pairs * field_message_bytes(r.opened);
  }
  // With randomness every party sends in round 1 and waits for everyone: R2, R3, the batches
  // and the outputs follow one after the other (the inference functions always have an output).
  e.rounds = bits + masks > 0 ? static_cast<std::uint32_t>(rounds.size()) + 4
                              : share_layers_open_rounds(c, parties, rounds.size());
}

}  // namespace

ExactCost bgw_cost(const Circuit& c, int parties) {
  ExactCost e;
  const auto peers = static_cast<std::uint64_t>(parties - 1);
  add_per_party_messages(e, std::string(labels::bgw::kInput), c, parties, &Circuit::input_wires_of);
  add_per_party_messages(e, std::string(labels::bgw::kOutput), c, parties, &Circuit::output_wires_of);
  if (const auto program = fx::carried_program(c)) {
    add_program_cost(e, c, *program, parties);
    return e;
  }
  std::size_t reshare_layers = 0;
  for (const auto& plan : bgw_reshare_plan(c)) {
    if (plan.reshare.empty()) continue;
    e.bytes[std::string(labels::bgw::kMultReshare)] += static_cast<std::uint64_t>(parties) * peers *
                                   field_message_bytes(plan.reshare.size());
    ++reshare_layers;
  }
  e.rounds = share_layers_open_rounds(c, parties, reshare_layers);
  return e;
}

namespace {

// The messages of an honest run with roles, as (sender, receiver, label, bytes), in no order.
template <class Visit>
void visit_roles_messages(const Circuit& c, int parties, int servers, Visit visit) {
  for (PartyId p = 0; p < parties; ++p)
    if (const auto k = c.input_wires_of(p).size(); k > 0)
      for (PartyId s = 0; s < servers; ++s)
        if (s != p) visit(p, s, labels::bgw::kInput, field_message_bytes(k));
  for (const auto& plan : bgw_reshare_plan(c))
    if (!plan.reshare.empty())
      for (PartyId a = 0; a < servers; ++a)
        for (PartyId b = 0; b < servers; ++b)
          if (a != b) visit(a, b, labels::bgw::kMultReshare, field_message_bytes(plan.reshare.size()));
  for (PartyId r = 0; r < parties; ++r)
    if (const auto k = c.output_wires_of(r).size(); k > 0)
      for (PartyId s = 0; s < servers; ++s)
        if (s != r) visit(s, r, labels::bgw::kOutput, field_message_bytes(k));
}

// meter.h's causal rounds: every input dealer sends in round 1; a server's reshare and output
// messages go out one round after the latest it has received (inputs, then each layer's).
std::uint32_t roles_rounds(const Circuit& c, int parties, int servers, std::size_t layers) {
  std::uint32_t dealt = 0, rounds = 0;
  std::vector<std::uint32_t> seen(static_cast<std::size_t>(servers), 0);
  for (PartyId p = 0; p < parties; ++p)
    if (!c.input_wires_of(p).empty()) {
      dealt = 1;
      for (PartyId s = 0; s < servers; ++s)
        if (s != p) seen[static_cast<std::size_t>(s)] = 1;
    }
  rounds = dealt;
  for (std::size_t l = 0; l < layers; ++l) {
    std::vector<std::uint32_t> sent(seen.size());
    for (std::size_t s = 0; s < seen.size(); ++s) sent[s] = seen[s] + 1;
    for (std::size_t s = 0; s < seen.size(); ++s)
      for (std::size_t q = 0; q < seen.size(); ++q)
        if (q != s) seen[s] = std::max(seen[s], sent[q]);
    for (auto r : sent) rounds = std::max(rounds, r);
  }
  for (PartyId r = 0; r < parties; ++r)
    if (!c.output_wires_of(r).empty())
      for (PartyId s = 0; s < servers; ++s)
        if (s != r) rounds = std::max(rounds, seen[static_cast<std::size_t>(s)] + 1);
  return rounds;
}

}  // namespace

std::vector<PartyCost> bgw_roles_party_bytes(const Circuit& c, int parties, int servers) {
  std::vector<PartyCost> out(static_cast<std::size_t>(parties));
  visit_roles_messages(c, parties, servers,
                       [&](PartyId from, PartyId to, std::string_view, std::uint64_t bytes) {
                         out[static_cast<std::size_t>(from)].sent += bytes;
                         out[static_cast<std::size_t>(to)].received += bytes;
                       });
  return out;
}

ExactCost bgw_roles_cost(const Circuit& c, int parties, int servers) {
  ExactCost e;
  std::size_t layers = 0;
  for (const auto& plan : bgw_reshare_plan(c)) layers += plan.reshare.empty() ? 0 : 1;
  visit_roles_messages(c, parties, servers,
                       [&](PartyId, PartyId, std::string_view label, std::uint64_t bytes) {
                         e.bytes[std::string(label)] += bytes;
                       });
  e.rounds = roles_rounds(c, parties, servers, layers);
  return e;
}

namespace {

// Both bgw_robust costs; servers == parties without roles.
ExactCost robust_cost(const Circuit& c, int parties, int servers, int t) {
  ExactCost e;
  const auto n = static_cast<std::uint64_t>(servers);
  const std::uint64_t pairs = n * (n - 1);
  // 1. Input sharing: one batch, dealer p deals its I_p inputs, and (roles) one mask share ω
  // per client input.
  std::uint64_t client_inputs = 0, payload = 0;
  for (PartyId p = servers; p < parties; ++p)
    if (const std::uint64_t k = c.input_wires_of(p).size(); k > 0) {
      client_inputs += k;
      payload += 4 + 8 * k;
      e.bytes[std::string(labels::bgw_robust::kInputMask)] += n * field_message_bytes(k);
      e.bytes[std::string(labels::bgw_robust::kInputMasked)] += n * field_message_bytes(k);
    }
  std::vector<std::uint64_t> inputs;
  for (PartyId p = 0; p < servers; ++p) inputs.push_back(c.input_wires_of(p).size() + client_inputs);
  if (c.input_count() > 0) add_vss_batch(e, servers, t, inputs);
  if (client_inputs > 0) {
    // 1b, 1c: the masks' round, the δ round, and the broadcast of the δ every server received.
    const std::uint64_t vector = 6 + n * (4 + payload), phases = static_cast<std::uint64_t>(t) + 1;
    e.bytes[std::string(labels::bgw_robust::kBcastSend)] += pairs * (6 + payload);
    e.bytes[std::string(labels::bgw_robust::kBcastVote)] += phases * pairs * vector;
    e.bytes[std::string(labels::bgw_robust::kBcastPropose)] += phases * pairs * vector;
    e.bytes[std::string(labels::bgw_robust::kBcastKing)] += phases * (n - 1) * vector;
    e.rounds += static_cast<std::uint32_t>(2 + broadcast_rounds(t));
  }
  // 2. Per layer of m products: c_i, β, γ per gate and one ω from every party, then the
  // challenge and the two robust openings of n·m values.
  for (const auto& l : layer_schedule(c)) {
    const std::uint64_t m = l.nonlinear.size();
    if (m == 0) continue;
    add_vss_batch(e, servers, t, std::vector<std::uint64_t>(n, 3 * m + 1));
    e.bytes[std::string(labels::bgw_robust::kMultChallenge)] += pairs * field_message_bytes(1);
    e.bytes[std::string(labels::bgw_robust::kMultOpenRho)] += pairs * field_message_bytes(n * m);
    e.bytes[std::string(labels::bgw_robust::kMultOpenZ)] += pairs * field_message_bytes(n * m);
    e.rounds += 3;
  }
  // 3. Output: each receiver gets every other server's shares of its outputs.
  for (PartyId r = 0; r < parties; ++r)
    if (const std::uint64_t k = c.output_wires_of(r).size(); k > 0)
      e.bytes[std::string(labels::bgw_robust::kOutput)] +=
          (r < servers ? n - 1 : n) * field_message_bytes(k);
  e.rounds += 1;
  // A label never sent has no entry in a run's meter.
  std::erase_if(e.bytes, [](const auto& kv) { return kv.second == 0; });
  return e;
}

}  // namespace

ExactCost bgw_robust_cost(const Circuit& c, int parties, int t) {
  return robust_cost(c, parties, parties, t);
}

ExactCost bgw_robust_roles_cost(const Circuit& c, int parties, int servers, int t) {
  return robust_cost(c, parties, servers, t);
}

PartyCost bgw_robust_client_bytes(const Circuit& c, int servers, PartyId client) {
  PartyCost out;
  const auto n = static_cast<std::uint64_t>(servers);
  if (const std::size_t k = c.input_wires_of(client).size(); k > 0) {
    out.sent += n * field_message_bytes(k);
    out.received += n * field_message_bytes(k);
  }
  if (const std::size_t k = c.output_wires_of(client).size(); k > 0)
    out.received += n * field_message_bytes(k);
  return out;
}

std::vector<PartyCost> bgw_robust_roles_party_bytes(const Circuit& c, int parties, int servers,
                                                    int t) {
  std::vector<PartyCost> out(static_cast<std::size_t>(parties));
  const auto n = static_cast<std::uint64_t>(servers), ut = static_cast<std::uint64_t>(t);
  // `both` bytes to and from each of the S − 1 other servers, for every server.
  const auto among = [&](std::uint64_t both) {
    for (PartyId s = 0; s < servers; ++s) {
      out[static_cast<std::size_t>(s)].sent += (n - 1) * both;
      out[static_cast<std::size_t>(s)].received += (n - 1) * both;
    }
  };
  // One phase-king broadcast with every payload `len` bytes.
  const auto broadcast = [&](std::uint64_t len) {
    const std::uint64_t vector = 6 + n * (4 + len);
    among(6 + len);                      // send
    among(2 * (ut + 1) * vector);        // vote, propose
    for (PartyId s = 0; s < servers; ++s) {  // king: P_0 .. P_t
      auto& me = out[static_cast<std::size_t>(s)];
      const bool king = static_cast<std::uint64_t>(s) <= ut;
      if (king) me.sent += (n - 1) * vector;
      me.received += (king ? ut : ut + 1) * vector;
    }
  };
  const auto vss_batch = [&](const std::vector<std::uint64_t>& per_dealer) {
    std::uint64_t total = 0;
    for (auto m : per_dealer) total += m;
    for (PartyId d = 0; d < servers; ++d) {
      const std::uint64_t m = per_dealer[static_cast<std::size_t>(d)];
      if (m == 0) continue;
      const std::uint64_t row = field_message_bytes((ut + 1) * m);
      out[static_cast<std::size_t>(d)].sent += (n - 1) * row;
      for (PartyId s = 0; s < servers; ++s)
        if (s != d) out[static_cast<std::size_t>(s)].received += row;
    }
    among(field_message_bytes(total));
    for (int b = 0; b < 5; ++b) broadcast(0);
  };
  std::uint64_t client_inputs = 0, payload = 0;
  for (PartyId p = servers; p < parties; ++p)
    if (const std::uint64_t k = c.input_wires_of(p).size(); k > 0) {
      client_inputs += k;
      payload += 4 + 8 * k;
      for (PartyId s = 0; s < servers; ++s) {
        out[static_cast<std::size_t>(s)].sent += field_message_bytes(k);
        out[static_cast<std::size_t>(s)].received += field_message_bytes(k);
      }
    }
  std::vector<std::uint64_t> inputs;
  for (PartyId p = 0; p < servers; ++p) inputs.push_back(c.input_wires_of(p).size() + client_inputs);
  if (c.input_count() > 0) vss_batch(inputs);
  if (client_inputs > 0) broadcast(payload);
  for (const auto& l : layer_schedule(c)) {
    const std::uint64_t m = l.nonlinear.size();
    if (m == 0) continue;
    vss_batch(std::vector<std::uint64_t>(n, 3 * m + 1));
    among(field_message_bytes(1) + 2 * field_message_bytes(n * m));
  }
  for (PartyId r = 0; r < parties; ++r)
    if (const std::uint64_t k = c.output_wires_of(r).size(); k > 0)
      for (PartyId s = 0; s < servers; ++s)
        if (s != r) {
          out[static_cast<std::size_t>(s)].sent += field_message_bytes(k);
          out[static_cast<std::size_t>(r)].received += field_message_bytes(k);
        }
  // A client's masks in and δ out (its outputs are counted above).
  for (PartyId p = servers; p < parties; ++p)
    if (const std::uint64_t k = c.input_wires_of(p).size(); k > 0) {
      out[static_cast<std::size_t>(p)].sent += n * field_message_bytes(k);
      out[static_cast<std::size_t>(p)].received += n * field_message_bytes(k);
    }
  return out;
}

}  // namespace smpc
