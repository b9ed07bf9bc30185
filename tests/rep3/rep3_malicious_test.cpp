// rep3_malicious over LocalNetwork and SimNetwork: random Boolean and Z_2^64 circuits against
// the plain evaluation at exactly rep3_malicious_cost's bytes and rounds; the bucket sizes;
// determinism; the factory's errors; and the checks at work: a corrupted party that adds an
// error to products, triples, openings, views or output shares makes the honest parties abort
// (never output a wrong value).
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "protocols/core/forwarding_channel.h"
#include "protocols/core/local_network.h"
#include "protocols/rep3/labels.h"
#include "protocols/rep3/rep3_malicious.h"
#include "scenarios/runner.h"
#include "scenarios/scenario.h"
#include "scenarios/scenario_builder.h"
#include "simulator/sim_network.h"
#include "tests/rep3/rep3_test_util.h"

namespace smpc {
namespace {

using rep3_test::Case;
using Json = nlohmann::json;

RunResult run_case(const Case& c, std::uint64_t seed) {
  return rep3_test::run_local_case(make_rep3_malicious, c, seed);
}

// Outputs equal the plain evaluation's; bytes and rounds equal rep3_malicious_cost, and the
// rounds are the multiplicative depth + 6 (+ 2 without multiplications) with outputs.
void check_run(const Case& c, const RunResult& r) {
  const ExactCost cost = rep3_malicious_cost(c.circuit);
  rep3_test::check_outputs_and_cost(c, r, cost);
  const std::uint32_t depth = nonlinear_depth(c.circuit);
  if (c.circuit.output_count() > 0) RC_ASSERT(cost.rounds == depth + (depth > 0 ? 6u : 3u));
}

RC_GTEST_PROP(Rep3MaliciousBoolean, RandomCircuitsMatchThePlainEvaluationAtTheExactCost, ()) {
  const Case c = rep3_test::gen_boolean(40);
  check_run(c, run_case(c, *rc::gen::inRange<std::uint64_t>(0, 1u << 30)));
}

RC_GTEST_PROP(Rep3MaliciousRing, RandomCircuitsMatchThePlainEvaluationAtTheExactCost, ()) {
  const Case c = rep3_test::gen_ring();
  check_run(c, run_case(c, *rc::gen::inRange<std::uint64_t>(0, 1u << 30)));
}

// Random latencies (0–200 ms per link) on SimNetwork, both domains: the same outputs, bytes and
// rounds, and at least one link latency of simulated time per causal round.
RC_GTEST_PROP(Rep3MaliciousSim, RandomLatenciesChangeNothingButTime, ()) {
  const Case c = *rc::gen::arbitrary<bool>() ? rep3_test::gen_boolean(30) : rep3_test::gen_ring();
  SimRunOptions o;
  o.seed = *rc::gen::inRange<std::uint64_t>(0, 1u << 30);
  double min_latency = 1;
  for (PartyId i = 0; i < 3; ++i)
    for (PartyId j = 0; j < 3; ++j)
      if (i != j) {
        const double l = *rc::gen::inRange(0, 200001) / 1e6;
        o.network.overrides.push_back({i, j, l, 1e9});
        min_latency = std::min(min_latency, l);
      }
  o.deadline_s = 600;
  const auto made = make_rep3_malicious({}, c.circuit, kRep3Parties);
  RC_ASSERT(made.ok());
  const auto r = run_simulated(kRep3Parties, o, [&](PartyContext& ctx) {
    return (*made)->run(ctx, c.inputs[static_cast<std::size_t>(ctx.net.self())]);
  });
  RC_ASSERT(r.ok());
  check_run(c, *r);
  RC_ASSERT(r->simulated_time_s + 1e-9 >= rep3_malicious_cost(c.circuit).rounds * min_latency);
}

// B is the smallest bucket size with M^(B−1) >= 2^40 over M = max(N, 1024) buckets.
TEST(Rep3MaliciousBuckets, SizesFollowTheStatisticalBound) {
  EXPECT_EQ(rep3_buckets(0).triples(), 0u);
  const auto small = rep3_buckets(34);
  EXPECT_EQ(small.buckets, 1024u);
  EXPECT_EQ(small.size, 5u);
  EXPECT_EQ(small.opened, 5u);
  EXPECT_EQ(small.triples(), 1024u * 5 + 5);
  EXPECT_EQ(small.checked(), 1024u * 4 + 34);
  EXPECT_EQ(rep3_buckets(1u << 14).size, 4u);   // 3 · 14 >= 40 > 2 · 14
  EXPECT_EQ(rep3_buckets(1u << 20).size, 3u);   // the paper's B = 3 at N = 2^20
  EXPECT_EQ(rep3_buckets(640000).size, 4u);     // AES-128 × 100: 2 · 19.3 < 40
}

// A one-layer circuit: k products x_j · y_j, inputs from parties 0 and 1, output to everyone.
Circuit one_layer(CircuitDomain d, std::uint32_t k) {
  Circuit c;
  c.domain = d;
  InputGroup x{"x", 0, {}}, y{"y", 1, {}};
  for (std::uint32_t j = 0; j < k; ++j) x.wires.push_back(c.num_wires++);
  for (std::uint32_t j = 0; j < k; ++j) y.wires.push_back(c.num_wires++);
  OutputGroup out{"z", {}, {}};
  for (std::uint32_t j = 0; j < k; ++j) {
    c.gates.push_back({d == CircuitDomain::kBoolean ? GateType::kAnd : GateType::kMul,
                       x.wires[j], y.wires[j], c.num_wires, 0});
    out.wires.push_back(c.num_wires++);
  }
  c.inputs = {x, y};
  c.outputs = {out};
  return c;
}

Case layer_case(CircuitDomain d, std::uint32_t k) {
  Case c{one_layer(d, k), {}};
  c.inputs.resize(3);
  for (std::uint64_t j = 0; j < k; ++j) {
    const bool boolean = d == CircuitDomain::kBoolean;
    c.inputs[0].values.push_back(boolean ? j % 2 : ~j);
    c.inputs[1].values.push_back(boolean ? (j % 3 == 0) : j * 0x9e3779b97f4a7c15ull);
  }
  return c;
}

TEST(Rep3Malicious, DeterministicPerSeed) {
  const Case c = layer_case(CircuitDomain::kBoolean, 70);
  const auto a = run_case(c, 11), b = run_case(c, 11), other = run_case(c, 12);
  for (std::size_t p = 0; p < 3; ++p) {
    EXPECT_EQ(a.parties[p].outputs, b.parties[p].outputs);
    EXPECT_EQ(a.parties[p].meter, b.parties[p].meter);
    EXPECT_EQ(a.parties[p].annotations, b.parties[p].annotations);
    EXPECT_EQ(a.parties[p].outputs, other.parties[p].outputs);
  }
}

TEST(Rep3Malicious, FactoryErrorsNameThePointer) {
  const Circuit boolean = one_layer(CircuitDomain::kBoolean, 2);
  EXPECT_EQ(make_rep3_malicious({}, boolean, 4).status().message(),
            "/parties: rep3_malicious runs with exactly 3 parties, got 4");
  const Circuit field = one_layer(CircuitDomain::kField61, 2);
  EXPECT_TRUE(make_rep3_malicious({}, field, 3)
                  .status()
                  .message()
                  .starts_with("/function: rep3_malicious evaluates"));
  EXPECT_EQ(make_rep3_malicious({{"name", "rep3_malicious"}, {"x", 1}}, boolean, 3)
                .status()
                .message(),
            "/protocol/x: not a parameter of rep3_malicious (it takes none)");
}

// Party 1 (malicious) adds 1 (⊕ 1 on bits) to every element of every message of `label` it
// sends, in a 4-bit vote; every such change feeds a check, so both honest parties must abort —
// none may output, let alone a wrong value.
ScenarioBuilder tampered(std::string_view label) {
  ScenarioBuilder b("rep3_malicious tamper");
  b.protocol("rep3_malicious", Json::object()).parties(3).deadline(600);
  b.function({{"name", "vote"}, {"bits", 4}}).inputs({Json{1}, Json{0}, Json{1}});
  b.adversary({1}, AdversaryModel::kMalicious,
              Json::array({{{"strategy", "add"},
                            {"label", std::string(label)},
                            {"element", "all"},
                            {"delta", 1}}}));
  return b;
}

constexpr std::string_view kCheckedLabels[] = {labels::rep3::kMult,  labels::rep3m::kTriple,
                                               labels::rep3m::kCoin, labels::rep3m::kOpen,
                                               labels::rep3m::kCheck, labels::rep3m::kOutput};

// The same in Z_2^64 without the scenario pipeline (scenario functions are Boolean or field
// circuits): party 1's channel adds 1 to every ring element of its `label` messages.
class AddOneChannel final : public ForwardingChannel {
 public:
  AddOneChannel(Channel& inner, std::string_view label) : ForwardingChannel(inner), label_(label) {}
  void send(PartyId to, std::string_view label, const Message& m) override {
    if (label != label_) return inner_.send(to, label, m);
    Message changed = m;
    for (auto& part : changed.mutable_parts())
      if (part.kind == ElementKind::kRing64)
        for (std::size_t k = 0; k < part.count; ++k)
          store_le64(&part.data[8 * k], load_le64(&part.data[8 * k]) + 1);
      else
        for (auto& byte : part.data) byte ^= 1;  // bits: flips every 8th (the coin, bits)
    inner_.send(to, label, changed);
  }

 private:
  std::string_view label_;
};

TEST(Rep3MaliciousTamper, RingProductsTriplesOpeningsAndOutputsAbort) {
  const Case c = layer_case(CircuitDomain::kRing64, 50);
  const auto made = make_rep3_malicious({}, c.circuit, kRep3Parties);
  ASSERT_TRUE(made.ok());
  for (std::string_view label : kCheckedLabels) {
    SCOPED_TRACE(std::string(label));
    const auto r = run_local(kRep3Parties, {9, 60}, [&](PartyContext& ctx) {
      const PartyInput& in = c.inputs[static_cast<std::size_t>(ctx.net.self())];
      if (ctx.net.self() != 1) return (*made)->run(ctx, in);
      AddOneChannel evil(ctx.net, label);
      PartyContext bad{evil, ctx.rng, ctx.clock, ctx.meter, ctx.annotations};
      return (*made)->run(bad, in);
    });
    for (PartyId p : {0, 2})
      EXPECT_EQ(r.parties[static_cast<std::size_t>(p)].status, PartyStatus::kAbort)
          << "party " << p;
  }
}

TEST(Rep3MaliciousTamper, EveryCheckedStepAborts) {
  for (std::string_view label : kCheckedLabels) {
      SCOPED_TRACE(std::string(label));
      auto s = tampered(label).build();
      ASSERT_TRUE(s.ok()) << s.status().message();
      const auto rec = run_scenario(*s, {});
      ASSERT_TRUE(rec.ok()) << rec.status().message();
      EXPECT_TRUE(rec->verdict_holds) << rec->explanation;
      EXPECT_EQ(rec->scope, ClaimScope::kWithin) << rec->explanation;
      for (PartyId p : {0, 2})
        EXPECT_EQ(rec->run.parties[static_cast<std::size_t>(p)].status, PartyStatus::kAbort)
            << "party " << p << ": " << rec->explanation;
    }
}

// Party 1 flips the copy of s_0 it deals to party 2 (element 4 of its input message: party 2's
// second components), so parties 0 and 2 hold different s_0: the view hash catches it.
TEST(Rep3MaliciousTamper, InconsistentInputSharingAborts) {
  ScenarioBuilder b("rep3_malicious inconsistent input");
  b.protocol("rep3_malicious", Json::object()).parties(3).deadline(600);
  b.function({{"name", "vote"}, {"bits", 4}}).inputs({Json{1}, Json{0}, Json{1}});
  b.adversary({1}, AdversaryModel::kMalicious,
              Json::array({{{"strategy", "bit_flip"},
                            {"label", std::string(labels::rep3::kInput)},
                            {"to", {2}},
                            {"element", 4},
                            {"bit", 0}}}));
  auto s = b.build();
  ASSERT_TRUE(s.ok()) << s.status().message();
  const auto rec = run_scenario(*s, {});
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  EXPECT_TRUE(rec->verdict_holds) << rec->explanation;
  EXPECT_EQ(rec->outcome, Outcome::kAbort) << rec->explanation;
}

}  // namespace
}  // namespace smpc
