// Runs of the voting protocol (protocols/vote/vote.h) over LocalNetwork for the tests and the
// seeded-bug audit: honest or malformed ballots, one faulty server (crashed, or tampering with
// its messages), one cheating voter; and the audit's two checks (docs/audit.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocols/core/forwarding_channel.h"
#include "protocols/core/channel.h"
#include "protocols/core/local_network.h"
#include "protocols/vote/labels.h"
#include "protocols/vote/vote.h"
#include "simulator/sim_network.h"

namespace smpc::vote {

enum class Fault { kNone, kCrash, kTamper };

// Drops every message (a crashed server), or alters the scalars it opens and accuses the first
// voter falsely (a tampering server).
class FaultyChannel final : public ForwardingChannel {
 public:
  FaultyChannel(Channel& inner, Fault f) : ForwardingChannel(inner), fault_(f) {}
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

 private:
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
Dealing cheating_dealing(const Election& e, Rng& rng);

// Every party's body (servers, voters, the board) for `e`, which must outlive the run.
PartyBody election_body(const Election& e);
RunResult run_election(const Election& e);  // LocalNetwork, wall-clock round deadlines
// On the simulator (round deadlines in simulated time: a crashed server costs no wall time).
Result<RunResult> run_election_simulated(const Election& e, const NetworkSpec& net);

// Plain count: the valid ballots' entries added up (the cheater's ballot left out: it is
// disqualified); `rejected` gets the malformed voters.
std::vector<std::uint64_t> plain_tally(const Election& e, std::vector<int>* rejected);

// Audit checks (scenarios/mutant_audit.cpp), 3 seeds each, 4 servers (t = 1), 5 voters:
// "vote-range-check": one_of_k, 3 candidates, voters 0 and 1 malformed (an entry 2; two 1s);
// alarm = a server's or the board's tally is not the plain count, a malformed ballot is not
// rejected, or the transcript does not verify.
// "vote-share-check": approval, voter 2 cheats (cheating_dealing); alarm = it is not
// disqualified or a tally is not the plain count.
struct VoteCheck {
  int runs = 0;
  bool alarm = false;
  std::string evidence;
};
VoteCheck vote_range_check();
VoteCheck vote_share_check();

// Checks of the verdict on `smpc run` elections (protocol vote, function tally; 4 servers,
// t = 1, 3 voters, one_of_k over 2 candidates, voter 5 corrupted casting [2, 0] by input
// substitution, rejected by the servers):
// "vote-tally-verdict": the honest run, then the same run with every output receiver's tally
// altered as if the invalid ballot had been counted ([3, 1] instead of [1, 1]); alarm = the
// honest run is not ok, or the altered one is not a violation (the predicate must not let a
// corrupted voter add more than a valid ballot, and no oracle may explain it).
// "vote-trusted-board": the bulletin board corrupted (drops its relay of the posts); alarm =
// the verdict judges the run within the claim, which trusts the board.
VoteCheck vote_tally_verdict_check();
VoteCheck vote_trusted_board_check();

}  // namespace smpc::vote
