// A test-only toy protocol, added from outside protocols/ to show what adding a protocol
// takes: this folder (protocol + spec + one registration line in spec.cpp) and nothing else.
//
// Two-party additive sharing over Mersenne-61 for linear functions (the two-party case of
// Evans–Kolesnikov–Rosulek, "A Pragmatic Introduction to Secure MPC", 2018, §3.1):
//   Step 1. Each party splits each input x into x = r + (x − r), keeps r, sends x − r ("toy.share").
//   Step 2. Each party evaluates the linear circuit on its shares (constants at party 0).
//   Step 3. Each party sends its shares of the peer's outputs ("toy.open"); the receiver adds.
// Semi-honest, one corruption: a party sees one uniformly random share of each peer input.
#pragma once

#include "protocols/core/circuit.h"
#include "protocols/core/protocol.h"
#include "protocols/core/protocol_spec.h"

namespace smpc::toy {

inline constexpr std::string_view kShare = "toy.share";
inline constexpr std::string_view kOpen = "toy.open";

class ToyAdditive final : public Protocol {
 public:
  explicit ToyAdditive(Circuit circuit) : circuit_(std::move(circuit)) {}
  std::string_view name() const override { return "toy"; }
  SecurityClaim claim(int parties) const override;

 private:
  PartyOutput run_steps(PartyContext& ctx, const PartyInput& input) const override;
  Circuit circuit_;
};

const ProtocolSpec& toy_spec();

}  // namespace smpc::toy
