// The garbling / OT hash is exactly TMMO, H(x, i) = π(π(x) ⊕ i) ⊕ π(x) (GKWY §7.4), on every
// backend, batch size and aliasing the API allows.
#include "protocols/crypto/tccr_hash.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <vector>

namespace smpc {
namespace {

Block gen_block() {
  Block b;
  for (auto& v : b) v = *rc::gen::arbitrary<std::uint8_t>();
  return b;
}

Block tmmo_by_definition(const Block& x, const Block& i) {
  const Aes128& pi = fixed_key_aes();
  const Block px = pi.encrypt(x);
  return block_xor(pi.encrypt(block_xor(px, i)), px);
}

RC_GTEST_PROP(TccrHash, IsTmmoOnEveryBackendAndBatchSize, ()) {
  const auto n = *rc::gen::inRange<std::size_t>(0, 90);
  std::vector<Block> x(n), tw(n);
  for (std::size_t k = 0; k < n; ++k) {
    x[k] = gen_block();
    tw[k] = tccr_tweak(*rc::gen::arbitrary<std::uint64_t>(), *rc::gen::arbitrary<std::uint64_t>());
  }
  for (AesBackend b : {AesBackend::kAesNi, AesBackend::kVaes512}) {
    if (!aes_backend_supported(b)) continue;
    std::vector<Block> out(n);
    tccr_hash(x, tw, out, b);
    for (std::size_t k = 0; k < n; ++k) {
      RC_ASSERT(out[k] == tmmo_by_definition(x[k], tw[k]));
      RC_ASSERT(out[k] == tccr_hash(x[k], tw[k]));
    }
    std::vector<Block> in_place = x;
    tccr_hash(in_place, tw, in_place, b);
    RC_ASSERT(in_place == out);
  }
}

TEST(TccrHash, TweakSeparatesDomainsAndIndices) {
  const Block x = block_from_u64(42, 7);
  EXPECT_NE(tccr_hash(x, tccr_tweak(kTweakGarbling, 5)), tccr_hash(x, tccr_tweak(kTweakOt, 5)));
  EXPECT_NE(tccr_hash(x, tccr_tweak(kTweakOt, 5)), tccr_hash(x, tccr_tweak(kTweakOt, 6)));
  EXPECT_EQ(tccr_tweak(kTweakOt, 5), block_from_u64(5, kTweakOt));
}

}  // namespace
}  // namespace smpc
