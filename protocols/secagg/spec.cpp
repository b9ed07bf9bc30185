#include "protocols/secagg/spec.h"

#include <algorithm>
#include <sstream>

#include "protocols/secagg/labels.h"
#include "protocols/secagg/secagg.h"

namespace smpc {
namespace {

std::string text(double x) {
  std::ostringstream os;
  os << x;
  return os.str();
}

int threshold_of(const ProtocolParams& p, std::size_t clients) {
  return p.contains("threshold") && !p["threshold"].is_null() ? p["threshold"].get<int>()
                                                               : secagg_default_threshold(clients);
}

// The fewest clients left in any round (U1, U2, U3, U5): the protocol aborts below t.
std::size_t fewest_left(const SecAggShape& s) {
  std::size_t fewest = s.clients;
  for (int round : {1, 2, 4}) {
    std::size_t n = 0;
    for (std::size_t u = 1; u <= s.clients; ++u) n += s.active_in(u, round) ? 1 : 0;
    fewest = std::min(fewest, n);
  }
  return fewest;
}

// A run whose dropouts leave fewer than t clients aborts by design; the verdict compares with
// the sum, which has no abort, so such a scenario is refused here (tests/secagg runs it
// directly and checks the abort).
Result<std::unique_ptr<Protocol>> make_secagg(const ProtocolParams& params, const Circuit& c,
                                              int parties) {
  const auto shape = secagg_shape(c);
  if (!shape)
    return Error("/function: secagg evaluates only the function secure_aggregation (this is " +
                 std::string(domain_name(c.domain)) + " circuit of " +
                 std::to_string(c.gates.size()) + " gates)");
  if (static_cast<std::size_t>(parties) != shape->clients + 1)
    return Error("/parties: secagg runs with the server and the function's " +
                 std::to_string(shape->clients) + " clients");
  const int t = threshold_of(params, shape->clients);
  if (t < 1 || static_cast<std::size_t>(t) > shape->clients)
    return Error("/protocol/threshold: must be within 1 .. " + std::to_string(shape->clients) +
                 " (the clients), got " + std::to_string(t));
  if (const std::size_t left = fewest_left(*shape); left < static_cast<std::size_t>(t))
    return Error("/function/dropouts: leave " + std::to_string(left) +
                 " clients in some round, fewer than the threshold t = " + std::to_string(t) +
                 ": the protocol aborts, which the sum it is judged against cannot express");
  return std::unique_ptr<Protocol>(
      std::make_unique<SecAgg>(*shape, t, params.value("round_timeout_s", 1.0)));
}

// The synchronous model of the round deadlines (secagg.h): a run of seven rounds needs
// deadline_s >= 7 Δ, and the largest message of a round must be deliverable within Δ.
std::optional<std::string> secagg_timing(const ProtocolParams& p, const Circuit& c, int,
                                         const RunTiming& run) {
  const auto shape = secagg_shape(c);
  if (!shape) return std::nullopt;
  const double delta = p.value("round_timeout_s", 1.0);
  if (run.deadline_s < 7 * delta)
    return "deadline_s = " + text(run.deadline_s) + " s is shorter than 7 rounds x "
           "round_timeout_s " + text(delta) + " s";
  // The server's largest round: forward, every client's ciphertexts through its own link.
  const ExactCost cost = secagg_cost(*shape);
  std::uint64_t largest = 0;
  for (const auto& [label, bytes] : cost.bytes) largest = std::max(largest, bytes);
  const double delivery = run.min_route_latency_s +
                          static_cast<double>(largest) / run.max_bandwidth_bytes_per_s;
  if (delivery > delta)
    return "the largest round (" + text(static_cast<double>(largest)) + " bytes through the "
           "server) needs at least " + text(delivery) + " s, more than round_timeout_s = " +
           text(delta) + " s";
  return std::nullopt;
}

}  // namespace

int secagg_default_threshold(std::size_t clients) { return static_cast<int>(clients / 2 + 1); }

ExactCost secagg_cost(const SecAggShape& s) {
  std::uint64_t n2 = 0, n3 = 0, n5 = 0;
  for (std::size_t u = 1; u <= s.clients; ++u) {
    n2 += s.active_in(u, 1) ? 1 : 0;
    n3 += s.active_in(u, 2) ? 1 : 0;
    n5 += s.active_in(u, 4) ? 1 : 0;
  }
  const std::uint64_t n = s.clients, n1 = n;
  ExactCost e;
  namespace l = labels::secagg;
  e.bytes[std::string(l::kAdvertise)] = n * (6 + 64);
  e.bytes[std::string(l::kKeys)] = n1 * (11 + 72 * n1);
  e.bytes[std::string(l::kShares)] = n2 * (11 + 112 * (n1 - 1));
  e.bytes[std::string(l::kForward)] = n2 * (11 + 112 * (n2 - 1));
  e.bytes[std::string(l::kMasked)] = n3 * (6 + (s.length * s.bits + 7) / 8);
  e.bytes[std::string(l::kSurvivors)] = n3 * (6 + 8 * n3);
  e.bytes[std::string(l::kUnmask)] = n5 * (6 + 40 * n2);
  e.rounds = 7;
  return e;
}

const ProtocolSpec& secagg_spec() {
  static const ProtocolSpec spec = [] {
    ProtocolSpec s{
        .name = "secagg",
        .summary = "secure aggregation with dropouts (Bonawitz et al. 2017, semi-honest): "
                   "function secure_aggregation; server = party 0; 7 rounds",
        .domain = CircuitDomain::kRing64,
        .min_parties = 2,
        .parameters = {{.name = "threshold", .type = ParamType::kInteger, .minimum = 1,
                        .default_doc = "floor(N/2) + 1 for N = parties - 1 clients",
                        .doc = "Shamir threshold t: t clients reconstruct a dropped client's "
                               "keys; fewer than t left in a round aborts",
                        .max_for_parties = [](int parties) { return parties - 1; }},
                       {.name = "round_timeout_s", .type = ParamType::kNumber,
                        .exclusive_minimum = 0, .default_value = 1,
                        .doc = "Δ: every round's messages are due by start + r·Δ; a client "
                               "not heard from by then has dropped out"}},
        .labels = {std::begin(labels::secagg::kAll), std::end(labels::secagg::kAll)},
        .audits = {{.name = "five-clients", .parties = 6,
                    .function = {{"name", "secure_aggregation"}, {"bits", 16},
                                 {"dropouts", {{{"after_round", 2}, {"clients", {5}}}}}},
                    .inputs = {nlohmann::json::array(), {1, 2}, {3, 4}, {5, 6}, {7, 8},
                               {9, 10}},
                    .deadline_s = 20}},
        .property = {.max_parties = 6, .runs = 5, .adversarial_runs = 5,
                     .determinism_runs = 3, .round_timeout_param = "round_timeout_s",
                     .local_backend = false, .generic_circuits = false},
        .cost = cost_formula_of([](const ProtocolParams&, const Circuit& c, int) {
          const auto shape = secagg_shape(c);
          return shape ? secagg_cost(*shape) : ExactCost{};
        }),
        .timing = secagg_timing};
    s.make = make_secagg;
    s.claim = [](const ProtocolParams& p, int parties) {
      return secagg_claim(threshold_of(p, static_cast<std::size_t>(std::max(parties - 1, 1))));
    };
    return s;
  }();
  return spec;
}

}  // namespace smpc
