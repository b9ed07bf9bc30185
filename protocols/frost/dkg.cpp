#include "protocols/frost/dkg.h"

#include <algorithm>
#include <cstring>
#include <set>

#include "protocols/core/abort.h"
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

std::uint64_t id_of(PartyId p) { return static_cast<std::uint64_t>(p) + 1; }

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

// nullopt for a malformed dealing: every party sees the same bytes (broadcast assumption), so
// every party disqualifies the dealer.
std::optional<Dealing> read_dealing(const Message& m, int t) {
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
Received receive_shares(Channel& net, const std::vector<std::optional<Dealing>>& dealings,
                        const std::set<std::uint64_t>& disqualified) {
  const PartyId self = net.self();
  Received r{std::vector<std::optional<Scalar>>(dealings.size()), {}};
  for (PartyId p : other_parties(net.party_count(), self)) {
    const Message m = net.recv(p);
    std::optional<Scalar> s;
    if (m.parts().size() == 1 && m.parts()[0].kind == ElementKind::kByte)
      s = scalar_from(m.bytes(0));
    if (disqualified.count(id_of(p))) continue;
    // Feldman check; seeded bug M51 skips it, so no complaint is ever raised.
    const bool consistent =
        mutant_active(Mutant::kM51) ||
        (s && RistrettoPoint::base_mul_any(*s) ==
                  evaluate_vss_commitment(dealings[static_cast<std::size_t>(p)]->c, id_of(self)));
    if (s && consistent) r.shares[static_cast<std::size_t>(p)] = s;
    else r.complaints.push_back(id_of(p));
  }
  return r;
}

// Round 4: accused dealers publish the accused shares; returns the dealers newly disqualified
// and fills in this party's shares that were published for it.
std::set<std::uint64_t> resolve_complaints(
    Channel& net, const std::map<std::uint64_t, std::vector<std::uint64_t>>& accused,
    const std::vector<Scalar>& my_coefficients, const std::vector<std::optional<Dealing>>& dealings,
    Received& mine) {
  const PartyId self = net.self();
  if (const auto it = accused.find(id_of(self)); it != accused.end()) {
    Bytes shares;
    for (std::uint64_t j : it->second) {
      const auto s = evaluate_polynomial(my_coefficients, j).bytes();
      shares.insert(shares.end(), s.begin(), s.end());
    }
    send_to_all(net, labels::kDkgResponse, Message().add_ring64(it->second).add_bytes(shares));
  }
  std::set<std::uint64_t> out;
  for (const auto& [dealer, complainers] : accused) {
    const auto p = static_cast<PartyId>(dealer - 1);
    if (p == self) continue;
    const Message m = net.recv(p);
    const bool shaped = m.parts().size() == 2 && read_ids(m, 0) == complainers &&
                        m.parts()[1].kind == ElementKind::kByte &&
                        m.parts()[1].data.size() == 32 * complainers.size();
    bool ok = shaped;
    for (std::size_t k = 0; ok && k < complainers.size(); ++k) {
      const auto s = scalar_from(Bytes(m.parts()[1].data.begin() + 32 * k,
                                       m.parts()[1].data.begin() + 32 * (k + 1)));
      ok = s && RistrettoPoint::base_mul_any(*s) ==
                    evaluate_vss_commitment(dealings[p]->c, complainers[k]);
      if (ok && complainers[k] == id_of(self)) mine.shares[static_cast<std::size_t>(p)] = s;
    }
    if (!ok) out.insert(dealer);
  }
  return out;
}

// Round 3: everybody's complaints, as dealer → sorted complainers (disqualified dealers and
// malformed or self-accusing entries left out).
std::map<std::uint64_t, std::vector<std::uint64_t>> exchange_complaints(
    Channel& net, const std::vector<std::uint64_t>& mine, const std::set<std::uint64_t>& disq) {
  send_to_all(net, labels::kDkgComplaint, Message().add_ring64(mine));
  const auto n = static_cast<std::uint64_t>(net.party_count());
  std::map<std::uint64_t, std::vector<std::uint64_t>> accused;
  for (PartyId p = 0; p < net.party_count(); ++p) {
    const auto ids = p == net.self() ? mine : read_ids(net.recv(p), 0);
    for (std::uint64_t d : std::set<std::uint64_t>(ids.begin(), ids.end()))
      if (d >= 1 && d <= n && d != id_of(p) && !disq.count(d)) accused[d].push_back(id_of(p));
  }
  return accused;
}

DkgResult combine(int t, int n, const std::vector<std::optional<Dealing>>& dealings,
                  const Received& mine, const std::set<std::uint64_t>& disq) {
  DkgResult r;
  r.share = Scalar::from_u64(0);
  std::vector<RistrettoPoint> phi(static_cast<std::size_t>(t), RistrettoPoint::identity());
  for (int p = 0; p < n; ++p) {
    if (disq.count(id_of(p))) continue;
    // A qualified dealer answered every complaint, so this party holds its share.
    r.share = r.share + *mine.shares[static_cast<std::size_t>(p)];
    for (int k = 0; k < t; ++k)
      phi[static_cast<std::size_t>(k)] =
          phi[static_cast<std::size_t>(k)] + dealings[static_cast<std::size_t>(p)]->c[k];
  }
  r.group = {t, n, phi[0], {}};
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

RistrettoPoint evaluate_vss_commitment(const std::vector<RistrettoPoint>& c, std::uint64_t x) {
  // Horner in the exponent: (((C_{t−1})·x + C_{t−2})·x + …) + C_0.
  RistrettoPoint acc = RistrettoPoint::identity();
  const Scalar xs = Scalar::from_u64(x);
  for (auto it = c.rbegin(); it != c.rend(); ++it) acc = acc.mul_any(xs) + *it;
  return acc;
}

DkgResult run_dkg(PartyContext& ctx, int min_participants) {
  Channel& net = ctx.net;
  const int n = net.party_count(), t = min_participants;
  SMPC_ASSERT(t >= 1 && t <= n);
  const PartyId self = net.self();
  // Round 1: polynomial, Feldman commitments, proof of knowledge of a_i0.
  std::vector<Scalar> coefficients;
  Dealing own;
  for (int k = 0; k < t; ++k) {
    coefficients.push_back(Scalar::random(ctx.rng));
    own.c.push_back(RistrettoPoint::base_mul_any(coefficients.back()));
  }
  own.pok = prove_knowledge(id_of(self), coefficients[0], ctx.rng);
  send_to_all(net, labels::kDkgCommit, dealing_message(own));
  std::vector<std::optional<Dealing>> dealings(static_cast<std::size_t>(n));
  dealings[static_cast<std::size_t>(self)] = own;
  std::set<std::uint64_t> disq;
  for (PartyId p : other_parties(n, self)) {
    auto& d = dealings[static_cast<std::size_t>(p)];
    d = read_dealing(net.recv(p), t);
    if (!d || !verify_knowledge(id_of(p), d->c[0], d->pok)) disq.insert(id_of(p));
  }
  // Round 2: private shares f_i(l), checked against the dealer's commitments.
  for (PartyId p : other_parties(n, self))
    net.send(p, labels::kDkgShare,
             Message().add_bytes(evaluate_polynomial(coefficients, id_of(p)).bytes()));
  Received mine = receive_shares(net, dealings, disq);
  mine.shares[static_cast<std::size_t>(self)] = evaluate_polynomial(coefficients, id_of(self));
  // Rounds 3 and 4: complaints, and the accused dealers' public answers.
  const auto accused = exchange_complaints(net, mine.complaints, disq);
  if (!accused.empty())
    for (std::uint64_t d : resolve_complaints(net, accused, coefficients, dealings, mine))
      disq.insert(d);
  return combine(t, n, dealings, mine, disq);
}

SignCost dkg_cost(int parties, int min_participants) {
  const auto n = static_cast<std::uint64_t>(parties);
  const auto t = static_cast<std::uint64_t>(min_participants);
  SignCost c;
  c.bytes[std::string(labels::kDkgCommit)] = n * (n - 1) * (75 + 32 * t);
  c.bytes[std::string(labels::kDkgShare)] = n * (n - 1) * 38;
  c.bytes[std::string(labels::kDkgComplaint)] = n * (n - 1) * 6;
  c.rounds = parties > 1 ? 3 : 0;
  return c;
}

}  // namespace smpc::frost
