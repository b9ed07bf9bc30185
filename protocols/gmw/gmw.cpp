#include "protocols/gmw/gmw.h"

#include <algorithm>
#include <numeric>

#include "protocols/core/extraction.h"
#include "protocols/core/linear_shares.h"
#include "protocols/core/mutants.h"
#include "protocols/core/protocol_spec.h"
#include "protocols/gmw/bit_triples.h"
#include "protocols/ot/iknp.h"
#include "protocols/gmw/labels.h"

namespace smpc {
namespace {

GmwPlan make_plan(Circuit circuit, int servers) {
  SMPC_ASSERT(circuit.domain == CircuitDomain::kBoolean && servers >= 0);
  GmwPlan plan;
  plan.servers = servers;
  plan.layers = layer_schedule(circuit);
  plan.and_count = circuit.count(GateType::kAnd);
  plan.circuit = std::move(circuit);
  return plan;
}

std::vector<bool> read_bits(const Message& m, std::size_t count) {
  m.expect_parts(1);
  return m.bits(0, count);
}

// The computing parties of a run: 0..n-1 (with roles the servers, else everyone).
int computing_parties(const GmwPlan& plan, const Channel& net) {
  return plan.servers > 0 ? plan.servers : net.party_count();
}

std::vector<std::uint8_t> input_bits(const PartyInput& input, std::size_t count) {
  SMPC_ASSERT(input.values.size() == count);
  std::vector<std::uint8_t> own(count);
  for (std::size_t k = 0; k < count; ++k) {
    SMPC_ASSERT(input.values[k] <= 1);
    own[k] = static_cast<std::uint8_t>(input.values[k]);
  }
  return own;
}

// Step 1 (input sharing): random shares for every other computing party, the XOR of the rest
// for us; then our shares of every other dealer's inputs (servers and clients alike).
void share_inputs(const Circuit& c, int n, PartyContext& ctx, const PartyInput& input,
                  std::vector<std::uint8_t>& wire) {
  Channel& net = ctx.net;
  const PartyId me = net.self();
  const auto my_wires = c.input_wires_of(me);
  // With roles the XOR of the servers' records is each input (the additive extractor's sum).
  if (n < net.party_count()) {
    std::vector<PartyId> holders(static_cast<std::size_t>(n));
    std::iota(holders.begin(), holders.end(), 0);
    record_input_phase_list(ctx, "holders", holders);
  }
  if (!my_wires.empty()) {
    std::vector<std::uint8_t> own = input_bits(input, my_wires.size());
    for (PartyId j : other_parties(n, me)) {
      const auto share = random_bits(ctx.rng, my_wires.size());
      for (std::size_t k = 0; k < share.size(); ++k) own[k] ^= share[k] ? 1 : 0;
      net.send(j, labels::gmw::kInput, Message().add_bits(share));
    }
    for (std::size_t k = 0; k < my_wires.size(); ++k) wire[my_wires[k]] = own[k];
    record_input_phase(ctx, "shares", me, std::vector<std::uint64_t>(own.begin(), own.end()));
  }
  for (PartyId p : other_parties(net.party_count(), me)) {
    const auto wires = c.input_wires_of(p);
    if (wires.empty()) continue;
    const auto share = read_bits(net.recv(p), wires.size());
    for (std::size_t k = 0; k < wires.size(); ++k) wire[wires[k]] = share[k] ? 1 : 0;
    record_input_phase(ctx, "shares", p, std::vector<std::uint64_t>(share.begin(), share.end()));
  }
}

// Step 2a-b for the m AND gates of one layer, with the triples from `next_triple` on; the n
// computing parties exchange their openings.
void and_layer(const Circuit& c, int n, const CircuitLayer& layer, const BitTriples& triples,
               std::size_t next_triple, Channel& net, std::vector<std::uint8_t>& wire) {
  const std::uint8_t first = net.self() == 0 ? 1 : 0;  // party 0 carries the d·e term
  const std::size_t m = layer.nonlinear.size();
  // 2a: open d_i = x_i ⊕ a_i and e_i = y_i ⊕ b_i for the whole layer in one message.
  std::vector<std::uint8_t> d(m), e(m);
  std::vector<bool> opening(2 * m);
  for (std::size_t k = 0; k < m; ++k) {
    const Gate& g = c.gates[layer.nonlinear[k]];
    d[k] = wire[g.in0] ^ triples.a[next_triple + k];
    e[k] = wire[g.in1] ^ triples.b[next_triple + k];
    opening[k] = d[k] != 0;
    opening[m + k] = e[k] != 0;
  }
  const Message mine = Message().add_bits(opening);
  for (PartyId j : other_parties(n, net.self())) net.send(j, labels::gmw::kAnd, mine);
  for (PartyId p : other_parties(n, net.self())) {
    const auto bits = read_bits(net.recv(p), 2 * m);
    for (std::size_t k = 0; k < m; ++k) {
      d[k] ^= bits[k] ? 1 : 0;
      e[k] ^= bits[m + k] ? 1 : 0;
    }
  }
  // 2b: z_i = c_i ⊕ d·b_i ⊕ e·a_i ⊕ [i = 0]·d·e.
  for (std::size_t k = 0; k < m; ++k) {
    const std::size_t t = next_triple + k;
    wire[c.gates[layer.nonlinear[k]].out] = triples.c[t] ^ (d[k] & triples.b[t]) ^
                                            (e[k] & triples.a[t]) ^ (first & d[k] & e[k]);
  }
}

// Step 3 (outputs): each computing party's shares of r's output wires go to r (with roles a
// server or a client), who XORs all of them with its own (a client holds none).
PartyOutput reconstruct_outputs(const Circuit& c, int n, Channel& net,
                                const std::vector<std::uint8_t>& wire) {
  const PartyId me = net.self();
  for (PartyId r : other_parties(net.party_count(), me)) {
    const auto wires = c.output_wires_of(r);
    if (wires.empty() || me >= n) continue;
    std::vector<bool> shares(wires.size());
    for (std::size_t k = 0; k < wires.size(); ++k) shares[k] = wire[wires[k]] != 0;
    net.send(r, labels::gmw::kOutput, Message().add_bits(shares));
  }
  PartyOutput out;
  const auto out_wires = c.output_wires_of(me);
  if (out_wires.empty()) return out;
  std::vector<std::uint8_t> value(out_wires.size(), 0);
  if (me < n)
    for (std::size_t k = 0; k < out_wires.size(); ++k) value[k] = wire[out_wires[k]];
  for (PartyId p : other_parties(n, me)) {
    const auto share = read_bits(net.recv(p), out_wires.size());
    for (std::size_t k = 0; k < out_wires.size(); ++k) value[k] ^= share[k] ? 1 : 0;
  }
  out.values.assign(value.begin(), value.end());
  return out;
}

// The online phase (steps 1-3 of gmw.h), given this party's triple shares, consumed in layer
// order.
PartyOutput gmw_online(const GmwPlan& plan, PartyContext& ctx, const PartyInput& input,
                       const BitTriples& triples) {
  const Circuit& c = plan.circuit;
  SMPC_ASSERT(triples.size() == plan.and_count);
  ctx.meter.set_phase("online");
  const int n = computing_parties(plan, ctx.net);
  count_alloc<std::uint8_t>(c.num_wires);
  std::vector<std::uint8_t> wire(c.num_wires, 0);
  share_inputs(c, n, ctx, input, wire);

  // Step 2 (circuit evaluation), one round per layer of AND gates; 2c: the layer's linear
  // gates, locally (party 0 carries the constants).
  const std::uint8_t first = ctx.net.self() == 0 ? 1 : 0;
  const auto operand = [&wire](std::uint32_t w) { return wire[w]; };
  std::size_t next_triple = 0;
  for (const CircuitLayer& layer : plan.layers) {
    // M103 (seeded bug): the layer's linear gates go uncounted.
    count_layer_gates(layer.nonlinear.size(), mutant_active(Mutant::kM103) ? 0 : layer.linear.size());
    if (!layer.nonlinear.empty()) {
      and_layer(c, n, layer, triples, next_triple, ctx.net, wire);
      next_triple += layer.nonlinear.size();
    }
    for (std::size_t gi : layer.linear) {
      const Gate& g = c.gates[gi];
      wire[g.out] = boolean_linear_value<std::uint8_t>(g, operand, 0, first);
    }
  }
  return reconstruct_outputs(c, n, ctx.net, wire);
}

// A client (roles, docs/applications.md) takes part in step 1 as a dealer only — S shares of
// each input bit, the first S−1 random, the last the XOR of the bit and the others, one
// message to each server — and in step 3 as a receiver only. It holds no triples.
PartyOutput gmw_client(const GmwPlan& plan, PartyContext& ctx, const PartyInput& input) {
  ctx.meter.set_phase("online");
  Channel& net = ctx.net;
  const int n = plan.servers;
  const auto my_wires = plan.circuit.input_wires_of(net.self());
  if (!my_wires.empty()) {
    std::vector<std::uint8_t> last = input_bits(input, my_wires.size());
    // M72 (seeded bug): the last server's share of the last bit leaves the bit out.
    if (mutant_active(Mutant::kM72)) last.back() = 0;
    for (PartyId j = 0; j + 1 < n; ++j) {
      const auto share = random_bits(ctx.rng, my_wires.size());
      for (std::size_t k = 0; k < share.size(); ++k) last[k] ^= share[k] ? 1 : 0;
      net.send(j, labels::gmw::kInput, Message().add_bits(share));
    }
    net.send(n - 1, labels::gmw::kInput, Message().add_bits(std::vector<bool>(last.begin(), last.end())));
  }
  return reconstruct_outputs(plan.circuit, n, net, {});
}

SecurityClaim dishonest_majority_claim(int parties, int servers, const std::string& triples) {
  if (servers > 0)
    return {AdversaryModel::kSemiHonest, servers - 1, OutputGuarantee::kCorrect,
            "semi-honest, up to S-1 = " + std::to_string(servers - 1) + " of S = " +
                std::to_string(servers) + " servers corrupted (dishonest majority), any number "
                "of the " + std::to_string(parties - servers) + " clients, correct output; " +
                triples};
  return {AdversaryModel::kSemiHonest, parties - 1, OutputGuarantee::kCorrect,
          "semi-honest, up to n-1 = " + std::to_string(parties - 1) + " of n = " +
              std::to_string(parties) +
              " parties corrupted (dishonest majority), correct output; " + triples};
}

// Roles (kServersParam, set by the runner): the server count, 0 without roles. GMW needs two
// servers at least: one server would hold every share.
Result<int> roles_servers(const nlohmann::json& params, int parties) {
  if (!params.is_object() || !params.contains(kServersParam)) return 0;
  const int servers = server_count(params, parties);
  if (servers < 2 || servers > parties)
    return Error("/roles/servers: gmw needs at least 2 servers, got " + std::to_string(servers));
  return servers;
}

Status check_gmw_inputs(const char* protocol, const Circuit& c, int parties) {
  if (parties < 2)
    return Error(std::string("/parties: ") + protocol + " needs at least 2 parties, got " +
                 std::to_string(parties));
  if (c.domain != CircuitDomain::kBoolean)
    return Error(std::string("/function: ") + protocol +
                 " evaluates Boolean circuits; this function is over " + domain_name(c.domain) +
                 " (use bgw for arithmetic circuits)");
  if (const Status s = c.validate(parties); !s.ok()) return Error("/function: " + s.message());
  return OkStatus();
}

}  // namespace

// ---------------------------------------------------------------------------------------------

GmwSemiHonest::GmwSemiHonest(Circuit circuit, int servers)
    : plan_(make_plan(std::move(circuit), servers)) {}

SecurityClaim GmwSemiHonest::claim(int parties) const {
  return dishonest_majority_claim(parties, plan_.servers,
                                  "multiplication triples from IKNP oblivious transfer");
}

PartyOutput GmwSemiHonest::run_steps(PartyContext& ctx, const PartyInput& input) const {
  const int n = computing_parties(plan_, ctx.net);
  if (ctx.net.self() >= n) return gmw_client(plan_, ctx, input);
  BitTriples triples;
  if (plan_.and_count > 0) {
    ctx.meter.set_phase("offline");
    triples = ot_bit_triples(ctx, plan_.and_count, "gmw", n);
  }
  return gmw_online(plan_, ctx, input, triples);
}

GmwTrustedDealer::GmwTrustedDealer(Circuit circuit, std::uint64_t dealer_seed, int servers)
    : plan_(make_plan(std::move(circuit), servers)), dealer_seed_(dealer_seed) {}

SecurityClaim GmwTrustedDealer::claim(int parties) const {
  return dishonest_majority_claim(
      parties, plan_.servers, "assumes a trusted dealer that hands out the multiplication triples "
               "(simulated locally, no preprocessing messages: online phase only)");
}

PartyOutput GmwTrustedDealer::run_steps(PartyContext& ctx, const PartyInput& input) const {
  const int n = computing_parties(plan_, ctx.net);
  if (ctx.net.self() >= n) return gmw_client(plan_, ctx, input);
  const BitTriples triples = dealer_bit_triples(dealer_seed_, ctx.net.self(), n, plan_.and_count);
  return gmw_online(plan_, ctx, input, triples);
}

// ---------------------------------------------------------------------------------------------

namespace {

// Causal rounds (meter.h), replayed: a message is stamped 1 + the largest round its sender has
// received. After the offline phase every computing party has received a round-3 correction
// (n ≥ 3); for n = 2 the OT sender (party 0) last received u (round 2) and the receiver only
// the base message (round 1), so party 1's online phase can start in round 2. Clients (parties
// n..N−1 with roles) start at round 0, send inputs to the servers and receive outputs only.
std::uint32_t replay_rounds(int n, const std::vector<std::size_t>& in,
                            const std::vector<std::size_t>& out,
                            const std::vector<std::size_t>& widths, std::uint32_t offline_rounds) {
  const int all = static_cast<int>(in.size());
  std::vector<std::uint32_t> seen(in.size(), 0);
  for (PartyId p = 0; p < n; ++p) seen[p] = offline_rounds;
  if (offline_rounds > 0 && n == 2) seen[1] = 1;
  std::uint32_t top = offline_rounds;
  // Everyone in `senders` (that has something to send) sends to every other server.
  const auto round = [&](int senders, const auto& sends) {
    std::vector<std::uint32_t> next = seen;
    for (PartyId p = 0; p < senders; ++p) {
      if (!sends(p)) continue;
      const std::uint32_t stamp = seen[p] + 1;
      top = std::max(top, stamp);
      for (PartyId j = 0; j < n; ++j)
        if (j != p) next[j] = std::max(next[j], stamp);
    }
    seen = next;
  };
  round(all, [&](PartyId p) { return in[p] > 0; });
  for (std::size_t l = 0; l < widths.size(); ++l) round(n, [](PartyId) { return true; });
  for (PartyId p = 0; p < n; ++p)
    for (PartyId r = 0; r < all; ++r)
      if (r != p && out[r] > 0) top = std::max(top, seen[p] + 1);
  return top;
}

}  // namespace

GmwCost gmw_cost(const Circuit& c, int parties, GmwPreprocessing preprocessing, int servers) {
  const int n = servers > 0 ? servers : parties;  // the computing parties
  const auto np = static_cast<std::size_t>(parties);
  GmwCost cost;
  cost.link_bytes.assign(np, std::vector<std::uint64_t>(np, 0));
  const auto add = [&](std::string_view label, PartyId from, PartyId to, std::uint64_t b) {
    cost.bytes[std::string(label)] += b;
    cost.messages[std::string(label)] += 1;
    cost.link_bytes[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)] += b;
  };
  const auto bits_message = [](std::size_t bits) -> std::uint64_t { return 6 + (bits + 7) / 8; };
  const std::size_t and_count = c.count(GateType::kAnd);

  if (preprocessing == GmwPreprocessing::kOt && and_count > 0) {
    // One IKNP instance per pair {s → r} (bit_triples.h), 2 OTs per triple.
    for (PartyId s = 0; s < n; ++s) {
      for (PartyId r = 0; r < n; ++r) {
        if (!triple_ot_sender(s, r, n)) continue;
        add(labels::gmw::kOtBase, r, s, 6 + 32);               // one point
        add(labels::gmw::kOtBase, s, r, 6 + 32 * kIknpKappa);  // κ points
        for (std::size_t off = 0; off < 2 * and_count; off += kIknpBatch) {
          const std::size_t mb = std::min(kIknpBatch, 2 * and_count - off);
          add(labels::gmw::kOtExtend, r, s, 6 + 16 * ((mb + 127) / 128 * 128));
        }
        if (n > 2) add(labels::gmw::kTripleFix, s, r, bits_message(2 * and_count));
      }
    }
    cost.offline_rounds = n == 2 ? 2 : 3;
  }

  std::vector<std::size_t> in(np), out(np);
  for (PartyId p = 0; p < parties; ++p) {
    in[p] = c.input_wires_of(p).size();
    out[p] = c.output_wires_of(p).size();
  }
  for (PartyId p = 0; p < parties; ++p)
    for (PartyId j = 0; j < n && in[p] > 0; ++j)
      if (j != p) add(labels::gmw::kInput, p, j, bits_message(in[p]));
  std::vector<std::size_t> widths;
  for (const CircuitLayer& l : layer_schedule(c))
    if (!l.nonlinear.empty()) widths.push_back(l.nonlinear.size());
  for (std::size_t m : widths)
    for (PartyId p = 0; p < n; ++p)
      for (PartyId j = 0; j < n; ++j)
        if (j != p) add(labels::gmw::kAnd, p, j, bits_message(2 * m));
  for (PartyId r = 0; r < parties; ++r)
    for (PartyId p = 0; p < n && out[r] > 0; ++p)
      if (p != r) add(labels::gmw::kOutput, p, r, bits_message(out[r]));

  cost.rounds = replay_rounds(n, in, out, widths, cost.offline_rounds);
  cost.online_rounds = cost.rounds - cost.offline_rounds;
  return cost;
}

// ---------------------------------------------------------------------------------------------

Result<std::unique_ptr<Protocol>> make_gmw(const nlohmann::json& params, const Circuit& c,
                                           int parties) {
  SMPC_RETURN_IF_ERROR(check_gmw_inputs("gmw", c, parties));
  if (params.is_object())
    for (const auto& [key, value] : params.items())
      if (key != "name" && key != kServersParam)
        return Error("/protocol/" + key +
                     ": not a parameter of gmw (it takes none; for dealer triples use "
                     "protocol gmw_dealer)");
  SMPC_ASSIGN_OR_RETURN(const int servers, roles_servers(params, parties));
  return std::unique_ptr<Protocol>(std::make_unique<GmwSemiHonest>(c, servers));
}

Result<std::unique_ptr<Protocol>> make_gmw_dealer(const nlohmann::json& params, const Circuit& c,
                                                  int parties) {
  SMPC_RETURN_IF_ERROR(check_gmw_inputs("gmw_dealer", c, parties));
  std::uint64_t seed = 0;
  if (params.is_object()) {
    for (const auto& [key, value] : params.items()) {
      if (key == "name" || key == kServersParam) continue;
      if (key != "dealer_seed")
        return Error("/protocol/" + key +
                     ": not a parameter of gmw_dealer (it takes: dealer_seed)");
      if (!value.is_number_unsigned() &&
          !(value.is_number_integer() && value.get<long long>() >= 0))
        return Error("/protocol/dealer_seed: must be a non-negative integer, got " + value.dump());
      seed = value.get<std::uint64_t>();
    }
  }
  SMPC_ASSIGN_OR_RETURN(const int servers, roles_servers(params, parties));
  return std::unique_ptr<Protocol>(std::make_unique<GmwTrustedDealer>(c, seed, servers));
}

}  // namespace smpc
