#include "protocols/bgw/spec.h"

#include <algorithm>

#include "protocols/bgw/extract.h"
#include "protocols/bgw/bgw_program.h"
#include "protocols/bgw/bgw_robust.h"
#include "protocols/bgw/bgw_semi_honest.h"
#include "protocols/bgw/cost.h"
#include "protocols/bgw/labels.h"
#include "protocols/bgw/labels_robust.h"
#include "protocols/core/json_text.h"
#include "protocols/fixedpoint/fixed.h"

namespace smpc {
namespace {

// The bound t < n/2 depends on the party count, so it is checked here and not by
// resolve_params; the type and t >= 0 are already checked against the ParamSpec.
// With roles (docs/applications.md) n is the server count, which bounds t; clients do not count.
Result<std::unique_ptr<Protocol>> make_bgw(const ProtocolParams& params, const Circuit& c,
                                           int all_parties) {
  const int parties = server_count(params, all_parties);
  const int max_t = (parties - 1) / 2;
  int t = max_t;
  if (params.contains("threshold")) {
    const auto tv = params["threshold"].get<long long>();
    if (tv < 0 || 2 * tv >= parties)
      return Error("/protocol/threshold: t = " + std::to_string(tv) +
                   " but BGW needs 0 <= t < n/2, i.e. t <= " + std::to_string(max_t) +
                   " for n = " + std::to_string(parties));
    t = static_cast<int>(tv);
  }
  const int servers = params.contains(kServersParam) ? parties : 0;
  if (const auto program = fx::carried_program(c)) {
    if (servers > 0)
      return Error("/roles: bgw runs fixed-point programs without roles (every party computes)");
    // bgw_program.h, "Masks": each party's share of the masks costs ⌈log2 n⌉ bits of κ.
    if (const int kappa = bgw_program_kappa(program->params, parties); kappa < fx::kMinKappa)
      return Error("/function/f: with n = " + std::to_string(parties) + " parties bgw keeps " +
                   std::to_string(kappa) + " bits of statistical security in its masked openings, "
                   "below " + std::to_string(fx::kMinKappa) + ": lower f or use fewer parties");
  }
  return std::unique_ptr<Protocol>(std::make_unique<BgwSemiHonest>(c, t, servers));
}

ParamSpec threshold_param(const char* bound, const char* default_doc, int divisor) {
  return {.name = "threshold",
          .type = ParamType::kInteger,
          .minimum = 0,
          .default_doc = default_doc,
          .doc = std::string("corruption threshold t, ") + bound,
          .max_for_parties = [divisor](int parties) { return (parties - 1) / divisor; }};
}

// The synchronous model robust BGW is proved in (lockstep.h): every round's messages arrive
// within Δ = round_timeout_s, and the run lasts the whole schedule, R rounds × Δ, which a
// silent party makes the parties wait out. R is the cost formula's round count (an honest
// run's schedule; an attack does not add rounds). The delivery bound is a lower bound on the
// slowest round (the run's bytes spread evenly over links and rounds, on the fastest route),
// so a run is put outside the claim only when the network certainly breaks the assumption.
std::optional<std::string> robust_timing(const ProtocolParams& p, const Circuit& c, int parties,
                                         const RunTiming& run) {
  const int servers = server_count(p, parties);
  const int t = p.contains("threshold") ? p["threshold"].get<int>() : (servers - 1) / 3;
  const double delta = p.value("round_timeout_s", 1.0);
  const ExactCost cost = bgw_robust_roles_cost(c, parties, servers, t);
  const double schedule = cost.rounds * delta;
  if (run.deadline_s < schedule)
    return "deadline_s = " + number_text(run.deadline_s) +
           " s is shorter than the synchronous schedule of " + std::to_string(cost.rounds) +
           " rounds x round_timeout_s " + number_text(delta) + " s = " + number_text(schedule) +
           " s";
  // Jitter, loss or a latency trace held some message this long beyond the shortest route
  // latency (RunTiming::max_added_delay_s): it certainly arrived more than delta after its send.
  if (run.max_added_delay_s > 0 && run.min_route_latency_s + run.max_added_delay_s > delta)
    return "jitter, loss or a latency trace delayed a message by " +
           number_text(run.max_added_delay_s) + " s beyond the shortest route latency (" +
           number_text(run.min_route_latency_s) + " s), more than round_timeout_s = " +
           number_text(delta) + " s: the network was not synchronous in this run";
  std::uint64_t bytes = 0;
  for (const auto& [label, b] : cost.bytes) bytes += b;
  // Links that carry messages: between servers, and (roles) both ways between servers and clients.
  const double links = static_cast<double>(servers) * (servers - 1) +
                       2.0 * static_cast<double>(servers) * (parties - servers);
  const double per_round = static_cast<double>(bytes) / (links * std::max(cost.rounds, 1u));
  const double delivery = run.min_route_latency_s + per_round / run.max_bandwidth_bytes_per_s;
  if (delivery > delta)
    return "a round's messages need at least " + number_text(delivery) +
           " s on this network (route latency " + number_text(run.min_route_latency_s) +
           " s + " + number_text(per_round) + " bytes per link and round at " +
           number_text(run.max_bandwidth_bytes_per_s) + " bytes/s), more than round_timeout_s = " +
           number_text(delta) + " s";
  if (!run.late.empty()) return late_message_reason(run.late.front(), run, delta);
  return std::nullopt;
}

}  // namespace

const ProtocolSpec& bgw_spec() {
  static const ProtocolSpec spec = with_make(
      {.name = "bgw", .summary = "BGW with Shamir sharing over Mersenne-61; semi-honest, "
                                 "t < n/2; mult. depth + 2 rounds, an inner product reshares one value",
       .min_parties = 3,
       .parameters = {threshold_param("0 <= t < n/2", "the largest, floor((n-1)/2)", 2)},
       .labels = {std::begin(labels::bgw::kAll), std::end(labels::bgw::kAll)},
       .audits = field_audits({.name = "product", .parties = 5, .params = {{"threshold", 2}},
                               .function = {{"name", "product"}}, .inputs = {2, 3, 4, 5, 6}}),
       .property = {.max_parties = 7, .runs = 40, .adversarial_runs = 50, .determinism_runs = 10},
       .cost = cost_formula_of([](const ProtocolParams& p, const Circuit& c, int parties) {
         return p.contains(kServersParam) ? bgw_roles_cost(c, parties, server_count(p, parties))
                                          : bgw_cost(c, parties);
       }),
       .extract = shamir_extractor(),
       .client_inputs = true},
      make_bgw);
  return spec;
}

// A silent party makes every later round wait its full timeout, so the audit's run deadline
// must exceed rounds × round_timeout_s (about 80 rounds here). Many rounds per multiplication
// layer (5 + 5B, B = 1 + 3(t + 1)): the property suites use small n and depth, no products
// (ceil(log2 k) layers), simulated backend only (real timeouts would be slow).
const ProtocolSpec& bgw_robust_spec() {
  static const ProtocolSpec spec = with_make(
      {.name = "bgw_robust", .summary = "BGW with bivariate VSS and Reed-Solomon decoding; "
                                        "malicious, t < n/3; guaranteed output delivery",
       .min_parties = 4,
       .parameters = {threshold_param("3t + 1 <= n", "floor((n-1)/3)", 3),
                      {.name = "round_timeout_s",
                       .type = ParamType::kNumber,
                       .exclusive_minimum = 0,
                       .maximum = 1e6,  // the longest run deadline
                       .default_value = 1.0,
                       .doc = "the synchrony bound of one round, in simulated seconds"}},
       .labels = {std::begin(labels::bgw_robust::kAll), std::end(labels::bgw_robust::kAll)},
       .audits = field_audits({.name = "product", .parties = 4,
                               .params = {{"threshold", 1}, {"round_timeout_s", 0.1}},
                               .function = {{"name", "product"}}, .inputs = {2, 3, 4, 5},
                               .deadline_s = 600}),
       .property = {.max_parties = 7, .runs = 15, .adversarial_runs = 25, .determinism_runs = 5,
                    .max_depth = 2, .products = false, .round_timeout_param = "round_timeout_s",
                    .local_backend = false},
       // The threshold is absent when the scenario leaves it to the default, as in
       // make_bgw_robust.
       .cost = cost_formula_of([](const ProtocolParams& p, const Circuit& c, int parties) {
         const int servers = server_count(p, parties);
         const int t = p.contains("threshold") ? p["threshold"].get<int>() : (servers - 1) / 3;
         return bgw_robust_roles_cost(c, parties, servers, t);
       }),
       .timing = robust_timing,
       .extract = shamir_extractor(),
       .client_inputs = true},
      make_bgw_robust);
  return spec;
}

}  // namespace smpc
