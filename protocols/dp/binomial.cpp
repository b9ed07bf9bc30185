#include "protocols/dp/binomial.h"

#include <algorithm>
#include <cmath>

#include "protocols/core/mutants.h"

namespace smpc::dp {
namespace {

double log_pmf(std::size_t m, std::int64_t k) {
  if (k < 0 || static_cast<std::size_t>(k) > m) return -INFINITY;
  const double md = static_cast<double>(m), kd = static_cast<double>(k);
  return std::lgamma(md + 1) - std::lgamma(kd + 1) - std::lgamma(md - kd + 1) - md * std::log(2.0);
}

std::size_t even_half(std::size_t m) { return std::max<std::size_t>(2, (m / 2) & ~std::size_t{1}); }

Fp61 xor_field(Fp61 a, Fp61 b) { return a + b - Fp61::from_u64(2) * a * b; }

}  // namespace

double binomial_delta(std::size_t coins, double epsilon, std::uint64_t sensitivity) {
  // Only k where P[Z = k] > e^ε P[Z = k − Δ] count: the upper part of the support.
  const auto d = static_cast<std::int64_t>(sensitivity);
  double sum = 0;
  // k > m has P[Z = k] = 0 and never counts: the loop stops at m, not m + Δ (a Δ of 2^32 would
  // otherwise take minutes before calibrate_coins could say that no m ≤ kMaxCoins suffices).
  for (std::int64_t k = 0; k <= static_cast<std::int64_t>(coins); ++k) {
    const double lp = log_pmf(coins, k), lq = log_pmf(coins, k - d) + epsilon;
    if (lp > lq) sum += std::exp(lp) * -std::expm1(lq - lp);
  }
  return sum;
}

Result<std::size_t> calibrate_coins(double epsilon, double delta, std::uint64_t sensitivity) {
  if (!(epsilon > 0) || !(delta > 0 && delta < 1) || sensitivity == 0)
    return Error("calibration needs epsilon > 0, 0 < delta < 1 and a sensitivity >= 1");
  const auto ok = [&](std::size_t m) { return binomial_delta(m, epsilon, sensitivity) <= delta; };
  std::size_t hi = 2;
  while (!ok(hi)) {
    if (hi >= kMaxCoins)
      return Error("(epsilon, delta) for sensitivity " + std::to_string(sensitivity) +
                   " needs more than " + std::to_string(kMaxCoins) +
                   " coins: raise epsilon or delta, or narrow [lower, upper]");
    hi *= 2;
  }
  std::size_t lo = hi / 2;  // fails (or is 1, when hi = 2); hi passes; both even otherwise
  while (hi - lo > 2) {
    std::size_t mid = (lo + (hi - lo) / 2) & ~std::size_t{1};
    if (mid <= lo) mid = lo + 2;
    (ok(mid) ? hi : lo) = mid;
  }
  // Seeded bug M78: half the coins, while the report still claims (ε, δ).
  if (mutant_active(Mutant::kM78)) return even_half(hi);
  return hi;
}

std::vector<double> binomial_pmf(std::size_t coins) {
  std::vector<double> out(coins + 1);
  for (std::size_t k = 0; k <= coins; ++k) out[k] = std::exp(log_pmf(coins, static_cast<std::int64_t>(k)));
  return out;
}

std::size_t Layout::base(std::size_t p) const {
  std::size_t at = 0;
  for (std::size_t q = 0; q < p; ++q) at += size(q);
  return at;
}

namespace {

// Step 1: one product batch per party after the first; the additions between batches.
std::vector<std::uint32_t> xor_coins(fx::Program& prog, const Layout& layout, std::size_t coins) {
  const auto bit = [&](std::size_t p, std::size_t j) { return layout.base(p) + layout.values[p] + j; };
  std::vector<std::uint32_t> coin(coins);
  for (std::size_t j = 0; j < coins; ++j) coin[j] = prog.input(bit(0, j));
  // Seeded bug M74: the coins are party 0's bits alone, so party 0 knows the noise.
  for (std::size_t p = 1; p < layout.parties() && !mutant_active(Mutant::kM74); ++p) {
    std::vector<std::uint32_t> b(coins), prod(coins);
    for (std::size_t j = 0; j < coins; ++j) b[j] = prog.input(bit(p, j));
    for (std::size_t j = 0; j < coins; ++j) prod[j] = prog.mul(coin[j], b[j]);
    for (std::size_t j = 0; j < coins; ++j)
      coin[j] = prog.add(prog.add(coin[j], b[j]), prog.mul_const(prod[j], -2));
  }
  return coin;
}

// Step 2: r_j c_j (c_j − 1) per coin, r_j = Σ_p u_{p,j}.
std::vector<std::uint32_t> bit_checks(fx::Program& prog, const Layout& layout,
                                      const std::vector<std::uint32_t>& coin) {
  const std::size_t coins = coin.size();
  const auto rnd = [&](std::size_t p, std::size_t j) { return layout.base(p) + layout.values[p] + coins + j; };
  const std::uint32_t one = prog.constant(1);
  std::vector<std::uint32_t> t(coins), r(coins), check(coins);
  for (std::size_t j = 0; j < coins; ++j) t[j] = prog.mul(coin[j], prog.sub(coin[j], one));
  for (std::size_t j = 0; j < coins; ++j) {
    r[j] = prog.input(rnd(0, j));
    for (std::size_t p = 1; p < layout.parties(); ++p) r[j] = prog.add(r[j], prog.input(rnd(p, j)));
  }
  for (std::size_t j = 0; j < coins; ++j) check[j] = prog.mul(r[j], t[j]);
  return check;
}

}  // namespace

fx::Program dp_program(const Layout& layout) {
  fx::Program prog;
  const std::size_t m = layout.coins;
  std::vector<std::uint32_t> coin, check;
  if (layout.dealer_coins) {
    for (std::size_t j = 0; j < m * layout.queries; ++j) coin.push_back(prog.rand_bit());
  } else {
    coin = xor_coins(prog, layout, m * layout.queries);
    check = bit_checks(prog, layout, coin);
  }
  // Step 3: y = Σ x + Σ c_j − m/2 + C per query.
  std::uint32_t sum = prog.constant(0);
  for (std::size_t p = 0; p < layout.parties(); ++p)
    for (std::size_t i = 0; i < layout.values[p]; ++i) sum = prog.add(sum, prog.input(layout.base(p) + i));
  for (std::size_t q = 0; q < layout.queries; ++q) {
    std::uint32_t y = prog.add(sum, prog.constant(-static_cast<std::int64_t>(m / 2)));
    for (std::size_t j = q * m; j < (q + 1) * m; ++j) {
      // Seeded bug M79: the bit check is computed but left out of y.
      if (!check.empty() && !mutant_active(Mutant::kM79)) y = prog.add(y, check[j]);
      y = prog.add(y, coin[j]);
    }
    prog.outputs.push_back(y);
  }
  return prog;
}

Result<Fp61> reference_output(const Layout& layout, std::span<const Fp61> in,
                              std::span<const std::uint64_t> dealt) {
  const std::size_t n = layout.parties(), m = layout.coins;
  Fp61 y = -Fp61::from_u64(m / 2);
  if (layout.dealer_coins) {
    if (dealt.size() != fx::rand_bit_words(m))
      return Error("expected the " + std::to_string(m) + " dealt coins in " + std::to_string(fx::rand_bit_words(m)) +
                   " words, got " + std::to_string(dealt.size()));
    for (std::size_t j = 0; j < m; ++j) y += Fp61::from_u64(fx::rand_bit_at(dealt, j));
  }
  for (std::size_t j = 0; j < m && !layout.dealer_coins; ++j) {
    Fp61 c = in[layout.base(0) + layout.values[0] + j], r = in[layout.base(0) + layout.values[0] + m + j];
    for (std::size_t p = 1; p < n; ++p) {
      c = xor_field(c, in[layout.base(p) + layout.values[p] + j]);
      r += in[layout.base(p) + layout.values[p] + m + j];
    }
    y += c + r * c * (c - Fp61::from_u64(1));
  }
  for (std::size_t p = 0; p < n; ++p)
    for (std::size_t i = 0; i < layout.values[p]; ++i) y += in[layout.base(p) + i];
  return y;
}

std::int64_t noise_of_bits(const std::vector<std::vector<std::uint8_t>>& bits) {
  if (bits.empty()) return 0;
  const std::size_t m = bits[0].size();
  std::int64_t sum = 0;
  for (std::size_t j = 0; j < m; ++j) {
    std::uint8_t c = 0;
    for (const auto& party : bits) c ^= party[j];
    sum += c;
  }
  return sum - static_cast<std::int64_t>(m / 2);
}

Result<std::vector<Fp61>> evaluate_field(const fx::Program& prog, std::span<const Fp61> inputs) {
  std::vector<Fp61> reg(prog.code.size());
  for (std::size_t i = 0; i < prog.code.size(); ++i) {
    const fx::Instr& in = prog.code[i];
    if ((fx::reads_a(in.op) && in.a >= i) || (fx::reads_b(in.op) && in.b >= i))
      return Error("instruction " + std::to_string(i) + ": reads a register not defined before it");
    switch (in.op) {
      case fx::Op::kInput:
        if (in.c < 0 || static_cast<std::size_t>(in.c) >= inputs.size()) return Error("input out of range");
        reg[i] = inputs[static_cast<std::size_t>(in.c)];
        break;
      case fx::Op::kConst: reg[i] = Fp61::from_i64(in.c); break;
      case fx::Op::kAdd: reg[i] = reg[in.a] + reg[in.b]; break;
      case fx::Op::kSub: reg[i] = reg[in.a] - reg[in.b]; break;
      case fx::Op::kMulConst: reg[i] = reg[in.a] * Fp61::from_i64(in.c); break;
      case fx::Op::kMul: reg[i] = reg[in.a] * reg[in.b]; break;
      default: return Error("instruction " + std::to_string(i) + ": truncation, comparison or random bit in a field program");
    }
  }
  std::vector<Fp61> out;
  for (auto o : prog.outputs) out.push_back(reg.at(o));
  return out;
}

}  // namespace smpc::dp
