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
  int cheater = -1;  // a voter index, cheating as `cheat` says
  enum class Cheat {
    kNonBit,     // C_0 commits to b_0 + 1 (an entry 2 for b_0 = 1) with c(0) = 0 faked and the
                 // bit proof made for b_0: the proof fails (and every server's check (4))
    kBadShares,  // valid commitments and bit proofs, but every server's share f of entry 0 is
                 // off by one: every server's check (1) fails, so all complain
  } cheat = Cheat::kNonBit;
};

// The cheater's dealing (Election::cheat).
Dealing cheating_dealing(const Election& e, Rng& rng);

// Every party's body (servers, voters, the board) for `e`, which must outlive the run.
PartyBody election_body(const Election& e);
RunResult run_election(const Election& e);  // LocalNetwork, wall-clock round deadlines
// On the simulator (round deadlines in simulated time: a crashed server costs no wall time).
Result<RunResult> run_election_simulated(const Election& e, const NetworkSpec& net);

// Plain count: the valid ballots' entries added up (the cheater's ballot left out: it is
// disqualified); `rejected` gets the voters whose entries are bits but (one_of_k) do not add
// up to 1, `nonbit` those with an entry other than 0 or 1 (disqualified: no bit proof).
std::vector<std::uint64_t> plain_tally(const Election& e, std::vector<int>* rejected,
                                       std::vector<int>* nonbit = nullptr);

// The transcript `honest` of `e` (whose counted ballots must include a 1 for some candidate j
// and, for one_of_k, a vote for another candidate m) with one ballot added for a new voter on
// the roll: entry j = 2 (and for one_of_k entry m = −1, so the entries still add up to 1),
// faked check values c(0) = 0 opened, the tally and its randomness updated, marked counted.
// Consistent in every respect but its bit proofs (made for the bits it replaced): only the
// bit proofs can show the forgery.
nlohmann::json with_counted_non_bit(const Election& e, const nlohmann::json& honest);
// `honest` with the posts, bit proofs and openings of the two counted ballots at positions a and
// b of "ballots" exchanged (the voter ids kept): the tally and every opening still match, so
// only the bit proofs' binding to the voter shows it.
nlohmann::json with_swapped_posts(const nlohmann::json& honest, std::size_t a, std::size_t b);
// `honest` with z_0 of entry 0's bit proof at ballot positions a and b raised and lowered by 1:
// each proof then fails (its first equation is off by +H, resp. −H), but the two errors cancel
// in a sum that weighs them alike, so only random batch weights catch both.
nlohmann::json with_cancelling_proofs(const nlohmann::json& honest, std::size_t a, std::size_t b);

// Audit checks (scenarios/mutant_audit.cpp), 3 seeds each, 4 servers (t = 1), 5 voters:
// "vote-range-check": one_of_k, 3 candidates, voters 0 and 1 malformed (an entry 2; two 1s);
// alarm = a server's or the board's tally is not the plain count, voter 0 is not disqualified
// (no bit proof) or voter 1 not rejected (range check), or the transcript does not verify.
// "vote-share-check": approval, voter 2 cheats with Cheat::kBadShares; alarm = it is not
// disqualified or a tally is not the plain count (or a server aborts).
struct VoteCheck {
  int runs = 0;
  bool alarm = false;
  std::string evidence;
};
VoteCheck vote_range_check();
VoteCheck vote_share_check();
// "vote-bit-proof-binding": one_of_k election as vote-range-check, then its transcript with two
// counted voters' posts swapped (with_swapped_posts); alarm = the honest transcript does not
// verify or the swapped one does.
// "vote-bit-proof-counted": approval election, its transcript with a forged counted ballot
// (with_counted_non_bit); alarm = the honest transcript does not verify or the forged one does.
// "vote-bit-proof-batch": one_of_k election as vote-range-check, then its transcript with the
// z_0 of entry 0's bit proof of counted voter 2 one more and of counted voter 3 one less
// (with_cancelling_proofs: errors +H and −H, which cancel in a batch weighing both 1); alarm =
// the honest transcript does not verify or the altered one does.
VoteCheck vote_bit_proof_binding_check();
VoteCheck vote_bit_proof_counted_check();
VoteCheck vote_bit_proof_batch_check();

// Checks of the verdict on `smpc run` elections (protocol vote, function tally; 4 servers,
// t = 1, 3 voters, one_of_k over 2 candidates, voter 5 corrupted casting [2, 0] by input
// substitution, not counted: disqualified, its entry 2 has no bit proof):
// "vote-tally-verdict": the honest run, then the same run with every output receiver's tally
// altered as if the invalid ballot had been counted ([3, 1] instead of [1, 1]); alarm = the
// honest run is not ok, or the altered one is not a violation (the predicate must not let a
// corrupted voter add more than a valid ballot, and no oracle may explain it).
// "vote-trusted-board": the bulletin board corrupted (drops its relay of the posts); alarm =
// the verdict judges the run within the claim, which trusts the board.
VoteCheck vote_tally_verdict_check();
VoteCheck vote_trusted_board_check();

}  // namespace smpc::vote
