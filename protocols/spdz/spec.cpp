#include "protocols/spdz/spec.h"

#include "protocols/spdz/extract.h"
#include "protocols/spdz/cost.h"
#include "protocols/spdz/labels.h"
#include "protocols/spdz/spdz.h"
#include "protocols/spdz/spdz_dealer.h"

namespace smpc {
namespace {

ProtocolSpec build() {
  ProtocolSpec s;
  s.name = "spdz";
  s.summary =
      "SPDZ online phase with MAC-checked additive shares, trusted-dealer preprocessing; "
      "malicious, up to n-1 corruptions; correct output or abort";
  s.domain = CircuitDomain::kField61;
  s.min_parties = 2;
  ParamSpec pre;
  pre.name = "preprocessing";
  pre.type = ParamType::kString;
  pre.choices = {"dealer"};
  pre.default_value = "dealer";
  pre.doc = "where the triples come from (a simulated trusted dealer; MASCOT is not implemented)";
  ParamSpec keys;
  keys.name = "mac_keys";
  keys.minimum = 1;
  keys.maximum = kSpdzMaxMacKeys;
  keys.default_value = 1;
  keys.doc = "independent MAC keys (each divides a forgery's success probability by 2^61)";
  s.parameters = {pre, keys, dealer_seed_param()};
  s.labels.assign(std::begin(labels::spdz::kAll), std::end(labels::spdz::kAll));
  s.cost = cost_formula_of([](const ProtocolParams& p, const Circuit& c, int parties) {
    return spdz_cost(c, parties, p.at("mac_keys").get<int>());
  });
  s.audit = {.parties = 3, .function = {{"name", "product"}}, .inputs = {3, 4, 5}};
  s.property = {.max_parties = 5, .runs = 40, .adversarial_runs = 60, .determinism_runs = 10};
  s.extract = spdz_extractor();
  return with_make(std::move(s), make_spdz);
}

}  // namespace

const ProtocolSpec& spdz_spec() {
  static const ProtocolSpec spec = build();
  return spec;
}

}  // namespace smpc
