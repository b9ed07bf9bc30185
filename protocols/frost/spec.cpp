#include "protocols/frost/spec.h"

#include <algorithm>
#include <sstream>

#include "protocols/frost/labels.h"
#include "protocols/frost/scenario_protocol.h"

namespace smpc {
namespace {

using frost::SigningShape;

// t when the scenario gives none: a majority of the n participants.
int threshold_of(const ProtocolParams& p, int parties) {
  if (p.contains("threshold") && !p["threshold"].is_null()) return p["threshold"].get<int>();
  return (parties - 1) / 2 + 1;
}

std::string text(double x) {
  std::ostringstream os;
  os << x;
  return os.str();
}

frost::FrostTiming timing_of(const ProtocolParams& p) {
  return {p.value("pki_seed", frost::kDefaultPkiSeed), p.value("round_timeout_s", 1.0)};
}

Result<std::unique_ptr<Protocol>> make_frost(const ProtocolParams& params, const Circuit& c,
                                             int parties) {
  const auto shape = frost::signing_shape(c);
  if (!shape)
    return Error("/function: frost evaluates only the function threshold_signature (this is " +
                 std::string(domain_name(c.domain)) + " circuit of " +
                 std::to_string(c.gates.size()) + " gates)");
  const int n = parties - 1, t = threshold_of(params, parties);
  if (t < 1 || t > n)
    return Error("/protocol/threshold: must be within 1 .. " + std::to_string(n) +
                 " (the participants, parties 1..n; party 0 coordinates), got " +
                 std::to_string(t));
  if (shape->signers.back() > static_cast<std::uint64_t>(n))
    return Error("/function/signers: signer " + std::to_string(shape->signers.back()) +
                 " is not a participant (parties 1.." + std::to_string(n) + ")");
  if (shape->signers.size() < static_cast<std::size_t>(t))
    return Error("/function/signers: " + std::to_string(shape->signers.size()) +
                 " signers, fewer than the threshold t = " + std::to_string(t));
  return std::unique_ptr<Protocol>(
      std::make_unique<frost::FrostProtocol>(*shape, t, parties, timing_of(params)));
}

frost::SignCost cost_of(const ProtocolParams& p, const Circuit& c, int parties) {
  const auto shape = frost::signing_shape(c);
  return shape ? frost::frost_cost(*shape, parties, threshold_of(p, parties)) : frost::SignCost{};
}

// The synchrony the claim assumes (dkg.h, sign_protocol.h): the DKG's lock-step rounds (at
// most 3t + 1 of Δ each, with complaints), the coordinator's margin Δ before the deadline, and
// the signing's 2s + 1 rounds must fit in the deadline; the largest label's bytes (with the
// run's jitter and loss delay) must be deliverable within Δ; and no honest party may have given
// up on another (RunTiming::late).
std::optional<std::string> frost_timing(const ProtocolParams& p, const Circuit& c, int parties,
                                        const RunTiming& run) {
  const auto shape = frost::signing_shape(c);
  if (!shape) return std::nullopt;
  const double delta = p.value("round_timeout_s", 1.0);
  const int t = threshold_of(p, parties);
  const double rounds = 3.0 * t + 1 + 1 + 2.0 * static_cast<double>(shape->messages.size()) + 1;
  if (run.deadline_s < rounds * delta)
    return "deadline_s = " + text(run.deadline_s) + " s is shorter than " + text(rounds) +
           " rounds (DKG with complaints, the coordinator's margin, signing) x round_timeout_s " +
           text(delta) + " s";
  std::uint64_t largest = 0;
  for (const auto& [label, bytes] : cost_of(p, c, parties).bytes) largest = std::max(largest, bytes);
  const double delivery = run.min_route_latency_s + run.max_added_delay_s +
                          static_cast<double>(largest) / run.max_bandwidth_bytes_per_s;
  if (delivery > delta)
    return "the largest label (" + text(static_cast<double>(largest)) + " bytes) needs at least " +
           text(delivery) + " s, more than round_timeout_s = " + text(delta) + " s";
  if (!run.late.empty()) return late_message_reason(run.late.front(), run, delta);
  return std::nullopt;
}

}  // namespace

const ProtocolSpec& frost_spec() {
  static const ProtocolSpec spec = [] {
    ProtocolSpec s{
        .name = "frost",
        .summary = "FROST(ristretto255, SHA-512) threshold Schnorr signatures (RFC 9591) with a "
                   "Pedersen DKG with complaints over Dolev-Strong broadcast; function "
                   "threshold_signature; malicious, up to t-1, correct signature or accountable "
                   "abort; 2t + 1 + 2s + 1 rounds",
        .domain = CircuitDomain::kRing64,
        .min_parties = 2,
        .parameters = {{.name = "threshold", .minimum = 1,
                        .default_doc = "a majority of the participants: floor((parties - 1) / 2) + 1",
                        .doc = "t = MIN_PARTICIPANTS: any t of the n = parties - 1 participants "
                               "can sign, t - 1 learn nothing of the key",
                        .max_for_parties = [](int parties) { return parties - 1; }},
                       {.name = "round_timeout_s", .type = ParamType::kNumber,
                        .exclusive_minimum = 0, .default_value = 1,
                        .doc = "Δ, the synchrony bound: the DKG's lock-step rounds (its "
                               "Dolev-Strong broadcasts) are due by start + r·Δ, and the "
                               "coordinator gives up on a silent signer Δ before the deadline"},
                       {.name = "pki_seed", .minimum = 0, .default_doc = "the run's seed",
                        .doc = "the seed of the simulated PKI setup: every party's Ed25519 key "
                               "pair for the DKG's Dolev-Strong broadcasts",
                        .derived_from_seed = true}},
        .labels = {std::begin(frost::labels::kAll), std::end(frost::labels::kAll)},
        .audits = {{.name = "sign", .parties = 4,
                    .params = {{"threshold", 2}, {"round_timeout_s", 0.1}},
                    .function = {{"name", "threshold_signature"},
                                 {"messages", {"audit"}}, {"signers", {1, 3}}},
                    .inputs = {nlohmann::json::array(), nlohmann::json::array(),
                               nlohmann::json::array(), nlohmann::json::array()}}},
        .property = {.max_parties = 6, .runs = 5, .adversarial_runs = 5,
                     .determinism_runs = 3, .round_timeout_param = "round_timeout_s",
                     .generic_circuits = false,
                     .predicate_outputs = true},
        .cost = cost_formula_of(cost_of),
        .timing = frost_timing};
    s.make = make_frost;
    s.claim = [](const ProtocolParams& p, int parties) {
      return frost::frost_claim(parties, threshold_of(p, parties));
    };
    return s;
  }();
  return spec;
}

}  // namespace smpc
