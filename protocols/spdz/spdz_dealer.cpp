#include "protocols/spdz/spdz_dealer.h"

#include <algorithm>
#include <optional>

#include "protocols/core/mutants.h"
#include "protocols/core/status.h"

namespace smpc {
namespace {

template <int S>
struct Dealer {
  using AuthShare = BasicAuthShare<S>;
  using SpdzTriple = BasicSpdzTriple<S>;
  using SpdzFxMask = BasicSpdzFxMask<S>;
  int n;
  int k;
  PartyId me;
  Rng& rng;
  std::array<Fp61, kSpdzMaxMacKeys> alpha{};  // the global keys α^(l)
  std::vector<Fp61> drawn{};                  // the draws of the values being dealt

  // Every party draws the whole stream, all parties' shares, so that every party's copy stays
  // in step; the arithmetic below keeps only party `me`'s part. Draws first, arithmetic after
  // (the same draws in the same order as one share at a time: a program deals hundreds of
  // thousands of shares, and the loop over drawn values is about a third cheaper).
  std::size_t per_share() const { return static_cast<std::size_t>(n - 1); }
  std::size_t per_auth() const { return per_share() * static_cast<std::size_t>(1 + k); }
  // How many values of `per` draws each are drawn at once: about 32 KB of draws (512 triples
  // for two parties and one key), at least one value however many parties share it (a product
  // of masks at n = 1 draws nothing: per = 0).
  static std::size_t chunk(std::size_t per) { return std::max<std::size_t>(1, 4096 / std::max<std::size_t>(per, 1)); }
  const Fp61* draw(std::size_t count) {
    drawn.resize(count);
    for (auto& v : drawn) v = rng.uniform_fp61();
    return drawn.data();
  }

  // Party me's additive share of v from the n − 1 drawn values d: d[i] for party i < n − 1,
  // v − Σ d for the last; a client (me ≥ n) keeps 0.
  Fp61 share_of(Fp61 v, const Fp61* d) const {
    if (me != n - 1) return me < n - 1 ? d[me] : Fp61();
    Fp61 rest;
    for (std::size_t i = 0; i < per_share(); ++i) rest += d[i];
    return v - rest;
  }
  Fp61 share_of(Fp61 v) { return share_of(v, draw(per_share())); }
  // [[v]] from its per_auth() drawn values: v's share, then α^(l)·v's for l < k. Its k
  // products are counted by the caller.
  void authenticate(Fp61 v, const Fp61* d, AuthShare& out) const {
    out.value = share_of(v, d);
    for (std::size_t l = 0; l < static_cast<std::size_t>(k); ++l)
      out.mac[l] = share_of(Fp61::mul_uncounted(alpha[l], v), d + (l + 1) * per_share());
  }
  AuthShare authenticate(Fp61 v) {
    AuthShare out;
    authenticate(v, draw(per_auth()), out);
    count_op(Op::kFp61Mul, static_cast<std::uint64_t>(k));
    return out;
  }
  // `count` Beaver triples (a, b, c = ab), appended to `out`; each draws a, b, then the
  // sharings of a, b and c. 1 + 3k products each.
  void triples(std::size_t count, std::vector<SpdzTriple>& out) {
    const std::size_t per = 2 + 3 * per_auth();
    for (std::size_t done = 0; done < count;) {
      const std::size_t m = std::min(count - done, chunk(per));
      const Fp61* d = draw(per * m);
      for (std::size_t t = 0; t < m; ++t, d += per) {
        SpdzTriple& x = out.emplace_back();
        authenticate(d[0], d + 2, x.a);
        authenticate(d[1], d + 2 + per_auth(), x.b);
        authenticate(Fp61::mul_uncounted(d[0], d[1]), d + 2 + 2 * per_auth(), x.c);
      }
      done += m;
    }
    count_op(Op::kFp61Mul, count * (1 + 3 * static_cast<std::uint64_t>(k)));
  }
  // `count` random masks (appended to `r` and `shares`): r, then its authenticated sharing.
  // Input masks, one per input wire, with `reuse` = M34 (seeded bug): the first input mask
  // reused for every input wire, so ε_w − ε_v = x_w − x_v and an owner of one wire knows every
  // other wire's mask (the draws are unchanged); a program's factor masks with M112.
  void random_masks(std::size_t count, std::vector<Fp61>& r, std::vector<AuthShare>& shares, Mutant reuse) {
    const std::size_t per = 1 + per_auth();
    for (std::size_t done = 0; done < count;) {
      const std::size_t m = std::min(count - done, chunk(per));
      const Fp61* d = draw(per * m);
      for (std::size_t i = 0; i < m; ++i, d += per) {
        const Fp61 v = mutant_active(reuse) && !r.empty() ? r.front() : d[0];
        r.push_back(v);
        authenticate(v, d + 1, shares.emplace_back());
      }
      done += m;
    }
    count_op(Op::kFp61Mul, count * static_cast<std::uint64_t>(k));
  }
  // One random mask a_x per factor of the program's products (fx::Needs), then [[a_x·a_y]] for
  // every product x·y (Beaver's triple with its a and b fixed by the factors: spdz.h
  // "Fixed-point programs"). A mask is one draw, then its sharing's; a product its sharing's.
  // M112 (seeded bug): every factor gets the first factor's mask (the draws are unchanged), so
  // the opened x − a and y − a give x − y away; every product stays right.
  void factor_masks(const fx::Needs& needs, std::vector<AuthShare>& masks, std::vector<AuthShare>& products) {
    std::vector<Fp61> a;
    a.reserve(needs.factor_regs.size());
    random_masks(needs.factor_regs.size(), a, masks, Mutant::kM112);
    const std::size_t per = per_auth();
    for (std::size_t done = 0; done < needs.mul_factors.size();) {
      const std::size_t m = std::min(needs.mul_factors.size() - done, chunk(per));
      const Fp61* d = draw(per * m);
      for (std::size_t j = done; j < done + m; ++j, d += per) {
        const auto [x, y] = needs.mul_factors[j];
        authenticate(Fp61::mul_uncounted(a[x], a[y]), d, products.emplace_back());
      }
      done += m;
    }
    count_op(Op::kFp61Mul, needs.mul_factors.size() * (1 + static_cast<std::uint64_t>(k)));
  }
  // PRandM (Catrina–Saxena): m random bits and r = 2^m r'' + Σ 2^i b_i, r'' < 2^(k+κ−m).
  // Each bit is one draw, then its sharing's; with `pairs` (a Mod2m's mask), after r, the
  // sharings of b_2i·b_2i+1 (BitLT's first level).
  // M80 (seeded bug): r's low part is drawn apart from the bits, so r' ≠ Σ 2^i b_i.
  SpdzFxMask fx_mask(int m, int total_bits, bool pairs) {
    SpdzFxMask out;
    out.bits.resize(static_cast<std::size_t>(m));
    std::uint64_t low = 0;
    for (std::size_t i = 0; i < out.bits.size(); ++i) {
      const bool b = rng.next_bit();
      low |= static_cast<std::uint64_t>(b) << i;
      authenticate(Fp61::from_u64(b), draw(per_auth()), out.bits[i]);
    }
    count_op(Op::kFp61Mul, out.bits.size() * static_cast<std::uint64_t>(k));
    const std::uint64_t bits = low;
    if (mutant_active(Mutant::kM80)) low = rng.uniform_below(std::uint64_t{1} << m);
    const std::uint64_t high = rng.uniform_below(std::uint64_t{1} << (total_bits - m));
    out.r = authenticate(Fp61::from_u64((high << m) | low));
    if (pairs) {
      out.pairs.resize(static_cast<std::size_t>(m / 2));
      for (std::size_t i = 0; i < out.pairs.size(); ++i)
        authenticate(Fp61::from_u64((bits >> (2 * i)) & (bits >> (2 * i + 1)) & 1), draw(per_auth()), out.pairs[i]);
      count_op(Op::kFp61Mul, out.pairs.size() * static_cast<std::uint64_t>(k));
    }
    return out;
  }
  // `count` random shared bits (appended to `shares`, their clear values packed into `clear`
  // as fx::kRandBitsRecord): each is one draw, then its sharing's, as a mask's bits.
  void rand_bits(std::size_t count, std::vector<AuthShare>& shares, std::vector<std::uint64_t>& clear) {
    clear.assign(fx::rand_bit_words(count), 0);
    for (std::size_t j = 0; j < count; ++j) {
      const bool b = rng.next_bit();
      fx::set_rand_bit(clear, j, b);
      authenticate(Fp61::from_u64(b), draw(per_auth()), shares.emplace_back());
    }
    count_op(Op::kFp61Mul, count * static_cast<std::uint64_t>(k));
  }
};

template <int S>
void deal_program(Dealer<S>& d, const fx::Program& prog, const fx::Needs& needs,
                  BasicSpdzPreprocessing<S>& out) {
  const fx::Params& p = prog.params;
  const std::size_t triples = needs.bitlt_triples();
  out.fx_triples.reserve(triples);
  out.fx_factor_mask.reserve(needs.factor_regs.size());
  out.fx_mask_product.reserve(needs.muls);
  out.fx_trunc.reserve(needs.truncs);
  out.fx_ltz.reserve(needs.mod2m.size());
  d.triples(triples, out.fx_triples);
  d.factor_masks(needs, out.fx_factor_mask, out.fx_mask_product);
  for (std::size_t i = 0; i < needs.truncs; ++i) out.fx_trunc.push_back(d.fx_mask(p.f, p.k() + p.kappa(), false));
  for (int m : needs.mod2m) out.fx_ltz.push_back(d.fx_mask(m, p.k() + p.kappa(), true));
  out.fx_rand_bits.reserve(needs.rand_bits);
  d.rand_bits(needs.rand_bits, out.fx_rand_bits, out.fx_rand_bits_dealt);
}

}  // namespace

bool SpdzOutputOpening::for_party(PartyId p) const {
  return mask_holders.empty() ||
         std::find(mask_holders.begin(), mask_holders.end(), p) != mask_holders.end();
}

std::vector<SpdzOutputOpening> spdz_output_openings(const Circuit& circuit, SpdzOutputMasks masks) {
  std::vector<SpdzOutputOpening> out;
  out.reserve(circuit.output_count());
  std::size_t entry = 0;
  for (const auto& group : circuit.outputs)
    for (std::size_t w = 0; w < group.wires.size(); ++w, ++entry) {
      if (group.receivers.empty() || masks == SpdzOutputMasks::kPerGroup) {
        out.push_back({entry, group.receivers});
        continue;
      }
      for (std::size_t a = 0; a < group.receivers.size(); ++a) {
        const PartyId r = group.receivers[a];
        if (std::find(group.receivers.begin(), group.receivers.begin() + static_cast<std::ptrdiff_t>(a), r) ==
            group.receivers.begin() + static_cast<std::ptrdiff_t>(a))
          out.push_back({entry, {r}});
      }
    }
  return out;
}

template <int S>
BasicSpdzPreprocessing<S> spdz_deal_in(const Circuit& circuit, int n, int k, PartyId me, Rng& rng,
                                       const fx::Program* program, const fx::Needs* needs) {
  // me ≥ n: a client (roles), which keeps only its clear masks (its shares stay 0).
  SMPC_ASSERT(n >= 1 && k >= 1 && k <= S && S <= kSpdzMaxMacKeys && me >= 0);
  Dealer<S> d{n, k, me, rng, {}};
  BasicSpdzPreprocessing<S> out;
  for (int l = 0; l < k; ++l) {
    const auto ul = static_cast<std::size_t>(l);
    d.alpha[ul] = rng.uniform_fp61();
    out.alpha[ul] = d.share_of(d.alpha[ul]);
  }
  count_alloc<BasicAuthShare<S>>(circuit.input_count());
  count_alloc<Fp61>(2 * circuit.input_count());
  out.input_mask.reserve(circuit.input_count());
  out.input_mask_clear.reserve(circuit.input_count());
  out.input_mask_dealt.reserve(circuit.input_count());
  d.random_masks(circuit.input_count(), out.input_mask_dealt, out.input_mask, Mutant::kM34);
  std::size_t at = 0;  // input wires in circuit input order, as the masks were dealt
  for (const auto& group : circuit.inputs)
    for (std::size_t w = 0; w < group.wires.size(); ++w, ++at)
      out.input_mask_clear.push_back(group.owner == me ? out.input_mask_dealt[at] : Fp61());
  // One triple per MUL gate: the engine takes them in layer_schedule order, but they are drawn
  // alike, so only their number matters here. A program's carrier circuit has none (its gates
  // are the program's words, fx::carrier_circuit), and counting them would read 4 gates per
  // instruction of the program on every run and party: it is not read.
  std::size_t muls = 0;
  if (!program)
    for (const Gate& g : circuit.gates) muls += gate_is_nonlinear(g.type) ? 1 : 0;
  count_alloc<BasicSpdzTriple<S>>(muls);
  out.triples.reserve(muls);
  d.triples(muls, out.triples);
  for (const auto& o : spdz_output_openings(circuit, SpdzOutputMasks::kPerGroup)) {
    if (o.mask_holders.empty()) {
      out.output_mask.push_back(std::nullopt);
      out.output_mask_clear.push_back(Fp61());
      continue;
    }
    const Fp61 s = rng.uniform_fp61();
    out.output_mask.push_back(d.authenticate(s));
    out.output_mask_clear.push_back(o.for_party(me) ? s : Fp61());
  }
  if (program) deal_program(d, *program, needs ? *needs : fx::needs_of(*program), out);
  return out;
}

SpdzPreprocessing spdz_deal(const Circuit& circuit, int n, int k, PartyId me, Rng& rng,
                            const fx::Program* program) {
  return spdz_deal_in<kSpdzMaxMacKeys>(circuit, n, k, me, rng, program);
}

namespace {

template <int S>
BasicAuthShare<S> narrow(const AuthShare& a) {
  BasicAuthShare<S> out;
  out.value = a.value;
  for (std::size_t l = 0; l < static_cast<std::size_t>(S); ++l) out.mac[l] = a.mac[l];
  return out;
}
template <int S>
BasicSpdzTriple<S> narrow(const SpdzTriple& t) {
  return {narrow<S>(t.a), narrow<S>(t.b), narrow<S>(t.c)};
}
template <int S>
BasicSpdzFxMask<S> narrow(const SpdzFxMask& m) {
  BasicSpdzFxMask<S> out{narrow<S>(m.r), {}, {}};
  for (const auto& b : m.bits) out.bits.push_back(narrow<S>(b));
  for (const auto& b : m.pairs) out.pairs.push_back(narrow<S>(b));
  return out;
}
template <int S, typename T>
auto narrow_all(const std::vector<T>& v) {
  std::vector<decltype(narrow<S>(v.front()))> out;
  out.reserve(v.size());
  for (const auto& x : v) out.push_back(narrow<S>(x));
  return out;
}

}  // namespace

template <int S>
BasicSpdzPreprocessing<S> narrow_macs(const SpdzPreprocessing& p) {
  BasicSpdzPreprocessing<S> out;
  out.alpha = p.alpha;
  out.input_mask = narrow_all<S>(p.input_mask);
  out.input_mask_clear = p.input_mask_clear;
  out.input_mask_dealt = p.input_mask_dealt;
  out.triples = narrow_all<S>(p.triples);
  for (const auto& m : p.output_mask)
    out.output_mask.push_back(m ? std::optional(narrow<S>(*m)) : std::nullopt);
  out.output_mask_clear = p.output_mask_clear;
  out.fx_triples = narrow_all<S>(p.fx_triples);
  out.fx_factor_mask = narrow_all<S>(p.fx_factor_mask);
  out.fx_mask_product = narrow_all<S>(p.fx_mask_product);
  out.fx_trunc = narrow_all<S>(p.fx_trunc);
  out.fx_ltz = narrow_all<S>(p.fx_ltz);
  return out;
}

#define SMPC_SPDZ_DEAL_SLOTS(S)                                                                  \
  template BasicSpdzPreprocessing<S> spdz_deal_in<S>(const Circuit&, int, int, PartyId, Rng&,    \
                                                     const fx::Program*, const fx::Needs*);      \
  template BasicSpdzPreprocessing<S> narrow_macs<S>(const SpdzPreprocessing&);
SMPC_SPDZ_DEAL_SLOTS(1)
SMPC_SPDZ_DEAL_SLOTS(2)
SMPC_SPDZ_DEAL_SLOTS(3)
SMPC_SPDZ_DEAL_SLOTS(4)
#undef SMPC_SPDZ_DEAL_SLOTS

}  // namespace smpc
