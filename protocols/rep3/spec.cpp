#include "protocols/rep3/spec.h"

#include "protocols/rep3/extract.h"
#include "protocols/rep3/labels.h"
#include "protocols/rep3/rep3.h"
#include "protocols/rep3/rep3_malicious.h"

namespace smpc {
namespace {

// boolean_audits' "reveal" runs with two parties; rep3 needs three, so its reveal is a
// three-party vote: the yes count minus the honest yes ballots is the corrupted ballot.
std::vector<AuditSetup> audits() {
  const AuditSetup base{.name = "millionaires", .parties = 3,
                        .function = {{"name", "millionaires"}, {"bits", 8}},
                        .inputs = {200, 100, nlohmann::json::array()}};
  AuditSetup reveal = base;
  reveal.name = "reveal";
  reveal.function = {{"name", "vote"}};
  reveal.inputs = {1, 0, 1};
  // Roles (docs/applications.md "Replicated 3PC with clients"): 3 servers that receive the
  // outputs and bidder clients 3-5, so every strategy also runs from a corrupted client.
  const nlohmann::json none = nlohmann::json::array();
  const AuditSetup clients{.name = "auction_clients", .parties = 6,
                           .function = {{"name", "first_price_auction"}, {"bits", 4}},
                           .inputs = {none, none, none, 9, 12, 5},
                           .servers = 3};
  return {base, reveal, clients};
}

}  // namespace

const ProtocolSpec& rep3_spec() {
  static const ProtocolSpec spec = with_make(
      {.name = "rep3", .summary = "replicated secret sharing for 3 parties (Araki et al.); "
                                  "semi-honest, 1 corruption; one bit per party per AND, one "
                                  "round per AND layer",
       .domain = CircuitDomain::kBoolean,
       .min_parties = kRep3Parties,
       .max_parties = kRep3Parties,
       .labels = {std::begin(labels::rep3::kAll), std::end(labels::rep3::kAll)},
       .audits = audits(),
       .property = {.max_parties = kRep3Parties, .runs = 25, .max_gates = 40,
                    .adversarial_runs = 30, .determinism_runs = 6},
       .cost = cost_formula_of([](const ProtocolParams&, const Circuit& c, int parties) {
         return rep3_cost(c, parties);
       }),
       .extract = rep3_extractor(CircuitDomain::kBoolean),
       .client_inputs = true},
      make_rep3);
  return spec;
}

const ProtocolSpec& rep3_malicious_spec() {
  static const ProtocolSpec spec = with_make(
      {.name = "rep3_malicious",
       .summary = "replicated secret sharing for 3 parties with cut-and-bucket verified triples "
                  "(Furukawa et al.); malicious, 1 corruption, correct output or abort",
       .domain = CircuitDomain::kBoolean,
       .min_parties = kRep3Parties,
       .max_parties = kRep3Parties,
       .labels = {std::begin(labels::rep3m::kAll), std::end(labels::rep3m::kAll)},
       .audits = audits(),
       .property = {.max_parties = kRep3Parties, .runs = 15, .max_gates = 30,
                    .adversarial_runs = 20, .determinism_runs = 4},
       .cost = cost_formula_of([](const ProtocolParams&, const Circuit& c, int parties) {
         return rep3_malicious_cost(c, parties);
       }),
       .extract = rep3_extractor(CircuitDomain::kBoolean),
       .client_inputs = true},
      make_rep3_malicious);
  return spec;
}

}  // namespace smpc
