// rep3 and rep3_malicious with roles (docs/applications.md "Replicated 3PC with clients"):
// three servers, input clients and output receivers. Random Boolean and Z_2^64 circuits against
// the plain evaluation at exactly every party's bytes (rep3_party_bytes) and the spec's cost;
// auctions among bidder clients through the scenario pipeline; a client's inconsistent sharing
// and a server's tampered output pair make rep3_malicious abort; the verdict's view of clients.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <map>

#include "protocols/core/local_network.h"
#include "protocols/core/protocol_spec.h"
#include "protocols/rep3/labels.h"
#include "protocols/rep3/rep3.h"
#include "protocols/rep3/rep3_malicious.h"
#include "protocols/rep3/spec.h"
#include "scenarios/runner.h"
#include "scenarios/scenario.h"
#include "scenarios/scenario_builder.h"
#include "tests/gmw/gmw_test_util.h"
#include "tests/support/random_circuit.h"
#include "tests/support/scenario_run.h"

namespace smpc {
namespace {

using Json = nlohmann::json;

// Every party's outputs: the plain evaluation's values delivered to it.
std::vector<std::vector<std::uint64_t>> plain_outputs(const gmw_test::BooleanCase& bc) {
  const auto all = evaluate(bc.circuit, bc.group_values);
  RC_ASSERT(all.ok());
  std::vector<std::vector<std::uint64_t>> per(static_cast<std::size_t>(bc.parties));
  std::size_t k = 0;
  for (const auto& grp : bc.circuit.outputs)
    for (std::size_t w = 0; w < grp.wires.size(); ++w, ++k)
      for (PartyId p = 0; p < bc.parties; ++p)
        if (grp.delivered_to(p)) per[static_cast<std::size_t>(p)].push_back((*all)[k]);
  return per;
}

// A random Z_2^64 circuit (random_circuit.h's arithmetic shapes read as ring circuits) among
// 3 servers and 0-5 clients, inputs anywhere in the ring.
gmw_test::BooleanCase gen_ring_case() {
  gmw_test::BooleanCase bc;
  bc.parties = *rc::gen::inRange(kRep3Parties, kRep3Parties + 6);
  bc.circuit = testing::gen_circuit(bc.parties, /*linear_only=*/false);
  bc.circuit.domain = CircuitDomain::kRing64;
  bc.inputs.resize(static_cast<std::size_t>(bc.parties));
  for (const auto& grp : bc.circuit.inputs) {
    bc.group_values.emplace_back();
    for (std::size_t k = 0; k < grp.wires.size(); ++k) {
      const auto v = *rc::gen::arbitrary<std::uint64_t>();
      bc.group_values.back().push_back(v);
      bc.inputs[static_cast<std::size_t>(grp.owner)].values.push_back(v);
    }
  }
  return bc;
}

// Random circuits among 3 servers and 0-5 clients (any party may own inputs or receive
// outputs), both protocols, Boolean or Z_2^64: outputs, each party's bytes sent and received,
// the bytes per label and the rounds equal the formulas.
void check_random_roles(bool malicious) {
  const bool ring = *rc::gen::arbitrary<bool>();
  const auto bc = ring ? gen_ring_case() : gmw_test::gen_case(kRep3Parties, kRep3Parties + 5, 30);
  RC_TAG(bc.parties, ring);
  const ProtocolParams params = {{kServersParam, kRep3Parties}};
  const ProtocolSpec& spec = malicious ? rep3_malicious_spec() : rep3_spec();
  const auto made = spec.make(params, bc.circuit, bc.parties);
  RC_ASSERT(made.ok());
  const auto seed = *rc::gen::inRange<std::uint64_t>(0, 1u << 30);
  const auto r = run_local(bc.parties, {seed, 60}, [&](PartyContext& ctx) {
    return (*made)->run(ctx, bc.inputs[static_cast<std::size_t>(ctx.net.self())]);
  });
  const auto want = plain_outputs(bc);
  const auto per_party = rep3_party_bytes(bc.circuit, bc.parties, malicious);
  std::map<std::string, std::uint64_t> bytes;
  std::uint32_t rounds = 0;
  for (const auto& p : r.parties) {
    const auto i = static_cast<std::size_t>(p.party);
    RC_ASSERT(p.status == PartyStatus::kOutput);
    RC_ASSERT(p.outputs == want[i]);
    RC_ASSERT(p.meter.sent.bytes == per_party[i].sent);
    RC_ASSERT(p.meter.received.bytes == per_party[i].received);
    for (const auto& [label, s] : p.meter.by_label) bytes[label] += s.traffic.bytes;
    rounds = std::max(rounds, p.meter.max_round);
  }
  RC_ASSERT(bytes == spec.cost.bytes_by_label(params, bc.circuit, bc.parties));
  RC_ASSERT(rounds == spec.cost.rounds(params, bc.circuit, bc.parties));
}

RC_GTEST_PROP(Rep3Clients, RandomCircuitsMatchPlainEvaluationAndPerPartyBytes, ()) {
  check_random_roles(false);
}

RC_GTEST_PROP(Rep3MaliciousClients, RandomCircuitsMatchPlainEvaluationAndPerPartyBytes, ()) {
  check_random_roles(true);
}

// A client sends 3 · elem(2 I_c) and receives 3 · elem(O_c) (rep3) or 3 · elem(2 O_c)
// (rep3_malicious), written out for one case: 16-bit bids, a 20-bit result.
TEST(Rep3Clients, ClientBytesByHand) {
  // 4 bidders (parties 3-6) with 16-bit bids, the analyst (7) gets 3 + 16 bits.
  ScenarioBuilder b("rep3 clients bytes");
  b.protocol("rep3", Json::object())
      .parties(8)
      .roles(Roles{3, {7}})
      .function({{"name", "first_price_auction"}, {"bits", 16}})
      .inputs({Json::array(), Json::array(), Json::array(), Json{4100}, Json{5200}, Json{3900},
               Json{5200}, Json::array()});
  for (const bool malicious : {false, true}) {
    SCOPED_TRACE(malicious);
    if (malicious) b.protocol("rep3_malicious", Json::object());
    const RunRecord rec = test::run_scenario_ok(b);
    EXPECT_TRUE(rec.verdict_holds) << rec.explanation;
    EXPECT_EQ(rec.outcome, Outcome::kCorrect) << rec.explanation;
    EXPECT_EQ(rec.outputs.back()["winner"], 4);
    EXPECT_EQ(rec.outputs.back()["price"], 5200);
    const auto& bidder = rec.run.parties.at(3).meter;
    EXPECT_EQ(bidder.sent.bytes, 3u * (6 + 4));  // 32 bits: 16 first, 16 second components
    EXPECT_EQ(bidder.received.bytes, 0u);
    const auto& analyst = rec.run.parties.at(7).meter;
    // The output: a 3-bit winner index and a 16-bit price, 19 bits.
    EXPECT_EQ(analyst.received.bytes, malicious ? 3u * (6 + 5) : 3u * (6 + 3));
    EXPECT_EQ(analyst.sent.bytes, 0u);
  }
}

// Random bids among 2-6 bidder clients, both protocols and both auction kinds: the analyst's
// winner and price are the plain auction's (highest bid, lowest index on ties).
TEST(Rep3Clients, RandomAuctionsMatchThePlainAuction) {
  rc::check([] {
    const int bidders = *rc::gen::inRange(2, 7);
    const bool malicious = *rc::gen::arbitrary<bool>();
    const bool vickrey = *rc::gen::arbitrary<bool>();
    const auto bids = *rc::gen::container<std::vector<std::uint64_t>>(
        static_cast<std::size_t>(bidders), rc::gen::inRange<std::uint64_t>(0, 256));
    std::vector<Json> inputs(3, Json::array());
    for (auto v : bids) inputs.push_back(Json{v});
    inputs.push_back(Json::array());
    const int parties = static_cast<int>(inputs.size());
    ScenarioBuilder b("rep3 clients auction");
    b.protocol(malicious ? "rep3_malicious" : "rep3", Json::object())
        .parties(parties)
        .roles(Roles{3, {parties - 1}})
        .function({{"name", vickrey ? "second_price_auction" : "first_price_auction"}, {"bits", 8}})
        .inputs(inputs)
        .seed(*rc::gen::inRange<std::uint64_t>(0, 1u << 30));
    const RunRecord rec = test::run_scenario_ok(b);
    RC_ASSERT(rec.verdict_holds);
    RC_ASSERT(rec.outcome == Outcome::kCorrect);
    std::size_t win = 0;
    for (std::size_t k = 1; k < bids.size(); ++k)
      if (bids[k] > bids[win]) win = k;
    std::uint64_t second = 0;
    for (std::size_t k = 0; k < bids.size(); ++k)
      if (k != win) second = std::max(second, bids[k]);
    const auto& out = rec.outputs.back();
    RC_ASSERT(out["winner"].get<std::uint64_t>() == 3 + win);
    RC_ASSERT(out["price"].get<std::uint64_t>() == (vickrey ? second : bids[win]));
  });
}

// Client `client` of the XOR circuit (scenarios/examples/circuits/xor_1bit.txt: clients 3 and 4
// give one bit each, the servers receive the XOR) flips element 1 of its input message to
// server 1: server 1's second component s_2, whose other copy server 2 holds as its first. The
// bit reaches the outputs through no AND gate, so only the clients' input comparison (step 6c)
// can see it.
ScenarioBuilder xor_inconsistent(const std::string& protocol) {
  ScenarioBuilder b("rep3 clients inconsistent sharing");
  b.protocol(protocol, Json::object())
      .parties(5)
      .roles(Roles{3, {0, 1, 2}})
      .function({{"name", "circuit"},
                 {"file", std::string(SMPC_SOURCE_DIR) +
                              "/scenarios/examples/circuits/xor_1bit.txt"},
                 {"input_owners", {3, 4}}})
      .inputs({Json::array(), Json::array(), Json::array(), Json{1}, Json{0}})
      .adversary({3}, AdversaryModel::kMalicious,
                 Json::array({{{"strategy", "bit_flip"},
                               {"label", std::string(labels::rep3::kInput)},
                               {"to", {1}},
                               {"element", 1},
                               {"bit", 0}}}));
  return b;
}

// Every party owed an output aborts. The honest input-only client finishes (it is owed
// nothing and waits for nothing), so the verdict's outcome reads "ended differently", within
// the claim (verify/verdict.cpp classify).
void expect_owed_parties_abort(const RunRecord& rec, const std::vector<PartyId>& owed) {
  EXPECT_TRUE(rec.verdict_holds) << rec.explanation;
  EXPECT_EQ(rec.scope, ClaimScope::kWithin) << rec.explanation;
  EXPECT_EQ(rec.outcome, Outcome::kDisagreement) << rec.explanation;
  for (PartyId p : owed)
    EXPECT_EQ(rec.run.parties.at(static_cast<std::size_t>(p)).status, PartyStatus::kAbort)
        << "party " << p << ": " << rec.explanation;
}

TEST(Rep3MaliciousClients, InconsistentClientSharingAborts) {
  expect_owed_parties_abort(test::run_scenario_ok(xor_inconsistent("rep3_malicious")), {0, 1, 2});
}

// The same inconsistent sharing in an auction (every bid bit feeds an AND gate): abort too.
TEST(Rep3MaliciousClients, InconsistentBidSharingAborts) {
  ScenarioBuilder b("rep3 clients inconsistent bid");
  b.protocol("rep3_malicious", Json::object())
      .parties(7)
      .roles(Roles{3, {6}})
      .function({{"name", "first_price_auction"}, {"bits", 4}})
      .inputs({Json::array(), Json::array(), Json::array(), Json{9}, Json{12}, Json{5},
               Json::array()})
      .adversary({4}, AdversaryModel::kMalicious,
                 Json::array({{{"strategy", "bit_flip"},
                               {"label", std::string(labels::rep3::kInput)},
                               {"to", {2}},
                               {"element", 6},
                               {"bit", 0}}}));
  expect_owed_parties_abort(test::run_scenario_ok(b), {6});
}

// Against semi-honest rep3 the same client is outside the model (rep3 does not check a
// client's sharing), as for BGW; the verdict still holds (it says so).
TEST(Rep3Clients, MaliciousClientIsOutsideTheSemiHonestModel) {
  const RunRecord rec = test::run_scenario_ok(xor_inconsistent("rep3"));
  EXPECT_TRUE(rec.verdict_holds) << rec.explanation;
  EXPECT_EQ(rec.scope, ClaimScope::kOutsideModel) << rec.explanation;
}

// A corrupted client substituting its bid (15: four 1 bits) is within both claims: judged on
// the input the extractor reads from the honest servers' components (correct_with_substitution).
TEST(Rep3Clients, SubstitutedBidIsExtractedFromTheServers) {
  for (const char* protocol : {"rep3", "rep3_malicious"}) {
    SCOPED_TRACE(protocol);
    ScenarioBuilder b("rep3 clients substitution");
    b.protocol(protocol, Json::object())
        .parties(7)
        .roles(Roles{3, {6}})
        .function({{"name", "first_price_auction"}, {"bits", 4}})
        .inputs({Json::array(), Json::array(), Json::array(), Json{9}, Json{12}, Json{5},
                 Json::array()})
        .adversary({5}, AdversaryModel::kMalicious,
                   Json::array({{{"strategy", "input_substitution"}, {"value", {1, 1, 1, 1}}}}));
    const RunRecord rec = test::run_scenario_ok(b);
    EXPECT_TRUE(rec.verdict_holds) << rec.explanation;
    EXPECT_EQ(rec.scope, ClaimScope::kWithin) << rec.explanation;
    EXPECT_EQ(rec.outcome, Outcome::kCorrectWithSubstitution) << rec.explanation;
    EXPECT_EQ(rec.outputs.back()["winner"], 5);
    EXPECT_EQ(rec.outputs.back()["price"], 15);
  }
}

// Corrupted clients do not count against the bound; two corrupted servers do.
TEST(Rep3Clients, OnlyServersCountAgainstTheBound) {
  ScenarioBuilder b("rep3 clients bound");
  b.protocol("rep3", Json::object())
      .parties(7)
      .roles(Roles{3, {6}})
      .function({{"name", "first_price_auction"}, {"bits", 4}})
      .inputs({Json::array(), Json::array(), Json::array(), Json{9}, Json{12}, Json{5},
               Json::array()});
  b.adversary({0, 3, 4, 5}, AdversaryModel::kSemiHonest);
  RunRecord rec = test::run_scenario_ok(b);
  EXPECT_TRUE(rec.verdict_holds) << rec.explanation;
  EXPECT_EQ(rec.scope, ClaimScope::kWithin) << rec.explanation;
  b.adversary({0, 1, 3}, AdversaryModel::kSemiHonest);
  rec = test::run_scenario_ok(b);
  EXPECT_EQ(rec.scope, ClaimScope::kOutsideBound) << rec.explanation;
}

// Server 2 (malicious, no input) adds 1 to every element of the output pair it sends the
// analyst: the analyst's two copies of s_2 (and s_0) differ, so it aborts.
TEST(Rep3MaliciousClients, TamperedOutputPairMakesTheClientAbort) {
  ScenarioBuilder b("rep3 clients output tamper");
  b.protocol("rep3_malicious", Json::object())
      .parties(7)
      .roles(Roles{3, {6}})
      .function({{"name", "first_price_auction"}, {"bits", 4}})
      .inputs({Json::array(), Json::array(), Json::array(), Json{9}, Json{12}, Json{5},
               Json::array()})
      .adversary({2}, AdversaryModel::kMalicious,
                 Json::array({{{"strategy", "add"},
                               {"label", std::string(labels::rep3m::kOutput)},
                               {"to", {6}},
                               {"element", "all"},
                               {"delta", 1}}}));
  const RunRecord rec = test::run_scenario_ok(b);
  EXPECT_TRUE(rec.verdict_holds) << rec.explanation;
  EXPECT_EQ(rec.run.parties.at(6).status, PartyStatus::kAbort) << rec.explanation;
}

// Factories: three servers exactly; the parameter is the runner's.
TEST(Rep3Clients, FactoryWantsThreeServers) {
  Circuit c;
  c.domain = CircuitDomain::kBoolean;
  const auto r = make_rep3({{kServersParam, 4}}, c, 6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "/roles/servers: rep3 runs with exactly 3 servers, got 4");
  const auto m = make_rep3_malicious(Json::object(), c, 5);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().message(), "/parties: rep3_malicious runs with exactly 3 parties, got 5");
}

// scenarios/examples/rep3_clients.json: accepted by the runner, verdict ok, the plain winner.
TEST(Rep3ClientsExample, AuctionAmongFourBidders) {
  auto s = load_scenario_file(std::string(SMPC_SOURCE_DIR) +
                              "/scenarios/examples/rep3_clients.json");
  ASSERT_TRUE(s.ok()) << s.status().message();
  const auto rec = run_scenario(*s, {});
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  EXPECT_TRUE(rec->verdict_holds) << rec->explanation;
  EXPECT_EQ(rec->outcome, Outcome::kCorrect) << rec->explanation;
  EXPECT_EQ(rec->outputs.back()["winner"], 5);
  EXPECT_EQ(rec->outputs.back()["price"], 230);
}

}  // namespace
}  // namespace smpc
