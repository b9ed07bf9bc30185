// Voting with a publicly auditable tally: voter clients, S election servers (t < S/3, the
// robust BGW bound), and a bulletin board. Each voter deals its ballot with Pedersen VSS over
// ristretto255 (ballot.h); the servers check their shares against the posted commitments and
// complain; a voter with a valid complaint (or more than t complaints) is disqualified; every
// admitted ballot carries public bit proofs (Cramer–Damgård–Schoenmakers, CRYPTO '94) and is
// range-checked by opening its check values (entries 0/1, for one_of_k also
// Σ entries = 1), a malformed one is rejected and reported; the tally of the counted ballots is
// opened with its aggregate randomness, so anyone can check Π C_{v,i,0} = Commit(T_i, R_i)
// (verify/tally.h).
//
// Papers: Pedersen, CRYPTO '91 (VSS with Commit(v, r) = v·G + r·H; complaints answered in
// public); the validity check is Asharov–Lindell's F_VSS^mult (eprint 2011/136, §6.6) with
// Pedersen commitments (ballot.h); robust opening as in BGW (AL Protocol 7.1, step 3), with
// every share checked against the commitments instead of Reed–Solomon decoding (Pedersen §4):
// t + 1 valid shares fix a degree-t polynomial, and at least S − t ≥ 2t + 1 servers are honest.
// The field is Z_ℓ, ℓ the group order: shares, checks and tally all live there, so the
// commitments bind exactly what is counted (robust BGW's Mersenne-61 circuits are not used).
//
// Parties: servers 0..S−1 (point α_j = j + 1), voters S..S+V−1, the bulletin board S+V.
// The bulletin board is a party that only relays public data (posts, complaints, answers) and
// keeps the transcript; it is trusted for consistency (it sends the same bytes to every
// server), not for privacy: it never sees a share. Helios and ElectionGuard assume such a
// public append-only board in the same way. Lock-step rounds (protocols/bgw/lockstep.h):
//   1. voter → server j: its six scalars per candidate ("vote.shares"); voter → board: the
//      commitments ("vote.post").
//   2. board → servers: every voter's post ("vote.board"). Server j checks every post's bit
//      proofs (ballot.h, bit_proof.h) and its own shares (ballot.h checks 1–4); a missing or
//      malformed post, or a failing bit proof, disqualifies the voter (a function of the board
//      data alone, so every honest server and the board agree).
//   3. server → board: the voters it complains about ("vote.complain").
//   4. board → voter: the servers that complained about it ("vote.accused"); board → servers:
//      every server's complaints ("vote.complaints").
//   5. an accused voter → board: the complaining servers' shares, in public ("vote.answer").
//   6. board → servers: the answers ("vote.answers"). A voter is disqualified if more than t
//      servers complained, or an answer is missing or fails checks 1–4; otherwise each
//      complaining server takes its answered shares (Pedersen's complaint rule).
//   7. servers → servers and board: shares of every admitted voter's check values c_i and, for
//      one_of_k, of Σ_i f_i ("vote.check_open"); each receiver keeps the shares that match
//      the commitments and interpolates. A ballot with some c_i(0) ≠ 0 or Σ_i b_i ≠ 1 is
//      rejected.
//   8. servers → servers and board: shares of the tally T_i = Σ_{counted v} b_{v,i} and of
//      its randomness R_i ("vote.tally_open"), checked against Σ_v C_{v,i} and interpolated.
// Outputs: every server and the board output the k tallies; the board's annotations hold the
// transcript (docs/applications.md "Voting").
#pragma once

#include <cstdint>
#include <vector>

#include "protocols/core/channel.h"
#include "protocols/core/run_result.h"
#include "protocols/vote/ballot.h"

namespace smpc::vote {

struct VoteConfig {
  int servers = 0;  // S
  int voters = 0;   // V
  int t = 0;        // 3t + 1 <= S
  int candidates = 0;
  bool one_of_k = true;  // false: approval (any 0/1 vector)
  double round_timeout_s = 1.0;
  int board() const { return servers + voters; }
  ElectionContext context() const { return {servers, t, candidates, one_of_k}; }
  int parties() const { return servers + voters + 1; }
};

inline constexpr int kRounds = 8;

// Party ctx.net.self()'s part. A voter deals `ballot` (k entries) honestly.
PartyOutput run_vote(PartyContext& ctx, const VoteConfig& cfg,
                     const std::vector<std::uint64_t>& ballot);
// A voter that sends the given dealing (tests: a voter who cheats on its shares or check value).
PartyOutput run_voter(PartyContext& ctx, const VoteConfig& cfg, const Dealing& dealing);

// The size of each message of an honest run without complaints (Message::encoded_size: 6 bytes
// of header per part): one voter's shares to one server, its post to the board, the board's
// message to one server, a server's (empty) complaint list, the board's list of complaints and
// of answers, a server's check and tally openings.
struct VoteMessageSizes {
  std::uint64_t shares = 0, post = 0, board_msg = 0, complain = 0, complaints = 0, accused = 0,
                answers = 0, check = 0, tally = 0;
};
VoteMessageSizes vote_message_sizes(const VoteConfig& cfg);

// Exact bytes of an honest run without complaints (every voter admitted; message sizes by
// Message::encoded_size): what a voter sends, what a server sends and receives, what the board
// receives. D = number of admitted voters (all V in an honest run).
struct VoteCost {
  std::uint64_t voter_sent = 0, server_sent = 0, server_received = 0, board_received = 0,
                board_sent = 0;
};
VoteCost vote_cost(const VoteConfig& cfg);

}  // namespace smpc::vote
