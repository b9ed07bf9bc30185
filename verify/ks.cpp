#include "verify/ks.h"

#include <algorithm>
#include <cmath>

namespace smpc {
namespace {

// P(K > lambda) for Kolmogorov's distribution; the alternating series converges fast for
// lambda above ~0.3, and below that the p-value is 1 to double precision.
double kolmogorov_tail(double lambda) {
  if (lambda < 0.2) return 1;
  double sum = 0;
  for (int k = 1; k <= 100; ++k) {
    const double term = std::exp(-2.0 * k * k * lambda * lambda);
    sum += (k % 2 == 1 ? term : -term);
    if (term < 1e-17) break;
  }
  return std::clamp(2 * sum, 0.0, 1.0);
}

}  // namespace

KsResult ks_test(std::vector<double> sample, const std::function<double(double)>& cdf) {
  KsResult r;
  if (sample.empty()) return r;
  std::sort(sample.begin(), sample.end());
  const double n = static_cast<double>(sample.size());
  for (std::size_t i = 0; i < sample.size(); ++i) {
    const double f = cdf(sample[i]);
    r.statistic = std::max({r.statistic, static_cast<double>(i + 1) / n - f,
                            f - static_cast<double>(i) / n});
  }
  const double root = std::sqrt(n);
  r.p_value = kolmogorov_tail(r.statistic * (root + 0.12 + 0.11 / root));
  return r;
}

}  // namespace smpc
