#include "scenarios/frost_checks.h"

#include <functional>
#include <mutex>
#include <set>

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

void ShareTamperChannel::send(PartyId to, std::string_view label, const Message& m) {
  if (label != labels::kShare) return inner_.send(to, label, m);
  ScalarBytes b;
  const Bytes z = m.bytes(0);
  std::copy(z.begin(), z.end(), b.begin());
  inner_.send(to, label, Message().add_bytes((*Scalar::decode(b) + Scalar::from_u64(1)).bytes()));
}

PartyBody sign_body(const Group& g, PartyId cheater) {
  return [&g, cheater](PartyContext& ctx) {
    const PartyId self = ctx.net.self();
    const Scalar share = self == 0 ? Scalar::from_u64(0) : g.keys.shares[self - 1];
    if (self != 0 && self == cheater) {
      ShareTamperChannel bad(ctx.net);
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

namespace {

// Reports every "frost.commit" message a signer sends, before forwarding it.
class CommitSpy final : public Channel {
 public:
  CommitSpy(Channel& inner, std::function<void(const Message&)> saw)
      : inner_(inner), saw_(std::move(saw)) {}
  PartyId self() const override { return inner_.self(); }
  int party_count() const override { return inner_.party_count(); }
  void send(PartyId to, std::string_view label, const Message& m) override {
    if (label == labels::kCommit) saw_(m);
    inner_.send(to, label, m);
  }
  Message recv(PartyId from) override { return inner_.recv(from); }
  std::optional<Message> recv_until(PartyId from, SimTime deadline) override {
    return inner_.recv_until(from, deadline);
  }

 private:
  Channel& inner_;
  std::function<void(const Message&)> saw_;
};

}  // namespace

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
      CommitSpy spy(ctx.net, [&](const Message& m) {
        const std::lock_guard lock(mu);
        repeated |= !sent.insert({ctx.net.self(), m.parts().at(0).data}).second;
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

}  // namespace smpc::frost
