#include "protocols/frost/scenario_protocol.h"

#include "protocols/core/mutants.h"
#include "protocols/core/message.h"

namespace smpc::frost {
namespace {

constexpr PartyId kCoordinator = 0;

SignConfig sign_config(const SigningShape& shape, const GroupInfo& group, double margin_s) {
  return {group, shape.signers, shape.messages, margin_s};
}

}  // namespace

SecurityClaim frost_claim(int parties, int min_participants) {
  const int t = min_participants;
  SecurityClaim c{
      AdversaryModel::kMalicious, t - 1, OutputGuarantee::kCorrectOrAccountableAbort,
      "malicious, up to t-1 = " + std::to_string(t - 1) + " of the " + std::to_string(parties) +
          " parties (coordinator and participants), with a PKI (Ed25519 keys) and synchronous "
          "rounds (messages within round_timeout_s); the DKG never aborts and every honest party "
          "gets the same group key (Dolev-Strong broadcast of its published messages), and the "
          "coordinator signatures that verify under it as plain Schnorr, or honest parties abort; "
          "an abort names only corrupted parties (a signer stopping on the coordinator's notice "
          "names nobody), and an honest coordinator that aborts names at least one corrupted "
          "signer (identifiable abort)"};
  c.accountable = 0;  // the coordinator
  return c;
}

SecurityClaim FrostProtocol::claim(int parties) const { return frost_claim(parties, min_); }

std::vector<std::uint64_t> key_words(const RistrettoPoint& pk) {
  const PointBytes b = pk.bytes();
  std::vector<std::uint64_t> w;
  for (std::size_t i = 0; i < kKeyWords; ++i) w.push_back(load_le64(b.data() + 8 * i));
  return w;
}

PointBytes key_of_words(const std::uint64_t* words) {
  PointBytes b;
  for (std::size_t i = 0; i < kKeyWords; ++i)
    for (std::size_t j = 0; j < 8; ++j) b[8 * i + j] = static_cast<std::uint8_t>(words[i] >> (8 * j));
  return b;
}

PartyOutput FrostProtocol::run_steps(PartyContext& ctx, const PartyInput& /*input*/) const {
  // Step 1: the coordinator (party 0) observes, the participants 1..n deal.
  const DkgResult keys =
      run_dkg(ctx, DkgSetup{min_, /*first_dealer=*/1, &pki_, timing_.round_timeout_s});
  // Step 2: signing with the DKG's group.
  const auto sigs =
      run_sign(ctx, sign_config(shape_, keys.group, timing_.round_timeout_s), keys.share);
  PartyOutput out{key_words(keys.group.group_public_key)};
  auto words = signature_words(sigs);
  // Seeded bug M65: the coordinator outputs z + 1 in the last signature: a signature that does
  // not verify, which only a verdict that verifies signatures can tell from a good one.
  if (mutant_active(Mutant::kM65) && ctx.net.self() == kCoordinator && !words.empty())
    words[words.size() - kSignatureWords / 2] += 1;
  out.values.insert(out.values.end(), words.begin(), words.end());
  return out;
}

SignCost frost_cost(const SigningShape& shape, int parties, int min_participants) {
  SignCost c = dkg_cost(parties - 1, min_participants, /*observers=*/1);
  const SignConfig cfg{{}, shape.signers, shape.messages};
  const SignCost s = sign_cost(cfg);
  for (const auto& [label, bytes] : s.bytes) c.bytes[label] += bytes;
  c.rounds += s.rounds;
  std::erase_if(c.bytes, [](const auto& entry) { return entry.second == 0; });  // n = 1: no shares
  return c;
}

}  // namespace smpc::frost
