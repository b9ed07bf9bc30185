#include "protocols/yao/yao.h"

#include <algorithm>
#include <optional>

#include "protocols/core/abort.h"
#include "protocols/core/extraction.h"
#include "protocols/core/mutants.h"
#include "protocols/crypto/block.h"
#include "protocols/crypto/tccr_hash.h"
#include "protocols/ot/iknp.h"
#include "protocols/yao/labels.h"

namespace smpc {
namespace {

// The blocks of a one-part message, checked for kind and count by the typed reader (which
// throws Abort(kMalformed) blaming the sender); no copy.
const Block* blocks_of(const Message& m, std::size_t count) {
  m.expect_parts(1);
  const MessagePart& p = m.parts()[0];
  if (p.kind != ElementKind::kBlock128 || p.count != count) (void)m.blocks(0, count);
  return reinterpret_cast<const Block*>(p.data.data());
}

std::vector<bool> input_bits(const PartyInput& input, std::size_t expected) {
  SMPC_ASSERT(input.values.size() == expected);
  std::vector<bool> bits(expected);
  for (std::size_t k = 0; k < expected; ++k) {
    SMPC_ASSERT(input.values[k] <= 1);
    bits[k] = input.values[k] == 1;
  }
  return bits;
}

std::uint64_t msg_bytes(std::uint64_t data) { return 6 + data; }

// For input extraction (extract.h): 63 bits of each label, enough to tell W^0, W^1 and
// anything else apart (a collision is a 2^-63 event), and small enough for the run record.
std::vector<std::uint64_t> fingerprints(const std::vector<Block>& labels,
                                        std::span<const std::uint32_t> wires, const Block* xor_with) {
  std::vector<std::uint64_t> out;
  for (auto w : wires) out.push_back(block_lo(xor_with ? block_xor(labels[w], *xor_with) : labels[w]) >> 1);
  return out;
}

// Tweak domain of the output-label hashes (tccr_hash.h: high 64 bits), apart from garbling's
// and OT extension's so no (x, i) pair is ever hashed for two purposes.
constexpr std::uint64_t kTweakYaoOutput = 0x79616f6f'75743031;  // "yaoout01"

// h(W, w): the first 8 bytes of H(W, (kTweakYaoOutput, w)), one per output position k (wire
// wires[k]). 64 bits: a label nobody gave the evaluator matches a given hash with probability
// 2^-64 (H is correlation robust, so H(W ⊕ Δ) says nothing about Δ).
std::uint64_t block_hi(const Block& a) {
  std::uint64_t v = 0;
  for (int i = 15; i >= 8; --i) v = (v << 8) | a[static_cast<std::size_t>(i)];
  return v;
}

std::vector<std::uint64_t> output_hashes(std::span<const Block> labels,
                                         std::span<const std::uint32_t> wires) {
  std::vector<Block> tweaks(labels.size()), h(labels.size());
  for (std::size_t k = 0; k < labels.size(); ++k)
    tweaks[k] = tccr_tweak(kTweakYaoOutput, wires[k]);
  tccr_hash(labels, tweaks, h);
  std::vector<std::uint64_t> out(labels.size());
  for (std::size_t k = 0; k < labels.size(); ++k) out[k] = block_lo(h[k]);
  return out;
}

// Output decoding, in both roles: 0 or 1 as the label matched the 0- or the 1-side, else the
// peer sent something that stands for neither (a tampered table or label), and we abort.
std::uint64_t output_bit(bool is_zero, bool is_one, PartyId peer, const char* whose,
                         std::uint32_t wire, std::size_t k, const char* mismatch) {
  if (is_zero) return 0;
  if (is_one) return 1;
  throw Abort(std::string("yao: ") + whose + " for output wire " + std::to_string(wire) +
                  " (our output bit " + std::to_string(k) + ") " + mismatch,
              {peer}, AbortKind::kCheckFailed);
}

// Step 6a of the garbler: for each of E's output wires one block (h(W^0), h(W^1)), in value
// order, so E learns the bit its label stands for and nothing about the other label.
Message decoding_table(const std::vector<Block>& labels, const std::vector<std::uint32_t>& out_e,
                       const Block& delta) {
  std::vector<Block> both(2 * out_e.size());
  std::vector<std::uint32_t> wires(2 * out_e.size());
  for (std::size_t k = 0; k < out_e.size(); ++k) {
    both[2 * k] = labels[out_e[k]];
    both[2 * k + 1] = block_xor(labels[out_e[k]], delta);
    wires[2 * k] = wires[2 * k + 1] = out_e[k];
  }
  const auto h = output_hashes(both, wires);
  std::vector<Block> table(out_e.size());
  for (std::size_t k = 0; k < out_e.size(); ++k) table[k] = block_from_u64(h[2 * k], h[2 * k + 1]);
  return Message().add_blocks(table);
}

}  // namespace

YaoSemiHonest::YaoSemiHonest(Circuit circuit, PartyId garbler, std::size_t table_chunk_gates)
    : circuit_(std::move(circuit)),
      plan_(GarblingPlan::compile(circuit_)),
      garbler_(garbler),
      chunk_(table_chunk_gates) {
  SMPC_ASSERT(garbler_ == 0 || garbler_ == 1);
  SMPC_ASSERT(chunk_ > 0 && 2 * chunk_ <= 0xffffffffu);
}

SecurityClaim YaoSemiHonest::claim(int /*parties*/) const {
  return {AdversaryModel::kSemiHonest, 1, OutputGuarantee::kCorrect,
          "semi-honest, one of the two parties corrupted (garbler or evaluator), correct output"};
}

PartyOutput YaoSemiHonest::run_steps(PartyContext& ctx, const PartyInput& input) const {
  SMPC_ASSERT(ctx.net.party_count() == 2);
  const bool garbling = ctx.net.self() == garbler_;
  const PartyId evaluator = 1 - garbler_;
  Role role{circuit_.input_wires_of(garbler_), circuit_.input_wires_of(evaluator),
            circuit_.output_wires_of(garbler_), circuit_.output_wires_of(evaluator), {}};
  role.bits = input_bits(input, (garbling ? role.in_g : role.in_e).size());
  return garbling ? run_garbler(ctx, role) : run_evaluator(ctx, role);
}

PartyOutput YaoSemiHonest::run_garbler(PartyContext& ctx, const Role& role) const {
  Channel& net = ctx.net;
  const PartyId me = net.self(), peer = 1 - me;
  const auto& [in_g, in_e, out_g, out_e, x] = role;

  // Step 1: Δ with lsb 1 (point-and-permute), zero-labels of all input wires.
  count_alloc<Block>(plan_.label_slots());
  std::vector<Block> labels(plan_.label_slots());
  Block delta = random_block(ctx.rng);
  delta[0] |= 1;
  std::vector<Block> fresh(in_g.size() + in_e.size());
  random_blocks(ctx.rng, fresh);
  for (std::size_t k = 0; k < in_g.size(); ++k) {
    labels[in_g[k]] = fresh[k];
    // M30 (seeded bug): colour 0 for our zero labels, so the active label W ⊕ x·Δ we send in
    // step 2 carries x in its point-and-permute bit (lsb Δ = 1). Evaluation stays correct.
    if (mutant_active(Mutant::kM30)) labels[in_g[k]][0] &= 0xfe;
  }
  for (std::size_t k = 0; k < in_e.size(); ++k) labels[in_e[k]] = fresh[in_g.size() + k];
  for (PartyId p : {me, peer}) {
    const auto wires = p == me ? in_g : in_e;
    record_input_phase(ctx, "label0", p, fingerprints(labels, wires, nullptr));
    record_input_phase(ctx, "label1", p, fingerprints(labels, wires, &delta));
  }

  // Step 2 (round 1): our active input labels.
  if (!in_g.empty()) {
    std::vector<Block> active(in_g.size());
    for (std::size_t k = 0; k < in_g.size(); ++k)
      active[k] = x[k] ? block_xor(labels[in_g[k]], delta) : labels[in_g[k]];
    net.send(peer, labels::yao::kInputs, Message().add_blocks(active));
  }

  // Steps 3-4 (rounds 1-3): E's labels by OT; we are the IKNP sender.
  if (!in_e.empty()) {
    IknpSender ot(net, peer, ctx.rng, std::string(labels::yao::kOt));
    ot.send_base();
    ot.receive_base();
    std::vector<std::array<Block, 2>> pairs(in_e.size());
    for (std::size_t k = 0; k < in_e.size(); ++k)
      pairs[k] = {labels[in_e[k]], block_xor(labels[in_e[k]], delta)};
    ot.send_chosen(pairs);
  }

  // Step 5 (round 3): garble and stream the tables.
  garble(plan_, delta, labels, chunk_, [&](std::span<const Block> tables) {
    net.send(peer, labels::yao::kTables, Message().add_blocks(tables));
  });

  // Step 6a: the decoding table for E's outputs.
  if (!out_e.empty()) net.send(peer, labels::yao::kDecode, decoding_table(labels, out_e, delta));
  // Step 6b: our outputs from E's labels, each of which must be W^0 or W^1 exactly (E cannot
  // make up the other label without Δ: a 2^-127 guess).
  PartyOutput out;
  if (!out_g.empty()) {
    const Message m = net.recv(peer);
    const Block* got = blocks_of(m, out_g.size());
    for (std::size_t k = 0; k < out_g.size(); ++k) {
      const Block& w0 = labels[out_g[k]];
      out.values.push_back(output_bit(got[k] == w0, got[k] == block_xor(w0, delta), peer,
                                      "the evaluator's label", out_g[k], k,
                                      "is neither of the wire's two labels"));
    }
  }
  return out;
}

PartyOutput YaoSemiHonest::run_evaluator(PartyContext& ctx, const Role& role) const {
  Channel& net = ctx.net;
  const PartyId me = net.self(), peer = 1 - me;
  const auto& [in_g, in_e, out_g, out_e, choices] = role;
  count_alloc<Block>(plan_.label_slots());
  std::vector<Block> labels(plan_.label_slots());

  // Step 3 (round 1): our base-OT message goes out before we receive anything.
  std::optional<IknpReceiver> ot;
  if (!in_e.empty()) {
    ot.emplace(net, peer, ctx.rng, std::string(labels::yao::kOt));
    ot->send_base();
  }
  // Step 2: G's active input labels.
  if (!in_g.empty()) {
    const Message m = net.recv(peer);
    const Block* active = blocks_of(m, in_g.size());
    for (std::size_t k = 0; k < in_g.size(); ++k) labels[in_g[k]] = active[k];
    record_input_phase(ctx, "held", peer, fingerprints(labels, in_g, nullptr));
  }
  // Step 4 (rounds 2-3): our labels W^{x_w} by chosen-message OT.
  if (ot) {
    ot->receive_base();
    const auto mine = ot->receive_chosen(choices);
    for (std::size_t k = 0; k < in_e.size(); ++k) labels[in_e[k]] = mine[k];
    record_input_phase(ctx, "held", me, fingerprints(labels, in_e, nullptr));
  }

  // Step 5: evaluate the tables chunk by chunk as they arrive.
  std::size_t remaining = plan_.ands.size();
  Message chunk;
  evaluate(plan_, labels, [&]() -> std::span<const Block> {
    const std::size_t gates = std::min(chunk_, remaining);
    chunk = net.recv(peer);
    const Block* t = blocks_of(chunk, 2 * gates);
    remaining -= gates;
    return {t, 2 * gates};
  });

  // Step 6a: our outputs: the hash of our label must be h(W^0) or h(W^1); anything else means
  // the tables, our input labels or the hashes were not what an honest garbler sends.
  PartyOutput out;
  if (!out_e.empty()) {
    const Message m = net.recv(peer);
    const Block* table = blocks_of(m, out_e.size());
    std::vector<Block> mine(out_e.size());
    for (std::size_t k = 0; k < out_e.size(); ++k) mine[k] = labels[out_e[k]];
    const auto h = output_hashes(mine, out_e);
    for (std::size_t k = 0; k < out_e.size(); ++k) {
      const std::uint64_t h0 = block_lo(table[k]), h1 = block_hi(table[k]);
      if (mutant_active(Mutant::kM10)) {
        // M10 (seeded bug): no check; whatever is not the 1-label is taken for a 0.
        out.values.push_back(h[k] == h1 ? 1 : 0);
        continue;
      }
      out.values.push_back(output_bit(h[k] == h0 && h0 != h1, h[k] == h1 && h0 != h1, peer,
                                      "our label", out_e[k], k,
                                      "matches neither of the garbler's output hashes"));
    }
  }
  // Step 6b: G's outputs: our labels themselves, which G checks (16 B per wire, not a colour
  // bit, so that a label we did not get cannot be claimed).
  if (!out_g.empty()) {
    std::vector<Block> active(out_g.size());
    for (std::size_t k = 0; k < out_g.size(); ++k) active[k] = labels[out_g[k]];
    net.send(peer, labels::yao::kReveal, Message().add_blocks(active));
  }
  return out;
}

YaoCost yao_cost(const Circuit& c, PartyId garbler, std::size_t chunk) {
  YaoCost cost;
  const PartyId evaluator = 1 - garbler;
  const std::uint64_t ig = c.input_wires_of(garbler).size(),
                      ie = c.input_wires_of(evaluator).size();
  const std::uint64_t og = c.output_wires_of(garbler).size(),
                      oe = c.output_wires_of(evaluator).size();
  const std::uint64_t ands = c.count(GateType::kAnd);
  const auto add = [&cost](std::string_view label, std::uint64_t bytes) {
    cost.bytes[std::string(label)] += bytes;
    cost.messages[std::string(label)] += 1;
  };
  if (ig > 0) add(labels::yao::kInputs, msg_bytes(16 * ig));
  if (ie > 0) {
    add(labels::yao::kOtBase, msg_bytes(32));
    add(labels::yao::kOtBase, msg_bytes(32 * 128));  // κ Naor–Pinkas points
    for (std::uint64_t off = 0; off < ie; off += kIknpBatch) {
      const std::uint64_t m = std::min<std::uint64_t>(kIknpBatch, ie - off);
      add(labels::yao::kOtExtend, msg_bytes(16 * ((m + 127) / 128 * 128)));
      add(labels::yao::kOtMessages, msg_bytes(32 * m));
    }
  }
  for (std::uint64_t off = 0; off < ands; off += chunk)
    add(labels::yao::kTables, msg_bytes(32 * std::min<std::uint64_t>(chunk, ands - off)));
  if (oe > 0) add(labels::yao::kDecode, msg_bytes(16 * oe));
  if (og > 0) add(labels::yao::kReveal, msg_bytes(16 * og));
  const bool garbler_sends = ig > 0 || ie > 0 || ands > 0 || oe > 0;
  cost.rounds = (ie > 0 ? 3u : garbler_sends ? 1u : 0u) + (og > 0 ? 1u : 0u);
  return cost;
}

Result<std::unique_ptr<Protocol>> make_yao(const nlohmann::json& params, const Circuit& c,
                                           int parties) {
  if (parties != 2)
    return Error("/parties: yao is a two-party protocol, got " + std::to_string(parties) +
                 " parties");
  if (c.domain != CircuitDomain::kBoolean)
    return Error(std::string("/function: yao evaluates Boolean circuits; this function is over ") +
                 domain_name(c.domain) + " (use bgw for arithmetic circuits)");
  for (const InputGroup& g : c.inputs)
    if (g.owner != 0 && g.owner != 1)
      return Error("/function: input group '" + g.name + "' belongs to party " +
                   std::to_string(g.owner) + "; yao has parties 0 and 1");
  if (const Status s = c.validate(2); !s.ok()) return Error("/function: " + s.message());
  PartyId garbler = 0;
  if (params.is_object()) {
    for (const auto& [key, value] : params.items()) {
      if (key == "name") continue;
      if (key != "garbler")
        return Error("/protocol/" + key + ": not a parameter of yao (it takes: garbler)");
      if (!value.is_number_integer() ||
          (value.get<long long>() != 0 && value.get<long long>() != 1))
        return Error("/protocol/garbler: must be 0 or 1 (the party that garbles), got " +
                     value.dump());
      garbler = static_cast<PartyId>(value.get<long long>());
    }
  }
  return std::unique_ptr<Protocol>(std::make_unique<YaoSemiHonest>(c, garbler));
}

}  // namespace smpc
