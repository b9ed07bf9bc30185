// SecureSum: additive secret sharing over Mersenne-61 for linear functions (sums, weighted sums,
// differences, constants), n ≥ 2 parties, semi-honest, up to n−1 corruptions.
//
// The folklore protocol (see Evans–Kolesnikov–Rosulek, "A Pragmatic Introduction to Secure MPC",
// 2018, §3.1 on additive sharing):
//   Step 1. Party p splits each input x into n random summands x = Σ_j s_j and sends s_j to j.
//   Step 2. Every party evaluates the linear circuit on its summands (constants at party 0).
//   Step 3. Every party sends its summand of each output to the output's receivers, who add.
// A coalition of up to n−1 parties sees uniformly random summands of honest inputs; only the
// sum is revealed.
//
// Rounds and communication (k-element message = 6 + 8k bytes, message.h): with I_p inputs of
// party p and O_r outputs delivered to receiver r:
//   "sum.share"  round 1   Σ_{p: I_p>0} (n−1)(6 + 8 I_p) bytes
//   "sum.open"   round 2   Σ_r (n−1)(6 + 8 O_r) bytes
// Rounds: 2 when two or more parties give inputs (a lone input owner's opening does not wait
// for anything, so it can be 1).
// Example: 5 parties, one input each, sum to all: 2 rounds, 2·5·4·14 = 560 bytes.
#pragma once

#include "protocols/core/circuit.h"
#include "protocols/core/protocol.h"

namespace smpc {

class SecureSum final : public Protocol {
 public:
  // Requires a validated kField61 circuit without multiplications.
  explicit SecureSum(Circuit circuit);

  std::string_view name() const override { return "secure_sum"; }
  SecurityClaim claim(int parties) const override;

 private:
  PartyOutput run_steps(PartyContext& ctx, const PartyInput& input) const override;
  Circuit circuit_;
};

}  // namespace smpc
