// parallel_slices (protocols/crypto/parallel.h): the slices cover [0, n) exactly once, whatever
// n, the minimum slice size and the number of slices allowed, and all have finished when it
// returns.
#include "protocols/crypto/parallel.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <vector>

namespace smpc {
namespace {

TEST(ParallelSlices, CoverEveryIndexExactlyOnce) {
  for (std::size_t n : {0u, 1u, 15u, 16u, 33u, 128u, 1000u})
    for (std::size_t min_items : {0u, 1u, 16u, 500u})
      for (std::size_t slices : {1u, 2u, 3u, 4u, 9u}) {
        std::vector<std::atomic<int>> hits(n);
        std::atomic<int> calls{0};
        parallel_slices(
            n, min_items,
            [&](std::size_t lo, std::size_t hi) {
              ASSERT_LE(lo, hi);
              ASSERT_LE(hi, n);
              ++calls;
              for (std::size_t i = lo; i < hi; ++i) ++hits[i];
            },
            slices);
        for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(hits[i].load(), 1) << n << " " << i;
        EXPECT_LE(calls.load(), static_cast<int>(std::min(slices, kMaxParallelSlices)));
        if (n == 0) {
          EXPECT_EQ(calls.load(), 0);
        }
        // No slice smaller than min_items: one call when n < 2·min_items.
        if (min_items > 0 && n > 0 && n < 2 * min_items) {
          EXPECT_EQ(calls.load(), 1) << n;
        }
        // Enough items: exactly the slices allowed (up to the cap).
        if (n >= 64 && min_items <= 16) {
          EXPECT_EQ(calls.load(), static_cast<int>(std::min(slices, kMaxParallelSlices))) << n;
        }
      }
}

TEST(ParallelSlices, AvailableSlicesIsWithinTheCap) {
  const std::size_t k = available_slices();
  EXPECT_GE(k, 1u);
  EXPECT_LE(k, kMaxParallelSlices);
}

// The caller is one of the running threads the load average counts: alone on a 2-core machine
// (load about 1) it splits in two; with another busy core it stays serial; with no load figure
// it assumes a busy machine.
TEST(ParallelSlices, LoadCountsTheCallerItself) {
  EXPECT_EQ(slices_for_load(2, 0.0), 2u);
  EXPECT_EQ(slices_for_load(2, 1.1), 2u);
  EXPECT_EQ(slices_for_load(2, 2.0), 2u);
  EXPECT_EQ(slices_for_load(2, 2.3), 1u);
  EXPECT_EQ(slices_for_load(2, 12.0), 1u);
  EXPECT_EQ(slices_for_load(2, std::nullopt), 1u);
  EXPECT_EQ(slices_for_load(8, 0.5), kMaxParallelSlices);
  EXPECT_EQ(slices_for_load(8, 6.5), 3u);
  EXPECT_EQ(slices_for_load(1, 0.0), 1u);
  EXPECT_EQ(slices_for_load(0, 0.0), 1u);
}

}  // namespace
}  // namespace smpc
