#include "protocols/bgw/bgw_semi_honest.h"

#include <numeric>

#include "protocols/bgw/shamir.h"
#include "protocols/core/extraction.h"
#include "protocols/core/layer_schedule.h"
#include "protocols/core/linear_shares.h"
#include "protocols/core/mutants.h"
#include "protocols/bgw/labels.h"

namespace smpc {

BgwSemiHonest::BgwSemiHonest(Circuit circuit, int threshold)
    : circuit_(std::move(circuit)), t_(threshold) {
  SMPC_ASSERT(circuit_.domain == CircuitDomain::kField61);
  SMPC_ASSERT(t_ >= 0);
}

SecurityClaim BgwSemiHonest::claim(int parties) const {
  return {AdversaryModel::kSemiHonest, t_, OutputGuarantee::kCorrect,
          "semi-honest, at most t = " + std::to_string(t_) + " of n = " +
              std::to_string(parties) + " parties corrupted (t < n/2), correct output"};
}

namespace {

// Step 1 (input sharing): each party shares each of its inputs with a fresh random polynomial
// of degree t and sends party j the evaluations at α_j.
void share_inputs(const Circuit& c, int t, PartyContext& ctx, const PartyInput& input,
                  std::vector<Fp61>& wire) {
  Channel& net = ctx.net;
  const PartyId me = net.self();
  const int n = net.party_count();
  const auto my_wires = c.input_wires_of(me);
  SMPC_ASSERT(my_wires.size() == input.values.size());
  if (!my_wires.empty()) {
    PerParty<std::vector<Fp61>> to(n);
    for (std::size_t k = 0; k < my_wires.size(); ++k) {
      const auto shares = shamir_share(Fp61::from_u64(input.values[k]), t, n, ctx.rng);
      for (auto [j, share] : to.items()) share.push_back(shares[j]);
    }
    deal_input_shares(ctx, labels::bgw::kInput, c, to, wire);
  }
  receive_input_shares(ctx, c, wire);
  record_input_phase(ctx, "degree", me, std::vector<std::uint64_t>{static_cast<std::uint64_t>(t)});
}

// Step 2 for the m multiplications of one layer, all in one round (Gennaro–Rabin–Rabin):
//   2a. multiply shares locally: d = a·b lies on a polynomial of degree 2t;
//   2b. reshare d with a fresh degree-t polynomial h_i, send h_i(α_j) to party j;
//   2c. new share = Σ_i λ_i h_i(α_j), λ the Lagrange coefficients at 0 over all n points
//       (valid because 2t ≤ n − 1).
void multiply_layer(const Circuit& c, int t, const std::vector<Fp61>& lambda,
                    const CircuitLayer& layer, PartyContext& ctx, std::vector<Fp61>& wire) {
  Channel& net = ctx.net;
  const PartyId me = net.self();
  const int n = net.party_count();
  const std::size_t m = layer.nonlinear.size();
  PerParty<std::vector<Fp61>> to(n, std::vector<Fp61>(m));
  for (std::size_t k = 0; k < m; ++k) {
    const Gate& g = c.gates[layer.nonlinear[k]];
    const Fp61 d = wire[g.in0] * wire[g.in1];                   // 2a
    auto shares = shamir_share(d, t, n, ctx.rng);               // 2b
    // M15: reshare with the constant polynomial h_i = d, no fresh randomness.
    if (mutant_active(Mutant::kM15)) shares.assign(static_cast<std::size_t>(n), d);
    for (auto [j, share] : to.items()) share[k] = shares[j];
  }
  for (const auto& [j, shares] : to.others(me))
    net.send(j, labels::bgw::kMultReshare, Message().add_field61(shares));
  std::vector<Fp61> acc(m);
  for (std::size_t k = 0; k < m; ++k) acc[k] = lambda[me] * to[me][k];
  const auto reshared = recv_each(net, field61_part(m));
  for (const auto& [i, h] : reshared.others(me))
    for (std::size_t k = 0; k < m; ++k) acc[k] += lambda[i] * h[k];  // 2c
  for (std::size_t k = 0; k < m; ++k) wire[c.gates[layer.nonlinear[k]].out] = acc[k];
}

// Step 3 (output reconstruction): every party sends its shares of the outputs delivered to r
// to party r, who interpolates each at 0 from all n shares.
PartyOutput reconstruct_outputs(const Circuit& c, const std::vector<PartyId>& everyone,
                                Channel& net, const std::vector<Fp61>& wire) {
  const PartyId me = net.self();
  const int n = net.party_count();
  send_output_shares(net, labels::bgw::kOutput, c, wire);
  const auto out_wires = c.output_wires_of(me);
  PartyOutput out;
  if (out_wires.empty()) return out;
  std::vector<std::vector<Fp61>> shares(out_wires.size(), std::vector<Fp61>(static_cast<std::size_t>(n)));
  for (std::size_t k = 0; k < out_wires.size(); ++k) shares[k][me] = wire[out_wires[k]];
  const auto received = recv_each(net, field61_part(out_wires.size()));
  for (const auto& [p, s] : received.others(me))
    for (std::size_t k = 0; k < out_wires.size(); ++k) shares[k][p] = s[k];
  for (const auto& s : shares) out.values.push_back(shamir_reconstruct(everyone, s).value());
  return out;
}

}  // namespace

PartyOutput BgwSemiHonest::run_steps(PartyContext& ctx, const PartyInput& input) const {
  const int n = ctx.net.party_count();
  SMPC_ASSERT(2 * t_ < n);
  std::vector<Fp61> wire(circuit_.num_wires);
  share_inputs(circuit_, t_, ctx, input, wire);  // step 1

  // Step 2 (circuit emulation), layer by layer: linear gates are local, multiplications as in
  // multiply_layer.
  std::vector<PartyId> everyone(static_cast<std::size_t>(n));
  std::iota(everyone.begin(), everyone.end(), 0);
  const auto lambda = lagrange_at_zero(everyone);
  const auto constant_share = [](Fp61 c) { return c; };  // constant polynomial: degree 0 ≤ t
  for (const CircuitLayer& layer : layer_schedule(circuit_)) {
    if (!layer.nonlinear.empty()) multiply_layer(circuit_, t_, lambda, layer, ctx, wire);
    for (std::size_t gi : layer.linear) {
      const Gate& g = circuit_.gates[gi];
      wire[g.out] = linear_gate_share(g, wire, constant_share);
    }
  }
  return reconstruct_outputs(circuit_, everyone, ctx.net, wire);  // step 3
}

}  // namespace smpc
