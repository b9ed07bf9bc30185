#include "scenarios/frost_checks.h"

#include <functional>
#include <mutex>
#include <set>

#include "protocols/bgw/lockstep.h"
#include "protocols/core/local_network.h"

namespace smpc::frost {

Group make_group(std::uint64_t seed, int min, int n, std::vector<std::uint64_t> signers,
                 std::vector<Bytes> messages) {
  Rng rng(seed, 0, "frost-dealer");
  Group g{trusted_dealer_keygen(rng, min, n), {}};
  g.cfg.group = {min, n, g.keys.group_public_key, g.keys.public_shares};
  g.cfg.signers = std::move(signers);
  g.cfg.messages = std::move(messages);
  return g;
}

Message add_one_to_scalar(const Message& m, std::size_t part) {
  Message out = m;
  ScalarBytes b;
  const Bytes z = m.bytes(part);
  std::copy(z.begin(), z.end(), b.begin());
  const auto s = (*Scalar::decode(b) + Scalar::from_u64(1)).bytes();
  std::copy(s.begin(), s.end(), out.mutable_parts()[part].data.begin());
  return out;
}

Message add_generator_to_point(const Message& m, std::size_t index) {
  Message out = m;
  auto& data = out.mutable_parts()[0].data;
  PointBytes b;
  std::copy(data.begin() + 32 * index, data.begin() + 32 * (index + 1), b.begin());
  const auto p = (*RistrettoPoint::decode(b) + RistrettoPoint::base_mul(Scalar::from_u64(1)));
  std::copy(p.bytes().begin(), p.bytes().end(), data.begin() + 32 * index);
  return out;
}

PartyBody sign_body(const Group& g, PartyId cheater) {
  return [&g, cheater](PartyContext& ctx) {
    const PartyId self = ctx.net.self();
    const Scalar share = self == 0 ? Scalar::from_u64(0) : g.keys.shares[self - 1];
    if (self != 0 && self == cheater) {
      EditChannel bad(ctx.net, labels::kShare,
                      [](PartyId, const Message& m) { return add_one_to_scalar(m, 0); });
      PartyContext tampered{bad, ctx.rng, ctx.clock, ctx.meter, ctx.annotations};
      return PartyOutput{signature_words(run_sign(tampered, g.cfg, share))};
    }
    return PartyOutput{signature_words(run_sign(ctx, g.cfg, share))};
  };
}

Signature signature_at(const std::vector<std::uint64_t>& words, std::size_t index) {
  Signature s;
  for (std::size_t w = 0; w < 8; ++w)
    for (std::size_t b = 0; b < 8; ++b)
      s[8 * w + b] = static_cast<std::uint8_t>(words[8 * index + w] >> (8 * b));
  return s;
}

FrostCheck frost_bad_share_check() {
  FrostCheck c;
  for (std::uint64_t seed = 1; seed <= 5 && !c.alarm; ++seed) {
    const Group g = make_group(seed, 3, 5, {2, 3, 5}, {Bytes{'m'}});
    const RunResult r = run_local(6, {seed, 30}, sign_body(g, 3));
    ++c.runs;
    const PartyResult& coord = r.parties[0];
    c.alarm = coord.status != PartyStatus::kAbort || coord.blamed != std::vector<PartyId>{3};
    c.evidence = "seed " + std::to_string(seed) + ": coordinator " +
                 party_status_name(coord.status) +
                 (coord.abort_reason.empty() ? "" : " (" + coord.abort_reason + ")");
  }
  return c;
}

FrostCheck frost_nonce_freshness_check() {
  FrostCheck c;
  for (std::uint64_t seed = 1; seed <= 5 && !c.alarm; ++seed) {
    const Group g = make_group(seed, 2, 3, {1, 3}, {Bytes{'a'}, Bytes{'b'}, Bytes{'c'}});
    // The commitments the signers sent, whether or not the coordinator took them.
    std::set<std::pair<PartyId, Bytes>> sent;
    bool repeated = false;
    std::mutex mu;
    const PartyBody body = sign_body(g);
    const RunResult r = run_local(4, {seed, 30}, [&](PartyContext& ctx) {
      if (ctx.net.self() == 0) return body(ctx);
      // An edit that changes nothing: it only records what goes out.
      EditChannel spy(ctx.net, labels::kCommit, [&](PartyId, const Message& m) {
        const std::lock_guard lock(mu);
        repeated |= !sent.insert({ctx.net.self(), m.parts().at(0).data}).second;
        return m;
      });
      PartyContext spied{spy, ctx.rng, ctx.clock, ctx.meter, ctx.annotations};
      return body(spied);
    });
    ++c.runs;
    c.alarm = repeated;
    c.evidence = "seed " + std::to_string(seed) + ": " +
                 (repeated ? "a signer sent the same (D_i, E_i) twice (coordinator " +
                                 std::string(party_status_name(r.parties[0].status)) + ": " +
                                 r.parties[0].abort_reason + ")"
                           : "every commitment fresh");
  }
  return c;
}

EditChannel::Edit resigned(PartyId attacker, int parties, std::string_view label,
                           EditChannel::Edit edit_payload) {
  const auto pki = std::make_shared<Pki>(pki_from_seed(kDefaultPkiSeed, parties));
  return [=, tag = std::string(label)](PartyId to, const Message& m) {
    const auto payload = Message::decode(m.bytes(0));
    if (!payload.ok()) return m;
    const Bytes edited = edit_payload(to, *payload).encode();
    const auto sig = broadcast_sign(pki->secret_keys[static_cast<std::size_t>(attacker)], tag,
                                    attacker, edited);
    return Message().add_bytes(edited).add_bytes(sig);
  };
}

DkgRun run_dkg_local(int parties, int min, std::uint64_t seed, PartyId attacker,
                     std::string_view label, EditChannel::Edit edit) {
  DkgRun out;
  out.results.resize(static_cast<std::size_t>(parties));
  out.run = run_local(parties, {seed, 30}, [&](PartyContext& ctx) {
    const PartyId self = ctx.net.self();
    auto& slot = out.results[static_cast<std::size_t>(self)];  // one slot per thread
    if (self != attacker) {
      slot = run_dkg(ctx, min);
    } else {
      EditChannel bad(ctx.net, label, edit);
      PartyContext tampered{bad, ctx.rng, ctx.clock, ctx.meter, ctx.annotations};
      slot = run_dkg(tampered, min);
    }
    return PartyOutput{};
  });
  return out;
}

std::string dkg_agreement(const DkgRun& r, PartyId attacker) {
  const DkgResult* first = nullptr;
  for (std::size_t p = 0; p < r.results.size(); ++p) {
    if (static_cast<PartyId>(p) == attacker) continue;
    const auto& x = r.results[p];
    const std::string who = "party " + std::to_string(p);
    if (!x) return who + " has no result: " + r.run.parties[p].abort_reason;
    if (!(RistrettoPoint::base_mul_any(x->share) == x->group.public_shares[p]))
      return who + "'s share does not match its public share";
    if (!first) first = &*x;
    if (!(x->group.group_public_key == first->group.group_public_key) ||
        x->group.public_shares != first->group.public_shares ||
        x->disqualified != first->disqualified)
      return who + " disagrees on the group key, public shares or disqualified dealers";
  }
  return "";
}

FrostCheck frost_dkg_inconsistent_dealer_check() {
  FrostCheck c;
  for (std::uint64_t seed = 1; seed <= 3 && !c.alarm; ++seed) {
    const DkgRun r = run_dkg_local(4, 2, seed, 1, labels::kDkgCommit,
                                   resigned(1, 4, labels::kDkgCommit, [](PartyId, const Message& m) {
                                     return add_generator_to_point(m, 1);
                                   }));
    ++c.runs;
    std::string problem = dkg_agreement(r, 1);
    for (std::size_t p = 0; problem.empty() && p < r.results.size(); ++p)
      if (p != 1 && r.results[p]->disqualified != std::vector<std::uint64_t>{2})
        problem = "party " + std::to_string(p) + " did not disqualify dealer 2 (party 1)";
    c.alarm = !problem.empty();
    c.evidence = "seed " + std::to_string(seed) + ": " +
                 (c.alarm ? problem : "dealer 2 disqualified by every honest party");
  }
  return c;
}

Bytes broadcast_value(std::uint64_t seed, PartyId sender) {
  Rng rng(seed, sender, "broadcast-test-value");
  Bytes v(1 + rng.uniform_below(48));
  rng.fill(v);
  return v;
}

BroadcastConfig test_broadcast_config(const Pki& pki, int f) {
  return {&pki, f, "test.bcast", kTestSendLabel, kTestRelayLabel};
}

BroadcastRun run_broadcast_local(int parties, int f, const std::vector<PartyId>& senders,
                                 std::uint64_t seed, PartyId attacker, std::string_view label,
                                 EditChannel::Edit edit) {
  const Pki pki = pki_from_seed(seed, parties);
  BroadcastRun out;
  out.results.resize(static_cast<std::size_t>(parties));
  out.run = run_local(parties, {seed, 30}, [&](PartyContext& ctx) {
    const PartyId self = ctx.net.self();
    EditChannel bad(ctx.net, label, edit);
    PartyContext tampered{bad, ctx.rng, ctx.clock, ctx.meter, ctx.annotations};
    LockstepNet net(self == attacker ? tampered : ctx, 1.0);
    out.results[static_cast<std::size_t>(self)] =
        dolev_strong(net, test_broadcast_config(pki, f), senders, broadcast_value(seed, self));
    return PartyOutput{};
  });
  return out;
}

std::string broadcast_agreement(const BroadcastRun& r, const std::vector<PartyId>& senders,
                                std::uint64_t seed, PartyId attacker) {
  const std::vector<std::optional<Bytes>>* first = nullptr;
  for (std::size_t p = 0; p < r.results.size(); ++p) {
    if (static_cast<PartyId>(p) == attacker) continue;
    const auto& x = r.results[p];
    if (!first) first = &x;
    if (x != *first)
      return "party " + std::to_string(p) + " disagrees with party " +
             std::to_string(first - r.results.data());
    for (PartyId s : senders)
      if (s != attacker && x[static_cast<std::size_t>(s)] != broadcast_value(seed, s))
        return "party " + std::to_string(p) + " lost honest sender " + std::to_string(s) + "'s value";
  }
  return "";
}

FrostCheck frost_broadcast_forgery_check() {
  FrostCheck c;
  for (std::uint64_t seed = 1; seed <= 3 && !c.alarm; ++seed) {
    const Pki pki = pki_from_seed(seed, 4);
    const Bytes second{'s', 'e', 'c', 'o', 'n', 'd'};
    RelayEntry forged{3, second, {}};
    forged.chain.emplace_back(3, broadcast_sign(pki.secret_keys[3], "test.bcast", 3, second));
    forged.chain.emplace_back(1, Signature64{});  // party 1 never signed it
    const BroadcastRun r = run_broadcast_local(
        4, 1, {0, 1, 2, 3}, seed, 3, kTestRelayLabel, [&](PartyId to, const Message& m) {
          return to == 0 ? Message().add_bytes(encode_relay({forged})) : m;
        });
    ++c.runs;
    const std::string problem = broadcast_agreement(r, {0, 1, 2, 3}, seed, 3);
    c.alarm = !problem.empty();
    c.evidence = "seed " + std::to_string(seed) + ": " +
                 (c.alarm ? problem : "the forged second value was refused; all agree");
  }
  return c;
}

}  // namespace smpc::frost
