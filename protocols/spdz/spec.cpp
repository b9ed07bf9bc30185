#include "protocols/spdz/spec.h"

#include "protocols/spdz/extract.h"
#include "protocols/spdz/cost.h"
#include "protocols/spdz/labels.h"
#include "protocols/spdz/spdz.h"
#include "protocols/spdz/spdz_dealer.h"

namespace smpc {

const ProtocolSpec& spdz_spec() {
  static const ProtocolSpec spec = with_make(
      {.name = "spdz", .summary = "SPDZ online phase with MAC-checked additive shares, "
                                  "trusted-dealer preprocessing; malicious, up to n-1 corruptions; "
                                  "correct output or abort",
       .parameters =
           {{.name = "preprocessing",
             .type = ParamType::kString,
             .choices = {"dealer"},
             .default_value = "dealer",
             .doc = "where the triples come from (a simulated trusted dealer; MASCOT is not "
                    "implemented)"},
            {.name = "mac_keys",
             .minimum = 1,
             .maximum = kSpdzMaxMacKeys,
             .default_value = 1,
             .doc = "independent MAC keys (each divides a forgery's success probability by "
                    "2^61)"},
            dealer_seed_param()},
       .labels = {std::begin(labels::spdz::kAll), std::end(labels::spdz::kAll)},
       .audits = field_audits({.name = "product", .parties = 3, .function = {{"name", "product"}},
                               .inputs = {3, 4, 5}}),
       .property = {.max_parties = 5, .runs = 40, .adversarial_runs = 60, .determinism_runs = 10},
       .cost = cost_formula_of([](const ProtocolParams& p, const Circuit& c, int parties) {
         return spdz_cost(c, parties, p.at("mac_keys").get<int>());
       }),
       .extract = spdz_extractor()},
      make_spdz);
  return spec;
}

}  // namespace smpc
