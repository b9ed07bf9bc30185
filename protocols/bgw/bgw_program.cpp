#include "protocols/bgw/bgw_program.h"

#include <algorithm>
#include <array>
#include <bit>

#include "protocols/bgw/labels.h"
#include "protocols/bgw/shamir.h"
#include "protocols/core/abort.h"
#include "protocols/core/extraction.h"
#include "protocols/core/layer_schedule.h"
#include "protocols/core/mutants.h"
#include "protocols/core/ops.h"
#include "protocols/fixedpoint/engine.h"

namespace smpc {
namespace {

int ceil_log2(int n) { return static_cast<int>(std::bit_width(static_cast<unsigned>(n - 1))); }

// ρ_m: the bits of one dealer's contribution to r'' of a mask over m low bits (bgw_program.h).
int high_bits(const fx::Params& p, int m, int n) { return p.k() + p.kappa() - m - ceil_log2(n); }

struct Mask {
  Fp61 r;
  std::vector<Fp61> bits;  // b_0 (least significant) first
};

// Every party's shares of `shares` sent to every other party, each value reconstructed at 0
// from all n shares (one round).
std::vector<Fp61> open_all(const std::vector<Fp61>& shares, int n, std::span<const Fp61> lambda,
                           PartyContext& ctx, std::string_view label) {
  const PartyId me = ctx.net.self();
  for (PartyId j = 0; j < n; ++j)
    if (j != me) ctx.net.send(j, label, Message().add_field61(shares));
  std::vector<Fp61Accumulator> acc(shares.size());
  for (std::size_t k = 0; k < shares.size(); ++k)
    acc[k].add_product(lambda[static_cast<std::size_t>(me)], shares[k]);
  for (PartyId i = 0; i < n; ++i) {
    if (i == me) continue;
    const auto got = ctx.net.recv(i).field61(0, shares.size());
    for (std::size_t k = 0; k < shares.size(); ++k) acc[k].add_product(lambda[static_cast<std::size_t>(i)], got[k]);
  }
  std::vector<Fp61> out(shares.size());
  for (std::size_t k = 0; k < shares.size(); ++k) out[k] = acc[k].get();
  return out;
}

// The engine's backend (fixedpoint/engine.h): degree-t Shamir shares; a public constant is its
// own degree-0 sharing, so adding it to every share adds it to the secret.
struct Backend {
  using Share = Fp61;
  const std::vector<Fp61>& inputs;
  int t, n;
  std::span<const Fp61> lambda;
  PartyContext& ctx;
  std::vector<Mask> trunc, ltz;
  std::vector<Fp61> rand_bits;  // the kRandBit bits: the random bits after the masks'
  std::size_t next_trunc = 0, next_ltz = 0, next_rand_bit = 0;

  // Coefficients 0 and ±1 without the product, counted as the general case counts it.
  Share linear(const Share& a, const Share& b, Fp61 sign) const {
    if (const int u = fx::unit_of(sign); u != fx::kNotAUnit) {
      count_op(Op::kFp61Mul);
      return u == 0 ? a : u == 1 ? a + b : a - b;
    }
    return a + sign * b;
  }
  Share scaled(const Share& a, Fp61 c) const {
    if (const int u = fx::unit_of(c); u != fx::kNotAUnit) {
      count_op(Op::kFp61Mul);
      return u == 0 ? Fp61() : u == 1 ? a : -a;
    }
    return a * c;
  }
  Share constant(Fp61 c) const { return c; }
  void add_public(Share& a, Fp61 c) const { a += c; }
  const Share& program_input(std::size_t idx) const { return inputs[idx]; }
  std::vector<Share> multiply(const std::vector<std::pair<Share, Share>>& xy) {
    count_layer_gates(xy.size(), 0);
    std::vector<Fp61> d(xy.size());
    for (std::size_t g = 0; g < xy.size(); ++g) d[g] = xy[g].first * xy[g].second;  // 2a
    return bgw_reshare(d, t, n, lambda, ctx, labels::bgw::kMultReshare);           // 2b-2c
  }
  std::vector<Fp61> open_masked(fx::Op op, const std::vector<Share>& c) {
    return open_all(c, n, lambda, ctx, fx::is_mod2m(op) ? labels::bgw::kFxLtz : labels::bgw::kFxTrunc);
  }
  const Mask& next_mask(fx::Op op) { return fx::is_mod2m(op) ? ltz[next_ltz++] : trunc[next_trunc++]; }
  const Share& random_bit() { return rand_bits[next_rand_bit++]; }
};

// v^((p+1)/4) = v^(2^59) for every v: 59 squarings each (counted as such: Fp61::pow counted
// 61, its multiply by 1 and a last unused squaring), kLanes roots at a time so that the
// independent chains overlap in the multiplier (one chain alone waits on each product's
// latency; this was a third of a BGW inference's CPU).
std::vector<Fp61> square_roots(const std::vector<Fp61>& v) {
  constexpr std::size_t kLanes = 8;
  constexpr int kSquarings = 59;
  std::vector<Fp61> out(v);
  for (std::size_t j = 0; j < out.size(); j += kLanes) {
    std::array<Fp61, kLanes> x{};
    const std::size_t lanes = std::min(kLanes, out.size() - j);
    std::copy_n(out.begin() + static_cast<long>(j), lanes, x.begin());
    for (int i = 0; i < kSquarings; ++i)
      for (auto& xl : x) xl = Fp61::mul_uncounted(xl, xl);
    std::copy_n(x.begin(), lanes, out.begin() + static_cast<long>(j));
  }
  count_op(Op::kFp61Mul, kSquarings * out.size());
  return out;
}

// R3's bits from the opened squares: b_j = (s_j^{−1} a_j + 1) / 2.
std::vector<Fp61> bits_from_squares(const std::vector<Fp61>& a, std::vector<Fp61> sq) {
  const Fp61 half = Fp61::from_u64(2).inverse();
  const std::vector<Fp61> roots = square_roots(sq);
  for (std::size_t j = 0; j < sq.size(); ++j) {
    if (sq[j] == Fp61()) throw Abort("a random bit's square a² opened to 0 (probability 2^-61): run again with another seed");
    Fp61 s = roots[j];
    if (s * s != sq[j]) throw Abort("an opened square a² is not a square in F_p: a share was altered");
    if (s.value() > (Fp61::kModulus - 1) / 2) s = -s;
    sq[j] = s;
  }
  // M105: the bit is (s·a + 1)/2 — the root multiplied instead of divided: not a bit.
  if (!mutant_active(Mutant::kM105)) batch_invert<Fp61>(sq);
  std::vector<Fp61> b(a.size());
  for (std::size_t j = 0; j < a.size(); ++j) b[j] = (a[j] * sq[j] + Fp61::from_u64(1)) * half;
  return b;
}

// The low-bit count m of every mask in dealing order: TruncPr's (f each), then every Mod2m's
// (LTZ and Floor, program order).
std::vector<int> mask_widths(const fx::Needs& needs, const fx::Params& p) {
  std::vector<int> w(needs.truncs, p.f);
  w.insert(w.end(), needs.mod2m.begin(), needs.mod2m.end());
  return w;
}

// Masks `widths` (a run of mask_widths), mask j over widths[j] low bits: r = 2^m r'' + Σ 2^i b_i
// over the next m bits.
std::vector<Mask> masks(const std::vector<int>& widths, const std::vector<Fp61>& bits, std::size_t& bit,
                        const std::vector<Fp61>& high, std::size_t& at) {
  std::vector<Mask> out(widths.size());
  for (std::size_t j = 0; j < out.size(); ++j) {
    Mask& mask = out[j];
    const int m = widths[j];
    mask.bits.assign(bits.begin() + static_cast<long>(bit), bits.begin() + static_cast<long>(bit) + m);
    bit += static_cast<std::size_t>(m);
    mask.r = high[at++] * Fp61::from_u64(std::uint64_t{1} << m);
    for (int i = 0; i < m; ++i) mask.r += mask.bits[static_cast<std::size_t>(i)] * Fp61::from_u64(std::uint64_t{1} << i);
  }
  return out;
}

}  // namespace

int bgw_program_kappa(const fx::Params& p, int n) { return p.kappa() - ceil_log2(n); }

BgwProgramRun::BgwProgramRun(const fx::Program& prog, const fx::Plan& plan, int t, int n, PartyContext& ctx)
    : prog_(prog), plan_(plan), t_(t), n_(n), ctx_(ctx) {}

// Step 1's "bgw.fx.random": B uniform elements, then one bounded integer per mask.
void BgwProgramRun::deal_randomness() {
  const fx::Params& p = prog_.params;
  const fx::Needs& needs = plan_.needs;  // the bits and masks it deals, then run() consumes
  const std::size_t bits = needs.bits(p), count = bits + needs.masks();
  if (count == 0) return;
  std::vector<Fp61> values(count), shares(count * static_cast<std::size_t>(n_));
  for (std::size_t j = 0; j < bits; ++j) values[j] = draw_uniform<Fp61>(ctx_.rng);
  const std::vector<int> widths = mask_widths(needs, p);
  for (std::size_t i = 0; i < widths.size(); ++i) {
    const int rho = high_bits(p, widths[i], n_);
    values[bits + i] = Fp61::from_u64(ctx_.rng.next_u64() >> (64 - rho));
  }
  shamir_share_batch<Fp61>(values, t_, n_, ctx_.rng, shares);
  const PartyId me = ctx_.net.self();
  for (PartyId j = 0; j < n_; ++j)
    if (j != me)
      ctx_.net.send(j, labels::bgw::kFxRandom,
                    Message().add_field61(std::span<const Fp61>(shares).subspan(j * count, count)));
  own_.assign(shares.begin() + static_cast<long>(me * count), shares.begin() + static_cast<long>((me + 1) * count));
}

std::vector<Fp61> BgwProgramRun::run(const std::vector<Fp61>& inputs, std::span<const Fp61> lambda) {
  const fx::Params& p = prog_.params;
  const fx::Needs& needs = plan_.needs;
  Backend backend{inputs, t_, n_, lambda, ctx_, {}, {}, {}};
  if (!own_.empty()) {
    std::vector<Fp61> sum = own_;  // [a_j] and [r''_i]: the sums over every dealer
    const PartyId me = ctx_.net.self();
    for (PartyId i : other_parties(n_, me)) {
      const auto got = ctx_.net.recv(i).field61(0, sum.size());
      for (std::size_t k = 0; k < sum.size(); ++k) sum[k] += got[k];
    }
    const std::size_t count = needs.bits(p);
    const std::vector<Fp61> a(sum.begin(), sum.begin() + static_cast<long>(count));
    const std::vector<Fp61> high(sum.begin() + static_cast<long>(count), sum.end());
    std::vector<Fp61> sq(count);
    for (std::size_t j = 0; j < count; ++j) sq[j] = a[j] * a[j];                       // R2
    sq = bgw_reshare(sq, t_, n_, lambda, ctx_, labels::bgw::kFxSquare);
    const auto bits = bits_from_squares(a, open_all(sq, n_, lambda, ctx_, labels::bgw::kFxSquareOpen));  // R3
    std::size_t bit = 0, at = 0;
    const std::vector<int> widths = mask_widths(needs, p);
    const auto split = widths.begin() + static_cast<long>(needs.truncs);
    backend.trunc = masks({widths.begin(), split}, bits, bit, high, at);
    backend.ltz = masks({split, widths.end()}, bits, bit, high, at);
    backend.rand_bits.assign(bits.begin() + static_cast<long>(bit), bits.end());  // needs.rand_bits
  }
  fx::Engine<Backend> engine(prog_, plan_, backend);                                   // step 2
  engine.reserve_truncations(needs.truncs);
  std::vector<Fp61> y = engine.run();
  record_input_phase(ctx_, fx::kOpenedTruncRecord, 0, engine.opened_truncations());
  return y;
}

}  // namespace smpc
