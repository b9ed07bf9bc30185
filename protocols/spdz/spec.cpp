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
                                  "MASCOT (default) or trusted-dealer preprocessing; malicious, up to "
                                  "n-1 corruptions; "
                                  "correct output or abort",
       .parameters =
           {{.name = "preprocessing",
             .type = ParamType::kString,
             .choices = {"dealer", "mascot"},
             // No default_value: make_spdz must tell an omitted "preprocessing" (MASCOT, or an
             // error where MASCOT is not built) from an explicit one.
             .default_doc = "\"mascot\"; client roles and fixed-point programs need \"dealer\"",
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
       // The battery tampers with every label: MASCOT's fifteen more would multiply its runs, and
       // tests/spdz/spdz_mascot_test.cpp tampers with them; the audit checks the online phase.
       .audits = field_audits({.name = "product", .parties = 3,
                               .params = {{"preprocessing", "dealer"}},
                               .function = {{"name", "product"}}, .inputs = {3, 4, 5}}),
       // Most generated spdz scenarios leave "preprocessing" out (tests/property/scenario_gen.h),
       // so they run MASCOT, the default: ~0.3 s of base OTs and OT extension per run against
       // ~0.03 s with the dealer. 40 / 60 / 10 runs took 5.4 s with the dealer and 36.6 s under
       // MASCOT (2026-12-04, load ~6 on 2 cores); these counts keep the suite's time near its
       // budget (CI runs near 30 minutes). The dealer's online phase is property-tested by
       // tests/spdz/spdz_test.cpp as well.
       .property = {.max_parties = 5, .runs = 16, .adversarial_runs = 24, .determinism_runs = 4},
       .cost = cost_formula_of([](const ProtocolParams& p, const Circuit& c, int parties) {
         const int k = p.at("mac_keys").get<int>();
         if (p.contains(kServersParam))
           return spdz_roles_cost(c, parties, server_count(p, parties), k);
         return p.value("preprocessing", std::string("mascot")) == "mascot"
                    ? spdz_mascot_cost(c, parties, k)
                    : spdz_cost(c, parties, k);
       }),
       .extract = spdz_extractor(),
       .client_inputs = true},
      make_spdz);
  return spec;
}

}  // namespace smpc
