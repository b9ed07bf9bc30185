#include "verify/abort_stats.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <boost/math/special_functions/beta.hpp>

#include "protocols/core/mutants.h"
#include "verify/gf2_stats.h"

namespace smpc {

namespace {

double entropy(double p) {
  if (p <= 0 || p >= 1) return 0;
  return -p * std::log2(p) - (1 - p) * std::log2(1 - p);
}

std::size_t count(const std::map<std::string, std::size_t>& m, const std::string& cls) {
  const auto it = m.find(cls);
  return it == m.end() ? 0 : it->second;
}

// min and max of the leak over the box [lo0, hi0] x [lo1, hi1]: a grid (the function is smooth
// and cheap; 201 points a side put the bounds within ~1% of the box's extremes).
std::pair<double, double> leak_range(std::pair<double, double> r0, std::pair<double, double> r1) {
  constexpr int kSteps = 200;
  double low = 1, high = 0;
  for (int i = 0; i <= kSteps; ++i)
    for (int j = 0; j <= kSteps; ++j) {
      const double p0 = r0.first + (r0.second - r0.first) * i / kSteps;
      const double p1 = r1.first + (r1.second - r1.first) * j / kSteps;
      const double v = abort_leak_bits(p0, p1);
      low = std::min(low, v);
      high = std::max(high, v);
    }
  return {low, high};
}

}  // namespace

double abort_leak_bits(double p0, double p1) {
  return std::max(0.0, entropy((p0 + p1) / 2) - (entropy(p0) + entropy(p1)) / 2);
}

std::pair<double, double> clopper_pearson(std::size_t k, std::size_t n, double level) {
  if (n == 0) return {0, 1};
  const double tail = (1 - level) / 2;
  const double kd = static_cast<double>(k), nd = static_cast<double>(n);
  const double lo = k == 0 ? 0 : boost::math::ibeta_inv(kd, nd - kd + 1, tail);
  const double hi = k == n ? 1 : boost::math::ibeta_inv(kd + 1, nd - kd, 1 - tail);
  return {lo, hi};
}

AbortTestResult abort_dependence_test(const AbortSample& x, const AbortSample& swapped_sample,
                                      double alpha, double confidence) {
  // Seeded bug M46: the x sample stands in for the swapped one.
  const AbortSample& swapped = mutant_active(Mutant::kM46) ? x : swapped_sample;
  AbortTestResult r;
  r.p_abort = fisher_exact_p(x.runs + swapped.runs, x.aborted + swapped.aborted, swapped.runs,
                             swapped.aborted);
  const auto blame = class_dependence_test(x.blame, x.runs, swapped.blame, swapped.runs);
  r.p_blame = blame.p;
  r.blame_class = blame.cls;
  r.alarm = 2 * std::min(r.p_abort, r.p_blame) < alpha;
  const auto rate = [](const AbortSample& s) {
    return s.runs ? static_cast<double>(s.aborted) / static_cast<double>(s.runs) : 0.0;
  };
  r.leak_bits = abort_leak_bits(rate(x), rate(swapped));
  const double each = 1 - (1 - confidence) / 2;
  const auto range = leak_range(clopper_pearson(x.aborted, x.runs, each),
                                clopper_pearson(swapped.aborted, swapped.runs, each));
  r.leak_low = range.first;
  r.leak_high = range.second;
  return r;
}

ClassDependence class_dependence_test(const std::map<std::string, std::size_t>& x,
                                      std::size_t x_runs,
                                      const std::map<std::string, std::size_t>& y,
                                      std::size_t y_runs) {
  std::set<std::string> classes;
  for (const auto& [cls, n] : x) classes.insert(cls);
  for (const auto& [cls, n] : y) classes.insert(cls);
  ClassDependence r;
  if (classes.size() < 2) return r;
  for (const auto& cls : classes) {
    const std::size_t a = count(x, cls), b = count(y, cls);
    const double p = fisher_exact_p(x_runs + y_runs, a + b, y_runs, b) *
                     static_cast<double>(classes.size());
    if (p < r.p || r.cls.empty()) {
      r.p = std::min(1.0, p);
      r.cls = cls;
    }
  }
  return r;
}

}  // namespace smpc
