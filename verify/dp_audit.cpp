#include "verify/dp_audit.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <limits>
#include <set>

#include "verify/abort_stats.h"

namespace smpc {
namespace {

std::size_t at_least(const std::vector<std::int64_t>& v, std::size_t from, std::size_t to, std::int64_t t) {
  std::size_t k = 0;
  for (std::size_t i = from; i < to; ++i) k += v[i] >= t;
  return k;
}

double log_ratio(double num, double den) {
  if (num <= 0) return 0;  // no evidence
  if (den <= 0) return std::numeric_limits<double>::infinity();
  return std::max(0.0, std::log(num / den));
}

// The threshold that maximises the plug-in bound on the selection halves.
std::int64_t choose_threshold(const std::vector<std::int64_t>& d, const std::vector<std::int64_t>& n,
                              double delta) {
  const std::size_t hd = d.size() / 2, hn = n.size() / 2;
  std::set<std::int64_t> candidates(n.begin(), n.begin() + static_cast<std::ptrdiff_t>(hn));
  std::int64_t best_t = candidates.empty() ? 0 : *candidates.begin();
  double best = -1;
  for (std::int64_t t : candidates) {
    const double p1 = static_cast<double>(at_least(n, 0, hn, t)) / static_cast<double>(hn);
    const double p0 = (static_cast<double>(at_least(d, 0, hd, t)) + 1) / (static_cast<double>(hd) + 2);
    if (p1 - delta <= 0) continue;
    const double e = std::log((p1 - delta) / p0);
    if (e > best) best = e, best_t = t;
  }
  return best_t;
}

}  // namespace

DpAuditResult audit_dp(const std::vector<std::int64_t>& on_d,
                       const std::vector<std::int64_t>& on_neighbour, double epsilon,
                       double delta, double alpha) {
  DpAuditResult r;
  r.threshold = choose_threshold(on_d, on_neighbour, delta);
  const std::size_t hd = on_d.size() / 2, hn = on_neighbour.size() / 2;
  r.runs = on_d.size() - hd;
  r.runs_neighbour = on_neighbour.size() - hn;
  r.hits = at_least(on_d, hd, on_d.size(), r.threshold);
  r.hits_neighbour = at_least(on_neighbour, hn, on_neighbour.size(), r.threshold);
  const auto [p_lo, p_hi] = clopper_pearson(r.hits, r.runs, 1 - alpha / 2);
  const auto [q_lo, q_hi] = clopper_pearson(r.hits_neighbour, r.runs_neighbour, 1 - alpha / 2);
  const double p = static_cast<double>(r.hits) / static_cast<double>(r.runs);
  const double q = static_cast<double>(r.hits_neighbour) / static_cast<double>(r.runs_neighbour);
  r.eps_lo = log_ratio(q_lo - delta, p_hi);
  r.eps_hi = log_ratio(q_hi - delta, p_lo);
  r.eps_hat = log_ratio(q - delta, p);
  r.alarm = r.eps_lo > epsilon;
  char buf[400];
  std::snprintf(buf, sizeof buf,
                "event y >= %lld: %zu/%zu runs on D, %zu/%zu on D'; epsilon estimate %.3f, "
                "%.0f%% interval [%.3f, %.3g]; configured epsilon %g is %s",
                static_cast<long long>(r.threshold), r.hits, r.runs, r.hits_neighbour,
                r.runs_neighbour, r.eps_hat, 100 * (1 - alpha), r.eps_lo, r.eps_hi, epsilon,
                r.alarm ? "BELOW the interval: the mechanism is not (epsilon, delta)-DP"
                        : (epsilon <= r.eps_hi ? "inside the interval" : "above the interval"));
  r.summary = buf;
  return r;
}

}  // namespace smpc
