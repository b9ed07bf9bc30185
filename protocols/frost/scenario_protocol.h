// FROST as a scenario protocol ("frost" in protocols/registry.cpp): a Pedersen DKG with
// complaints (dkg.h) among the participants, then RFC 9591 signing with a coordinator
// (sign_protocol.h) of the scenario's messages by the scenario's signers.
//
// Parties: party 0 is the coordinator; parties 1..n are the participants with identifiers 1..n
// (n = parties − 1), t = MIN_PARTICIPANTS (the protocol parameter "threshold").
//   Step 1 (dkg.h). The participants run the DKG; the coordinator observes its published
//          messages (commitments, complaints, responses) and so derives the same QUAL, PK and
//          PK_1..PK_n without a share.
//   Step 2 (sign_protocol.h). The signers S (from the function, sorted, |S| ≥ t) sign every
//          message in order, coordinated by party 0, which verifies each share (identifiable
//          abort) and aggregates.
// Outputs (protocols/frost/ideal.h): every party the 32-byte PK as four little-endian words;
// the coordinator also each signature R ‖ z as eight words.
// Exact cost: dkg_cost(n, t, 1 observer) + sign_cost(S, messages), in 2t + 1 + 2s + 1 causal
// rounds for s messages (t more when somebody complains in the DKG; 2s + 1 for n = 1).
#pragma once

#include <string_view>

#include "protocols/core/protocol.h"
#include "protocols/frost/dkg.h"
#include "protocols/frost/ideal.h"

namespace smpc::frost {

// The protocol's setup and synchrony: the PKI of the DKG's broadcasts (pki_from_seed over the
// parameter pki_seed) and Δ (round_timeout_s): the DKG's lock-step rounds, and the margin
// before the deadline at which the coordinator gives up on a silent signer.
struct FrostTiming {
  std::uint64_t pki_seed = kDefaultPkiSeed;
  double round_timeout_s = 1;
};

class FrostProtocol final : public Protocol {
 public:
  FrostProtocol(SigningShape shape, int min_participants, int parties, FrostTiming timing = {})
      : shape_(std::move(shape)),
        min_(min_participants),
        timing_(timing),
        pki_(pki_from_seed(timing.pki_seed, parties)) {}
  std::string_view name() const override { return "frost"; }
  SecurityClaim claim(int parties) const override;
  const SigningShape& shape() const { return shape_; }
  int min_participants() const { return min_; }

 private:
  PartyOutput run_steps(PartyContext& ctx, const PartyInput& input) const override;
  SigningShape shape_;
  int min_;
  FrostTiming timing_;
  Pki pki_;
};

// The claim for n = parties − 1 participants and threshold t (spec and protocol share it).
SecurityClaim frost_claim(int parties, int min_participants);

// The honest cost above (no complaints): bytes per label and causal rounds.
SignCost frost_cost(const SigningShape& shape, int parties, int min_participants);

// PK's encoding as the four output words, and back.
std::vector<std::uint64_t> key_words(const RistrettoPoint& pk);
PointBytes key_of_words(const std::uint64_t* words);

}  // namespace smpc::frost
