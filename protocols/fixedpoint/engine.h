// The fixed-point program engine: runs an fx::Program (fixed.h) on the shares of a linear
// secret-sharing scheme, for every protocol that runs programs (spdz.h and bgw_semi_honest.h,
// "Fixed-point programs"). The protocols differ only in how a share is combined, how a batch
// of products and a batch of masked values are computed and opened, and where the masks come
// from (SPDZ: the dealer's authenticated material; BGW: random bits the parties make together,
// bgw_program.h); the algorithms below are the papers' and are written once.
//
// A backend B provides, with Share = typename B::Share:
//   Share linear(const Share& a, const Share& b, Fp61 sign) const    a + sign·b
//   Share scaled(const Share& a, Fp61 c) const                        a·c
//   Share constant(Fp61 c) const                                      a sharing of the public c
//   void add_public(Share& a, Fp61 c) const                           a + c
//   const Share& program_input(std::size_t idx) const                 input idx, input order
//   std::vector<Share> multiply(const std::vector<std::pair<Share, Share>>& xy)   one round
//   std::vector<Fp61> open_masked(Op op, const std::vector<Share>& c)  kTrunc / kLtz / kFloor,
//                                                                     one round
//   const Mask& next_mask(Op op)                                      the next TruncPr mask (f
//                                                                     bits) or Mod2m mask (LTZ,
//                                                                     Floor: fx::mod2m_bits of
//                                                                     the instruction, program
//                                                                     order): .r, .bits (b_0 first)
//   const Share& random_bit()                                         the next kRandBit's shared
//                                                                     bit (program order)
// and may provide
//   std::vector<Share> multiply_registers(std::size_t m, const std::vector<Share>& reg)
//     the next m kMuls of the program (a product batch, fx::Needs::mul_factors), their
//     factors read from the registers `reg`: a protocol that masks each factor once (SPDZ)
//     opens only the factors first used in the batch; without it, multiply.
//   const Share& bit_pair(const Mask& mask, std::size_t i)
//     b_2i·b_2i+1 of a Mod2m mask, from the preprocessing: BitLT's first level then takes no
//     round (fx::ProgramRound::bit_pairs); without it, one multiply call.
// Each batch of the program (fx::batches) is one call of multiply or open_masked (an LTZ or
// Floor batch adds one multiply call per BitLT level, none for the first with bit_pair), so
// the rounds are fx::program_rounds' (without its bit_pairs rounds for a backend with bit_pair).
#pragma once

#include <algorithm>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <vector>

#include "protocols/core/field.h"
#include "protocols/core/mutants.h"
#include "protocols/fixedpoint/fixed.h"

namespace smpc::fx {

// A backend's linear() and scaled() may skip the product by a coefficient c of 0, 1 or −1 (most
// of a program's linear work: additions, subtractions, BitLT's first level) — but must count it
// as the general case does, so that the compute model's times never depend on the shortcut.
inline constexpr int kNotAUnit = 2;
inline int unit_of(Fp61 c) {
  return c == Fp61() ? 0 : c == Fp61::from_u64(1) ? 1 : c == -Fp61::from_u64(1) ? -1 : kNotAUnit;
}

template <class B>
class Engine {
 public:
  using Share = typename B::Share;
  using Mask = std::remove_cvref_t<decltype(std::declval<B&>().next_mask(Op::kTrunc))>;

  // `plan` = plan_of(prog), made once per program by the protocol that keeps it.
  Engine(const Program& prog, const Plan& plan, B& backend) : prog_(prog), plan_(plan), b_(backend) {}

  // Step 2 of the protocol for a program: batches in order, local instructions in between;
  // returns the outputs, in output order. opened_truncations() then holds the opened c of
  // every TruncPr, in program order (fx::evaluate_opened replays the run from them).
  std::vector<Share> run() {
    const auto& code = prog_.code;
    reg_.assign(code.size(), Share{});
    const auto& all = plan_.batches;
    for (std::size_t c = 0; c < all.size(); ++c) {
      local(c);
      run_batch(all[c]);
    }
    local(all.size());
    std::vector<Share> y;
    y.reserve(prog_.outputs.size());
    for (auto r : prog_.outputs) y.push_back(reg_[r]);
    return y;
  }
  const std::vector<std::uint64_t>& opened_truncations() const { return opened_; }
  void reserve_truncations(std::size_t n) { opened_.reserve(n); }

 private:
  // Call c runs the local instructions of plan_.locals's slice c (fixed.h Plan: in program
  // order, as soon as their registers are there, before batch c).
  void local(std::size_t c) {
    const auto& code = prog_.code;
    const Fp61 one = Fp61::from_u64(1);
    for (std::size_t k = plan_.local_start[c]; k < plan_.local_start[c + 1]; ++k) {
      const std::uint32_t i = plan_.locals[k];
      const Instr& in = code[i];
      switch (in.op) {
        case Op::kInput: reg_[i] = b_.program_input(static_cast<std::size_t>(in.c)); break;
        case Op::kConst: reg_[i] = b_.constant(to_field(in.c)); break;
        case Op::kAdd: reg_[i] = b_.linear(reg_[in.a], reg_[in.b], one); break;
        case Op::kSub: reg_[i] = b_.linear(reg_[in.a], reg_[in.b], -one); break;
        case Op::kMulConst: reg_[i] = b_.scaled(reg_[in.a], to_field(in.c)); break;
        case Op::kRandBit: reg_[i] = b_.random_bit(); break;
        default: break;
      }
    }
  }

  void run_batch(const Batch& batch) {
    const auto& code = prog_.code;
    std::vector<Share> a, out;
    if (batch.op == Op::kMul) {
      if constexpr (requires { b_.multiply_registers(std::size_t{}, reg_); }) {
        out = b_.multiply_registers(batch.instrs.size(), reg_);
      } else {
        std::vector<std::pair<Share, Share>> xy;
        xy.reserve(batch.instrs.size());
        for (auto i : batch.instrs) xy.emplace_back(reg_[code[i].a], reg_[code[i].b]);
        out = b_.multiply(xy);
      }
    } else {
      a.reserve(batch.instrs.size());
      for (auto i : batch.instrs) a.push_back(reg_[code[i].a]);
    }
    if (batch.op == Op::kTrunc) out = trunc(a);
    if (is_mod2m(batch.op)) {
      std::vector<int> m;
      for (auto i : batch.instrs) m.push_back(mod2m_bits(code[i], prog_.params));
      out = floor(batch.op, a, m);
      if (batch.op == Op::kLtz)
        for (auto& x : out) x = b_.scaled(x, -Fp61::from_u64(1));  // LTZ(a) = −Floor(a, k − 1)
    }
    for (std::size_t j = 0; j < out.size(); ++j) reg_[batch.instrs[j]] = out[j];
  }

  // Step 1 of TruncPr and of Mod2m (every mask's r carries its own m low bits; both add
  // 2^(k−1), which vanishes mod 2^m): c = Open(2^(k−1) + a + r) with the next masks of `op`,
  // which are appended to `mask`.
  std::vector<Fp61> mask_and_open(Op op, const std::vector<Share>& a, std::vector<const Mask*>& mask) {
    const Fp61 offset = Fp61::from_u64(std::uint64_t{1} << (prog_.params.k() - 1));
    std::vector<Share> masked;
    masked.reserve(a.size());
    mask.reserve(a.size());
    for (const auto& x : a) {
      mask.push_back(&b_.next_mask(op));
      Share c = b_.linear(x, mask.back()->r, Fp61::from_u64(1));
      b_.add_public(c, offset);
      masked.push_back(c);
    }
    return b_.open_masked(op, masked);
  }

  // TruncPr (Catrina–Saxena, Protocol 3.1) of a batch: 1. c = Open(2^(k−1) + a + r),
  // 2. c' = c mod 2^f, 3. d = (a − c' + r')·2^−f with r' = Σ 2^i b_i.
  std::vector<Share> trunc(const std::vector<Share>& a) {
    const Params& p = prog_.params;
    const Fp61 inv = Fp61::from_u64(std::uint64_t{1} << p.f).inverse();
    std::vector<Share> out;
    std::vector<const Mask*> mask;
    out.reserve(a.size());
    const auto c = mask_and_open(Op::kTrunc, a, mask);
    for (std::size_t j = 0; j < a.size(); ++j) {
      opened_.push_back(c[j].value());
      Share d = a[j];
      for (int i = 0; i < p.f; ++i)
        d = b_.linear(d, mask[j]->bits[static_cast<std::size_t>(i)], Fp61::from_u64(std::uint64_t{1} << i));
      b_.add_public(d, -Fp61::from_u64(c[j].value() & ((std::uint64_t{1} << p.f) - 1)));
      out.push_back(b_.scaled(d, inv));
    }
    return out;
  }

  // Floor(a, m) (Catrina–de Hoogh's Trunc via Mod2m) of a batch, each a with its own m:
  // c = Open(2^(k−1) + a + r), c' = c mod 2^m, u = BitLT(c', r'), a' = c' − r' + 2^m u
  // (= a mod 2^m); Floor = (a − a')·2^−m. LTZ is this with m = k − 1, negated (run_batch).
  std::vector<Share> floor(Op op, const std::vector<Share>& a, const std::vector<int>& m) {
    std::vector<Share> out;
    std::vector<const Mask*> mask;
    out.reserve(a.size());
    const auto opened = mask_and_open(op, a, mask);
    std::vector<std::uint64_t> low;
    low.reserve(opened.size());
    for (std::size_t j = 0; j < a.size(); ++j) low.push_back(opened[j].value() & ((std::uint64_t{1} << m[j]) - 1));
    const auto u = bitlt(low, mask);
    for (std::size_t j = 0; j < a.size(); ++j) {
      const std::uint64_t two_m = std::uint64_t{1} << m[j];
      // M106: the borrow dropped, a' = c' − r' (wrong by 2^m whenever c' < r').
      Share a_low = mutant_active(Mutant::kM106) ? b_.constant(Fp61()) : b_.scaled(u[j], Fp61::from_u64(two_m));  // a' = c' − r' + 2^m u
      for (int i = 0; i < m[j]; ++i)
        a_low = b_.linear(a_low, mask[j]->bits[static_cast<std::size_t>(i)], -Fp61::from_u64(std::uint64_t{1} << i));
      b_.add_public(a_low, Fp61::from_u64(low[j]));
      out.push_back(b_.scaled(b_.linear(a[j], a_low, -Fp61::from_u64(1)), inv_pow2(m[j])));
    }
    return out;
  }

  // BitLT(c, r) = [c < r] for public c and shared bits of r, every comparison of the batch at
  // once: leaves (t_i, v_i) = (c_i ⊕ b_i, b_i(1 − c_i)) (linear: c is public), then levels of
  // v = v_L + t_H (v_H − v_L), t = t_H + t_L − t_H t_L until one node is left: v = [c < r].
  // Two savings, both exact (fx::bitlt_products counts the same): the first level takes one
  // product per pair of leaves (bitlt_first_level), and a row's node 0 is always an L child
  // or the root, so its t is never read and is not computed: one product less per row and level.
  // Rows of different widths share the levels; a row already down to one node waits.
  // Every row's nodes sit in one buffer from first[j] on, width[j] of them; a level halves each
  // row in place (node i/2 is written after nodes i and i + 1 were read).
  std::vector<Share> bitlt(const std::vector<std::uint64_t>& c, const std::vector<const Mask*>& masks) {
    std::vector<std::pair<Share, Share>> nodes;  // (t, v), low first
    std::vector<std::size_t> first(c.size()), width(c.size());
    std::size_t total = 0;
    for (std::size_t j = 0; j < c.size(); ++j) {
      first[j] = total;
      width[j] = masks[j]->bits.size();
      total += width[j];
    }
    nodes.resize(total);
    bitlt_first_level(c, masks, nodes, first, width);
    while (*std::max_element(width.begin(), width.end()) > 1) bitlt_level(nodes, first, width);
    std::vector<Share> out;
    out.reserve(c.size());
    for (std::size_t j = 0; j < c.size(); ++j) out.push_back(nodes[first[j]].second);
    return out;
  }

  // The first level straight from the bits (their pairs' products from the backend's
  // preprocessing when it has them, else one multiply). With c public the leaves are affine in their bits,
  // t_i = c_i + (1 − 2c_i) b_i and v_i = (1 − c_i) b_i, and as b² = b both products of a merge
  // are affine in P = b_L b_H alone:
  //   v = (1 − c_L)(1 − c_H) b_L + (1 − c_H) b_H − (1 − c_L)(1 − 2c_H) P,
  //   t = c_L + c_H − c_L c_H + (1 − 2c_L)(1 − c_H) b_L + (1 − c_L)(1 − 2c_H) b_H − (1 − 2c_L)(1 − 2c_H) P.
  // An odd row's top leaf goes up as it is.
  void bitlt_first_level(const std::vector<std::uint64_t>& c, const std::vector<const Mask*>& masks,
                         std::vector<std::pair<Share, Share>>& nodes, const std::vector<std::size_t>& first,
                         std::vector<std::size_t>& width) {
    const auto f = [](std::int64_t k) { return Fp61::from_i64(k); };
    constexpr bool dealt = requires { b_.bit_pair(*masks[0], std::size_t{}); };
    std::vector<Share> prod;
    if constexpr (!dealt) {
      std::vector<std::pair<Share, Share>> xy;
      for (std::size_t j = 0; j < c.size(); ++j)
        for (std::size_t i = 0; i + 1 < width[j]; i += 2) xy.emplace_back(masks[j]->bits[i], masks[j]->bits[i + 1]);
      prod = b_.multiply(xy);
    }
    std::size_t at = 0;
    for (std::size_t j = 0; j < c.size(); ++j) {
      const auto& b = masks[j]->bits;
      auto* row = &nodes[first[j]];
      const auto bit = [&](std::size_t i) { return static_cast<std::int64_t>((c[j] >> i) & 1); };
      std::size_t i = 0;
      for (; i + 1 < width[j]; i += 2) {
        const std::int64_t cl = bit(i), ch = bit(i + 1);
        const Share& p = [&]() -> const Share& {
          if constexpr (dealt) return b_.bit_pair(*masks[j], i / 2);
          else return prod[at++];
        }();
        const Share v = b_.linear(b_.linear(b_.scaled(b[i], f((1 - cl) * (1 - ch))), b[i + 1], f(1 - ch)), p,
                                  f(-(1 - cl) * (1 - 2 * ch)));
        Share t{};
        if (i > 0) {
          t = b_.linear(b_.linear(b_.scaled(b[i], f((1 - 2 * cl) * (1 - ch))), b[i + 1], f((1 - cl) * (1 - 2 * ch))),
                        p, f(-(1 - 2 * cl) * (1 - 2 * ch)));
          b_.add_public(t, f(cl + ch - cl * ch));
        }
        row[i / 2] = {t, v};
      }
      if (i < width[j]) {
        const Fp61 one = Fp61::from_u64(1);
        row[i / 2] = {bit(i) ? b_.linear(b_.constant(one), b[i], -one) : b[i], bit(i) ? Share{} : b[i]};
      }
      width[j] = (width[j] + 1) / 2;
    }
  }

  // One later level: 2 products per merge (none for node 0's t).
  void bitlt_level(std::vector<std::pair<Share, Share>>& nodes, const std::vector<std::size_t>& first,
                   std::vector<std::size_t>& width) {
    const Fp61 one = Fp61::from_u64(1);
    std::vector<std::pair<Share, Share>> xy;
    for (std::size_t j = 0; j < first.size(); ++j) {
      const auto* row = &nodes[first[j]];
      for (std::size_t i = 0; i + 1 < width[j]; i += 2) {
        const auto& [tl, vl] = row[i];
        const auto& [th, vh] = row[i + 1];
        xy.emplace_back(th, b_.linear(vh, vl, -one));
        if (i > 0) xy.emplace_back(th, tl);
      }
    }
    const auto prod = b_.multiply(xy);
    std::size_t at = 0;
    for (std::size_t j = 0; j < first.size(); ++j) {
      auto* row = &nodes[first[j]];
      for (std::size_t i = 0; i + 1 < width[j]; i += 2) {
        const Share v = b_.linear(row[i].second, prod[at++], one);
        const Share t = i == 0 ? Share{} : b_.linear(b_.linear(row[i + 1].first, row[i].first, one), prod[at++], -one);
        row[i / 2] = {t, v};
      }
      if (width[j] % 2) row[width[j] / 2] = row[width[j] - 1];
      width[j] = (width[j] + 1) / 2;
    }
  }

  // 2^−m for every m a Mod2m may use (a batch mixes widths): 2^61 ≡ 1 mod p, so 2^−m = 2^(61−m)
  // exactly, for 0 ≤ m ≤ 61 (check() bounds m by k − 1 ≤ 58).
  static Fp61 inv_pow2(int m) { return Fp61::from_u64((std::uint64_t{1} << (61 - m)) % Fp61::kModulus); }

  const Program& prog_;
  const Plan& plan_;
  B& b_;
  std::vector<Share> reg_;
  std::vector<std::uint64_t> opened_;
};

}  // namespace smpc::fx
