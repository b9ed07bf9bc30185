// FROST signing runs for the seeded-bug audit and the suites: a trusted-dealer group, the
// party body of run_sign (party 0 coordinates, party p signs with share p), a signer that adds
// one to its signature share, and the two audit checks (docs/applications.md, docs/audit.md).
#pragma once

#include <string>
#include <vector>

#include "protocols/core/channel.h"
#include "protocols/core/run_result.h"
#include "protocols/frost/sign_protocol.h"

namespace smpc::frost {

struct Group {
  KeyShares keys;
  SignConfig cfg;
};
// Keys from Rng(seed, 0, "frost-dealer") (the setup phase), signers and messages as given.
Group make_group(std::uint64_t seed, int min, int n, std::vector<std::uint64_t> signers,
                 std::vector<Bytes> messages);

// Forwards everything, except that a "frost.share" message carries z_i + 1: the smallest
// wrong share, which only verify_signature_share can tell from a right one.
class ShareTamperChannel final : public Channel {
 public:
  explicit ShareTamperChannel(Channel& inner) : inner_(inner) {}
  PartyId self() const override { return inner_.self(); }
  int party_count() const override { return inner_.party_count(); }
  void send(PartyId to, std::string_view label, const Message& m) override;
  Message recv(PartyId from) override { return inner_.recv(from); }
  std::optional<Message> recv_until(PartyId from, SimTime deadline) override {
    return inner_.recv_until(from, deadline);
  }

 private:
  Channel& inner_;
};

// Each party's run_sign; `cheater` (> 0) sends tampered shares. `g` must outlive the run.
PartyBody sign_body(const Group& g, PartyId cheater = 0);
// Signature `index` of the coordinator's output words.
Signature signature_at(const std::vector<std::uint64_t>& words, std::size_t index);

// Audit checks (scenarios/mutant_audit.cpp): each returns runs, alarm and evidence.
struct FrostCheck {
  int runs = 0;
  bool alarm = false;
  std::string evidence;
};
// "frost-bad-share": 3-of-5, signers {2, 3, 5}, signer 3 adds one to its share, seeds 1..5;
// alarm = a run that does not abort blaming exactly party 3, or outputs a signature.
FrostCheck frost_bad_share_check();
// "frost-nonce-freshness": 2-of-3, signers {1, 3}, three messages, seeds 1..5; alarm = a
// signer's nonce commitment repeats across sessions of one run (the coordinator's transcript),
// whatever the run's outcome.
FrostCheck frost_nonce_freshness_check();

}  // namespace smpc::frost
