// Private set intersection from commutative Diffie–Hellman ("psi_dh"), two parties, over
// ristretto255 (libsodium).
//
// Huberman, Franklin, Hogg, "Enhancing privacy and trust in electronic communities", ACM EC
// 1999 (§3, the intersection protocol), after Meadows, "A more efficient cryptographic
// matchmaking protocol for use in the absence of a continuously available third party",
// IEEE S&P 1986. Each party P_i has a secret exponent a_i; (H(x)^a_0)^a_1 = (H(x)^a_1)^a_0, so
// doubly blinded values match exactly when the elements do, and under DDH in the random-oracle
// model nothing else about the other party's elements is revealed.
//   Step 1. P_i draws a_i ∈ Z_ℓ from its randomness (the run's seed).
//   Step 2. P_i hashes each element to the group (hash_sha512, domain kPsiHashDomain), raises
//           it to a_i and sends the points in a random order ("psi.blinded").
//   Step 3. P_i receives the other's points; they must be distinct (a set of distinct
//           elements has distinct hashes), else it aborts blaming the sender.
//   Step 4. For each party that learns, the other raises that party's points to its own
//           exponent and returns them ("psi.reblinded"): in the order received, so the learner
//           can map each back to its element; in cardinality mode shuffled again, so the
//           learner can only count.
//   Step 5. The learner raises the other's points of step 3 to its exponent and compares:
//           bit i = [x_i's doubly blinded point is among them], or the number of matches.
//
// Claim: semi-honest, one corrupted party, correct output. Leakage beyond the output: both set
// sizes |X| and |Y| to both parties (the point counts); in cardinality mode the receiver learns
// |X ∩ Y| and nothing about which elements (the sender learns nothing but |X|).
// Against a malicious party the claim says nothing; the duplicate check of steps 3 and 5 is a
// cheap consistency check, not malicious security (docs/applications.md).
//
// Cost (a message of c points is 6 + 32c bytes, message.h), m = |X| (party 0), k = |Y|:
//   "psi.blinded"    round 1   (6 + 32m) + (6 + 32k)
//   "psi.reblinded"  round 2   6 + 32m to party 0, and in mode both 6 + 32k to party 1
// Two rounds. Compute per side: |own| hashes to the group, |own| + |other| scalar products.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "protocols/core/message.h"
#include "protocols/core/protocol.h"
#include "protocols/crypto/ristretto.h"
#include "protocols/psi/ideal.h"

namespace smpc {

inline constexpr std::string_view kPsiHashDomain = "smpc-testbed psi_dh v1 H(x)";

class DhPsi final : public Protocol {
 public:
  explicit DhPsi(PsiShape shape) : shape_(shape) {}

  std::string_view name() const override { return "psi_dh"; }
  SecurityClaim claim(int parties) const override;
  const PsiShape& shape() const { return shape_; }
  // An aborting party tells the other, which would otherwise wait for step 4 until the deadline.
  std::optional<std::string_view> abort_notice_label() const override;

 private:
  PartyOutput run_steps(PartyContext& ctx, const PartyInput& input) const override;
  PsiShape shape_;
};

// The claim of every mode (the leakage statement names the cardinality mode's).
SecurityClaim psi_claim();

// Step 2's points: H(elements[order[j]])^a for j = 0 .. n-1 (parallel over the machine's idle
// cores; the result does not depend on how many).
std::vector<RistrettoPoint> psi_hash_and_raise(std::span<const std::uint64_t> elements,
                                               std::span<const std::size_t> order,
                                               const Scalar& a);
// A psi message's one part as exactly `count` point encodings (not decoded); Abort(kMalformed)
// blaming `sender` on another shape.
std::vector<PointBytes> psi_read_points(const Message& m, std::size_t count, PartyId sender);
// Steps 3 and 4: every received point raised to a. Abort blaming `sender` when an encoding is
// not a group element, or is the identity.
std::vector<RistrettoPoint> psi_raise(const std::vector<PointBytes>& points, const Scalar& a,
                                      PartyId sender);
// A "points" message of the points' encodings (both labels' layout).
Message psi_points_message(const std::vector<RistrettoPoint>& points);
// A uniformly random permutation of 0 .. n-1 (Fisher–Yates).
std::vector<std::size_t> psi_random_order(std::size_t n, Rng& rng);

}  // namespace smpc
