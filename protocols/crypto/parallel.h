// Spreading a batch of independent public-key operations over the machine's idle cores.
//
// The base OTs' scalar multiplications (~20-70 µs each, 128 or more per batch) are pure
// functions of data the caller already holds, so slices of a batch can run on other threads
// with results identical to a serial loop: nothing here draws randomness or touches the
// network, and the caller reports failures by scanning the results in index order afterwards
// (the same Abort as a serial loop). Under SimGrid every party runs on one OS thread, so this
// is the only way a simulated run's public-key work can use a second core.
//
// How many slices depends on the machine only, never on the run's data: the hardware threads,
// minus the ones other threads keep busy (the 1-minute load average less the caller itself,
// which is running while it asks). On a loaded machine the split only
// adds contention (measured: 128 multiplications 14 ms serial, 13-80 ms on two threads at
// load 12), so there it stays serial. The slice count changes timing, never results.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>

namespace smpc {

inline constexpr std::size_t kMaxParallelSlices = 4;

// min(hardware threads, kMaxParallelSlices, 1 + idle hardware threads), at least 1.
std::size_t available_slices();

// The same for a given machine: `load` is the 1-minute load average as the caller sees it
// (including the caller's own running thread), nullopt when the system gives none.
std::size_t slices_for_load(std::size_t hardware, std::optional<double> load);

// Calls body(begin, end) on at most max_slices disjoint slices covering [0, n), this thread
// taking the first, and returns when all have finished. Slices hold at least min_items items
// (fewer slices for a small n). body must not throw (an exception on a helper thread would
// terminate the process).
void parallel_slices(std::size_t n, std::size_t min_items,
                     const std::function<void(std::size_t, std::size_t)>& body,
                     std::size_t max_slices = available_slices());

}  // namespace smpc
