// Dolev–Strong authenticated broadcast (protocols/broadcast/dolev_strong.h), the FROST DKG's
// broadcast: honest senders are delivered to everyone at exactly dolev_strong_cost; an
// equivocating sender leaves every honest party with the same value or the same ⊥; a relay
// that forwards selectively, or sends garbage, changes nothing; a value forged in the last
// round is refused (seeded bug M70, which stops verifying relayed signatures, is caught).
#include <gtest/gtest.h>

#include "protocols/core/mutants.h"
#include "scenarios/frost_checks.h"
#include "tests/support/run_stats.h"

namespace smpc::frost {
namespace {

std::vector<std::size_t> sizes_of(const std::vector<PartyId>& senders, std::uint64_t seed) {
  std::vector<std::size_t> out;
  for (PartyId s : senders) out.push_back(broadcast_value(seed, s).size());
  return out;
}

TEST(DolevStrong, SignaturesBindTagSenderAndValue) {
  const Pki pki = pki_from_seed(5, 3);
  const Bytes v{1, 2, 3};
  const auto sig = broadcast_sign(pki.secret_keys[1], "tag", 1, v);
  EXPECT_TRUE(broadcast_verify(pki.public_keys[1], "tag", 1, v, sig));
  EXPECT_FALSE(broadcast_verify(pki.public_keys[2], "tag", 1, v, sig));  // another signer
  EXPECT_FALSE(broadcast_verify(pki.public_keys[1], "tah", 1, v, sig));  // another instance
  EXPECT_FALSE(broadcast_verify(pki.public_keys[1], "tag", 2, v, sig));  // another sender
  EXPECT_FALSE(broadcast_verify(pki.public_keys[1], "tag", 1, Bytes{1, 2, 4}, sig));
  EXPECT_NE(pki_from_seed(6, 3).public_keys[1], pki.public_keys[1]);
  EXPECT_EQ(pki_from_seed(5, 3).public_keys, pki.public_keys);  // deterministic setup
}

TEST(DolevStrong, RelayEncodingRoundTripsAndRefusesMalformedBytes) {
  RelayEntry e{2, {9, 8, 7}, {{2, Signature64{}}, {0, Signature64{}}}};
  e.chain[1].second[5] = 3;
  const Bytes b = encode_relay({e, e});
  EXPECT_EQ(b.size(), 2 * (12 + 3 + 68 * 2u));
  const auto back = decode_relay(b, 3);
  ASSERT_TRUE(back.has_value());
  ASSERT_EQ(back->size(), 2u);
  EXPECT_EQ((*back)[1].value, e.value);
  EXPECT_EQ((*back)[1].chain, e.chain);
  EXPECT_FALSE(decode_relay(Bytes(b.begin(), b.end() - 1), 3).has_value());  // truncated
  EXPECT_FALSE(decode_relay(b, 2).has_value());                             // sender 2 of 2
  EXPECT_TRUE(decode_relay(Bytes{}, 3).has_value());                        // empty relay
}

// Every (parties, f, senders) of a small grid: every party outputs every sender's value, and
// bytes by label and causal rounds equal dolev_strong_cost.
TEST(DolevStrong, HonestSendersReachEveryoneAtTheExactCost) {
  for (int n = 2; n <= 5; ++n)
    for (int f = 0; f < n; ++f) {
      std::vector<PartyId> senders;
      for (PartyId p = 0; p < n; p += 1 + (f % 2)) senders.push_back(p);
      const std::uint64_t seed = 100 + static_cast<std::uint64_t>(10 * n + f);
      const BroadcastRun r = run_broadcast_local(n, f, senders, seed);
      const std::string where = "n = " + std::to_string(n) + ", f = " + std::to_string(f);
      EXPECT_EQ(broadcast_agreement(r, senders, seed, -1), "") << where;
      const Pki pki = pki_from_seed(seed, n);
      const BroadcastCost c = dolev_strong_cost(test_broadcast_config(pki, f), n, sizes_of(senders, seed));
      EXPECT_EQ(smpc::testing::bytes_by_label(r.run), c.bytes) << where;
      EXPECT_EQ(smpc::testing::max_round(r.run), c.rounds) << where;
    }
}

// The formula written out: N = 4, f = 2 (R = 3), senders of 10 and 20 bytes.
TEST(DolevStrong, CostFormulaByHand) {
  const Pki pki = pki_from_seed(1, 4);
  const BroadcastCost c = dolev_strong_cost(test_broadcast_config(pki, 2), 4, {10, 20});
  EXPECT_EQ(c.bytes.at(std::string(kTestSendLabel)), 3u * (75 + 10) + 3u * (75 + 20));
  EXPECT_EQ(c.bytes.at(std::string(kTestRelayLabel)),
            3u * (6 * 4 + 3 * ((148 + 10) + (148 + 20))) + 1u * 4 * 3 * 6);
  EXPECT_EQ(c.rounds, 3u);
}

// Sender 0 signs two values: party 1 gets v', the others v. Every honest party sees both by
// the end, so all output ⊥ for sender 0 (and the honest senders' values), for every f ≥ 1.
TEST(DolevStrong, EquivocatingSenderGivesEveryHonestPartyTheSameBottom) {
  for (int f = 1; f <= 3; ++f) {
    const std::uint64_t seed = 7 + static_cast<std::uint64_t>(f);
    const Pki pki = pki_from_seed(seed, 4);
    const Bytes other{'o', 't', 'h', 'e', 'r'};
    const BroadcastRun r = run_broadcast_local(
        4, f, {0, 2}, seed, 0, kTestSendLabel, [&](PartyId to, const Message& m) {
          if (to != 1) return m;
          return Message().add_bytes(other).add_bytes(
              broadcast_sign(pki.secret_keys[0], "test.bcast", 0, other));
        });
    EXPECT_EQ(broadcast_agreement(r, {0, 2}, seed, 0), "") << "f = " << f;
    for (PartyId p : {1, 2, 3}) EXPECT_FALSE(r.results[static_cast<std::size_t>(p)][0].has_value());
  }
}

// Sender 0 sends its value to party 3 only (the others get a tampered, unsigned copy): the
// relays carry it to everyone, who all output it.
TEST(DolevStrong, SenderThatReachesOnePartyIsDeliveredByTheRelays) {
  const std::uint64_t seed = 21;
  const BroadcastRun r = run_broadcast_local(
      4, 1, {0}, seed, 0, kTestSendLabel, [](PartyId to, const Message& m) {
        return to == 3 ? m : Message().add_bytes(Bytes{0});
      });
  EXPECT_EQ(broadcast_agreement(r, {0}, seed, 0), "");
  for (PartyId p : {1, 2, 3})
    EXPECT_EQ(r.results[static_cast<std::size_t>(p)][0], broadcast_value(seed, 0)) << p;
}

// A corrupted relay (party 2) forwards only to party 1 (empty relays to the others), or sends
// garbage: honest senders' values still reach every honest party.
TEST(DolevStrong, SelectiveOrGarbageRelayChangesNothing) {
  const std::vector<PartyId> senders{0, 1, 3};
  const BroadcastRun selective = run_broadcast_local(
      5, 2, senders, 31, 2, kTestRelayLabel, [](PartyId to, const Message& m) {
        return to == 1 ? m : Message().add_bytes(Bytes{});
      });
  EXPECT_EQ(broadcast_agreement(selective, senders, 31, 2), "");
  const BroadcastRun garbage = run_broadcast_local(
      5, 2, senders, 32, 2, kTestRelayLabel,
      [](PartyId, const Message&) { return Message().add_bytes(Bytes{1, 2, 3, 4, 5}); });
  EXPECT_EQ(broadcast_agreement(garbage, senders, 32, 2), "");
}

TEST(DolevStrong, ForgedLastRoundValueIsRefused) {
  const FrostCheck c = frost_broadcast_forgery_check();
  EXPECT_EQ(c.runs, 3);
  EXPECT_FALSE(c.alarm) << c.evidence;
}

TEST(DolevStrong, SeededBugM70UnverifiedRelaySignaturesIsCaught) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const ScopedMutant m(Mutant::kM70);
  const FrostCheck c = frost_broadcast_forgery_check();
  EXPECT_TRUE(c.alarm);
  EXPECT_NE(c.evidence.find("disagrees"), std::string::npos) << c.evidence;
}

}  // namespace
}  // namespace smpc::frost
