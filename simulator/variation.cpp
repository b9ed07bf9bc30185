#include "simulator/variation.h"

#include <cmath>
#include <numbers>

#include "protocols/core/mutants.h"
#include "simulator/topology.h"

namespace smpc {
namespace {

// Uniform in [0, 1) with 53 random bits: a double's full precision, and the same on every
// platform (std:: distributions are implementation-defined, so a report would differ by libc).
double unit(Rng& rng) { return static_cast<double>(rng.next_u64() >> 11) * 0x1p-53; }

bool finite_nonnegative(double x) { return std::isfinite(x) && x >= 0; }

}  // namespace

const char* jitter_distribution_name(JitterDistribution d) {
  switch (d) {
    case JitterDistribution::kNone: return "none";
    case JitterDistribution::kUniform: return "uniform";
    case JitterDistribution::kNormal: return "normal";
    case JitterDistribution::kPareto: return "pareto";
  }
  return "?";
}

Status check_variation(const Variation& v) {
  const Jitter& j = v.jitter;
  if (j.distribution != JitterDistribution::kNone) {
    const std::string where = std::string("network: jitter (") +
                              jitter_distribution_name(j.distribution) + "): ";
    if (!finite_nonnegative(j.a_s) || !finite_nonnegative(j.b_s))
      return Error(where + "times must be finite and >= 0, got " + time_text(j.a_s) + " and " +
                   time_text(j.b_s));
    if (j.distribution == JitterDistribution::kUniform && j.a_s > j.b_s)
      return Error(where + "min " + time_text(j.a_s) + " s is above max " +
                   time_text(j.b_s) + " s");
    if (j.distribution == JitterDistribution::kPareto && !(j.a_s > 0 && j.shape > 0 &&
                                                          std::isfinite(j.shape)))
      return Error(where + "scale and shape must be > 0, got " + time_text(j.a_s) + " and " +
                   time_text(j.shape));
  }
  const Loss& l = v.loss;
  if (!(l.rate >= 0 && l.rate < 1))
    return Error("network: loss: rate must be in [0, 1), got " + time_text(l.rate));
  if (!(l.rto_s > 0 && std::isfinite(l.rto_s)))
    return Error("network: loss: rto must be finite and > 0, got " + time_text(l.rto_s));
  if (l.mss_bytes == 0) return Error("network: loss: mss_bytes must be > 0");
  return OkStatus();
}

double sample_jitter(const Jitter& j, Rng& rng) {
  switch (j.distribution) {
    case JitterDistribution::kNone: return 0;
    case JitterDistribution::kUniform: return j.a_s + (j.b_s - j.a_s) * unit(rng);
    case JitterDistribution::kNormal: {
      // Box–Muller: two uniforms, one normal (the second is dropped, so that each message
      // takes the same number of draws and a run's draws do not depend on parity).
      const double u1 = 1 - unit(rng);  // (0, 1]: log is finite
      const double u2 = unit(rng);
      const double z = std::sqrt(-2 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
      const double sd = mutant_active(Mutant::kM54) ? j.b_s * j.b_s : j.b_s;
      return std::max(0.0, j.a_s + sd * z);
    }
    case JitterDistribution::kPareto: return j.a_s * std::pow(1 - unit(rng), -1 / j.shape);
  }
  return 0;
}

// The largest of N independent geometric counts (failures before a success, failure
// probability p) by inversion: P(max <= m) = (1 - p^(m+1))^N, so for U uniform in (0, 1) the
// draw is the least m with U <= (1 - p^(m+1))^N, i.e. m + 1 >= log(1 - U^(1/N)) / log p.
double sample_loss_delay(const Loss& l, std::uint64_t bytes, Rng& rng) {
  if (l.rate <= 0) return 0;
  const double u = unit(rng);
  const std::uint64_t packets = bytes == 0 ? 1 : (bytes + l.mss_bytes - 1) / l.mss_bytes;
  const double root = std::pow(u, 1 / static_cast<double>(packets));
  if (root >= 1) return 0;  // u so close to 1 that no packet was lost, at double precision
  const double m = std::ceil(std::log1p(-root) / std::log(l.rate)) - 1;
  return l.rto_s * std::max(0.0, m);
}

double jitter_cdf(const Jitter& j, double x) {
  switch (j.distribution) {
    case JitterDistribution::kNone: return x >= 0 ? 1 : 0;
    case JitterDistribution::kUniform:
      if (x < j.a_s) return 0;
      if (x >= j.b_s) return 1;
      return (x - j.a_s) / (j.b_s - j.a_s);
    case JitterDistribution::kNormal:
      if (x < 0) return 0;
      if (j.b_s == 0) return x >= j.a_s ? 1 : 0;
      return 0.5 * std::erfc(-(x - j.a_s) / (j.b_s * std::numbers::sqrt2));
    case JitterDistribution::kPareto: return x < j.a_s ? 0 : 1 - std::pow(j.a_s / x, j.shape);
  }
  return 0;
}

}  // namespace smpc
