// Robust BGW: honest runs equal the plain evaluation with exactly the documented bytes and
// rounds (bgw_robust.h); with t corrupted parties sending wrong values or nothing, every honest
// party outputs the correct value; with t + 1 the verdict says the claim does not apply.
//
// "Correct" is the ideal world's: f on the honest inputs and on *some* inputs of the corrupted
// parties (a corrupted dealer may share another value, or be disqualified and get the default
// 0). To know which, the test circuits also output every input wire of the corrupted parties,
// and the expected outputs are the plain evaluation on those values.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <mutex>
#include <numeric>

#include "protocols/bgw/bgw_robust.h"
#include "protocols/bgw/bivariate_vss.h"
#include "protocols/bgw/phase_king.h"
#include "protocols/bgw/spec.h"
#include "protocols/core/local_network.h"
#include "protocols/core/mutants.h"
#include "simulator/sim_network.h"
#include "tests/support/random_circuit.h"
#include "tests/support/run_stats.h"
#include "tests/support/rc_budget.h"
#include "tests/support/adversary_steps.h"
#include "verify/oracle.h"
#include "verify/verdict.h"

namespace smpc {
namespace {


// LocalNetwork runs on the wall clock: there the corrupted parties tamper but never fall silent,
// so no deadline is ever waited for and a generous Δ cannot make a slow honest thread look
// silent. Silence is tested on SimNetwork, where waiting costs simulated time only.
constexpr double kLocalRound = 5.0;
constexpr double kSimRound = 1.0;

SimRunOptions sim_options(std::uint64_t seed) {
  SimRunOptions o;
  o.seed = seed;
  o.deadline_s = 1e6;
  return o;
}

// The spec's cost formula (protocols/bgw/cost.h), which reports and docs quote.
ExactCost robust_formula(const Circuit& c, int n, int t) {
  const ProtocolParams params = {{"threshold", t}};
  const auto& cost = bgw_robust_spec().cost;
  return {cost.bytes_by_label(params, c, n), cost.rounds(params, c, n)};
}

using testing::body_of;
using testing::bytes_by_label;
using testing::max_round;

RC_GTEST_PROP(BgwRobust, EqualsPlainEvaluationAndItsCostFormula, ()) {
  testing::CircuitCase cc;
  cc.parties = *rc::gen::inRange(1, 8);
  cc.circuit = testing::gen_circuit(cc.parties, /*linear_only=*/false, /*max_depth=*/3);
  cc.inputs = testing::gen_inputs(cc.circuit, cc.parties);
  const int t = *rc::gen::inRange(0, (cc.parties - 1) / 3 + 1);
  RC_TAG(cc.parties, t);
  const BgwRobust bgw(cc.circuit, t, 5.0);
  const auto r =
      run_local(cc.parties, {*rc::gen::arbitrary<std::uint64_t>(), 600}, body_of(bgw, cc));
  const auto expected = ideal_outputs(cc.circuit, cc.inputs);
  RC_ASSERT(expected.ok());
  for (const auto& p : r.parties) {
    RC_ASSERT(p.status == PartyStatus::kOutput);
    RC_ASSERT(p.outputs == (*expected)[static_cast<std::size_t>(p.party)]);
  }
  const auto f = robust_formula(cc.circuit, cc.parties, t);
  RC_ASSERT(bytes_by_label(r) == f.bytes);
  if (cc.parties >= 3) RC_ASSERT(max_round(r) == f.rounds);
}

// x·y for vectors of length `len` held by parties 0 and 1: one layer of `len` products.
testing::CircuitCase inner_product(int n, std::uint32_t len = 4) {
  testing::CircuitCase cc;
  cc.parties = n;
  Circuit& c = cc.circuit;
  c.domain = CircuitDomain::kField61;
  c.inputs = {{"x", 0, {}}, {"y", 1, {}}};
  cc.inputs.assign(static_cast<std::size_t>(n), {});
  for (std::uint32_t k = 0; k < len; ++k) {
    c.inputs[0].wires.push_back(k);
    c.inputs[1].wires.push_back(len + k);
    cc.inputs[0].values.push_back(k + 1);
    cc.inputs[1].values.push_back(len + k + 1);
  }
  c.num_wires = 2 * len;
  std::vector<std::uint32_t> prods;
  for (std::uint32_t k = 0; k < len; ++k) {
    c.gates.push_back({GateType::kMul, k, len + k, c.num_wires, 0});
    prods.push_back(c.num_wires++);
  }
  std::uint32_t acc = prods[0];
  for (std::size_t k = 1; k < len; ++k) {
    c.gates.push_back({GateType::kAdd, acc, prods[k], c.num_wires, 0});
    acc = c.num_wires++;
  }
  c.outputs = {{"ip", {}, {acc}}};
  return cc;
}

std::uint64_t phase_bytes(const RunResult& r, const std::string& phase) {
  std::uint64_t total = 0;
  for (const auto& p : r.parties)
    if (p.meter.by_phase.count(phase)) total += p.meter.by_phase.at(phase).traffic.bytes;
  return total;
}

// The documented marginal cost: one more multiplication in a layer adds exactly
// 8n(n−1)(3(t+1) + 5n) bytes to the layer and no round.
TEST(BgwRobust, BytesAndRoundsPerMultiplication) {
  for (const auto& [n, t] : {std::pair{4, 1}, std::pair{7, 2}, std::pair{5, 0}}) {
    const auto four = inner_product(n, 4), five = inner_product(n, 5);
    const BgwRobust a(four.circuit, t, kLocalRound), b(five.circuit, t, kLocalRound);
    const auto ra = run_local(n, {1, 600}, body_of(a, four));
    const auto rb = run_local(n, {1, 600}, body_of(b, five));
    const auto un = static_cast<std::uint64_t>(n), ut = static_cast<std::uint64_t>(t);
    EXPECT_EQ(phase_bytes(rb, "mult") - phase_bytes(ra, "mult"),
              8 * un * (un - 1) * (3 * (ut + 1) + 5 * un));
    EXPECT_EQ(max_round(ra), max_round(rb));
    EXPECT_EQ(rb.parties[2].outputs,
              std::vector<std::uint64_t>{1 * 6 + 2 * 7 + 3 * 8 + 4 * 9 + 5 * 10});
    // One layer: 5 + 5B rounds; a robust opening of m values: one round, n(n−1)(6 + 8m) bytes.
    const auto layer = 5 + 5 * broadcast_rounds(t);
    EXPECT_EQ(max_round(ra), static_cast<std::uint32_t>(vss_rounds(t) + layer + 1));
    EXPECT_EQ(bytes_by_label(ra).at("bgwr.mult.open_rho"), un * (un - 1) * (6 + 8 * un * 4));
  }
}

TEST(BgwRobust, FourPartyInnerProductCost) {
  // The worked example of the class comment: n = 4, t = 1, one layer of 4 products, 78 rounds.
  const auto cc = inner_product(4);
  const BgwRobust bgw(cc.circuit, 1, 5.0);
  const auto r = run_local(4, {1, 600}, body_of(bgw, cc));
  for (const auto& p : r.parties) EXPECT_EQ(p.outputs, std::vector<std::uint64_t>{70});
  EXPECT_EQ(max_round(r), 78u);
  EXPECT_EQ(broadcast_rounds(1), 7);
  EXPECT_EQ(vss_rounds(1), 37);
  const auto b = bytes_by_label(r);
  EXPECT_EQ(b.at("bgwr.mult.open_rho"), 12u * (6 + 8 * 4 * 4));
  EXPECT_EQ(b.at("bgwr.output"), 4u * 3 * (6 + 8));
  EXPECT_EQ(b, robust_formula(cc.circuit, 4, 1).bytes);
  // Per-phase totals are what the report breaks down.
  std::uint64_t input = 0;
  for (const auto& p : r.parties) input += p.meter.by_phase.at("input").traffic.bytes;
  EXPECT_GT(input, 0u);
}

TEST(BgwRobust, FactoryParameters) {
  const auto cc = inner_product(7);
  const auto ok = make_bgw_robust(nlohmann::json::object(), cc.circuit, 7);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(dynamic_cast<const BgwRobust&>(**ok).threshold(), 2);
  EXPECT_TRUE(make_bgw_robust({{"threshold", 1}, {"round_timeout_s", 0.5}}, cc.circuit, 7).ok());
  const auto bad = make_bgw_robust({{"threshold", 3}}, cc.circuit, 7);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message().rfind("/protocol/threshold:", 0), 0u) << bad.status().message();
  EXPECT_NE(bad.status().message().find("n >= 3t + 1"), std::string::npos);
  const auto timeout = make_bgw_robust({{"round_timeout_s", 0}}, cc.circuit, 7);
  ASSERT_FALSE(timeout.ok());
  EXPECT_EQ(timeout.status().message().rfind("/protocol/round_timeout_s:", 0), 0u);
  const auto claim = BgwRobust(cc.circuit, 2, 1.0).claim(7);
  EXPECT_EQ(claim.model, AdversaryModel::kMalicious);
  EXPECT_EQ(claim.max_corruptions, 2);
  EXPECT_EQ(claim.guarantee, OutputGuarantee::kGuaranteedOutputDelivery);
}

const std::vector<std::string> kLabels = {"",
                                          "bgwr.vss.rows",
                                          "bgwr.vss.pairwise",
                                          "bgwr.bcast.send",
                                          "bgwr.bcast.vote",
                                          "bgwr.bcast.propose",
                                          "bgwr.bcast.king",
                                          "bgwr.mult.challenge",
                                          "bgwr.mult.open_rho",
                                          "bgwr.mult.open_z",
                                          "bgwr.output"};

// One corrupted party's behaviour on one label (maybe toward one recipient): add to one
// element, randomize every element, or (allow_silence) drop that label's messages.
std::vector<StrategyStep> gen_behaviour(int n, bool allow_silence) {
  const std::string label = *rc::gen::elementOf(kLabels);
  const auto element = *rc::gen::inRange<std::size_t>(0, 60);
  const auto delta = *rc::gen::inRange<std::uint64_t>(1, Fp61::kModulus);
  const int to = *rc::gen::element(-1, *rc::gen::inRange(0, n));
  const auto recipient = to < 0 ? std::nullopt : std::optional<PartyId>(to);
  switch (*rc::gen::inRange(0, allow_silence ? 3 : 2)) {
    case 0: return {testing::add_step(label, element, delta, recipient)};
    case 1: return {testing::randomize_all_step(label, recipient)};
    default: return {testing::drop_step(label)};
  }
}

// The circuit plus one public output per input wire of the corrupted parties, so that the
// inputs they effectively used can be read from the honest outputs.
testing::CircuitCase expose_inputs(testing::CircuitCase cc, const std::vector<PartyId>& corrupted) {
  for (PartyId p : corrupted) {
    const auto wires = cc.circuit.input_wires_of(p);
    if (!wires.empty()) cc.circuit.outputs.push_back({"used_by_" + std::to_string(p), {}, wires});
  }
  return cc;
}

// Checks the ideal-world correctness of honest outputs: every honest party has an output, and
// it equals f(honest inputs, the corrupted inputs the exposed outputs report).
void check_correct(const testing::CircuitCase& cc, const RunResult& r,
                   const std::vector<PartyId>& corrupted, const SecurityClaim& claim) {
  const auto is_corrupted = [&](PartyId p) {
    return std::find(corrupted.begin(), corrupted.end(), p) != corrupted.end();
  };
  PartyId witness = -1;
  for (const auto& p : r.parties) {
    RC_ASSERT(is_corrupted(p.party) || p.status == PartyStatus::kOutput);
    if (!is_corrupted(p.party) && witness < 0) witness = p.party;
  }
  // The exposed outputs are the last ones, in corrupted-party order.
  auto inputs = cc.inputs;
  const auto& out = r.parties[static_cast<std::size_t>(witness)].outputs;
  std::size_t at = out.size();
  for (auto it = corrupted.rbegin(); it != corrupted.rend(); ++it) {
    auto& v = inputs[static_cast<std::size_t>(*it)].values;
    at -= v.size();
    v.assign(out.begin() + static_cast<std::ptrdiff_t>(at),
             out.begin() + static_cast<std::ptrdiff_t>(at + v.size()));
  }
  const auto expected = ideal_outputs(cc.circuit, inputs);
  RC_ASSERT(expected.ok());
  for (const auto& p : r.parties)
    if (!is_corrupted(p.party))
      RC_ASSERT(p.outputs == (*expected)[static_cast<std::size_t>(p.party)]);
  const auto v = judge(claim, r, *expected, corrupted, AdversaryModel::kMalicious);
  RC_ASSERT(v.holds);
  RC_ASSERT(v.outcome == Outcome::kCorrect);
}

std::vector<PartyId> gen_corrupted(int n, int count) {
  std::vector<PartyId> all(static_cast<std::size_t>(n));
  std::iota(all.begin(), all.end(), 0);
  std::vector<PartyId> out;
  while (static_cast<int>(out.size()) < count) {
    const PartyId p = *rc::gen::elementOf(all);
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

RC_GTEST_PROP(BgwRobust, TCorruptedPartiesNeverStopTheCorrectOutput, ()) {
  const int n = *rc::gen::element(4, 5, 7);
  const int t = (n - 1) / 3;
  const auto corrupted = gen_corrupted(n, t);
  testing::CircuitCase cc;
  cc.parties = n;
  cc.circuit = testing::gen_circuit(n, /*linear_only=*/false, /*max_depth=*/2);
  cc.inputs = testing::gen_inputs(cc.circuit, n);
  cc = expose_inputs(cc, corrupted);
  std::map<PartyId, std::vector<StrategyStep>> behaviour;
  for (PartyId p : corrupted) behaviour[p] = gen_behaviour(n, false);
  RC_TAG(n, behaviour.begin()->second[0].label.value_or(""));
  const BgwRobust bgw(cc.circuit, t, kLocalRound);
  const auto r = run_local(n, {*rc::gen::arbitrary<std::uint64_t>(), 600},
                           testing::with_adversary(behaviour, body_of(bgw, cc)));
  check_correct(cc, r, corrupted, bgw.claim(n));
}

// Every element position of every label, one at a time, on one corrupted party (n = 4, t = 1):
// the honest parties always output the correct value.
TEST(BgwRobust, TamperingAnyElementOfAnyLabelNeverChangesTheOutput) {
  testing::CircuitCase cc = inner_product(4);
  cc.circuit.outputs[0].receivers = {0, 3};  // a private output too
  cc.circuit.outputs.push_back({"x3y3", {}, {11}});
  for (PartyId corrupted : {1, 2}) {
    const auto exposed = expose_inputs(cc, {corrupted});
    const BgwRobust bgw(exposed.circuit, 1, 5.0);
    const auto positions = testing::sent_elements(
        run_local(4, {1, 600}, testing::recording(corrupted, body_of(bgw, exposed))), corrupted);
    std::size_t runs = 0, substituted = 0, caught = 0;
    for (const auto& [label, count] : positions)
      for (std::size_t e = 0; e < count; e += (count > 40 ? 7 : 1)) {
        const auto r = run_local(
            4, {e, 600},
            testing::with_adversary({{corrupted, {testing::add_step(label, e, 1 + 31 * e)}}},
                                    body_of(bgw, exposed)));
        SCOPED_TRACE(label + " element " + std::to_string(e));
        for (const auto& p : r.parties) {
          if (p.party == corrupted) continue;
          ASSERT_EQ(p.status, PartyStatus::kOutput) << p.abort_reason;
        }
        // The corrupted party's inputs are used unchanged except when the tampering shifted a
        // row's constant term for every recipient: that shares another value consistently,
        // which is an input substitution, reported by the exposed outputs.
        const auto& w = r.parties[corrupted == 1 ? 0u : 1u].outputs;
        auto inputs = exposed.inputs;
        const auto mine = exposed.circuit.input_wires_of(corrupted);
        for (std::size_t k = 0; k < mine.size(); ++k)
          inputs[static_cast<std::size_t>(corrupted)].values[k] = w[w.size() - mine.size() + k];
        caught += r.parties[corrupted == 1 ? 0u : 1u].meter.by_label.count("bgwr.mult.reveal");
        substituted += inputs[static_cast<std::size_t>(corrupted)].values !=
                       exposed.inputs[static_cast<std::size_t>(corrupted)].values;
        if (label != "bgwr.vss.rows") {
          EXPECT_EQ(inputs[static_cast<std::size_t>(corrupted)].values,
                    exposed.inputs[static_cast<std::size_t>(corrupted)].values);
        }
        const auto expected = ideal_outputs(exposed.circuit, inputs);
        for (const auto& p : r.parties)
          if (p.party != corrupted) {
            EXPECT_EQ(p.outputs, (*expected)[static_cast<std::size_t>(p.party)]);
          }
        ++runs;
      }
    EXPECT_GT(runs, 100u);
    // Shifting the constant term of a dealt product makes its product check fail: the dealer is
    // caught and its product recomputed from its revealed shares.
    EXPECT_GT(caught, 0u);
    // A shifted constant term of a dealt row shares another input consistently (party 1 deals
    // inputs; party 2 deals only products, which the product check protects).
    if (corrupted == 1) {
      EXPECT_GT(substituted, 0u);
    } else {
      EXPECT_EQ(substituted, 0u);
    }
  }
}

// With the seeded bug M14 (output reconstruction without error correction) tampering with the
// output shares changes honest outputs: the tamper test above is what catches M14.
TEST(BgwRobust, WithM14TamperingTheOutputSharesGivesWrongOutputs) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const ScopedMutant m14(Mutant::kM14);
  ASSERT_TRUE(m14.status().ok());
  const auto cc = inner_product(4);
  const BgwRobust bgw(cc.circuit, 1, 5.0);
  const auto expected = ideal_outputs(cc.circuit, cc.inputs);
  ASSERT_TRUE(expected.ok());
  const auto positions = testing::sent_elements(
      run_local(4, {1, 600}, testing::recording(1, body_of(bgw, cc))), 1);
  std::size_t wrong = 0;
  for (std::size_t e = 0; e < positions.at("bgwr.output"); ++e) {
    const auto r = run_local(
        4, {e, 600},
        testing::with_adversary({{1, {testing::add_step("bgwr.output", e, 1 + 31 * e)}}},
                                body_of(bgw, cc)));
    for (const auto& p : r.parties)
      wrong += p.party != 1 && p.status == PartyStatus::kOutput &&
               p.outputs != (*expected)[static_cast<std::size_t>(p.party)];
  }
  EXPECT_GT(wrong, 0u);
}

TEST(BgwRobust, TSilentPartiesStillGiveTheCorrectOutput) {
  const auto cc = expose_inputs(inner_product(7), {1, 5});
  const BgwRobust bgw(cc.circuit, 2, kSimRound);
  const std::vector<StrategyStep> silent = {testing::drop_step("")};
  const auto run = run_simulated(
      7, sim_options(9), testing::with_adversary({{1, silent}, {5, silent}}, body_of(bgw, cc)));
  ASSERT_TRUE(run.ok()) << run.status().message();
  const RunResult& r = *run;
  // One wait per silent party (at the first round it is expected to send in), then network
  // speed.
  EXPECT_LT(r.simulated_time_s, 3 * kSimRound);
  for (const auto& p : r.parties)
    if (p.party != 1 && p.party != 5) {
      ASSERT_EQ(p.status, PartyStatus::kOutput) << p.abort_reason;
      // Party 1's inputs were never shared: it is disqualified and its inputs default to 0.
      EXPECT_EQ(p.outputs, (std::vector<std::uint64_t>{0, 0, 0, 0, 0}));
    }
}

// More than t corrupted parties: outside the claim, and the verdict says so; the protocol must
// still end (it may abort or give a wrong output).
TEST(BgwRobust, MoreThanTCorruptedIsOutsideTheClaim) {
  const auto cc = inner_product(4);
  const BgwRobust bgw(cc.circuit, 1, kSimRound);
  const auto expected = ideal_outputs(cc.circuit, cc.inputs);
  for (const StrategyStep& step : {testing::randomize_all_step(""), testing::add_step("", 3, 12345),
                                   testing::drop_step("")}) {
    const auto r = run_simulated(
        4, sim_options(2), testing::with_adversary({{2, {step}}, {3, {step}}}, body_of(bgw, cc)));
    ASSERT_TRUE(r.ok()) << r.status().message();
    const auto v = judge(bgw.claim(4), *r, *expected, {2, 3}, AdversaryModel::kMalicious);
    EXPECT_TRUE(v.holds);
    EXPECT_EQ(v.explanation.rfind("outside the claim", 0), 0u) << v.explanation;
  }
}

// SimNetwork: random latencies, t corrupted parties that tamper or fall silent at any point
// (crash at a label); waiting for them costs simulated time only.
TEST(BgwRobust, OnSimNetworkWithCrashesAndLatencies) {
  testing::check_with_budget(30, [] {
    const int n = *rc::gen::element(4, 7);
    const int t = (n - 1) / 3;
    const auto corrupted = gen_corrupted(n, *rc::gen::inRange(0, t + 1));
    testing::CircuitCase cc;
    cc.parties = n;
    cc.circuit = testing::gen_circuit(n, /*linear_only=*/false, /*max_depth=*/2);
    cc.inputs = testing::gen_inputs(cc.circuit, n);
    cc = expose_inputs(cc, corrupted);
    std::map<PartyId, std::vector<StrategyStep>> behaviour;
    for (PartyId p : corrupted) behaviour[p] = gen_behaviour(n, true);
    SimRunOptions o = sim_options(*rc::gen::arbitrary<std::uint64_t>());
    o.network.latency_s = *rc::gen::inRange(0, 200001) / 1e6;
    o.network.bandwidth_bytes_per_s = *rc::gen::element(10.0, 100.0, 1000.0) * 1e6 / 8;
    const BgwRobust bgw(cc.circuit, t, kSimRound);
    const auto r = run_simulated(n, o, testing::with_adversary(behaviour, body_of(bgw, cc)));
    RC_ASSERT(r.ok());
    check_correct(cc, *r, corrupted, bgw.claim(n));
    if (corrupted.empty()) {
      RC_ASSERT(bytes_by_label(*r) == robust_formula(cc.circuit, n, t).bytes);
      RC_ASSERT(max_round(*r) == robust_formula(cc.circuit, n, t).rounds);
    }
  });
}

}  // namespace
}  // namespace smpc
