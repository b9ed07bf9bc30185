#include "protocols/yao/spec.h"

#include "protocols/yao/labels.h"
#include "protocols/yao/yao.h"

namespace smpc {
namespace {

PartyId garbler_of(const ProtocolParams& params) {
  return static_cast<PartyId>(params.value("garbler", 0));
}

ProtocolSpec build() {
  ProtocolSpec s;
  s.name = "yao";
  s.summary =
      "Yao's garbled circuits, half-gates + free-XOR, IKNP OT; semi-honest, one corruption; "
      "constant rounds";
  s.domain = CircuitDomain::kBoolean;
  s.min_parties = 2;
  s.max_parties = 2;
  ParamSpec garbler;
  garbler.name = "garbler";
  garbler.minimum = 0;
  garbler.maximum = 1;
  garbler.default_value = 0;
  garbler.doc = "which party garbles (the other evaluates)";
  s.parameters = {garbler};
  s.labels.assign(std::begin(labels::yao::kAll), std::end(labels::yao::kAll));
  s.audit = {.parties = 2, .function = {{"name", "millionaires"}, {"bits", 8}},
             .inputs = {200, 100}};
  s.cost.bytes_by_label = [](const ProtocolParams& p, const Circuit& c, int /*parties*/) {
    return yao_cost(c, garbler_of(p)).bytes;
  };
  s.cost.rounds = [](const ProtocolParams& p, const Circuit& c, int /*parties*/) {
    return yao_cost(c, garbler_of(p)).rounds;
  };
  s.property = {.max_parties = 2, .runs = 25, .max_gates = 40, .adversarial_runs = 40,
                .determinism_runs = 8};
  return with_make(std::move(s), make_yao);
}

}  // namespace

const ProtocolSpec& yao_spec() {
  static const ProtocolSpec spec = build();
  return spec;
}

}  // namespace smpc
