#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <vector>

#include "protocols/ot/bit_matrix.h"

namespace smpc {
namespace {

RC_GTEST_PROP(Transpose128, MatchesTheBitByBitReference, ()) {
  const std::size_t n = 128 * *rc::gen::inRange<std::size_t>(1, 9);
  const auto bytes = *rc::gen::container<std::vector<std::uint8_t>>(
      128 * n / 8, rc::gen::arbitrary<std::uint8_t>());
  std::vector<Block> fast(n), slow(n);
  transpose_128xn(bytes.data(), n, fast.data());
  transpose_128xn_reference(bytes.data(), n, slow.data());
  RC_ASSERT(fast == slow);
}

TEST(Transpose128, SingleBitsLandWhereTheyShould) {
  const std::size_t n = 256;
  for (const auto& [i, j] :
       {std::pair<std::size_t, std::size_t>{0, 0}, {5, 200}, {127, 255}, {64, 129}}) {
    std::vector<std::uint8_t> m(128 * n / 8, 0);
    m[i * (n / 8) + j / 8] = static_cast<std::uint8_t>(1u << (j % 8));
    std::vector<Block> out(n);
    transpose_128xn(m.data(), n, out.data());
    for (std::size_t jj = 0; jj < n; ++jj)
      for (std::size_t ii = 0; ii < 128; ++ii)
        ASSERT_EQ((out[jj][ii / 8] >> (ii % 8)) & 1, (ii == i && jj == j) ? 1 : 0)
            << ii << "," << jj;
  }
}

}  // namespace
}  // namespace smpc
