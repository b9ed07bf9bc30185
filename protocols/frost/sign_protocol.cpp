#include "protocols/frost/sign_protocol.h"

#include <algorithm>
#include <cstring>
#include <set>

#include "protocols/core/abort.h"
#include "protocols/core/mutants.h"
#include "protocols/ot/base_ot.h"

namespace smpc::frost {
namespace {

constexpr PartyId kCoordinator = 0;

std::array<std::uint8_t, 32> random32(Rng& rng) {
  std::array<std::uint8_t, 32> a;
  rng.fill(a);
  return a;
}

Message commitment_message(const Commitment& c) {
  const std::array<PointBytes, 2> pts = {c.hiding.bytes(), c.binding.bytes()};
  return Message().add_points(pts);
}

// `count` (D, E) pairs from part `part`; the identity is refused as the RFC's
// DeserializeElement does, blaming `from`.
std::vector<RistrettoPoint> read_nonidentity_points(const Message& m, std::size_t part,
                                                    std::size_t count, PartyId from) {
  auto pts = read_points(m, part, count);
  for (const auto& p : pts)
    if (p.is_identity())
      throw Abort("frost: party " + std::to_string(from) + " sent the identity as a commitment",
                  {from}, AbortKind::kMalformed);
  return pts;
}

Scalar read_scalar(const Message& m, PartyId from) {
  m.expect_parts(1);
  const Bytes b = m.bytes(0);
  ScalarBytes s{};
  std::optional<Scalar> z;
  if (b.size() == s.size()) {
    std::memcpy(s.data(), b.data(), s.size());
    z = Scalar::decode(s);
  }
  if (!z)
    throw Abort("frost: party " + std::to_string(from) +
                    "'s signature share is not a canonical 32-byte scalar",
                {from}, AbortKind::kMalformed);
  return *z;
}

// The coordinator's receive: a signer's message by deadline − coordinator_margin_s. Silence and
// an abort notice both name the signer (see the header: an honest coordinator gave it no reason).
Message from_signer(PartyContext& ctx, const SignConfig& cfg, PartyId from) {
  const auto m = ctx.net.recv_until(from, ctx.clock.deadline() - cfg.coordinator_margin_s);
  if (!m)
    throw Abort("frost: no message from signer " + std::to_string(from) + " by " +
                    std::to_string(cfg.coordinator_margin_s) + " s before the deadline",
                {from}, AbortKind::kTimeout);
  if (is_abort_notice(*m, labels::kAbort))
    throw Abort("frost: signer " + std::to_string(from) +
                    " aborted (an honest signer aborts only when the coordinator cheats)",
                {from});
  return *m;
}

// Seeded bug M69: the coordinator names the signer after the one whose share failed.
PartyId blamed_for(const SignConfig& cfg, std::size_t index) {
  if (!mutant_active(Mutant::kM69)) return static_cast<PartyId>(cfg.signers[index]);
  return static_cast<PartyId>(cfg.signers[(index + 1) % cfg.signers.size()]);
}

// Coordinator, steps 2 and 4 for one session; `seen` holds every commitment received so far.
Signature coordinate(PartyContext& ctx, const SignConfig& cfg, const Bytes& msg,
                     std::set<std::pair<PointBytes, PointBytes>>& seen) {
  Channel& net = ctx.net;
  CommitmentList list;
  for (std::uint64_t id : cfg.signers) {
    const auto from = static_cast<PartyId>(id);
    const Message m = from_signer(ctx, cfg, from);
    m.expect_parts(1);
    const auto pts = read_nonidentity_points(m, 0, 2, from);
    // Step 2, freshness: a signer never commits to the same nonces twice.
    if (!seen.insert({pts[0].bytes(), pts[1].bytes()}).second)
      throw Abort("frost: signer " + std::to_string(id) +
                      " reused a nonce commitment from an earlier session",
                  {from});
    list.push_back({id, pts[0], pts[1]});
  }
  const Message package = signing_package(list, msg);
  for (std::uint64_t id : cfg.signers) net.send(static_cast<PartyId>(id), labels::kPackage, package);

  const auto sctx = signing_context(cfg.group.group_public_key, list, msg);
  if (!sctx) throw Abort("frost: the group commitment is the identity");
  std::vector<Scalar> shares;
  std::vector<PartyId> bad;
  for (std::size_t i = 0; i < cfg.signers.size(); ++i) {
    const std::uint64_t id = cfg.signers[i];
    const auto from = static_cast<PartyId>(id);
    shares.push_back(read_scalar(from_signer(ctx, cfg, from), from));
    // Step 4: identifiable abort. Seeded bug M49 skips the check.
    if (!mutant_active(Mutant::kM49) &&
        !verify_signature_share(id, cfg.group.public_shares[id - 1], shares.back(), list, *sctx))
      bad.push_back(blamed_for(cfg, i));
  }
  if (!bad.empty()) {
    std::string names;
    for (PartyId p : bad) names += (names.empty() ? "" : ", ") + std::to_string(p);
    throw Abort("frost: the signature share of signer " + names + " fails verification", bad);
  }
  return aggregate(*sctx, shares);
}

// Step 3's checks of the coordinator's package; any failure blames the coordinator.
CommitmentList read_package(const Message& m, const SignConfig& cfg, const Bytes& msg,
                            const Commitment& mine) {
  const std::size_t k = cfg.signers.size();
  m.expect_parts(3);
  const auto ids = m.ring64(0, k);
  const auto pts = read_nonidentity_points(m, 1, 2 * k, kCoordinator);
  if (ids != cfg.signers) throw Abort("frost: the package names other signers", {kCoordinator});
  if (m.bytes(2) != msg) throw Abort("frost: the package carries another message", {kCoordinator});
  CommitmentList list;
  for (std::size_t i = 0; i < k; ++i) list.push_back({ids[i], pts[2 * i], pts[2 * i + 1]});
  const auto pos = find_identifier(list, mine.identifier);
  if (!pos || !(list[*pos].hiding == mine.hiding) || !(list[*pos].binding == mine.binding))
    throw Abort("frost: the package alters this signer's commitment", {kCoordinator});
  return list;
}

}  // namespace

Message signing_package(const CommitmentList& list, const Bytes& msg) {
  std::vector<std::uint64_t> ids;
  std::vector<PointBytes> flat;
  for (const Commitment& c : list) {
    ids.push_back(c.identifier);
    flat.push_back(c.hiding.bytes());
    flat.push_back(c.binding.bytes());
  }
  Message package;
  package.add_ring64(ids).add_points(flat).add_bytes(msg);
  return package;
}

Scalar sign_round_two(const Message& package, const SignConfig& cfg, const Bytes& msg,
                      const Scalar& share, const RoundOne& mine) {
  const CommitmentList list = read_package(package, cfg, msg, mine.commitment);
  const auto ctx = signing_context(cfg.group.group_public_key, list, msg);
  if (!ctx) throw Abort("frost: the group commitment is the identity", {kCoordinator});
  // read_package found this signer in the list, so sign_share cannot fail.
  return *sign_share(mine.commitment.identifier, share, mine.nonces, list, *ctx);
}

namespace {

// Participant `id`, steps 1 and 3 for every session.
void participate(Channel& net, Rng& rng, const SignConfig& cfg, std::uint64_t id,
                 const Scalar& share) {
  // Seeded bug M50: the nonce randomness is drawn once per run, so every session reuses the
  // same (d_i, e_i) — the classic nonce-reuse bug.
  const auto fixed_hiding = random32(rng), fixed_binding = random32(rng);
  for (const Bytes& msg : cfg.messages) {
    const bool reuse = mutant_active(Mutant::kM50);
    RoundOne r1 = commit(id, share, reuse ? fixed_hiding : random32(rng),
                         reuse ? fixed_binding : random32(rng));
    net.send(kCoordinator, labels::kCommit, commitment_message(r1.commitment));
    const Scalar z = sign_round_two(net.recv(kCoordinator), cfg, msg, share, r1);
    r1.nonces = {};  // single use (RFC 9591 §5.2)
    net.send(kCoordinator, labels::kShare, Message().add_bytes(z.bytes()));
  }
}

}  // namespace

std::string check_sign_config(const SignConfig& cfg) {
  const auto& g = cfg.group;
  if (g.min_participants < 1 || g.min_participants > g.max_participants)
    return "MIN_PARTICIPANTS must be in 1..MAX_PARTICIPANTS";
  if (g.public_shares.size() != static_cast<std::size_t>(g.max_participants))
    return "one public share per participant is required";
  if (cfg.signers.size() < static_cast<std::size_t>(g.min_participants))
    return "fewer signers than MIN_PARTICIPANTS (" + std::to_string(g.min_participants) + ")";
  for (std::size_t i = 0; i < cfg.signers.size(); ++i) {
    const auto id = cfg.signers[i];
    if (id < 1 || id > static_cast<std::uint64_t>(g.max_participants))
      return "signer identifier " + std::to_string(id) + " is outside 1..n";
    if (i > 0 && cfg.signers[i - 1] >= id) return "signer identifiers must be sorted and distinct";
  }
  return "";
}

std::vector<Signature> run_sign(PartyContext& ctx, const SignConfig& cfg, const Scalar& share) {
  const PartyId self = ctx.net.self();
  const auto id = static_cast<std::uint64_t>(self);
  const bool signer = std::binary_search(cfg.signers.begin(), cfg.signers.end(), id);
  if (self != kCoordinator && !signer) return {};
  // A party that aborts tells the others it talks to, so they stop waiting for it. Signers
  // stop on the coordinator's notice; the coordinator reads signers' notices itself.
  NoticeAwareChannel net(ctx.net, labels::kAbort);
  std::vector<Signature> sigs;
  try {
    if (self == kCoordinator) {
      std::set<std::pair<PointBytes, PointBytes>> seen;
      for (const Bytes& msg : cfg.messages) sigs.push_back(coordinate(ctx, cfg, msg, seen));
    } else {
      participate(net, ctx.rng, cfg, id, share);
    }
  } catch (const Abort&) {
    if (self != kCoordinator) {
      net.send(kCoordinator, labels::kAbort, abort_notice(labels::kAbort));
    } else {
      for (std::uint64_t s : cfg.signers)
        net.send(static_cast<PartyId>(s), labels::kAbort, abort_notice(labels::kAbort));
    }
    throw;
  }
  return sigs;
}

std::vector<std::uint64_t> signature_words(const std::vector<Signature>& sigs) {
  std::vector<std::uint64_t> out;
  for (const Signature& s : sigs)
    for (std::size_t w = 0; w < 8; ++w) out.push_back(load_le64(s.data() + 8 * w));
  return out;
}

SignCost sign_cost(const SignConfig& cfg) {
  const std::uint64_t k = cfg.signers.size();
  SignCost c;
  for (const Bytes& msg : cfg.messages) {
    c.bytes[std::string(labels::kCommit)] += 70 * k;
    c.bytes[std::string(labels::kPackage)] += k * (16 + 72 * k + msg.size());
    c.bytes[std::string(labels::kShare)] += 38 * k;
  }
  // Session j+1's commitments follow session j's package, overlapping its share round.
  c.rounds = cfg.messages.empty() ? 0 : static_cast<std::uint32_t>(2 * cfg.messages.size() + 1);
  return c;
}

}  // namespace smpc::frost
