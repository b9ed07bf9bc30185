// MASCOT preprocessing (protocols/spdz/mascot.h) as a library: honest runs give MAC-consistent
// authenticated values and correct triples for n = 2..4 and 1-2 MAC keys; a party that sends
// wrong Gilboa messages (a wrong triple share) is caught by the sacrifice, one that sends wrong
// COPE messages (MACs under an inconsistent Δ) by the MAC check, one that uses inconsistent KOS
// choice bits by the KOS check; with M68 (sacrifice skipped) the wrong triple goes through.
#include "protocols/core/forwarding_channel.h"
#include "protocols/spdz/mascot.h"

#include <gtest/gtest.h>

#include <functional>

#include "protocols/core/local_network.h"
#include "protocols/core/mutants.h"
#include "protocols/spdz/labels.h"

namespace smpc {
namespace {

// Party `from`'s outgoing channel: edits the first message with `label` by `edit`.
class Tamper final : public ForwardingChannel {
 public:
  Tamper(Channel& inner, std::string label, std::function<void(Message&)> edit)
      : ForwardingChannel(inner), label_(std::move(label)), edit_(std::move(edit)) {}
  void send(PartyId to, std::string_view label, const Message& m) override {
    if (label != label_ || done_) return inner_.send(to, label, m);
    done_ = true;
    Message t = m;
    edit_(t);
    inner_.send(to, label, t);
  }

 private:
  std::string label_;
  std::function<void(Message&)> edit_;
  bool done_ = false;
};

// Adds 1 to field elements [first, first + count) of part 0.
std::function<void(Message&)> add_one(std::size_t first, std::size_t count) {
  return [first, count](Message& m) {
    auto& d = m.mutable_parts()[0].data;
    for (std::size_t e = first; e < first + count && 8 * e < d.size(); ++e)
      store_le64(&d[8 * e], (Fp61::from_u64(load_le64(&d[8 * e])) + Fp61::from_u64(1)).value());
  };
}

struct Outcome {
  std::vector<SpdzPreprocessing> prep;
  RunResult result;
};

Outcome run_mascot(int n, int k, const MascotNeeds& needs, std::uint64_t seed,
                   const std::string& tamper_label = "",
                   std::function<void(Message&)> edit = nullptr, double timeout_s = 60) {
  Outcome o;
  o.prep.resize(static_cast<std::size_t>(n));
  o.result = run_local(n, {seed, timeout_s}, [&](PartyContext& ctx) {
    const PartyId me = ctx.net.self();
    Tamper bad(ctx.net, tamper_label, edit);
    Channel& net = me == 1 && edit ? static_cast<Channel&>(bad) : ctx.net;
    o.prep[static_cast<std::size_t>(me)] = mascot_preprocess(net, ctx.rng, k, needs);
    return PartyOutput{};
  });
  return o;
}

MascotNeeds some_needs(int n, std::size_t triples) {
  MascotNeeds needs;
  needs.triples = triples;
  for (PartyId p = 0; p < n; ++p) needs.input_owner.push_back(p);
  needs.input_owner.push_back(0);
  // A public output, then one wire of the group {n − 1, 0}: one mask per receiver
  // (spdz_output_openings, kPerReceiver).
  needs.output_receiver = {std::nullopt, PartyId{n - 1}, PartyId{0}};
  return needs;
}

// Σ_i value_i and, per key, Σ_i mac_i − α·Σ value_i (0 when the MACs are right).
struct Opened {
  Fp61 value;
  bool macs_ok = true;
};
Opened open(const Outcome& o, int k, const std::function<const AuthShare&(const SpdzPreprocessing&)>& pick) {
  Opened out;
  std::array<Fp61, kSpdzMaxMacKeys> alpha{}, mac{};
  for (const auto& p : o.prep) {
    out.value += pick(p).value;
    for (int l = 0; l < k; ++l) alpha[l] += p.alpha[l], mac[l] += pick(p).mac[l];
  }
  for (int l = 0; l < k; ++l) out.macs_ok = out.macs_ok && mac[l] == alpha[l] * out.value;
  return out;
}

TEST(Mascot, HonestRunsGiveAuthenticatedTriplesAndMasks) {
  for (int n : {2, 3, 4})
    for (int k : {1, 2}) {
      if (n == 4 && k == 2) continue;
      const MascotNeeds needs = some_needs(n, 3);
      const Outcome o = run_mascot(n, k, needs, 100 + static_cast<std::uint64_t>(10 * n + k));
      for (const auto& p : o.result.parties) ASSERT_EQ(p.status, PartyStatus::kOutput) << p.party << ": " << p.abort_reason;
      for (std::size_t g = 0; g < needs.triples; ++g) {
        const auto a = open(o, k, [g](const SpdzPreprocessing& p) -> const AuthShare& { return p.triples[g].a; });
        const auto b = open(o, k, [g](const SpdzPreprocessing& p) -> const AuthShare& { return p.triples[g].b; });
        const auto c = open(o, k, [g](const SpdzPreprocessing& p) -> const AuthShare& { return p.triples[g].c; });
        EXPECT_TRUE(a.macs_ok && b.macs_ok && c.macs_ok) << n << " " << k << " " << g;
        EXPECT_EQ(c.value, a.value * b.value) << n << " " << k << " " << g;
        EXPECT_NE(a.value, Fp61());
      }
      for (std::size_t w = 0; w < needs.input_owner.size(); ++w) {
        const auto r = open(o, k, [w](const SpdzPreprocessing& p) -> const AuthShare& { return p.input_mask[w]; });
        EXPECT_TRUE(r.macs_ok);
        EXPECT_EQ(r.value, o.prep[static_cast<std::size_t>(needs.input_owner[w])].input_mask_clear[w]);
      }
      EXPECT_FALSE(o.prep[0].output_mask[0].has_value());
      // Each receiver's mask: authenticated, known in the clear to that receiver only.
      for (std::size_t e : {std::size_t{1}, std::size_t{2}}) {
        const auto s = open(o, k, [e](const SpdzPreprocessing& p) -> const AuthShare& { return *p.output_mask[e]; });
        EXPECT_TRUE(s.macs_ok) << n << " " << k << " " << e;
        const auto owner = static_cast<std::size_t>(*needs.output_receiver[e]);
        EXPECT_EQ(s.value, o.prep[owner].output_mask_clear[e]);
        for (std::size_t p = 0; p < o.prep.size(); ++p)
          if (p != owner) {
            EXPECT_EQ(o.prep[p].output_mask_clear[e], Fp61()) << p;
          }
      }
    }
}

bool every_party_aborted_with(const RunResult& r, const std::string& reason) {
  for (const auto& p : r.parties)
    if (p.status != PartyStatus::kAbort || p.abort_reason.find(reason) == std::string::npos)
      return false;
  return true;
}

// Party 1 adds 1 to every Gilboa message of triple 0 it sends to party 0: as if it multiplied
// with b + 1, a wrong triple share that the sacrifice must catch.
TEST(Mascot, WrongTripleShareIsCaughtByTheSacrifice) {
  const MascotNeeds needs = some_needs(3, 2);
  for (std::uint64_t seed : {1, 2, 3}) {
    const Outcome o = run_mascot(3, 1, needs, seed, std::string(labels::spdz::kMascotMultiply),
                                 add_one(0, kMascotTau * kMascotBits));
    EXPECT_TRUE(every_party_aborted_with(o.result, "sacrifice failed")) << seed;
  }
}

TEST(Mascot, WithM68TheWrongTripleGoesThrough) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  ScopedMutant m(Mutant::kM68);
  const MascotNeeds needs = some_needs(3, 2);
  const Outcome o = run_mascot(3, 1, needs, 1, std::string(labels::spdz::kMascotMultiply),
                               add_one(0, kMascotTau * kMascotBits));
  for (const auto& p : o.result.parties) ASSERT_EQ(p.status, PartyStatus::kOutput) << p.party << ": " << p.abort_reason;
  const auto a = open(o, 1, [](const SpdzPreprocessing& p) -> const AuthShare& { return p.triples[0].a; });
  const auto b = open(o, 1, [](const SpdzPreprocessing& p) -> const AuthShare& { return p.triples[0].b; });
  const auto c = open(o, 1, [](const SpdzPreprocessing& p) -> const AuthShare& { return p.triples[0].c; });
  EXPECT_NE(c.value, a.value * b.value);
}

// Party 1's COPE message to party 0 shifted in every column of its first value (x_0): MACs
// under party 0's Δ for another value than the others authenticate.
TEST(Mascot, InconsistentCopeMessagesAreCaughtByTheMacCheck) {
  const MascotNeeds needs = some_needs(2, 1);
  const std::size_t v = 1 + 5 * needs.triples + 1;  // party 1's values: x_0, a triple, 1 input
  for (std::uint64_t seed : {1, 2}) {
    const Outcome o = run_mascot(2, 1, needs, seed, std::string(labels::spdz::kMascotCope),
                                 [v](Message& m) {
                                   for (std::size_t c = 0; c < kMascotBits; ++c) add_one(c * v, 1)(m);
                                 });
    EXPECT_TRUE(every_party_aborted_with(o.result, "MASCOT MAC check failed")) << seed;
  }
}

// KOS inside MASCOT: party 1 flips bit 5 of its first u message in half the columns.
TEST(Mascot, InconsistentKosChoicesAreCaughtByTheKosCheck) {
  const MascotNeeds needs = some_needs(2, 1);
  const Outcome o = run_mascot(2, 1, needs, 4, std::string(labels::spdz::kMascotOt) + ".extend",
                               [](Message& m) {
                                 auto& u = m.mutable_parts()[0];
                                 for (std::size_t i = 0; i < 64; ++i) u.data[2 * i * (u.count / 8)] ^= 0x20;
                               },
                               /*timeout_s=*/2);  // party 1 then waits for party 0 in vain
  EXPECT_EQ(o.result.parties[0].status, PartyStatus::kAbort);
  EXPECT_NE(o.result.parties[0].abort_reason.find("KOS consistency check failed"), std::string::npos)
      << o.result.parties[0].abort_reason;
}

}  // namespace
}  // namespace smpc
