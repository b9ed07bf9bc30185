// Why FROST nonces must be fresh: a signer that signs three messages with the same (d_i, e_i)
// hands anybody holding the transcript (commitments, messages, shares: what the coordinator
// sees) its long-term share s_i. z_j = d + e·ρ_j + λ·s·c_j for j = 1..3 is linear in
// (d, e, λ·s) with public ρ_j and c_j, so Cramer's rule solves it. (Two signatures give two
// equations in three unknowns: FROST's binding nonce is what makes the single-nonce Schnorr
// attack need a third.) The protocol's freshness check (seeded bug M50) stops the second
// session before this can happen.
#include <gtest/gtest.h>

#include "protocols/frost/frost.h"

namespace smpc::frost {
namespace {

struct Transcript {
  Scalar rho, c, z;
};

TEST(FrostNonceReuse, ThreeSignaturesWithReusedNoncesRevealTheShare) {
  Rng rng(2026, 0, "frost-nonce-reuse");
  const KeyShares keys = trusted_dealer_keygen(rng, 2, 3);
  const std::uint64_t victim = 1, other = 3;
  std::array<std::uint8_t, 32> hr, br;
  rng.fill(hr);
  rng.fill(br);
  const RoundOne reused = commit(victim, keys.shares[victim - 1], hr, br);

  std::vector<Transcript> seen;
  for (std::uint8_t j = 0; j < 3; ++j) {
    std::array<std::uint8_t, 32> r1, r2;
    rng.fill(r1);
    rng.fill(r2);
    const RoundOne fresh = commit(other, keys.shares[other - 1], r1, r2);
    const CommitmentList list = {reused.commitment, fresh.commitment};
    const Bytes msg = {'m', j};
    const auto ctx = signing_context(keys.group_public_key, list, msg);
    ASSERT_TRUE(ctx.has_value());
    const auto z = sign_share(victim, keys.shares[victim - 1], reused.nonces, list, *ctx);
    ASSERT_TRUE(verify_signature_share(victim, keys.public_shares[victim - 1], *z, list, *ctx));
    seen.push_back({ctx->binding.factors[0], ctx->challenge, *z});
  }
  // Eliminate d: (z1−z2) = e(ρ1−ρ2) + x(c1−c2), (z1−z3) = e(ρ1−ρ3) + x(c1−c3), x = λ·s.
  const auto& [r1, c1, z1] = seen[0];
  const auto& [r2, c2, z2] = seen[1];
  const auto& [r3, c3, z3] = seen[2];
  const Scalar det = (r1 - r2) * (c1 - c3) - (r1 - r3) * (c1 - c2);
  const Scalar x = ((r1 - r2) * (z1 - z3) - (r1 - r3) * (z1 - z2)) * *det.inverse();
  const Scalar lambda = *derive_interpolating_value({victim, other}, victim);
  const Scalar recovered = x * *lambda.inverse();
  EXPECT_EQ(recovered, keys.shares[victim - 1]);
  EXPECT_EQ(RistrettoPoint::base_mul(recovered), keys.public_shares[victim - 1]);
}

TEST(FrostNonceReuse, FreshNoncesDefeatTheSameAlgebra) {
  // The same solver on three honest signatures (fresh nonces each time) gives a wrong share.
  Rng rng(2027, 0, "frost-nonce-fresh");
  const KeyShares keys = trusted_dealer_keygen(rng, 2, 3);
  std::vector<Transcript> seen;
  for (std::uint8_t j = 0; j < 3; ++j) {
    std::array<std::uint8_t, 32> a, b, c, d;
    for (auto* r : {&a, &b, &c, &d}) rng.fill(*r);
    const CommitmentList list = {commit(1, keys.shares[0], a, b).commitment,
                                 commit(3, keys.shares[2], c, d).commitment};
    const RoundOne mine = commit(1, keys.shares[0], a, b);
    const Bytes msg = {'m', j};
    const auto ctx = signing_context(keys.group_public_key, list, msg);
    seen.push_back({ctx->binding.factors[0], ctx->challenge,
                    *sign_share(1, keys.shares[0], mine.nonces, list, *ctx)});
  }
  const auto& [r1, c1, z1] = seen[0];
  const auto& [r2, c2, z2] = seen[1];
  const auto& [r3, c3, z3] = seen[2];
  const Scalar det = (r1 - r2) * (c1 - c3) - (r1 - r3) * (c1 - c2);
  const Scalar x = ((r1 - r2) * (z1 - z3) - (r1 - r3) * (z1 - z2)) * *det.inverse();
  const Scalar guess = x * *derive_interpolating_value({1, 3}, 1)->inverse();
  EXPECT_FALSE(guess == keys.shares[0]);
}

}  // namespace
}  // namespace smpc::frost
