// FROST signing runs for the seeded-bug audit and the suites: a trusted-dealer group, the
// party body of run_sign (party 0 coordinates, party p signs with share p), a signer that adds
// one to its signature share, and the two audit checks (docs/applications.md, docs/audit.md).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "protocols/broadcast/dolev_strong.h"
#include "protocols/core/channel.h"
#include "protocols/core/run_result.h"
#include "protocols/frost/dkg.h"
#include "protocols/frost/sign_protocol.h"

namespace smpc::frost {

struct Group {
  KeyShares keys;
  SignConfig cfg;
};
// Keys from Rng(seed, 0, "frost-dealer") (the setup phase), signers and messages as given.
Group make_group(std::uint64_t seed, int min, int n, std::vector<std::uint64_t> signers,
                 std::vector<Bytes> messages);

// Forwards everything; messages under `label` go out as edit(to, message) instead: the
// attacks below (a signer's share, a DKG dealer's commitments, shares or proof).
class EditChannel final : public Channel {
 public:
  using Edit = std::function<Message(PartyId to, const Message&)>;
  EditChannel(Channel& inner, std::string_view label, Edit edit)
      : inner_(inner), label_(label), edit_(std::move(edit)) {}
  PartyId self() const override { return inner_.self(); }
  int party_count() const override { return inner_.party_count(); }
  void send(PartyId to, std::string_view label, const Message& m) override {
    inner_.send(to, label, label == label_ ? edit_(to, m) : m);
  }
  Message recv(PartyId from) override { return inner_.recv(from); }
  std::optional<Message> recv_until(PartyId from, SimTime deadline) override {
    return inner_.recv_until(from, deadline);
  }

 private:
  Channel& inner_;
  std::string label_;
  Edit edit_;
};

// The message with its byte part `part` (a 32-byte scalar) replaced by scalar + 1: the smallest
// wrong value, which only the protocol's checks can tell from the right one.
Message add_one_to_scalar(const Message& m, std::size_t part);
// The message with point `index` of its first part replaced by point + G.
Message add_generator_to_point(const Message& m, std::size_t index);

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

// A malicious dealer's own broadcast: its round-1 message under the DKG broadcast `label`
// (bytes: payload, an encoded message; bytes: signature) with the payload edited by
// edit(to, payload) and signed again with the attacker's key from the PKI run_dkg(ctx, t) uses
// (pki_from_seed(kDefaultPkiSeed, parties)): what a dealer that signs what it likes sends.
EditChannel::Edit resigned(PartyId attacker, int parties, std::string_view label,
                           EditChannel::Edit edit_payload);

// DKG runs: every party's result (an aborted party's slot stays empty), with `attacker`
// (≥ 0) sending its `label` messages through `edit`.
struct DkgRun {
  RunResult run;
  std::vector<std::optional<DkgResult>> results;
};
DkgRun run_dkg_local(int parties, int min, std::uint64_t seed, PartyId attacker = -1,
                     std::string_view label = {}, EditChannel::Edit edit = {});
// "" when every party other than `attacker` finished with the same group key, public shares
// and disqualified set, and s_i·G = PK_i for each of them; else the first difference.
std::string dkg_agreement(const DkgRun& r, PartyId attacker);
// "frost-dkg-inconsistent-dealer": n = 4, t = 2, seeds 1..3: party 1 sends commitments its
// shares do not match (φ_1 + G); alarm = an honest party does not disqualify it, or the
// honest parties' keys disagree or do not match their shares.
FrostCheck frost_dkg_inconsistent_dealer_check();

// Dolev–Strong runs (protocols/broadcast/dolev_strong.h) on LocalNetwork, f corruptions,
// Δ = 1 s, PKI pki_from_seed(seed, parties): sender s broadcasts broadcast_value(seed, s);
// `attacker` (≥ 0) sends its `label` messages through `edit`. results[p] = party p's output.
inline constexpr std::string_view kTestSendLabel = "test.bcast.send";
inline constexpr std::string_view kTestRelayLabel = "test.bcast.relay";
Bytes broadcast_value(std::uint64_t seed, PartyId sender);
BroadcastConfig test_broadcast_config(const Pki& pki, int f);
struct BroadcastRun {
  RunResult run;
  std::vector<std::vector<std::optional<Bytes>>> results;
};
BroadcastRun run_broadcast_local(int parties, int f, const std::vector<PartyId>& senders,
                                 std::uint64_t seed, PartyId attacker = -1,
                                 std::string_view label = {}, EditChannel::Edit edit = {});
// "" when every party but `attacker` output the same vector, and every honest sender's entry
// is its value; else the first difference.
std::string broadcast_agreement(const BroadcastRun& r, const std::vector<PartyId>& senders,
                                std::uint64_t seed, PartyId attacker);
// "frost-broadcast-forgery": n = 4, f = 1 (R = 2), sender 3 corrupted: it broadcasts its value
// to all in round 1, then in round 2 sends party 0 a second value with its own signature and a
// made-up one of party 1; seeds 1..3. Alarm = honest parties' outputs differ (the second value
// must be refused: it lacks a second valid signature).
FrostCheck frost_broadcast_forgery_check();

}  // namespace smpc::frost
