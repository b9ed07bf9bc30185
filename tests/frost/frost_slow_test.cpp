// The 1,000 seeded signing runs (seeds 1..1000, random min-of-n with n ≤ 7, random signer
// sets and messages), each signature verified as plain Schnorr at exactly sign_cost. Its own
// binary with the label frost-slow: `ctest --preset test -L frost-slow`.
#include <gtest/gtest.h>

#include "tests/frost/frost_test_util.h"

namespace smpc::frost {
namespace {

TEST(FrostSignSlow, ThousandSeededRunsVerifyAsSchnorr) {
  int failures = 0;
  for (std::uint64_t seed = 1; seed <= 1000; ++seed) {
    const std::string error = test::check_random_signing(seed);
    EXPECT_EQ(error, "");
    if (!error.empty() && ++failures == 5) break;
  }
}

}  // namespace
}  // namespace smpc::frost
