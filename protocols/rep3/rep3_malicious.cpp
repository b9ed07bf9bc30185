#include "protocols/rep3/rep3_malicious.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>

#include "protocols/core/abort.h"
#include "protocols/core/mutants.h"
#include "protocols/core/protocol_spec.h"
#include "protocols/crypto/hash.h"
#include "protocols/rep3/labels.h"
#include "protocols/rep3/replicated.h"

namespace smpc {
namespace {

using namespace rep3_core;

// PRG streams of steps 2 and 4, above any layer index (rep3 uses the layer index as stream).
constexpr std::uint64_t kStreamA = std::uint64_t{1} << 40, kStreamB = kStreamA + 1,
                        kStreamAlpha = kStreamA + 2, kStreamCoin = kStreamA + 3;
constexpr std::size_t kMinBuckets = 1024, kCoinBits = 256;
constexpr double kStatisticalBits = 40;

// A replicated sharing of n elements, packed: 64 bits per word for Boolean circuits (the tail
// of the last word zero), one element per word for Z_2^64.
struct Packed {
  std::vector<std::uint64_t> first, second;
};

std::size_t words_of(const Ring& r, std::size_t n) { return r.boolean ? (n + 63) / 64 : n; }

void trim(const Ring& r, std::vector<std::uint64_t>& v, std::size_t n) {
  if (r.boolean && n % 64 != 0 && !v.empty()) v.back() &= (std::uint64_t{1} << (n % 64)) - 1;
}

std::uint64_t element(const Ring& r, const std::vector<std::uint64_t>& v, std::size_t k) {
  return r.boolean ? (v[k / 64] >> (k % 64)) & 1 : v[k];
}

// Appends elements one at a time (gathers into a packed sharing).
struct Builder {
  const Ring& ring;
  Packed p{};
  std::size_t n = 0;
  void push(std::uint64_t f, std::uint64_t s) {
    if (!ring.boolean) {
      p.first.push_back(f);
      p.second.push_back(s);
    } else {
      if (n % 64 == 0) {
        p.first.push_back(0);
        p.second.push_back(0);
      }
      p.first.back() |= (f & 1) << (n % 64);
      p.second.back() |= (s & 1) << (n % 64);
    }
    ++n;
  }
  void push_from(const Packed& src, std::size_t k) {
    push(element(ring, src.first, k), element(ring, src.second, k));
  }
};

std::vector<std::uint64_t> prg_words(const PrgSeed& key, std::uint64_t stream, std::size_t words) {
  std::vector<std::uint64_t> v(words);
  prg_expand(key, stream, {reinterpret_cast<std::uint8_t*>(v.data()), 8 * v.size()});
  return v;
}

// F_rand: party i's components are F(k_i) and F(k_{i+1}); nothing is sent.
Packed random_sharing(const PrgKeys& keys, std::uint64_t stream, std::size_t n, const Ring& r) {
  Packed p{prg_words(keys.own, stream, words_of(r, n)), prg_words(keys.next, stream, words_of(r, n))};
  trim(r, p.first, n);
  trim(r, p.second, n);
  return p;
}

// One part of n packed elements: bits LSB-first (the codec's layout) or ring words.
void add_packed(Message& m, const Ring& r, const std::vector<std::uint64_t>& v, std::size_t n) {
  if (!r.boolean) {
    m.add_ring64(std::span<const std::uint64_t>(v.data(), n));
    return;
  }
  m.add_bit_words(v, n);
}

std::vector<std::uint64_t> read_packed(const Ring& r, const Message& m, std::size_t index,
                                       std::size_t n) {
  if (!r.boolean) return m.ring64(index, n);
  return m.bit_words(index, n);  // checks the part's kind and count
}

// Step 6's [compare views]: `mine` hashes what prev must have received (our second
// components), `seen` what we received; both start with the inputs' shared components (ours
// first of next's inputs, which prev holds as its second of its prev's inputs).
struct Views {
  Blake2b mine{"rep3_malicious.view", 32}, seen{"rep3_malicious.view", 32};
  Bytes expected = Bytes(32);

  static ByteSpan bytes(const std::vector<std::uint64_t>& v) {
    return {reinterpret_cast<const std::uint8_t*>(v.data()), 8 * v.size()};
  }
  // With roles, step 6c: every component of a client's input is held by two servers (s_i
  // first by i, second by i − 1), so ours first of every client's inputs go into `mine` and
  // ours second into `seen`: a client that dealt two servers different copies makes one of
  // them abort here, before any output is sent.
  template <typename T>
  Views(const Rep3Plan& plan, const Shares<T>& w, PartyId me) {
    const Circuit& c = plan.circuit;
    std::vector<std::uint64_t> first, second;
    for (auto x : c.input_wires_of(next_of(me))) first.push_back(w.first[x]);
    for (auto x : c.input_wires_of(prev_of(me))) second.push_back(w.second[x]);
    // M97 (seeded bug): the clients' components are left out of the comparison.
    for (PartyId client = kRep3Parties; client < plan.parties && !mutant_active(Mutant::kM97);
         ++client)
      for (auto x : c.input_wires_of(client)) {
        first.push_back(w.first[x]);
        second.push_back(w.second[x]);
      }
    mine.add(bytes(first));
    seen.add(bytes(second));
  }
  // Once everything we open is sent: our hash to prev.
  void send(Channel& net) {
    Bytes h(32);
    mine.finish(h);
    net.send(prev_of(net.self()), labels::rep3m::kView, Message().add_bytes(h));
  }
  // Once everything opened to us is received: next's hash must equal ours.
  void check(Channel& net) {
    seen.finish(expected);
    const Message m = net.recv(next_of(net.self()));
    m.expect_parts(1);
    if (m.bytes(0) != expected && !mutant_active(Mutant::kM58))
      throw Abort("rep3_malicious: the views differ (a party sent inconsistent values)");
  }
};

// An opening to everyone of packed sharings of the given sizes: first components to next, the
// missing s_{i+2} from prev, both recorded in the views.
void send_opening(Channel& net, std::string_view label, const Ring& r,
                  const std::vector<std::pair<const Packed*, std::size_t>>& items, Views& views) {
  Message m;
  for (const auto& [p, n] : items) {
    add_packed(m, r, p->first, n);
    views.mine.add(Views::bytes(p->second));
  }
  net.send(next_of(net.self()), label, m);
}

std::vector<std::vector<std::uint64_t>> receive_opening(
    Channel& net, const Ring& r, const std::vector<std::pair<const Packed*, std::size_t>>& items,
    Views& views) {
  const Message m = net.recv(prev_of(net.self()));
  m.expect_parts(items.size());
  std::vector<std::vector<std::uint64_t>> out;
  for (std::size_t k = 0; k < items.size(); ++k) {
    const auto& [p, n] = items[k];
    auto v = read_packed(r, m, k, n);
    views.seen.add(Views::bytes(v));
    for (std::size_t j = 0; j < v.size(); ++j) v[j] = r.add(r.add(p->first[j], p->second[j]), v[j]);
    out.push_back(std::move(v));
  }
  return out;
}

// Step 2: [a], [b] from F_rand, [c] = [a·b] by rep3's multiplication (z_i to prev).
struct Triples {
  Packed a, b, c;
};

Triples make_triples(const PrgKeys& keys, std::size_t t, const Ring& r, Channel& net) {
  Triples x{random_sharing(keys, kStreamA, t, r), random_sharing(keys, kStreamB, t, r), {}};
  auto z = zero_shares(keys, kStreamAlpha, words_of(r, t), r);
  trim(r, z, t);
  for (std::size_t j = 0; j < z.size(); ++j) {
    const std::uint64_t a0 = x.a.first[j], a1 = x.a.second[j], b0 = x.b.first[j], b1 = x.b.second[j];
    z[j] = r.add(z[j], r.add(r.mul(a0, b0), r.add(r.mul(a0, b1), r.mul(a1, b0))));
  }
  Message m;
  add_packed(m, r, z, t);
  net.send(prev_of(net.self()), labels::rep3m::kTriple, m);
  const Message back = net.recv(next_of(net.self()));
  back.expect_parts(1);
  x.c = {std::move(z), read_packed(r, back, 0, t)};
  return x;
}

// Step 4: the coin, opened from a 256-bit F_rand sharing; it seeds π (Fisher–Yates; the modulo
// bias is below T / 2^64).
std::vector<std::uint32_t> coin_permutation(const PrgKeys& keys, std::size_t t, Channel& net,
                                            Views& views) {
  const Ring bits{true};
  const Packed coin = random_sharing(keys, kStreamCoin, kCoinBits, bits);
  send_opening(net, labels::rep3m::kCoin, bits, {{&coin, kCoinBits}}, views);
  const auto opened = receive_opening(net, bits, {{&coin, kCoinBits}}, views)[0];
  PrgSeed seed{};
  std::memcpy(seed.data(), opened.data(), seed.size());
  const auto draws = prg_words(seed, 0, t);
  std::vector<std::uint32_t> perm(t);
  for (std::size_t k = 0; k < t; ++k) perm[k] = static_cast<std::uint32_t>(k);
  for (std::size_t k = t; k > 1; --k) std::swap(perm[k - 1], perm[draws[k - 1] % k]);
  return perm;
}

// Step 5's pairs: (x, y, z) to check against (a, b, c), bucket checks first, then the gates.
struct Pairs {
  Packed x, y, z, a, b, c, oa, ob, oc;
};

template <typename T>
Pairs pair_up(const Rep3Plan& plan, const Rep3Buckets& bk, std::size_t gates, const Triples& tr,
              const std::vector<std::uint32_t>& perm, const Shares<T>& w, const Ring& r) {
  Builder x{r}, y{r}, z{r}, a{r}, b{r}, c{r}, oa{r}, ob{r}, oc{r};
  for (std::size_t k = 0; k < bk.opened; ++k) {
    oa.push_from(tr.a, perm[k]);
    ob.push_from(tr.b, perm[k]);
    oc.push_from(tr.c, perm[k]);
  }
  const auto first_of = [&](std::size_t bucket) { return perm[bk.opened + bucket * bk.size]; };
  for (std::size_t t = 0; t < bk.buckets; ++t)
    for (std::size_t j = 1; j < bk.size; ++j) {
      const std::uint32_t keep = first_of(t), other = perm[bk.opened + t * bk.size + j];
      x.push_from(tr.a, keep), y.push_from(tr.b, keep), z.push_from(tr.c, keep);
      a.push_from(tr.a, other), b.push_from(tr.b, other), c.push_from(tr.c, other);
    }
  std::size_t g = 0;
  for (const CircuitLayer& layer : plan.layers)
    for (std::size_t gi : layer.nonlinear) {
      if (g == gates) break;
      const Gate& gate = plan.circuit.gates[gi];
      x.push(w.first[gate.in0], w.second[gate.in0]);
      y.push(w.first[gate.in1], w.second[gate.in1]);
      z.push(w.first[gate.out], w.second[gate.out]);
      const std::uint32_t t = first_of(g++);
      a.push_from(tr.a, t), b.push_from(tr.b, t), c.push_from(tr.c, t);
    }
  return {x.p, y.p, z.p, a.p, b.p, c.p, oa.p, ob.p, oc.p};
}

Packed difference(const Ring& r, const Packed& u, const Packed& v) {
  Packed d = u;
  for (std::size_t j = 0; j < d.first.size(); ++j) {
    d.first[j] = r.sub(d.first[j], v.first[j]);
    d.second[j] = r.sub(d.second[j], v.second[j]);
  }
  return d;
}

// Step 6's v = z − c − σ·a − ρ·b − ρ·σ; the public ρ·σ goes into s_0 (party 0's first and
// party 2's second component).
Packed check_values(const Ring& r, PartyId me, const Pairs& p, const std::vector<std::uint64_t>& rho,
                    const std::vector<std::uint64_t>& sigma) {
  Packed v = difference(r, p.z, p.c);
  for (std::size_t j = 0; j < v.first.size(); ++j) {
    const std::uint64_t rs = r.mul(rho[j], sigma[j]);
    v.first[j] = r.sub(r.sub(v.first[j], r.mul(sigma[j], p.a.first[j])), r.mul(rho[j], p.b.first[j]));
    v.second[j] = r.sub(r.sub(v.second[j], r.mul(sigma[j], p.a.second[j])), r.mul(rho[j], p.b.second[j]));
    if (me == 0) v.first[j] = r.sub(v.first[j], rs);
    if (next_of(me) == 0) v.second[j] = r.sub(v.second[j], rs);
  }
  return v;
}

bool all_zero(const std::vector<std::uint64_t>& v, std::size_t from, std::size_t to, const Ring& r) {
  for (std::size_t k = from; k < to; ++k)
    if (element(r, v, k) != 0) return false;
  return true;
}

// Steps 4-6 up to the view hash: abort on a failed cut-and-choose or pair check.
template <typename T>
void verify(const Rep3Plan& plan, const Rep3Buckets& bk, const Triples& tr, const PrgKeys& keys,
            const Shares<T>& w, const Ring& r, Channel& net, Views& views) {
  const auto perm = coin_permutation(keys, bk.triples(), net, views);
  // M52 leaves the circuit's products out of steps 5-6 (only the triples are checked).
  const std::size_t gates = mutant_active(Mutant::kM52) ? 0 : bk.gates;
  const Pairs p = pair_up(plan, bk, gates, tr, perm, w, r);
  const Packed rho = difference(r, p.x, p.a), sigma = difference(r, p.y, p.b);
  const std::size_t k = bk.checked() - bk.gates + gates, c = bk.opened;
  const std::vector<std::pair<const Packed*, std::size_t>> open = {
      {&p.oa, c}, {&p.ob, c}, {&p.oc, c}, {&rho, k}, {&sigma, k}};
  send_opening(net, labels::rep3m::kOpen, r, open, views);
  const auto o = receive_opening(net, r, open, views);
  const Packed v = check_values(r, net.self(), p, o[3], o[4]);
  send_opening(net, labels::rep3m::kCheck, r, {{&v, k}}, views);
  views.send(net);  // in the check round: our part of the views is complete
  const auto opened_v = receive_opening(net, r, {{&v, k}}, views)[0];
  views.check(net);
  for (std::size_t j = 0; j < words_of(r, c); ++j)
    if (o[2][j] != r.mul(o[0][j], o[1][j]))
      throw Abort("rep3_malicious: an opened triple has c != a·b (cut-and-choose)");
  if (!all_zero(opened_v, 0, k - gates, r))
    throw Abort("rep3_malicious: a bucket's triples do not verify against each other");
  if (!all_zero(opened_v, k - gates, k, r))
    throw Abort("rep3_malicious: a multiplication of the circuit does not verify against its triple");
}

// Step 7: s_{r+2} from both holders; they must agree. Step 7c: a client receiver gets our
// pair (first components of its outputs, then second ones).
template <typename T>
PartyOutput checked_outputs(const Rep3Plan& plan, const Ring& r, Channel& net,
                            const Shares<T>& w) {
  const Circuit& c = plan.circuit;
  const PartyId me = net.self();
  for (PartyId client = kRep3Parties; client < plan.parties; ++client) {
    const auto wires = c.output_wires_of(client);
    if (wires.empty()) continue;
    std::vector<std::uint64_t> pair;
    for (auto x : wires) pair.push_back(w.first[x]);
    for (auto x : wires) pair.push_back(w.second[x]);
    net.send(client, labels::rep3m::kOutput, elements_message(r, pair));
  }
  std::vector<std::uint64_t> to_next, to_prev;
  for (auto x : c.output_wires_of(next_of(me))) to_next.push_back(w.first[x]);
  for (auto x : c.output_wires_of(prev_of(me))) to_prev.push_back(w.second[x]);
  if (!to_next.empty()) net.send(next_of(me), labels::rep3m::kOutput, elements_message(r, to_next));
  if (!to_prev.empty()) net.send(prev_of(me), labels::rep3m::kOutput, elements_message(r, to_prev));
  PartyOutput out;
  const auto mine = c.output_wires_of(me);
  if (mine.empty()) return out;
  const auto from_prev = read_elements(r, net.recv(prev_of(me)), mine.size());
  const auto from_next = read_elements(r, net.recv(next_of(me)), mine.size());
  if (from_prev != from_next && !mutant_active(Mutant::kM58))
    throw Abort("rep3_malicious: the two copies of an output share differ");
  for (std::size_t k = 0; k < mine.size(); ++k)
    out.values.push_back(r.add(r.add(w.first[mine[k]], w.second[mine[k]]), from_prev[k]));
  return out;
}

template <typename T>
PartyOutput run_malicious(const Rep3Plan& plan, const Rep3Buckets& bk, PartyContext& ctx,
                          const PartyInput& input) {
  const Ring r{std::is_same_v<T, std::uint8_t>};
  PrgKeys keys;
  Triples tr;
  const auto triples = [&] {
    if (bk.gates > 0) tr = make_triples(keys, bk.triples(), r, ctx.net);
  };
  const Shares<T> w = evaluate<T>(plan, ctx, input, keys, triples);
  Views views(plan, w, ctx.net.self());
  if (bk.gates > 0) {
    verify(plan, bk, tr, keys, w, r, ctx.net, views);
  } else {
    views.send(ctx.net);
    views.check(ctx.net);
  }
  return checked_outputs(plan, r, ctx.net, w);
}

// A client: step 1c (rep3.h), then step 7c: component s_j of each output arrives twice, first
// from server j and second from server j − 1; abort unless the copies agree, so one corrupted
// server cannot change the output (it holds only two of the three components' copies).
PartyOutput malicious_client(const Rep3Plan& plan, PartyContext& ctx, const PartyInput& input) {
  const Ring r{plan.circuit.domain == CircuitDomain::kBoolean};
  deal_as_client(plan, ctx, r, input);
  PartyOutput out;
  const auto mine = plan.circuit.output_wires_of(ctx.net.self());
  if (mine.empty()) return out;
  const std::size_t n = mine.size();
  std::vector<std::vector<std::uint64_t>> pairs;
  for (PartyId i = 0; i < kRep3Parties; ++i)
    pairs.push_back(read_elements(r, ctx.net.recv(i), 2 * n));
  out.values.assign(n, 0);
  for (PartyId j = 0; j < kRep3Parties; ++j)
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint64_t copy1 = pairs[j][k], copy2 = pairs[prev_of(j)][n + k];
      // M98 (seeded bug): the client takes server j's copy without comparing.
      if (copy1 != copy2 && !mutant_active(Mutant::kM98))
        throw Abort("rep3_malicious: the two servers' copies of an output component differ");
      out.values[k] = r.add(out.values[k], copy1);
    }
  return out;
}

std::size_t nonlinear_gates(const Circuit& c) {
  std::size_t n = 0;
  for (const Gate& g : c.gates) n += g.type == GateType::kAnd || g.type == GateType::kMul;
  return n;
}

}  // namespace

Rep3Buckets rep3_buckets(std::size_t gates) {
  if (gates == 0) return {};
  Rep3Buckets b{gates, std::max(gates, kMinBuckets), 2, 0};
  while ((b.size - 1) * std::log2(static_cast<double>(b.buckets)) < kStatisticalBits) ++b.size;
  b.opened = b.size;
  return b;
}

Rep3Malicious::Rep3Malicious(Circuit circuit, int parties) {
  SMPC_ASSERT(circuit.domain == CircuitDomain::kBoolean ||
              circuit.domain == CircuitDomain::kRing64);
  SMPC_ASSERT(parties >= kRep3Parties);
  plan_ = rep3_plan(std::move(circuit), parties);
  buckets_ = rep3_buckets(nonlinear_gates(plan_.circuit));
}

SecurityClaim Rep3Malicious::claim(int parties) const {
  return {AdversaryModel::kMalicious, 1, OutputGuarantee::kCorrectOrAbort,
          "malicious, " + rep3_corruption_text(parties) + ", correct output or "
          "abort; products verified with cut-and-bucket triples (Furukawa et al.; a cheating "
          "product passes with probability <= 2^-40) and views compared before output"};
}

std::optional<std::string_view> Rep3Malicious::abort_notice_label() const {
  return labels::rep3m::kAbort;
}

PartyOutput Rep3Malicious::run_steps(PartyContext& outer, const PartyInput& input) const {
  // A peer's abort notice stops us at the next receive instead of at the deadline.
  NoticeAwareChannel net(outer.net, labels::rep3m::kAbort);
  PartyContext ctx{net, outer.rng, outer.clock, outer.meter, outer.annotations};
  if (ctx.net.self() >= kRep3Parties) return malicious_client(plan_, ctx, input);
  if (plan_.circuit.domain == CircuitDomain::kBoolean)
    return run_malicious<std::uint8_t>(plan_, buckets_, ctx, input);
  return run_malicious<std::uint64_t>(plan_, buckets_, ctx, input);
}

ExactCost rep3_malicious_cost(const Circuit& c, int parties) {
  const bool boolean = c.domain == CircuitDomain::kBoolean;
  const auto bits = [boolean](std::size_t k) -> std::uint64_t {
    return boolean ? (k + 7) / 8 : 8 * static_cast<std::uint64_t>(k);
  };
  const auto elem = [&](std::size_t k) { return 6 + bits(k); };
  ExactCost e = rep3_cost(c, parties);
  const std::string output(labels::rep3::kOutput);
  e.bytes.erase(output);
  const Rep3Buckets bk = rep3_buckets(nonlinear_gates(c));
  std::uint32_t extra = 1;  // the view round
  if (bk.gates > 0) {
    e.bytes[std::string(labels::rep3m::kTriple)] = 3 * elem(bk.triples());
    e.bytes[std::string(labels::rep3m::kCoin)] = 3 * (6 + 32);
    e.bytes[std::string(labels::rep3m::kOpen)] =
        3 * (1 + 3 * (5 + bits(bk.opened)) + 2 * (5 + bits(bk.checked())));
    e.bytes[std::string(labels::rep3m::kCheck)] = 3 * elem(bk.checked());
    extra = 4;  // triples, coin, open, check (with the views)
  }
  e.bytes[std::string(labels::rep3m::kView)] = 3 * (6 + 32);
  // A server receiver gets its missing component from both others; a client gets each
  // server's pair (step 7c).
  for (PartyId r = 0; r < parties; ++r)
    if (const auto out = c.output_wires_of(r).size(); out > 0)
      e.bytes[std::string(labels::rep3m::kOutput)] +=
          r < kRep3Parties ? 2 * elem(out) : 3 * elem(2 * out);
  e.rounds += extra;  // rep3_cost's rounds are 1 + L + (1 when somebody receives an output)
  return e;
}

Result<std::unique_ptr<Protocol>> make_rep3_malicious(const nlohmann::json& params,
                                                      const Circuit& c, int parties) {
  SMPC_ASSIGN_OR_RETURN(const bool roles, rep3_roles(params, parties, "rep3_malicious"));
  if (c.domain != CircuitDomain::kBoolean && c.domain != CircuitDomain::kRing64)
    return Error(std::string("/function: rep3_malicious evaluates Boolean circuits and "
                             "circuits over Z_2^64; this function is over ") +
                 domain_name(c.domain) + " (use spdz or bgw_robust for field circuits)");
  if (params.is_object())
    for (const auto& [key, value] : params.items())
      if (key != "name" && key != kServersParam)
        return Error("/protocol/" + key + ": not a parameter of rep3_malicious (it takes none)");
  if (const Status s = c.validate(parties); !s.ok()) return Error("/function: " + s.message());
  return std::unique_ptr<Protocol>(
      std::make_unique<Rep3Malicious>(c, roles ? parties : kRep3Parties));
}

}  // namespace smpc
