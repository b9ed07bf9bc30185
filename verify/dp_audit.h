// The empirical DP check (`smpc verify dp`): a statistical lower bound on the ε a mechanism
// spends, from its outputs on two neighbouring inputs D and D′ (D′ = D with one record raised
// by the sensitivity Δ), to compare with the configured ε.
//
// Method: the auditing of Jagielski, Ullman, Oprea, "Auditing Differentially Private Machine
// Learning: How Private is Private SGD?" (NeurIPS 2020), Algorithm 2, as also in Ding, Wang,
// Wang, Zhang, Kifer, "Detecting Violations of Differential Privacy" (CCS 2018): for an event
// E (here E_t = {y ≥ t}), (ε, δ)-DP implies P[E | D′] ≤ e^ε P[E | D] + δ, so
//   ε ≥ ln((P[E | D′] − δ) / P[E | D]).
// The threshold t is chosen on the first half of each sample (the t maximising the plug-in
// bound, with add-one smoothing of the D rate) and the bound is evaluated on the second half
// only, so the choice does not bias the interval. On the second half, k′ of n′ runs on D′ and k
// of n on D fall in E_t; with Clopper–Pearson intervals [p′_lo, p′_hi] and [p_lo, p_hi], each
// at level 1 − α/2 (Bonferroni: both hold with probability ≥ 1 − α),
//   ε_lo = ln((p′_lo − δ) / p_hi),  ε_hi = ln((p′_hi − δ) / p_lo),  ε̂ = ln((k′/n′ − δ) / (k/n)),
// (ε_lo = 0 when p′_lo ≤ δ: no evidence; ε_hi = ∞ when p_lo = 0). [ε_lo, ε_hi] bounds the ε of
// the event E_t with confidence 1 − α; the mechanism's ε is at least that. The check alarms
// when ε_lo exceeds the configured ε: the mechanism is then not (ε, δ)-DP, with confidence
// 1 − α. A configured ε inside or above the interval is consistent (auditing gives lower
// bounds: a loose calibration puts ε above the interval).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace smpc {

struct DpAuditResult {
  std::int64_t threshold = 0;  // t of E_t = {y >= t}
  std::size_t hits = 0, runs = 0;                    // on D (evaluation half)
  std::size_t hits_neighbour = 0, runs_neighbour = 0;  // on D′
  double eps_hat = 0, eps_lo = 0, eps_hi = 0;  // eps_hi may be +inf
  bool alarm = false;                          // eps_lo > configured ε
  std::string summary;
};

// `on_d` and `on_neighbour`: the mechanism's outputs on D and on D′ (D′'s sum the larger),
// at least 20 each. α: 1 − the confidence of the interval.
DpAuditResult audit_dp(const std::vector<std::int64_t>& on_d,
                       const std::vector<std::int64_t>& on_neighbour, double epsilon,
                       double delta, double alpha = 0.05);

}  // namespace smpc
