#include "protocols/crypto/parallel.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <thread>
#include <vector>

#include "protocols/core/mutants.h"
#include "protocols/core/ops.h"

namespace smpc {

std::size_t slices_for_load(std::size_t hardware, std::optional<double> load) {
  hardware = std::max<std::size_t>(1, hardware);
  // The load average counts the calling thread itself (it is running while it asks), so the
  // other busy threads are load - 1: with ceil(load), a run alone on a 2-core machine raises
  // the load to ~1.1 by itself and then never splits (measured: SecAgg at N = 1,000 used 1.2
  // cores of 2 on a quiet machine). No load figure: assume every core is busy.
  const double busy = load ? std::ceil(std::max(0.0, *load - 1.0)) : static_cast<double>(hardware);
  const double idle = std::max(0.0, static_cast<double>(hardware) - busy);
  return std::clamp<std::size_t>(1 + static_cast<std::size_t>(idle), 1,
                                 std::min(hardware, kMaxParallelSlices));
}

std::size_t available_slices() {
  static const std::size_t hardware = std::max<std::size_t>(1, std::thread::hardware_concurrency());
  double load = 0;
  return slices_for_load(hardware, getloadavg(&load, 1) == 1 ? std::optional<double>(load)
                                                             : std::nullopt);
}

void parallel_slices(std::size_t n, std::size_t min_items,
                     const std::function<void(std::size_t, std::size_t)>& body,
                     std::size_t max_slices) {
  const std::size_t by_size = n / std::max<std::size_t>(1, min_items);
  const std::size_t slices =
      std::clamp<std::size_t>(std::min(max_slices, by_size), 1, kMaxParallelSlices);
  if (slices <= 1) {
    if (n > 0) body(0, n);
    return;
  }
  std::vector<std::thread> helpers;
  helpers.reserve(slices - 1);
  // The helpers' operation counts (ops.h) belong to the calling party: the same totals as a
  // serial loop, whatever the slice count.
  std::vector<OpCounts> helper_ops(slices);
  std::vector<double> helper_cpu(slices, 0);  // their CPU time, the caller's too (ops.h)
  const auto bound = [&](std::size_t k) { return n * k / slices; };
  for (std::size_t k = 1; k < slices; ++k)
    helpers.emplace_back([&, k] {
      body(bound(k), bound(k + 1));
      helper_ops[k] = take_op_counts();
      helper_cpu[k] = thread_cpu_seconds();
    });
  body(0, bound(1));
  for (auto& t : helpers) t.join();
  for (std::size_t k = 1; k < slices; ++k) t_helper_cpu_s += helper_cpu[k];
  if (mutant_active(Mutant::kM57)) return;
  for (std::size_t k = 1; k < slices; ++k) t_op_counts += helper_ops[k];
}

}  // namespace smpc
