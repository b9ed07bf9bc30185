#include "protocols/sum/spec.h"

#include "protocols/core/extraction.h"
#include "protocols/sum/cost.h"
#include "protocols/sum/labels.h"
#include "protocols/sum/secure_sum.h"
#include "protocols/fixedpoint/fixed.h"

namespace smpc {
namespace {

// The protocol cannot multiply shares, so a non-linear function is the user's mistake, named
// with the protocol that can evaluate it.
Result<std::unique_ptr<Protocol>> make_secure_sum(const ProtocolParams& /*params*/,
                                                  const Circuit& c, int /*parties*/) {
  if (fx::carried_program(c))
    return Error("/protocol/name: secure_sum does not run fixed-point programs (truncations, "
                 "comparisons); bgw and spdz do");
  if (const auto m = c.nonlinear_count(); m > 0)
    return Error("/function: secure_sum evaluates linear functions only (sums, weighted sums); "
                 "this function has " + std::to_string(m) +
                 " multiplications: use protocol bgw");
  return std::unique_ptr<Protocol>(std::make_unique<SecureSum>(c));
}

}  // namespace

const ProtocolSpec& secure_sum_spec() {
  static const ProtocolSpec spec = with_make(
      {.name = "secure_sum", .summary = "additive secret sharing; linear functions; semi-honest, "
                                        "up to n-1 corruptions; 2 rounds",
       .labels = {std::begin(labels::sum::kAll), std::end(labels::sum::kAll)},
       .audits = field_audits({.name = "sum", .parties = 4, .function = {{"name", "sum"}},
                               .inputs = {5, 6, 7, 8}}),
       .property = {.max_parties = 6, .runs = 40, .linear_only = true, .adversarial_runs = 50,
                    .determinism_runs = 10},
       .cost = cost_formula_of([](const ProtocolParams&, const Circuit& c, int parties) {
         return secure_sum_cost(c, parties);
       }),
       .extract = additive_extractor(CircuitDomain::kField61)},
      make_secure_sum);
  return spec;
}

}  // namespace smpc
