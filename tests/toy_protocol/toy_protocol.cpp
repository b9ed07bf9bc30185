#include "tests/toy_protocol/toy_protocol.h"

#include "protocols/core/field.h"
#include "protocols/core/linear_shares.h"

namespace smpc::toy {

SecurityClaim ToyAdditive::claim(int /*parties*/) const {
  return {AdversaryModel::kSemiHonest, 1, OutputGuarantee::kCorrect,
          "semi-honest, one of the two parties corrupted, correct output (test-only toy)"};
}

PartyOutput ToyAdditive::run_steps(PartyContext& ctx, const PartyInput& input) const {
  Channel& net = ctx.net;
  const PartyId me = net.self(), peer = 1 - me;
  std::vector<Fp61> wire(circuit_.num_wires);

  // Step 1: keep a random share of each input, send the rest.
  const auto mine = circuit_.input_wires_of(me);
  if (!mine.empty()) {
    std::vector<Fp61> rest;
    for (std::size_t k = 0; k < mine.size(); ++k) {
      wire[mine[k]] = ctx.rng.uniform_fp61();
      rest.push_back(Fp61::from_u64(input.values[k]) - wire[mine[k]]);
    }
    net.send(peer, kShare, Message().add_field61(rest));
  }
  if (const auto theirs = circuit_.input_wires_of(peer); !theirs.empty()) {
    const auto got = net.recv(peer).field61(0, theirs.size());
    for (std::size_t k = 0; k < theirs.size(); ++k) wire[theirs[k]] = got[k];
  }

  // Step 2: linear gates apply to shares.
  const auto constant_share = [me](Fp61 c) { return me == 0 ? c : Fp61(); };
  for (const Gate& g : circuit_.gates) wire[g.out] = linear_gate_share(g, wire, constant_share);

  // Step 3: open each output towards its receivers.
  if (const auto to_peer = circuit_.output_wires_of(peer); !to_peer.empty()) {
    std::vector<Fp61> s;
    for (auto w : to_peer) s.push_back(wire[w]);
    net.send(peer, kOpen, Message().add_field61(s));
  }
  PartyOutput out;
  const auto for_me = circuit_.output_wires_of(me);
  if (for_me.empty()) return out;
  const auto got = net.recv(peer).field61(0, for_me.size());
  for (std::size_t k = 0; k < for_me.size(); ++k)
    out.values.push_back((wire[for_me[k]] + got[k]).value());
  return out;
}

}  // namespace smpc::toy
