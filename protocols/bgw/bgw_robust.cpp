#include "protocols/bgw/bgw_robust.h"

#include <cmath>
#include <numeric>

#include "protocols/bgw/bivariate_vss.h"
#include "protocols/bgw/lockstep.h"
#include "protocols/bgw/phase_king.h"
#include "protocols/bgw/reed_solomon.h"
#include "protocols/bgw/shamir.h"
#include "protocols/core/abort.h"
#include "protocols/core/extraction.h"
#include "protocols/core/layer_schedule.h"
#include "protocols/core/linear_shares.h"
#include "protocols/core/mutants.h"
#include "protocols/core/protocol_spec.h"
#include "protocols/bgw/labels_robust.h"
#include "protocols/fixedpoint/fixed.h"

namespace smpc {
namespace {

using Row = std::vector<Fp61>;  // a party's row R_j(x) of a wire, t + 1 coefficients

Fp61 at(const Row& r, PartyId p) { return evaluate_polynomial(r, shamir_point(p)); }

Row constant_row(Fp61 c, int t) {
  Row r(static_cast<std::size_t>(t) + 1);
  r[0] = c;
  return r;
}

Row scaled(const Row& r, Fp61 c) {
  Row out(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) out[i] = r[i] * c;
  return out;
}

Row combined(const Row& a, const Row& b, Fp61 sign) {
  Row out(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) out[i] = a[i] + sign * b[i];
  return out;
}

// Opens degree-t sharings robustly: every party sends its shares to every other, and each
// decodes every value with Berlekamp–Welch from the shares that arrived (own included). With at
// most t corrupted parties every honest party decodes the same values.
std::vector<Fp61> robust_open(LockstepNet& net, int t, std::string_view label,
                              const std::vector<Fp61>& mine) {
  const int n = net.parties();
  const PartyId me = net.self();
  net.begin_round();
  const Message msg = Message().add_field61(mine);
  for (PartyId p : other_parties(n, me)) net.send(p, label, msg);
  std::vector<Fp61> xs{shamir_point(me)};
  std::vector<std::vector<Fp61>> ys(mine.size());
  for (std::size_t i = 0; i < mine.size(); ++i) ys[i].push_back(mine[i]);
  for (PartyId p : other_parties(n, me)) {
    const auto got = read_field61(net.recv(p), mine.size());
    if (!got) continue;  // missing or malformed: an erasure
    xs.push_back(shamir_point(p));
    for (std::size_t i = 0; i < mine.size(); ++i) ys[i].push_back((*got)[i]);
  }
  std::vector<Fp61> out(mine.size());
  for (std::size_t i = 0; i < mine.size(); ++i) {
    const auto poly = berlekamp_welch(xs, ys[i], t);
    if (!poly)
      throw Abort("Reed-Solomon decoding of '" + std::string(label) +
                  "' failed: more than t = " + std::to_string(t) + " wrong shares");
    out[i] = (*poly)[0];
  }
  return out;
}

}  // namespace

BgwRobust::BgwRobust(Circuit circuit, int threshold, double round_timeout_s, int servers)
    : circuit_(std::move(circuit)), t_(threshold), round_timeout_s_(round_timeout_s),
      servers_(servers) {
  SMPC_ASSERT(circuit_.domain == CircuitDomain::kField61);
  SMPC_ASSERT(t_ >= 0 && round_timeout_s_ > 0 && servers_ >= 0);
}

SecurityClaim BgwRobust::claim(int parties) const {
  if (servers_ > 0)
    return {AdversaryModel::kMalicious, t_, OutputGuarantee::kGuaranteedOutputDelivery,
            "malicious, at most t = " + std::to_string(t_) + " of n = " +
                std::to_string(servers_) + " servers corrupted (n >= 3t + 1), any number of the " +
                std::to_string(parties - servers_) +
                " clients (a corrupted client's input is r + delta or the default 0), "
                "guaranteed output delivery; statistical (each product check errs with "
                "probability <= 2^-61); synchronous rounds of " +
                std::to_string(round_timeout_s_) + " s"};
  return {AdversaryModel::kMalicious, t_, OutputGuarantee::kGuaranteedOutputDelivery,
          "malicious, at most t = " + std::to_string(t_) + " of n = " + std::to_string(parties) +
              " parties corrupted (n >= 3t + 1), guaranteed output delivery; statistical "
              "(each product check errs with probability <= 2^-61); synchronous rounds of " +
              std::to_string(round_timeout_s_) + " s"};
}

namespace {

// One party's run of AL Protocol 7.1; keeps the state its steps share.
class RobustParty {
 public:
  RobustParty(const Circuit& c, int t, PartyContext& ctx, SimTime round_timeout_s, int servers)
      : c_(c), t_(t), ctx_(ctx), net_(ctx, round_timeout_s, servers), me_(net_.self()),
        n_(net_.parties()),
        wire_(c.num_wires, Row(static_cast<std::size_t>(t) + 1)) {
    SMPC_ASSERT(3 * t_ + 1 <= n_);
    for (PartyId p = n_; p < ctx.net.party_count(); ++p) {
      const std::size_t k = c.input_wires_of(p).size();
      if (k > 0) clients_.push_back(p);
      client_inputs_ += k;
    }
    std::vector<PartyId> everyone(static_cast<std::size_t>(n_));
    std::iota(everyone.begin(), everyone.end(), 0);
    lambda_ = lagrange_at_zero(everyone);
  }

  PartyOutput run(const PartyInput& input) {
    ctx_.meter.set_phase("input");
    if (me_ >= n_) return run_client(input);
    share_inputs(input);
    ctx_.meter.set_phase("mult");
    evaluate_circuit();
    ctx_.meter.set_phase("output");
    return reconstruct_outputs();
  }

 private:
  // The VSS instances of one layer's multiplication step, and where each dealer's start.
  struct LayerDeal {
    VssBatch vss;
    std::size_t m = 0;
    // Instance of dealer d's `which`-th value (0: c, 1: β, 2: γ) of gate g; ω comes first.
    std::size_t id(PartyId dealer, std::size_t g, std::size_t which) const {
      return vss.offset[static_cast<std::size_t>(dealer)] + 1 + 3 * g + which;
    }
    Fp61 share(std::size_t inst) const { return vss.rows[inst][0]; }
  };
  using Caught = std::vector<std::pair<PartyId, std::size_t>>;  // (dealer, gate)

  void share_inputs(const PartyInput& input);
  void client_inputs(const VssBatch& vss, const PerParty<int>& own,
                     std::vector<PartyId>& disqualified);                        // 1a-1c
  PartyOutput run_client(const PartyInput& input);
  std::vector<Fp61> decode_from_servers(std::string_view what, std::size_t count);
  void evaluate_circuit();
  LayerDeal deal_products(const CircuitLayer& layer);                          // 2a
  Fp61 open_challenge(const LayerDeal& deal);                                  // 2b
  std::vector<Fp61> check_products(const CircuitLayer& layer, const LayerDeal& deal,
                                   Fp61 r);                                    // 2c, 2d
  Caught catch_dealers(const LayerDeal& deal, const std::vector<Fp61>& z) const;  // 2e
  void recombine(const CircuitLayer& layer, const LayerDeal& deal, const Caught& caught,
                 const std::vector<Fp61>& in_clear);                           // 2f
  PartyOutput reconstruct_outputs();

  const Circuit& c_;
  int t_;
  PartyContext& ctx_;
  LockstepNet net_;
  PartyId me_;
  int n_;
  std::vector<Row> wire_;
  std::vector<Fp61> lambda_;  // Lagrange coefficients at 0 over all n points
  std::vector<PartyId> clients_;  // the clients with inputs, in party order
  std::size_t client_inputs_ = 0;  // C_in: their inputs, in all
};

// Step 1 (AL Protocol 7.1, input sharing): every input through VSS; disqualified → 0.
void RobustParty::share_inputs(const PartyInput& input) {
  PerParty<int> own(n_), per_dealer(n_);
  for (auto [p, count] : own.items()) count = static_cast<int>(c_.input_wires_of(p).size());
  for (auto [p, count] : per_dealer.items())
    count = own[p] + static_cast<int>(client_inputs_);  // 1a: one mask share ω per client input
  SMPC_ASSERT(input.values.size() == static_cast<std::size_t>(own[me_]));
  std::vector<Fp61> secrets;
  for (auto v : input.values) secrets.push_back(Fp61::from_u64(v));
  for (std::size_t k = 0; k < client_inputs_; ++k) secrets.push_back(ctx_.rng.uniform_fp61());
  if (std::accumulate(per_dealer.begin(), per_dealer.end(), 0) == 0) return;
  const VssBatch vss = vss_share(net_, t_, per_dealer.values(), secrets);
  std::vector<PartyId> disqualified;
  for (PartyId p : all_parties(n_)) {
    const auto wires = c_.input_wires_of(p);
    std::vector<Fp61> shares;
    for (std::size_t k = 0; k < wires.size(); ++k) {
      const std::size_t inst = vss.offset[static_cast<std::size_t>(p)] + k;
      wire_[wires[k]] = vss.rows[inst];
      shares.push_back(vss.rows[inst][0]);
      if (!vss.accepted[inst] && !is_party_in(disqualified, p)) disqualified.push_back(p);
    }
    if (!wires.empty()) record_input_phase(ctx_, "shares", p, shares);  // for the extractor
  }
  if (client_inputs_ > 0) client_inputs(vss, own, disqualified);
  record_input_phase(ctx_, "degree", me_, std::vector<std::uint64_t>{static_cast<std::uint64_t>(t_)});
  record_input_phase_list(ctx_, "disqualified", disqualified);
}

// Steps 1a–1c (roles; bgw_robust.h, DIKNS CRYPTO 2008 §5): each client input x becomes
// [r] + δ with r = Σ_s ω_s the servers' VSS-shared mask and δ = x − r agreed by broadcast.
void RobustParty::client_inputs(const VssBatch& vss, const PerParty<int>& own,
                                std::vector<PartyId>& disqualified) {
  // 1a. The mask rows: Σ over the servers of their k-th ω (a disqualified ω's rows are 0).
  std::vector<Row> mask(client_inputs_, Row(static_cast<std::size_t>(t_) + 1));
  for (PartyId s : all_parties(n_))
    for (std::size_t k = 0; k < client_inputs_; ++k)
      mask[k] = combined(mask[k],
                         vss.rows[vss.offset[static_cast<std::size_t>(s)] +
                                  static_cast<std::size_t>(own[s]) + k],
                         Fp61::from_u64(1));
  // 1b. Every client gets this server's shares of its masks.
  net_.begin_round();
  std::size_t at = 0;
  for (PartyId c : clients_) {
    const std::size_t k = c_.input_wires_of(c).size();
    std::vector<Fp61> shares;
    for (std::size_t i = 0; i < k; ++i) shares.push_back(mask[at + i][0]);
    net_.send(c, labels::bgw_robust::kInputMask, Message().add_field61(shares));
    at += k;
  }
  // 1c. The clients' δ, and the broadcast of what each server received: per client a u32 flag
  //     (1: δ follows, 0: nothing well-formed arrived) and its δ.
  net_.begin_round();
  std::vector<std::optional<std::vector<Fp61>>> got;
  ByteWriter w;
  for (PartyId c : clients_) {
    got.push_back(read_field61(net_.recv(c), c_.input_wires_of(c).size()));
    w.u32(got.back() ? 1 : 0);
    if (got.back())
      for (Fp61 d : *got.back()) w.u64(d.value());
  }
  const auto reports = byzantine_broadcast(net_, t_, w.take());
  // Per client, the δ each server reported (nullopt: none, or a malformed broadcast).
  std::vector<std::vector<std::optional<std::vector<Fp61>>>> said(clients_.size());
  for (const auto& report : reports) {
    std::optional<ByteReader> r;
    if (report) r.emplace(*report);
    for (std::size_t ci = 0; ci < clients_.size(); ++ci) {
      std::optional<std::vector<Fp61>> delta;
      if (r && r->u32() == 1) {
        delta.emplace(c_.input_wires_of(clients_[ci]).size());
        for (auto& d : *delta) d = r->fp61();
      }
      said[ci].push_back(r && r->ok() ? delta : std::nullopt);
    }
  }
  at = 0;
  for (std::size_t ci = 0; ci < clients_.size(); ++ci) {
    const PartyId c = clients_[ci];
    const auto wires = c_.input_wires_of(c);
    // δ is the value at least S − t servers reported: all the honest ones report it for an
    // honest client, and no two values can each have S − t reports, as 2(S − t) > S.
    std::optional<std::vector<Fp61>> delta;
    for (const auto& candidate : said[ci]) {
      if (!candidate) continue;
      const auto votes = std::count(said[ci].begin(), said[ci].end(), candidate);
      if (votes >= n_ - t_) delta = candidate;
    }
    // M94: no agreement: each server takes the δ it received itself, so a client that sends
    // different δ to different servers leaves the honest servers with inconsistent sharings.
    if (mutant_active(Mutant::kM94)) delta = got[ci];
    std::vector<Fp61> shares;
    for (std::size_t k = 0; k < wires.size(); ++k) {
      wire_[wires[k]] = delta ? combined(mask[at + k], constant_row((*delta)[k], t_),
                                         Fp61::from_u64(1))
                              : Row(static_cast<std::size_t>(t_) + 1);  // the default input 0
      shares.push_back(wire_[wires[k]][0]);
    }
    if (!delta) disqualified.push_back(c);
    record_input_phase(ctx_, "shares", c, shares);  // for the extractor
    at += wires.size();
  }
}

// Step 2 (AL Protocol 7.1, circuit emulation), layer by layer.
void RobustParty::evaluate_circuit() {
  for (const CircuitLayer& layer : layer_schedule(c_)) {
    count_layer_gates(layer);
    if (!layer.nonlinear.empty()) {
      const LayerDeal deal = deal_products(layer);
      const Fp61 r = open_challenge(deal);
      const Caught caught = catch_dealers(deal, check_products(layer, deal, r));
      // 2e. A caught dealer is corrupted: open its a_i and b_i from their sub-shares and use
      //     c_i = a_i·b_i in the clear.
      std::vector<Fp61> in_clear;
      if (!caught.empty()) {
        std::vector<Fp61> sub;
        for (const auto& [i, g] : caught) {
          const Gate& gate = c_.gates[layer.nonlinear[g]];
          sub.push_back(at(wire_[gate.in0], i));
          sub.push_back(at(wire_[gate.in1], i));
        }
        in_clear = robust_open(net_, t_, labels::bgw_robust::kMultReveal, sub);
      }
      recombine(layer, deal, caught, in_clear);
    }
    const int t = t_;
    for (std::size_t gi : layer.linear) {
      const Gate& g = c_.gates[gi];
      wire_[g.out] =
          linear_gate(g, wire_, combined, scaled, [t](Fp61 c) { return constant_row(c, t); });
    }
  }
}

// 2a. Every party deals, per gate, c = a_i·b_i (its shares), a mask β and γ = β·b_i; and one
//     random ω for the challenge. Instance layout per dealer: ω, then (c, β, γ) × m.
RobustParty::LayerDeal RobustParty::deal_products(const CircuitLayer& layer) {
  const std::size_t m = layer.nonlinear.size();
  std::vector<Fp61> deal{ctx_.rng.uniform_fp61()};
  for (std::size_t g = 0; g < m; ++g) {
    const Gate& gate = c_.gates[layer.nonlinear[g]];
    const Fp61 a = wire_[gate.in0][0], b = wire_[gate.in1][0];
    const Fp61 beta = ctx_.rng.uniform_fp61();
    deal.insert(deal.end(), {a * b, beta, beta * b});
  }
  const std::vector<int> per_dealer(static_cast<std::size_t>(n_), static_cast<int>(3 * m + 1));
  return {vss_share(net_, t_, per_dealer, deal), m};
}

// 2b. The challenge r = Σ ω of the dealers not disqualified, opened only now that every c, β,
//     γ is fixed.
Fp61 RobustParty::open_challenge(const LayerDeal& deal) {
  Fp61 omega;
  for (PartyId d : all_parties(n_)) {
    const std::size_t first = deal.vss.offset[static_cast<std::size_t>(d)];
    if (deal.vss.accepted[first]) omega += deal.share(first);
  }
  return robust_open(net_, t_, labels::bgw_robust::kMultChallenge, {omega})[0];
}

// 2c. Open ρ = r·a_i + β for every dealer i and gate g. ⟨a_i⟩: party j's share of a_i is its
//     sub-share R_j^a(α_i).
// 2d. Open z = r·c − ρ·b_i + γ, which is r(c − a_i b_i) + (γ − β b_i): zero unless dealer i
//     lied about c (except with probability 1/p over r).
std::vector<Fp61> RobustParty::check_products(const CircuitLayer& layer, const LayerDeal& deal,
                                              Fp61 r) {
  const std::size_t m = deal.m;
  std::vector<Fp61> rho_shares;
  for (PartyId i : all_parties(n_))
    for (std::size_t g = 0; g < m; ++g) {
      const Gate& gate = c_.gates[layer.nonlinear[g]];
      rho_shares.push_back(r * at(wire_[gate.in0], i) + deal.share(deal.id(i, g, 1)));
    }
  const auto rho = robust_open(net_, t_, labels::bgw_robust::kMultOpenRho, rho_shares);
  std::vector<Fp61> z_shares;
  for (PartyId i : all_parties(n_))
    for (std::size_t g = 0; g < m; ++g) {
      const Gate& gate = c_.gates[layer.nonlinear[g]];
      const Fp61 rho_ig = rho[static_cast<std::size_t>(i) * m + g];
      z_shares.push_back(r * deal.share(deal.id(i, g, 0)) - rho_ig * at(wire_[gate.in1], i) +
                         deal.share(deal.id(i, g, 2)));
    }
  return robust_open(net_, t_, labels::bgw_robust::kMultOpenZ, z_shares);
}

// 2e (who): a dealer disqualified in the VSS, or whose check value z is not 0.
RobustParty::Caught RobustParty::catch_dealers(const LayerDeal& deal,
                                               const std::vector<Fp61>& z) const {
  Caught caught;
  for (PartyId i : all_parties(n_))
    for (std::size_t g = 0; g < deal.m; ++g) {
      const bool dealt_ok = deal.vss.accepted[deal.id(i, g, 0)] &&
                            deal.vss.accepted[deal.id(i, g, 1)] &&
                            deal.vss.accepted[deal.id(i, g, 2)];
      if (!dealt_ok || z[static_cast<std::size_t>(i) * deal.m + g] != Fp61())
        caught.push_back({i, g});
    }
  return caught;
}

// 2f. New rows: Σ_i λ_i [c_i] (rows are linear, so sub-shares stay consistent).
void RobustParty::recombine(const CircuitLayer& layer, const LayerDeal& deal,
                            const Caught& caught, const std::vector<Fp61>& in_clear) {
  for (std::size_t g = 0; g < deal.m; ++g) {
    Row acc(static_cast<std::size_t>(t_) + 1);
    for (PartyId i : all_parties(n_)) {
      Row c = deal.vss.rows[deal.id(i, g, 0)];
      for (std::size_t q = 0; q < caught.size(); ++q)
        if (caught[q] == std::pair<PartyId, std::size_t>{i, g})
          c = constant_row(in_clear[2 * q] * in_clear[2 * q + 1], t_);
      acc = combined(acc, c, lambda_[static_cast<std::size_t>(i)]);
    }
    wire_[c_.gates[layer.nonlinear[g]].out] = std::move(acc);
  }
}

// Step 3 (AL Protocol 7.1, output reconstruction): shares to the receiver, who decodes.
PartyOutput RobustParty::reconstruct_outputs() {
  net_.begin_round();
  send_output_shares(ctx_.net, labels::bgw_robust::kOutput, c_, wire_,
                     [](const auto& row) { return row[0]; });
  PartyOutput out;
  const auto mine = c_.output_wires_of(me_);
  if (mine.empty()) return out;
  std::vector<PartyId> senders{me_};
  std::vector<Fp61> xs{shamir_point(me_)};
  std::vector<std::vector<Fp61>> ys(mine.size());
  for (std::size_t k = 0; k < mine.size(); ++k) ys[k].push_back(wire_[mine[k]][0]);
  for (PartyId p : other_parties(n_, me_)) {
    const auto got = read_field61(net_.recv(p), mine.size());
    if (!got) continue;
    senders.push_back(p);
    xs.push_back(shamir_point(p));
    for (std::size_t k = 0; k < mine.size(); ++k) ys[k].push_back((*got)[k]);
  }
  for (const auto& y : ys) {
    if (mutant_active(Mutant::kM14)) {
      // M14: plain Lagrange interpolation of every share that arrived, no error correction:
      // one wrong share moves the output.
      out.values.push_back(shamir_reconstruct(senders, y).value());
      continue;
    }
    const auto poly = berlekamp_welch(xs, y, t_);
    if (!poly)
      throw Abort("Reed-Solomon decoding of an output failed: more than t = " +
                  std::to_string(t_) + " wrong shares");
    out.values.push_back((*poly)[0].value());
  }
  return out;
}

// Berlekamp–Welch decoding, at a client, of `count` values from the S servers' shares sent in
// this round (a missing or malformed message: erasures).
std::vector<Fp61> RobustParty::decode_from_servers(std::string_view what, std::size_t count) {
  std::vector<Fp61> xs;
  std::vector<PartyId> senders;
  std::vector<std::vector<Fp61>> ys(count);
  for (PartyId s : all_parties(n_)) {
    const auto got = read_field61(net_.recv(s), count);
    if (!got) continue;
    senders.push_back(s);
    xs.push_back(shamir_point(s));
    for (std::size_t k = 0; k < count; ++k) ys[k].push_back((*got)[k]);
  }
  std::vector<Fp61> out;
  for (const auto& y : ys) {
    if (mutant_active(Mutant::kM89)) {
      // M89: no error correction: interpolate the first t + 1 shares that arrived, so one wrong
      // share among them moves the value.
      const auto base = static_cast<long>(std::min<std::size_t>(senders.size(), t_ + 1));
      out.push_back(shamir_reconstruct(std::vector<PartyId>(senders.begin(), senders.begin() + base),
                                       std::vector<Fp61>(y.begin(), y.begin() + base)));
      continue;
    }
    const auto poly = berlekamp_welch(xs, y, t_);
    if (!poly)
      throw Abort("Reed-Solomon decoding of " + std::string(what) +
                  " failed: more than t = " + std::to_string(t_) + " wrong shares");
    out.push_back((*poly)[0]);
  }
  return out;
}

// A client (roles): steps 1b and 1c as the owner of its inputs, step 3 as a receiver; it waits
// out the servers' other rounds on the same lock-step clock (counting a possible reveal round
// per layer, so its deadline for the outputs is never before the servers' last send).
PartyOutput RobustParty::run_client(const PartyInput& input) {
  const auto mine = c_.input_wires_of(me_);
  SMPC_ASSERT(input.values.size() == mine.size());
  const auto skip = [&](int rounds) {
    for (int r = 0; r < rounds; ++r) net_.begin_round();
  };
  if (c_.input_count() > 0) skip(vss_rounds(t_));
  if (client_inputs_ > 0) {
    net_.begin_round();                                                    // 1b
    std::vector<Fp61> mask;
    if (!mine.empty()) mask = decode_from_servers("an input mask", mine.size());
    net_.begin_round();                                                    // 1c
    if (!mine.empty()) {
      std::vector<Fp61> delta;
      for (std::size_t k = 0; k < mine.size(); ++k)
        delta.push_back(Fp61::from_u64(input.values[k]) - mask[k]);
      const Message msg = Message().add_field61(delta);
      for (PartyId s : all_parties(n_)) net_.send(s, labels::bgw_robust::kInputMasked, msg);
    }
    skip(broadcast_rounds(t_));
  }
  ctx_.meter.set_phase("mult");
  for (const CircuitLayer& layer : layer_schedule(c_))
    if (!layer.nonlinear.empty()) skip(vss_rounds(t_) + 4);
  ctx_.meter.set_phase("output");
  net_.begin_round();                                                      // 3
  PartyOutput out;
  const auto outs = c_.output_wires_of(me_);
  if (outs.empty()) return out;
  for (Fp61 v : decode_from_servers("an output", outs.size())) out.values.push_back(v.value());
  return out;
}

}  // namespace

PartyOutput BgwRobust::run_steps(PartyContext& ctx, const PartyInput& input) const {
  RobustParty party(circuit_, t_, ctx, round_timeout_s_, servers_);
  return party.run(input);
}

Result<std::unique_ptr<Protocol>> make_bgw_robust(const nlohmann::json& params, const Circuit& c,
                                                  int all_parties) {
  // With roles n is the server count, which bounds t; clients do not count.
  const int parties = server_count(params, all_parties);
  if (c.domain != CircuitDomain::kField61)
    return Error(std::string("/function: bgw_robust evaluates circuits over field61, got ") +
                 domain_name(c.domain));
  if (fx::carried_program(c))
    return Error("/protocol/name: bgw_robust does not run fixed-point programs (truncations, "
                 "comparisons); bgw and spdz do");
  const int max_t = (parties - 1) / 3;
  int t = max_t;
  if (params.contains("threshold")) {
    const auto& v = params["threshold"];
    if (!v.is_number_integer())
      return Error("/protocol/threshold: must be an integer, got " + v.dump());
    const auto tv = v.get<long long>();
    if (tv < 0 || 3 * tv + 1 > parties)
      return Error("/protocol/threshold: t = " + std::to_string(tv) +
                   " but robust BGW needs 0 <= t and n >= 3t + 1, i.e. t <= " +
                   std::to_string(max_t) + " for n = " + std::to_string(parties));
    t = static_cast<int>(tv);
  }
  double timeout = 1.0;
  if (params.contains("round_timeout_s")) {
    const auto& v = params["round_timeout_s"];
    if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() <= 0)
      return Error("/protocol/round_timeout_s: must be a number > 0 (seconds), got " + v.dump());
    timeout = v.get<double>();
  }
  const int servers = params.contains(kServersParam) ? parties : 0;
  return std::unique_ptr<Protocol>(std::make_unique<BgwRobust>(c, t, timeout, servers));
}

}  // namespace smpc
