#include "protocols/frost/spec.h"

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
  return std::unique_ptr<Protocol>(std::make_unique<frost::FrostProtocol>(*shape, t));
}

frost::SignCost cost_of(const ProtocolParams& p, const Circuit& c, int parties) {
  const auto shape = frost::signing_shape(c);
  return shape ? frost::frost_cost(*shape, parties, threshold_of(p, parties)) : frost::SignCost{};
}

}  // namespace

const ProtocolSpec& frost_spec() {
  static const ProtocolSpec spec = [] {
    ProtocolSpec s{
        .name = "frost",
        .summary = "FROST(ristretto255, SHA-512) threshold Schnorr signatures (RFC 9591) with a "
                   "Pedersen DKG with complaints; function threshold_signature; malicious, up to "
                   "t-1, correct signature or abort; 3 + 2s + 1 rounds",
        .domain = CircuitDomain::kRing64,
        .min_parties = 2,
        .parameters = {{.name = "threshold", .minimum = 1,
                        .default_doc = "a majority of the participants: floor((parties - 1) / 2) + 1",
                        .doc = "t = MIN_PARTICIPANTS: any t of the n = parties - 1 participants "
                               "can sign, t - 1 learn nothing of the key",
                        .max_for_parties = [](int parties) { return parties - 1; }}},
        .labels = {std::begin(frost::labels::kAll), std::end(frost::labels::kAll)},
        .audits = {{.name = "sign", .parties = 4, .params = {{"threshold", 2}},
                    .function = {{"name", "threshold_signature"},
                                 {"messages", {"audit"}}, {"signers", {1, 3}}},
                    .inputs = {nlohmann::json::array(), nlohmann::json::array(),
                               nlohmann::json::array(), nlohmann::json::array()}}},
        .property = {.max_parties = 6, .runs = 5, .adversarial_runs = 5,
                     .determinism_runs = 3, .generic_circuits = false,
                     .predicate_outputs = true},
        .cost = cost_formula_of(cost_of)};
    s.make = make_frost;
    s.claim = [](const ProtocolParams& p, int parties) {
      return frost::frost_claim(parties, threshold_of(p, parties));
    };
    return s;
  }();
  return spec;
}

}  // namespace smpc
