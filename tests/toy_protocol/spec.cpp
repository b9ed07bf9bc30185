#include "protocols/registry.h"
#include "tests/toy_protocol/toy_protocol.h"

namespace smpc::toy {
namespace {

Result<std::unique_ptr<Protocol>> make_toy(const ProtocolParams& /*params*/, const Circuit& c,
                                           int parties) {
  if (parties != 2)
    return Error("/parties: toy is a two-party protocol, got " + std::to_string(parties));
  if (c.nonlinear_count() > 0)
    return Error("/function: toy evaluates linear functions only");
  return std::unique_ptr<Protocol>(std::make_unique<ToyAdditive>(c));
}

}  // namespace

const ProtocolSpec& toy_spec() {
  static const ProtocolSpec spec = with_make(
      {.name = "toy",
       .summary = "test-only two-party additive sharing; linear functions; semi-honest",
       .labels = {{kShare, "field elements: one additive share per input wire of the sender"},
                  {kOpen, "field elements: the sender's share of each output wire of the recipient"}},
       .audits = field_audits({.name = "sum", .parties = 2, .function = {{"name", "sum"}},
                               .inputs = {5, 6}}),
       .property = {.max_parties = 2, .runs = 10, .linear_only = true, .adversarial_runs = 10,
                    .determinism_runs = 3}},
      make_toy);
  return spec;
}

// The one registration line.
static const ProtocolRegistration kToy(&toy_spec());

}  // namespace smpc::toy
