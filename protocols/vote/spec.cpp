#include "protocols/vote/spec.h"

#include <sstream>

#include "protocols/vote/labels.h"
#include "protocols/vote/scenario_protocol.h"

namespace smpc {
namespace {

using vote::ElectionShape;
using vote::VoteConfig;

// t when the scenario gives none: the largest with 3t + 1 <= S.
int threshold_of(const ProtocolParams& p, int servers) {
  if (p.contains("threshold") && !p["threshold"].is_null()) return p["threshold"].get<int>();
  return (servers - 1) / 3;
}

VoteConfig config_of(const ProtocolParams& p, const ElectionShape& shape) {
  return {.servers = shape.servers, .voters = shape.voters,
          .t = threshold_of(p, shape.servers), .candidates = shape.candidates,
          .one_of_k = shape.one_of_k, .round_timeout_s = p.value("round_timeout_s", 1.0)};
}

Result<std::unique_ptr<Protocol>> make_vote(const ProtocolParams& params, const Circuit& c,
                                            int parties) {
  const auto shape = vote::election_shape(c);
  if (!shape)
    return Error("/function: vote evaluates only the function tally (this is " +
                 std::string(domain_name(c.domain)) + " circuit of " +
                 std::to_string(c.gates.size()) + " gates)");
  if (!params.contains(kServersParam))
    return Error("/roles: protocol vote needs roles: {\"servers\": " +
                 std::to_string(shape->servers) +
                 "} (parties 0.." + std::to_string(shape->servers - 1) +
                 " are the election servers; the voters and the bulletin board are clients)");
  const int servers = params[kServersParam].get<int>();
  if (servers != shape->servers)
    return Error("/roles/servers: must be " + std::to_string(shape->servers) +
                 " (the parties before the first voter, which give no input: []), got " +
                 std::to_string(servers));
  if (parties != shape->parties())
    return Error("/parties: the tally's election has " + std::to_string(shape->parties()) +
                 " parties (servers, voters, bulletin board), got " + std::to_string(parties));
  const VoteConfig cfg = config_of(params, *shape);
  if (cfg.t < 0 || 3 * cfg.t + 1 > cfg.servers)
    return Error("/protocol/threshold: must satisfy 3t + 1 <= S = " +
                 std::to_string(cfg.servers) + " servers (at most " +
                 std::to_string((cfg.servers - 1) / 3) + "), got " + std::to_string(cfg.t));
  return std::unique_ptr<Protocol>(std::make_unique<vote::VoteProtocol>(cfg));
}

vote::LabelCost cost_of(const ProtocolParams& p, const Circuit& c, int /*parties*/) {
  const auto shape = vote::election_shape(c);
  return shape ? vote::vote_label_cost(config_of(p, *shape)) : vote::LabelCost{};
}

std::string seconds_text(double s) {
  std::ostringstream os;
  os << s;
  return os.str();
}

// The synchronous model of the lock-step rounds (protocols/bgw/lockstep.h): every round's
// messages arrive within Δ = round_timeout_s, and the run lasts the whole schedule of kRounds
// rounds × Δ, which a silent server or voter makes the others wait out.
std::optional<std::string> vote_timing(const ProtocolParams& p, const Circuit& c,
                                       int /*parties*/, const RunTiming& run) {
  const double delta = p.value("round_timeout_s", 1.0);
  const double schedule = vote::kRounds * delta;
  if (run.deadline_s < schedule)
    return "deadline_s = " + seconds_text(run.deadline_s) + " s is shorter than the synchronous "
           "schedule of " + std::to_string(vote::kRounds) + " rounds x round_timeout_s " +
           seconds_text(delta) + " s = " + seconds_text(schedule) + " s";
  if (run.max_added_delay_s > 0 && run.min_route_latency_s + run.max_added_delay_s > delta)
    return "jitter, loss or a latency trace delayed a message by " +
           seconds_text(run.max_added_delay_s) + " s beyond the shortest route latency (" +
           seconds_text(run.min_route_latency_s) + " s), more than round_timeout_s = " +
           seconds_text(delta) + " s: the network was not synchronous in this run";
  // The largest single message of an honest run (the board's relay of every post) must fit in
  // one round on the fastest route.
  if (const auto shape = vote::election_shape(c)) {
    const VoteConfig cfg = config_of(p, *shape);
    const double board_msg = static_cast<double>(vote::vote_message_sizes(cfg).board_msg);
    const double delivery = run.min_route_latency_s + board_msg / run.max_bandwidth_bytes_per_s;
    if (delivery > delta)
      return "the bulletin board's relay of the posts (" + seconds_text(board_msg) +
             " bytes) needs at least " + seconds_text(delivery) + " s on this network, more "
             "than round_timeout_s = " + seconds_text(delta) + " s";
  }
  if (!run.late.empty()) return late_message_reason(run.late.front(), run, delta);
  return std::nullopt;
}

}  // namespace

const ProtocolSpec& vote_spec() {
  static const ProtocolSpec spec = [] {
    ProtocolSpec s{
        .name = "vote",
        .summary = "Voting with a publicly auditable tally: voters deal Pedersen-VSS ballots to "
                   "S servers, range-checked and tallied in 8 lock-step rounds, the bulletin "
                   "board's transcript checked by `smpc verify tally`; function tally, roles; "
                   "malicious, 3t + 1 <= S, guaranteed output delivery",
        .domain = CircuitDomain::kRing64,
        .min_parties = 1,
        .parameters = {{.name = "threshold", .minimum = 0,
                        .default_doc = "the largest with 3t + 1 <= S: floor((S - 1) / 3)",
                        .doc = "t: up to t of the S servers may be malicious; 3t + 1 <= S",
                        .max_for_parties = [](int parties) { return (parties - 1) / 3; }},
                       {.name = "round_timeout_s",
                        .type = ParamType::kNumber,
                        .exclusive_minimum = 0,
                        .maximum = 1e6,
                        .default_value = 1.0,
                        .doc = "the synchrony bound of one round, in simulated seconds"}},
        .labels = {std::begin(labels::vote::kAll), std::end(labels::vote::kAll)},
        .audits = {{.name = "tally", .parties = 7,
                    .params = {{"threshold", 1}, {"round_timeout_s", 0.1}},
                    .function = {{"name", "tally"}, {"candidates", 2}},
                    .inputs = {nlohmann::json::array(), nlohmann::json::array(),
                               nlohmann::json::array(), nlohmann::json::array(),
                               {1, 0}, {0, 1}, nlohmann::json::array()},
                    .deadline_s = 600,
                    .servers = 4}},
        .property = {.max_parties = 7, .runs = 5, .adversarial_runs = 5,
                     .determinism_runs = 3, .round_timeout_param = "round_timeout_s",
                     .local_backend = false, .generic_circuits = false,
                     .predicate_outputs = true},
        .cost = cost_formula_of(cost_of),
        .timing = vote_timing,
        .client_inputs = true};
    s.make = make_vote;
    s.claim = [](const ProtocolParams& p, int parties) {
      const int servers = server_count(p, parties);
      return vote::vote_claim(servers, threshold_of(p, servers));
    };
    // The claim trusts the bulletin board (the last party) for consistency: a run that
    // corrupts it, or that a fault hits, is outside the claim (scenarios/judge.cpp).
    s.trusted_parties = [](const ProtocolParams&, int parties) {
      return std::vector<PartyId>{parties - 1};
    };
    return s;
  }();
  return spec;
}

}  // namespace smpc
