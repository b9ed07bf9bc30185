// Runs of the voting protocol over LocalNetwork for the tests: honest or malformed ballots,
// one faulty server (crashed, or tampering with its messages), one cheating voter.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocols/core/channel.h"
#include "protocols/core/local_network.h"
#include "protocols/vote/labels.h"
#include "protocols/vote/vote.h"

namespace smpc::vote::testing {

enum class Fault { kNone, kCrash, kTamper };

// Drops every message (a crashed server), or alters the scalars it opens and accuses the first
// voter falsely (a tampering server).
class FaultyChannel final : public Channel {
 public:
  FaultyChannel(Channel& inner, Fault f) : inner_(inner), fault_(f) {}
  PartyId self() const override { return inner_.self(); }
  int party_count() const override { return inner_.party_count(); }
  void send(PartyId to, std::string_view label, const Message& m) override {
    if (fault_ == Fault::kCrash) return;
    if (label == labels::vote::kComplain) {
      inner_.send(to, label, Message().add_ring64(std::vector<std::uint64_t>{0}));
      return;
    }
    if (label == labels::vote::kCheckOpen || label == labels::vote::kTallyOpen) {
      Message bad = m;
      auto& data = bad.mutable_parts()[0].data;
      if (!data.empty()) data[0] ^= 1;  // a different, still canonical scalar
      inner_.send(to, label, bad);
      return;
    }
    inner_.send(to, label, m);
  }
  Message recv(PartyId from) override { return inner_.recv(from); }
  std::optional<Message> recv_until(PartyId from, SimTime deadline) override {
    return inner_.recv_until(from, deadline);
  }

 private:
  Channel& inner_;
  Fault fault_;
};

struct Election {
  VoteConfig cfg;
  std::vector<std::vector<std::uint64_t>> ballots;  // per voter
  std::uint64_t seed = 1;
  int faulty_server = -1;
  Fault fault = Fault::kNone;
  int cheater = -1;  // a voter index: deals entry 0 = 2 with a faked check value c(0) = 0
};

// The cheater's dealing: b_0 = 2 but c(0) = 0, D consistent with c, not with f: every honest
// server's check (4) fails.
inline Dealing cheating_dealing(const Election& e, Rng& rng) {
  auto ballot = e.ballots[static_cast<std::size_t>(e.cheater)];
  ballot[0] = 1;  // deal a bit's check polynomials ...
  Dealing d = deal_ballot(ballot, e.cfg.t, e.cfg.servers, rng);
  for (auto& s : d.shares) s[0].f = s[0].f + Scalar::from_u64(1);  // ... but shares of b + 1
  // The commitments C must match the shifted f: C_0 += G.
  d.post.c[0][0] = d.post.c[0][0] + RistrettoPoint::base_mul(Scalar::from_u64(1));
  return d;
}

inline RunResult run_election(const Election& e) {
  return run_local(e.cfg.parties(), {e.seed, 30}, [&e](PartyContext& ctx) {
    const int me = ctx.net.self();
    const int voter = me - e.cfg.servers;
    if (e.cheater >= 0 && voter == e.cheater) {
      const Dealing d = cheating_dealing(e, ctx.rng);
      return run_voter(ctx, e.cfg, d);
    }
    const std::vector<std::uint64_t> none;
    const auto& ballot =
        voter >= 0 && voter < e.cfg.voters ? e.ballots[static_cast<std::size_t>(voter)] : none;
    if (me == e.faulty_server) {
      FaultyChannel ch(ctx.net, e.fault);
      PartyContext faulty{ch, ctx.rng, ctx.clock, ctx.meter, ctx.annotations};
      return run_vote(faulty, e.cfg, ballot);
    }
    return run_vote(ctx, e.cfg, ballot);
  });
}

// Plain count: the valid ballots' entries added up; `rejected` gets the malformed voters.
inline std::vector<std::uint64_t> plain_tally(const Election& e, std::vector<int>* rejected) {
  std::vector<std::uint64_t> t(static_cast<std::size_t>(e.cfg.candidates), 0);
  for (std::size_t v = 0; v < e.ballots.size(); ++v) {
    const auto& b = e.ballots[v];
    std::uint64_t sum = 0;
    bool bits = true;
    for (auto x : b) {
      bits &= x <= 1;
      sum += x;
    }
    if (static_cast<int>(v) == e.cheater) continue;
    if (!bits || (e.cfg.one_of_k && sum != 1)) {
      if (rejected) rejected->push_back(static_cast<int>(v));
      continue;
    }
    for (std::size_t i = 0; i < b.size(); ++i) t[i] += b[i];
  }
  return t;
}

}  // namespace smpc::vote::testing
