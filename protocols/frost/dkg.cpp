#include "protocols/frost/dkg.h"

#include <algorithm>
#include <cstring>
#include <set>

#include "protocols/core/abort.h"
#include "protocols/bgw/lockstep.h"
#include "protocols/broadcast/dolev_strong.h"
#include "protocols/core/mutants.h"
#include "protocols/core/status.h"
#include "protocols/crypto/hash.h"
#include "protocols/ot/base_ot.h"

namespace smpc::frost {
namespace {

struct Dealing {
  std::vector<RistrettoPoint> c;  // φ_0..φ_{t−1}
  ProofOfKnowledge pok;
};

// Parties first..N−1 deal, with identifiers 1..N−first; parties below `first` observe.
struct Layout {
  int parties = 0;
  PartyId first = 0;
  std::uint64_t id(PartyId p) const { return static_cast<std::uint64_t>(p - first) + 1; }
  PartyId party(std::uint64_t id) const { return static_cast<PartyId>(id - 1) + first; }
  std::uint64_t dealers() const { return static_cast<std::uint64_t>(parties - first); }
  std::vector<PartyId> all_dealers() const {
    std::vector<PartyId> out;
    for (PartyId p = first; p < parties; ++p) out.push_back(p);
    return out;
  }
  // Every dealer but `me`, in party order.
  std::vector<PartyId> other_dealers(PartyId me) const {
    std::vector<PartyId> out;
    for (PartyId p = first; p < parties; ++p)
      if (p != me) out.push_back(p);
    return out;
  }
};

std::optional<Scalar> scalar_from(const Bytes& b) {
  if (b.size() != 32) return std::nullopt;
  ScalarBytes s;
  std::memcpy(s.data(), b.data(), s.size());
  return Scalar::decode(s);
}

Message dealing_message(const Dealing& d) {
  std::vector<PointBytes> pts;
  for (const auto& p : d.c) pts.push_back(p.bytes());
  pts.push_back(d.pok.r.bytes());
  return Message().add_points(pts).add_bytes(d.pok.mu.bytes());
}

// The agreed value of a broadcast as a message (nullopt: ⊥ or bytes that do not decode; every
// honest party holds the same bytes, so every one decides the same).
std::optional<Message> agreed_message(const std::optional<Bytes>& b) {
  if (!b) return std::nullopt;
  auto m = Message::decode(*b);
  if (!m.ok()) return std::nullopt;
  return std::move(*m);
}

// nullopt for a malformed dealing: every honest party holds the same agreed bytes (Dolev–Strong),
// so every one disqualifies the dealer.
std::optional<Dealing> read_dealing(const std::optional<Message>& agreed, int t) {
  if (!agreed) return std::nullopt;
  const Message& m = *agreed;
  try {
    m.expect_parts(2);
    auto pts = read_points(m, 0, static_cast<std::size_t>(t) + 1);
    const auto mu = scalar_from(m.bytes(1));
    if (!mu) return std::nullopt;
    Dealing d{{pts.begin(), pts.end() - 1}, {pts.back(), *mu}};
    return d;
  } catch (const Abort&) {
    return std::nullopt;
  }
}

std::vector<std::uint64_t> read_ids(const Message& m, std::size_t part) {
  if (part >= m.parts().size() || m.parts()[part].kind != ElementKind::kRing64) return {};
  return m.ring64(part, m.parts()[part].count);
}

// Round 2: this party's share from each dealer, and the dealers it complains against.
struct Received {
  std::vector<std::optional<Scalar>> shares;
  std::vector<std::uint64_t> complaints;
};
Received receive_shares(LockstepNet& net, const Layout& lay,
                        const std::vector<std::optional<Dealing>>& dealings,
                        const std::set<std::uint64_t>& disqualified) {
  const PartyId self = net.self();
  Received r{std::vector<std::optional<Scalar>>(dealings.size()), {}};
  for (PartyId p : lay.other_dealers(self)) {
    const auto m = net.recv(p);  // nullopt: missed the round's deadline or undecodable
    std::optional<Scalar> s;
    if (m && m->parts().size() == 1 && m->parts()[0].kind == ElementKind::kByte)
      s = scalar_from(m->bytes(0));
    if (disqualified.count(lay.id(p))) continue;
    // Feldman check; seeded bug M51 skips it, so no complaint is ever raised.
    const bool consistent =
        mutant_active(Mutant::kM51) ||
        (s && RistrettoPoint::base_mul_any(*s) ==
                  evaluate_vss_commitment(dealings[static_cast<std::size_t>(p)]->c, lay.id(self)));
    if (s && consistent) r.shares[static_cast<std::size_t>(p)] = s;
    else r.complaints.push_back(lay.id(p));
  }
  return r;
}

// Round 4: accused dealers broadcast the accused shares; returns the dealers newly disqualified
// (a response that is ⊥, malformed or fails the Feldman check) and fills in this party's shares
// that were published for it.
std::set<std::uint64_t> resolve_complaints(
    LockstepNet& net, const BroadcastConfig& bc, const Layout& lay,
    const std::map<std::uint64_t, std::vector<std::uint64_t>>& accused,
    const std::vector<Scalar>& my_coefficients, const std::vector<std::optional<Dealing>>& dealings,
    Received& mine) {
  const PartyId self = net.self();
  const bool deals = self >= lay.first;
  Bytes response;
  std::vector<PartyId> senders;
  for (const auto& [dealer, complainers] : accused) {
    senders.push_back(lay.party(dealer));
    if (!deals || dealer != lay.id(self)) continue;
    Bytes shares;
    for (std::uint64_t j : complainers) {
      const auto s = evaluate_polynomial(my_coefficients, j).bytes();
      shares.insert(shares.end(), s.begin(), s.end());
    }
    response = Message().add_ring64(complainers).add_bytes(shares).encode();
  }
  const auto agreed = dolev_strong(net, bc, senders, response);
  std::set<std::uint64_t> out;
  for (const auto& [dealer, complainers] : accused) {
    const PartyId p = lay.party(dealer);
    const auto m = agreed_message(agreed[static_cast<std::size_t>(p)]);
    const bool shaped = m && m->parts().size() == 2 && read_ids(*m, 0) == complainers &&
                        m->parts()[1].kind == ElementKind::kByte &&
                        m->parts()[1].data.size() == 32 * complainers.size();
    bool ok = shaped;
    for (std::size_t k = 0; ok && k < complainers.size(); ++k) {
      const auto s = scalar_from(Bytes(m->parts()[1].data.begin() + 32 * k,
                                       m->parts()[1].data.begin() + 32 * (k + 1)));
      ok = s && RistrettoPoint::base_mul_any(*s) ==
                    evaluate_vss_commitment(dealings[p]->c, complainers[k]);
      if (ok && deals && complainers[k] == lay.id(self))
        mine.shares[static_cast<std::size_t>(p)] = s;
    }
    if (!ok) out.insert(dealer);
  }
  return out;
}

// Round 3: everybody's complaints, broadcast, as dealer → sorted complainers (disqualified
// dealers and malformed or self-accusing entries left out; a ⊥ complaint list counts as none).
std::map<std::uint64_t, std::vector<std::uint64_t>> exchange_complaints(
    LockstepNet& net, const BroadcastConfig& bc, const Layout& lay,
    const std::vector<std::uint64_t>& mine, const std::set<std::uint64_t>& disq) {
  const auto agreed =
      dolev_strong(net, bc, lay.all_dealers(), Message().add_ring64(mine).encode());
  const std::uint64_t n = lay.dealers();
  std::map<std::uint64_t, std::vector<std::uint64_t>> accused;
  for (PartyId p = lay.first; p < lay.parties; ++p) {
    const auto m = agreed_message(agreed[static_cast<std::size_t>(p)]);
    const auto ids = m ? read_ids(*m, 0) : std::vector<std::uint64_t>{};
    for (std::uint64_t d : std::set<std::uint64_t>(ids.begin(), ids.end()))
      if (d >= 1 && d <= n && d != lay.id(p) && !disq.count(d)) accused[d].push_back(lay.id(p));
  }
  return accused;
}

DkgResult combine(int t, const Layout& lay, const std::vector<std::optional<Dealing>>& dealings,
                  const Received& mine, const std::set<std::uint64_t>& disq, bool deals) {
  DkgResult r;
  r.share = Scalar::from_u64(0);
  std::vector<RistrettoPoint> phi(static_cast<std::size_t>(t), RistrettoPoint::identity());
  RistrettoPoint all_phi0 = RistrettoPoint::identity();  // seeded bug M66's group key
  for (PartyId p = lay.first; p < lay.parties; ++p) {
    const auto& d = dealings[static_cast<std::size_t>(p)];
    if (d) all_phi0 = all_phi0 + d->c[0];
    if (disq.count(lay.id(p))) continue;
    // A qualified dealer answered every complaint, so a dealing party holds its share.
    if (deals) r.share = r.share + *mine.shares[static_cast<std::size_t>(p)];
    for (int k = 0; k < t; ++k)
      phi[static_cast<std::size_t>(k)] =
          phi[static_cast<std::size_t>(k)] + dealings[static_cast<std::size_t>(p)]->c[k];
  }
  const int n = static_cast<int>(lay.dealers());
  // PK = Σ_{QUAL} φ_l0. Seeded bug M66 sums over every dealer, disqualified ones too.
  r.group = {t, n, mutant_active(Mutant::kM66) ? all_phi0 : phi[0], {}};
  for (int j = 1; j <= n; ++j)
    r.group.public_shares.push_back(evaluate_vss_commitment(phi, static_cast<std::uint64_t>(j)));
  r.disqualified.assign(disq.begin(), disq.end());
  return r;
}

}  // namespace

Scalar h_dkg(std::uint64_t identifier, const RistrettoPoint& phi0, const RistrettoPoint& r) {
  return Scalar::reduce_wide(Sha512()
                                 .add(kContextString)
                                 .add("dkg")
                                 .add(Scalar::from_u64(identifier).bytes())
                                 .add(phi0.bytes())
                                 .add(r.bytes())
                                 .finish());
}

ProofOfKnowledge prove_knowledge(std::uint64_t identifier, const Scalar& a0, Rng& rng) {
  const Scalar k = Scalar::random(rng);
  const RistrettoPoint r = RistrettoPoint::base_mul_any(k);
  return {r, k + a0 * h_dkg(identifier, RistrettoPoint::base_mul_any(a0), r)};
}

bool verify_knowledge(std::uint64_t identifier, const RistrettoPoint& phi0,
                      const ProofOfKnowledge& proof) {
  const Scalar c = h_dkg(identifier, phi0, proof.r);
  return RistrettoPoint::base_mul_any(proof.mu) == proof.r + phi0.mul_any(c);
}

namespace {

// Round 1 for a dealer: polynomial, Feldman commitments and proof of knowledge of a_i0 (to be
// broadcast to every party, observers too).
std::vector<Scalar> deal(PartyContext& ctx, const Layout& lay, int t, Dealing& own) {
  std::vector<Scalar> coefficients;
  for (int k = 0; k < t; ++k) {
    coefficients.push_back(Scalar::random(ctx.rng));
    own.c.push_back(RistrettoPoint::base_mul_any(coefficients.back()));
  }
  own.pok = prove_knowledge(lay.id(ctx.net.self()), coefficients[0], ctx.rng);
  return coefficients;
}

BroadcastConfig broadcast_config(const DkgSetup& s, std::string_view send, std::string_view relay) {
  return {s.pki, s.max_corrupted >= 0 ? s.max_corrupted : s.min_participants - 1, send, send,
          relay};
}

// Round 2: private shares f_i(l) between dealers (one lock-step round), checked against the
// dealer's agreed commitments.
Received exchange_shares(LockstepNet& net, const Layout& lay, const std::vector<Scalar>& coeffs,
                         const std::vector<std::optional<Dealing>>& dealings,
                         const std::set<std::uint64_t>& disq) {
  const PartyId self = net.self();
  net.begin_round();
  if (self < lay.first) return {std::vector<std::optional<Scalar>>(dealings.size()), {}};
  for (PartyId p : lay.other_dealers(self))
    net.send(p, labels::kDkgShare,
             Message().add_bytes(evaluate_polynomial(coeffs, lay.id(p)).bytes()));
  Received mine = receive_shares(net, lay, dealings, disq);
  mine.shares[static_cast<std::size_t>(self)] = evaluate_polynomial(coeffs, lay.id(self));
  return mine;
}

}  // namespace

DkgResult run_dkg(PartyContext& ctx, const DkgSetup& setup) {
  LockstepNet net(ctx, setup.round_timeout_s);
  const Layout lay{net.parties(), setup.first_dealer};
  const int t = setup.min_participants;
  SMPC_ASSERT(setup.first_dealer >= 0 && t >= 1 && static_cast<std::uint64_t>(t) <= lay.dealers());
  const PartyId self = net.self();
  const bool deals = self >= setup.first_dealer;
  // Round 1: every dealer's commitments and proof, by Dolev–Strong broadcast.
  std::vector<std::optional<Dealing>> dealings(static_cast<std::size_t>(lay.parties));
  std::vector<Scalar> coefficients;
  Bytes own;
  if (deals) {
    Dealing d;
    coefficients = deal(ctx, lay, t, d);
    own = dealing_message(d).encode();
  }
  const auto agreed = dolev_strong(
      net, broadcast_config(setup, labels::kDkgCommit, labels::kDkgCommitRelay), lay.all_dealers(),
      own);
  std::set<std::uint64_t> disq;
  for (PartyId p = lay.first; p < lay.parties; ++p) {
    auto& d = dealings[static_cast<std::size_t>(p)];
    d = read_dealing(agreed_message(agreed[static_cast<std::size_t>(p)]), t);
    if (!d || !verify_knowledge(lay.id(p), d->c[0], d->pok)) disq.insert(lay.id(p));
  }
  Received mine = exchange_shares(net, lay, coefficients, dealings, disq);
  // Rounds 3 and 4: complaints, and the accused dealers' answers, both broadcast.
  const auto accused = exchange_complaints(
      net, broadcast_config(setup, labels::kDkgComplaint, labels::kDkgComplaintRelay), lay,
      mine.complaints, disq);
  if (!accused.empty())
    for (std::uint64_t d :
         resolve_complaints(net, broadcast_config(setup, labels::kDkgResponse,
                                                  labels::kDkgResponseRelay),
                            lay, accused, coefficients, dealings, mine))
      disq.insert(d);
  return combine(t, lay, dealings, mine, disq, deals);
}

DkgResult run_dkg(PartyContext& ctx, int min_participants, PartyId first_dealer) {
  const Pki pki = pki_from_seed(kDefaultPkiSeed, ctx.net.party_count());
  return run_dkg(ctx, DkgSetup{min_participants, first_dealer, &pki});
}

SignCost dkg_cost(int parties, int min_participants, int observers) {
  const auto n = static_cast<std::uint64_t>(parties);
  const auto t = static_cast<std::uint64_t>(min_participants);
  const int everyone = parties + observers;
  DkgSetup s{min_participants};
  SignCost c;
  const auto add = [&c](const BroadcastCost& b) {
    for (const auto& [label, bytes] : b.bytes) c.bytes[label] += bytes;
    c.rounds += b.rounds;
  };
  // Round 1: n dealings of 75 + 32t bytes; round 3: n empty complaint lists (6 bytes).
  add(dolev_strong_cost(broadcast_config(s, labels::kDkgCommit, labels::kDkgCommitRelay), everyone,
                        std::vector<std::size_t>(n, 75 + 32 * t)));
  if (n > 1) c.bytes[std::string(labels::kDkgShare)] = n * (n - 1) * 38;
  c.rounds += 1;
  add(dolev_strong_cost(broadcast_config(s, labels::kDkgComplaint, labels::kDkgComplaintRelay),
                        everyone, std::vector<std::size_t>(n, 6)));
  // A lone dealer receives nothing before it sends: every message it sends is causal round 1.
  if (n == 1) c.rounds = 0;
  return c;
}

}  // namespace smpc::frost
