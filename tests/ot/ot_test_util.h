// Helpers for the OT tests: a channel decorator that records what its party receives (the
// party's view), and a two-sample test on bit features of views.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "protocols/core/channel.h"

namespace smpc::test {

// Forwards to `inner` and keeps a copy of every message received: a semi-honest party's view
// (with its randomness, which the tests fix through the seed).
class RecordingChannel final : public Channel {
 public:
  explicit RecordingChannel(Channel& inner) : inner_(inner) {}
  PartyId self() const override { return inner_.self(); }
  int party_count() const override { return inner_.party_count(); }
  void send(PartyId to, std::string_view label, const Message& m) override {
    inner_.send(to, label, m);
  }
  Message recv(PartyId from) override {
    Message m = inner_.recv(from);
    received.push_back(m);
    return m;
  }
  std::optional<Message> recv_until(PartyId from, SimTime deadline) override {
    auto m = inner_.recv_until(from, deadline);
    if (m) received.push_back(*m);
    return m;
  }
  std::vector<Message> received;

 private:
  Channel& inner_;
};

// Two-sample test of "same distribution" on binary features: samples[g][s][f] = feature f of
// sample s in group g (g = 0, 1). For each feature, the two-proportion z statistic; the test
// rejects when max_f |z_f| exceeds the Bonferroni threshold for false-alarm rate `alpha` over
// the features that vary (a constant feature carries no evidence). Under the null hypothesis
// each z_f is approximately N(0, 1) (normal approximation, n in the thousands), and Bonferroni
// bounds the family-wise false-alarm probability by alpha whatever the dependence between
// features.
struct TwoSampleResult {
  double max_abs_z = 0;
  double threshold = 0;
  std::size_t features_tested = 0;
  bool reject = false;
};

// Upper quantile of N(0,1): z with P(Z > z) = p, by bisection on erfc (p in (0, 0.5)).
inline double normal_upper_quantile(double p) {
  double lo = 0, hi = 40;
  for (int i = 0; i < 200; ++i) {
    const double mid = (lo + hi) / 2;
    if (0.5 * std::erfc(mid / std::sqrt(2.0)) > p)
      lo = mid;
    else
      hi = mid;
  }
  return (lo + hi) / 2;
}

inline TwoSampleResult two_sample_bit_test(
    const std::vector<std::vector<std::vector<bool>>>& samples, double alpha) {
  TwoSampleResult r;
  const std::size_t features = samples[0].empty() ? 0 : samples[0][0].size();
  const double n0 = static_cast<double>(samples[0].size()),
               n1 = static_cast<double>(samples[1].size());
  std::vector<double> z;
  for (std::size_t f = 0; f < features; ++f) {
    double c0 = 0, c1 = 0;
    for (const auto& s : samples[0]) c0 += s[f];
    for (const auto& s : samples[1]) c1 += s[f];
    const double p = (c0 + c1) / (n0 + n1);
    if (p == 0 || p == 1) continue;
    z.push_back((c0 / n0 - c1 / n1) / std::sqrt(p * (1 - p) * (1 / n0 + 1 / n1)));
  }
  r.features_tested = z.size();
  r.threshold = normal_upper_quantile(
      alpha / (2.0 * static_cast<double>(std::max<std::size_t>(z.size(), 1))));
  for (double v : z) r.max_abs_z = std::max(r.max_abs_z, std::abs(v));
  r.reject = r.max_abs_z > r.threshold;
  return r;
}

}  // namespace smpc::test
