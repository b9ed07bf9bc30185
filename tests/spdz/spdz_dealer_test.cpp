// The simulated dealer (spdz_dealer.h) against an independent replay of its stream: every
// party's part (and a client's) is what the documented draw order gives, so that a change to
// how the dealer computes never changes a run's shares, views or reports; and the parts are
// consistent: shares sum to a, b, ab and the MAC shares to α·v, the masks' bits are bits
// whose weighted sum is r's low part.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "protocols/core/rng.h"
#include "protocols/fixedpoint/fixed.h"
#include "protocols/spdz/spdz_dealer.h"

namespace smpc {
namespace {

// The dealer's draws, replayed: one sharing of v among n parties is n − 1 draws (party i < n − 1
// holds draw i, the last v − Σ); an authenticated one is v's sharing, then α^(l)·v's, l < k.
struct Replay {
  Rng rng;
  int n, k;
  std::vector<Fp61> sharing(Fp61 v) {
    std::vector<Fp61> s(static_cast<std::size_t>(n));
    Fp61 rest;
    for (int i = 0; i + 1 < n; ++i) rest += s[static_cast<std::size_t>(i)] = rng.uniform_fp61();
    s.back() = v - rest;
    return s;
  }
  // [party][0] = value share, [party][1 + l] = MAC share l.
  std::vector<std::vector<Fp61>> authenticated(Fp61 v, const std::vector<Fp61>& alpha) {
    std::vector<std::vector<Fp61>> out(static_cast<std::size_t>(n));
    const auto add = [&](const std::vector<Fp61>& s) {
      for (std::size_t p = 0; p < out.size(); ++p) out[p].push_back(s[p]);
    };
    add(sharing(v));
    for (int l = 0; l < k; ++l) add(sharing(alpha[static_cast<std::size_t>(l)] * v));
    return out;
  }
};

void expect_share(const AuthShare& got, const std::vector<Fp61>& want, int k, const std::string& what) {
  EXPECT_EQ(got.value, want[0]) << what;
  for (int l = 0; l < kSpdzMaxMacKeys; ++l)
    EXPECT_EQ(got.mac[static_cast<std::size_t>(l)], l < k ? want[static_cast<std::size_t>(l) + 1] : Fp61())
        << what << ", MAC " << l;
}

TEST(SpdzDealer, EveryPartyGetsTheDocumentedStreamsShares) {
  fx::Program prog;  // 3 products of 4 factors and one TruncPr: no BitLT triple, one mask of f bits
  const auto x = prog.input(0), y = prog.input(1);
  const auto xy = prog.mul(x, y), xx = prog.mul(x, x);  // in this order
  prog.outputs = {prog.trunc(prog.mul(xy, xx))};
  const int f = prog.params.f, width = prog.params.k() + prog.params.kappa();
  for (int n : {1, 2, 3, 5})
    for (int k : {1, 2, 4}) {
      SCOPED_TRACE("n = " + std::to_string(n) + ", k = " + std::to_string(k));
      std::vector<SpdzPreprocessing> part;  // parties 0 .. n − 1, then a client (n)
      for (PartyId p = 0; p <= n; ++p) {
        Rng dealer(41, -1, "spdz.dealer/test");
        part.push_back(spdz_deal(Circuit{}, n, k, p, dealer, &prog));
      }
      Replay r{Rng(41, -1, "spdz.dealer/test"), n, k};
      std::vector<Fp61> alpha;
      for (int l = 0; l < k; ++l) {
        alpha.push_back(r.rng.uniform_fp61());
        const auto s = r.sharing(alpha.back());
        for (PartyId p = 0; p < n; ++p) EXPECT_EQ(part[p].alpha[l], s[p]) << "alpha " << l;
        EXPECT_EQ(part[n].alpha[l], Fp61()) << "a client holds no key share";
      }
      // The factors x, y, x·y, x·x in order of first use, one mask each (a draw, then its
      // authenticated sharing), then [[a_x·a_y]] for the products (x, y), (x, x), (xy, xx).
      ASSERT_TRUE(part[0].fx_triples.empty());
      ASSERT_EQ(part[0].fx_factor_mask.size(), 4u);
      ASSERT_EQ(part[0].fx_mask_product.size(), 3u);
      std::vector<Fp61> a;
      for (std::size_t j = 0; j < 4; ++j) {
        a.push_back(r.rng.uniform_fp61());
        const auto sa = r.authenticated(a.back(), alpha);
        for (PartyId p = 0; p < n; ++p)
          expect_share(part[p].fx_factor_mask[j], sa[p], k, "party " + std::to_string(p) + ", factor " + std::to_string(j));
        expect_share(part[n].fx_factor_mask[j], std::vector<Fp61>(5), 0, "client");
      }
      const std::array<std::array<std::size_t, 2>, 3> factors{{{0, 1}, {0, 0}, {2, 3}}};
      for (std::size_t t = 0; t < 3; ++t) {
        const auto sc = r.authenticated(a[factors[t][0]] * a[factors[t][1]], alpha);
        for (PartyId p = 0; p < n; ++p)
          expect_share(part[p].fx_mask_product[t], sc[p], k, "party " + std::to_string(p) + ", product " + std::to_string(t));
      }
      // PRandM: f bits (one draw each, then its authenticated sharing), r'' < 2^(width − f),
      // then [[r]] with r = 2^f r'' + Σ 2^i b_i.
      ASSERT_EQ(part[0].fx_trunc.size(), 1u);
      std::uint64_t low = 0;
      for (int i = 0; i < f; ++i) {
        const bool bit = r.rng.next_bit();
        low |= static_cast<std::uint64_t>(bit) << i;
        const auto s = r.authenticated(Fp61::from_u64(bit), alpha);
        for (PartyId p = 0; p < n; ++p)
          expect_share(part[p].fx_trunc[0].bits[static_cast<std::size_t>(i)], s[p], k, "bit " + std::to_string(i));
      }
      const std::uint64_t high = r.rng.uniform_below(std::uint64_t{1} << (width - f));
      const auto s = r.authenticated(Fp61::from_u64((high << f) | low), alpha);
      for (PartyId p = 0; p < n; ++p) expect_share(part[p].fx_trunc[0].r, s[p], k, "mask r");
      EXPECT_EQ(r.rng.uniform_fp61(), [&] {  // and nothing else was drawn: the streams end alike
        Rng dealer(41, -1, "spdz.dealer/test");
        (void)spdz_deal(Circuit{}, n, k, 0, dealer, &prog);
        return dealer.uniform_fp61();
      }());
    }
}

// The replay above checks the dealer against the same formulas; this checks the formulas'
// meaning: Σ_p shares = the factors' masks a_x and products a_x·a_y, Σ_p MAC shares = α·v, bits are bits summing to r's low part.
TEST(SpdzDealer, SharesReconstructToAuthenticatedTriplesAndMasks) {
  fx::Program prog;  // factors x and x·x, products (x, x) and (x·x, x); a Floor over 5 bits
  const auto x = prog.input(0);
  prog.outputs = {prog.trunc(prog.mul(prog.mul(x, x), x)), prog.floor(x, 5)};
  const int f = prog.params.f;
  for (int n : {2, 3, 4})
    for (int k : {1, 3}) {
      SCOPED_TRACE("n = " + std::to_string(n) + ", k = " + std::to_string(k));
      std::vector<SpdzPreprocessing> part;
      for (PartyId p = 0; p < n; ++p) {
        Rng dealer(5, -1, "spdz.dealer/sum");
        part.push_back(spdz_deal(Circuit{}, n, k, p, dealer, &prog));
      }
      std::vector<Fp61> alpha(static_cast<std::size_t>(k));
      for (const auto& q : part)
        for (int l = 0; l < k; ++l) alpha[static_cast<std::size_t>(l)] += q.alpha[l];
      const auto open = [&](auto get) {
        std::vector<Fp61> v(static_cast<std::size_t>(k) + 1);
        for (const auto& q : part) {
          const AuthShare& s = get(q);
          v[0] += s.value;
          for (int l = 0; l < k; ++l) v[static_cast<std::size_t>(l) + 1] += s.mac[l];
        }
        for (int l = 0; l < k; ++l) EXPECT_EQ(v[static_cast<std::size_t>(l) + 1], alpha[static_cast<std::size_t>(l)] * v[0]);
        return v[0];
      };
      const auto at = [&](std::size_t j, bool product) {
        return open([&](const SpdzPreprocessing& q) -> const AuthShare& {
          return product ? q.fx_mask_product[j] : q.fx_factor_mask[j];
        });
      };
      const Fp61 a0 = at(0, false), a1 = at(1, false);
      EXPECT_NE(a0, a1);
      EXPECT_EQ(at(0, true), a0 * a0);
      EXPECT_EQ(at(1, true), a1 * a0);
      std::uint64_t low = 0;
      for (int i = 0; i < f; ++i) {
        const Fp61 bit = open([&](const SpdzPreprocessing& q) -> const AuthShare& { return q.fx_trunc[0].bits[static_cast<std::size_t>(i)]; });
        ASSERT_LE(bit.value(), 1u);
        low |= bit.value() << i;
      }
      const Fp61 r = open([](const SpdzPreprocessing& q) -> const AuthShare& { return q.fx_trunc[0].r; });
      EXPECT_EQ(r.value() & ((std::uint64_t{1} << f) - 1), low);
      EXPECT_TRUE(part[0].fx_trunc[0].pairs.empty()) << "TruncPr has no BitLT";
      // The Floor's mask over 5 bits: its pairs are b_0·b_1 and b_2·b_3 (BitLT's first level).
      ASSERT_EQ(part[0].fx_ltz.size(), 1u);
      ASSERT_EQ(part[0].fx_ltz[0].pairs.size(), 2u);
      std::vector<Fp61> b;
      for (std::size_t i = 0; i < 5; ++i)
        b.push_back(open([&](const SpdzPreprocessing& q) -> const AuthShare& { return q.fx_ltz[0].bits[i]; }));
      for (std::size_t i = 0; i < 2; ++i)
        EXPECT_EQ(open([&](const SpdzPreprocessing& q) -> const AuthShare& { return q.fx_ltz[0].pairs[i]; }),
                  b[2 * i] * b[2 * i + 1]);
    }
}

// kRandBit's bits are dealt last, so the rest of the dealer's output is what the program without
// them gets; each reconstructs to a bit with valid MACs, and every party's record holds the
// dealt bits packed as fx::kRandBitsRecord (40 bits: 2 words).
TEST(SpdzDealer, RandomBitsComeLastAreBitsAndMatchTheRecord) {
  fx::Program without;
  without.outputs = {without.trunc(without.input(0))};
  fx::Program with = without;
  for (int j = 0; j < 40; ++j) with.outputs.push_back(with.rand_bit());
  for (int n : {2, 3})
    for (int k : {1, 2}) {
      SCOPED_TRACE("n = " + std::to_string(n) + ", k = " + std::to_string(k));
      std::vector<SpdzPreprocessing> part;
      for (PartyId p = 0; p < n; ++p) {
        Rng dealer(9, -1, "spdz.dealer/bits"), plain(9, -1, "spdz.dealer/bits");
        part.push_back(spdz_deal(Circuit{}, n, k, p, dealer, &with));
        const SpdzPreprocessing before = spdz_deal(Circuit{}, n, k, p, plain, &without);
        EXPECT_EQ(part.back().fx_trunc[0].r.value, before.fx_trunc[0].r.value);
        EXPECT_EQ(part.back().fx_trunc[0].r.mac, before.fx_trunc[0].r.mac);
        ASSERT_EQ(part.back().fx_rand_bits.size(), 40u);
        ASSERT_EQ(part.back().fx_rand_bits_dealt.size(), 2u);
        EXPECT_EQ(part.back().fx_rand_bits_dealt, part.front().fx_rand_bits_dealt);
        EXPECT_TRUE(before.fx_rand_bits.empty() && before.fx_rand_bits_dealt.empty());
      }
      std::vector<Fp61> alpha(static_cast<std::size_t>(k));
      for (const auto& q : part)
        for (int l = 0; l < k; ++l) alpha[static_cast<std::size_t>(l)] += q.alpha[l];
      int ones = 0;
      for (std::size_t j = 0; j < 40; ++j) {
        Fp61 v;
        std::array<Fp61, kSpdzMaxMacKeys> mac{};
        for (const auto& q : part) {
          v += q.fx_rand_bits[j].value;
          for (int l = 0; l < k; ++l) mac[static_cast<std::size_t>(l)] += q.fx_rand_bits[j].mac[l];
        }
        ASSERT_LE(v.value(), 1u) << "bit " << j;
        for (int l = 0; l < k; ++l) EXPECT_EQ(mac[static_cast<std::size_t>(l)], alpha[static_cast<std::size_t>(l)] * v);
        EXPECT_EQ((part[0].fx_rand_bits_dealt[j / 32] >> (j % 32)) & 1, v.value()) << "bit " << j;
        ones += static_cast<int>(v.value());
      }
      EXPECT_TRUE(ones > 0 && ones < 40);
      EXPECT_LT(part[0].fx_rand_bits_dealt[1], std::uint64_t{1} << 8) << "only 8 bits in the last word";
    }
}

}  // namespace
}  // namespace smpc
