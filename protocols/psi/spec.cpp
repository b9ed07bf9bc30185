#include "protocols/psi/spec.h"

#include "protocols/psi/labels.h"
#include "protocols/psi/psi.h"

namespace smpc {
namespace {

constexpr std::uint64_t points_message_bytes(std::size_t c) { return 6 + 32 * c; }

// The protocol evaluates one function only; any other circuit is the user's mistake.
Result<std::unique_ptr<Protocol>> make_psi_dh(const ProtocolParams& /*params*/, const Circuit& c,
                                              int parties) {
  if (parties != 2) return Error("/parties: psi_dh runs with exactly 2 parties");
  const auto shape = psi_shape(c);
  if (!shape)
    return Error("/function: psi_dh evaluates only the function set_intersection (this is " +
                 std::string(domain_name(c.domain)) + " circuit of " +
                 std::to_string(c.gates.size()) + " gates)");
  return std::unique_ptr<Protocol>(std::make_unique<DhPsi>(*shape));
}

}  // namespace

ExactCost psi_dh_cost(const PsiShape& s) {
  ExactCost e;
  const std::string blinded(labels::psi::kBlinded), reblinded(labels::psi::kReblinded);
  e.bytes[blinded] = points_message_bytes(s.m) + points_message_bytes(s.k);
  e.bytes[reblinded] = points_message_bytes(s.m);
  if (s.output == PsiOutput::kBoth) e.bytes[reblinded] += points_message_bytes(s.k);
  e.rounds = 2;
  return e;
}

const ProtocolSpec& psi_dh_spec() {
  static const ProtocolSpec spec = [] {
    ProtocolSpec s{
        .name = "psi_dh",
        .summary = "private set intersection from commutative Diffie-Hellman (ristretto255); "
                   "function set_intersection; semi-honest; 2 rounds",
        .domain = CircuitDomain::kBoolean,
        .min_parties = 2,
        .max_parties = 2,
        .labels = {std::begin(labels::psi::kAll), std::end(labels::psi::kAll)},
        .audits = {{.name = "intersection", .parties = 2,
                    .function = {{"name", "set_intersection"}, {"output", "receiver"}},
                    .inputs = {{3, 5, 8, 13}, {5, 13, 21}}},
                   {.name = "both", .parties = 2,
                    .function = {{"name", "set_intersection"}, {"output", "both"}},
                    .inputs = {{1, 2, 3}, {2, 3, 4}}},
                   {.name = "cardinality", .parties = 2,
                    .function = {{"name", "set_intersection"}, {"output", "cardinality"}},
                    .inputs = {{10, 20, 30}, {20, 30, 40, 50}}}},
        .property = {.max_parties = 2, .runs = 10, .adversarial_runs = 10,
                     .determinism_runs = 3, .generic_circuits = false},
        .cost = cost_formula_of([](const ProtocolParams&, const Circuit& c, int) {
          const auto shape = psi_shape(c);
          return shape ? psi_dh_cost(*shape) : ExactCost{};
        })};
    s.make = make_psi_dh;
    s.claim = [](const ProtocolParams&, int) { return psi_claim(); };
    return s;
  }();
  return spec;
}

}  // namespace smpc
