// protocols/crypto/bit_proof.h and the ballots' proof contexts (protocols/vote/ballot.h): honest
// proofs verify, a commitment to a non-bit has none, a proof does not replay in another voter's
// or entry's slot, and every altered proof scalar fails.
#include <gtest/gtest.h>

#include "protocols/crypto/bit_proof.h"
#include "protocols/crypto/pedersen.h"
#include "protocols/vote/ballot.h"

namespace smpc::vote {
namespace {

const ElectionContext kElection{.servers = 5, .t = 1, .candidates = 3, .one_of_k = true};

TEST(BitProof, HonestProofsOfZeroAndOneVerify) {
  Rng rng(1, 0, "bit proof");
  for (const std::uint64_t b : {0, 1}) {
    const Scalar r = Scalar::random(rng);
    const RistrettoPoint c = pedersen_commit(Scalar::from_u64(b), r);
    const Bytes ctx = bit_proof_context(kElection, 7, 2);
    const BitProof p = prove_bit(c, b == 1, r, ctx, rng);
    EXPECT_TRUE(verify_bit_proof(c, p, ctx)) << b;
    const auto wire = encode_bit_proof(p);
    const auto back = decode_bit_proof(wire);
    ASSERT_TRUE(back.has_value());
    EXPECT_TRUE(verify_bit_proof(c, *back, ctx));
  }
}

// A commitment to 2 = 1·G + (G + r·H): the prover for the bit 1 of C − G (the best a cheater
// can run without log_G H) does not give a proof for C; nor does the one for 0 of C − 2G.
TEST(BitProof, ACommitmentToTwoHasNoProof) {
  Rng rng(2, 0, "bit proof");
  const Scalar r = Scalar::random(rng);
  const RistrettoPoint g = RistrettoPoint::base_mul(Scalar::from_u64(1));
  const RistrettoPoint c = pedersen_commit(Scalar::from_u64(2), r);
  const Bytes ctx = bit_proof_context(kElection, 7, 0);
  EXPECT_FALSE(verify_bit_proof(c, prove_bit(c - g, true, r, ctx, rng), ctx));
  EXPECT_FALSE(verify_bit_proof(c, prove_bit(c - g - g, false, r, ctx, rng), ctx));
  // The honest voter's dealing of a non-bit entry carries such a failing proof.
  const Dealing d = deal_ballot({2, 0, 0}, kElection, 7, rng);
  EXPECT_EQ(failing_bit_proof(d.post, kElection, 7), 0);
  EXPECT_EQ(failing_bit_proof(deal_ballot({0, 1, 0}, kElection, 7, rng).post, kElection, 7), -1);
}

TEST(BitProof, AProofDoesNotReplayForAnotherVoterEntryOrElection) {
  Rng rng(3, 0, "bit proof");
  const Scalar r = Scalar::random(rng);
  const RistrettoPoint c = pedersen_commit(Scalar::from_u64(1), r);
  const BitProof p = prove_bit(c, true, r, bit_proof_context(kElection, 7, 1), rng);
  ASSERT_TRUE(verify_bit_proof(c, p, bit_proof_context(kElection, 7, 1)));
  EXPECT_FALSE(verify_bit_proof(c, p, bit_proof_context(kElection, 8, 1)));  // another voter
  EXPECT_FALSE(verify_bit_proof(c, p, bit_proof_context(kElection, 7, 0)));  // another entry
  ElectionContext other = kElection;
  other.one_of_k = false;
  EXPECT_FALSE(verify_bit_proof(c, p, bit_proof_context(other, 7, 1)));  // another election
  // Another commitment (to the same bit) with the same proof.
  EXPECT_FALSE(verify_bit_proof(pedersen_commit(Scalar::from_u64(1), r + Scalar::from_u64(1)), p,
                                bit_proof_context(kElection, 7, 1)));
}

TEST(BitProof, EveryAlteredScalarFailsAndNonCanonicalBytesAreRefused) {
  Rng rng(4, 0, "bit proof");
  const Scalar r = Scalar::random(rng);
  const RistrettoPoint c = pedersen_commit(Scalar::from_u64(0), r);
  const Bytes ctx = bit_proof_context(kElection, 9, 0);
  const BitProof p = prove_bit(c, false, r, ctx, rng);
  for (Scalar BitProof::*part : {&BitProof::c0, &BitProof::c1, &BitProof::z0, &BitProof::z1}) {
    BitProof q = p;
    q.*part = q.*part + Scalar::from_u64(1);
    EXPECT_FALSE(verify_bit_proof(c, q, ctx));
  }
  auto wire = encode_bit_proof(p);
  for (std::size_t i = 0; i < 32; ++i) wire[32 + i] = 0xFF;  // c1 >= ℓ
  EXPECT_FALSE(decode_bit_proof(wire).has_value());
  EXPECT_FALSE(decode_bit_proof(ByteSpan(wire).first(96)).has_value());
}

}  // namespace
}  // namespace smpc::vote
