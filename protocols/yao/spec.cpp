#include "protocols/yao/spec.h"

#include "protocols/yao/extract.h"
#include "protocols/yao/labels.h"
#include "protocols/yao/yao.h"

namespace smpc {

const ProtocolSpec& yao_spec() {
  static const ProtocolSpec spec = with_make(
      {.name = "yao", .summary = "Yao's garbled circuits, half-gates + free-XOR, IKNP OT; "
                                 "semi-honest, one corruption; constant rounds",
       .domain = CircuitDomain::kBoolean,
       .max_parties = 2,
       .parameters = {{.name = "garbler",
                       .minimum = 0,
                       .maximum = 1,
                       .default_value = 0,
                       .doc = "which party garbles (the other evaluates)"}},
       .labels = {std::begin(labels::yao::kAll), std::end(labels::yao::kAll)},
       // Two-party only: no scenario with a party that gives no input.
       .audits = boolean_audits({.name = "millionaires", .parties = 2,
                                 .function = {{"name", "millionaires"}, {"bits", 8}},
                                 .inputs = {200, 100}},
                                /*helper=*/false),
       .property = {.max_parties = 2, .runs = 25, .max_gates = 40, .adversarial_runs = 40,
                    .determinism_runs = 8},
       .cost = cost_formula_of([](const ProtocolParams& p, const Circuit& c, int /*parties*/) {
         return yao_cost(c, static_cast<PartyId>(p.value("garbler", 0)));
       }),
       .extract = yao_extractor()},
      make_yao);
  return spec;
}

}  // namespace smpc
