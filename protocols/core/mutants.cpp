#include "protocols/core/mutants.h"

#include <atomic>
#include <cctype>

namespace smpc {

namespace {
std::atomic<int> g_active{0};

// One row a mutant: its switch, the code that carries it, the bug in one line. The name ("M15")
// is the enum's number, so it cannot drift from the switch.
struct CatalogRow {
  Mutant id;
  const char* where;
  const char* summary;
};
constexpr CatalogRow kCatalogRows[] = {
    {Mutant::kM01, "protocols/spdz/spdz.cpp", "SPDZ: MAC check skipped on some openings (the output opening)"},
    {Mutant::kM02, "protocols/crypto/commit.cpp", "commitment not bound to the committing party and the session"},
    {Mutant::kM04, "protocols/core/rng.cpp", "biased randomness: field elements drawn from 32 random bits"},
    {Mutant::kM05, "protocols/bgw/shamir.cpp", "Shamir polynomial of degree t-1 instead of t"},
    {Mutant::kM08, "protocols/bgw/bgw_robust.cpp", "robust BGW: broadcast sent as plain multicast without agreement, so equivocation goes unseen"},
    {Mutant::kM10, "protocols/yao/yao.cpp", "Yao: evaluator accepts output labels without checking them (not the 1-label: taken as 0)"},
    {Mutant::kM13, "protocols/spdz/spdz.cpp", "SPDZ: a Beaver triple used twice"},
    {Mutant::kM14, "protocols/bgw/bgw_robust.cpp", "robust BGW: output reconstruction by interpolation, without error correction"},
    {Mutant::kM15, "protocols/bgw/bgw_semi_honest.cpp", "BGW: multiplication without re-randomisation (reshare with a constant polynomial)"},
    {Mutant::kM17, "scenarios/functions.cpp", "vote application: ballots not range-checked inside the circuit"},
    {Mutant::kM18, "protocols/sum/secure_sum.cpp", "secure_sum: the summand for the dealer's last peer is not subtracted from the one it keeps (its summands add up to x + s)"},
    {Mutant::kM19, "protocols/spdz/spdz.cpp", "SPDZ: outputs opened to everyone skip the output MAC check (only masked, private outputs are checked)"},
    {Mutant::kM30, "protocols/yao/yao.cpp", "Yao: the garbler's input-wire zero labels have colour bit 0, so the active label's point-and-permute bit is the garbler's input bit"},
    {Mutant::kM31, "protocols/gmw/bit_triples.cpp", "GMW dealer: bit triples with a = 0, so the AND opening d = x ⊕ a is the plaintext wire value"},
    {Mutant::kM32, "protocols/crypto/commit.cpp", "commitment randomness of 8 random bits (the rest zero)"},
    {Mutant::kM33, "protocols/gmw/bit_triples.cpp", "GMW dealer: every party's a and b shares are party 0's (triple shares reused across parties; for odd n the coalition knows a and b)"},
    {Mutant::kM34, "protocols/spdz/spdz_dealer.cpp", "SPDZ dealer: one input mask r for every input wire (mask reused)"},
    {Mutant::kM35, "protocols/ot/iknp.cpp", "IKNP: the base-OT seeds of column 0 are left zero on both sides (one base OT short), so the receiver's extension message u^0 is its choice bits in the clear"},
    {Mutant::kM40, "protocols/bgw/shamir.cpp", "Shamir: the cached Lagrange table's first coefficient is off by one, so reconstruction and BGW's recombination are wrong"},
    {Mutant::kM41, "simulator/topology.cpp", "simulator: ring, tree, two_tier and graph routes take the fewest hops instead of the lowest latency"},
    {Mutant::kM42, "scenarios/judge.cpp", "judge: parties hit by a fault (crashed, cut off) are judged as honest and counted in no bound, so a fault beyond the claim's bound is called a violation and one within it blames the protocol for the faulty party's missing output"},
    {Mutant::kM43, "protocols/secagg/secagg_client.cpp", "secagg: clients add no self mask PRG(b_u) and the server removes none (sums stay correct), so a masked input whose sender the server treats as dropped is unmasked by s_u^SK alone"},
    {Mutant::kM44, "protocols/secagg/secagg_server.cpp", "secagg: the server announces U3 without its last member, so the clients unmask that member as dropped and the output is the exact sum over the wrong set"},
    {Mutant::kM45, "adversary/lua_program.cpp", "adversary sandbox: the Lua allocator ignores the memory limit, so a program can allocate without bound"},
    {Mutant::kM46, "verify/abort_stats.cpp", "verify aborts: the abort test compares the x sample with itself, so no input-dependent abort is ever seen"},
    {Mutant::kM47, "protocols/psi/psi.cpp", "psi_dh: in cardinality mode the sender returns the receiver's reblinded points in the order received, so the receiver learns which of its elements are in the intersection, not only how many"},
    {Mutant::kM48, "protocols/psi/psi.cpp", "psi_dh: a point repeated in the other party's message is accepted, so a malicious party can claim |Y| elements while using fewer"},
    {Mutant::kM49, "protocols/frost/sign_protocol.cpp", "FROST: the coordinator skips verify_signature_share, so a bad share yields an invalid signature and nobody is blamed"},
    {Mutant::kM50, "protocols/frost/sign_protocol.cpp", "FROST: a signer draws its nonce randomness once per run, so every session reuses (d_i, e_i) and three signatures reveal s_i"},
    {Mutant::kM51, "protocols/frost/dkg.cpp", "FROST DKG: a party skips the Feldman check of the shares it receives, so it never complains and keeps a share inconsistent with the group key"},
    {Mutant::kM52, "protocols/rep3/rep3_malicious.cpp", "rep3_malicious: the circuit's products are not checked against the verified triples (the gates' ρ, σ, v are left out of steps 5-6), so an additive error on a product goes unseen"},
    {Mutant::kM53, "protocols/rep3/rep3.cpp", "rep3: the zero shares α are left out of z_i = x_i·y_i + x_i·y_{i+1} + x_{i+1}·y_i + α_i, so the multiplication message is unmasked (outputs still correct)"},
    {Mutant::kM54, "simulator/variation.cpp", "simulator: normal jitter is drawn as mean + sd^2 z (the variance used as the standard deviation), so delays are far narrower than configured (2 ms becomes 4 µs)"},
    {Mutant::kM55, "scenarios/judge.cpp", "judge: the largest delay jitter and loss added to a message is not passed to the timing assumption, so a run whose network was not synchronous is judged as if it were, and robust BGW is blamed for it"},
    {Mutant::kM56, "simulator/sim_network.cpp", "simulator: the computation between a party's last network call and its output is not charged before its finish time is taken (ops model), so protocols that end in local work look faster"},
    {Mutant::kM57, "protocols/crypto/parallel.cpp", "crypto: parallel_slices drops the operation counts of its helper threads, so batched public-key work is undercounted by the number of cores"},
    {Mutant::kM58, "protocols/rep3/rep3_malicious.cpp", "rep3_malicious: views are not compared (the hash of opened values and inputs, and the two copies of each output share), so a party that changes its output share goes unseen"},
    {Mutant::kM59, "simulator/topology.cpp", "simulator: a link's own jitter and loss (network.links) are ignored and the network-wide ones apply, so a slow, jittery link looks like the others"},
    {Mutant::kM60, "simulator/topology.cpp", "simulator: a latency trace's value is looked up one point ahead, so each step applies from the previous point's time, a whole interval too early"},
    {Mutant::kM61, "protocols/bgw/bgw_semi_honest.cpp", "bgw (roles): the servers leave out the inputs of the last client that gives any (its wires stay 0), so a sum misses one client"},
    {Mutant::kM62, "protocols/bgw/bgw_semi_honest.cpp", "bgw (roles): a client hands server j its share at the point of server j + 1, so the servers interpolate a client's input on the wrong points"},
    {Mutant::kM63, "protocols/spdz/spdz.cpp", "SPDZ: the openings of the dealer contributions are not checked against their round-1 commitments, so a rushing party chooses its contribution after seeing the honest ones (grinding the dealer's output)"},
    {Mutant::kM64, "scenarios/privacy.cpp", "verify privacy: under attack, the view-shape test compares the x runs' shapes with themselves, so a coalition whose view is cut short only under x' (an input-dependent abort) goes unseen"},
    {Mutant::kM65, "protocols/frost/scenario_protocol.cpp", "frost: the coordinator outputs its last signature with z + 1, a signature that does not verify under the group key"},
    {Mutant::kM66, "protocols/frost/dkg.cpp", "frost DKG: the group key sums phi_0 over every dealer, disqualified ones too, while shares and public shares use QUAL, so signatures stop verifying under the announced key once a dealer is disqualified"},
    {Mutant::kM71, "scenarios/functions.cpp", "auctions: the circuit gives a tie at the top to the highest bidder index, while the specification (and the docs) say the lowest"},
    {Mutant::kM72, "protocols/gmw/gmw.cpp", "gmw with roles: a client's XOR shares of its last input bit add up to 0 whatever the bit (the last server gets the wrong share)"},
    {Mutant::kM73, "scenarios/functions.cpp", "auctions under bgw: the bit check of the bids is skipped (its outputs are constant 0), so a client's non-bit bid is counted, e.g. as a larger number"},
    {Mutant::kM74, "protocols/dp/binomial.cpp", "dp: the noise coins are party 0's private bits alone, not XORed with the other parties' bits inside the MPC, so party 0 knows the noise and learns the exact sum from the opened noisy sum"},
    {Mutant::kM75, "scenarios/judge.cpp", "judge: the receives that gave up on an honest party at their deadline are left out of the timing assumption, so a run that slow computation (a slow party) made asynchronous is judged as synchronous: its honest parties' disagreement reads as a violation of the claim"},
    {Mutant::kM76, "protocols/vote/vote.cpp", "vote: the servers skip the range check, so a malformed ballot (an entry other than 0/1, or a one_of_k ballot whose entries do not add up to 1) is counted"},
    {Mutant::kM77, "protocols/vote/ballot.cpp", "vote: the servers skip the check of a voter's shares against its posted commitments (and of D = f(f - 1) - c), so shares that do not match the commitments are used (and, without the bit proofs, a voter who fakes its check value would get a non-bit entry counted)"},
    {Mutant::kM69, "protocols/frost/sign_protocol.cpp", "frost: the coordinator's identifiable abort names the next signer in the signer set (off by one) instead of the one whose share failed, so an honest signer is blamed"},
    {Mutant::kM70, "protocols/broadcast/dolev_strong.cpp", "Dolev-Strong broadcast: the signatures on a relayed value are counted but not verified, so an equivocating sender's second value sent in the last round with a made-up signature reaches only some honest parties, which then output bottom while the others output the first value"},
    {Mutant::kM67, "protocols/ot/kos.cpp", "KOS: the consistency check is computed but its verdict ignored, so a receiver with inconsistent choice bits across the columns of u goes on (plain IKNP security; it can learn bits of Δ)"},
    {Mutant::kM68, "protocols/spdz/mascot.cpp", "MASCOT: the sacrifice's verdict (s·c − ĉ − ρ·b = 0) is ignored, so a triple with c ≠ a·b under correct MACs reaches the online phase"},
    {Mutant::kM78, "protocols/dp/binomial.cpp", "dp: the calibration returns half the coins that (epsilon, delta) needs, so the noise is too small while the report still claims (epsilon, delta)-DP"},
    {Mutant::kM79, "protocols/dp/binomial.cpp", "dp: the coins' bit check C = sum r_j c_j (c_j - 1) is left out of the opened noisy sum, so a party that inputs 1/2 as its bit fixes the coin (1/2 XOR b = 1/2 for any b) and the output reveals the exact sum"},
    {Mutant::kM80, "protocols/spdz/spdz_dealer.cpp", "SPDZ fixed point: the dealer draws the low part r' of each truncation and comparison mask r apart from the shared bits it hands out, so r' ≠ Σ 2^i b_i and TruncPr/LTZ compute (a − c' + Σ 2^i b_i)/2^m: a wrong result"},
    {Mutant::kM81, "protocols/spdz/spdz.cpp", "SPDZ fixed point: the opened c = 2^(k−1) + a + r of each truncation is left out of the MACCheck, so a corrupted party that shifts its share of c (and its own view with it) is not caught: by δ ≠ 0 mod 2^f it makes the result wrong; the audit's shift by 2^f leaves the result right but must still abort"},
    {Mutant::kM82, "scenarios/vote_function.cpp", "tally verdict: the predicate does not bound what the corrupted voters add to the tally by what valid ballots can add, so a run that counts a corrupted voter's invalid ballot (an entry 2) is judged correct"},
    {Mutant::kM83, "scenarios/judge.cpp", "judge: a run whose trusted party (vote's bulletin board) is corrupted or hit by a fault is judged within the claim, which assumes that party honest"},
    {Mutant::kM84, "simulator/topology.cpp", "simulator: a message over a multi-hop route draws the jitter and loss of the first hop with settings of its own only, so a jittery edge later on the route (a graph's, a ring's, a region's WAN link) adds nothing"},
    {Mutant::kM85, "scenarios/judge.cpp", "judge: under a latency trace the timing check takes the configured latency, not the one the messages met, so a run whose trace raised latency beyond round_timeout_s is judged as if it were synchronous"},
    {Mutant::kM86, "protocols/core/run_result.cpp", "compute counts: open_envelope and open_message do not count the received message (ops.h message, message_byte), so receiving costs nothing in the ops model"},
    {Mutant::kM87, "simulator/sim_network.cpp", "measured compute: a segment's CPU time is taken from when the party entered its last network call, so it includes what other parties computed while it waited"},
    {Mutant::kM88, "protocols/crypto/bit_proof.cpp", "bit proofs: the batch test (Bellare–Garay–Rabin) weighs every equation with 1 instead of a random 128-bit weight, so two false proofs whose errors are opposite (z_0 one too large in one, one too small in the other) cancel in the sum and both are accepted"},
    {Mutant::kM89, "protocols/bgw/bgw_robust.cpp", "robust BGW with clients: a client reconstructs its input masks and outputs by interpolating the first t + 1 servers' shares instead of Berlekamp–Welch decoding, so one corrupted server's wrong share moves the client's output"},
    {Mutant::kM90, "protocols/crypto/bit_proof.cpp", "bit proof: the Fiat–Shamir challenge hashes the commitment and A_0, A_1 but not the context (election, voter, candidate), so a voter's posted proofs verify for another voter's slot: swapping two voters' posts on the board goes unnoticed"},
    {Mutant::kM91, "verify/tally.cpp", "tally verifier: the disjunctive Chaum–Pedersen bit proofs of counted ballots are not checked, so a counted commitment to a non-bit (a faked check value, a forged proof) is accepted"},
    {Mutant::kM92, "scenarios/functions.cpp", "auctions under bgw: winner and price are opened without the mask o + ρ'·C, so when a bid is rejected the auctioneer receives the garbage winner and price computed from the non-bits and the honest bids"},
    {Mutant::kM93, "scenarios/functions.cpp", "auctions under bgw: C sums the bit checks with constant weights 1 instead of the joint random ρ_j, so a client's two non-bits whose checks cancel leave the outputs unmasked"},
    {Mutant::kM94, "protocols/bgw/bgw_robust.cpp", "robust BGW with clients: each server takes the masked input δ the client sent it, with no broadcast agreement on it, so a client that sends different δ to different servers leaves the honest servers with an inconsistent sharing and the output is garbage"},
    {Mutant::kM95, "protocols/spdz/spdz.cpp", "SPDZ with clients: the servers do not compare the dealer-stream digest a client sends with its ε, so a corrupted server that hands the client another dealer contribution than it opened to the servers shifts the client's mask r, and the servers compute on an input the client never gave"},
    {Mutant::kM96, "protocols/spdz/spdz.cpp", "SPDZ with clients: a receiving client takes server 0's opened output without comparing it with the other servers', so a corrupted server 0 that sends a wrong value makes the client output it"},
    {Mutant::kM97, "protocols/rep3/rep3_malicious.cpp", "rep3_malicious with clients: the view hash leaves out the clients' input components, so a client that gives two servers different copies of one component goes unseen when the input reaches an output through XORs only: honest servers output different values"},
    {Mutant::kM98, "protocols/rep3/rep3_malicious.cpp", "rep3_malicious with clients: a client receiver takes server j's copy of output component s_j without comparing it with server j − 1's, so a corrupted server changes the client's output"},
    {Mutant::kM99, "protocols/spdz/spdz.cpp", "SPDZ with MASCOT: MACCheck 2 checks only the first opening of each output wire, so with an output group of several receivers (one y + r_a opened per receiver) a corrupted party shifts a later receiver's opening and that receiver outputs a wrong value"},
    {Mutant::kM101, "scenarios/verify_drivers.cpp", "smpc verify leakage of a dp_sum / dp_mean output: the after-noise channel is built from a point mass instead of the protocol's binomial pmf, so the noisy output is reported to leak as much as the exact sum"},
    {Mutant::kM102, "protocols/spdz/extract.cpp", "SPDZ with MASCOT, input extraction: a corrupted owner's ε + r is extracted with r from the owner's own record without comparing its Π_COPE messages with what the honest parties received, so an owner whose u messages were altered in flight (a shifted input mask) is judged on an r the honest MAC keys do not pin down"},
    {Mutant::kM103, "protocols/gmw/gmw.cpp", "compute model: GMW counts its AND gates but not its linear gates (ops.h gate_xor), so the ops model charges a GMW party nothing for the XOR and INV gates it evaluates and its modelled compute time falls short of its real work"},
    {Mutant::kM104, "protocols/spdz/mascot.cpp", "MASCOT MACCheck (flow 11): the digest of the y values of Π_[[·]]'s check that every party echoes is not compared, so an input owner that shifts its u and its y toward one honest party only splits the honest parties' outputs with every check passing"},
    {Mutant::kM105, "protocols/bgw/bgw_program.cpp", "bgw fixed-point programs (R3 of bgw_program.h): each random bit is made as (s·a + 1)/2 with the opened root s multiplied instead of divided, so the masks' \"bits\" are not bits and every truncation and comparison computes garbage"},
    {Mutant::kM106, "protocols/fixedpoint/engine.h", "fixed-point programs on spdz and bgw (Mod2m of Floor and LTZ, Catrina–de Hoogh): a' = c' − r' without the 2^m·u that BitLT's borrow u adds, so a' is a mod 2^m minus 2^m whenever the opened c' is below the mask's r', and Floor is one too high and LTZ wrong with a probability that depends on a"},
    {Mutant::kM107, "protocols/secagg/spec.cpp", "secagg timing assumption: the server's give-up on a client the scenario drops is excused in every round, also before the client's drop, so a client whose masked input a slow link delayed past its round's deadline (it had not dropped yet) is taken for its scripted dropout and the sum without it is judged a wrong output instead of a run outside the timing assumption"},
    {Mutant::kM108, "scenarios/dp_function.cpp", "dp_sum / dp_mean verdict: the records the run took from a corrupted party are not compared with [lower, upper], so a malicious party's record outside the range, which the MPC adds unclipped and which moves the published sum by more than the sensitivity, is judged a correct run with substitution"},
    {Mutant::kM110, "protocols/fixedpoint/fixed.cpp", "fixed-point inference, the range check before a run (check_every_rounding): only the rounding where every TruncPr rounds down is tried, so a model and features in range only that way are accepted, and an honest run whose mask makes a TruncPr round up leaves the range and fails its verdict's replay (a false violation)"},
    {Mutant::kM111, "protocols/spdz/spdz.cpp", "spdz fixed-point programs: every random bit from the preprocessing (fx kRandBit) takes the first bit the dealer dealt, so dp's dealer coins are m copies of one bit and the noise is -m/2 or +m/2 instead of a binomial (the dealer's record still holds the m distinct bits)"},
    {Mutant::kM112, "protocols/spdz/spdz_dealer.cpp", "spdz fixed-point programs: the dealer gives every factor of the program's products the first factor's mask a, so the opened x - a and y - a of two factors give x - y away (every product stays right: a^2 is dealt for it)"},
};

std::string numbered_name(Mutant m) {
  const int n = static_cast<int>(m);
  return (n < 10 ? "M0" : "M") + std::to_string(n);
}
}  // namespace

const std::vector<MutantInfo>& mutant_catalog() {
  static const std::vector<MutantInfo> kCatalog = [] {
    std::vector<MutantInfo> out;
    for (const auto& row : kCatalogRows)
      out.push_back({row.id, numbered_name(row.id), row.summary, row.where});
    return out;
  }();
  return kCatalog;
}

std::string mutant_name(Mutant m) {
  if (m == Mutant::kNone) return "none";
  for (const auto& info : mutant_catalog())
    if (info.id == m) return info.name;
  return "M" + std::to_string(static_cast<int>(m));
}

Result<Mutant> parse_mutant(std::string_view text) {
  std::string t;
  for (char c : text) t.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  if (t == "NONE") return Mutant::kNone;
  if (!t.empty() && t[0] != 'M') t = (t.size() == 1 ? "M0" : "M") + t;
  std::string names;
  for (const auto& info : mutant_catalog()) {
    if (info.name == t) return info.id;
    names += (names.empty() ? "" : ", ") + info.name;
  }
  return Error("unknown mutant '" + std::string(text) + "' (the catalogue: " + names + ")");
}

#ifdef SMPC_MUTANTS
bool mutant_active(Mutant m) {
  return m != Mutant::kNone && g_active.load(std::memory_order_relaxed) == static_cast<int>(m);
}
#endif

Status set_active_mutant(Mutant m) {
  if (m != Mutant::kNone && !kMutantsCompiled)
    return Error("this build has no mutants; configure with -DSMPC_MUTANTS=ON (the `test` "
                 "preset does) to run " + mutant_name(m));
  g_active.store(static_cast<int>(m), std::memory_order_relaxed);
  return OkStatus();
}

Mutant active_mutant() { return static_cast<Mutant>(g_active.load(std::memory_order_relaxed)); }

ScopedMutant::ScopedMutant(Mutant m) : previous_(active_mutant()), status_(set_active_mutant(m)) {}
ScopedMutant::~ScopedMutant() { (void)set_active_mutant(previous_); }

}  // namespace smpc
