#include "protocols/sum/secure_sum.h"

#include "protocols/core/extraction.h"
#include "protocols/core/layer_schedule.h"
#include "protocols/core/linear_shares.h"
#include "protocols/core/mutants.h"
#include "protocols/sum/labels.h"

namespace smpc {

SecureSum::SecureSum(Circuit circuit) : circuit_(std::move(circuit)) {
  SMPC_ASSERT(circuit_.domain == CircuitDomain::kField61);
  SMPC_ASSERT(circuit_.nonlinear_count() == 0);
}

SecurityClaim SecureSum::claim(int parties) const {
  return {AdversaryModel::kSemiHonest, parties - 1, OutputGuarantee::kCorrect,
          "semi-honest, up to n - 1 = " + std::to_string(parties - 1) +
              " parties corrupted, correct output"};
}

PartyOutput SecureSum::run_steps(PartyContext& ctx, const PartyInput& input) const {
  Channel& net = ctx.net;
  const PartyId me = net.self();
  const int n = net.party_count();
  count_alloc<Fp61>(circuit_.num_wires);
  std::vector<Fp61> wire(circuit_.num_wires);

  // Step 1: split every input into n summands; the last one makes them add up.
  const auto my_wires = circuit_.input_wires_of(me);
  SMPC_ASSERT(my_wires.size() == input.values.size());
  if (!my_wires.empty()) {
    count_alloc<Fp61>(static_cast<std::size_t>(n) * my_wires.size());
    PerParty<std::vector<Fp61>> to(n, std::vector<Fp61>(my_wires.size()));
    for (std::size_t k = 0; k < my_wires.size(); ++k) {
      Fp61 rest = Fp61::from_u64(input.values[k]);
      for (auto [j, summands] : to.others(me)) {
        summands[k] = ctx.rng.uniform_fp61();
        // M18: the last peer's summand is not subtracted, so the summands add up to x + s.
        if (mutant_active(Mutant::kM18) && j == (me == n - 1 ? n - 2 : n - 1)) continue;
        rest -= summands[k];
      }
      to[me][k] = rest;
    }
    deal_input_shares(ctx, labels::sum::kShare, circuit_, to, wire);
  }
  receive_input_shares(ctx, circuit_, wire);

  // Step 2: the circuit is linear, so it applies to summands directly.
  const auto constant_share = [me](Fp61 c) { return me == 0 ? c : Fp61(); };
  count_layer_gates(0, circuit_.gates.size());
  for (const Gate& g : circuit_.gates)
    wire[g.out] = linear_gate_share(g, wire, constant_share);

  // Step 3: open the outputs towards their receivers.
  send_output_shares(net, labels::sum::kOpen, circuit_, wire);
  PartyOutput out;
  const auto out_wires = circuit_.output_wires_of(me);
  if (out_wires.empty()) return out;
  std::vector<Fp61> total;
  for (auto w : out_wires) total.push_back(wire[w]);
  const auto received = recv_each(net, field61_part(out_wires.size()));
  for (const auto& [p, s] : received.others(me))
    for (std::size_t k = 0; k < s.size(); ++k) total[k] += s[k];
  for (Fp61 v : total) out.values.push_back(v.value());
  return out;
}

}  // namespace smpc
