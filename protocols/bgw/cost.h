// Exact costs of semi-honest BGW (bgw_semi_honest.h) and of honest runs of robust BGW
// (bgw_robust.h, docs/malicious.md "Costs"), in one place: the specs' cost wraps them and the
// tests compare measured runs with the spec.
#pragma once

#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/share_cost.h"

namespace smpc {

// With n parties, I_p inputs of party p, r_ℓ values reshared in layer ℓ (reshare_plan.h: the
// products and locally summed combinations a multiplication or an output reads; r_ℓ = 1 for an
// inner product of any length, r_ℓ = m_ℓ when each product is read on its own), O_r outputs of r:
//   "bgw.input"        Σ_{p: I_p>0} (n−1)(6 + 8 I_p)
//   "bgw.mult.reshare" Σ_{ℓ: r_ℓ>0} n(n−1)(6 + 8 r_ℓ)
//   "bgw.output"       Σ_r (n−1)(6 + 8 O_r)
// rounds: share_layers_open_rounds(c, n, L'), L' the layers with r_ℓ > 0, i.e. L' + 2 with two
// or more input owners (L' = L unless the last layers' products are read by nothing). The
// threshold t changes neither (every party sends a share to every other whatever t is).
// A circuit carrying a fixed-point program (fx::carried_program) costs what bgw_program.h
// lists instead of the layers: B random bits and M masks (fx::Needs), pairs = n(n−1),
//   "bgw.fx.random"      pairs (6 + 8(B + M))  ┐ only when the program truncates or compares
//   "bgw.fx.bits.square" pairs (6 + 8B)        │
//   "bgw.fx.bits.open"   pairs (6 + 8B)        ┘
//   "bgw.mult.reshare"   pairs (6 + 8m) per product batch of m, pairs (6 + 8P) per BitLT level
//                        of P products of an LTZ or Floor batch (fx::program_rounds: Σ⌊w_j/2⌋
//                        at the first level, Σ(2⌊w_j/2⌋ − [w_j ≥ 2]) after, w_j each one's width)
//   "bgw.fx.trunc"       pairs (6 + 8m) per TruncPr batch, "bgw.fx.ltz" the same per LTZ or
//                        Floor batch
// and rounds |fx::program_rounds| + 4 (with randomness; else as a circuit of that many layers).
ExactCost bgw_cost(const Circuit& c, int parties);

// Robust BGW with threshold t, every party honest (B = 1 + 3(t + 1) rounds per broadcast, a VSS
// batch 2 + 5B): one VSS batch of the inputs, per layer a VSS batch of 3m_ℓ + 1 values from
// every party plus challenge, open_rho and open_z, then the outputs; bytes per label as in
// docs/malicious.md, rounds (2 + 5B) + L(5 + 5B) + 1 (n ≥ 3, some input).
ExactCost bgw_robust_cost(const Circuit& c, int parties, int t);

// BGW with roles (docs/applications.md, bgw_semi_honest.h): parties 0..S−1 are the servers,
// the others clients. With I_p input wires of party p, O_r output wires of receiver r and
// r_ℓ values reshared in layer ℓ (reshare_plan.h):
//   "bgw.input"         dealer p (client or server) sends 6 + 8 I_p bytes to each server ≠ p
//   "bgw.mult.reshare"  per layer: S(S−1)(6 + 8 r_ℓ), among the servers only
//   "bgw.output"        receiver r gets 6 + 8 O_r bytes from each server ≠ r
// So a client sends S(6 + 8 I_c) and receives S(6 + 8 O_c) bytes; a server s sends
// (S−1)(6 + 8 I_s) [if I_s > 0] + Σ_ℓ (S−1)(6 + 8 r_ℓ) + Σ_{r ≠ s, O_r > 0} (6 + 8 O_r) and
// receives Σ_{p ≠ s, I_p > 0} (6 + 8 I_p) + Σ_ℓ (S−1)(6 + 8 r_ℓ) + [O_s > 0] (S−1)(6 + 8 O_s).
// Rounds: the causal recurrence of meter.h over these messages (L + 2 when inputs come from
// two or more parties, e.g. a client-only sum is 2 rounds).
std::vector<PartyCost> bgw_roles_party_bytes(const Circuit& c, int parties, int servers);
ExactCost bgw_roles_cost(const Circuit& c, int parties, int servers);

// Robust BGW with roles (bgw_robust.h "Roles"), an honest run: the servers run
// bgw_robust_cost's steps among themselves with C_in mask values more per server in the input
// batch, plus "bgwr.input.mask" and "bgwr.input.masked" (S(6 + 8 I_c) each per client c with
// I_c > 0) and one broadcast of payload L = Σ_{c: I_c>0} (4 + 8 I_c); outputs go to clients
// from all S servers. Rounds: bgw_robust_cost's plus 2 + B when C_in > 0.
ExactCost bgw_robust_roles_cost(const Circuit& c, int parties, int servers, int t);
// A client's exact bytes in such a run: sent S(6 + 8 I_c) [I_c > 0], received
// S(6 + 8 I_c) [I_c > 0] + S(6 + 8 O_c) [O_c > 0].
PartyCost bgw_robust_client_bytes(const Circuit& c, int servers, PartyId client);
// Every party's exact bytes in such a run (clients as above). Server s: every message among the
// servers goes to all S − 1 others and comes from all of them, except the VSS rows (dealer s
// sends (S−1)(6 + 8(t+1)m_s), receives 6 + 8(t+1)m_d from each other dealer d with m_d > 0)
// and the kings' messages (servers 0..t send theirs once per broadcast, the others receive
// t + 1); plus its masks to and δ from each client, and its output shares to each receiver.
std::vector<PartyCost> bgw_robust_roles_party_bytes(const Circuit& c, int parties, int servers,
                                                    int t);

}  // namespace smpc
