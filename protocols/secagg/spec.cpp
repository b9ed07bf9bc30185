#include "protocols/secagg/spec.h"

#include <algorithm>
#include <bit>

#include "protocols/secagg/labels.h"
#include "protocols/core/json_text.h"
#include "protocols/core/mutants.h"
#include "protocols/secagg/secagg.h"

namespace smpc {
namespace {

// The clients of each set U1, U2, U3, U5 (present in rounds 0, 1, 2, 4) as membership flags.
struct Sets {
  std::vector<char> u1, u2, u3, u5;
};

Sets sets_of(const SecAggShape& s) {
  Sets m{std::vector<char>(s.clients + 1, 0), {}, {}, {}};
  m.u2 = m.u3 = m.u5 = m.u1;
  for (std::size_t u = 1; u <= s.clients; ++u) {
    m.u1[u] = 1;
    m.u2[u] = s.active_in(u, 1);
    m.u3[u] = s.active_in(u, 2);
    m.u5[u] = s.active_in(u, 4);
  }
  return m;
}

// |H(u) ∩ U| for H(u) = N(u) ∪ {u}.
std::uint64_t near(const SecAggGraph& g, std::size_t u, const std::vector<char>& in) {
  std::uint64_t n = in[u] ? 1 : 0;
  for (std::size_t v : g[u]) n += in[v] ? 1 : 0;
  return n;
}

// The run's graph: complete for secagg; for secagg_plus the seeded Harary graph.
SecAggGraph graph_of(const ProtocolParams& p, std::size_t clients, bool plus) {
  if (!plus) return secagg_complete_graph(clients);
  const std::size_t k = p.contains("degree") && !p["degree"].is_null()
                            ? p["degree"].get<std::size_t>()
                            : secagg_plus_default_degree(clients);
  return secagg_harary_graph(clients, k, p.value("graph_seed", std::uint64_t{1}));
}

int threshold_of(const ProtocolParams& p, std::size_t clients, bool plus) {
  if (p.contains("threshold") && !p["threshold"].is_null()) return p["threshold"].get<int>();
  if (!plus) return secagg_default_threshold(clients);
  const std::size_t k = p.contains("degree") && !p["degree"].is_null()
                            ? p["degree"].get<std::size_t>()
                            : secagg_plus_default_degree(clients);
  return static_cast<int>(std::min(k, clients - 1) / 2 + 1);
}

// A run whose dropouts leave fewer than t clients aborts by design; the verdict compares with
// the sum, which has no abort, so such a scenario is refused here (tests/secagg runs it
// directly and checks the abort).
Result<std::unique_ptr<Protocol>> make(const ProtocolParams& params, const Circuit& c,
                                       int parties, bool plus) {
  const std::string name = plus ? "secagg_plus" : "secagg";
  const auto shape = secagg_shape(c);
  if (!shape)
    return Error("/function: " + name + " evaluates only the function secure_aggregation (this "
                 "is " + std::string(domain_name(c.domain)) + " circuit of " +
                 std::to_string(c.gates.size()) + " gates)");
  if (static_cast<std::size_t>(parties) != shape->clients + 1)
    return Error("/parties: " + name + " runs with the server and the function's " +
                 std::to_string(shape->clients) + " clients");
  if (plus && params.contains("degree") && params["degree"].get<std::size_t>() % 2 != 0)
    return Error("/protocol/degree: must be even (a Harary graph H(N, k)), got " +
                 params["degree"].dump());
  const int t = threshold_of(params, shape->clients, plus);
  if (t < 1 || static_cast<std::size_t>(t) > shape->clients)
    return Error("/protocol/threshold: must be within 1 .. " + std::to_string(shape->clients) +
                 " (the clients), got " + std::to_string(t));
  auto graph = std::make_shared<const SecAggGraph>(graph_of(params, shape->clients, plus));
  if (const std::size_t left = secagg_fewest_left(*shape, *graph); left < static_cast<std::size_t>(t))
    return Error("/function/dropouts: leave " + std::to_string(left) + " clients " +
                 (plus ? "of a neighbourhood " : "") + "in some round, fewer than the threshold "
                 "t = " + std::to_string(t) + ": the protocol aborts, which the sum it is judged "
                 "against cannot express");
  return std::unique_ptr<Protocol>(std::make_unique<SecAgg>(
      *shape, t, params.value("round_timeout_s", 1.0), std::move(graph), name));
}

// Whether the server gave up on a client that the scenario drops, in a round after its drop.
// The server collects Bonawitz rounds 0, 1, 2 and 4 in its lock-step rounds 1, 3, 5 and 7
// (secagg_server.cpp), due by start + r·Δ with start its first instant (0 in a run); a client
// dropping after round d is first missed in lock-step round 2d + 3, and the server's earlier
// receive from it is due by (2d + 1)·Δ, so a give-up from (2d + 2)·Δ on is the expected one.
bool expected_silence(const SecAggShape& shape, const RunTiming::Late& l, double delta) {
  if (l.receiver != 0 || l.sender < 1 || static_cast<std::size_t>(l.sender) > shape.clients) return false;
  const int d = shape.drop_after[static_cast<std::size_t>(l.sender) - 1];
  // M107 (seeded bug): the give-up's time ignored, so a round before the drop is excused too.
  if (mutant_active(Mutant::kM107)) return d != kSecAggNoDrop;
  return d != kSecAggNoDrop && l.at_s >= (2.0 * d + 2) * delta;
}

// The synchronous model of the round deadlines (secagg.h): a run of seven rounds needs
// deadline_s >= 7 Δ, and the largest label's bytes (all through the server) must be
// deliverable within Δ.
std::optional<std::string> timing(const ProtocolParams& p, const Circuit& c, int,
                                  const RunTiming& run, bool plus) {
  const auto shape = secagg_shape(c);
  if (!shape) return std::nullopt;
  const double delta = p.value("round_timeout_s", 1.0);
  if (run.deadline_s < 7 * delta)
    return "deadline_s = " + number_text(run.deadline_s) + " s is shorter than 7 rounds x "
           "round_timeout_s " + number_text(delta) + " s";
  const ExactCost cost = secagg_cost(*shape, graph_of(p, shape->clients, plus));
  std::uint64_t largest = 0;
  for (const auto& [label, bytes] : cost.bytes) largest = std::max(largest, bytes);
  const double delivery = run.min_route_latency_s +
                          static_cast<double>(largest) / run.max_bandwidth_bytes_per_s;
  if (delivery > delta)
    return "the largest round (" + number_text(static_cast<double>(largest)) + " bytes through the "
           "server) needs at least " + number_text(delivery) + " s, more than round_timeout_s = " +
           number_text(delta) + " s";
  // The run's evidence (RunTiming::late). The server gives up on a scripted dropout by design,
  // but only from the round after its drop on: a timeout on it before then, or one its own
  // computation caused, is evidence like any other.
  for (const auto& l : run.late)
    if (!expected_silence(*shape, l, delta) || run.min_route_latency_s + l.sender_burst_s > delta)
      return late_message_reason(l, run, delta);
  return std::nullopt;
}

ParamSpec timeout_param() {
  return {.name = "round_timeout_s", .type = ParamType::kNumber, .exclusive_minimum = 0,
          .default_value = 1,
          .doc = "Δ: every round's messages are due by start + r·Δ; a client not heard from by "
                 "then has dropped out"};
}

AuditSetup audit_of(const char* name, nlohmann::json params) {
  return {.name = name, .parties = 6, .params = std::move(params),
          .function = {{"name", "secure_aggregation"}, {"bits", 16},
                       {"dropouts", {{{"after_round", 2}, {"clients", {5}}}}}},
          .inputs = {nlohmann::json::array(), {1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}},
          .deadline_s = 20};
}

PropertyHints hints() {
  return {.max_parties = 6, .runs = 5, .adversarial_runs = 5, .determinism_runs = 3,
          .round_timeout_param = "round_timeout_s", .local_backend = false,
          .generic_circuits = false};
}

}  // namespace

int secagg_default_threshold(std::size_t clients) { return static_cast<int>(clients / 2 + 1); }

std::size_t secagg_plus_default_degree(std::size_t clients) {
  const std::size_t k = 2 * static_cast<std::size_t>(std::bit_width(clients - 1));
  return std::max<std::size_t>(2, std::min(k, clients - 1) & ~std::size_t{1});
}

std::size_t secagg_fewest_left(const SecAggShape& s, const SecAggGraph& g) {
  const Sets m = sets_of(s);
  std::size_t fewest = s.clients;
  const auto count = [](const std::vector<char>& in) {
    return static_cast<std::size_t>(std::count(in.begin(), in.end(), 1));
  };
  for (const auto* set : {&m.u1, &m.u2, &m.u3, &m.u5}) fewest = std::min(fewest, count(*set));
  for (std::size_t u = 1; u <= s.clients; ++u) {
    if (m.u2[u]) fewest = std::min<std::size_t>(fewest, near(g, u, m.u2));
    if (m.u5[u]) fewest = std::min<std::size_t>(fewest, near(g, u, m.u3));
    if (m.u2[u]) fewest = std::min<std::size_t>(fewest, near(g, u, m.u5));
  }
  return fewest;
}

ExactCost secagg_cost(const SecAggShape& s, const SecAggGraph& g) {
  const Sets m = sets_of(s);
  ExactCost e;
  namespace l = labels::secagg;
  auto& adv = e.bytes[std::string(l::kAdvertise)];
  auto& keys = e.bytes[std::string(l::kKeys)];
  auto& shares = e.bytes[std::string(l::kShares)];
  auto& forward = e.bytes[std::string(l::kForward)];
  auto& masked = e.bytes[std::string(l::kMasked)];
  auto& survivors = e.bytes[std::string(l::kSurvivors)];
  auto& unmask = e.bytes[std::string(l::kUnmask)];
  adv = keys = shares = forward = masked = survivors = unmask = 0;
  for (std::size_t u = 1; u <= s.clients; ++u) {
    adv += 6 + 64;
    keys += 11 + 72 * near(g, u, m.u1);
    if (m.u2[u]) shares += 11 + 112 * (near(g, u, m.u1) - 1);
    if (m.u2[u]) forward += 11 + 112 * (near(g, u, m.u2) - 1);
    if (m.u3[u]) masked += 6 + (s.length * s.bits + 7) / 8;
    if (m.u3[u]) survivors += 6 + 8 * near(g, u, m.u3);
    if (m.u5[u]) unmask += 6 + 40 * near(g, u, m.u2);
  }
  e.rounds = 7;
  return e;
}

ExactCost secagg_cost(const SecAggShape& s) {
  return secagg_cost(s, secagg_complete_graph(s.clients));
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
                       timeout_param()},
        .labels = {std::begin(labels::secagg::kAll), std::end(labels::secagg::kAll)},
        .audits = {audit_of("five-clients", nlohmann::json::object())},
        .property = hints(),
        .cost = cost_formula_of([](const ProtocolParams&, const Circuit& c, int) {
          const auto shape = secagg_shape(c);
          return shape ? secagg_cost(*shape) : ExactCost{};
        }),
        .timing = [](const ProtocolParams& p, const Circuit& c, int n, const RunTiming& r) {
          return timing(p, c, n, r, false);
        }};
    s.make = [](const ProtocolParams& p, const Circuit& c, int n) { return make(p, c, n, false); };
    s.claim = [](const ProtocolParams& p, int parties) {
      return secagg_claim(threshold_of(p, static_cast<std::size_t>(std::max(parties - 1, 1)), false));
    };
    return s;
  }();
  return spec;
}

const ProtocolSpec& secagg_plus_spec() {
  static const ProtocolSpec spec = [] {
    ProtocolSpec s{
        .name = "secagg_plus",
        .summary = "SecAgg+ (Bell et al. 2020, semi-honest): secagg on a random k-regular "
                   "Harary graph, O(log N) peers per client; function secure_aggregation",
        .domain = CircuitDomain::kRing64,
        .min_parties = 2,
        .parameters = {{.name = "degree", .type = ParamType::kInteger, .minimum = 2,
                        .default_doc = "2 ceil(log2 N), even, at most N - 1",
                        .doc = "k: each client's neighbours (even; k >= N - 1 is SecAgg's "
                               "complete graph)"},
                       {.name = "threshold", .type = ParamType::kInteger, .minimum = 1,
                        .default_doc = "k/2 + 1 of a neighbourhood's k + 1 holders",
                        .doc = "Shamir threshold t within a neighbourhood; fewer than t of a "
                               "neighbourhood left in a round aborts",
                        // A neighbourhood under the default degree: t above it can never be
                        // met, and make() refuses it (a generated t up to N did, at random).
                        .max_for_parties = [](int parties) {
                          const auto n = static_cast<std::size_t>(std::max(parties - 1, 1));
                          return static_cast<int>(
                              std::min(secagg_plus_default_degree(n), n - 1) + 1);
                        }},
                       {.name = "graph_seed", .type = ParamType::kInteger, .minimum = 0,
                        .doc = "the public seed of the graph's random relabelling",
                        .derived_from_seed = true},
                       timeout_param()},
        .labels = {std::begin(labels::secagg::kAll), std::end(labels::secagg::kAll)},
        .audits = {audit_of("five-clients-degree-2", {{"degree", 2}, {"threshold", 2}})},
        .property = hints(),
        .cost = cost_formula_of([](const ProtocolParams& p, const Circuit& c, int) {
          const auto shape = secagg_shape(c);
          return shape ? secagg_cost(*shape, graph_of(p, shape->clients, true)) : ExactCost{};
        }),
        .timing = [](const ProtocolParams& p, const Circuit& c, int n, const RunTiming& r) {
          return timing(p, c, n, r, true);
        }};
    s.make = [](const ProtocolParams& p, const Circuit& c, int n) { return make(p, c, n, true); };
    s.claim = [](const ProtocolParams& p, int parties) {
      return secagg_claim(threshold_of(p, static_cast<std::size_t>(std::max(parties - 1, 1)), true),
                          true);
    };
    return s;
  }();
  return spec;
}

}  // namespace smpc
