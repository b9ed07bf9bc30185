#include "protocols/gmw/spec.h"

#include "protocols/gmw/gmw.h"
#include "protocols/gmw/labels.h"

namespace smpc {
namespace {

CostFormula cost_of(GmwPreprocessing pre) {
  CostFormula f;
  f.bytes_by_label = [pre](const ProtocolParams&, const Circuit& c, int parties) {
    return gmw_cost(c, parties, pre).bytes;
  };
  f.rounds = [pre](const ProtocolParams&, const Circuit& c, int parties) {
    return gmw_cost(c, parties, pre).rounds;
  };
  return f;
}

// What both variants share: domain, audit scenario, property limits.
ProtocolSpec common(std::string name, std::string summary) {
  ProtocolSpec s;
  s.name = std::move(name);
  s.summary = std::move(summary);
  s.domain = CircuitDomain::kBoolean;
  s.min_parties = 2;
  s.audit = {.parties = 2, .function = {{"name", "millionaires"}, {"bits", 8}},
             .inputs = {200, 100}};
  return s;
}

ProtocolSpec build_gmw() {
  ProtocolSpec s = common("gmw",
                          "GMW with XOR sharing, Beaver triples from IKNP OT; semi-honest, up to "
                          "n-1 corruptions; one round per AND layer");
  s.labels.assign(std::begin(labels::gmw::kAll), std::end(labels::gmw::kAll));
  s.cost = cost_of(GmwPreprocessing::kOt);
  // OT extension makes each run slow: fewer parties and cases.
  s.property = {.max_parties = 4, .runs = 15, .max_gates = 40, .adversarial_runs = 25,
                .determinism_runs = 5};
  return with_make(std::move(s), make_gmw);
}

ProtocolSpec build_gmw_dealer() {
  ProtocolSpec s = common(
      "gmw_dealer",
      "GMW online phase with triples from a simulated trusted dealer (no offline phase)");
  s.parameters = {dealer_seed_param()};
  // The online phase's labels only (the first three of gmw's list).
  s.labels.assign(std::begin(labels::gmw::kAll), std::begin(labels::gmw::kAll) + 3);
  s.cost = cost_of(GmwPreprocessing::kTrustedDealer);
  s.property = {.max_parties = 5, .runs = 30, .max_gates = 40, .adversarial_runs = 40,
                .determinism_runs = 8};
  return with_make(std::move(s), make_gmw_dealer);
}

}  // namespace

const ProtocolSpec& gmw_spec() {
  static const ProtocolSpec spec = build_gmw();
  return spec;
}

const ProtocolSpec& gmw_dealer_spec() {
  static const ProtocolSpec spec = build_gmw_dealer();
  return spec;
}

}  // namespace smpc
