// Spreading a batch of independent public-key operations over the machine's cores.
//
// The base OTs' scalar multiplications (~20-70 µs each, 128 or more per batch) are pure
// functions of data the caller already holds, so slices of a batch can run on other threads
// with results identical to a serial loop: nothing here draws randomness, reads a clock or
// touches the network, and the caller reports failures by scanning the results in index order
// afterwards (the same Abort as a serial loop). Under SimGrid every party runs on one OS thread,
// so this is the only place a simulated run's public-key work can use a second core.
#pragma once

#include <cstddef>
#include <functional>

namespace smpc {

// Calls body(begin, end) on disjoint slices covering [0, n), on up to
// min(hardware threads, kMaxParallelSlices) threads (this one included), and returns when all
// have finished. Slices hold at least min_items items (fewer threads for a small n). body must
// not throw (an exception on a helper thread would terminate the process).
inline constexpr std::size_t kMaxParallelSlices = 4;
void parallel_slices(std::size_t n, std::size_t min_items,
                     const std::function<void(std::size_t, std::size_t)>& body);

}  // namespace smpc
