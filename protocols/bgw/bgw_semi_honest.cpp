#include "protocols/bgw/bgw_semi_honest.h"

#include <numeric>
#include <optional>

#include "protocols/bgw/bgw_program.h"
#include "protocols/bgw/shamir.h"
#include "protocols/core/extraction.h"
#include "protocols/core/layer_schedule.h"
#include "protocols/core/linear_shares.h"
#include "protocols/core/mutants.h"
#include "protocols/bgw/labels.h"

namespace smpc {

BgwSemiHonest::BgwSemiHonest(Circuit circuit, int threshold, int servers)
    : circuit_(std::move(circuit)), t_(threshold), servers_(servers),
      program_(fx::carried_program(circuit_)),
      program_plan_(program_ ? std::make_shared<const fx::Plan>(fx::plan_of(*program_)) : nullptr),
      plan_(program_ ? std::vector<BgwLayerPlan>{} : bgw_reshare_plan(circuit_)) {
  SMPC_ASSERT(circuit_.domain == CircuitDomain::kField61);
  SMPC_ASSERT(t_ >= 0 && servers_ >= 0);
  SMPC_ASSERT(!program_ || servers_ == 0);  // make_bgw refuses programs with roles
}

SecurityClaim BgwSemiHonest::claim(int parties) const {
  if (servers_ > 0)
    return {AdversaryModel::kSemiHonest, t_, OutputGuarantee::kCorrect,
            "semi-honest, at most t = " + std::to_string(t_) + " of n = " +
                std::to_string(servers_) + " servers corrupted (t < n/2), any number of the " +
                std::to_string(parties - servers_) + " clients, correct output"};
  return {AdversaryModel::kSemiHonest, t_, OutputGuarantee::kCorrect,
          "semi-honest, at most t = " + std::to_string(t_) + " of n = " +
              std::to_string(parties) + " parties corrupted (t < n/2), correct output"};
}

namespace {

// Each of the party's inputs shared with a fresh degree-t polynomial: to[j] holds the shares
// at α_j, j < points, in input order.
template <class Source>
PerParty<std::vector<Fp61>> share_own_inputs(const PartyInput& input, int t, int points,
                                             Source& rng) {
  const std::size_t k = input.values.size();
  std::vector<Fp61> secrets(k);
  for (std::size_t i = 0; i < k; ++i) secrets[i] = Fp61::from_u64(input.values[i]);
  PerParty<std::vector<Fp61>> to(points, std::vector<Fp61>(k));
  shamir_share_each<Fp61>(secrets, t, points, rng,
                          [&](PartyId j, std::size_t i, Fp61 share) { to[j][i] = share; });
  return to;
}

// Each of `count` outputs interpolated at 0 from the n servers' shares; share(p, k) is server
// p's share of output k.
template <class Share>
PartyOutput interpolate_outputs(std::size_t count, int n, std::span<const Fp61> lambda,
                                Share share) {
  PartyOutput out;
  out.values.reserve(count);
  for (std::size_t k = 0; k < count; ++k) {
    Fp61Accumulator acc;
    for (PartyId p = 0; p < n; ++p) acc.add_product(lambda[static_cast<std::size_t>(p)], share(p, k));
    out.values.push_back(acc.get().value());
  }
  return out;
}

// Step 1 (input sharing): each party shares each of its inputs with a fresh random polynomial
// of degree t and sends party j the evaluations at α_j.
// With roles, n is the number of servers (parties 0..n-1); clients' shares arrive like any
// other dealer's.
// `program` (a fixed-point program's run) deals its randomness between this party's sending
// and its receiving, so that it goes out in the same round (bgw_program.h, step 1).
void share_inputs(const Circuit& c, int t, int n, PartyContext& ctx, const PartyInput& input,
                  std::vector<Fp61>& wire, BgwProgramRun* program) {
  Channel& net = ctx.net;
  const PartyId me = net.self();
  const auto my_wires = c.input_wires_of(me);
  SMPC_ASSERT(my_wires.size() == input.values.size());
  if (!my_wires.empty())
    deal_input_shares(ctx, labels::bgw::kInput, c, share_own_inputs(input, t, n, ctx.rng), wire);
  if (program) program->deal_randomness();
  receive_input_shares(ctx, c, wire);
  // M61: the servers leave out the last client's inputs (their wires stay 0).
  if (mutant_active(Mutant::kM61) && n < net.party_count())
    for (PartyId p = net.party_count() - 1; p >= n; --p)
      if (const auto wires = c.input_wires_of(p); !wires.empty()) {
        for (auto w : wires) wire[w] = Fp61();
        break;
      }
  record_input_phase(ctx, "degree", me, std::vector<std::uint64_t>{static_cast<std::uint64_t>(t)});
}

}  // namespace

// Steps 2b-2c for values of degree 2t (bgw_program.h declares it: programs reshare the same way).
std::vector<Fp61> bgw_reshare(std::span<const Fp61> values, int t, int n,
                              std::span<const Fp61> lambda, PartyContext& ctx,
                              std::string_view label) {
  Channel& net = ctx.net;
  const PartyId me = net.self();
  const std::size_t m = values.size();
  std::vector<Fp61> shares(m * static_cast<std::size_t>(n)), out(m);
  shamir_share_batch<Fp61>(values, t, n, ctx.rng, shares);                       // 2b
  // M15: reshare with the constant polynomial h_i = d, no fresh randomness.
  if (mutant_active(Mutant::kM15))
    for (PartyId j = 0; j < n; ++j) std::copy(values.begin(), values.end(), shares.begin() + static_cast<long>(j * m));
  const auto slice = [&](PartyId j) {
    return std::span<const Fp61>(shares).subspan(static_cast<std::size_t>(j) * m, m);
  };
  for (PartyId j = 0; j < n; ++j)
    if (j != me) net.send(j, label, Message().add_field61(slice(j)));
  PerParty<std::vector<Fp61>> reshared(n);
  for (PartyId i : other_parties(n, me)) reshared[i] = net.recv(i).field61(0, m);
  std::vector<std::span<const Fp61>> h(static_cast<std::size_t>(n));  // h[i][k] = h_i,k(α_me)
  for (PartyId i = 0; i < n; ++i) h[static_cast<std::size_t>(i)] = i == me ? slice(me) : std::span<const Fp61>(reshared[i]);
  for (std::size_t k = 0; k < m; ++k) {                                           // 2c
    Fp61Accumulator acc;
    for (std::size_t i = 0; i < h.size(); ++i) acc.add_product(lambda[i], h[i][k]);
    out[k] = acc.get();
  }
  return out;
}

namespace {

// Step 2 for one layer, all in one round (Gennaro–Rabin–Rabin, with the resharing of
// reshare_plan.h):
//   2a. multiply shares locally: d = a·b lies on a polynomial of degree 2t; the linear gates
//       of the plan's `before` list combine such shares, still of degree 2t (an inner product
//       becomes one value);
//   2b. reshare each of the plan's values v with a fresh degree-t polynomial h_i, send h_i(α_j)
//       to party j;
//   2c. new share = Σ_i λ_i h_i(α_j), λ the Lagrange coefficients at 0 over all n points
//       (valid because 2t ≤ n − 1); the linear gates of `after` then read degree-t shares.
void multiply_layer(const Circuit& c, int t, int n, std::span<const Fp61> lambda,
                    const BgwLayerPlan& plan, PartyContext& ctx, std::vector<Fp61>& wire) {
  const auto constant_share = [](Fp61 v) { return v; };  // constant polynomial: degree 0 ≤ t
  count_layer_gates(plan.products.size(), plan.before.size() + plan.after.size());
  for (std::size_t gi : plan.products) {
    const Gate& g = c.gates[gi];
    wire[g.out] = wire[g.in0] * wire[g.in1];                                    // 2a
  }
  for (std::size_t gi : plan.before) wire[c.gates[gi].out] = linear_gate_share(c.gates[gi], wire, constant_share);
  const std::size_t m = plan.reshare.size();
  if (m > 0) {
    std::vector<Fp61> values(m);
    for (std::size_t k = 0; k < m; ++k) values[k] = wire[plan.reshare[k]];
    const auto shares = bgw_reshare(values, t, n, lambda, ctx, labels::bgw::kMultReshare);  // 2b-2c
    for (std::size_t k = 0; k < m; ++k) wire[plan.reshare[k]] = shares[k];
  }
  for (std::size_t gi : plan.after) wire[c.gates[gi].out] = linear_gate_share(c.gates[gi], wire, constant_share);
}

// Step 3 (output reconstruction): every party sends its shares of the outputs delivered to r
// to party r, who interpolates each at 0 from all n shares.
PartyOutput reconstruct_outputs(const Circuit& c, int n, std::span<const Fp61> lambda,
                                Channel& net, const std::vector<Fp61>& wire) {
  const PartyId me = net.self();
  send_output_shares(net, labels::bgw::kOutput, c, wire);
  const auto out_wires = c.output_wires_of(me);
  if (out_wires.empty()) return {};
  PerParty<std::vector<Fp61>> received(n);
  for (PartyId p : other_parties(n, me)) received[p] = net.recv(p).field61(0, out_wires.size());
  return interpolate_outputs(out_wires.size(), n, lambda, [&](PartyId p, std::size_t k) {
    return p == me ? wire[out_wires[k]] : received[p][k];
  });
}

// A client (docs/applications.md) takes part in step 1 as a dealer only — each input shared
// with a fresh degree-t polynomial, one share per server per input wire, at the server's
// point α_j — and in step 3 as a receiver only: each output interpolated at 0 from the n
// servers' shares.
PartyOutput run_client(const Circuit& c, int t, std::span<const PartyId> servers,
                       PartyContext& ctx, const PartyInput& input) {
  const int n = static_cast<int>(servers.size());
  Channel& net = ctx.net;
  const PartyId me = net.self();
  const auto my_wires = c.input_wires_of(me);
  SMPC_ASSERT(my_wires.size() == input.values.size());
  if (!my_wires.empty()) {
    // M62 shares on n + 1 points and hands server j the share at α_{j+1}: the wrong point.
    const int shift = mutant_active(Mutant::kM62) ? 1 : 0;
    const auto to = share_own_inputs(input, t, n + shift, ctx.rng);
    for (PartyId j = 0; j < n; ++j)
      net.send(j, labels::bgw::kInput, Message().add_field61(to[j + shift]));
  }
  const auto out_wires = c.output_wires_of(me);
  if (out_wires.empty()) return {};
  std::vector<std::vector<Fp61>> received;
  for (PartyId p = 0; p < n; ++p) received.push_back(net.recv(p).field61(0, out_wires.size()));
  const auto lambda = lagrange_table(servers);
  return interpolate_outputs(out_wires.size(), n, *lambda, [&](PartyId p, std::size_t k) {
    return received[static_cast<std::size_t>(p)][k];
  });
}

}  // namespace

PartyOutput BgwSemiHonest::run_steps(PartyContext& ctx, const PartyInput& input) const {
  // With roles, parties 0..servers_-1 compute and the others are clients.
  const int n = servers_ > 0 ? servers_ : ctx.net.party_count();
  SMPC_ASSERT(2 * t_ < n);
  std::vector<PartyId> servers(static_cast<std::size_t>(n));
  std::iota(servers.begin(), servers.end(), 0);
  if (ctx.net.self() >= n) return run_client(circuit_, t_, servers, ctx, input);
  count_alloc<Fp61>(circuit_.num_wires);
  std::vector<Fp61> wire(circuit_.num_wires);
  std::optional<BgwProgramRun> program;  // a fixed-point program (bgw_program.h)
  if (program_) program.emplace(*program_, *program_plan_, t_, n, ctx);
  share_inputs(circuit_, t_, n, ctx, input, wire, program ? &*program : nullptr);  // step 1
  // After step 1, as always: the table is built once per process and its operations are
  // counted for the party that builds it, so moving it changes the reports' per-party ops.
  const auto lambda = lagrange_table(servers);

  if (program) {  // R2, R3 and step 2 of bgw_program.h; the outputs onto the output wires
    std::vector<Fp61> in;
    for (const auto& g : circuit_.inputs)
      for (auto w : g.wires) in.push_back(wire[w]);
    const std::vector<Fp61> y = program->run(in, *lambda);
    std::size_t k = 0;
    for (const auto& g : circuit_.outputs)
      for (auto w : g.wires) wire[w] = y[k++];
  }
  // Step 2 (circuit emulation), layer by layer as planned in the constructor.
  for (const BgwLayerPlan& plan : plan_)
    multiply_layer(circuit_, t_, n, *lambda, plan, ctx, wire);
  return reconstruct_outputs(circuit_, n, *lambda, ctx.net, wire);  // step 3
}

}  // namespace smpc
