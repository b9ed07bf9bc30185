#include "protocols/rep3/rep3.h"
#include "protocols/rep3/replicated.h"

#include <cstring>
#include <type_traits>

#include "protocols/core/abort.h"
#include "protocols/core/extraction.h"
#include "protocols/core/linear_shares.h"
#include "protocols/core/mutants.h"
#include "protocols/core/protocol_spec.h"
#include "protocols/crypto/prg.h"
#include "protocols/rep3/labels.h"
#include "protocols/rep3/rep3_malicious.h"

namespace smpc::rep3_core {
namespace {

using WordShares = Shares<std::uint64_t>;

}  // namespace

Message elements_message(const Ring& ring, const std::vector<std::uint64_t>& v) {
  if (!ring.boolean) return Message().add_ring64(v);
  std::vector<bool> bits(v.size());
  for (std::size_t k = 0; k < v.size(); ++k) bits[k] = (v[k] & 1) != 0;
  return Message().add_bits(bits);
}

std::vector<std::uint64_t> read_elements(const Ring& ring, const Message& m, std::size_t count) {
  m.expect_parts(1);
  if (!ring.boolean) return m.ring64(0, count);
  const auto bits = m.bits(0, count);
  return {bits.begin(), bits.end()};
}

namespace {

PrgSeed receive_key(Channel& net) {
  const PartyId from = next_of(net.self());
  const Message m = net.recv(from);
  m.expect_parts(1);
  const Bytes b = m.bytes(0);
  PrgSeed key{};
  if (b.size() != key.size())
    throw Abort("rep3.setup: expected a 32-byte PRG key, got " + std::to_string(b.size()) +
                    " bytes",
                {from}, AbortKind::kMalformed);
  std::memcpy(key.data(), b.data(), key.size());
  return key;
}

// Step 1, owner's side: (s_p, s_{p+1}) kept, (s_{p+1}, s_{p+2}) to next, (s_{p+2}, s_p) to prev.
// set(x, first, second) stores our components of wire x.
template <typename Set>
void deal_inputs(const Circuit& c, PartyContext& ctx, const Ring& ring, const PartyInput& input,
                 const Set& set) {
  const PartyId me = ctx.net.self();
  const auto wires = c.input_wires_of(me);
  SMPC_ASSERT(input.values.size() == wires.size());
  if (wires.empty()) return;
  const std::size_t n = wires.size();
  std::vector<std::uint64_t> to_next(2 * n), to_prev(2 * n), kept(2 * n);
  for (std::size_t k = 0; k < n; ++k) {
    SMPC_ASSERT(!ring.boolean || input.values[k] <= 1);
    const std::uint64_t s1 = ring.random(ctx.rng), s2 = ring.random(ctx.rng);
    const std::uint64_t s0 = ring.sub(ring.sub(input.values[k], s1), s2);
    set(wires[k], kept[k] = s0, kept[n + k] = s1);
    to_next[k] = s1;
    to_next[n + k] = to_prev[k] = s2;
    to_prev[n + k] = s0;
  }
  record_input_phase(ctx, "replicated", me, kept);
  ctx.net.send(next_of(me), labels::rep3::kInput, elements_message(ring, to_next));
  ctx.net.send(prev_of(me), labels::rep3::kInput, elements_message(ring, to_prev));
}

// Step 1, receiving side: each other owner's message (servers', then clients' with roles)
// gives our pair of components of its inputs.
template <typename Set>
void receive_inputs(const Circuit& c, int parties, PartyContext& ctx, const Ring& ring,
                    const Set& set) {
  for (PartyId p : other_parties(parties, ctx.net.self())) {
    const auto wires = c.input_wires_of(p);
    if (wires.empty()) continue;
    const auto v = read_elements(ring, ctx.net.recv(p), 2 * wires.size());
    for (std::size_t k = 0; k < wires.size(); ++k) set(wires[k], v[k], v[wires.size() + k]);
    record_input_phase(ctx, "replicated", p, v);
  }
}

// Steps 0 and 1 share the first round: send the key and the input shares, then receive.
template <typename Set>
void keys_and_inputs(const Rep3Plan& plan, PartyContext& ctx, const Ring& ring,
                     const PartyInput& input, PrgKeys& keys, const Set& set) {
  Channel& net = ctx.net;
  keys.own = random_seed(ctx.rng);
  net.send(prev_of(net.self()), labels::rep3::kSetup, Message().add_bytes(keys.own));
  deal_inputs(plan.circuit, ctx, ring, input, set);
  keys.next = receive_key(net);
  receive_inputs(plan.circuit, plan.parties, ctx, ring, set);
}

}  // namespace

std::uint64_t elem_bytes(bool boolean, std::size_t k) {
  return boolean ? 6 + (k + 7) / 8 : 6 + 8 * static_cast<std::uint64_t>(k);
}

// Step 1c: s_1, s_2 random, s_0 = x − s_1 − s_2; server i gets (s_i, s_{i+1}).
void deal_as_client(const Rep3Plan& plan, PartyContext& ctx, const Ring& ring,
                    const PartyInput& input) {
  const auto wires = plan.circuit.input_wires_of(ctx.net.self());
  SMPC_ASSERT(input.values.size() == wires.size());
  if (wires.empty()) return;
  const std::size_t n = wires.size();
  std::vector<std::uint64_t> s[kRep3Parties];
  for (auto& v : s) v.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    SMPC_ASSERT(!ring.boolean || input.values[k] <= 1);
    s[1][k] = ring.random(ctx.rng);
    s[2][k] = ring.random(ctx.rng);
    s[0][k] = ring.sub(ring.sub(input.values[k], s[1][k]), s[2][k]);
  }
  for (PartyId i = 0; i < kRep3Parties; ++i) {
    std::vector<std::uint64_t> pair = s[i];
    pair.insert(pair.end(), s[next_of(i)].begin(), s[next_of(i)].end());
    ctx.net.send(i, labels::rep3::kInput, elements_message(ring, pair));
  }
}

// Step 0's α_i for `words` words of layer `stream`: F(k_i) − F(k_{i+1}) (⊕ for bits, 64 gates
// per word). The words are the PRG's bytes in this machine's order: every party runs the same
// code on the same machine, and only the zero sum matters.
std::vector<std::uint64_t> zero_shares(const PrgKeys& keys, std::uint64_t stream,
                                       std::size_t words, const Ring& ring) {
  std::vector<std::uint64_t> a(words), b(words);
  const auto bytes = [](std::vector<std::uint64_t>& v) {
    return std::span<std::uint8_t>(reinterpret_cast<std::uint8_t*>(v.data()), 8 * v.size());
  };
  prg_expand(keys.own, stream, bytes(a));
  prg_expand(keys.next, stream, bytes(b));
  for (std::size_t k = 0; k < words; ++k) a[k] = ring.sub(a[k], b[k]);
  return a;
}

namespace {

// Step 2's z_i over Z_2^64, one gate at a time.
std::vector<std::uint64_t> ring_products(const Circuit& c, const CircuitLayer& layer,
                                         const std::vector<std::uint64_t>& alpha,
                                         const WordShares& w) {
  std::vector<std::uint64_t> z(layer.nonlinear.size());
  for (std::size_t k = 0; k < z.size(); ++k) {
    const Gate& g = c.gates[layer.nonlinear[k]];
    const std::uint64_t x0 = w.first[g.in0], x1 = w.second[g.in0];
    const std::uint64_t y0 = w.first[g.in1], y1 = w.second[g.in1];
    z[k] = x0 * y0 + x0 * y1 + x1 * y0 + alpha[k];
  }
  return z;
}

// Step 2 for the MUL gates of layer `index` over Z_2^64: z_i to prev, z_{i+1} from next.
void ring_mult_layer(const Circuit& c, const CircuitLayer& layer, std::uint64_t index,
                     const PrgKeys& keys, Channel& net, WordShares& w) {
  const Ring ring{false};
  const std::size_t m = layer.nonlinear.size();
  auto alpha = zero_shares(keys, index, m, ring);
  if (mutant_active(Mutant::kM53)) alpha.assign(m, 0);
  const auto z = ring_products(c, layer, alpha, w);
  net.send(prev_of(net.self()), labels::rep3::kMult, elements_message(ring, z));
  const auto theirs = read_elements(ring, net.recv(next_of(net.self())), m);
  for (std::size_t k = 0; k < m; ++k) {
    const std::uint32_t out = c.gates[layer.nonlinear[k]].out;
    w.first[out] = z[k];
    w.second[out] = theirs[k];
  }
}

// A linear ring gate on one component; `holds_s0`: this component is s_0, which carries
// constants.
std::uint64_t ring_linear(const Gate& g, const std::vector<std::uint64_t>& v, bool holds_s0) {
  switch (g.type) {
    case GateType::kAdd: return v[g.in0] + v[g.in1];
    case GateType::kSub: return v[g.in0] - v[g.in1];
    case GateType::kMulConst: return v[g.in0] * g.constant;
    case GateType::kEqw: return v[g.in0];
    case GateType::kEq: return holds_s0 ? g.constant : 0;
    default: break;
  }
  SMPC_ASSERT(false && "nonlinear or Boolean gate in a ring linear evaluation");
  return 0;
}

// Step 2's linear ring gates: s_0 is party 0's first and party 2's second component.
void ring_linear_gates(const Circuit& c, const CircuitLayer& layer, PartyId me, WordShares& w) {
  const bool first_s0 = me == 0, second_s0 = next_of(me) == 0;
  for (std::size_t gi : layer.linear) {
    const Gate& g = c.gates[gi];
    w.first[g.out] = ring_linear(g, w.first, first_s0);
    w.second[g.out] = ring_linear(g, w.second, second_s0);
  }
}

// Step 2 for the AND gates of layer `index` over Z_2, 64 gates per word: with x = v[in0] and
// y = v[in1] (bit 0 the first component, bit 1 the second), x_i·y_i ⊕ x_i·y_{i+1} ⊕ x_{i+1}·y_i
// is bit 0 of (x ∧ (y ⊕ y≫1)) ⊕ (x≫1 ∧ y). z_i to prev, z_{i+1} from next.
void and_layer(const Rep3BitProgram& p, std::size_t index, const PrgKeys& keys, Channel& net,
               BitPairs& v) {
  const std::size_t begin = p.and_begin[index], m = p.and_begin[index + 1] - begin;
  const std::size_t words = (m + 63) / 64;
  auto z = zero_shares(keys, index, words, Ring{true});  // α_i, then z_i
  if (mutant_active(Mutant::kM53)) z.assign(words, 0);
  const std::uint32_t* op = p.and_ops.data() + 2 * begin;
  std::uint8_t* const out = v.data() + p.first_out[index];
  const std::uint8_t* const w = v.data();
  for (std::size_t base = 0; base < m; base += 64) {
    const std::size_t width = std::min<std::size_t>(64, m - base);
    const std::uint32_t* g = op + 2 * base;
    std::uint64_t word = 0;
    for (std::size_t b = 0; b < width; ++b) {
      const unsigned x = w[g[2 * b]], y = w[g[2 * b + 1]];
      word |= std::uint64_t{((x & (y ^ (y >> 1))) ^ ((x >> 1) & y)) & 1u} << b;
    }
    z[base / 64] ^= word;
  }
  Message mine;
  mine.add_bit_words(z, m);
  net.send(prev_of(net.self()), labels::rep3::kMult, std::move(mine));
  const Message reply = net.recv(next_of(net.self()));
  reply.expect_parts(1);
  const auto theirs = reply.bit_words(0, m);
  for (std::size_t k = 0; k < m; ++k)
    out[k] = static_cast<std::uint8_t>(((z[k / 64] >> (k % 64)) & 1) |
                                       (((theirs[k / 64] >> (k % 64)) & 1) << 1));
}

// Step 2's linear gates over Z_2, each one XOR of two slots (Rep3BitProgram), written in order.
void xor_layer(const Rep3BitProgram& p, std::size_t index, BitPairs& v) {
  const std::uint32_t* op = p.xor_ops.data() + 2 * p.xor_begin[index];
  const std::size_t n = p.xor_begin[index + 1] - p.xor_begin[index];
  std::uint8_t* const w = v.data();
  std::uint8_t* out = w + p.first_out[index] + (p.and_begin[index + 1] - p.and_begin[index]);
  for (std::size_t k = 0; k < n; ++k) out[k] = w[op[2 * k]] ^ w[op[2 * k + 1]];
}

}  // namespace

BitPairs evaluate_bits(const Rep3Plan& plan, PartyContext& ctx, const PartyInput& input,
                       PrgKeys& keys, const std::function<void()>& after_inputs) {
  const Circuit& c = plan.circuit;
  const Rep3BitProgram& p = plan.bits;
  const PartyId me = ctx.net.self();
  count_alloc<std::uint8_t>(2 * std::size_t{c.num_wires});
  BitPairs v(p.slots, 0);
  v[p.one] = static_cast<std::uint8_t>((me == 0 ? 1 : 0) | (next_of(me) == 0 ? 2 : 0));
  keys_and_inputs(plan, ctx, Ring{true}, input, keys,
                  [&v, &p](std::uint32_t x, std::uint64_t first, std::uint64_t second) {
                    v[p.slot[x]] = static_cast<std::uint8_t>(first | second << 1);
                  });
  if (after_inputs) after_inputs();
  for (std::size_t l = 0; l < plan.layers.size(); ++l) {
    count_layer_gates(plan.layers[l]);
    if (p.and_begin[l + 1] != p.and_begin[l]) and_layer(p, l, keys, ctx.net, v);
    xor_layer(p, l, v);
  }
  return v;
}

template <typename T>
Shares<T> evaluate(const Rep3Plan& plan, PartyContext& ctx, const PartyInput& input,
                   PrgKeys& keys, const std::function<void()>& after_inputs) {
  const Circuit& c = plan.circuit;
  if constexpr (std::is_same_v<T, std::uint8_t>) {
    const BitPairs v = evaluate_bits(plan, ctx, input, keys, after_inputs);
    Shares<T> w{std::vector<T>(c.num_wires), std::vector<T>(c.num_wires)};
    for (std::uint32_t x = 0; x < c.num_wires; ++x) {
      const std::uint8_t pair = v[plan.bits.slot[x]];
      w.first[x] = pair & 1;
      w.second[x] = static_cast<T>(pair >> 1);
    }
    return w;
  } else {
    count_alloc<T>(2 * std::size_t{c.num_wires});
    Shares<T> w{std::vector<T>(c.num_wires, 0), std::vector<T>(c.num_wires, 0)};
    keys_and_inputs(plan, ctx, Ring{false}, input, keys,
                    [&w](std::uint32_t x, std::uint64_t first, std::uint64_t second) {
                      w.first[x] = first;
                      w.second[x] = second;
                    });
    if (after_inputs) after_inputs();
    for (std::size_t l = 0; l < plan.layers.size(); ++l) {
      const CircuitLayer& layer = plan.layers[l];
      count_layer_gates(layer);
      if (!layer.nonlinear.empty()) ring_mult_layer(c, layer, l, keys, ctx.net, w);
      ring_linear_gates(c, layer, ctx.net.self(), w);
    }
    return w;
  }
}

template Shares<std::uint8_t> evaluate(const Rep3Plan&, PartyContext&, const PartyInput&,
                                       PrgKeys&, const std::function<void()>&);
template Shares<std::uint64_t> evaluate(const Rep3Plan&, PartyContext&, const PartyInput&,
                                        PrgKeys&, const std::function<void()>&);

}  // namespace smpc::rep3_core

namespace smpc {

Result<bool> rep3_roles(const nlohmann::json& params, int parties, const char* protocol) {
  if (params.is_object() && params.contains(kServersParam)) {
    if (server_count(params, parties) != kRep3Parties)
      return Error(std::string("/roles/servers: ") + protocol +
                   " runs with exactly 3 servers, got " +
                   std::to_string(server_count(params, parties)));
    return true;
  }
  if (parties != kRep3Parties)
    return Error(std::string("/parties: ") + protocol + " runs with exactly 3 parties, got " +
                 std::to_string(parties));
  return false;
}

namespace {

using namespace rep3_core;

// Step 3: our first components of next's outputs go to next (and, step 3c, of each client's
// outputs to that client); ours come from prev. first(x), second(x): our components of wire x.
template <typename First, typename Second>
PartyOutput open_outputs(const Circuit& c, int parties, const Ring& ring, Channel& net,
                         const First& first, const Second& second) {
  const PartyId me = net.self();
  const auto send_firsts = [&](PartyId to) {
    const auto theirs = c.output_wires_of(to);
    if (theirs.empty()) return;
    std::vector<std::uint64_t> v;
    for (auto x : theirs) v.push_back(first(x));
    net.send(to, labels::rep3::kOutput, elements_message(ring, v));
  };
  send_firsts(next_of(me));
  for (PartyId client = kRep3Parties; client < parties; ++client) send_firsts(client);
  PartyOutput out;
  const auto mine = c.output_wires_of(me);
  if (mine.empty()) return out;
  const auto missing = read_elements(ring, net.recv(prev_of(me)), mine.size());
  for (std::size_t k = 0; k < mine.size(); ++k)
    out.values.push_back(ring.add(ring.add(first(mine[k]), second(mine[k])), missing[k]));
  return out;
}

// Steps 0-3 over Z_2 (both components of a wire in one byte) or Z_2^64.
PartyOutput run_rep3(const Rep3Plan& plan, PartyContext& ctx, const PartyInput& input) {
  PrgKeys keys;
  const Circuit& c = plan.circuit;
  if (c.domain == CircuitDomain::kBoolean) {
    const BitPairs v = evaluate_bits(plan, ctx, input, keys, {});
    const std::vector<std::uint32_t>& slot = plan.bits.slot;
    return open_outputs(
        c, plan.parties, Ring{true}, ctx.net,
        [&](std::uint32_t x) { return std::uint64_t{v[slot[x]] & 1u}; },
        [&](std::uint32_t x) { return static_cast<std::uint64_t>(v[slot[x]] >> 1); });
  }
  const Shares<std::uint64_t> w = evaluate<std::uint64_t>(plan, ctx, input, keys, {});
  return open_outputs(
      c, plan.parties, Ring{false}, ctx.net, [&w](std::uint32_t x) { return w.first[x]; },
      [&w](std::uint32_t x) { return w.second[x]; });
}

// A client: step 1c, then step 3c (the sum of the three servers' first components).
PartyOutput rep3_client(const Rep3Plan& plan, PartyContext& ctx, const PartyInput& input) {
  const Ring ring{plan.circuit.domain == CircuitDomain::kBoolean};
  deal_as_client(plan, ctx, ring, input);
  PartyOutput out;
  const auto mine = plan.circuit.output_wires_of(ctx.net.self());
  if (mine.empty()) return out;
  out.values.assign(mine.size(), 0);
  for (PartyId i = 0; i < kRep3Parties; ++i) {
    const auto s = read_elements(ring, ctx.net.recv(i), mine.size());
    for (std::size_t k = 0; k < mine.size(); ++k) out.values[k] = ring.add(out.values[k], s[k]);
  }
  return out;
}

}  // namespace

Rep3SemiHonest::Rep3SemiHonest(Circuit circuit, int parties) {
  SMPC_ASSERT(circuit.domain == CircuitDomain::kBoolean ||
              circuit.domain == CircuitDomain::kRing64);
  SMPC_ASSERT(parties >= kRep3Parties);
  plan_ = rep3_plan(std::move(circuit), parties);
}

namespace {

// Rep3BitProgram's slots: zero, one, the inputs, each layer's outputs (AND gates first), then
// any wire nothing defines (a validated circuit reads none of them).
void assign_slots(const Circuit& c, const std::vector<CircuitLayer>& layers, Rep3BitProgram& p) {
  constexpr std::uint32_t kNone = UINT32_MAX;
  SMPC_ASSERT(c.num_wires < kNone - 2);
  p.slot.assign(c.num_wires, kNone);
  std::uint32_t next = 2;
  for (const InputGroup& in : c.inputs)
    for (std::uint32_t x : in.wires)
      if (p.slot[x] == kNone) p.slot[x] = next++;
  for (const CircuitLayer& layer : layers) {
    p.first_out.push_back(next);
    for (std::size_t gi : layer.nonlinear) p.slot[c.gates[gi].out] = next++;
    for (std::size_t gi : layer.linear) p.slot[c.gates[gi].out] = next++;
  }
  for (std::uint32_t& s : p.slot)
    if (s == kNone) s = next++;
  p.slots = next;
}

// Rep3BitProgram: each layer's AND operands and its linear gates as XORs of two slots.
Rep3BitProgram compile_bits(const Circuit& c, const std::vector<CircuitLayer>& layers) {
  Rep3BitProgram p;
  assign_slots(c, layers, p);
  const auto emit = [](std::vector<std::uint32_t>& ops, std::uint32_t a, std::uint32_t b) {
    ops.push_back(a);
    ops.push_back(b);
  };
  p.and_begin.push_back(0);
  p.xor_begin.push_back(0);
  for (const CircuitLayer& layer : layers) {
    for (std::size_t gi : layer.nonlinear)
      emit(p.and_ops, p.slot[c.gates[gi].in0], p.slot[c.gates[gi].in1]);
    for (std::size_t gi : layer.linear) {
      const Gate& g = c.gates[gi];
      switch (g.type) {
        case GateType::kXor: emit(p.xor_ops, p.slot[g.in0], p.slot[g.in1]); break;
        case GateType::kInv: emit(p.xor_ops, p.slot[g.in0], p.one); break;
        case GateType::kEqw: emit(p.xor_ops, p.slot[g.in0], p.zero); break;
        case GateType::kEq: emit(p.xor_ops, (g.constant & 1) != 0 ? p.one : p.zero, p.zero); break;
        default: SMPC_ASSERT(false && "arithmetic gate in a Boolean circuit");
      }
    }
    p.and_begin.push_back(p.and_ops.size() / 2);
    p.xor_begin.push_back(p.xor_ops.size() / 2);
  }
  return p;
}

}  // namespace

Rep3Plan rep3_plan(Circuit circuit, int parties) {
  Rep3Plan plan;
  plan.layers = layer_schedule(circuit);
  plan.circuit = std::move(circuit);
  plan.parties = parties;
  if (plan.circuit.domain == CircuitDomain::kBoolean)
    plan.bits = compile_bits(plan.circuit, plan.layers);
  return plan;
}

std::string rep3_corruption_text(int parties) {
  if (parties <= kRep3Parties) return "at most 1 of 3 parties corrupted (honest majority)";
  return "at most 1 of 3 servers corrupted (honest majority), any number of the " +
         std::to_string(parties - kRep3Parties) + " clients";
}

SecurityClaim Rep3SemiHonest::claim(int parties) const {
  return {AdversaryModel::kSemiHonest, 1, OutputGuarantee::kCorrect,
          "semi-honest, " + rep3_corruption_text(parties) + ", correct output; "
          "correlated randomness from pairwise PRG keys"};
}

PartyOutput Rep3SemiHonest::run_steps(PartyContext& ctx, const PartyInput& input) const {
  if (ctx.net.self() >= kRep3Parties) return rep3_client(plan_, ctx, input);
  return run_rep3(plan_, ctx, input);
}

ExactCost rep3_cost(const Circuit& c, int parties) {
  const bool boolean = c.domain == CircuitDomain::kBoolean;
  const auto elem = [boolean](std::size_t k) { return elem_bytes(boolean, k); };
  ExactCost e;
  e.bytes[std::string(labels::rep3::kSetup)] = kRep3Parties * (6 + 32);
  // A server deals to the two others, a client to all three (step 1c).
  for (PartyId p = 0; p < parties; ++p)
    if (const auto in = c.input_wires_of(p).size(); in > 0)
      e.bytes[std::string(labels::rep3::kInput)] += (p < kRep3Parties ? 2 : 3) * elem(2 * in);
  std::uint32_t layers = 0;
  for (const CircuitLayer& l : layer_schedule(c)) {
    if (l.nonlinear.empty()) continue;
    e.bytes[std::string(labels::rep3::kMult)] += kRep3Parties * elem(l.nonlinear.size());
    ++layers;
  }
  bool outputs = false;
  for (PartyId r = 0; r < parties; ++r)
    if (const auto out = c.output_wires_of(r).size(); out > 0) {
      e.bytes[std::string(labels::rep3::kOutput)] += (r < kRep3Parties ? 1 : 3) * elem(out);
      outputs = true;
    }
  e.rounds = 1 + layers + (outputs ? 1 : 0);
  return e;
}

// The symmetric labels (setup, mult and rep3_malicious's triple, coin, open, check, view) are
// sent and received one third by each server; inputs and outputs by the formula of rep3.h
// ("Roles") and rep3_malicious.h (a server sends both output components, a client receives two
// from each server).
std::vector<PartyCost> rep3_party_bytes(const Circuit& c, int parties, bool malicious) {
  const bool boolean = c.domain == CircuitDomain::kBoolean;
  const auto elem = [boolean](std::size_t k) { return elem_bytes(boolean, k); };
  std::vector<PartyCost> out(static_cast<std::size_t>(parties));
  const auto add = [&out](PartyId from, PartyId to, std::uint64_t b) {
    out[static_cast<std::size_t>(from)].sent += b;
    out[static_cast<std::size_t>(to)].received += b;
  };
  const ExactCost total = malicious ? rep3_malicious_cost(c, parties) : rep3_cost(c, parties);
  const std::string_view input = labels::rep3::kInput, output = labels::rep3::kOutput,
                         output_m = labels::rep3m::kOutput;
  for (const auto& [label, bytes] : total.bytes) {
    if (label == input || label == output || label == output_m) continue;
    for (PartyId s = 0; s < kRep3Parties; ++s) add(s, s, bytes / kRep3Parties);
  }
  for (PartyId p = 0; p < parties; ++p) {
    const auto in = c.input_wires_of(p).size();
    for (PartyId s = 0; s < kRep3Parties && in > 0; ++s)
      if (s != p) add(p, s, elem(2 * in));
    const auto o = c.output_wires_of(p).size();
    if (o == 0) continue;
    if (p >= kRep3Parties) {
      for (PartyId s = 0; s < kRep3Parties; ++s) add(s, p, elem(malicious ? 2 * o : o));
    } else {
      add(rep3_core::prev_of(p), p, elem(o));
      if (malicious) add(rep3_core::next_of(p), p, elem(o));
    }
  }
  return out;
}

Result<std::unique_ptr<Protocol>> make_rep3(const nlohmann::json& params, const Circuit& c,
                                            int parties) {
  SMPC_ASSIGN_OR_RETURN(const bool roles, rep3_roles(params, parties, "rep3"));
  if (c.domain != CircuitDomain::kBoolean && c.domain != CircuitDomain::kRing64)
    return Error(std::string("/function: rep3 evaluates Boolean circuits and circuits over "
                             "Z_2^64; this function is over ") +
                 domain_name(c.domain) + " (use bgw or spdz for field circuits)");
  if (params.is_object())
    for (const auto& [key, value] : params.items())
      if (key != "name" && key != kServersParam)
        return Error("/protocol/" + key + ": not a parameter of rep3 (it takes none)");
  if (const Status s = c.validate(parties); !s.ok()) return Error("/function: " + s.message());
  return std::unique_ptr<Protocol>(
      std::make_unique<Rep3SemiHonest>(c, roles ? parties : kRep3Parties));
}

}  // namespace smpc
