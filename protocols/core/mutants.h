// The seeded-bug catalogue: named mutation switches in protocol code, each reproducing a bug
// class seen in deployed MPC, so that `smpc audit --mutants` can show which check catches which
// bug and how many runs it needs.
//
// The switches exist only in builds configured with -DSMPC_MUTANTS=ON (the `test`, `debug` and
// `asan` presets). Elsewhere `mutant_active` is a constexpr false and the mutated branches are
// dead code the compiler removes, so a release build cannot run a mutant by accident.
// At most one mutant is active at a time; it is process-global (set before a run starts;
// simulations fork and inherit it, LocalNetwork threads read it).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "protocols/core/status.h"

namespace smpc {

enum class Mutant : int {
  kNone = 0,
  kM01 = 1,   // SPDZ: MAC check skipped on some openings
  kM02 = 2,   // commitment not bound to the committing party and the session
  kM04 = 4,   // biased randomness: low-entropy field elements (32 random bits)
  kM05 = 5,   // Shamir polynomial of degree t-1
  kM08 = 8,   // robust BGW: broadcast sent as plain multicast, no agreement
  kM10 = 10,  // Yao: evaluator accepts output labels without checking them
  kM13 = 13,  // SPDZ: a Beaver triple used twice
  kM14 = 14,  // robust BGW: output reconstruction without error correction
  kM15 = 15,  // BGW: multiplication without re-randomisation
  kM17 = 17,  // application inputs not range-checked (vote)
  kM18 = 18,  // secure_sum: a dealer's summands do not add up to its input
  kM19 = 19,  // SPDZ: public outputs opened without MAC check
  kM30 = 30,  // Yao: the garbler's input labels have colour 0 (point-and-permute bit unmasked)
  kM31 = 31,  // GMW dealer: triples with a = 0 (the AND opening d is the plaintext wire)
  kM32 = 32,  // commitment randomness of 8 bits
  kM33 = 33,  // GMW dealer: every party gets party 0's a and b shares (reused across parties)
  kM34 = 34,  // SPDZ dealer: one input mask for every input wire
  kM35 = 35,  // IKNP: column 0's base-OT seeds left zero, so u^0 = the receiver's choice bits
  kM40 = 40,  // Shamir: a wrong entry in the cached Lagrange table
  kM41 = 41,  // simulator: graph routes by fewest hops, ignoring latency
  kM42 = 42,  // judge: a party hit by a fault is judged as an honest party
  kM43 = 43,  // secagg: clients add no self mask (and the server removes none)
  kM44 = 44,  // secagg: the server announces U3 without its last member
  kM45 = 45,  // adversary sandbox: the Lua memory limit is not enforced
  kM46 = 46,  // verify aborts: the x sample is compared with itself
  kM47 = 47,  // psi_dh: cardinality mode returns the reblinded points unshuffled
  kM48 = 48,  // psi_dh: a repeated point from the other party is accepted
  kM49 = 49,  // FROST: the coordinator skips signature-share verification
  kM50 = 50,  // FROST: a signer reuses its nonces across signing sessions
  kM51 = 51,  // FROST DKG: received shares are not checked against the dealer's commitments
  kM52 = 52,  // rep3_malicious: the circuit's products are not checked against triples
  kM53 = 53,  // rep3: multiplication shares sent without the zero shares α (unmasked)
  kM54 = 54,  // simulator: normal jitter drawn with the variance in place of the deviation
  kM55 = 55,  // judge: the delay jitter and loss added is left out of the timing assumption
  kM56 = 56,  // simulator: a party's computation after its last network call is not charged
  kM57 = 57,  // crypto: parallel_slices drops its helper threads' operation counts
  kM58 = 58,  // rep3_malicious: views not compared (view hash and output copies)
  kM59 = 59,  // simulator: a link's own jitter and loss are ignored (network-wide ones apply)
  kM60 = 60,  // simulator: a trace's step applies from the previous point's time (too early)
  kM61 = 61,  // bgw: with roles, the servers leave out the last client's inputs
  kM62 = 62,  // bgw: a client hands server j its share at the wrong point α_{j+1}
  kM63 = 63,  // SPDZ: dealer contributions not checked against their commitments
  kM64 = 64,  // verify privacy: under attack, the x runs' view shapes stand in for the x' runs'
  kM65 = 65,  // frost: the coordinator outputs its last signature with z + 1
  kM66 = 66,  // frost DKG: the group key also counts disqualified dealers' φ_0
  kM71 = 71,  // auctions: the circuit gives a tie to the highest bidder index, not the lowest
  kM72 = 72,  // gmw: with roles, a client's shares of its bid XOR to 0 on its last input bit
  kM73 = 73,  // auctions under bgw: the bit check of the bids is skipped (its outputs are 0)
  kM74 = 74,  // dp: the noise coins are party 0's bits alone (not XORed with the others')
  kM75 = 75,  // judge: the run's late honest messages are left out of the timing assumption
  kM76 = 76,  // vote: the servers skip the range check (an opened check value c ≠ 0 passes)
  kM77 = 77,  // vote: the servers skip the check of a voter's shares against its commitments
  kM69 = 69,  // frost: the coordinator blames the signer after the one whose share failed
  kM70 = 70,  // Dolev–Strong broadcast: relayed signatures are not verified
  kM67 = 67,  // KOS: the consistency check's verdict is ignored (plain IKNP)
  kM68 = 68,  // MASCOT: the sacrifice of the triples is skipped
  kM78 = 78,  // dp: the coin calibration returns half the coins (ε, δ) needs
  kM79 = 79,  // dp: the coins' bit check is left out of the opened noisy sum
  kM80 = 80,  // SPDZ fixed point: the dealer's truncation mask r does not match its bits
  kM81 = 81,  // SPDZ fixed point: the truncation openings are left out of the MACCheck
  kM82 = 82,  // tally verdict: the corrupted voters' share of the tally is not bounded
  kM83 = 83,  // judge: a corrupted or faulty trusted party (vote's board) stays within the claim
  kM84 = 84,  // simulator: a multi-hop route's per-edge jitter and loss count the first such hop only
  kM85 = 85,  // judge: the timing check takes the configured latency under a latency trace
  kM86 = 86,  // compute counts: a received message is not counted (ops.h kMessage)
  kM87 = 87,  // measured compute: a segment starts when the call is entered, not when it returns
  kM88 = 88,  // bit proofs: the batch test weighs every equation 1, so opposite errors cancel
  kM89 = 89,  // robust BGW with clients: a client interpolates t + 1 shares, no error correction
  kM90 = 90,  // bit proof: the Fiat–Shamir challenge omits the context (voter, entry): proofs replay
  kM91 = 91,  // tally verifier: the bit proofs of counted ballots are not checked
  kM92 = 92,  // auctions under bgw: winner and price opened unmasked (a rejected bid's garbage)
  kM93 = 93,  // auctions under bgw: the checks summed with constant weights, not the joint ρ_j
  kM94 = 94,  // robust BGW with clients: servers take the δ they got, no agreement on it
  kM95 = 95,  // SPDZ with clients: servers skip the client's dealer-stream digest check
  kM96 = 96,  // SPDZ with clients: a receiving client takes server 0's output without comparing
  kM97 = 97,  // rep3_malicious with clients: the servers do not compare clients' input components
  kM98 = 98,  // rep3_malicious with clients: a client takes one copy of each output component
  kM99 = 99,  // SPDZ/MASCOT: only one opening per output wire MAC-checked (per-receiver y + r_a)
  kM101 = 101,  // verify leakage of a dp function: the after-noise channel leaves the noise out
  kM102 = 102,  // SPDZ/MASCOT extractor: the owner's r taken without comparing COPE transcripts
  kM103 = 103,  // compute model: GMW does not count its linear gates (ops.h kGateXor)
  kM104 = 104,  // MASCOT: the echo of Π_[[·]]'s y values not compared (no broadcast agreement)
  kM105 = 105,  // bgw fixed point: a random bit made as (s·a + 1)/2, the root not inverted
  kM106 = 106,  // fixed point: Mod2m drops BitLT's borrow, so Floor and LTZ err when c' < r'
  kM107 = 107,  // secagg timing: a give-up on a scripted dropout excused in any round
  kM108 = 108,  // dp verdict: a corrupted party's record outside [lower, upper] not looked for
  kM110 = 110,  // fixed point: the range check before a run tries only the all-down rounding
  kM111 = 111,  // spdz fixed point: every kRandBit takes the first dealt bit (dealer coins)
  kM112 = 112,  // spdz fixed point: the dealer gives every factor of the products one mask
};

struct MutantInfo {
  Mutant id;
  std::string name;     // "M15"
  std::string summary;  // the bug, one line
  std::string where;    // the code that carries the switch
};
const std::vector<MutantInfo>& mutant_catalog();
// "M15" / "m15" / "15" -> Mutant; error names the catalogue.
Result<Mutant> parse_mutant(std::string_view text);
std::string mutant_name(Mutant m);

#ifdef SMPC_MUTANTS
inline constexpr bool kMutantsCompiled = true;
bool mutant_active(Mutant m);
#else
inline constexpr bool kMutantsCompiled = false;
constexpr bool mutant_active(Mutant) { return false; }
#endif

// Fails when the build has no mutants (and m != kNone).
Status set_active_mutant(Mutant m);
Mutant active_mutant();

// Activates a mutant for a scope (tests, the mutant audit).
class ScopedMutant {
 public:
  explicit ScopedMutant(Mutant m);
  ~ScopedMutant();
  ScopedMutant(const ScopedMutant&) = delete;
  ScopedMutant& operator=(const ScopedMutant&) = delete;
  const Status& status() const { return status_; }

 private:
  Mutant previous_;
  Status status_;
};

}  // namespace smpc
