#include "protocols/gmw/spec.h"

#include <array>

#include "protocols/core/extraction.h"
#include "protocols/gmw/gmw.h"
#include "protocols/gmw/labels.h"

namespace smpc {
namespace {

CostFormula cost_of(GmwPreprocessing pre) {
  return cost_formula_of([pre](const ProtocolParams& p, const Circuit& c, int parties) {
    return gmw_cost(c, parties, pre, p.contains(kServersParam) ? server_count(p, parties) : 0);
  });
}

// Both variants are audited on the same scenarios.
std::vector<AuditSetup> audits() {
  return boolean_audits({.name = "millionaires", .parties = 2,
                         .function = {{"name", "millionaires"}, {"bits", 8}},
                         .inputs = {200, 100}},
                        /*helper=*/true);
}

// Both variants, built once on first use: [0] gmw, [1] gmw_dealer.
const std::array<ProtocolSpec, 2>& specs() {
  static const std::array<ProtocolSpec, 2> all = {
      with_make(
          {.name = "gmw", .summary = "GMW with XOR sharing, Beaver triples from IKNP OT; "
                                     "semi-honest, up to n-1 corruptions; one round per AND layer",
           .domain = CircuitDomain::kBoolean,
           .labels = {std::begin(labels::gmw::kAll), std::end(labels::gmw::kAll)},
           .audits = audits(),
           .property = {.max_parties = 4, .runs = 15, .max_gates = 40, .adversarial_runs = 25,
                        .determinism_runs = 5},
           .cost = cost_of(GmwPreprocessing::kOt),
           .extract = additive_extractor(CircuitDomain::kBoolean),
           .client_inputs = true},
          make_gmw),
      with_make(
          {.name = "gmw_dealer", .summary = "GMW online phase with triples from a simulated "
                                            "trusted dealer (no offline phase)",
           .domain = CircuitDomain::kBoolean,
           .parameters = {dealer_seed_param()},
           // The online phase's labels only (the first three of gmw's list).
           .labels = {std::begin(labels::gmw::kAll), std::begin(labels::gmw::kAll) + 3},
           .audits = audits(),
           .property = {.max_parties = 5, .runs = 30, .max_gates = 40, .adversarial_runs = 40,
                        .determinism_runs = 8},
           .cost = cost_of(GmwPreprocessing::kTrustedDealer),
           .extract = additive_extractor(CircuitDomain::kBoolean),
           .client_inputs = true},
          make_gmw_dealer)};
  return all;
}

}  // namespace

const ProtocolSpec& gmw_spec() { return specs()[0]; }
const ProtocolSpec& gmw_dealer_spec() { return specs()[1]; }

}  // namespace smpc
