// The libsodium wrappers: ChaCha20 PRG streams, domain-separated BLAKE2b, ristretto255.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <vector>

#include "protocols/crypto/hash.h"
#include "protocols/crypto/prg.h"
#include "protocols/crypto/ristretto.h"

namespace smpc {
namespace {

TEST(Prg, StreamsArePrefixConsistentDistinctAndXorable) {
  Rng rng(1, 0, "prg-test");
  const PrgSeed seed = random_seed(rng);
  std::vector<std::uint8_t> a(1000), b(100), c(1000), d(1000, 0x5a), e(1000);
  prg_expand(seed, 3, a);
  prg_expand(seed, 3, b);
  prg_expand(seed, 4, c);
  EXPECT_TRUE(std::equal(b.begin(), b.end(), a.begin()));
  EXPECT_NE(a, c);
  prg_expand_xor(seed, 3, d);
  for (std::size_t k = 0; k < d.size(); ++k) EXPECT_EQ(d[k], a[k] ^ 0x5a);
  prg_expand(random_seed(rng), 3, e);
  EXPECT_NE(a, e);
}

TEST(Blake2b, DomainAndFramingSeparate) {
  const auto h = [](std::string_view domain, std::vector<std::string> parts) {
    std::array<std::uint8_t, 32> out;
    Blake2b b(domain, 32);
    for (const auto& p : parts)
      b.add(ByteSpan(reinterpret_cast<const std::uint8_t*>(p.data()), p.size()));
    b.finish(out);
    return out;
  };
  EXPECT_EQ(h("d", {"ab", "c"}), h("d", {"ab", "c"}));
  EXPECT_NE(h("d", {"ab", "c"}), h("d", {"a", "bc"}));
  EXPECT_NE(h("d", {"abc"}), h("e", {"abc"}));
}

TEST(Ristretto, DiffieHellmanCommutesAndGroupLawHolds) {
  Rng rng(2, 0, "ristretto-test");
  const Scalar a = Scalar::random(rng), b = Scalar::random(rng);
  const RistrettoPoint A = RistrettoPoint::base_mul(a), B = RistrettoPoint::base_mul(b);
  EXPECT_EQ(*B.mul(a), *A.mul(b));
  const RistrettoPoint P = RistrettoPoint::random(rng);
  EXPECT_EQ((P + A) - A, P);
  EXPECT_EQ(RistrettoPoint::decode(P.bytes()), P);
  EXPECT_EQ(RistrettoPoint::hash("x", 1, P.bytes()), RistrettoPoint::hash("x", 1, P.bytes()));
  EXPECT_NE(RistrettoPoint::hash("x", 1, P.bytes()), RistrettoPoint::hash("x", 2, P.bytes()));
  EXPECT_NE(RistrettoPoint::hash("x", 1, P.bytes()), RistrettoPoint::hash("y", 1, P.bytes()));
}

TEST(Ristretto, DecodeRejectsInvalidEncodingsAndIdentityMultiplies) {
  PointBytes bad;
  bad.fill(0xff);
  EXPECT_FALSE(RistrettoPoint::decode(bad).has_value());
  PointBytes negative{};
  negative[0] = 1;  // odd field element: not a canonical (non-negative) encoding
  EXPECT_FALSE(RistrettoPoint::decode(negative).has_value());
  const PointBytes zero{};  // the identity's encoding is valid...
  const auto identity = RistrettoPoint::decode(zero);
  ASSERT_TRUE(identity.has_value());
  Rng rng(3, 0, "ristretto-test");
  EXPECT_FALSE(identity->mul(Scalar::random(rng)).has_value());  // ...but never a DH result
}

}  // namespace
}  // namespace smpc
