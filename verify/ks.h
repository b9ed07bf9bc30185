// One-sample Kolmogorov–Smirnov test: does a sample follow a given continuous distribution?
// Used where the simulator draws from a configured distribution (jitter, docs/simulator.md) to
// check the draws the runs actually saw. D = sup |F_n(x) − F(x)|; the p-value is Kolmogorov's
// limiting distribution with Stephens' small-sample correction (Stephens 1970, JRSS B 32:
// λ = D (√n + 0.12 + 0.11/√n), P(K > λ) = 2 Σ_{k≥1} (−1)^(k−1) exp(−2 k² λ²)), accurate to a
// few percent of p for n ≥ 5 — ample for a test run at alpha = 0.001 on thousands of draws.
#pragma once

#include <functional>
#include <vector>

namespace smpc {

struct KsResult {
  double statistic = 0;  // D
  double p_value = 1;
};

KsResult ks_test(std::vector<double> sample, const std::function<double(double)>& cdf);

}  // namespace smpc
