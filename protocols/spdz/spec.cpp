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
                                  "trusted-dealer (default) or MASCOT preprocessing; malicious, up to n-1 "
                                  "corruptions; "
                                  "correct output or abort",
       .parameters =
           {{.name = "preprocessing",
             .type = ParamType::kString,
             .choices = {"dealer", "mascot"},
             .default_value = "dealer",
             .doc = "where the triples and MACs come from: \"dealer\" (a simulated trusted "
                    "dealer) or \"mascot\" (MASCOT over KOS OT extension, no trusted party; "
                    "a private output opened once per receiver; a corrupted owner's input is extracted as "
                    "ε + the r its code holds when its Π_COPE messages reached every honest party "
                    "unaltered, else reported not extracted)"},
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
         const int k = p.at("mac_keys").get<int>();
         if (p.contains(kServersParam))
           return spdz_roles_cost(c, parties, server_count(p, parties), k);
         return p.value("preprocessing", std::string("dealer")) == "mascot"
                    ? spdz_mascot_cost(c, parties, k)
                    : spdz_cost(c, parties, k);
       }),
       .extract = spdz_extractor(),
       .client_inputs = true},
      make_spdz);
  return spec;
}

}  // namespace smpc
