// BgwSemiHonest: the BGW protocol for arithmetic circuits over Mersenne-61, semi-honest
// security against t < n/2 corrupted parties.
//
// Papers: Ben-Or, Goldwasser, Wigderson (STOC 1988); the proof and step numbering follow
// Asharov–Lindell, "A Full Proof of the BGW Protocol" (eprint 2011/136), §3 (semi-honest);
// multiplication by resharing the degree-2t product and recombining with Lagrange coefficients
// is Gennaro–Rabin–Rabin (PODC 1998), §3.
//
// Rounds and communication (measured in every report, asserted by tests): with n parties,
// I_p input wires of party p, L layers of multiplications, r_ℓ values reshared in layer ℓ
// (reshare_plan.h: products and local sums of products that a multiplication or an output
// reads, so r_ℓ = 1 for an inner product of any length and r_ℓ = m_ℓ when each of the m_ℓ
// products is read on its own), and O_r output wires delivered to receiver r; a message with k
// field elements is 6 + 8k bytes (message.h):
//   input   "bgw.input"        round 1      Σ_{p: I_p>0} (n−1)(6 + 8 I_p) bytes
//   layer ℓ "bgw.mult.reshare" round 1+ℓ    n(n−1)(6 + 8 r_ℓ) bytes (nothing when r_ℓ = 0)
//   output  "bgw.output"       round L+2    Σ_r (n−1)(6 + 8 O_r)
// so rounds = L + 2 (when two or more parties give inputs; with a single input owner,
// causality lets it skip waiting for input shares and the count can be one lower; trailing
// layers whose products nothing reads reshare nothing and cost no round) and each
// multiplication layer costs one round whatever its width.
//
// Example: 7 parties, t = 3, inner product of two length-4 vectors: L = 1, r_1 = 1, rounds = 3.
//
// Fixed-point programs (protocols/fixedpoint/fixed.h) come carried in a circuit
// (fx::carried_program): step 2 then runs the program as bgw_program.h describes, with the
// random bits and masks its truncations and comparisons need made by the parties in the input
// round and two more; exact cost in cost.h (bgw_cost).
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "protocols/fixedpoint/fixed.h"

#include "protocols/bgw/reshare_plan.h"
#include "protocols/core/circuit.h"
#include "protocols/core/protocol.h"

namespace smpc {

class BgwSemiHonest final : public Protocol {
 public:
  // Requires a kField61 circuit already validated for `parties`, and 2t < parties. With
  // `servers` > 0 (roles, docs/applications.md) parties 0..servers-1 compute and 2t < servers;
  // the others are clients that share their inputs to the servers and receive outputs.
  BgwSemiHonest(Circuit circuit, int threshold, int servers = 0);

  std::string_view name() const override { return "bgw"; }
  SecurityClaim claim(int parties) const override;

  int threshold() const { return t_; }

 private:
  PartyOutput run_steps(PartyContext& ctx, const PartyInput& input) const override;
  Circuit circuit_;
  int t_;
  int servers_;  // 0: every party computes
  std::optional<fx::Program> program_;  // a carried fixed-point program, run instead of layers
  std::shared_ptr<const fx::Plan> program_plan_;  // fx::plan_of(*program_), made once
  std::vector<BgwLayerPlan> plan_;
};

}  // namespace smpc
