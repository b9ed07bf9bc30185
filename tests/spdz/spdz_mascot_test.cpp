// SPDZ with "preprocessing": "mascot" (protocols/spdz/mascot.h): honest runs equal the plain
// evaluation with exactly the bytes and rounds of the cost formula (spdz_mascot_cost, cost.h)
// for n = 2..4, several circuit sizes and output groups of 1-3 receivers (one y + r_a opened
// per receiver), preprocessing and online traffic under their own phases; tampering with the
// MASCOT messages of a corrupted party, or with its share of one receiver's output opening,
// makes the honest parties abort, never output a wrong value.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "protocols/core/local_network.h"
#include "protocols/spdz/cost.h"
#include "protocols/spdz/spdz.h"
#include "protocols/spdz/spec.h"
#include "simulator/sim_network.h"
#include "tests/support/adversary_steps.h"
#include "tests/support/random_circuit.h"
#include "tests/support/rc_budget.h"
#include "tests/support/run_stats.h"
#include "verify/oracle.h"
#include "verify/verdict.h"

namespace smpc {
namespace {

using testing::body_of;
using testing::bytes_by_label;
using testing::max_round;

ExactCost formula(const Circuit& c, int n, int k, const std::string& prep) {
  const ProtocolParams params = {{"mac_keys", k}, {"preprocessing", prep}};
  const auto& cost = spdz_spec().cost;
  return {cost.bytes_by_label(params, c, n), cost.rounds(params, c, n)};
}

// A generated case (random circuit, parties, inputs; gen_circuit restricts a third of the
// output groups to a random non-empty set of receivers), and in half of the cases the first
// output group restricted to at least two receivers, in a random order: MASCOT opens such a
// wire once per receiver.
testing::CircuitCase mascot_case(int min_parties, int max_parties) {
  auto cc = testing::gen_case(min_parties, max_parties, /*linear_only=*/false);
  if (*rc::gen::arbitrary<bool>()) {
    std::vector<PartyId> all;
    for (PartyId p = 0; p < cc.parties; ++p) all.push_back(p);
    const auto order = *rc::gen::container<std::vector<int>>(static_cast<std::size_t>(cc.parties),
                                                               rc::gen::arbitrary<int>());
    std::stable_sort(all.begin(), all.end(), [&](PartyId a, PartyId b) {
      return order[static_cast<std::size_t>(a)] < order[static_cast<std::size_t>(b)];
    });
    all.resize(static_cast<std::size_t>(*rc::gen::inRange(2, cc.parties + 1)));
    cc.circuit.outputs[0].receivers = all;
  }
  return cc;
}

Spdz mascot_spdz(const Circuit& c, int k) { return Spdz(c, k, 0, mascot_needs(c)); }

// The number of output groups with at least two receivers (for RC_TAG / RC_CLASSIFY).
std::size_t shared_groups(const Circuit& c) {
  std::size_t n = 0;
  for (const auto& g : c.outputs) n += g.receivers.size() > 1;
  return n;
}

std::uint64_t phase_bytes(const RunResult& r, const std::string& phase) {
  std::uint64_t b = 0;
  for (const auto& p : r.parties)
    if (p.meter.by_phase.count(phase)) b += p.meter.by_phase.at(phase).traffic.bytes;
  return b;
}

TEST(SpdzMascot, EqualsPlainEvaluationAndItsCostFormula) {
  testing::check_with_budget(10, [] {
    const auto cc = mascot_case(2, 4);
    const int k = *rc::gen::inRange(1, 3);
    RC_TAG(cc.parties, k, shared_groups(cc.circuit) > 0);
    const Spdz spdz = mascot_spdz(cc.circuit, k);
    const auto r = run_local(cc.parties, {*rc::gen::arbitrary<std::uint64_t>(), 60}, body_of(spdz, cc));
    const auto expected = ideal_outputs(cc.circuit, cc.inputs);
    RC_ASSERT(expected.ok());
    for (const auto& p : r.parties) {
      RC_ASSERT(p.status == PartyStatus::kOutput);
      RC_ASSERT(p.outputs == (*expected)[static_cast<std::size_t>(p.party)]);
    }
    const auto f = formula(cc.circuit, cc.parties, k, "mascot");
    RC_ASSERT(bytes_by_label(r) == f.bytes);
    RC_ASSERT(max_round(r) == f.rounds);
    // Preprocessing and online traffic apart: offline is exactly MASCOT's bytes, online the
    // formula's other labels (the dealer run's online bytes, with an output opening per
    // receiver of a restricted group).
    std::uint64_t mascot = 0;
    for (const auto& [label, b] : mascot_cost(mascot_needs(cc.circuit), cc.parties, k).bytes)
      mascot += b;
    RC_ASSERT(phase_bytes(r, "offline") == mascot);
    std::uint64_t online = 0;
    for (const auto& [label, b] : f.bytes)
      if (label.rfind("spdz.mascot.", 0) != 0) online += b;
    RC_ASSERT(phase_bytes(r, "online") == online);
    const auto dealer = formula(cc.circuit, cc.parties, k, "dealer");
    std::uint64_t openings = 0;
    for (const auto& g : cc.circuit.outputs)
      openings += g.wires.size() * std::max<std::size_t>(1, g.receivers.size());
    const auto pairs = static_cast<std::uint64_t>(cc.parties * (cc.parties - 1));
    RC_ASSERT(f.bytes.at("spdz.output") == pairs * field_message_bytes(openings));
    RC_ASSERT(f.bytes.at("spdz.output") - dealer.bytes.at("spdz.output") ==
              pairs * 8 * (openings - cc.circuit.output_count()));
  });
}

// n = 2..4 and 0, 1, 5 and 40 multiplications (40: one triple batch of 9952 OTs, five KOS
// batches), outputs public, to one party, to two and (n ≥ 3) to three: the formula's bytes and
// rounds, label by label.
TEST(SpdzMascot, CostFormulaForPartiesAndCircuitSizes) {
  for (int n : {2, 3, 4})
    for (std::uint32_t muls : {0u, 1u, 5u, 40u}) {
      if (n == 4 && muls == 40) continue;
      testing::CircuitCase cc;
      cc.parties = n;
      Circuit& c = cc.circuit;
      c.domain = CircuitDomain::kField61;
      c.inputs = {{"x", 0, {0}}, {"y", static_cast<PartyId>(n - 1), {1}}};
      cc.inputs.assign(static_cast<std::size_t>(n), {});
      cc.inputs[0].values = {3};
      cc.inputs[static_cast<std::size_t>(n - 1)].values = {5};
      c.num_wires = 2;
      std::uint32_t last = 0;
      for (std::uint32_t g = 0; g < muls; ++g) {
        c.gates.push_back({GateType::kMul, last, 1, c.num_wires, 0});
        last = c.num_wires++;
      }
      c.outputs = {{"y", {}, {last}}, {"mine", {0}, {1}}, {"pair", {PartyId{n - 1}, 0}, {last}}};
      if (n >= 3) c.outputs.push_back({"trio", {2, 0, 1}, {0, last}});
      const Spdz spdz = mascot_spdz(c, 1);
      const auto r = run_local(n, {7, 60}, body_of(spdz, cc));
      const auto expected = ideal_outputs(c, cc.inputs);
      ASSERT_TRUE(expected.ok());
      for (const auto& p : r.parties) {
        ASSERT_EQ(p.status, PartyStatus::kOutput) << p.abort_reason;
        EXPECT_EQ(p.outputs, (*expected)[static_cast<std::size_t>(p.party)]);
      }
      const auto f = formula(c, n, 1, "mascot");
      EXPECT_EQ(bytes_by_label(r), f.bytes) << n << " parties, " << muls << " multiplications";
      EXPECT_EQ(max_round(r), f.rounds) << n << " parties, " << muls << " multiplications";
    }
}

TEST(SpdzMascot, OnSimNetworkWithRandomLatencies) {
  testing::check_with_budget(6, [] {
    const auto cc = mascot_case(2, 3);
    const Spdz spdz = mascot_spdz(cc.circuit, 1);
    SimRunOptions o;
    o.seed = *rc::gen::arbitrary<std::uint64_t>();
    o.network.latency_s = *rc::gen::inRange(0, 200001) / 1e6;
    o.network.bandwidth_bytes_per_s = *rc::gen::element(1.0, 100.0, 1000.0) * 1e6 / 8;
    o.deadline_s = 1e5;
    const auto r = run_simulated(cc.parties, o, body_of(spdz, cc));
    RC_ASSERT(r.ok());
    const auto expected = ideal_outputs(cc.circuit, cc.inputs);
    for (const auto& p : r->parties) {
      RC_ASSERT(p.status == PartyStatus::kOutput);
      RC_ASSERT(p.outputs == (*expected)[static_cast<std::size_t>(p.party)]);
    }
    RC_ASSERT(max_round(*r) == formula(cc.circuit, cc.parties, 1, "mascot").rounds);
  });
}

// A corrupted party adds to one element of a MASCOT message (a wrong Gilboa share, a COPE
// message under an inconsistent Δ, a wrong y, ρ or z, a broken coin or σ): the honest parties
// abort and the verdict (correct output or abort) holds.
TEST(SpdzMascot, TamperingWithThePreprocessingMakesTheHonestPartiesAbort) {
  testing::CircuitCase cc;
  cc.parties = 3;
  Circuit& c = cc.circuit;
  c.domain = CircuitDomain::kField61;
  c.inputs = {{"a", 0, {0}}, {"b", 1, {1}}, {"c", 2, {2}}};
  c.num_wires = 5;
  c.gates = {{GateType::kMul, 0, 1, 3, 0}, {GateType::kMul, 3, 2, 4, 0}};
  c.outputs = {{"y", {}, {4}}};
  cc.inputs = {{{3}}, {{4}}, {{5}}};
  const Spdz spdz = mascot_spdz(c, 1);
  const auto expected = ideal_outputs(c, cc.inputs);
  ASSERT_TRUE(expected.ok());
  const std::vector<std::pair<std::string, std::size_t>> steps = {
      {"spdz.mascot.multiply", 0},  {"spdz.mascot.multiply", 300}, {"spdz.mascot.cope", 0},
      {"spdz.mascot.cope", 700},    {"spdz.mascot.auth.check", 0}, {"spdz.mascot.sacrifice", 1},
      {"spdz.mascot.sacrifice.zero", 0}, {"spdz.mascot.maccheck.open", 0}};
  std::size_t stopped = 0;
  for (const auto& [label, e] : steps) {
    std::vector<StrategyStep> program = {testing::add_step(label, e, 1 + e)};
    const auto r = run_local(3, {11 + e, 20}, testing::with_adversary({{1, program}}, body_of(spdz, cc)));
    for (const auto& p : r.parties) {
      if (p.party == 1) continue;
      if (p.status == PartyStatus::kOutput) {
        EXPECT_EQ(p.outputs, (*expected)[static_cast<std::size_t>(p.party)]) << label << " " << e;
      }
    }
    const auto v = judge(spdz.claim(3), r, *expected, {1}, AdversaryModel::kMalicious);
    EXPECT_TRUE(v.holds) << label << " " << e << ": " << v.explanation;
    stopped += r.parties[0].status == PartyStatus::kAbort && r.parties[2].status == PartyStatus::kAbort;
  }
  // A Gilboa element whose OT choice bit is 0 changes nothing (the selective failure the
  // combine step makes harmless), nor does a COPE element in a column where the receiver's
  // Δ_i = 0 (MASCOT §4: it learns that bit only by risking abort). Seeds 11 + e: of the two
  // single-element steps at e > 0, both hit such a zero bit; everything else stops.
  EXPECT_GE(stopped, steps.size() - 2);
}

// Output groups of two and three receivers, n = 3 and 4: party 2 (a receiver of the three-party
// group, without inputs) adds 1 to its share of one opening y + r_a of spdz.output, to everyone
// or only to that opening's receiver. MACCheck 2 must stop the honest parties before any of
// them unmasks: every honest party aborts, none outputs, and the verdict holds.
TEST(SpdzMascot, TamperingWithOneReceiversOutputOpeningMakesTheHonestPartiesAbort) {
  for (int n : {3, 4}) {
    testing::CircuitCase cc;
    cc.parties = n;
    Circuit& c = cc.circuit;
    c.domain = CircuitDomain::kField61;
    c.inputs = {{"a", 0, {0}}, {"b", 1, {1}}};
    c.num_wires = 4;
    c.gates = {{GateType::kMul, 0, 1, 2, 0}, {GateType::kAdd, 2, 0, 3, 0}};
    // Openings in order: (2, R 1), (2, R 0); (3, R 0), (3, R 2), (3, R 1); (2, public).
    c.outputs = {{"pair", {1, 0}, {2}}, {"trio", {0, 2, 1}, {3}}, {"all", {}, {2}}};
    cc.inputs.assign(static_cast<std::size_t>(n), {});
    cc.inputs[0].values = {6};
    cc.inputs[1].values = {7};
    const std::vector<PartyId> receiver = {1, 0, 0, 2, 1};
    const Spdz spdz = mascot_spdz(c, 1);
    const auto expected = ideal_outputs(c, cc.inputs);
    ASSERT_TRUE(expected.ok());
    const auto honest = run_local(n, {5, 60}, body_of(spdz, cc));
    EXPECT_EQ(bytes_by_label(honest).at("spdz.output"),
              static_cast<std::uint64_t>(n * (n - 1)) * field_message_bytes(6));
    for (std::size_t e = 0; e < receiver.size(); ++e)
      for (const std::optional<PartyId> to : {std::optional<PartyId>(), std::optional(receiver[e])}) {
        if (to == PartyId{2}) continue;  // party 2 would only lie to itself
        const std::string what = "n = " + std::to_string(n) + ", opening " + std::to_string(e) +
                                 (to ? ", to party " + std::to_string(*to) : ", to everyone");
        std::vector<StrategyStep> program = {testing::add_step("spdz.output", e, 1, to)};
        const auto r = run_local(n, {17 + e, 60},
                                 testing::with_adversary({{2, program}}, body_of(spdz, cc)));
        for (const auto& p : r.parties) {
          if (p.party == 2) continue;
          EXPECT_EQ(p.status, PartyStatus::kAbort) << what << ": party " << p.party;
          EXPECT_NE(p.abort_reason.find("MAC check 2"), std::string::npos)
              << what << ": party " << p.party << ": " << p.abort_reason;
          EXPECT_TRUE(p.outputs.empty()) << what;
        }
        const auto v = judge(spdz.claim(n), r, *expected, {2}, AdversaryModel::kMalicious);
        EXPECT_TRUE(v.holds) << what << ": " << v.explanation;
      }
  }
}

TEST(SpdzMascot, FactoryAndClaim) {
  testing::CircuitCase cc;
  Circuit& c = cc.circuit;
  c.domain = CircuitDomain::kField61;
  c.inputs = {{"a", 0, {0}}, {"b", 1, {1}}};
  c.num_wires = 3;
  c.gates = {{GateType::kMul, 0, 1, 2, 0}};
  c.outputs = {{"y", {0}, {2}}};
  const auto ok = make_spdz({{"preprocessing", "mascot"}}, c, 2);
  ASSERT_TRUE(ok.ok());
  EXPECT_NE((*ok)->claim(2).statement.find("preprocessing: mascot"), std::string::npos);
  // Without "preprocessing" the factory's default is MASCOT (issue 20); the dealer when asked.
  EXPECT_NE(make_spdz(nlohmann::json::object(), c, 2).value()->claim(2).statement.find(
                "preprocessing: mascot"),
            std::string::npos);
  EXPECT_NE(make_spdz({{"preprocessing", "dealer"}}, c, 2).value()->claim(2).statement.find(
                "preprocessing: dealer"),
            std::string::npos);
  // A group of two receivers: one opening per receiver under MASCOT, one with the dealer.
  c.outputs = {{"y", {0, 1}, {2}}};
  EXPECT_TRUE(make_spdz({{"preprocessing", "mascot"}}, c, 2).ok());
  EXPECT_EQ(mascot_needs(c).output_receiver,
            (std::vector<std::optional<PartyId>>{PartyId{0}, PartyId{1}}));
  EXPECT_EQ(spdz_output_openings(c, SpdzOutputMasks::kPerGroup).size(), 1u);
  EXPECT_TRUE(make_spdz({{"preprocessing", "dealer"}}, c, 2).ok());
  EXPECT_FALSE(make_spdz({{"preprocessing", "bogus"}}, c, 2).ok());
}

}  // namespace
}  // namespace smpc
