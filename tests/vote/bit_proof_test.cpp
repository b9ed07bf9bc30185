// protocols/crypto/bit_proof.h and the ballots' proof contexts (protocols/vote/ballot.h): honest
// proofs verify, a commitment to a non-bit has none, a proof does not replay in another voter's
// or entry's slot, every altered proof part fails, and the batch test (verify_bit_proofs_batch)
// gives the one-by-one answers, naming a bad proof among many and proofs whose errors cancel.
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

TEST(BitProof, EveryAlteredPartFailsAndNonCanonicalBytesAreRefused) {
  Rng rng(4, 0, "bit proof");
  const Scalar r = Scalar::random(rng);
  const RistrettoPoint c = pedersen_commit(Scalar::from_u64(0), r);
  const Bytes ctx = bit_proof_context(kElection, 9, 0);
  const BitProof p = prove_bit(c, false, r, ctx, rng);
  for (Scalar BitProof::*part : {&BitProof::c0, &BitProof::z0, &BitProof::z1}) {
    BitProof q = p;
    q.*part = q.*part + Scalar::from_u64(1);
    EXPECT_FALSE(verify_bit_proof(c, q, ctx));
  }
  for (RistrettoPoint BitProof::*part : {&BitProof::a0, &BitProof::a1}) {
    BitProof q = p;
    q.*part = q.*part + pedersen_h();
    EXPECT_FALSE(verify_bit_proof(c, q, ctx));
  }
  auto wire = encode_bit_proof(p);
  ASSERT_EQ(wire.size(), 160u);
  auto bad = wire;
  for (std::size_t i = 0; i < 32; ++i) bad[i] = 0xFF;  // A_0: not a canonical encoding (>= p)
  EXPECT_FALSE(decode_bit_proof(bad).has_value());
  bad = wire;
  for (std::size_t i = 0; i < 32; ++i) bad[64 + i] = 0xFF;  // c_0 >= ℓ
  EXPECT_FALSE(decode_bit_proof(bad).has_value());
  EXPECT_FALSE(decode_bit_proof(ByteSpan(wire).first(128)).has_value());
}

// Many statements with honest proofs, for the batch tests.
struct Batch {
  std::vector<RistrettoPoint> c;
  std::vector<BitProof> proof;
  std::vector<Bytes> context;
  std::vector<BitStatement> statements() const {
    std::vector<BitStatement> st;
    for (std::size_t j = 0; j < c.size(); ++j) st.push_back({&c[j], &proof[j], context[j]});
    return st;
  }
};

Batch honest_batch(std::size_t n, Rng& rng) {
  Batch b;
  for (std::size_t j = 0; j < n; ++j) {
    const Scalar r = Scalar::random(rng);
    const bool bit = j % 3 == 1;
    b.c.push_back(pedersen_commit(Scalar::from_u64(bit), r));
    b.context.push_back(bit_proof_context(kElection, static_cast<int>(j), 0));
    b.proof.push_back(prove_bit(b.c.back(), bit, r, b.context.back(), rng));
  }
  return b;
}

TEST(BitProof, BatchAcceptsHonestProofsAndNamesTheOneBadProofAmongMany) {
  Rng rng(5, 0, "bit proof");
  Batch b = honest_batch(40, rng);  // 122 points: the MSM's bucket method
  std::array<std::uint8_t, 32> seed{};
  rng.fill(seed);
  EXPECT_EQ(verify_bit_proofs_batch(b.statements(), seed), std::vector<bool>(40, true));
  EXPECT_TRUE(verify_bit_proofs_batch({}, seed).empty());
  b.proof[17].z1 = b.proof[17].z1 + Scalar::from_u64(1);
  std::vector<bool> want(40, true);
  want[17] = false;
  EXPECT_EQ(verify_bit_proofs_batch(b.statements(), seed), want);
  EXPECT_EQ(verify_bit_proofs_batch(b.statements(), bit_proof_batch_seed(b.statements())), want);
  // A proof of another slot (a replay) among honest ones.
  b.proof[17] = b.proof[3];
  want[3] = true;
  EXPECT_EQ(verify_bit_proofs_batch(b.statements(), seed), want);
}

// Errors +H and −H in two proofs (or in the two branches of one) cancel under equal weights;
// the batch's random weights keep them apart and both proofs are named.
TEST(BitProof, BatchRejectsProofsWhoseErrorsCancel) {
  Rng rng(6, 0, "bit proof");
  Batch b = honest_batch(20, rng);
  b.proof[4].z0 = b.proof[4].z0 + Scalar::from_u64(1);
  b.proof[9].z0 = b.proof[9].z0 - Scalar::from_u64(1);
  b.proof[12].z0 = b.proof[12].z0 + Scalar::from_u64(1);
  b.proof[12].z1 = b.proof[12].z1 - Scalar::from_u64(1);
  std::vector<bool> want(20, true);
  want[4] = want[9] = want[12] = false;
  std::array<std::uint8_t, 32> seed{};
  rng.fill(seed);
  EXPECT_EQ(verify_bit_proofs_batch(b.statements(), seed), want);
  EXPECT_EQ(verify_bit_proofs_batch(b.statements(), bit_proof_batch_seed(b.statements())), want);
}

// The ballots' batch (ballot.h) gives failing_bit_proof's answer per post.
TEST(BitProof, PostsBatchMatchesOneByOne) {
  Rng rng(7, 0, "bit proof");
  std::vector<Dealing> d;
  for (int v = 0; v < 6; ++v)
    d.push_back(deal_ballot(v == 4 ? std::vector<std::uint64_t>{0, 2, 0} : std::vector<std::uint64_t>{0, 1, 0},
                            kElection, 10 + v, rng));
  std::vector<const BallotPost*> posts;
  std::vector<int> voters;
  for (int v = 0; v < 6; ++v) {
    posts.push_back(&d[static_cast<std::size_t>(v)].post);
    voters.push_back(10 + v);
  }
  std::array<std::uint8_t, 32> seed{};
  rng.fill(seed);
  EXPECT_EQ(failing_bit_proofs(posts, voters, kElection, seed), (std::vector<int>{-1, -1, -1, -1, 1, -1}));
  for (int v = 0; v < 6; ++v)
    EXPECT_EQ(failing_bit_proof(*posts[static_cast<std::size_t>(v)], kElection, 10 + v), v == 4 ? 1 : -1);
}

}  // namespace
}  // namespace smpc::vote
