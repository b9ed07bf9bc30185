// Seeded per-message variation on top of the link model: jitter and packet loss. Both add a
// delay to a message after its transfer, at the receiver, keeping each link FIFO (a message is
// never handed over before one sent earlier on the same link, as TCP guarantees). The models and
// their exact statements: docs/simulator.md, "Jitter and loss".
#pragma once

#include <cstdint>
#include <string>

#include "protocols/core/rng.h"
#include "protocols/core/status.h"

namespace smpc {

enum class JitterDistribution { kNone, kUniform, kNormal, kPareto };

// Extra delay per message, drawn independently for every message.
//   uniform: a + (b - a) U, U uniform in [0, 1)
//   normal:  max(0, N(a, b^2)) (a = mean, b = standard deviation; clamped at zero)
//   pareto:  a U^(-1/shape), U uniform in (0, 1] (Pareto type I: scale a, tail index shape)
struct Jitter {
  JitterDistribution distribution = JitterDistribution::kNone;
  double a_s = 0;
  double b_s = 0;
  double shape = 0;
};

// TCP loss at message granularity: a message of B bytes is ceil(B / mss) packets (at least one);
// every transmission of a packet is lost with probability `rate`, independently; a packet lost k
// times in a row arrives k retransmission timeouts late, and the message is complete when its
// latest packet is: it is delayed by rto × (the largest k over its packets). Retransmissions are
// not charged to the link's bandwidth (they are few at the rates the model is meant for).
struct Loss {
  double rate = 0;
  double rto_s = 0.2;  // Linux's minimum RTO
  std::uint32_t mss_bytes = 1460;
};

struct Variation {
  Jitter jitter;
  Loss loss;
  bool enabled() const { return jitter.distribution != JitterDistribution::kNone || loss.rate > 0; }
};

const char* jitter_distribution_name(JitterDistribution d);

// The parameters make sense (finite, non-negative, a <= b for uniform, shape > 0, rate < 1);
// the error names the field: "network: jitter: ...".
Status check_variation(const Variation& v);

// One draw of each delay from `rng` (which the caller keeps per receiving party).
double sample_jitter(const Jitter& j, Rng& rng);
double sample_loss_delay(const Loss& l, std::uint64_t bytes, Rng& rng);

// P(jitter <= x): what the statistical tests compare the simulated delays with.
double jitter_cdf(const Jitter& j, double x);

}  // namespace smpc
