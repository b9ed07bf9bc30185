// BgwRobust: the BGW protocol for arithmetic circuits over Mersenne-61 against a malicious
// adversary corrupting t parties with n ≥ 3t + 1: every honest party always gets the correct
// output (guaranteed output delivery), whatever the corrupted parties send or withhold.
//
// Papers: Ben-Or, Goldwasser, Wigderson (STOC 1988); structure and step numbering follow
// Asharov–Lindell, "A Full Proof of the BGW Protocol" (eprint 2011/136), Protocol 7.1 (the
// malicious protocol in the (F_VSS, F_mult)-hybrid model):
//   Step 1 (input sharing): every input is dealt with VSS (bivariate_vss.h: AL §5.5,
//           Protocol 5.6, with Feldman's symmetric polynomials). A dealer who is disqualified
//           gets the default input 0 (AL: "the parties use the constant polynomial 0").
//   Step 2 (circuit emulation): linear gates locally; all multiplications of a layer at once
//           through F_mult (AL §6.7): every party P_i reshares the product c_i = a_i·b_i of its
//           shares with VSS (Gennaro–Rabin–Rabin's degree reduction, AL §6.1), the products are
//           checked, and the new shares are Σ λ_i [c_i] (λ: Lagrange at 0 over all n points;
//           c_1 .. c_n lie on a degree-2t polynomial and 2t < n). A party whose reshared value
//           is wrong is caught and its c_i recomputed in the open from its sub-shared a_i, b_i
//           (a corrupted party's shares are no secret), so up to t wrong reshares are tolerated.
//   Step 3 (output): every party sends its shares of an output to the receiver, who decodes
//           them with Berlekamp–Welch (reed_solomon.h, AL §5.1): up to t shares may be wrong or
//           missing.
// Deviation from AL, stated: AL prove c_i = a_i·b_i with a perfectly secure subprotocol
// (F_VSS^mult, §6.6, built on F_eval and F_VSS^subshare). We use a statistical product check
// instead (a Beaver-style check, Beaver CRYPTO 1991, with a jointly random challenge r): the
// dealer also deals β and γ = β·b_i; the parties open ρ = r·a_i + β and then
// z = r·c_i − ρ·b_i + γ = r(c_i − a_i b_i) + (γ − β b_i), which is 0 for an honest dealer and,
// for any other values fixed before r is known, 0 with probability 1/p. Openings reveal nothing
// (ρ is masked by β; z is 0; both sharings are re-randomised by the dealer's fresh
// polynomials). So this BgwRobust is statistically, not perfectly, secure: each product check
// errs with probability ≤ 2^-61 (union bound over n·(multiplications) checks). The challenge r
// is the sum of one random value VSS-dealt by every party in the same batch, opened after it.
//
// Synchrony: lock-step rounds with absolute deadlines start + r·Δ, Δ = round_timeout_s
// (lockstep.h). A message missing at its deadline counts as a wrong share, and its sender is
// treated as crashed for the rest of the run. Broadcast (needed by VSS) is emulated with the
// phase-king Byzantine agreement (phase_king.h). Honest outputs are correct as long as at most
// t parties are corrupted and every honest message arrives within Δ.
//
// Rounds and communication (measured in every report; asserted by tests): n parties, threshold
// t, B = 1 + 3(t + 1) rounds per broadcast, a VSS batch takes 2 + 5B rounds (bivariate_vss.h
// gives its bytes). With I_p inputs of party p, L layers of m_1 .. m_L multiplications and O_r
// outputs delivered to receiver r, in a run without misbehaviour:
//   input   phase "input": one VSS batch, dealer p deals I_p values        2 + 5B rounds
//   layer ℓ phase "mult":  one VSS batch, every party deals 3m_ℓ + 1 values
//                          (per gate c, β, γ; one random ω for the challenge), then
//           "bgwr.mult.challenge"  n(n−1)·14 bytes                           1 round
//           "bgwr.mult.open_rho"   n(n−1)(6 + 8n·m_ℓ) bytes                  1 round
//           "bgwr.mult.open_z"     n(n−1)(6 + 8n·m_ℓ) bytes                  1 round
//           ("bgwr.mult.reveal", one more round, only when some product check failed)
//   output  phase "output": "bgwr.output"  Σ_r (n−1)(6 + 8 O_r) bytes         1 round
// so rounds = (2 + 5B) + L(5 + 5B) + 1 (for n ≥ 3 and some input). Per multiplication the
// layer's bytes grow by 8n(n−1)(3(t + 1) + 5n): 3(t + 1) row coefficients from every dealer to
// every party, 3n pairwise sub-shares and 2n opened shares between every ordered pair; a layer
// costs 5 + 5B rounds whatever its width. A robust opening of m values costs one round and
// n(n−1)(6 + 8m) bytes.
//
// Example: 4 parties, t = 1 (B = 7), inner product of two length-4 vectors (L = 1):
// rounds = 37 + 40 + 1 = 78.
//
// Roles (docs/applications.md, "Robust BGW with clients"): with S servers (parties 0..S−1,
// S ≥ 3t + 1; t bounds the corrupted servers only) and clients, only the servers run the steps
// above; a client gives inputs by the masked-input method of Damgård–Ishai–Krøigaard–Nielsen–
// Smith ("Scalable multiparty computation with nearly optimal work and resilience",
// CRYPTO 2008, §5 "input"), built on the same VSS:
//   Step 1a: in the input VSS batch every server also deals one random ω per client input; the
//            mask r = Σ_s ω_s is VSS-shared (a disqualified server's ω is the default 0) and
//            uniform to the adversary, as at least one ω comes from an honest server.
//   Step 1b ("bgwr.input.mask"): every server sends the client its shares of the client's
//            masks; the client decodes each with Berlekamp–Welch (up to t wrong shares).
//   Step 1c ("bgwr.input.masked"): the client sends δ = x − r to every server, and the servers
//            broadcast what they received (phase_king.h, one broadcast for all clients). A
//            client's δ is the value at least S − t servers agree on, and its input wires are
//            [r] + δ; with no such value (the client sent nothing, or different values to
//            different servers) the client is disqualified and its inputs are the default 0,
//            as for a disqualified party-dealer in step 1. So a corrupted client's effective
//            input is always defined, r + δ or 0, and every honest server holds the same
//            sharing of it.
//   Step 3: an output receiver that is a client decodes the S servers' shares with
//            Berlekamp–Welch like any receiver.
// Extra cost with roles, C_in = Σ_c I_c client inputs and L = Σ_{c: I_c>0} (4 + 8 I_c) the
// broadcast payload: the input batch carries I_s + C_in values per server; "bgwr.input.mask"
// and "bgwr.input.masked" are S(6 + 8 I_c) bytes each per client c with I_c > 0; the broadcast
// of step 1c costs S(S−1)(6 + L) bytes of "bgwr.bcast.send" and per phase S(S−1)(6 + S(4 + L))
// of vote and of propose and (S−1)(6 + S(4 + L)) of king; and 2 + B more rounds (when C_in > 0).
// A client c sends S(6 + 8 I_c) bytes and receives S(6 + 8 I_c) + S(6 + 8 O_c) (cost.h).
#pragma once

#include <memory>

#include <nlohmann/json.hpp>

#include "protocols/core/circuit.h"
#include "protocols/core/protocol.h"
#include "protocols/core/status.h"

namespace smpc {

class BgwRobust final : public Protocol {
 public:
  // Requires a kField61 circuit already validated for the run's parties, n ≥ 3t + 1, and
  // round_timeout_s > 0.
  // With `servers` > 0 (roles) parties 0..servers-1 compute and 3t + 1 ≤ servers; the others
  // are clients.
  BgwRobust(Circuit circuit, int threshold, double round_timeout_s, int servers = 0);

  std::string_view name() const override { return "bgw_robust"; }
  SecurityClaim claim(int parties) const override;

  int threshold() const { return t_; }
  double round_timeout_s() const { return round_timeout_s_; }

 private:
  PartyOutput run_steps(PartyContext& ctx, const PartyInput& input) const override;
  Circuit circuit_;
  int t_;
  double round_timeout_s_;
  int servers_;  // 0: every party computes
};

// The registry factory. Parameters (all optional):
//   "threshold":        integer t with 0 <= t and 3t + 1 <= n (default floor((n - 1) / 3)); with
//                       roles n is the server count "servers" (set by the runner)
//   "round_timeout_s":  number > 0, the synchrony bound Δ of one round (default 1.0)
Result<std::unique_ptr<Protocol>> make_bgw_robust(const nlohmann::json& params,
                                                  const Circuit& circuit, int parties);

}  // namespace smpc
